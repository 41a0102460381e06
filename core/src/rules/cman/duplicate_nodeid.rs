use super::found;
use crate::cman::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::msg;

declare_rule! {
    /// ## What it does
    /// Finds two `<clusternode>` entries with the same `nodeid`.
    ///
    /// ## Why is this bad?
    /// cman(5): "All nodes must have a unique node ID … A node's application to join the cluster may be rejected if you try to set the nodeid to one that is already used." The second node cannot join, or the two are taken for one another.
    ///
    /// ## Example
    /// ```xml
    /// <clusternode name="node1" nodeid="1"/>
    /// <clusternode name="node2" nodeid="1"/>
    /// ```
    ///
    /// ## Fix
    /// Give every node its own nodeid.
    ///
    /// ## References
    /// - cluster.conf(5) and cman(5) of the RHEL 6 cluster 3.x tree (github.com/beekhof/cluster, `config/man/cluster.conf.5`, `cman/man/cman.5`).
    pub static META = {
        code: "M109",
        name: "duplicate-cman-nodeid",
        severity: Error,
        docs_ja: "## 何をするか
同じ `nodeid` を持つ `<clusternode>` を検出します。

## なぜ問題か
cman(5):「All nodes must have a unique node ID … A node's application to join the cluster may be rejected if you try to set the nodeid to one that is already used.」2 台目のノードは参加できないか、2 台が同じノードとして扱われます。

## 例
```xml
<clusternode name=\"node1\" nodeid=\"1\"/>
<clusternode name=\"node2\" nodeid=\"1\"/>
```

## 対処
ノードごとに異なる nodeid を付けてください。

## 参考
- RHEL 6 の cluster 3.x ソースツリー（github.com/beekhof/cluster）の cluster.conf(5)（`config/man/cluster.conf.5`）と cman(5)（`cman/man/cman.5`）",
    }
}

pub fn check(cx: &Cx, out: &mut Vec<Diagnostic>) {
    // Node id -> index of its first node (a map: a scan per node would be quadratic).
    let mut seen = std::collections::HashMap::<u32, usize>::new();
    for (i, n) in cx.model.nodes.iter().enumerate() {
        let Some(v) = &n.nodeid else { continue };
        let Some(id) = v.positive() else { continue };
        let first_node = seen.get(&id).map(|&f| &cx.model.nodes[f]);
        if let Some((first, Some(at))) = first_node.map(|f| (f.name(), f.nodeid.as_ref())) {
            let mut d = found(
                &META,
                v.span,
                msg!("M109.message", id = id, node = n.name(), first = first),
            );
            d.related.push(crate::diagnostic::Related {
                file: 0,
                span: at.span,
                note: msg!("M109.first", node = first),
            });
            out.push(d);
        } else {
            seen.insert(id, i);
        }
    }
}
