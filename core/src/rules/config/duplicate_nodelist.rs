use super::{diag, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Related, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Finds a second top-level `nodelist` section in a corosync 2.x or 3.x config.
    ///
    /// ## Why is this bad?
    /// corosync flattens the config into cmap keys `nodelist.node.<N>.<key>`, numbering the
    /// `node` sections from 0 **in each `nodelist` section**. The nodes of a second
    /// `nodelist` therefore do not add to the first list: they overwrite the first list's
    /// nodes key by key at the same positions. The local node's address is replaced and
    /// corosync 3.1.7 stops with "No valid name found for local host" (verified), or, when the
    /// addresses still match, runs with nodes that mix the settings of two different entries.
    /// A second list that only repeats the first changes nothing yet and is a warning: an
    /// edit to one copy is silently undone by the other.
    ///
    /// ## Example
    /// ```corosync
    /// nodelist {
    ///     node {
    ///         ring0_addr: 10.0.0.1
    ///         nodeid: 1
    ///     }
    /// }
    /// nodelist {
    ///     node {
    ///         ring0_addr: 10.0.0.2
    ///         nodeid: 2
    ///     }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Put every `node` section into one `nodelist` section.
    ///
    /// ## References
    /// - corosync-conf.md §1.4 ("second nodelist section": numbering restarts at 0);
    ///   corosync `exec/coroparse.c` (`node_number`).
    /// - Verified with corosync 3.1.7 `corosync -t`.
    pub static META = {
        code: "C212",
        name: "duplicate-nodelist",
        severity: Error,
        docs_ja: "## 何をするか
corosync 2.x/3.x の設定で、トップレベルの `nodelist` セクションが 2 つ以上あるものを検出します。

## なぜ問題か
corosync は設定を cmap のキー `nodelist.node.<N>.<key>` に展開しますが、`node` セクションの番号は **`nodelist` セクションごとに** 0 から振り直されます。そのため 2 つ目の `nodelist` のノードは 1 つ目のリストに追加されず、同じ番号の 1 つ目のノードの設定をキーごとに上書きします。ローカルノードのアドレスが置き換わると、corosync 3.1.7 は \"No valid name found for local host\" で停止します（確認済み）。アドレスが一致したままでも、2 つの別のエントリの設定が混ざったノードで動くことになります。1 つ目と同じ内容を繰り返すだけの 2 つ目のリストは今のところ何も変えないため警告にしますが、一方の写しを編集しても、もう一方に黙って元に戻されます。

## 例
```corosync
nodelist {
    node {
        ring0_addr: 10.0.0.1
        nodeid: 1
    }
}
nodelist {
    node {
        ring0_addr: 10.0.0.2
        nodeid: 2
    }
}
```

## 対処
すべての `node` セクションを 1 つの `nodelist` セクションにまとめてください。

## 参考
- corosync-conf.md §1.4（2 つ目の nodelist セクションでは番号が 0 から振り直される）、corosync `exec/coroparse.c`（`node_number`）
- corosync 3.1.7 の `corosync -t` で確認済み",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) || ctx.major() < 2 {
        return;
    }
    let lists = &ctx.model().nodelists;
    let Some(first) = lists.first() else { return };
    for (i, extra) in lists.iter().enumerate().skip(1) {
        // A list that only repeats what the earlier ones say changes nothing (yet).
        let (sev, key) = if repeats_earlier(ctx, &lists[..i], extra.id) {
            (Severity::Warning, "C212.message.same")
        } else {
            (Severity::Error, "C212.message")
        };
        let mut d = diag(
            &META,
            sev,
            extra.name_span,
            Msg::new(key).arg("version", ctx.target),
            Msg::new("C212.help"),
        );
        d.related.push(Related {
            file: 0,
            span: first.name_span,
            note: Msg::new("C212.related"),
        });
        out.push(d);
    }
}

/// Does every key of every node in `list` have the value the earlier lists already give the
/// node at the same position?
fn repeats_earlier(
    ctx: &Ctx,
    earlier: &[crate::conf::SectionRef],
    list: crate::conf::SectionId,
) -> bool {
    let conf = ctx.conf;
    conf.children_named(list, "node")
        .enumerate()
        .all(|(pos, node)| {
            conf.keys(node.id).all(|k| {
                earlier
                    .iter()
                    .filter_map(|l| conf.children_named(l.id, "node").nth(pos))
                    .filter_map(|n| conf.get(n.id, k.name))
                    .next_back()
                    .is_some_and(|e| e.value == k.value)
            })
        })
}
