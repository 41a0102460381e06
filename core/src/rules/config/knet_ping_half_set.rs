use super::{diag, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// In corosync 3.x, finds a `totem.interface` that sets only one of `knet_ping_interval`
    /// and `knet_ping_timeout`.
    ///
    /// ## Why is this bad?
    /// The two values work as a pair: knet sends a ping every interval and declares the link
    /// down when no answer came within the timeout. When only one is set, corosync computes
    /// the other from the token timeout (interval = token / (knet_pong_count × 2), timeout =
    /// token / knet_pong_count), which can leave a timeout shorter than the interval or far
    /// from what was intended. pcs refuses to set one without the other
    /// (`PREREQUISITE_OPTION_IS_MISSING`).
    ///
    /// ## Example
    /// ```corosync
    /// totem {
    ///     interface {
    ///         linknumber: 0
    ///         knet_ping_interval: 1000
    ///     }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Set both `knet_ping_interval` and `knet_ping_timeout`, or neither.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §2.2 (`knet_ping_interval` / `knet_ping_timeout`).
    /// - `shared/reference/peers.md` §1.2 (pcs check 28).
    /// - corosync `exec/totemconfig.c` (v3.1.7); corosync.conf(5).
    pub static META = {
        code: "C118",
        name: "knet-ping-half-set",
        severity: Warning,
        docs_ja: "## 何をするか
corosync 3.x で、`totem.interface` に `knet_ping_interval` と `knet_ping_timeout` の片方だけを設定しているものを検出します。

## なぜ問題か
この 2 つは組で働きます。knet は interval ごとに ping を送り、timeout 以内に応答がなければリンクをダウンと判断します。片方だけを設定すると、もう片方は token タイムアウトから計算されるため（interval = token / (knet_pong_count × 2)、timeout = token / knet_pong_count）、timeout が interval より短くなったり、意図と大きく異なる値になったりします。pcs は片方だけの設定を拒否します（`PREREQUISITE_OPTION_IS_MISSING`）。

## 例
```corosync
totem {
    interface {
        linknumber: 0
        knet_ping_interval: 1000
    }
}
```

## 対処
`knet_ping_interval` と `knet_ping_timeout` を両方設定するか、両方とも省いてください。

## 参考
- `shared/reference/corosync-conf.md` §2.2（`knet_ping_interval` / `knet_ping_timeout`）
- `shared/reference/peers.md` §1.2（pcs の検査 28）
- corosync `exec/totemconfig.c`（v3.1.7）、corosync.conf(5)",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) || ctx.major() < 3 {
        return;
    }
    for i in ctx.model().interfaces() {
        let interval = i.get("knet_ping_interval");
        let timeout = i.get("knet_ping_timeout");
        let (k, missing) = match (interval, timeout) {
            (Some(k), None) => (k, "knet_ping_timeout"),
            (None, Some(k)) => (k, "knet_ping_interval"),
            _ => continue,
        };
        out.push(diag(
            &META,
            Severity::Warning,
            k.key_span,
            Msg::new("C118.message")
                .arg("key", k.name)
                .arg("missing", missing)
                .arg("link", i.number),
            Msg::new("C118.help").arg("missing", missing),
        ));
    }
}
