use super::{diag, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// With votequorum (2.x/3.x), finds `last_man_standing_window` while `last_man_standing`
    /// is off.
    ///
    /// ## Why is this bad?
    /// The window is how long votequorum waits before it recalculates expected votes after
    /// nodes leave; it is used only by last_man_standing. Without `last_man_standing: 1` the
    /// key does nothing, silently. pcs refuses this combination
    /// (`PREREQUISITE_OPTION_MUST_BE_ENABLED_AS_WELL`).
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
    /// Add `last_man_standing: 1`, or remove `last_man_standing_window`.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §2.5.
    /// - `shared/reference/peers.md` §1.2 (pcs check 50).
    /// - corosync `exec/votequorum.c` (v3.1.7); votequorum(5).
    pub static META = {
        code: "C310",
        name: "lms-window-without-lms",
        severity: Warning,
        docs_ja: "## 何をするか
votequorum（2.x/3.x）で、`last_man_standing` が無効なのに `last_man_standing_window` が設定されているものを検出します。

## なぜ問題か
このウィンドウは、ノードが離脱した後に votequorum が期待投票数を計算し直すまでの待ち時間で、last_man_standing だけが使います。`last_man_standing: 1` がなければ、このキーは黙って何もしません。pcs はこの組み合わせを拒否します（`PREREQUISITE_OPTION_MUST_BE_ENABLED_AS_WELL`）。

## 例
```corosync
quorum {
    provider: corosync_votequorum
    last_man_standing_window: 20000
}
```

## 対処
`last_man_standing: 1` を追加するか、`last_man_standing_window` を削除してください。

## 参考
- `shared/reference/corosync-conf.md` §2.5
- `shared/reference/peers.md` §1.2（pcs の検査 50）
- corosync `exec/votequorum.c`（v3.1.7）、votequorum(5)",
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
