use super::{Doc, Setting, compare_settings};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity, Span};

declare_rule! {
    /// ## What it does
    /// Given the corosync.conf of two or more nodes of one cluster, compares every setting of
    /// `quorum` and its subsections (`quorum.device`, `quorum.device.net`, ...) with the first
    /// file: provider, two_node, expected_votes, wait_for_all, auto_tie_breaker,
    /// last_man_standing, the quorum device.
    ///
    /// ## Why is this bad?
    /// votequorum runs on every node with that node's settings. With `two_node: 1` on one node
    /// only, or different `expected_votes`, the nodes disagree on how many votes make quorum:
    /// after a split one side may keep quorum that the other side expects it to lose, which is
    /// how a cluster runs resources twice. A different `provider` leaves one node without
    /// votequorum at all.
    ///
    /// ## Example
    /// node1.conf has `two_node: 1` in `quorum`, node2.conf does not.
    ///
    /// ## Fix
    /// Make the `quorum` sections identical and copy the file to every node (`pcs cluster
    /// sync`, `crm cluster copy /etc/corosync/corosync.conf`); restart the cluster if
    /// `two_node` or `wait_for_all` changed (they are not reloadable).
    ///
    /// ## References
    /// - votequorum(5) (v3.1.7); `shared/reference/corosync-conf.md` §2.5, §3.5.
    /// - `shared/reference/peers.md` §6.1: Trento check BA215C "corosync.conf files are identical".
    pub static META = {
        code: "C802",
        name: "cluster-quorum-differs",
        severity: Warning,
        docs_ja: "## 何をするか
同じクラスタの 2 台以上のノードの corosync.conf を受け取ったとき、`quorum` とその下のセクション（`quorum.device`、`quorum.device.net` など）のすべての設定を最初のファイルと比べます。provider、two_node、expected_votes、wait_for_all、auto_tie_breaker、last_man_standing、クォーラムデバイスが対象です。

## なぜ問題か
votequorum は各ノードで、そのノードの設定に従って動きます。1 台だけ `two_node: 1` だったり `expected_votes` が異なったりすると、クォーラムに必要な票数についてノードの考えが食い違います。分断が起きると、相手側はクォーラムを失うはずだと考えている側がクォーラムを保ち、リソースが二重に動く原因になります。`provider` が異なると、votequorum のないノードができます。

## 例
node1.conf の `quorum` には `two_node: 1` がありますが、node2.conf にはありません。

## 対処
`quorum` セクションを同じにし、ファイルを全ノードにコピーしてください（`pcs cluster sync`、`crm cluster copy /etc/corosync/corosync.conf`）。`two_node` や `wait_for_all` を変えた場合は再読み込みできないため、クラスタを再起動してください。

## 参考
- votequorum(5)（v3.1.7）、`shared/reference/corosync-conf.md` §2.5、§3.5
- `shared/reference/peers.md` §6.1: Trento のチェック BA215C「corosync.conf files are identical」",
    }
}

pub fn check(docs: &[Doc], out: &mut Vec<Diagnostic>) {
    let mut settings: Vec<Vec<Setting>> = Vec::with_capacity(docs.len());
    let mut anchors = Vec::with_capacity(docs.len());
    for d in docs {
        let conf = d.ctx.conf;
        let mut v: Vec<Setting> = Vec::new();
        let mut anchor: Option<Span> = None;
        // Depth-first through `quorum` and its subsections, in file order.
        let mut stack: Vec<(crate::conf::SectionRef, String)> = conf
            .children_named(conf.root(), "quorum")
            .map(|s| (s, "quorum".to_string()))
            .collect();
        stack.reverse();
        while let Some((s, path)) = stack.pop() {
            anchor.get_or_insert(s.name_span);
            for k in conf.keys(s.id) {
                v.push((format!("{path}.{}", k.name), k));
            }
            let mut kids: Vec<_> = conf
                .children(s.id)
                .map(|c| (c, format!("{path}.{}", c.name)))
                .collect();
            kids.reverse();
            stack.extend(kids);
        }
        settings.push(v);
        anchors.push(anchor.unwrap_or_else(|| d.ctx.model().totem_anchor()));
    }
    compare_settings(&META, docs, &settings, &anchors, |_| Severity::Warning, out);
}
