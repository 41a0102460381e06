use super::{report, strict_error};
use crate::conf::SyntaxErrorKind;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Finds a closing-brace line with other text on it, such as `}}` or `} # end of totem`.
    ///
    /// ## Why is this bad?
    /// corosync 3.x stops with "Extra characters before or after closing bracket '}'".
    /// corosync 1.x and 2.x accept the line but close only one level, so `}}` leaves the
    /// outer section open and what follows lands inside it.
    ///
    /// ## Example
    /// ```corosync
    /// totem {
    ///     interface {
    ///         linknumber: 0
    /// }}
    /// ```
    ///
    /// ## Fix
    /// Write each `}` on a line of its own, and put comments on their own `#` lines.
    ///
    /// ## References
    /// - corosync `exec/coroparse.c`, `parse_section` (3.x strict since 2.99.4).
    /// - Verified with corosync 3.1.7 `corosync -t`.
    pub static META = {
        code: "E004",
        name: "text-around-closing-brace",
        severity: Error,
        docs_ja: "## 何をするか
`}}` や `} # totem の終わり` のように、閉じ括弧の行にほかの文字がある箇所を検出します。

## なぜ問題か
corosync 3.x は \"Extra characters before or after closing bracket '}'\" で停止します。1.x と 2.x はこの行を受け付けますが、セクションを 1 段しか閉じません。そのため `}}` では外側のセクションが開いたままになり、その後の設定がその中に入ります。

## 例
```corosync
totem {
    interface {
        linknumber: 0
}}
```

## 対処
`}` は 1 行に 1 つだけ書き、コメントは `#` で始まる別の行にしてください。

## 参考
- corosync `exec/coroparse.c` の `parse_section`（3.x 系では 2.99.4 以降、厳密にチェック）
- corosync 3.1.7 の `corosync -t` で確認済み",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let from = out.len();
    report(
        ctx,
        out,
        &META,
        SyntaxErrorKind::ExtraAroundClose,
        |_| strict_error(ctx),
        true,
        |e| vec![("text", ctx.conf.slice(e.span).to_string())],
    );
    super::attach_fixes(ctx, out, from, SyntaxErrorKind::ExtraAroundClose, &|e| {
        super::fixes::split_close(&ctx.conf, e)
    });
}
