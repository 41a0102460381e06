use super::model::{Family, Transport, literal_family, literal_is_multicast};
use super::{diag, releases, value_span, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// With `transport: udp` and no `broadcast: yes`, checks each literal `mcastaddr`: it must
    /// be a multicast address (224.0.0.0/4 or ff00::/8) of the same IP family as the address
    /// corosync binds to; in 3.x an IPv6 `mcastaddr` also needs `ip_version: ipv6`.
    ///
    /// ## Why is this bad?
    /// corosync refuses to start with "parse error in config: mcastaddr is not a correct
    /// multicast address." (3.x: "... for interface 0", verified on 3.1.7), with "Multicast
    /// address family does not match bind address family", or, in 3.x where UDP resolves
    /// addresses as IPv4 unless told otherwise, with "failed to parse mcast address 'ff15::1'"
    /// (verified).
    ///
    /// ## Example
    /// ```corosync
    /// totem {
    ///     version: 2
    ///     transport: udp
    ///     interface {
    ///         ringnumber: 0
    ///         bindnetaddr: 192.168.1.0
    ///         mcastaddr: 192.168.1.255
    ///     }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Use a multicast address of the right family (for example 239.255.1.1), or
    /// `broadcast: yes` for broadcast.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §3.2, §3.3, Appendix A (`udp_mcast_not_mcast`,
    ///   `udp_ipv6_mcast`).
    /// - corosync `exec/totemconfig.c` `get_interface_params` and `totem_config_validate`
    ///   (v1.4.10, v2.4.6, v3.1.7).
    pub static META = {
        code: "C112",
        name: "multicast-address-invalid",
        severity: Error,
        docs_ja: "## 何をするか
`transport: udp` で `broadcast: yes` でないとき、数値で書かれた `mcastaddr` を確認します。マルチキャストアドレス（224.0.0.0/4 または ff00::/8）で、corosync がバインドするアドレスと同じ IP ファミリーでなければなりません。3.x で IPv6 の `mcastaddr` を使うには `ip_version: ipv6` も必要です。

## なぜ問題か
corosync は \"parse error in config: mcastaddr is not a correct multicast address.\"（3.x では \"... for interface 0\"、3.1.7 で確認済み）、\"Multicast address family does not match bind address family\"、または 3.x では UDP が指定のない限りアドレスを IPv4 として解決するため \"failed to parse mcast address 'ff15::1'\"（確認済み）で起動しません。

## 例
```corosync
totem {
    version: 2
    transport: udp
    interface {
        ringnumber: 0
        bindnetaddr: 192.168.1.0
        mcastaddr: 192.168.1.255
    }
}
```

## 対処
正しいファミリーのマルチキャストアドレス（例: 239.255.1.1）を使うか、ブロードキャストにするなら `broadcast: yes` を設定してください。

## 参考
- `shared/reference/corosync-conf.md` §3.2、§3.3、付録 A（`udp_mcast_not_mcast`、`udp_ipv6_mcast`）
- corosync `exec/totemconfig.c` の `get_interface_params` と `totem_config_validate`（v1.4.10、v2.4.6、v3.1.7）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) {
        return;
    }
    let m = ctx.model();
    if m.transport() != Transport::Udp {
        return;
    }
    if m.interfaces()
        .iter()
        .any(|i| i.get("broadcast").map(|k| k.value) == Some("yes"))
    {
        return;
    }
    let major = ctx.major();
    let rel = releases(ctx.target, ctx.target.from, ctx.target.to);
    let suffix = |n: u32| {
        if major >= 3 {
            format!(" for interface {n}")
        } else {
            String::new()
        }
    };
    let ip_version = m.totem_key("ip_version").map(|k| k.value);
    for i in m.active_interfaces() {
        let Some(k) = i.get("mcastaddr") else {
            continue;
        };
        let Some(fam) = literal_family(k.value) else {
            continue;
        };
        // 3.x UDP resolves with ip_version (default ipv4): an IPv6 literal does not parse.
        if major >= 3
            && fam == Family::V6
            && !matches!(ip_version, Some("ipv6") | Some("ipv6-4") | Some("ipv4-6"))
        {
            let says = format!("failed to parse mcast address '{}'", k.value);
            let msg = Msg::new("C112.message.parse")
                .arg("value", k.value)
                .arg("releases", rel.clone())
                .arg("says", says);
            out.push(diag(
                &META,
                Severity::Error,
                value_span(&k),
                msg,
                Msg::new("C112.help.parse"),
            ));
            continue;
        }
        // The bind address: the nodes' address on this link (2.x/3.x with a nodelist), else bindnetaddr.
        let bind = if major >= 2 && m.has_nodelist() {
            m.nodes()
                .iter()
                .filter_map(|n| n.rings().get(&i.number).copied())
                .find_map(|a| literal_family(a.value))
        } else {
            i.get("bindnetaddr").and_then(|b| literal_family(b.value))
        };
        if let Some(bf) = bind
            && bf != fam
        {
            let says = format!(
                "parse error in config: Multicast address family does not match bind address family{}",
                suffix(i.number)
            );
            let msg = Msg::new("C112.message.family")
                .arg("value", k.value)
                .arg("releases", rel.clone())
                .arg("says", says);
            out.push(diag(
                &META,
                Severity::Error,
                value_span(&k),
                msg,
                Msg::new("C112.help"),
            ));
            continue;
        }
        if literal_is_multicast(k.value) == Some(false) {
            let says = if major >= 3 {
                format!(
                    "parse error in config: mcastaddr is not a correct multicast address{}",
                    suffix(i.number)
                )
            } else {
                "parse error in config: mcastaddr is not a correct multicast address.".to_string()
            };
            let msg = Msg::new("C112.message")
                .arg("value", k.value)
                .arg("releases", rel.clone())
                .arg("says", says);
            out.push(diag(
                &META,
                Severity::Error,
                value_span(&k),
                msg,
                Msg::new("C112.help"),
            ));
        }
    }
}
