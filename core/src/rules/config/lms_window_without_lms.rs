use super::{diag, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Finds `last_man_standing_window` while `last_man_standing` is off (votequorum).
    ///
    /// ## Why is this bad?
    /// Only last_man_standing uses the window; without it the key silently does nothing. pcs refuses
    /// it (`PREREQUISITE_OPTION_MUST_BE_ENABLED_AS_WELL`).
    ///
    /// ## Example
    /// ```corosync
    /// quorum {
    ///     provider: corosync_votequorum
    ///     last_man_standing_window: 20000
    /// }
    /// ```
    ///
    /// ## Fix
    /// Add `last_man_standing: 1`, or remove the window.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §2.5.
    /// - `shared/reference/peers.md` §1.2 (pcs 50).
    pub static META = {
        code: "C310",
        name: "lms-window-without-lms",
        severity: Warning,
        docs_ja: "## 何をするか
votequorum で `last_man_standing` が無効なのに設定された `last_man_standing_window` を検出します。

## なぜ問題か
このウィンドウを使うのは last_man_standing だけで、無効ならキーは黙って何もしません。pcs は拒否します（`PREREQUISITE_OPTION_MUST_BE_ENABLED_AS_WELL`）。

## 例
```corosync
quorum {
    provider: corosync_votequorum
    last_man_standing_window: 20000
}
```

## 対処
`last_man_standing: 1` を追加するか、ウィンドウを削除してください。

## 参考
- `shared/reference/corosync-conf.md` §2.5
- `shared/reference/peers.md` §1.2（pcs の 50）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) {
        return;
    }
    let m = ctx.model();
    if !m.votequorum() || m.quorum_on("last_man_standing") {
        return;
    }
    let Some((k, _)) = m.quorum_num("last_man_standing_window") else {
        return;
    };
    out.push(diag(
        &META,
        Severity::Warning,
        k.key_span,
        Msg::new("C310.message").arg("value", k.value),
        Msg::new("C310.help"),
    ));
}
