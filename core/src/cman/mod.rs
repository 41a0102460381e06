//! CMAN `cluster.conf` (RHEL 5/6): an XML reader of our own ([`xml`]), the model of what
//! cman, fenced and rgmanager read ([`model`]), the schema of the core sections
//! ([`schema`]), a summary of what the file defines ([`Summary`]) and the conversion to a
//! corosync 3 `corosync.conf` plus a pcs script ([`convert`]).

pub mod convert;
pub mod model;
pub mod schema;
pub mod xml;

use crate::diagnostic::{Diagnostic, Span};
use crate::i18n::Msg;
use crate::msg;

pub use model::Model;
pub use xml::Doc;

/// Everything a cluster.conf rule may look at.
pub struct Cx<'a> {
    pub text: &'a str,
    pub doc: &'a Doc,
    pub model: &'a Model,
}

impl Cx<'_> {
    pub fn name(&self, id: usize) -> &str {
        self.doc.name(self.text, id)
    }
    pub fn slice(&self, s: Span) -> &str {
        &self.text[s.start..s.end]
    }
}

/// What one cluster.conf defines, and its conversion.
#[derive(Debug, Clone, PartialEq)]
pub struct CmanDoc {
    /// Index of the input.
    pub file: usize,
    pub span: Span,
    pub summary: Vec<Msg>,
    pub conversion: convert::Conversion,
    pub model: Model,
}

/// Read, check, summarise and convert one cluster.conf segment.
pub fn analyze(text: &str, range: Span) -> (Vec<Diagnostic>, CmanDoc) {
    let doc = xml::parse(text, range);
    let model = Model::new(&doc, text);
    let cx = Cx {
        text,
        doc: &doc,
        model: &model,
    };
    let mut out = Vec::new();
    for r in crate::rules::cman::rules() {
        (r.check)(&cx, &mut out);
    }
    let summary = summary(&model);
    let conversion = convert::convert(&model);
    (
        out,
        CmanDoc {
            file: 0,
            span: range,
            summary,
            conversion,
            model,
        },
    )
}

/// Facts for the page and the CLI, one message per line.
pub fn summary(m: &Model) -> Vec<Msg> {
    let mut v = Vec::new();
    if m.root.is_none() || (m.name.is_none() && m.nodes.is_empty()) {
        return v;
    }
    let name = m.name.as_ref().map_or("?", |v| v.value.as_str());
    let version = m.config_version.as_ref().map_or("?", |v| v.value.as_str());
    v.push(msg!("cman.sum.cluster", name = name, version = version));
    let list: Vec<String> = m
        .nodes
        .iter()
        .map(|n| {
            let id = n.nodeid.as_ref().map_or("?", |v| v.value.as_str());
            if n.votes() == 1 {
                format!("{} (nodeid {id})", n.name())
            } else {
                format!("{} (nodeid {id}, votes {})", n.name(), n.votes())
            }
        })
        .collect();
    v.push(msg!(
        "cman.sum.nodes",
        count = m.nodes.len(),
        list = list.join(", ")
    ));
    if m.is_two_node() {
        v.push(msg!("cman.sum.two-node"));
    } else {
        let key = if m.expected_votes.is_some() {
            "cman.sum.quorum.set"
        } else {
            "cman.sum.quorum.sum"
        };
        v.push(msg!(
            key,
            total = m.total_votes(),
            expected = m.expected(),
            quorum = m.quorum()
        ));
    }
    if m.quorumd.is_some() {
        v.push(msg!(
            "cman.sum.qdisk",
            votes = m.quorumd_votes.map_or("?".into(), |n| n.to_string())
        ));
    }
    let pcmk = m.fencedevices.iter().any(|f| f.agent() == "fence_pcmk");
    if pcmk {
        v.push(msg!("cman.sum.fence-pcmk"));
    }
    for n in &m.nodes {
        if n.methods.is_empty() {
            v.push(msg!("cman.sum.fence.none", node = n.name()));
            continue;
        }
        let methods: Vec<String> = n
            .methods
            .iter()
            .map(|me| {
                let devs: Vec<String> = me
                    .devices
                    .iter()
                    .map(|d| {
                        let dn = d.name.as_ref().map_or("?", |v| v.value.as_str());
                        let agent = m.fencedevice(dn).map_or("?", |f| f.agent());
                        match d.get("port").or(d.get("nodename")) {
                            Some(p) => format!("{dn} ({agent}, port {})", p.value),
                            None => format!("{dn} ({agent})"),
                        }
                    })
                    .collect();
                format!(
                    "{}: {}",
                    me.name.as_ref().map_or("?", |v| v.value.as_str()),
                    devs.join(" + ")
                )
            })
            .collect();
        v.push(msg!(
            "cman.sum.fence.node",
            node = n.name(),
            methods = methods.join(" → ")
        ));
    }
    for d in &m.domains {
        let nodes: Vec<String> = d
            .nodes
            .iter()
            .map(|(n, p)| match p {
                Some(p) if d.ordered => format!("{n} ({p})"),
                _ => n.clone(),
            })
            .collect();
        let mut flags = Vec::new();
        if d.ordered {
            flags.push("ordered");
        }
        if d.restricted {
            flags.push("restricted");
        }
        if d.nofailback {
            flags.push("nofailback");
        }
        v.push(msg!(
            "cman.sum.domain",
            name = d.name.as_str(),
            flags = if flags.is_empty() {
                "-".to_string()
            } else {
                flags.join(", ")
            },
            nodes = nodes.join(", ")
        ));
    }
    for s in &m.services {
        let res: Vec<String> = s
            .resources
            .iter()
            .filter(|r| r.kind != "action")
            .map(|r| format!("{} {}", r.kind, r.label()))
            .collect();
        v.push(msg!(
            "cman.sum.service",
            name = s.name.as_str(),
            domain = s.domain.as_deref().unwrap_or("-"),
            autostart = if s.autostart { "1" } else { "0" },
            recovery = s.recovery.as_str(),
            resources = if res.is_empty() {
                "-".to_string()
            } else {
                res.join(", ")
            }
        ));
    }
    v
}
