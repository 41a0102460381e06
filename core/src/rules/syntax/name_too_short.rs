use super::report;
use crate::conf::SyntaxErrorKind;
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Finds a key outside any section whose name is shorter than 3 characters, such as
    /// `ab: c`.
    ///
    /// ## Why is this bad?
    /// corosync 2.x and 3.x store every key in cmap, whose names must be 3 to 254 characters
    /// long. A top-level key has no section prefix, so `ab` is too short: 3.x stops with
    /// `Can't store key "ab" into icmap, returned error is CS_ERR_NAME_TOO_LONG` (the same
    /// error code is used for too short), and 2.x silently drops the key. It is usually a
    /// fragment of a key that lost its section.
    ///
    /// ## Example
    /// ```corosync
    /// ab: c
    /// ```
    ///
    /// ## Fix
    /// Move the key into the section it belongs to, or delete it.
    ///
    /// ## References
    /// - corosync `exec/icmap.c` (`icmap_check_key_name`: `ICMAP_KEYNAME_MINLEN` 3),
    ///   commit ffb759cd (2.99.4); corosync-conf.md §1.3.
    /// - Verified with corosync 3.1.7 `corosync -t` (Appendix A).
    pub static META = {
        code: "E015",
        name: "key-name-too-short",
        severity: Error,
        docs_ja: "## 何をするか
セクションの外にある、3 文字未満の名前のキー（`ab: c` など）を検出します。

## なぜ問題か
corosync 2.x と 3.x はすべてのキーを cmap に格納しますが、cmap の名前は 3〜254 文字でなければなりません。トップレベルのキーにはセクション名が前に付かないため、`ab` は短すぎます。3.x は `Can't store key \"ab\" into icmap, returned error is CS_ERR_NAME_TOO_LONG` で停止し（短すぎる場合も同じエラーコードです）、2.x はそのキーを警告なしに捨てます。多くの場合、セクションからはみ出したキーの断片です。

## 例
```corosync
ab: c
```

## 対処
キーを本来のセクションの中に移すか、削除してください。

## 参考
- corosync `exec/icmap.c`（`icmap_check_key_name`: `ICMAP_KEYNAME_MINLEN` は 3）、コミット ffb759cd（2.99.4）、corosync-conf.md §1.3
- corosync 3.1.7 の `corosync -t` で確認済み（Appendix A）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let sev = match ctx.major() {
        3 => Severity::Error,
        2 => Severity::Warning,
        _ => return, // 1.x has no cmap
    };
    report(
        ctx,
        out,
        &META,
        SyntaxErrorKind::NameTooShort,
        |_| sev,
        ctx.major() < 3,
        |e| vec![("name", ctx.conf.slice(e.span).to_string())],
    );
}
