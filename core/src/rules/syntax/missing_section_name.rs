use super::report;
use crate::conf::SyntaxErrorKind;
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Finds a `{` with no section name before it.
    ///
    /// ## Why is this bad?
    /// corosync 3.x stops with "Missing section name before opening bracket '{'". 1.x and 2.x
    /// open a section with an empty name, which nothing reads: its contents are ignored.
    ///
    /// ## Example
    /// ```corosync
    /// {
    ///     version: 2
    /// }
    /// ```
    ///
    /// ## Fix
    /// Write the section name before the brace, e.g. `totem {`.
    ///
    /// ## References
    /// - corosync `exec/coroparse.c`, `parse_section` (2.99.4+).
    pub static META = {
        code: "E005",
        name: "missing-section-name",
        severity: Error,
        docs_ja: "## 何をするか
前にセクション名がない `{` を検出します。

## なぜ問題か
corosync 3.x は \"Missing section name before opening bracket '{'\" で停止します。1.x と 2.x は名前が空のセクションを作りますが、それを読む処理はないため中身は無視されます。

## 例
```corosync
{
    version: 2
}
```

## 対処
`totem {` のように、`{` の前にセクション名を書いてください。

## 参考
- corosync `exec/coroparse.c` の `parse_section`（2.99.4 以降）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    report(
        ctx,
        out,
        &META,
        SyntaxErrorKind::MissingSectionName,
        |_| Severity::Error,
        true,
        |_| vec![],
    );
}
