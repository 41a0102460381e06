use super::quoted_value::{names_a_place, text_keys};
use super::{diag, value_span};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Edit, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Finds `# comment` after a text value; after numbers and words it is C603.
    ///
    /// ## Why is this bad?
    /// Only whole-line comments exist: `cluster_name: abc # c` stores `abc # c` (verified on 3.1.7).
    /// An address or path with a comment does not exist, so corosync stops.
    ///
    /// ## Example
    /// ```corosync
    /// totem {
    ///     cluster_name: prod # production
    /// }
    /// ```
    ///
    /// ## Fix
    /// Put the comment on a line of its own.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §1.3, Appendix A (`inline_comment_str`), Appendix B.
    pub static META = {
        code: "C610",
        name: "comment-in-value",
        severity: Warning,
        docs_ja: "## 何をするか
文字列の値の後ろの `# コメント` を検出します。数値や語の後ろのものは C603 が扱います。

## なぜ問題か
コメントは行全体のものだけです。`cluster_name: abc # c` は `abc # c` として保存されます（3.1.7 で確認済み）。コメント付きのアドレスやパスは存在しないため corosync は停止します。

## 例
```corosync
totem {
    cluster_name: prod # production
}
```

## 対処
コメントは独立した行に書いてください。

## 参考
- `shared/reference/corosync-conf.md` §1.3、付録 A（`inline_comment_str`）、付録 B",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for &k in text_keys(ctx) {
        // Heuristics commands (`exec_NAME`) are command lines; `#` may be meant for them.
        if k.name.starts_with("exec_") {
            continue;
        }
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
        let mut d = diag(
            &META,
            sev,
            value_span(&k),
            Msg::new(key).arg("key", k.name).arg("value", v),
            Msg::new("C610.help").arg("key", k.name).arg("bare", before),
        );
        // The comment goes to its own line above, with the key's indent and line ending; the
        // value keeps what came before `#`. A value that is only a comment needs a choice.
        if !before.is_empty() {
            let conf = &ctx.conf;
            let above = [
                crate::fix::indent(conf, k.line),
                &v[i..],
                crate::fix::eol(conf, k.line),
            ]
            .concat();
            d.set_fix(
                Msg::new("fix.move-comment").arg("to", before),
                vec![
                    Edit::insert(k.line_span.start, above),
                    Edit::replace(k.value_span, before),
                ],
            );
        }
        out.push(d);
    }
}
