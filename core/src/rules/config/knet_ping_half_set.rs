use super::{diag, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Finds a `totem.interface` (3.x) with only one of `knet_ping_interval` and `knet_ping_timeout`.
    ///
    /// ## Why is this bad?
    /// They work as a pair; the missing one is computed from the token timeout, which can leave a
    /// timeout shorter than the interval. pcs refuses it (`PREREQUISITE_OPTION_IS_MISSING`).
    ///
    /// ## Example
    /// ```corosync
    /// interface {
    ///     linknumber: 0
    ///     knet_ping_interval: 1000
    /// }
    /// ```
    ///
    /// ## Fix
    /// Set both, or neither.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §2.2.
    /// - `shared/reference/peers.md` §1.2 (pcs 28).
    pub static META = {
        code: "C118",
        name: "knet-ping-half-set",
        severity: Warning,
        docs_ja: "## 何をするか
`knet_ping_interval` と `knet_ping_timeout` の片方だけを設定した `totem.interface`（3.x）を検出します。

## なぜ問題か
この 2 つは組で働きます。欠けた方は token タイムアウトから計算されるため、timeout が interval より短くなることがあります。pcs は拒否します（`PREREQUISITE_OPTION_IS_MISSING`）。

## 例
```corosync
interface {
    linknumber: 0
    knet_ping_interval: 1000
}
```

## 対処
両方を設定するか、両方とも省いてください。

## 参考
- `shared/reference/corosync-conf.md` §2.2
- `shared/reference/peers.md` §1.2（pcs の 28）",
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
