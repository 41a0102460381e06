use super::model::Transport;
use super::{diag, releases, value_span, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;
use crate::version::Release;

declare_rule! {
    /// ## What it does
    /// In corosync 3.x, finds encryption or authentication (`crypto_cipher`, `crypto_hash`, or
    /// `secauth: on` from 3.0.2) together with the `udp` or `udpu` transport.
    ///
    /// ## Why is this bad?
    /// Only knet can encrypt in corosync 3.x. corosync refuses to start with "parse error in
    /// config: crypto_cipher & crypto_hash are only valid for the Knet transport." Before that
    /// check it reads the authkey, so on a node without `/etc/corosync/authkey` you see "Could not
    /// open /etc/corosync/authkey: No such file or directory" instead (verified on 3.1.7).
    ///
    /// ## Example
    /// ```corosync
    /// totem {
    ///     version: 2
    ///     transport: udpu
    ///     crypto_cipher: aes256
    ///     crypto_hash: sha256
    /// }
    /// ```
    ///
    /// ## Fix
    /// Use `transport: knet` (the 3.x default) to keep encryption, or set `crypto_cipher: none`
    /// and `crypto_hash: none` to stay on udp/udpu.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §3.1 (authkey read before validation), §3.3,
    ///   §3.4, Appendix A (`udpu_crypto`).
    /// - corosync `exec/totemconfig.c` `totem_config_validate` (v3.1.7).
    pub static META = {
        code: "C106",
        name: "crypto-without-knet",
        severity: Error,
        docs_ja: "## 何をするか
corosync 3.x で、暗号化や認証（`crypto_cipher`、`crypto_hash`、3.0.2 以降の `secauth: on`）と `udp`・`udpu` トランスポートの組み合わせを検出します。

## なぜ問題か
corosync 3.x で暗号化できるのは knet だけです。corosync は \"parse error in config: crypto_cipher & crypto_hash are only valid for the Knet transport.\" で起動しません。この確認の前に認証キーを読むため、`/etc/corosync/authkey` がないノードでは代わりに \"Could not open /etc/corosync/authkey: No such file or directory\" が出ます（3.1.7 で確認済み）。

## 例
```corosync
totem {
    version: 2
    transport: udpu
    crypto_cipher: aes256
    crypto_hash: sha256
}
```

## 対処
暗号化を続けるなら `transport: knet`（3.x の既定値）を使ってください。udp/udpu のままにするなら `crypto_cipher: none` と `crypto_hash: none` にしてください。

## 参考
- `shared/reference/corosync-conf.md` §3.1（検証の前に認証キーを読む）、§3.3、§3.4、付録 A（`udpu_crypto`）
- corosync `exec/totemconfig.c` の `totem_config_validate`（v3.1.7）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) || ctx.major() < 3 {
        return;
    }
    let m = ctx.model();
    let transport = m.transport();
    if transport == Transport::Knet {
        return;
    }
    let t = ctx.target;
    let mut segs = vec![(t.from, t.to)];
    if t.from < Release(3, 0, 2) && t.to >= Release(3, 0, 2) {
        segs = vec![(t.from, Release(3, 0, 1)), (Release(3, 0, 2), t.to)];
    }
    let failing: Vec<(Release, Release, String, String)> = segs
        .into_iter()
        .filter_map(|(f, e)| {
            let (c, h) = m.crypto(f)?;
            (c != "none" || h != "none").then_some((f, e, c, h))
        })
        .collect();
    let (Some(first), Some(last)) = (failing.first(), failing.last()) else {
        return;
    };
    let anchor = m
        .totem_key("crypto_cipher")
        .filter(|k| k.value != "none")
        .or_else(|| m.totem_key("crypto_hash").filter(|k| k.value != "none"))
        .or_else(|| m.totem_key("secauth"))
        .map(|k| value_span(&k))
        .unwrap_or_else(|| m.totem_anchor());
    let msg = Msg::new("C106.message")
        .arg("transport", transport.name())
        .arg("cipher", last.2.clone())
        .arg("hash", last.3.clone())
        .arg("releases", releases(t, first.0, last.1))
        .arg("says", "parse error in config: crypto_cipher & crypto_hash are only valid for the Knet transport.");
    out.push(diag(
        &META,
        Severity::Error,
        anchor,
        msg,
        Msg::new("C106.help").arg("transport", transport.name()),
    ));
}
