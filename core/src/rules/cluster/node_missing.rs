use super::{Doc, NodeIndex, nodelist_anchor, related};
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::i18n::Msg;

declare_rule! {
    /// ## What it does
    /// Given the corosync.conf of two or more nodes of one cluster, finds a node that the
    /// nodelist of one file lists and the nodelist of another does not. Nodes are matched by
    /// `name`, else by `ring0_addr`, else by `nodeid`.
    ///
    /// ## Why is this bad?
    /// corosync only talks to the nodes in its own nodelist: with knet a node missing from the
    /// list has no link, and with udpu it gets no unicast packets. The node that lacks an
    /// entry never sees that peer, and votequorum computes `expected_votes` from the nodelist,
    /// so the nodes also disagree on how many votes make quorum. This happens when a node was
    /// added or removed and the new file was not copied everywhere.
    ///
    /// ## Example
    /// node1.conf lists node1, node2 and node3; node3.conf lists only node1 and node3.
    ///
    /// ## Fix
    /// Copy the complete corosync.conf to every node (`pcs cluster sync`, `crm cluster copy
    /// /etc/corosync/corosync.conf`) and reload it on all of them (`corosync-cfgtool -R`).
    ///
    /// ## References
    /// - corosync.conf(5) `nodelist`, votequorum(5) `expected_votes` (v3.1.7);
    ///   `shared/reference/corosync-conf.md` §2.3, §3.5.
    pub static META = {
        code: "C803",
        name: "cluster-node-missing",
        severity: Error,
        docs_ja: "## 何をするか
同じクラスタの 2 台以上のノードの corosync.conf を受け取ったとき、あるファイルのノードリストにはあり、別のファイルのノードリストにはないノードを検出します。ノードは `name`、なければ `ring0_addr`、それもなければ `nodeid` で対応付けます。

## なぜ問題か
corosync は自分のノードリストにあるノードとだけ通信します。knet ではリストにないノードへのリンクがなく、udpu ではユニキャストのパケットが届きません。エントリのないノードからはその相手が見えません。また votequorum は `expected_votes` をノードリストから計算するため、クォーラムに必要な票数もノードごとに食い違います。ノードを追加・削除したあと、新しいファイルを全ノードにコピーしなかった場合に起きます。

## 例
node1.conf には node1、node2、node3 がありますが、node3.conf には node1 と node3 しかありません。

## 対処
完全な corosync.conf を全ノードにコピーし（`pcs cluster sync`、`crm cluster copy /etc/corosync/corosync.conf`）、全ノードで再読み込みしてください（`corosync-cfgtool -R`）。

## 参考
- corosync.conf(5) の `nodelist`、votequorum(5) の `expected_votes`（v3.1.7）、`shared/reference/corosync-conf.md` §2.3、§3.5",
    }
}

pub fn check(docs: &[Doc], out: &mut Vec<Diagnostic>) {
    let reference = docs[0].ctx.model().nodes();
    let ref_index = NodeIndex::new(reference);
    for (j, doc) in docs.iter().enumerate().skip(1) {
        let mine = doc.ctx.model().nodes();
        let my_index = NodeIndex::new(mine);
        if mine.is_empty() && reference.is_empty() {
            continue;
        }
        let names = |file: &str, other: &str, node: String| {
            Msg::new("C803.message")
                .arg("node", node)
                .arg("file", file)
                .arg("other", other)
        };
        // In the reference but not here: report on this file's nodelist.
        for n in reference {
            if my_index.find(n).is_none() {
                let mut d = META
                    .diag(
                        nodelist_anchor(doc),
                        names(doc.path, docs[0].path, n.label()),
                    )
                    .help(Msg::new("C803.help"));
                d.file = j;
                d.related.push(related(
                    0,
                    n.section().line_span,
                    Msg::new("C800.related.nodelist").arg("file", docs[0].path),
                ));
                out.push(d);
            }
        }
        // Here but not in the reference: report on the node.
        for n in mine {
            if ref_index.find(n).is_none() {
                let mut d = META
                    .diag(
                        n.section().name_span,
                        names(docs[0].path, doc.path, n.label()),
                    )
                    .help(Msg::new("C803.help"));
                d.file = j;
                d.related.push(related(
                    0,
                    nodelist_anchor(&docs[0]),
                    Msg::new("C800.related.nodelist").arg("file", docs[0].path),
                ));
                out.push(d);
            }
        }
    }
}
