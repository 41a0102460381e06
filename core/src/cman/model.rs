//! cluster.conf as cman, fenced and rgmanager read it: the cluster, its nodes and their fence
//! methods, fence devices, failover domains and services with their resource trees.
//!
//! Facts: cluster.conf(5), cman(5) and `cman/daemon/cman-preconfig.c`, `cmanconfig.c`,
//! `commands.c` of the RHEL 6 cluster 3.x tree (github.com/beekhof/cluster), and the
//! cluster.rng schema (`config/tools/xml/cluster.rng.in`).

use super::xml::{Attr, Doc};
use crate::diagnostic::Span;

/// An attribute value with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Val {
    pub value: String,
    /// `name="value"`, for findings.
    pub span: Span,
    /// The raw value between the quotes.
    pub value_span: Span,
}

impl Val {
    fn of(a: &Attr) -> Val {
        Val {
            value: a.text.clone(),
            span: a.whole(),
            value_span: a.value,
        }
    }
    /// A positive integer as cman reads it for ids and versions: digits only, > 0.
    pub fn positive(&self) -> Option<u32> {
        let v = self.value.trim();
        if v.is_empty() || !v.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        v.parse::<u32>().ok().filter(|&n| n > 0)
    }
    pub fn is_true(&self) -> bool {
        matches!(self.value.trim(), "1" | "yes" | "on" | "true")
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Device {
    pub el: usize,
    pub name: Option<Val>,
    /// Every other attribute (`port`, `nodename`, per-node overrides), in order.
    pub attrs: Vec<(String, Val)>,
}

impl Device {
    pub fn get(&self, k: &str) -> Option<&Val> {
        self.attrs.iter().find(|(n, _)| n == k).map(|(_, v)| v)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Method {
    pub el: usize,
    pub name: Option<Val>,
    pub devices: Vec<Device>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Node {
    pub el: usize,
    /// The start tag, for findings about the node as a whole.
    pub tag: Span,
    pub name: Option<Val>,
    pub nodeid: Option<Val>,
    pub votes: Option<Val>,
    pub methods: Vec<Method>,
    /// `<altname name=…>`: the node's address on a second ring.
    pub altnames: Vec<String>,
}

impl Node {
    pub fn name(&self) -> &str {
        self.name.as_ref().map_or("", |v| v.value.as_str())
    }
    /// Votes as cman counts them (default 1).
    pub fn votes(&self) -> u32 {
        self.votes
            .as_ref()
            .and_then(|v| v.value.trim().parse().ok())
            .unwrap_or(1)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct FenceDevice {
    pub el: usize,
    pub name: Option<Val>,
    pub agent: Option<Val>,
    /// Every other attribute, in order.
    pub attrs: Vec<(String, Val)>,
}

impl FenceDevice {
    pub fn name(&self) -> &str {
        self.name.as_ref().map_or("", |v| v.value.as_str())
    }
    pub fn agent(&self) -> &str {
        self.agent.as_ref().map_or("", |v| v.value.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Domain {
    pub name: String,
    pub ordered: bool,
    pub restricted: bool,
    pub nofailback: bool,
    /// Member nodes with their priority (1 is the most preferred).
    pub nodes: Vec<(String, Option<u32>)>,
}

/// One resource in a service's tree, flattened in document order (parents first).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Resource {
    pub el: usize,
    /// The element name: `ip`, `fs`, `script`, ...
    pub kind: String,
    /// Attributes, with those of a referenced global resource (`ref=`) merged in first.
    pub attrs: Vec<(String, String)>,
    /// Index of the parent resource in the same list; `None` for the service's children.
    pub parent: Option<usize>,
}

impl Resource {
    pub fn get(&self, k: &str) -> Option<&str> {
        self.attrs
            .iter()
            .rev()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.as_str())
    }
    /// What identifies it: the address of an `ip`, else its name.
    pub fn label(&self) -> &str {
        let key = if self.kind == "ip" { "address" } else { "name" };
        self.get(key).or(self.get("name")).unwrap_or("")
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Service {
    pub el: usize,
    /// `service` or `vm`.
    pub kind: String,
    pub name: String,
    pub domain: Option<String>,
    /// `autostart`, default on.
    pub autostart: bool,
    /// `recovery`: restart (default), relocate, disable.
    pub recovery: String,
    pub resources: Vec<Resource>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Model {
    pub root: Option<usize>,
    pub name: Option<Val>,
    pub config_version: Option<Val>,
    /// The `<cman>` element, if any.
    pub cman: Option<usize>,
    pub two_node: Option<Val>,
    pub expected_votes: Option<Val>,
    pub transport: Option<Val>,
    /// `<totem>` attributes (token, consensus, ...), in order.
    pub totem: Vec<(String, String)>,
    pub clusternodes: Option<usize>,
    pub nodes: Vec<Node>,
    pub fencedevices: Vec<FenceDevice>,
    pub domains: Vec<Domain>,
    pub services: Vec<Service>,
    /// `<quorumd>` (qdiskd) is configured.
    pub quorumd: Option<usize>,
    /// `<quorumd votes=…>`.
    pub quorumd_votes: Option<u32>,
    /// Global resources under `<rm><resources>` that no service uses.
    pub unused_resources: usize,
}

/// Every element name rgmanager knows as a resource or service (cluster.rng `CHILDREN`).
pub const RESOURCE_KINDS: &[&str] = &[
    "service",
    "ip",
    "nfsclient",
    "nfsexport",
    "script",
    "netfs",
    "clusterfs",
    "smb",
    "apache",
    "openldap",
    "samba",
    "mysql",
    "postgres-8",
    "tomcat-5",
    "tomcat-6",
    "lvm",
    "vm",
    "SAPInstance",
    "SAPDatabase",
    "named",
    "ASEHAagent",
    "drbd",
    "nfsserver",
    "fs",
    "oracledb",
    "action",
];

fn val(doc: &Doc, text: &str, id: usize, name: &str) -> Option<Val> {
    doc.attr(text, id, name).map(Val::of)
}

fn other_attrs(doc: &Doc, text: &str, id: usize, skip: &[&str]) -> Vec<(String, Val)> {
    doc.elements[id]
        .attrs
        .iter()
        .filter_map(|a| {
            let n = &text[a.name.start..a.name.end];
            (!skip.contains(&n)).then(|| (n.to_string(), Val::of(a)))
        })
        .collect()
}

impl Model {
    pub fn new(doc: &Doc, text: &str) -> Model {
        let mut m = Model::default();
        let Some(root) = doc.root else {
            return m;
        };
        m.root = Some(root);
        if doc.name(text, root) != "cluster" {
            return m;
        }
        m.name = val(doc, text, root, "name");
        m.config_version = val(doc, text, root, "config_version");
        m.cman = doc.children_named(text, root, "cman").next();
        if let Some(c) = m.cman {
            m.two_node = val(doc, text, c, "two_node");
            m.expected_votes = val(doc, text, c, "expected_votes");
            m.transport = val(doc, text, c, "transport");
        }
        if let Some(t) = doc.children_named(text, root, "totem").next() {
            m.totem = doc.elements[t]
                .attrs
                .iter()
                .map(|a| (text[a.name.start..a.name.end].to_string(), a.text.clone()))
                .collect();
        }
        m.quorumd = doc.children_named(text, root, "quorumd").next();
        m.quorumd_votes = m
            .quorumd
            .and_then(|q| doc.attr(text, q, "votes"))
            .and_then(|a| a.text.trim().parse().ok());
        m.clusternodes = doc.children_named(text, root, "clusternodes").next();
        for cns in doc.children_named(text, root, "clusternodes") {
            for n in doc.children_named(text, cns, "clusternode") {
                m.nodes.push(node(doc, text, n));
            }
        }
        for fds in doc.children_named(text, root, "fencedevices") {
            for f in doc.children_named(text, fds, "fencedevice") {
                m.fencedevices.push(FenceDevice {
                    el: f,
                    name: val(doc, text, f, "name"),
                    agent: val(doc, text, f, "agent"),
                    attrs: other_attrs(doc, text, f, &["name", "agent"]),
                });
            }
        }
        if let Some(rm) = doc.children_named(text, root, "rm").next() {
            m.read_rm(doc, text, rm);
        }
        m
    }

    fn read_rm(&mut self, doc: &Doc, text: &str, rm: usize) {
        for fds in doc.children_named(text, rm, "failoverdomains") {
            for d in doc.children_named(text, fds, "failoverdomain") {
                let flag = |k: &str| val(doc, text, d, k).is_some_and(|v| v.is_true());
                self.domains.push(Domain {
                    name: val(doc, text, d, "name")
                        .map(|v| v.value)
                        .unwrap_or_default(),
                    ordered: flag("ordered"),
                    restricted: flag("restricted"),
                    nofailback: flag("nofailback"),
                    nodes: doc
                        .children_named(text, d, "failoverdomainnode")
                        .map(|n| {
                            (
                                val(doc, text, n, "name")
                                    .map(|v| v.value)
                                    .unwrap_or_default(),
                                val(doc, text, n, "priority").and_then(|v| v.positive()),
                            )
                        })
                        .collect(),
                });
            }
        }
        // Global resources, referred to with `ref=` from inside services.
        let mut globals: Vec<usize> = Vec::new();
        for rs in doc.children_named(text, rm, "resources") {
            globals.extend(doc.elements[rs].children.iter().copied());
        }
        let mut used = vec![false; globals.len()];
        for &s in &doc.elements[rm].children {
            let kind = doc.name(text, s);
            if kind != "service" && kind != "vm" {
                continue;
            }
            let get = |k: &str| val(doc, text, s, k).map(|v| v.value);
            let mut svc = Service {
                el: s,
                kind: kind.to_string(),
                name: get("name").unwrap_or_default(),
                domain: get("domain"),
                autostart: val(doc, text, s, "autostart").is_none_or(|v| v.is_true()),
                recovery: get("recovery").unwrap_or_else(|| "restart".into()),
                resources: Vec::new(),
            };
            // Walk the resource tree iteratively, parents before children.
            let mut stack: Vec<(usize, Option<usize>)> = doc.elements[s]
                .children
                .iter()
                .rev()
                .map(|&c| (c, None))
                .collect();
            while let Some((el, parent)) = stack.pop() {
                let kind = doc.name(text, el).to_string();
                let mut attrs: Vec<(String, String)> = Vec::new();
                if let Some(r) = doc.attr(text, el, "ref") {
                    let key = if kind == "ip" { "address" } else { "name" };
                    if let Some(gi) = globals.iter().position(|&g| {
                        doc.name(text, g) == kind
                            && doc.attr(text, g, key).is_some_and(|a| a.text == r.text)
                    }) {
                        used[gi] = true;
                        attrs.extend(
                            doc.elements[globals[gi]].attrs.iter().map(|a| {
                                (text[a.name.start..a.name.end].to_string(), a.text.clone())
                            }),
                        );
                    } else {
                        attrs.push((key.to_string(), r.text.clone()));
                    }
                }
                attrs.extend(
                    doc.elements[el]
                        .attrs
                        .iter()
                        .filter(|a| &text[a.name.start..a.name.end] != "ref")
                        .map(|a| (text[a.name.start..a.name.end].to_string(), a.text.clone())),
                );
                let idx = svc.resources.len();
                svc.resources.push(Resource {
                    el,
                    kind,
                    attrs,
                    parent,
                });
                for &c in doc.elements[el].children.iter().rev() {
                    stack.push((c, Some(idx)));
                }
            }
            self.services.push(svc);
        }
        self.unused_resources = used.iter().filter(|u| !**u).count();
    }

    pub fn is_two_node(&self) -> bool {
        self.two_node.as_ref().is_some_and(|v| v.is_true())
    }

    pub fn total_votes(&self) -> u64 {
        self.nodes.iter().map(|n| n.votes() as u64).sum::<u64>()
            + self.quorumd_votes.unwrap_or(0) as u64
    }

    /// Expected votes as cman computes them: `<cman expected_votes>` if set, else the sum
    /// of the node votes (cmanconfig.c).
    pub fn expected(&self) -> u64 {
        self.expected_votes
            .as_ref()
            .and_then(|v| v.value.trim().parse::<u64>().ok())
            .filter(|&n| n > 0)
            .unwrap_or_else(|| self.nodes.iter().map(|n| n.votes() as u64).sum())
    }

    /// Quorum as cman computes it (commands.c `calculate_quorum`): more than half of the
    /// expected votes, and 1 in two_node mode.
    pub fn quorum(&self) -> u64 {
        if self.is_two_node() && self.nodes.len() <= 2 {
            1
        } else {
            self.expected().max(self.total_votes()) / 2 + 1
        }
    }

    pub fn fencedevice(&self, name: &str) -> Option<&FenceDevice> {
        self.fencedevices.iter().find(|f| f.name() == name)
    }
}

fn node(doc: &Doc, text: &str, n: usize) -> Node {
    let mut methods = Vec::new();
    for f in doc.children_named(text, n, "fence") {
        for me in doc.children_named(text, f, "method") {
            methods.push(Method {
                el: me,
                name: val(doc, text, me, "name"),
                devices: doc
                    .children_named(text, me, "device")
                    .map(|d| Device {
                        el: d,
                        name: val(doc, text, d, "name"),
                        attrs: other_attrs(doc, text, d, &["name"]),
                    })
                    .collect(),
            });
        }
    }
    Node {
        el: n,
        tag: doc.elements[n].tag,
        name: val(doc, text, n, "name"),
        nodeid: val(doc, text, n, "nodeid"),
        votes: val(doc, text, n, "votes"),
        methods,
        altnames: doc
            .children_named(text, n, "altname")
            .filter_map(|a| val(doc, text, a, "name").map(|v| v.value))
            .collect(),
    }
}
