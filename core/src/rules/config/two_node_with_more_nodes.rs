use super::{diag, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// With votequorum (2.x/3.x), finds `two_node: 1` in a config whose nodelist has more than
    /// two nodes.
    ///
    /// ## Why is this bad?
    /// two_node takes effect only while the cluster has at most two nodes; with more it is
    /// silently ignored (corosync 2.x/3.x print nothing; `corosync -t` accepts it, verified on
    /// 3.1.7). Whoever reads the file believes the cluster keeps quorum with one node, which
    /// is not the case. The `wait_for_all` that two_node turns on by default stays on, though.
    ///
    /// ## Example
    /// ```corosync
    /// quorum {
    ///     provider: corosync_votequorum
    ///     two_node: 1
    /// }
    /// nodelist {
    ///     node { ring0_addr: 10.0.0.1 }
    ///     node { ring0_addr: 10.0.0.2 }
    ///     node { ring0_addr: 10.0.0.3 }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Remove `two_node` (and set `wait_for_all: 1` explicitly if you want it).
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §3.5 ("two_node with more than 2 nodes"),
    ///   Appendix A (`two_node_3nodes`), Appendix B.
    /// - corosync `exec/votequorum.c` (v3.1.7); votequorum(5).
    pub static META = {
        code: "C304",
        name: "two-node-with-more-nodes",
        severity: Warning,
        docs_ja: "## 何をするか
votequorum（2.x/3.x）で、ノードリストに 3 台以上のノードがあるのに `two_node: 1` を設定しているものを検出します。

## なぜ問題か
two_node が効くのはクラスタが 2 台以下の間だけで、それより多いと黙って無視されます（corosync 2.x/3.x は何も出力せず、`corosync -t` も受け付けます。3.1.7 で確認済み）。設定ファイルを読む人は 1 台でもクォーラムを保てると考えますが、そうはなりません。一方、two_node が既定で有効にする `wait_for_all` は有効のままです。

## 例
```corosync
quorum {
    provider: corosync_votequorum
    two_node: 1
}
nodelist {
    node { ring0_addr: 10.0.0.1 }
    node { ring0_addr: 10.0.0.2 }
    node { ring0_addr: 10.0.0.3 }
}
```

## 対処
`two_node` を削除してください（`wait_for_all` が必要なら `wait_for_all: 1` を明示してください）。

## 参考
- `shared/reference/corosync-conf.md` §3.5（「two_node with more than 2 nodes」）、付録 A（`two_node_3nodes`）、付録 B
- corosync `exec/votequorum.c`（v3.1.7）、votequorum(5)",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) {
        return;
    }
    let m = ctx.model();
    if !m.votequorum() || !m.has_nodelist() {
        return;
    }
    let Some((k, 1..)) = m.quorum_num("two_node") else {
        return;
    };
    let nodes = m.nodes().len();
    if nodes <= 2 {
        return;
    }
    let msg = Msg::new("C304.message")
        .arg("nodes", nodes)
        .arg("version", ctx.target);
    out.push(diag(
        &META,
        Severity::Warning,
        k.key_span,
        msg,
        Msg::new("C304.help"),
    ));
}
