use super::schema::{self, Ty};
use super::{checked_places, diag, place_keys, value_span};
use crate::conf::KeyRef;
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Finds a text value written in quotes (`cluster_name: "prod"`, `ring0_addr:
    /// "10.0.0.1"`). Numbers and fixed words in quotes are C603.
    ///
    /// ## Why is this bad?
    /// corosync never removes quotes, in any version: they become part of the value (verified
    /// on 3.1.7). A quoted cluster name is a different name from the one the other nodes,
    /// Pacemaker and DLM use. A quoted address, path or directory does not exist: corosync
    /// cannot resolve `"10.0.0.1"` and stops ("failed to parse node address"), and a quoted
    /// `logfile`, `keyfile` or `state_dir` cannot be opened.
    ///
    /// ## Example
    /// ```corosync
    /// totem {
    ///     cluster_name: "prod"
    /// }
    /// ```
    ///
    /// ## Fix
    /// Remove the quotes.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §1.3 ("Quotes are never interpreted or
    ///   stripped"), Appendix A (`quoted_int`, `quoted_enum`), Appendix B.
    /// - corosync `exec/coroparse.c` (v1.4.10, v2.4.6, v3.1.7).
    pub static META = {
        code: "C609",
        name: "quoted-value",
        severity: Warning,
        docs_ja: "## 何をするか
引用符で囲んだ文字列の値（`cluster_name: \"prod\"`、`ring0_addr: \"10.0.0.1\"`）を検出します。引用符で囲んだ数値や決まった語は C603 が扱います。

## なぜ問題か
corosync はどのバージョンでも引用符を取り除かず、引用符も値の一部になります（3.1.7 で確認済み）。引用符付きのクラスタ名は、他のノードや Pacemaker、DLM が使う名前とは別の名前です。引用符付きのアドレス、パス、ディレクトリは存在しません。corosync は `\"10.0.0.1\"` を解決できずに停止し（\"failed to parse node address\"）、引用符付きの `logfile`、`keyfile`、`state_dir` は開けません。

## 例
```corosync
totem {
    cluster_name: \"prod\"
}
```

## 対処
引用符を削除してください。

## 参考
- `shared/reference/corosync-conf.md` §1.3（「Quotes are never interpreted or stripped」）、付録 A（`quoted_int`、`quoted_enum`）、付録 B
- corosync `exec/coroparse.c`（v1.4.10、v2.4.6、v3.1.7）",
    }
}

/// Keys whose value corosync resolves or opens: a value that is not a real address or path
/// stops it.
pub(crate) fn names_a_place(name: &str) -> bool {
    schema::ring_addr_number(name).is_some()
        || matches!(
            name,
            "bindnetaddr" | "mcastaddr" | "memberaddr" | "logfile" | "keyfile" | "state_dir"
        )
}

/// Text keys the schema knows in this place for the target (typed keys are C603's).
pub(crate) fn text_keys<'a>(ctx: &Ctx<'a>) -> Vec<KeyRef<'a>> {
    let t = ctx.target;
    let mut v = Vec::new();
    for place in checked_places(ctx) {
        for k in place_keys(ctx, &place) {
            let mut rows = schema::key_rows(&place.path, k.name)
                .filter(|r| t.overlaps(r.from, r.to))
                .peekable();
            if rows.peek().is_some() && rows.all(|r| r.ty == Ty::Str) {
                v.push(k);
            }
        }
    }
    v
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for k in text_keys(ctx) {
        let v = k.value;
        let quoted = v.len() >= 2
            && ((v.starts_with('"') && v.ends_with('"'))
                || (v.starts_with('\'') && v.ends_with('\'')));
        if !quoted {
            continue;
        }
        let (sev, key) = if names_a_place(k.name) {
            (Severity::Error, "C609.message.place")
        } else {
            (Severity::Warning, "C609.message")
        };
        out.push(diag(
            &META,
            sev,
            value_span(&k),
            Msg::new(key).arg("key", k.name).arg("value", v),
            Msg::new("C609.help")
                .arg("key", k.name)
                .arg("bare", &v[1..v.len() - 1]),
        ));
    }
}
