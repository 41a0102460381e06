//! The "Load example" text: a corosync 1.x `service.d/pcmk` fragment that loads the Pacemaker
//! plugin with `ver: 0`, and the two lines corosync 1.4 logs for it on a cman-based system.

pub const TEXT: &str = "\
# /etc/corosync/service.d/pcmk
service {
\t# Load the Pacemaker Cluster Resource Manager
\tname: pacemaker
\tver: 0
}

# /var/log/cluster/corosync.log
Aug 26 16:20:37 corosync [pcmk  ] ERROR: process_ais_conf: You have configured a cluster using the Pacemaker plugin for Corosync. The plugin is not supported in this environment and will be removed very soon.
Aug 26 16:20:37 corosync [pcmk  ] ERROR: process_ais_conf:  Please see Chapter 8 of 'Clusters from Scratch' (http://www.clusterlabs.org/doc) for details on using Pacemaker with CMAN
";
