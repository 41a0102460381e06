use super::{diag, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// In corosync 2.x/3.x, finds a second `totem.interface` section with the same `linknumber`
    /// (3.x) or `ringnumber` (2.x); a missing number counts as 0.
    ///
    /// ## Why is this bad?
    /// corosync does not complain: it merges the two sections into one link, and where both set
    /// a key the later value wins (`corosync -t` accepts it, verified on 3.1.7). Usually the
    /// second section was meant for another link, which then has none of its settings. pcs
    /// refuses duplicate link numbers (`COROSYNC_LINK_NUMBER_DUPLICATION`).
    ///
    /// ## Example
    /// ```corosync
    /// interface {
    ///     linknumber: 0
    ///     knet_link_priority: 10
    /// }
    /// interface {
    ///     linknumber: 0
    ///     knet_link_priority: 5
    /// }
    /// ```
    ///
    /// ## Fix
    /// Give the second section the number of the link it is meant for, or merge the two.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §1.4 (`totem.interface` is keyed by its number).
    /// - `shared/reference/peers.md` §1.2 (pcs 30).
    pub static META = {
        code: "C131",
        name: "duplicate-interface-number",
        severity: Warning,
        docs_ja: "## 何をするか
corosync 2.x/3.x で、同じ `linknumber`（3.x）または `ringnumber`（2.x）を持つ 2 つ目の `totem.interface` セクションを検出します。番号がない場合は 0 とみなします。

## なぜ問題か
corosync は何も言いません。2 つのセクションを 1 つのリンクにまとめ、両方にあるキーは後の値を使います（`corosync -t` も受け付けます。3.1.7 で確認済み）。多くの場合、2 つ目のセクションは別のリンク用のつもりで、そのリンクには設定が何も入りません。pcs はリンク番号の重複を拒否します（`COROSYNC_LINK_NUMBER_DUPLICATION`）。

## 例
```corosync
interface {
    linknumber: 0
    knet_link_priority: 10
}
interface {
    linknumber: 0
    knet_link_priority: 5
}
```

## 対処
2 つ目のセクションに本来のリンク番号を付けるか、2 つを 1 つにまとめてください。

## 参考
- `shared/reference/corosync-conf.md` §1.4（`totem.interface` は番号ごとにまとめられます）
- `shared/reference/peers.md` §1.2（pcs の 30）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) || ctx.major() < 2 {
        return;
    }
    let key = if ctx.major() >= 3 {
        "linknumber"
    } else {
        "ringnumber"
    };
    for i in ctx.model().interfaces() {
        for s in i.sections.iter().skip(1) {
            let span = ctx.conf.get(s.id, key).map_or(s.name_span, |k| k.key_span);
            out.push(diag(
                &META,
                Severity::Warning,
                span,
                Msg::new("C131.message")
                    .arg("key", key)
                    .arg("number", i.number),
                Msg::new("C131.help").arg("key", key),
            ));
        }
    }
}
