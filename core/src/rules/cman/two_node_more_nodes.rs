use super::found;
use crate::cman::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::msg;

declare_rule! {
    /// ## What it does
    /// Finds `two_node="1"` when the cluster does not have exactly two nodes with one vote each.
    ///
    /// ## Why is this bad?
    /// cman refuses to start: "the two-node option requires exactly two nodes with one vote each and expected votes of 1", reported to cman_tool as "two_node set but there are more than 2 nodes" (or "… votes not set to 1").
    ///
    /// ## Example
    /// ```xml
    /// <cman two_node="1" expected_votes="1"/>
    /// <clusternodes>
    ///   <clusternode name="a" nodeid="1"/>
    ///   <clusternode name="b" nodeid="2"/>
    ///   <clusternode name="c" nodeid="3"/>
    /// </clusternodes>
    /// ```
    ///
    /// ## Fix
    /// Remove `two_node` and `expected_votes` for three or more nodes; keep them only for exactly two nodes with one vote each.
    ///
    /// ## References
    /// - cluster.conf(5) and cman(5) of the RHEL 6 cluster 3.x tree (github.com/beekhof/cluster, `config/man/cluster.conf.5`, `cman/man/cman.5`).
    /// - `cman/daemon/cmanconfig.c` (the two_node checks).
    pub static META = {
        code: "M112",
        name: "cman-two-node-with-more-nodes",
        severity: Error,
        docs_ja: "## 何をするか
ノードがちょうど 2 台（各 1 票）でないのに `two_node=\"1\"` が設定されている場合を検出します。

## なぜ問題か
cman は起動しません。「the two-node option requires exactly two nodes with one vote each and expected votes of 1」と記録し、cman_tool には「two_node set but there are more than 2 nodes」（または「… votes not set to 1」）と伝えます。

## 例
```xml
<cman two_node=\"1\" expected_votes=\"1\"/>
<clusternodes>
  <clusternode name=\"a\" nodeid=\"1\"/>
  <clusternode name=\"b\" nodeid=\"2\"/>
  <clusternode name=\"c\" nodeid=\"3\"/>
</clusternodes>
```

## 対処
3 台以上なら `two_node` と `expected_votes` を削除してください。ちょうど 2 台で各 1 票の場合にだけ残します。

## 参考
- RHEL 6 の cluster 3.x ソースツリー（github.com/beekhof/cluster）の cluster.conf(5)（`config/man/cluster.conf.5`）と cman(5)（`cman/man/cman.5`）
- `cman/daemon/cmanconfig.c`（two_node の検査）",
    }
}

pub fn check(cx: &Cx, out: &mut Vec<Diagnostic>) {
    let Some(t) = &cx.model.two_node else { return };
    if !t.is_true() || cx.model.nodes.is_empty() {
        return;
    }
    let votes: u32 = cx.model.nodes.iter().map(|n| n.votes()).sum();
    if cx.model.nodes.len() != 2 || votes != 2 {
        out.push(found(
            &META,
            t.span,
            msg!("M112.message", nodes = cx.model.nodes.len(), votes = votes),
        ));
    }
}
