use super::{report, section_name_on};
use crate::conf::SyntaxErrorKind;
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Finds text after the `{` of a section line, such as `totem { version: 2`, `totem {}`
    /// or `totem { # comment`.
    ///
    /// ## Why is this bad?
    /// A `{` anywhere on a line makes it a section line (corosync tests for `{` before `:`).
    /// corosync 3.x stops with "Extra characters after opening bracket '{'". corosync 1.x and
    /// 2.x say nothing but keep the junk in the section name (`totem {`), so the section is
    /// not recognised, and since the `}` on that line is lost, everything up to the next `}`
    /// line lands inside the misnamed section.
    ///
    /// ## Example
    /// ```corosync
    /// quorum { provider: corosync_votequorum }
    /// ```
    ///
    /// ## Fix
    /// Put each key on its own line and the closing `}` on a line of its own.
    ///
    /// ## References
    /// - corosync `exec/coroparse.c`, `parse_section` (3.x: commit 80701845, 2.99.4).
    /// - Verified with corosync 3.1.7 `corosync -t` (corosync-conf.md Appendix A).
    pub static META = {
        code: "E003",
        name: "text-after-opening-brace",
        severity: Error,
        docs_ja: "## 何をするか
セクション行の `{` の後ろにある文字（`totem { version: 2`、`totem {}`、`totem { # コメント` など）を検出します。

## なぜ問題か
行のどこかに `{` があると、その行はセクション行として扱われます（corosync は `:` より先に `{` を調べます）。corosync 3.x は \"Extra characters after opening bracket '{'\" で停止します。1.x と 2.x はエラーを出しませんが、余分な文字をセクション名に含めてしまいます（`totem {` など）。そのため、セクションとして認識されません。さらに同じ行の `}` も失われるため、次の `}` の行までがすべて、この誤った名前のセクションに入ります。

## 例
```corosync
quorum { provider: corosync_votequorum }
```

## 対処
キーは 1 行に 1 つずつ書き、閉じ括弧 `}` は単独の行にしてください。

## 参考
- corosync `exec/coroparse.c` の `parse_section`（3.x: コミット 80701845、2.99.4）
- corosync 3.1.7 の `corosync -t` で確認済み（corosync-conf.md 付録 A）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let from = out.len();
    report(
        ctx,
        out,
        &META,
        SyntaxErrorKind::ExtraAfterOpen,
        |_| Severity::Error,
        true,
        |e| {
            vec![
                ("section", section_name_on(ctx, e.line).to_string()),
                ("text", ctx.conf.slice(e.span).to_string()),
            ]
        },
    );
    super::attach_fixes(ctx, out, from, SyntaxErrorKind::ExtraAfterOpen, &|e| {
        super::fixes::split_open(&ctx.conf, e)
    });
}
