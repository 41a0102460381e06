use super::report;
use crate::conf::SyntaxErrorKind;
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Finds a file whose lines end in a bare carriage return (CR, old Mac style) with no
    /// line feed.
    ///
    /// ## Why is this bad?
    /// corosync splits lines only at LF. Windows CRLF endings are fine (one trailing CR is
    /// removed), but a CR-only file is read as one long line: 3.x then fails on the first `{`
    /// or with "Line too long", and 1.x/2.x silently misread the whole file.
    ///
    /// ## Example
    /// `totem {<CR>version: 2<CR>}<CR>`
    ///
    /// ## Fix
    /// Convert the line endings to LF, e.g. `tr '\r' '\n' < in > corosync.conf`.
    ///
    /// ## References
    /// - corosync `exec/coroparse.c` (newline handling); verified with corosync 3.1.7.
    pub static META = {
        code: "E014",
        name: "bare-carriage-return",
        severity: Error,
        docs_ja: "## 何をするか
改行コードが CR だけ（LF がない、古い Mac 形式）のファイルを検出します。

## なぜ問題か
corosync は LF でしか行を区切りません。Windows の CRLF は問題ありません（末尾の CR を 1 つ取り除きます）。しかし CR だけのファイルは、全体が 1 つの長い行として読まれます。3.x は最初の `{` でエラーになるか、\"Line too long\" で停止します。1.x/2.x は警告なしにファイル全体を誤って読みます。

## 例
`totem {<CR>version: 2<CR>}<CR>`

## 対処
改行コードを LF に変換してください。例: `tr '\\r' '\\n' < in > corosync.conf`

## 参考
- corosync `exec/coroparse.c`（改行の扱い）、corosync 3.1.7 で確認済み",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let from = out.len();
    report(
        ctx,
        out,
        &META,
        SyntaxErrorKind::BareCarriageReturn,
        |_| Severity::Error,
        false,
        |_| vec![],
    );
    super::attach_fixes(ctx, out, from, SyntaxErrorKind::BareCarriageReturn, &|e| {
        let _ = e;
        super::fixes::bare_cr(&ctx.conf)
    });
}
