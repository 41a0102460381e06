use super::schema::{self, Ty};
use super::{checked_places, diag, place_keys, value_span};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Finds a number written with a leading `+` (`token: +3000`).
    ///
    /// ## Why is this bad?
    /// corosync reads numbers with `strtoll` (2.x/3.x) or `atoi` (1.x), which accept a sign,
    /// so `+3000` works (verified on 3.1.7). No corosync documentation or tool writes numbers
    /// this way, and other readers of the file (pcs, crmsh, scripts, the augeas lens) may not
    /// accept it. It is usually a leftover of an edit such as `token: +3000` meant as "add
    /// 3000".
    ///
    /// ## Example
    /// ```corosync
    /// totem {
    ///     token: +3000
    /// }
    /// ```
    ///
    /// ## Fix
    /// Write the number without the sign.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §1.6 (strtoll), Appendix A (`plus_int`),
    ///   Appendix B ("Numbers that corosync takes but are probably mistakes").
    /// - corosync `exec/coroparse.c` `safe_atoq` (v3.1.7).
    pub static META = {
        code: "C611",
        name: "plus-sign-number",
        severity: Info,
        docs_ja: "## 何をするか
先頭に `+` を付けた数値（`token: +3000`）を検出します。

## なぜ問題か
corosync は数値を `strtoll`（2.x/3.x）や `atoi`（1.x）で読み、これらは符号を受け付けるため、`+3000` は動きます（3.1.7 で確認済み）。しかし corosync の文書やツールでこの書き方をするものはなく、設定ファイルを読む他のもの（pcs、crmsh、スクリプト、augeas のレンズ）は受け付けないかもしれません。多くは「3000 を足す」つもりで書いた編集の名残です。

## 例
```corosync
totem {
    token: +3000
}
```

## 対処
符号を付けずに数値を書いてください。

## 参考
- `shared/reference/corosync-conf.md` §1.6（strtoll）、付録 A（`plus_int`）、付録 B（「Numbers that corosync takes but are probably mistakes」）
- corosync `exec/coroparse.c` の `safe_atoq`（v3.1.7）",
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
            out.push(diag(
                &META,
                Severity::Info,
                value_span(&k),
                Msg::new("C611.message")
                    .arg("key", k.name)
                    .arg("value", k.value),
                Msg::new("C611.help").arg("bare", &k.value[1..]),
            ));
        }
    }
}
