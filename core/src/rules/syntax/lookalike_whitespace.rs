use super::report;
use crate::conf::{LineKind, SyntaxErrorKind};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Finds characters that look like spaces but are not: no-break space (U+00A0), the
    /// ideographic space of Japanese input methods (U+3000), zero-width spaces, vertical tab,
    /// form feed.
    ///
    /// ## Why is this bad?
    /// corosync trims only space and TAB (3.1.8+ also the single byte 0xA0, which is *not*
    /// how UTF-8 encodes a no-break space). Anything else stays part of the key, section name
    /// or value. In a key or section name it makes the name unknown, and 3.x rejects it
    /// (`Can't store key … into icmap`); in a value it changes the value. Such characters
    /// come from copying out of web pages, PDFs or chat tools, and from Japanese input in
    /// full-width mode.
    ///
    /// ## Example
    /// `<U+3000>token: 3000`
    ///
    /// ## Fix
    /// Replace the character with an ordinary space or TAB, or delete it.
    ///
    /// ## References
    /// - corosync `exec/coroparse.c` (trimming), commit 77d9ea3c (3.1.8: 0xA0 byte).
    pub static META = {
        code: "E010",
        name: "lookalike-whitespace",
        severity: Error,
        docs_ja: "## 何をするか
空白に見えて空白ではない文字を検出します。ノーブレークスペース（U+00A0）、日本語入力の全角スペース（U+3000）、ゼロ幅スペース、垂直タブ、改ページです。

## なぜ問題か
corosync が取り除くのは半角スペースと TAB だけです（3.1.8 以降は 0xA0 の 1 バイトも取り除きますが、UTF-8 のノーブレークスペースはこの形ではありません）。それ以外の文字は、キー名・セクション名・値の一部として残ります。キー名やセクション名に入ると不明な名前になり、3.x は `Can't store key … into icmap` で停止します。値に入ると、値そのものが変わります。このような文字は、Web ページや PDF、チャットツールからのコピーや、日本語入力の全角モードで入り込みます。

## 例
`<U+3000>token: 3000`

## 対処
通常の半角スペースか TAB に置き換えるか、削除してください。

## 参考
- corosync `exec/coroparse.c`（前後の空白の除去）、コミット 77d9ea3c（3.1.8: 0xA0）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let from = out.len();
    let in_name = |e: &crate::conf::SyntaxError| {
        let line = ctx.conf.tree.lines[e.line];
        let name = match line.kind {
            LineKind::KeyValue { key, .. } => key,
            LineKind::Open { name } => name,
            _ => return false,
        };
        // Leading look-alikes are inside the trimmed name too (corosync does not trim them).
        e.span.start >= line.span.start && e.span.end <= name.end
    };
    report(
        ctx,
        out,
        &META,
        SyntaxErrorKind::LookalikeWhitespace,
        |e| {
            if in_name(e) {
                Severity::Error
            } else {
                Severity::Warning
            }
        },
        false,
        |e| {
            let c = ctx.conf.slice(e.span).chars().next().unwrap_or(' ');
            vec![("char", format!("U+{:04X}", c as u32))]
        },
    );
    super::attach_fixes(ctx, out, from, SyntaxErrorKind::LookalikeWhitespace, &|e| {
        super::fixes::lookalike(&ctx.conf, e)
    });
}
