use super::{report, section_name_on};
use crate::conf::SyntaxErrorKind;
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Finds a section (`name {`) that is still open when the file ends.
    ///
    /// ## Why is this bad?
    /// corosync refuses to start: every version stops with "parser error: Missing closing
    /// brace" (1.x before 1.4.6 and 2.x before 2.3.1 print it without the "parser error: "
    /// prefix). Everything after the opening line was read as part of that section.
    ///
    /// ## Example
    /// ```corosync
    /// totem {
    ///     version: 2
    /// ```
    ///
    /// ## Fix
    /// Add a line with a lone `}` where the section ends.
    ///
    /// ## References
    /// - corosync `exec/coroparse.c` (`parse_section`), all versions.
    /// - corosync.conf(5): "Within each section, … directives … a closing brace".
    pub static META = {
        code: "E001",
        name: "missing-closing-brace",
        severity: Error,
        docs_ja: "## 何をするか
ファイルの終わりまでに閉じられていないセクション（`name {`）を検出します。

## なぜ問題か
corosync は起動しません。すべてのバージョンで \"parser error: Missing closing brace\" を出して停止します（1.4.6 より前の 1.x と 2.3.1 より前の 2.x では \"parser error: \" の接頭辞はありません）。開始行以降の内容はすべてそのセクションの一部として読まれています。

## 例
```corosync
totem {
    version: 2
```

## 対処
セクションが終わる位置に `}` だけの行を追加してください。

## 参考
- corosync `exec/coroparse.c`（`parse_section`、全バージョン）
- corosync.conf(5): \"Within each section, … directives … a closing brace\"",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let from = out.len();
    report(
        ctx,
        out,
        &META,
        SyntaxErrorKind::MissingClosingBrace,
        |_| Severity::Error,
        false,
        |e| vec![("section", section_name_on(ctx, e.line).to_string())],
    );
    // corosync reports the end of the file, where it noticed.
    super::also_reported_at(ctx, out, from, "E001.related", |_| {
        super::last_text_line(ctx)
    });
}
