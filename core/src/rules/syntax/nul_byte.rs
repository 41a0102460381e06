use super::report;
use crate::conf::SyntaxErrorKind;
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Finds a NUL byte (`\0`) in the file.
    ///
    /// ## Why is this bad?
    /// corosync's reader treats NUL as the end of the line. 3.x then reports "Line too long"
    /// (a misleading message for this case); 1.x and 2.x silently drop the rest of the line.
    /// NUL bytes usually come from a file that was copied from a binary or a broken editor.
    ///
    /// ## Example
    /// `token: 30<NUL>00`
    ///
    /// ## Fix
    /// Delete the NUL byte; check the file with `cat -A` or `od -c`.
    ///
    /// ## References
    /// - corosync `exec/coroparse.c` (fgets-based reader); verified with corosync 3.1.7.
    pub static META = {
        code: "E008",
        name: "nul-byte",
        severity: Error,
        docs_ja: "## 何をするか
ファイル中の NUL バイト（`\\0`）を検出します。

## なぜ問題か
corosync の読み込み処理は NUL を行の終わりとして扱います。3.x は \"Line too long\" を出して停止します（この場合は紛らわしいメッセージです）。1.x と 2.x は、その行の残りを警告なしに捨てます。NUL バイトは、多くの場合、バイナリからコピーしたファイルや、不具合のあるエディタが原因です。

## 例
`token: 30<NUL>00`

## 対処
NUL バイトを削除してください。`cat -A` や `od -c` で確認できます。

## 参考
- corosync `exec/coroparse.c`（fgets による読み込み）、corosync 3.1.7 で確認済み",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let from = out.len();
    report(
        ctx,
        out,
        &META,
        SyntaxErrorKind::NulByte,
        |_| Severity::Error,
        false,
        |_| vec![],
    );
    super::attach_fixes(ctx, out, from, SyntaxErrorKind::NulByte, &|e| {
        super::fixes::nul(&ctx.conf, e)
    });
}
