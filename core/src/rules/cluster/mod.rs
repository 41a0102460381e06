//! The corosync.conf files of one cluster, compared (C8xx). Runs after the per-file rules when
//! two or more main corosync.conf documents are given (CLI arguments, or files opened on the
//! page). Each finding sits on the differing line of one file; `related` points to the line of
//! the file it is compared with. The first document is the reference.
//!
//! | code | name | meaning |
//! |---|---|---|
//! | C801 | cluster-totem-differs | a `totem` or `totem.interface` setting differs |
//! | C802 | cluster-quorum-differs | a `quorum` setting differs |
//! | C803 | cluster-node-missing | a node is in one nodelist but not in another |
//! | C804 | cluster-node-conflict | one node has another nodeid, name or address |
//!
//! Values are compared as written (after corosync's trimming), so `token: 3000` in one file
//! and no `token` in the other is a difference even when 3000 is the default: corosync's
//! defaults change between releases, and the point is that every node says the same.

use super::{Ctx, RuleMeta};
use crate::conf::KeyRef;
use crate::diagnostic::{Diagnostic, Related, Severity, Span};
use crate::i18n::Msg;
use std::collections::HashMap;

/// Names to positions: the one map type of this module (each map type costs wasm size).
pub(crate) type Index<'a> = HashMap<&'a str, usize>;

pub mod node_conflict;
pub mod node_missing;
pub mod quorum_differs;
pub mod totem_differs;

/// One main corosync.conf of the cluster.
pub struct Doc<'a> {
    /// The file name shown in messages.
    pub path: &'a str,
    pub ctx: Ctx<'a>,
}

pub fn metas() -> Vec<&'static RuleMeta> {
    vec![
        &totem_differs::META,
        &quorum_differs::META,
        &node_missing::META,
        &node_conflict::META,
    ]
}

/// Compare the documents. Diagnostics carry the document index in `file` (also in `related`);
/// `report::analyze` maps it to the input.
pub fn run(docs: &[Doc], out: &mut Vec<Diagnostic>) {
    if docs.len() < 2 {
        return;
    }
    totem_differs::check(docs, out);
    quorum_differs::check(docs, out);
    node_missing::check(docs, out);
    node_conflict::check(docs, out);
}

/// One setting as written in a document: its display name and the key line.
pub(crate) type Setting<'a> = (String, KeyRef<'a>);

/// A related place in another document.
pub(crate) fn related(doc: usize, span: Span, note: Msg) -> Related {
    Related {
        file: doc,
        span,
        note,
    }
}

/// Compare flattened settings of every document with the reference (document 0). `anchor` is
/// where to report a setting that a document lacks. `severity` picks the severity by name.
pub(crate) fn compare_settings<'a>(
    meta: &'static RuleMeta,
    docs: &[Doc<'a>],
    settings: &[Vec<Setting<'a>>],
    anchors: &[Span],
    severity: impl Fn(&str) -> Severity,
    out: &mut Vec<Diagnostic>,
) {
    // Last one wins, as in corosync; lookups by name keep this linear.
    fn index<'s>(list: &'s [Setting]) -> Index<'s> {
        list.iter()
            .enumerate()
            .map(|(i, (n, _))| (n.as_str(), i))
            .collect()
    }
    let reference = index(&settings[0]);
    for (j, list) in settings.iter().enumerate().skip(1) {
        let mine = index(list);
        // Every name in either document, in reference order, then this document's extras.
        let mut seen = Index::new();
        let names: Vec<&str> = settings[0]
            .iter()
            .chain(list.iter())
            .map(|(n, _)| n.as_str())
            .filter(|n| seen.insert(n, 0).is_none())
            .collect();
        for name in names {
            let here = mine.get(name).map(|i| list[*i].1);
            let there = reference.get(name).map(|i| settings[0][*i].1);
            // `totem.key` is the secret itself: compare it, never print it.
            let show = |k: KeyRef<'a>| if name == "totem.key" { "…" } else { k.value };
            let (span, msg, rel_span) = match (here, there) {
                (Some(h), Some(t)) if h.value == t.value => continue,
                (None, None) => continue,
                (Some(h), Some(t)) => (
                    super::config::value_span(&h),
                    Msg::new(format!("{}.message", meta.code))
                        .arg("value", show(h))
                        .arg("other_value", show(t)),
                    t.line_span,
                ),
                (Some(h), None) => (
                    super::config::value_span(&h),
                    Msg::new(format!("{}.message.unset_there", meta.code)).arg("value", show(h)),
                    anchors[0],
                ),
                (None, Some(t)) => (
                    anchors[j],
                    Msg::new(format!("{}.message.unset_here", meta.code))
                        .arg("other_value", show(t)),
                    t.line_span,
                ),
            };
            let msg = msg
                .arg("key", name)
                .arg("file", docs[j].path)
                .arg("other", docs[0].path);
            let mut d = super::config::diag(
                meta,
                severity(name),
                span,
                msg,
                Msg::new(format!("{}.help", meta.code)).arg("key", name),
            );
            d.file = j;
            d.related.push(related(
                0,
                rel_span,
                Msg::new("C800.related").arg("file", docs[0].path),
            ));
            out.push(d);
        }
    }
}

/// The nodes of a document indexed the way another document's nodes are matched with them:
/// by `name` when both have one, else by `ring0_addr`, else by `nodeid`.
pub(crate) struct NodeIndex<'a> {
    by: [Index<'a>; 3],
    all_named: bool,
}

const MATCH_KEYS: [&str; 3] = ["name", "ring0_addr", "nodeid"];

impl<'a> NodeIndex<'a> {
    pub(crate) fn new(nodes: &[super::config::model::Node<'a>]) -> NodeIndex<'a> {
        let mut by: [Index<'a>; 3] = Default::default();
        for (pos, n) in nodes.iter().enumerate() {
            for (i, key) in MATCH_KEYS.iter().enumerate() {
                if let Some(k) = n.get(key) {
                    by[i].entry(k.value).or_insert(pos);
                }
            }
        }
        let all_named = nodes.iter().all(|n| n.get("name").is_some());
        NodeIndex { by, all_named }
    }

    /// The position of `node`'s counterpart.
    pub(crate) fn find(&self, node: &super::config::model::Node) -> Option<usize> {
        for (i, key) in MATCH_KEYS.iter().enumerate() {
            if let Some(k) = node.get(key) {
                if let Some(p) = self.by[i].get(k.value) {
                    return Some(*p);
                }
                // Both sides name their nodes but differently: do not guess by address.
                if i == 0 && self.all_named {
                    return None;
                }
            }
        }
        None
    }
}

/// Where to report something about a document's nodelist: its first `nodelist`, else `totem`.
pub(crate) fn nodelist_anchor(doc: &Doc) -> Span {
    let m = doc.ctx.model();
    m.nodelists
        .first()
        .map(|s| s.name_span)
        .unwrap_or_else(|| m.totem_anchor())
}
