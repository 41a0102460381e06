use super::model::Transport;
use super::num::atoi;
use super::{diag, value_span, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;
use crate::version::Release;
use std::net::Ipv4Addr;

declare_rule! {
    /// ## What it does
    /// Checks the `nozzle` section (3.0.2+, knet) the way corosync does when it creates the
    /// device: with `name` set, `ipaddr` and `ipprefix` are required; `macaddr` must be 17
    /// characters; the prefix must be 8 to 64 for an IPv6 `ipaddr` (one containing `::`) and 8 to
    /// 30 otherwise; an `ipaddr` without `::` must be an IPv4 address. It also finds a
    /// `nozzle` section when the transport is not knet.
    ///
    /// ## Why is this bad?
    /// `corosync -t` checks none of this. At start-up corosync logs an error ("No IP address
    /// supplied for Nozzle device", "No prefix supplied for Nozzle IP address", "macaddr for
    /// nozzle device is not in the correct format '…'", "nozzle IP address prefix must be >= 8
    /// and <= 30 (got 40)", "Failed to parse IPv4 nozzle IP address") and runs without the
    /// nozzle device. Only the knet transport creates the device; udp and udpu ignore the
    /// section.
    ///
    /// ## Example
    /// ```corosync
    /// nozzle {
    ///     name: noz0
    ///     ipaddr: 192.168.50.0
    ///     ipprefix: 40
    /// }
    /// ```
    ///
    /// ## Fix
    /// Set `ipaddr` and `ipprefix` together with `name`, a prefix in range, and a MAC address
    /// like `54:54:01:00:00:00`.
    ///
    /// ## References
    /// - corosync `exec/totemknet.c` (`setup_nozzle`, `reparse_nozzle_ip_address`), v3.0.2+.
    /// - corosync.conf(5), `nozzle`.
    /// - `shared/reference/corosync-conf.md` §2.6.
    pub static META = {
        code: "C613",
        name: "nozzle-invalid",
        severity: Warning,
        docs_ja: "## 何をするか
`nozzle` セクション（3.0.2 以降、knet）を、corosync がデバイスを作るときと同じように検査します。`name` があれば `ipaddr` と `ipprefix` が必要です。`macaddr` は 17 文字でなければなりません。プレフィックスは IPv6 の `ipaddr`（`::` を含むもの）では 8〜64、それ以外では 8〜30 です。`::` を含まない `ipaddr` は IPv4 アドレスでなければなりません。トランスポートが knet でないときの `nozzle` セクションも検出します。

## なぜ問題か
`corosync -t` はこれらを何も検査しません。起動時に corosync はエラー（\"No IP address supplied for Nozzle device\"、\"No prefix supplied for Nozzle IP address\"、\"macaddr for nozzle device is not in the correct format '…'\"、\"nozzle IP address prefix must be >= 8 and <= 30 (got 40)\"、\"Failed to parse IPv4 nozzle IP address\"）をログに出し、nozzle デバイスなしで動きます。デバイスを作るのは knet トランスポートだけで、udp と udpu はこのセクションを無視します。

## 例
```corosync
nozzle {
    name: noz0
    ipaddr: 192.168.50.0
    ipprefix: 40
}
```

## 対処
`name` と一緒に `ipaddr` と `ipprefix` を設定し、プレフィックスを範囲内にし、MAC アドレスは `54:54:01:00:00:00` の形で書いてください。

## 参考
- corosync の `exec/totemknet.c`（`setup_nozzle`、`reparse_nozzle_ip_address`）、3.0.2 以降
- corosync.conf(5) の `nozzle`
- `shared/reference/corosync-conf.md` §2.6",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    // Before 3.0.2 the section is ignored (C606).
    if !whole_file(ctx) || ctx.target.to < Release(3, 0, 2) {
        return;
    }
    let conf = ctx.conf;
    let Some(section) = conf.children_named(conf.root(), "nozzle").next() else {
        return;
    };
    let get = |k: &str| conf.value(&["nozzle"], k);
    let transport = ctx.model().transport();
    if transport != Transport::Knet {
        out.push(diag(
            &META,
            Severity::Warning,
            section.name_span,
            Msg::new("C613.message-transport").arg("transport", transport.name()),
            Msg::new("C613.help-transport"),
        ));
        return;
    }
    let mut push = |span, says: String| {
        out.push(diag(
            &META,
            Severity::Warning,
            span,
            Msg::new("C613.message").arg("says", says),
            Msg::new("C613.help"),
        ));
    };
    let Some(name) = get("name") else { return };
    let Some(ipaddr) = get("ipaddr") else {
        push(
            name.key_span,
            "No IP address supplied for Nozzle device".into(),
        );
        return;
    };
    let Some(prefix) = get("ipprefix") else {
        push(
            name.key_span,
            "No prefix supplied for Nozzle IP address".into(),
        );
        return;
    };
    if let Some(mac) = get("macaddr").filter(|k| k.value.len() != 17) {
        let says = format!(
            "macaddr for nozzle device is not in the correct format '{}'",
            mac.value
        );
        push(value_span(&mac), says);
        return;
    }
    let v6 = ipaddr.value.contains("::");
    let max = if v6 { 64 } else { 30 };
    let bits = atoi(prefix.value).value();
    if !(8..=max).contains(&bits) {
        let says = format!("nozzle IP address prefix must be >= 8 and <= {max} (got {bits})");
        push(value_span(&prefix), says);
    } else if !v6 && ipaddr.value.contains(':') && ipaddr.value.parse::<Ipv4Addr>().is_err() {
        push(
            value_span(&ipaddr),
            "Failed to parse IPv4 nozzle IP address".into(),
        );
    }
}
