use super::{diag, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Related, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// In the nodelist (2.x/3.x), finds two nodes with the same `name`.
    ///
    /// ## Why is this bad?
    /// corosync 3.x identifies the local node by its `name` (matched against the host name),
    /// and Pacemaker uses the name as the node's identity. Two entries with the same name
    /// cannot both describe the machine of that name: one of them describes a node that never
    /// finds itself, and Pacemaker sees one node where the file lists two. `corosync -t` does
    /// not check names; pcs refuses such a node list (`NODE_NAMES_DUPLICATION`).
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
    /// Give every node its own name, the one `uname -n` prints on that node.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §2.3 (`name`).
    /// - `shared/reference/peers.md` §1.2 (pcs checks 12 and 14).
    /// - corosync `exec/totemconfig.c` (v3.1.7).
    pub static META = {
        code: "C215",
        name: "duplicate-node-name",
        severity: Warning,
        docs_ja: "## 何をするか
ノードリスト（2.x/3.x）で、同じ `name` を持つ 2 つのノードを検出します。

## なぜ問題か
corosync 3.x は `name` をホスト名と照合して自ノードを特定し、Pacemaker も名前をノードの識別に使います。同じ名前の 2 つのエントリが、どちらもその名前のマシンを表すことはできません。一方は自ノードを見つけられないノードを表すことになり、Pacemaker からは 2 台と書いたつもりのノードが 1 台に見えます。`corosync -t` は名前を確認しません。pcs はこのようなノードリストを拒否します（`NODE_NAMES_DUPLICATION`）。

## 例
```corosync
nodelist {
    node { name: node1  nodeid: 1  ring0_addr: 10.0.0.1 }
    node { name: node1  nodeid: 2  ring0_addr: 10.0.0.2 }
}
```

## 対処
各ノードに、そのノードで `uname -n` が表示する固有の名前を付けてください。

## 参考
- `shared/reference/corosync-conf.md` §2.3（`name`）
- `shared/reference/peers.md` §1.2（pcs の検査 12 と 14）
- corosync `exec/totemconfig.c`（v3.1.7）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) || ctx.major() < 2 {
        return;
    }
    let mut seen: std::collections::HashMap<&str, crate::diagnostic::Span> =
        std::collections::HashMap::new();
    for n in ctx.model().nodes() {
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
                    span: *first,
                    note: Msg::new("C215.related"),
                });
                out.push(d);
            }
            None => {
                seen.insert(k.value, k.value_span);
            }
        }
    }
}
