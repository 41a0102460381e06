use super::report;
use crate::conf::SyntaxErrorKind;
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::Ctx;
use crate::version::Release;

declare_rule! {
    /// ## What it does
    /// Finds a `: value` line with no key name before the colon.
    ///
    /// ## Why is this bad?
    /// corosync 3.1.10+ stops with "Key name can't be empty". Earlier 3.x and 2.x accept the
    /// line silently and store a value nobody reads, so whatever you meant to set is not set.
    ///
    /// ## Example
    /// ```corosync
    /// totem {
    ///     : 3000
    /// }
    /// ```
    ///
    /// ## Fix
    /// Write the key name before the colon, or delete the line.
    ///
    /// ## References
    /// - corosync commit ff103996 (3.1.10).
    pub static META = {
        code: "E011",
        name: "empty-key",
        severity: Error,
        docs_ja: "## 何をするか
コロンの前にキー名がない `: value` の行を検出します。

## なぜ問題か
corosync 3.1.10 以降は \"Key name can't be empty\" で停止します。それより前の 3.x と 2.x は警告なしにこの行を受け付け、どこからも読まれない値を格納します。そのため、意図した設定は反映されません。

## 例
```corosync
totem {
    : 3000
}
```

## 対処
コロンの前にキー名を書くか、行を削除してください。

## 参考
- corosync コミット ff103996（3.1.10）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let fatal = ctx.target.any_at_least(Release(3, 1, 10));
    report(
        ctx,
        out,
        &META,
        SyntaxErrorKind::EmptyKey,
        |_| {
            if fatal {
                Severity::Error
            } else {
                Severity::Warning
            }
        },
        !fatal,
        |_| vec![],
    );
}
