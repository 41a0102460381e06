use super::{diag, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Related, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Finds a `totem.interface` with both `broadcast: yes` and `mcastaddr`.
    ///
    /// ## Why is this bad?
    /// With broadcast corosync sends to 255.255.255.255 and silently ignores `mcastaddr`. pcs refuses
    /// it (`PREREQUISITE_OPTION_MUST_BE_DISABLED`).
    ///
    /// ## Example
    /// ```corosync
    /// interface {
    ///     broadcast: yes
    ///     mcastaddr: 239.255.1.1
    /// }
    /// ```
    ///
    /// ## Fix
    /// Remove one of the two.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §2.2.
    /// - `shared/reference/peers.md` §1.2 (pcs 23).
    pub static META = {
        code: "C119",
        name: "broadcast-with-mcastaddr",
        severity: Warning,
        docs_ja: "## 何をするか
`broadcast: yes` と `mcastaddr` の両方を設定した `totem.interface` を検出します。

## なぜ問題か
ブロードキャストのとき corosync は 255.255.255.255 に送信し、`mcastaddr` を黙って無視します。pcs は拒否します（`PREREQUISITE_OPTION_MUST_BE_DISABLED`）。

## 例
```corosync
interface {
    broadcast: yes
    mcastaddr: 239.255.1.1
}
```

## 対処
どちらか一方を削除してください。

## 参考
- `shared/reference/corosync-conf.md` §2.2
- `shared/reference/peers.md` §1.2（pcs の 23）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) {
        return;
    }
    for i in ctx.model().interfaces() {
        let (Some(b), Some(a)) = (i.get("broadcast"), i.get("mcastaddr")) else {
            continue;
        };
        if b.value != "yes" {
            continue;
        }
        let mut d = diag(
            &META,
            Severity::Warning,
            a.key_span,
            Msg::new("C119.message").arg("value", a.value),
            Msg::new("C119.help"),
        );
        d.related.push(Related {
            file: 0,
            span: b.line_span,
            note: Msg::new("C119.related"),
        });
        out.push(d);
    }
}
