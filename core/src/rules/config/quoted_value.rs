use super::schema::{self, Ty};
use super::{checked_places, diag, place_keys, value_span};
use crate::conf::KeyRef;
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Edit, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Finds a text value in quotes (`cluster_name: "prod"`); quoted numbers and words are C603.
    ///
    /// ## Why is this bad?
    /// corosync never strips quotes (verified on 3.1.7): the name differs from what other nodes and
    /// tools use, and a quoted address or path (`logfile`, `keyfile`, `state_dir`) does not exist, so
    /// corosync stops.
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
    /// - `shared/reference/corosync-conf.md` §1.3, Appendix A (`quoted_int`), Appendix B.
    pub static META = {
        code: "C609",
        name: "quoted-value",
        severity: Warning,
        docs_ja: "## 何をするか
引用符で囲んだ文字列の値（`cluster_name: \"prod\"`）を検出します。引用符付きの数値や語は C603 が扱います。

## なぜ問題か
corosync は引用符を取り除きません（3.1.7 で確認済み）。名前は他のノードやツールが使うものと食い違い、引用符付きのアドレスやパス（`logfile`、`keyfile`、`state_dir`）は存在しないため corosync は停止します。

## 例
```corosync
totem {
    cluster_name: \"prod\"
}
```

## 対処
引用符を削除してください。

## 参考
- `shared/reference/corosync-conf.md` §1.3、付録 A（`quoted_int`）、付録 B",
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

/// Text keys the schema knows in this place for the target (typed keys are C603's); found
/// once per config.
pub(crate) fn text_keys<'c, 'a>(ctx: &'c Ctx<'a>) -> &'c [KeyRef<'a>] {
    ctx.text_keys.get_or_init(|| find_text_keys(ctx))
}

fn find_text_keys<'a>(ctx: &Ctx<'a>) -> Vec<KeyRef<'a>> {
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
    for &k in text_keys(ctx) {
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
        let bare = &v[1..v.len() - 1];
        let mut d = diag(
            &META,
            sev,
            value_span(&k),
            Msg::new(key).arg("key", k.name).arg("value", v),
            Msg::new("C609.help").arg("key", k.name).arg("bare", bare),
        );
        // Unquoting keeps what was meant; an empty or still-quoted value would need a choice.
        if !bare.trim().is_empty() && !bare.contains(['"', '\'']) {
            d.set_fix(
                Msg::new("fix.value").arg("from", v).arg("to", bare),
                vec![Edit::replace(k.value_span, bare)],
            );
        }
        out.push(d);
    }
}
