use super::report;
use crate::conf::SyntaxErrorKind;
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Finds a key or section name with a character outside `A-Z a-z 0-9 . _ - / :`.
    ///
    /// ## Why is this bad?
    /// corosync 2.x and 3.x store every key in cmap, whose names allow only those characters.
    /// 3.x stops with `Can't store key "…" into icmap, returned error is
    /// CS_ERR_NAME_TOO_LONG` (the same error code is used for a bad character); 2.x silently
    /// drops the key. A space inside a key (`token timeout: 3000`) or a stray character
    /// (`; token`) are the usual causes. 1.x has no such limit, but the name is still unknown.
    ///
    /// ## Example
    /// ```corosync
    /// totem {
    ///     token timeout: 3000
    /// }
    /// ```
    ///
    /// ## Fix
    /// Use the exact key name from corosync.conf(5); remove spaces and punctuation.
    ///
    /// ## References
    /// - corosync `exec/icmap.c` (`icmap_check_key_name`), commit ffb759cd (2.99.4).
    /// - Verified with corosync 3.1.7 `corosync -t`.
    pub static META = {
        code: "E012",
        name: "invalid-name-character",
        severity: Error,
        docs_ja: "## 何をするか
キー名やセクション名に `A-Z a-z 0-9 . _ - / :` 以外の文字がある箇所を検出します。

## なぜ問題か
corosync 2.x と 3.x はすべてのキーを cmap に格納しますが、cmap の名前に使えるのはこれらの文字だけです。3.x は `Can't store key \"…\" into icmap, returned error is CS_ERR_NAME_TOO_LONG` で停止します（不正な文字の場合も、名前が長すぎる場合と同じエラーコードが使われます）。2.x はそのキーを警告なしに捨てます。よくある原因は、キー名の中の空白（`token timeout: 3000`）や余分な記号（`; token`）です。1.x にはこの制限はありませんが、不明な名前であることに変わりはありません。

## 例
```corosync
totem {
    token timeout: 3000
}
```

## 対処
corosync.conf(5) に書かれているとおりのキー名を使い、空白や記号を取り除いてください。

## 参考
- corosync `exec/icmap.c`（`icmap_check_key_name`）、コミット ffb759cd（2.99.4）
- corosync 3.1.7 の `corosync -t` で確認済み",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let from = out.len();
    let sev = match ctx.major() {
        3 => Severity::Error,
        2 => Severity::Warning,
        _ => Severity::Info,
    };
    report(
        ctx,
        out,
        &META,
        SyntaxErrorKind::InvalidNameChar,
        |_| sev,
        ctx.major() < 3,
        |e| {
            let line = ctx.conf.tree.lines[e.line];
            let name = match line.kind {
                crate::conf::LineKind::KeyValue { key, .. } => ctx.conf.slice(key),
                crate::conf::LineKind::Open { name } => ctx.conf.slice(name),
                _ => "",
            };
            let c = ctx.conf.slice(e.span).chars().next().unwrap_or(' ');
            let shown = if c.is_control() || c == ' ' {
                format!("U+{:04X}", c as u32)
            } else {
                c.to_string()
            };
            vec![("name", name.to_string()), ("char", shown)]
        },
    );
    // For a section name, corosync fails at the first key stored under it.
    super::also_reported_at(ctx, out, from, "E012.related", |d| {
        let line = ctx.conf.tree.lines.iter().position(|l| {
            l.span.start <= d.span.start && d.span.end <= l.span.end.max(l.span.start)
        })?;
        let sec = ctx
            .conf
            .tree
            .sections
            .iter()
            .position(|s| s.open_line == line)?;
        super::first_key_line(ctx, Some(sec))
    });
}
