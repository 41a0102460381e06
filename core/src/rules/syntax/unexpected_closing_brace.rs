use super::report;
use crate::conf::SyntaxErrorKind;
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::Ctx;
use crate::version::Release;

declare_rule! {
    /// ## What it does
    /// Finds a `}` that closes nothing: there is no open section at that point.
    ///
    /// ## Why is this bad?
    /// corosync 1.4.6+, 2.3.1+ and 3.x stop with "parser error: Unexpected closing brace".
    /// Older releases silently stopped reading at that line, so the rest of the file was
    /// ignored without a word.
    ///
    /// ## Example
    /// ```corosync
    /// totem {
    ///     version: 2
    /// }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Delete the extra `}`, or add the `name {` line it was meant to close.
    ///
    /// ## References
    /// - corosync commit 60a9f809 (1.4.6) / c04af91a (2.3.1): stray brace becomes an error.
    /// - corosync `exec/coroparse.c` (`parse_section`).
    pub static META = {
        code: "E002",
        name: "unexpected-closing-brace",
        severity: Error,
        docs_ja: "## 何をするか
閉じる対象のない `}` を検出します。その位置では、開いているセクションがありません。

## なぜ問題か
corosync 1.4.6 以降、2.3.1 以降、3.x は \"parser error: Unexpected closing brace\" で停止します。それより古いリリースはこの行で読み込みを打ち切っていたため、ファイルの残りは何の警告もなく無視されていました。

## 例
```corosync
totem {
    version: 2
}
}
```

## 対処
余分な `}` を削除するか、閉じるつもりだったセクションの `name {` 行を追加してください。

## 参考
- corosync コミット 60a9f809（1.4.6）/ c04af91a（2.3.1）: 余分な `}` がエラーになった変更
- corosync `exec/coroparse.c`（`parse_section`）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let old = ctx.target.major_num() < 3
        && ctx.target.any_before(if ctx.major() == 1 {
            Release(1, 4, 6)
        } else {
            Release(2, 3, 1)
        });
    report(
        ctx,
        out,
        &META,
        SyntaxErrorKind::UnexpectedClosingBrace,
        |_| Severity::Error,
        old,
        |_| vec![],
    );
}
