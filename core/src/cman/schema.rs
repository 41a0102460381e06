//! Which elements and attributes cluster.conf's core sections accept: the cluster.rng schema
//! of the RHEL 6 cluster 3.x tree (`config/tools/xml/cluster.rng.in`), plus `<cman
//! transport>` (RHEL 6.2+, "udpu"). `None` means "not checked": fence device attributes
//! depend on the agent, `<totem>` takes corosync's own keys, resource attributes depend on
//! the resource agent.

use super::model::RESOURCE_KINDS;

pub struct Spec {
    pub name: &'static str,
    /// The parent element's name ("" for the root).
    pub parent: &'static str,
    pub attrs: Option<&'static [&'static str]>,
    pub children: Option<&'static [&'static str]>,
}

const LOG: &[&str] = &[
    "to_syslog",
    "to_logfile",
    "syslog_facility",
    "syslog_priority",
    "logfile_priority",
    "logfile",
    "debug",
];
const LOG_DAEMON: &[&str] = &[
    "name",
    "subsys",
    "to_syslog",
    "to_logfile",
    "syslog_facility",
    "syslog_priority",
    "logfile_priority",
    "logfile",
    "debug",
];
const NONE: &[&str] = &[];

pub const SPECS: &[Spec] = &[
    Spec {
        name: "cluster",
        parent: "",
        attrs: Some(&["name", "config_version"]),
        children: Some(&[
            "cman",
            "totem",
            "quorumd",
            "fence_daemon",
            "fence_xvmd",
            "dlm",
            "gfs_controld",
            "group",
            "logging",
            "clusternodes",
            "fencedevices",
            "rm",
            "clvmd",
        ]),
    },
    Spec {
        name: "cman",
        parent: "cluster",
        attrs: Some(&[
            "two_node",
            "expected_votes",
            "upgrading",
            "disallowed",
            "quorum_dev_poll",
            "shutdown_timeout",
            "ccsd_poll",
            "debug_mask",
            "port",
            "cluster_id",
            "hash_cluster_id",
            "nodename",
            "broadcast",
            "keyfile",
            "disable_openais",
            "transport",
        ]),
        children: Some(&["multicast"]),
    },
    Spec {
        name: "multicast",
        parent: "cman",
        attrs: Some(&["addr"]),
        children: Some(NONE),
    },
    Spec {
        name: "totem",
        parent: "cluster",
        attrs: None,
        children: Some(&["interface"]),
    },
    Spec {
        name: "clusternodes",
        parent: "cluster",
        attrs: Some(NONE),
        children: Some(&["clusternode"]),
    },
    Spec {
        name: "clusternode",
        parent: "clusternodes",
        attrs: Some(&["name", "nodeid", "votes", "weight"]),
        children: Some(&["altname", "fence", "unfence"]),
    },
    Spec {
        name: "altname",
        parent: "clusternode",
        attrs: Some(&["name", "port", "mcast"]),
        children: Some(NONE),
    },
    Spec {
        name: "fence",
        parent: "clusternode",
        attrs: Some(NONE),
        children: Some(&["method"]),
    },
    Spec {
        name: "method",
        parent: "fence",
        attrs: Some(&["name"]),
        children: Some(&["device"]),
    },
    Spec {
        name: "unfence",
        parent: "clusternode",
        attrs: Some(NONE),
        children: Some(&["device"]),
    },
    Spec {
        name: "fencedevices",
        parent: "cluster",
        attrs: Some(NONE),
        children: Some(&["fencedevice"]),
    },
    Spec {
        name: "quorumd",
        parent: "cluster",
        attrs: Some(&[
            "interval",
            "tko",
            "votes",
            "min_score",
            "device",
            "label",
            "cman_label",
            "status_file",
            "scheduler",
            "reboot",
            "priority",
            "stop_cman",
            "paranoid",
            "allow_kill",
            "max_error_cycles",
            "io_timeout",
            "master_wins",
        ]),
        children: Some(&["heuristic"]),
    },
    Spec {
        name: "heuristic",
        parent: "quorumd",
        attrs: Some(&["program", "score", "interval", "tko"]),
        children: Some(NONE),
    },
    Spec {
        name: "logging",
        parent: "cluster",
        attrs: Some(LOG),
        children: Some(&["logging_daemon"]),
    },
    Spec {
        name: "logging_daemon",
        parent: "logging",
        attrs: Some(LOG_DAEMON),
        children: Some(NONE),
    },
    Spec {
        name: "rm",
        parent: "cluster",
        attrs: Some(&[
            "log_level",
            "status_child_max",
            "status_poll_interval",
            "transition_throttling",
            "central_processing",
            "log_facility",
        ]),
        children: Some(&[
            "failoverdomains",
            "events",
            "resources",
            "resource-defaults",
            "service",
            "vm",
        ]),
    },
    Spec {
        name: "failoverdomains",
        parent: "rm",
        attrs: Some(NONE),
        children: Some(&["failoverdomain"]),
    },
    Spec {
        name: "failoverdomain",
        parent: "failoverdomains",
        attrs: Some(&["name", "ordered", "restricted", "nofailback"]),
        children: Some(&["failoverdomainnode"]),
    },
    Spec {
        name: "failoverdomainnode",
        parent: "failoverdomain",
        attrs: Some(&["priority", "name"]),
        children: Some(NONE),
    },
    Spec {
        name: "resources",
        parent: "rm",
        attrs: Some(NONE),
        children: Some(RESOURCE_KINDS),
    },
    Spec {
        name: "service",
        parent: "rm",
        attrs: Some(&[
            "ref",
            "name",
            "domain",
            "autostart",
            "exclusive",
            "nfslock",
            "nfs_client_cache",
            "recovery",
            "depend",
            "depend_mode",
            "max_restarts",
            "restart_expire_time",
            "priority",
            "__independent_subtree",
            "__enforce_timeouts",
            "__max_failures",
            "__failure_expire_time",
            "__max_restarts",
            "__restart_expire_time",
        ]),
        children: Some(RESOURCE_KINDS),
    },
];

/// The spec of an element, by its name and its parent's name.
pub fn spec(name: &str, parent: &str) -> Option<&'static Spec> {
    SPECS.iter().find(|s| s.name == name && s.parent == parent)
}
