use super::{report, strict_error};
use crate::conf::SyntaxErrorKind;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Finds a line that is neither a section start, a section end, a `key: value` line nor a
    /// comment, such as `token = 3000` or a bare word.
    ///
    /// ## Why is this bad?
    /// corosync 3.x stops with "Line is not opening or closing section or key value".
    /// corosync 1.x and 2.x silently ignore the line, so the setting you meant is not applied.
    /// `=` is not a separator in corosync.conf; only `:` is.
    ///
    /// ## Example
    /// ```corosync
    /// totem {
    ///     token = 3000
    /// }
    /// ```
    ///
    /// ## Fix
    /// Write the setting as `key: value`, or make the line a comment with `#`.
    ///
    /// ## References
    /// - corosync `exec/coroparse.c`, `parse_section` (2.99.4+ strict).
    /// - corosync.conf(5): "Each directive is of the form `dirname: value`".
    pub static META = {
        code: "E006",
        name: "line-not-section-or-key",
        severity: Error,
        docs_ja: "## 何をするか
セクションの開始・終了、`key: value`、コメントのどれでもない行（`token = 3000` や単語だけの行など）を検出します。

## なぜ問題か
corosync 3.x は \"Line is not opening or closing section or key value\" で停止します。1.x と 2.x はこの行を黙って無視するため、意図した設定は反映されません。corosync.conf の区切りは `:` だけで、`=` は使えません。

## 例
```corosync
totem {
    token = 3000
}
```

## 対処
設定は `key: value` の形で書くか、`#` を付けてコメントにしてください。

## 参考
- corosync `exec/coroparse.c` の `parse_section`（2.99.4 以降は厳密にチェック）
- corosync.conf(5): \"Each directive is of the form `dirname: value`\"",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let from = out.len();
    report(
        ctx,
        out,
        &META,
        SyntaxErrorKind::NotSectionOrKey,
        |_| strict_error(ctx),
        true,
        |e| vec![("text", ctx.conf.slice(e.span).chars().take(60).collect())],
    );
    super::attach_fixes(ctx, out, from, SyntaxErrorKind::NotSectionOrKey, &|e| {
        super::fixes::equals_to_colon(&ctx.conf, e)
    });
}
