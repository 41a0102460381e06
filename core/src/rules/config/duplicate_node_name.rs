use super::{diag, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Related, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Finds two nodes with the same `name` (2.x/3.x).
    ///
    /// ## Why is this bad?
    /// corosync 3.x finds the local node by its name and Pacemaker identifies nodes by it, so both
    /// entries cannot be right. `corosync -t` does not check it; pcs refuses it
    /// (`NODE_NAMES_DUPLICATION`).
    ///
    /// ## Example
    /// ```corosync
    /// nodelist {
    ///     node { name: node1  nodeid: 1  ring0_addr: 10.0.0.1 }
    ///     node { name: node1  nodeid: 2  ring0_addr: 10.0.0.2 }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Give every node its own name (`uname -n` of that node).
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §2.3 (`name`).
    /// - `shared/reference/peers.md` §1.2 (pcs 12).
    pub static META = {
        code: "C215",
        name: "duplicate-node-name",
        severity: Warning,
        docs_ja: "## 何をするか
同じ `name` を持つ 2 つのノードを検出します（2.x/3.x）。

## なぜ問題か
corosync 3.x は名前で自ノードを探し、Pacemaker も名前でノードを識別するため、両方のエントリが正しいことはあり得ません。`corosync -t` は確認しません。pcs は拒否します（`NODE_NAMES_DUPLICATION`）。

## 例
```corosync
nodelist {
    node { name: node1  nodeid: 1  ring0_addr: 10.0.0.1 }
    node { name: node1  nodeid: 2  ring0_addr: 10.0.0.2 }
}
```

## 対処
各ノードに固有の名前（そのノードの `uname -n`）を付けてください。

## 参考
- `shared/reference/corosync-conf.md` §2.3（`name`）
- `shared/reference/peers.md` §1.2（pcs の 12）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) || ctx.major() < 2 {
        return;
    }
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let nodes = ctx.model().nodes();
    for n in nodes {
        let Some(k) = n.get("name").filter(|k| !k.value.is_empty()) else {
            continue;
        };
        match seen.get(k.value) {
            Some(first) => {
                let mut d = diag(
                    &META,
                    Severity::Warning,
                    k.value_span,
                    Msg::new("C215.message").arg("value", k.value),
                    Msg::new("C215.help"),
                );
                d.related.push(Related {
                    file: 0,
                    span: nodes[*first]
                        .get("name")
                        .map_or(k.value_span, |f| f.value_span),
                    note: Msg::new("C215.related"),
                });
                out.push(d);
            }
            None => {
                seen.insert(k.value, n.pos);
            }
        }
    }
}
