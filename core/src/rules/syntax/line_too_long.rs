use super::{report, strict_error};
use crate::conf::SyntaxErrorKind;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Finds a line longer than 510 bytes (not counting the newline).
    ///
    /// ## Why is this bad?
    /// corosync reads lines into a 512-byte buffer. corosync 3.x stops with "Line too long"
    /// when a line does not fit (510 bytes plus the newline is the most that always fits).
    /// corosync 1.x and 2.x silently cut the line into 511-byte pieces and read each piece as
    /// a line of its own, so the value is truncated and the rest becomes garbage.
    ///
    /// ## Example
    /// A `exec_check: …` heuristics command or a key string of 600 characters on one line.
    ///
    /// ## Fix
    /// Shorten the value; for long commands, call a script instead.
    ///
    /// ## References
    /// - corosync `exec/coroparse.c`, `parse_section` (commit 20bd68b3, 2.99.4).
    /// - Verified with corosync 3.1.7: 510 bytes accepted, 511 rejected.
    pub static META = {
        code: "E007",
        name: "line-too-long",
        severity: Error,
        docs_ja: "## 何をするか
510 バイト（改行を除く）を超える行を検出します。

## なぜ問題か
corosync は 512 バイトのバッファで 1 行ずつ読みます。3.x は行が収まらないと \"Line too long\" で停止します（常に収まるのは 510 バイトと改行までです）。1.x と 2.x は警告なしに行を 511 バイトずつに分割し、それぞれを別の行として読みます。そのため値は途中で切れ、残りは意味のない行になります。

## 例
ヒューリスティクスのコマンド（`exec_check: …`）や key 文字列を、600 文字の 1 行で書いた場合です。

## 対処
値を短くしてください。長いコマンドは、スクリプトにして呼び出してください。

## 参考
- corosync `exec/coroparse.c` の `parse_section`（コミット 20bd68b3、2.99.4）
- corosync 3.1.7 で確認済み（510 バイトは可、511 バイトは不可）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    report(
        ctx,
        out,
        &META,
        SyntaxErrorKind::LineTooLong,
        |_| strict_error(ctx),
        true,
        |e| {
            let line = ctx.conf.tree.lines[e.line];
            vec![(
                "bytes",
                (line.eol.end.max(line.span.end)
                    - line.span.start
                    - usize::from(line.eol.end > line.eol.start))
                .to_string(),
            )]
        },
    );
}
