use super::found;
use crate::cman::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::msg;

declare_rule! {
    /// ## What it does
    /// Finds two `<clusternode>` entries with the same `name`.
    ///
    /// ## Why is this bad?
    /// cman finds the local node by name (`nodelist_byname`), so it always picks the first entry; the other node's nodeid, votes and fencing are never used, and fenced cannot tell the two apart.
    ///
    /// ## Example
    /// ```xml
    /// <clusternode name="node1" nodeid="1"/>
    /// <clusternode name="node1" nodeid="2"/>
    /// ```
    ///
    /// ## Fix
    /// Give each node its own host name.
    ///
    /// ## References
    /// - cluster.conf(5) and cman(5) of the RHEL 6 cluster 3.x tree (github.com/beekhof/cluster, `config/man/cluster.conf.5`, `cman/man/cman.5`).
    /// - `cman/daemon/nodelist.h` (`nodelist_byname`: first match).
    pub static META = {
        code: "M110",
        name: "duplicate-cman-node-name",
        severity: Error,
        docs_ja: "## 何をするか
同じ `name` を持つ `<clusternode>` を検出します。

## なぜ問題か
cman は名前で自ノードを探す（`nodelist_byname`）ため、常に最初の項目が選ばれます。もう一方の nodeid、投票数、フェンシング設定は使われず、fenced も 2 台を区別できません。

## 例
```xml
<clusternode name=\"node1\" nodeid=\"1\"/>
<clusternode name=\"node1\" nodeid=\"2\"/>
```

## 対処
ノードごとに異なるホスト名を付けてください。

## 参考
- RHEL 6 の cluster 3.x ソースツリー（github.com/beekhof/cluster）の cluster.conf(5)（`config/man/cluster.conf.5`）と cman(5)（`cman/man/cman.5`）
- `cman/daemon/nodelist.h`（`nodelist_byname` は最初の一致を返す）",
    }
}

pub fn check(cx: &Cx, out: &mut Vec<Diagnostic>) {
    // Name -> index of its first node (a map: a scan per node would be quadratic).
    let mut seen = std::collections::HashMap::<&str, usize>::new();
    for (i, n) in cx.model.nodes.iter().enumerate() {
        let Some(v) = &n.name else { continue };
        if let Some(at) = seen
            .get(v.value.as_str())
            .and_then(|&f| cx.model.nodes[f].name.as_ref())
        {
            let mut d = found(&META, v.span, msg!("M110.message", node = v.value.as_str()));
            d.related.push(crate::diagnostic::Related {
                file: 0,
                span: at.span,
                note: msg!("M110.first"),
            });
            out.push(d);
        } else {
            seen.insert(v.value.as_str(), i);
        }
    }
}
