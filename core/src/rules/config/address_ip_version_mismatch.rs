use super::model::{Family, Transport, literal_family};
use super::{diag, releases, value_span, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// In corosync 3.x, finds a node address (`ringX_addr`) written as an IP address of a family
    /// that `totem.ip_version` does not allow: an IPv6 address with `ipv4`, an IPv4 address with
    /// `ipv6`. Without `ip_version`, `udp` uses `ipv4` and knet/udpu use `ipv6-4`, which allows
    /// both.
    ///
    /// ## Why is this bad?
    /// corosync parses every node address in the family `ip_version` names and stops with
    /// "failed to parse node address '…'" (for the local node: "failed to parse bindnet
    /// address '…'"), verified with `corosync -t` on 3.1.7. pcs refuses such an address
    /// (`COROSYNC_ADDRESS_IP_VERSION_WRONG_FOR_LINK`). Host names are resolved by corosync and
    /// are not checked.
    ///
    /// ## Example
    /// ```corosync
    /// totem {
    ///     ip_version: ipv4
    /// }
    /// nodelist {
    ///     node {
    ///         ring0_addr: 2001:db8::1
    ///     }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Set `ip_version` to the family of the addresses (`ipv6`, or `ipv6-4`/`ipv4-6` on knet and
    /// udpu), or use addresses of the family `ip_version` names.
    ///
    /// ## References
    /// - corosync.conf(5), `ip_version`.
    /// - `shared/reference/corosync-conf.md` §2.1 (defaults), §2.3 (`ring0_addr`).
    /// - `shared/reference/peers.md` §1.2 (pcs 9).
    pub static META = {
        code: "C220",
        name: "address-ip-version-mismatch",
        severity: Error,
        docs_ja: "## 何をするか
corosync 3.x で、`totem.ip_version` が許さないファミリの IP アドレスで書かれたノードのアドレス（`ringX_addr`）を検出します。`ipv4` での IPv6 アドレスや、`ipv6` での IPv4 アドレスです。`ip_version` がない場合、`udp` は `ipv4` を、knet と udpu は両方を許す `ipv6-4` を使います。

## なぜ問題か
corosync はノードのアドレスをすべて `ip_version` のファミリで解析し、\"failed to parse node address '…'\"（自ノードでは \"failed to parse bindnet address '…'\"）で停止します（3.1.7 の `corosync -t` で確認済み）。pcs はこのアドレスを拒否します（`COROSYNC_ADDRESS_IP_VERSION_WRONG_FOR_LINK`）。ホスト名は corosync が名前解決するため検査しません。

## 例
```corosync
totem {
    ip_version: ipv4
}
nodelist {
    node {
        ring0_addr: 2001:db8::1
    }
}
```

## 対処
`ip_version` をアドレスのファミリに合わせる（`ipv6`、knet と udpu では `ipv6-4` または `ipv4-6` も可）か、`ip_version` のファミリのアドレスを使ってください。

## 参考
- corosync.conf(5) の `ip_version`
- `shared/reference/corosync-conf.md` §2.1（既定値）、§2.3（`ring0_addr`）
- `shared/reference/peers.md` §1.2（pcs の 9）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) || ctx.major() < 3 {
        return;
    }
    let m = ctx.model();
    let explicit = m.totem_key("ip_version").map(|k| k.value);
    let (ipv, allowed) = match explicit {
        Some("ipv4") => ("ipv4", Family::V4),
        Some("ipv6") => ("ipv6", Family::V6),
        // Both families allowed, or an invalid value (C603).
        Some(_) => return,
        None if m.transport() == Transport::Udp => ("ipv4", Family::V4),
        None => return,
    };
    let rel = releases(ctx.target, ctx.target.from, ctx.target.to);
    for n in m.nodes() {
        for k in n.rings().values() {
            let Some(f) = literal_family(k.value) else {
                continue;
            };
            if f == allowed {
                continue;
            }
            let family = if f == Family::V4 { "IPv4" } else { "IPv6" };
            let id = if explicit.is_some() {
                "C220.message"
            } else {
                "C220.message-default"
            };
            out.push(diag(
                &META,
                Severity::Error,
                value_span(k),
                Msg::new(id)
                    .arg("key", k.name)
                    .arg("addr", k.value)
                    .arg("family", family)
                    .arg("ipv", ipv)
                    .arg("releases", rel.clone()),
                Msg::new("C220.help").arg("family", family),
            ));
        }
    }
}
