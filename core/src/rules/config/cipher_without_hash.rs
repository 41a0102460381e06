use super::{diag, releases, value_span, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;
use crate::version::Release;

declare_rule! {
    /// ## What it does
    /// Computes the cipher and hash corosync 2.x/3.x will use (from `secauth`,
    /// `crypto_cipher`, `crypto_hash` and the version's defaults) and checks that encryption is
    /// not switched on without authentication.
    ///
    /// ## Why is this bad?
    /// corosync refuses to start: "crypto_cipher requires crypto_hash with value other than
    /// none" (verified on 3.1.7). In 3.x both default to `none`, so `crypto_cipher: aes256`
    /// alone is enough to trigger it; in 2.x the defaults are aes256/sha1, so
    /// `crypto_hash: none` alone triggers it.
    ///
    /// ## Example
    /// ```corosync
    /// totem {
    ///     version: 2
    ///     crypto_cipher: aes256
    /// }
    /// ```
    ///
    /// ## Fix
    /// Set `crypto_hash` as well, for example `crypto_hash: sha256`.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §2.1 (`secauth`, `crypto_cipher`, `crypto_hash`),
    ///   §3.2, Appendix A (`cipher_no_hash`).
    /// - corosync `exec/totemconfig.c` `totem_get_crypto` (v2.4.6, v3.1.7).
    pub static META = {
        code: "C105",
        name: "cipher-without-hash",
        severity: Error,
        docs_ja: "## 何をするか
corosync 2.x/3.x が使う暗号方式とハッシュを（`secauth`、`crypto_cipher`、`crypto_hash` とバージョンごとの既定値から）求め、認証なしで暗号化が有効になっていないかを確認します。

## なぜ問題か
corosync は \"crypto_cipher requires crypto_hash with value other than none\" で起動しません（3.1.7 で確認済み）。3.x ではどちらの既定値も `none` なので `crypto_cipher: aes256` だけで起きます。2.x では既定値が aes256/sha1 なので `crypto_hash: none` だけで起きます。

## 例
```corosync
totem {
    version: 2
    crypto_cipher: aes256
}
```

## 対処
`crypto_hash` も設定してください（例: `crypto_hash: sha256`）。

## 参考
- `shared/reference/corosync-conf.md` §2.1（`secauth`、`crypto_cipher`、`crypto_hash`）、§3.2、付録 A（`cipher_no_hash`）
- corosync `exec/totemconfig.c` の `totem_get_crypto`（v2.4.6、v3.1.7）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) || ctx.major() < 2 {
        return;
    }
    let m = ctx.model();
    let t = ctx.target;
    // The crypto defaults change at 3.0.2 (secauth is read again).
    let mut segs = vec![(t.from, t.to)];
    if t.from < Release(3, 0, 2) && t.to >= Release(3, 0, 2) {
        segs = vec![(t.from, Release(3, 0, 1)), (Release(3, 0, 2), t.to)];
    }
    let failing: Vec<(Release, Release, String)> = segs
        .into_iter()
        .filter_map(|(f, e)| {
            let (cipher, hash) = m.crypto(f)?;
            (cipher != "none" && hash == "none").then_some((f, e, cipher))
        })
        .collect();
    let (Some(first), Some(last)) = (failing.first(), failing.last()) else {
        return;
    };
    let anchor = m
        .totem_key("crypto_cipher")
        .or_else(|| m.totem_key("crypto_hash"))
        .or_else(|| m.totem_key("secauth"))
        .map(|k| value_span(&k))
        .unwrap_or_else(|| m.totem_anchor());
    let msg = Msg::new("C105.message")
        .arg("cipher", last.2.clone())
        .arg("releases", releases(t, first.0, last.1))
        .arg(
            "says",
            "crypto_cipher requires crypto_hash with value other than none",
        );
    out.push(diag(
        &META,
        Severity::Error,
        anchor,
        msg,
        Msg::new("C105.help"),
    ));
}
