use super::report;
use crate::conf::SyntaxErrorKind;
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Finds a key whose full dotted name (`section.subsection.key`) is 255 characters or
    /// longer.
    ///
    /// ## Why is this bad?
    /// cmap names are limited to 255 characters. corosync 2.3.1+ and 3.x stop with
    /// "New key makes total cmap path too long" (2.x with a "parser error: " prefix).
    ///
    /// ## Example
    /// A key nested in many sections with long names.
    ///
    /// ## Fix
    /// Shorten the section and key names; corosync itself never needs deep nesting.
    ///
    /// ## References
    /// - corosync `exec/coroparse.c` (`ICMAP_KEYNAME_MAXLEN`, 2.3.1+).
    pub static META = {
        code: "E013",
        name: "key-path-too-long",
        severity: Error,
        docs_ja: "## 何をするか
セクション名とキー名をドットでつないだ完全な名前（`section.subsection.key`）が 255 文字以上になるキーを検出します。

## なぜ問題か
cmap の名前は 255 文字未満に制限されています。corosync 2.3.1 以降と 3.x は \"New key makes total cmap path too long\" で停止します（2.x では \"parser error: \" が前に付きます）。

## 例
長い名前のセクションを何段も入れ子にしたキーです。

## 対処
セクション名とキー名を短くしてください。corosync の設定で深い入れ子が必要になることはありません。

## 参考
- corosync `exec/coroparse.c`（`ICMAP_KEYNAME_MAXLEN`、2.3.1 以降）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if ctx.major() < 2 {
        return;
    }
    report(
        ctx,
        out,
        &META,
        SyntaxErrorKind::PathTooLong,
        |_| Severity::Error,
        false,
        |_| vec![],
    );
}
