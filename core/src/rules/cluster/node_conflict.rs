use super::{Doc, Index, NodeIndex, related};
use crate::conf::KeyRef;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::i18n::Msg;

declare_rule! {
    /// ## What it does
    /// Given the corosync.conf of two or more nodes of one cluster, matches the nodes of each
    /// nodelist with those of the first file (by `name`, else `ring0_addr`, else `nodeid`) and
    /// compares their `nodeid`, `name`, every `ringX_addr` and `quorum_votes`. A nodeid given
    /// to different nodes in two files shows up here as the same node with two nodeids.
    ///
    /// ## Why is this bad?
    /// The nodeid is how corosync identifies a node (knet addresses hosts by nodeid; the
    /// membership and quorum lists are lists of node ids). If node2 is nodeid 2 in one file and
    /// 3 in another, the nodes map ids to hosts differently, so they cannot agree on a
    /// membership, and Pacemaker, which records nodes by their corosync nodeid, can mix them
    /// up. A different address means one node sends to a place where the peer
    /// does not listen. Different `quorum_votes` change the quorum arithmetic per node.
    ///
    /// ## Example
    /// node1.conf: `node { name: node2 nodeid: 2 ... }`; node2.conf: `node { name: node2
    /// nodeid: 3 ... }`.
    ///
    /// ## Fix
    /// Decide the right mapping, write it in one file and copy it to every node (`pcs cluster
    /// sync`, `crm cluster copy /etc/corosync/corosync.conf`); restart corosync on the nodes
    /// whose nodeid changed (a nodeid cannot be reloaded).
    ///
    /// ## References
    /// - corosync.conf(5) `nodelist` (`nodeid`, `name`, `ringX_addr`) (v3.1.7);
    ///   `shared/reference/corosync-conf.md` §2.3, §3.8 (nodeid is read-only at runtime).
    pub static META = {
        code: "C804",
        name: "cluster-node-conflict",
        severity: Error,
        docs_ja: "## 何をするか
同じクラスタの 2 台以上のノードの corosync.conf を受け取ったとき、各ノードリストのノードを最初のファイルのノードと対応付け（`name`、なければ `ring0_addr`、それもなければ `nodeid`）、`nodeid`、`name`、すべての `ringX_addr`、`quorum_votes` を比べます。2 つのファイルで同じ nodeid が別のノードに付いている場合は、同じノードに 2 つの nodeid があるものとして検出されます。

## なぜ問題か
nodeid は、corosync が通信の中でノードを見分ける番号です（knet はホストを nodeid で扱い、メンバーシップも nodeid の一覧です）。node2 があるファイルでは nodeid 2、別のファイルでは 3 だと、ノード間で誰が誰かの認識が食い違います。ノードごとに nodeid とホストの対応が違うため、メンバーシップで合意できず、corosync の nodeid でノードを記録する Pacemaker もノードを取り違えることがあります。アドレスが異なると、相手が待ち受けていない所へ送ることになります。`quorum_votes` が異なると、クォーラムの計算がノードごとに変わります。

## 例
node1.conf は `node { name: node2 nodeid: 2 ... }`、node2.conf は `node { name: node2 nodeid: 3 ... }` です。

## 対処
正しい対応を決めて 1 つのファイルに書き、全ノードにコピーしてください（`pcs cluster sync`、`crm cluster copy /etc/corosync/corosync.conf`）。nodeid は再読み込みできないため、nodeid が変わったノードでは corosync を再起動してください。

## 参考
- corosync.conf(5) の `nodelist`（`nodeid`、`name`、`ringX_addr`）（v3.1.7）、`shared/reference/corosync-conf.md` §2.3、§3.8（nodeid は実行中に変更できません）",
    }
}

fn compared(k: &KeyRef) -> bool {
    matches!(k.name, "nodeid" | "name" | "quorum_votes")
        || crate::rules::config::schema::ring_addr_number(k.name).is_some()
}

pub fn check(docs: &[Doc], out: &mut Vec<Diagnostic>) {
    let reference = docs[0].ctx.model().nodes();
    let index = NodeIndex::new(reference);
    for (j, doc) in docs.iter().enumerate().skip(1) {
        for n in doc.ctx.model().nodes() {
            let Some(p) = index.find(n) else {
                continue;
            };
            let r = &reference[p];
            let mut seen = Index::new();
            let names: Vec<&str> = r
                .keys
                .iter()
                .chain(n.keys.iter())
                .filter(|k| compared(k) && seen.insert(k.name, 0).is_none())
                .map(|k| k.name)
                .collect();
            for name in names {
                let (here, there) = (n.get(name), r.get(name));
                let (span, msg, rel) = match (here, there) {
                    (Some(h), Some(t)) if h.value == t.value => continue,
                    (None, None) => continue,
                    (Some(h), Some(t)) => (
                        crate::rules::config::value_span(&h),
                        Msg::new("C804.message")
                            .arg("value", h.value)
                            .arg("other_value", t.value),
                        t.line_span,
                    ),
                    (Some(h), None) => (
                        crate::rules::config::value_span(&h),
                        Msg::new("C804.message.unset_there").arg("value", h.value),
                        r.section().line_span,
                    ),
                    (None, Some(t)) => (
                        n.section().name_span,
                        Msg::new("C804.message.unset_here").arg("other_value", t.value),
                        t.line_span,
                    ),
                };
                let msg = msg
                    .arg("key", name)
                    .arg("node", r.label())
                    .arg("file", doc.path)
                    .arg("other", docs[0].path);
                let mut d = META.diag(span, msg).help(Msg::new("C804.help"));
                d.file = j;
                d.related.push(related(
                    0,
                    rel,
                    Msg::new("C800.related").arg("file", docs[0].path),
                ));
                out.push(d);
            }
        }
    }
}
