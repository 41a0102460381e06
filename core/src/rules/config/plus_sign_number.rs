use super::schema::{self, Ty};
use super::{checked_places, diag, place_keys, value_span};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Edit, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Finds a number with a leading `+` (`token: +3000`).
    ///
    /// ## Why is this bad?
    /// corosync accepts it (`strtoll`; verified on 3.1.7), but nothing writes numbers this way and
    /// other tools reading the file may not; it is usually an editing slip.
    ///
    /// ## Example
    /// ```corosync
    /// totem {
    ///     token: +3000
    /// }
    /// ```
    ///
    /// ## Fix
    /// Remove the sign.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §1.6, Appendix A (`plus_int`), Appendix B.
    pub static META = {
        code: "C611",
        name: "plus-sign-number",
        severity: Info,
        docs_ja: "## 何をするか
先頭に `+` を付けた数値（`token: +3000`）を検出します。

## なぜ問題か
corosync は受け付けますが（`strtoll`、3.1.7 で確認済み）、この書き方をするものはなく、ファイルを読む他のツールは受け付けないかもしれません。多くは編集の誤りです。

## 例
```corosync
totem {
    token: +3000
}
```

## 対処
符号を削除してください。

## 参考
- `shared/reference/corosync-conf.md` §1.6、付録 A（`plus_int`）、付録 B",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let t = ctx.target;
    for place in checked_places(ctx) {
        for k in place_keys(ctx, &place) {
            let digits = k.value.strip_prefix('+');
            if !digits.is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit())) {
                continue;
            }
            let numeric = schema::key_rows(&place.path, k.name)
                .filter(|r| t.overlaps(r.from, r.to))
                .any(|r| matches!(r.ty, Ty::Int(_) | Ty::IntIn { .. } | Ty::U64));
            if !numeric {
                continue;
            }
            let bare = &k.value[1..];
            out.push(
                diag(
                    &META,
                    Severity::Info,
                    value_span(&k),
                    Msg::new("C611.message")
                        .arg("key", k.name)
                        .arg("value", k.value),
                    Msg::new("C611.help").arg("bare", bare),
                )
                // corosync's strtol reads `+3000` as 3000: dropping the sign changes nothing.
                .with_fix(
                    Msg::new("fix.value").arg("from", k.value).arg("to", bare),
                    vec![Edit::replace(k.value_span, bare)],
                ),
            );
        }
    }
}
