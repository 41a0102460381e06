use super::{diag, value_span, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;
use crate::version::Release;

declare_rule! {
    /// ## What it does
    /// In corosync 3.x with encryption on, finds a `totem.key` (the key written inline instead
    /// of `keyfile`) shorter than 128 bytes or longer than 4096 bytes.
    ///
    /// ## Why is this bad?
    /// libknet accepts keys of 128 to 4096 bytes. With `crypto_cipher`/`crypto_hash` (or
    /// `secauth: on`) enabled and no `keyfile`, corosync 3.x uses `key` and stops with "key is
    /// too short" or "key is too long" (verified on 3.1.7 with `key: abc`). `corosync-keygen`
    /// writes 256 random bytes to `/etc/corosync/authkey`, which is the usual way.
    ///
    /// ## Example
    /// ```corosync
    /// totem {
    ///     crypto_cipher: aes256
    ///     crypto_hash: sha256
    ///     key: mysecret
    /// }
    /// ```
    ///
    /// ## Fix
    /// Delete `key`, run `corosync-keygen`, and copy `/etc/corosync/authkey` to every node (or
    /// point `keyfile` at it).
    ///
    /// ## References
    /// - corosync-conf.md §2.1 (`key`), §3.2 ("key is too short" / "key is too long");
    ///   corosync `exec/totemconfig.c` (`totem_get_crypto`), libknet key length 128–4096.
    pub static META = {
        code: "C117",
        name: "inline-key-length",
        severity: Error,
        docs_ja: "## 何をするか
corosync 3.x で暗号化が有効なとき、`keyfile` の代わりに直接書いた `totem.key` が 128 バイト未満または 4096 バイトを超えているものを検出します。

## なぜ問題か
libknet が受け付ける鍵は 128〜4096 バイトです。`crypto_cipher`/`crypto_hash`（または `secauth: on`）が有効で `keyfile` がないと、corosync 3.x は `key` を使い、\"key is too short\" または \"key is too long\" で停止します（3.1.7 で `key: abc` により確認済み）。通常は `corosync-keygen` で 256 バイトの乱数を `/etc/corosync/authkey` に書き出して使います。

## 例
```corosync
totem {
    crypto_cipher: aes256
    crypto_hash: sha256
    key: mysecret
}
```

## 対処
`key` を削除して `corosync-keygen` を実行し、`/etc/corosync/authkey` を全ノードにコピーしてください（または `keyfile` でそのファイルを指定してください）。

## 参考
- corosync-conf.md §2.1（`key`）、§3.2（\"key is too short\" / \"key is too long\"）、corosync `exec/totemconfig.c`（`totem_get_crypto`）、libknet の鍵長 128〜4096 バイト",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) || ctx.major() < 3 {
        return;
    }
    let m = ctx.model();
    let Some(k) = m.totem_key("key") else { return };
    if m.totem_key("keyfile").is_some() {
        return;
    }
    // Encryption on in the newest targeted release.
    let on = m
        .crypto(ctx.target.to.min(Release(3, 255, 255)))
        .is_some_and(|(c, h)| c != "none" || h != "none");
    if !on {
        return;
    }
    let n = k.value.len();
    let which = if n < 128 {
        "short"
    } else if n > 4096 {
        "long"
    } else {
        return;
    };
    out.push(diag(
        &META,
        Severity::Error,
        value_span(&k),
        Msg::new(format!("C117.message.{which}")).arg("bytes", n),
        Msg::new("C117.help"),
    ));
}
