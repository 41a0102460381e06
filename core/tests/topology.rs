//! The topology the page draws: nodes × links with addresses and votes, and votequorum's
//! arithmetic (votequorum(5): quorum = expected_votes / 2 + 1; two_node; device votes).

use corocheck_core::topology::Topology;
use corocheck_core::{Input, Options, analyze};

fn topology(conf: &str) -> Option<Topology> {
    let report = analyze(
        &[Input {
            path: "corosync.conf".into(),
            text: conf,
        }],
        &Options::default(),
    );
    assert!(report.topologies.len() <= 1);
    report.topologies.into_iter().next()
}

fn conf(quorum: &str, nodes: &str) -> String {
    format!(
        "totem {{\n version: 2\n cluster_name: c\n transport: knet\n}}\n\
         quorum {{\n{quorum}\n}}\nnodelist {{\n{nodes}\n}}\n"
    )
}

fn node(id: u32, extra: &str) -> String {
    format!(" node {{\n  name: n{id}\n  nodeid: {id}\n  ring0_addr: 10.0.0.{id}\n{extra}\n }}\n")
}

#[test]
fn three_nodes_two_links() {
    let nodes: String = (1..=3)
        .map(|i| node(i, &format!("  ring1_addr: 10.1.0.{i}")))
        .collect();
    let t = topology(&conf(" provider: corosync_votequorum", &nodes)).expect("topology");
    assert_eq!(t.transport, "knet");
    assert_eq!(t.links, [0, 1]);
    assert_eq!(t.nodes.len(), 3);
    assert_eq!(t.nodes[1].name, "n2");
    assert_eq!(t.nodes[1].nodeid, Some(2));
    assert_eq!(
        t.nodes[2].addrs,
        [(0, "10.0.0.3".to_string()), (1, "10.1.0.3".to_string())]
    );
    let q = t.quorum.expect("votequorum");
    assert_eq!((q.node_votes, q.expected, q.needed), (3, 3, 2));
    assert!(!q.two_node && !q.wait_for_all);
}

#[test]
fn two_node_needs_one_vote_and_waits_for_all() {
    let nodes = node(1, "") + &node(2, "");
    let q = topology(&conf(
        " provider: corosync_votequorum\n two_node: 1",
        &nodes,
    ))
    .and_then(|t| t.quorum)
    .expect("quorum");
    assert_eq!((q.expected, q.needed), (2, 1));
    assert!(q.two_node && q.wait_for_all);
    // wait_for_all: 0 turns the default off.
    let q = topology(&conf(
        " provider: corosync_votequorum\n two_node: 1\n wait_for_all: 0",
        &nodes,
    ))
    .and_then(|t| t.quorum)
    .expect("quorum");
    assert!(q.two_node && !q.wait_for_all);
}

#[test]
fn votes_expected_votes_and_a_quorum_device() {
    let nodes = node(1, "  quorum_votes: 2") + &node(2, "") + &node(3, "");
    let q = topology(&conf(" provider: corosync_votequorum", &nodes))
        .and_then(|t| t.quorum)
        .expect("quorum");
    assert_eq!((q.node_votes, q.expected, q.needed), (4, 4, 3));
    // quorum.expected_votes overrides the sum.
    let q = topology(&conf(
        " provider: corosync_votequorum\n expected_votes: 5",
        &nodes,
    ))
    .and_then(|t| t.quorum)
    .expect("quorum");
    assert_eq!((q.expected_set, q.expected, q.needed), (Some(5), 5, 3));
    // A device without `votes` gets (node votes - 1) when every node has one vote.
    let nodes = node(1, "") + &node(2, "") + &node(3, "");
    let q = topology(&conf(
        " provider: corosync_votequorum\n device {\n  model: net\n  net {\n   host: qnetd\n   algorithm: lms\n  }\n }",
        &nodes,
    ))
    .and_then(|t| t.quorum)
    .expect("quorum");
    assert_eq!(q.device, Some(("net".to_string(), 2)));
    assert_eq!((q.expected, q.needed), (5, 3));
    // two_node does not apply beside a device.
    let two = node(1, "") + &node(2, "");
    let q = topology(&conf(
        " provider: corosync_votequorum\n two_node: 1\n device {\n  model: net\n  votes: 1\n  net {\n   host: q\n  }\n }",
        &two,
    ))
    .and_then(|t| t.quorum)
    .expect("quorum");
    assert_eq!((q.expected, q.needed, q.two_node), (3, 2, false));
}

#[test]
fn no_nodelist_no_topology_and_no_provider_no_quorum() {
    assert_eq!(
        topology(
            "totem {\n version: 2\n interface {\n  ringnumber: 0\n  bindnetaddr: 10.0.0.0\n  mcastaddr: 239.1.1.1\n }\n}\n"
        ),
        None
    );
    let t = topology(&conf("", &(node(1, "") + &node(2, "")))).expect("topology");
    assert_eq!(t.quorum, None);
}
