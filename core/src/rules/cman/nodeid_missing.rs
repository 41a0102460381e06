use super::found;
use crate::cman::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::msg;

declare_rule! {
    /// ## What it does
    /// Finds a `<clusternode>` without a `nodeid`, or with one that is not a whole number greater than zero.
    ///
    /// ## Why is this bad?
    /// cluster.conf(5): "The node id must be greater than zero and unique." cman refuses to start on a node whose entry has none: "This node has no nodeid in cluster.conf" / "CCS does not have a nodeid for this node, run 'ccs_tool addnodeids' to fix".
    ///
    /// ## Example
    /// ```xml
    /// <clusternode name="node2"/>
    /// ```
    ///
    /// ## Fix
    /// Add `nodeid="N"` with a number that no other node uses.
    ///
    /// ## References
    /// - cluster.conf(5) and cman(5) of the RHEL 6 cluster 3.x tree (github.com/beekhof/cluster, `config/man/cluster.conf.5`, `cman/man/cman.5`).
    /// - `cman/daemon/cman-preconfig.c` ("This node has no nodeid in cluster.conf"), `cman/daemon/cmanconfig.c`.
    pub static META = {
        code: "M108",
        name: "nodeid-missing-or-invalid",
        severity: Error,
        docs_ja: "## 何をするか
`nodeid` のない `<clusternode>`、または `nodeid` が 0 より大きい整数でないものを検出します。

## なぜ問題か
cluster.conf(5):「The node id must be greater than zero and unique.」nodeid のないノードでは cman は起動しません（「This node has no nodeid in cluster.conf」、「CCS does not have a nodeid for this node, run 'ccs_tool addnodeids' to fix」）。

## 例
```xml
<clusternode name=\"node2\"/>
```

## 対処
他のノードと重ならない番号で `nodeid=\"N\"` を追加してください。

## 参考
- RHEL 6 の cluster 3.x ソースツリー（github.com/beekhof/cluster）の cluster.conf(5)（`config/man/cluster.conf.5`）と cman(5)（`cman/man/cman.5`）
- `cman/daemon/cman-preconfig.c`（「This node has no nodeid in cluster.conf」）、`cman/daemon/cmanconfig.c`",
    }
}

pub fn check(cx: &Cx, out: &mut Vec<Diagnostic>) {
    for n in &cx.model.nodes {
        match &n.nodeid {
            None => out.push(found(
                &META,
                cx.doc.elements[n.el].name,
                msg!("M108.message", node = n.name()),
            )),
            Some(v) if v.positive().is_none() => out.push(found(
                &META,
                v.span,
                msg!(
                    "M108.message.invalid",
                    node = n.name(),
                    value = v.value.as_str()
                ),
            )),
            _ => {}
        }
    }
}
