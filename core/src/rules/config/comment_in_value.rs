use super::quoted_value::{names_a_place, text_keys};
use super::{diag, value_span};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Finds a `#` comment written after a text value on the same line (`cluster_name: prod #
    /// production`). Numbers and fixed words followed by a comment are C603.
    ///
    /// ## Why is this bad?
    /// corosync treats `#` as a comment only at the start of a line. After a value it is part
    /// of the value (verified on 3.1.7: `cluster_name: abc # c` stores `abc # c`). The cluster
    /// name then differs from what the other tools use, and an address or path with a comment
    /// after it does not exist: corosync stops on `ring0_addr: 10.0.0.1 # node1` ("failed to
    /// parse node address").
    ///
    /// ## Example
    /// ```corosync
    /// totem {
    ///     cluster_name: prod # production cluster
    /// }
    /// ```
    ///
    /// ## Fix
    /// Move the comment to a line of its own above the key.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §1.3 (whole-line comments only), Appendix A
    ///   (`inline_comment_int`, `inline_comment_str`), Appendix B.
    /// - corosync `exec/coroparse.c` (v1.4.10, v2.4.6, v3.1.7).
    pub static META = {
        code: "C610",
        name: "comment-in-value",
        severity: Warning,
        docs_ja: "## 何をするか
文字列の値の後ろに同じ行で書いた `#` のコメント（`cluster_name: prod # production`）を検出します。数値や決まった語の後ろのコメントは C603 が扱います。

## なぜ問題か
corosync が `#` をコメントとして扱うのは行頭だけです。値の後ろの `#` は値の一部になります（3.1.7 で確認済み: `cluster_name: abc # c` は `abc # c` として保存されます）。その結果クラスタ名が他のツールの使う名前と食い違い、コメント付きのアドレスやパスは存在しないものになります。`ring0_addr: 10.0.0.1 # node1` では corosync は停止します（\"failed to parse node address\"）。

## 例
```corosync
totem {
    cluster_name: prod # production cluster
}
```

## 対処
コメントはキーの上の独立した行に移してください。

## 参考
- `shared/reference/corosync-conf.md` §1.3（行全体のコメントのみ）、付録 A（`inline_comment_int`、`inline_comment_str`）、付録 B
- corosync `exec/coroparse.c`（v1.4.10、v2.4.6、v3.1.7）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for k in text_keys(ctx) {
        let v = k.value;
        let Some(i) = v.find('#') else { continue };
        // `#` at the start of the value, or after a blank: a comment by intent. (`#` inside a
        // word, as in a heuristics command, is left alone.)
        if i > 0 && !v[..i].ends_with([' ', '\t']) {
            continue;
        }
        let before = v[..i].trim_end_matches([' ', '\t']);
        let (sev, key) = if names_a_place(k.name) {
            (Severity::Error, "C610.message.place")
        } else {
            (Severity::Warning, "C610.message")
        };
        out.push(diag(
            &META,
            sev,
            value_span(&k),
            Msg::new(key).arg("key", k.name).arg("value", v),
            Msg::new("C610.help").arg("key", k.name).arg("bare", before),
        ));
    }
}
