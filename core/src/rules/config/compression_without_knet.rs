use super::model::Transport;
use super::{diag, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// In corosync 3.x, finds `knet_compression_model`, `knet_compression_threshold` or
    /// `knet_compression_level` in `totem` when the transport is `udp` or `udpu`.
    ///
    /// ## Why is this bad?
    /// Compression is done by libknet; the udp and udpu transports never read these keys, so
    /// the traffic is not compressed. corosync starts without a word (`corosync -t` accepts it,
    /// verified on 3.1.7). pcs refuses compression options on udp/udpu
    /// (`COROSYNC_TRANSPORT_UNSUPPORTED_OPTIONS`). Crypto on udp/udpu is C106.
    ///
    /// ## Example
    /// ```corosync
    /// totem {
    ///     transport: udpu
    ///     knet_compression_model: zlib
    /// }
    /// ```
    ///
    /// ## Fix
    /// Remove the compression keys, or switch to `transport: knet`.
    ///
    /// ## References
    /// - corosync `exec/totemknet.c`: the only place that applies the compression settings.
    /// - `shared/reference/corosync-conf.md` §2.1.
    /// - `shared/reference/peers.md` §1.2 (pcs 40).
    pub static META = {
        code: "C130",
        name: "compression-without-knet",
        severity: Warning,
        docs_ja: "## 何をするか
corosync 3.x で、トランスポートが `udp` または `udpu` なのに `totem` にある `knet_compression_model`、`knet_compression_threshold`、`knet_compression_level` を検出します。

## なぜ問題か
圧縮は libknet が行います。udp と udpu のトランスポートはこれらのキーを読まないため、通信は圧縮されません。corosync は何も言わずに起動します（`corosync -t` も受け付けます。3.1.7 で確認済み）。pcs は udp/udpu での圧縮オプションを拒否します（`COROSYNC_TRANSPORT_UNSUPPORTED_OPTIONS`）。udp/udpu での暗号化は C106 です。

## 例
```corosync
totem {
    transport: udpu
    knet_compression_model: zlib
}
```

## 対処
圧縮のキーを削除するか、`transport: knet` に切り替えてください。

## 参考
- corosync の `exec/totemknet.c`（圧縮の設定を使うのはここだけです）
- `shared/reference/corosync-conf.md` §2.1
- `shared/reference/peers.md` §1.2（pcs の 40）",
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
    for key in [
        "knet_compression_model",
        "knet_compression_threshold",
        "knet_compression_level",
    ] {
        let Some(k) = m.totem_key(key) else { continue };
        out.push(diag(
            &META,
            Severity::Warning,
            k.key_span,
            Msg::new("C130.message")
                .arg("key", k.name)
                .arg("value", k.value)
                .arg("transport", transport.name()),
            Msg::new("C130.help").arg("key", k.name),
        ));
    }
}
