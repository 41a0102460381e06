use super::model::{Read, Transport, read_u32_value};
use super::{diag, releases, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;
use std::net::IpAddr;

declare_rule! {
    /// ## What it does
    /// In corosync 1.x/2.x with `transport: udp`, finds two rings that use the same multicast
    /// address with ports less than 2 apart.
    ///
    /// ## Why is this bad?
    /// Each ring uses its port and the port below it. corosync refuses to start: "parse error
    /// in config: Interfaces multicast address/port pair must differ". In 2.x both rings default
    /// to port 5405, so two rings with the same `mcastaddr` and no `mcastport` clash.
    ///
    /// ## Example
    /// ```corosync
    /// totem {
    ///     version: 2
    ///     rrp_mode: passive
    ///     interface {
    ///         ringnumber: 0
    ///         bindnetaddr: 192.168.1.0
    ///         mcastaddr: 239.255.1.1
    ///         mcastport: 5405
    ///     }
    ///     interface {
    ///         ringnumber: 1
    ///         bindnetaddr: 192.168.2.0
    ///         mcastaddr: 239.255.1.1
    ///         mcastport: 5406
    ///     }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Give the second ring another multicast address, or a port at least 2 higher (5407).
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §2.2 (`mcastport`), §3.3 (1.x/2.x only).
    /// - corosync `exec/totemconfig.c` `totem_config_validate` (v1.4.10, v2.4.6).
    pub static META = {
        code: "C114",
        name: "multicast-pair-clash",
        severity: Error,
        docs_ja: "## 何をするか
corosync 1.x/2.x の `transport: udp` で、2 本のリングが同じマルチキャストアドレスを使い、ポートの差が 2 未満のものを検出します。

## なぜ問題か
各リングは指定したポートとその 1 つ下のポートを使います。corosync は \"parse error in config: Interfaces multicast address/port pair must differ\" で起動しません。2.x ではどちらのリングも既定のポートが 5405 なので、同じ `mcastaddr` で `mcastport` を書かないと衝突します。

## 例
```corosync
totem {
    version: 2
    rrp_mode: passive
    interface {
        ringnumber: 0
        bindnetaddr: 192.168.1.0
        mcastaddr: 239.255.1.1
        mcastport: 5405
    }
    interface {
        ringnumber: 1
        bindnetaddr: 192.168.2.0
        mcastaddr: 239.255.1.1
        mcastport: 5406
    }
}
```

## 対処
2 本目のリングに別のマルチキャストアドレスを使うか、ポートを 2 以上離してください（5407 など）。

## 参考
- `shared/reference/corosync-conf.md` §2.2（`mcastport`）、§3.3（1.x/2.x のみ）
- corosync `exec/totemconfig.c` の `totem_config_validate`（v1.4.10、v2.4.6）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) || ctx.major() >= 3 {
        return;
    }
    let m = ctx.model();
    if m.transport() != Transport::Udp {
        return;
    }
    let broadcast = m
        .interfaces()
        .iter()
        .any(|i| i.get("broadcast").map(|k| k.value) == Some("yes"));
    let ifaces = m.active_interfaces();
    let info: Vec<Option<(IpAddr, u32)>> = ifaces
        .iter()
        .map(|i| {
            let addr: IpAddr = if broadcast {
                IpAddr::from([255, 255, 255, 255])
            } else {
                i.get("mcastaddr")?.value.parse().ok()?
            };
            let port = match i
                .get("mcastport")
                .map(|k| read_u32_value(ctx.major(), k.value))
            {
                Some(Read::Value(p)) => p % 65536,
                Some(_) => return None,
                None if ctx.major() == 1 => return None,
                None if broadcast => 5405 + 2 * i.number,
                None => 5405,
            };
            Some((addr, port))
        })
        .collect();
    for (a, ia) in info.iter().enumerate() {
        for (b, ib) in info.iter().enumerate().skip(a + 1) {
            let (Some((aa, pa)), Some((ab, pb))) = (ia, ib) else {
                continue;
            };
            if aa == ab && pa.abs_diff(*pb) <= 1 {
                let msg = Msg::new("C114.message")
                    .arg("addr", ab)
                    .arg("port_a", pa)
                    .arg("port_b", pb)
                    .arg(
                        "releases",
                        releases(ctx.target, ctx.target.from, ctx.target.to),
                    )
                    .arg(
                        "says",
                        "parse error in config: Interfaces multicast address/port pair must differ",
                    );
                let span = ifaces[b]
                    .get("mcastport")
                    .or_else(|| ifaces[b].get("mcastaddr"))
                    .map(|k| k.value_span)
                    .unwrap_or(ifaces[b].first_section().name_span);
                out.push(diag(
                    &META,
                    Severity::Error,
                    span,
                    msg,
                    Msg::new("C114.help").arg("port", pa + 2),
                ));
            }
        }
    }
}
