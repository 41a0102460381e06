//! The cluster a corosync.conf describes: nodes × links with their addresses and votes, and the
//! quorum arithmetic votequorum does with them (the page draws it).
//!
//! Facts: corosync-conf.md §3.5 (votequorum: expected votes from the nodelist, `quorum_votes`
//! default 1, `two_node`), votequorum(5) ("quorum = expected_votes / 2 + 1"; with `two_node: 1`
//! and two nodes a single vote is quorate, and `wait_for_all` is then on by default), and
//! corosync-qdevice(8) / votequorum.c (`quorum.device.votes` defaults to the sum of the node
//! votes minus one when every node has one vote).

use crate::rules::config::model::{Model, Read, read_u32_value};

/// One node of the nodelist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// `name`, else `ring0_addr`, else `#<position>`.
    pub name: String,
    pub nodeid: Option<u32>,
    pub votes: u32,
    /// `(link, address)` from `ringX_addr`, by link number.
    pub addrs: Vec<(u32, String)>,
}

/// votequorum's numbers for this config.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quorum {
    /// The sum of the nodes' votes.
    pub node_votes: u64,
    /// The quorum device's model and votes, when one is configured.
    pub device: Option<(String, u64)>,
    /// `quorum.expected_votes` when set (it overrides the sum).
    pub expected_set: Option<u64>,
    /// The expected votes votequorum uses.
    pub expected: u64,
    /// Votes needed for quorum.
    pub needed: u64,
    pub two_node: bool,
    pub wait_for_all: bool,
}

/// The topology of one corosync.conf with a nodelist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Topology {
    /// Index of the input file.
    pub file: usize,
    /// `knet`, `udpu`, `udp` or `iba`.
    pub transport: &'static str,
    pub links: Vec<u32>,
    pub nodes: Vec<Node>,
    /// `None` when the votequorum provider is not configured.
    pub quorum: Option<Quorum>,
}

/// Build the topology, or `None` without a nodelist (corosync 1.x, or multicast discovery).
pub fn build(model: &Model, file: usize) -> Option<Topology> {
    if !model.has_nodelist() {
        return None;
    }
    let u32_of = |v: &str| match read_u32_value(model.major, v) {
        Read::Value(n) => Some(n),
        _ => None,
    };
    let nodes: Vec<Node> = model
        .nodes()
        .iter()
        .map(|n| Node {
            name: n.label(),
            nodeid: n.nodeid().and_then(|(_, id)| id),
            votes: n
                .get("quorum_votes")
                .and_then(|k| u32_of(k.value))
                .unwrap_or(1),
            addrs: n
                .rings()
                .iter()
                .map(|(l, k)| (*l, k.value.to_string()))
                .collect(),
        })
        .collect();
    let mut links: Vec<u32> = nodes
        .iter()
        .flat_map(|n| n.addrs.iter().map(|a| a.0))
        .collect();
    crate::sort::sort(&mut links);
    links.dedup();
    let quorum = model.votequorum().then(|| {
        let node_votes: u64 = nodes.iter().map(|n| u64::from(n.votes)).sum();
        let device = model.qdevice().map(|m| {
            let all_one = nodes.iter().all(|n| n.votes == 1);
            let votes = model
                .device_key(None, "votes")
                .and_then(|k| u32_of(k.value))
                .map(u64::from)
                .unwrap_or(if all_one {
                    node_votes.saturating_sub(1)
                } else {
                    0
                });
            (m.value.to_string(), votes)
        });
        let expected_set = model
            .quorum_num("expected_votes")
            .map(|(_, v)| u64::from(v));
        let expected = expected_set.unwrap_or(node_votes + device.as_ref().map_or(0, |d| d.1));
        let two_node = model.quorum_on("two_node") && nodes.len() == 2 && device.is_none();
        let needed = if two_node { 1 } else { expected / 2 + 1 };
        let wait_for_all = match model.quorum_num("wait_for_all") {
            Some((_, v)) => v != 0,
            None => two_node,
        };
        Quorum {
            node_votes,
            device,
            expected_set,
            expected,
            needed,
            two_node,
            wait_for_all,
        }
    });
    Some(Topology {
        file,
        transport: model.transport().name(),
        links,
        nodes,
        quorum,
    })
}
