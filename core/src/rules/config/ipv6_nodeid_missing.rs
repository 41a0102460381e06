use super::model::Read;
use super::model::{Family, Transport, literal_family};
use super::{diag, releases, value_span, whole_file};
use crate::declare_rule;
use crate::diagnostic::Span;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// In corosync 3.x with `udp` or `udpu`, finds nodes whose `ring0_addr` is an IPv6 address
    /// and that have no `nodeid` (or `nodeid: 0`). In 1.x/2.x, finds an IPv6 multicast address
    /// (a literal `mcastaddr`, or in 2.x one generated from `cluster_name` with
    /// `ip_version: ipv6`) while the node id is 0: no `totem.nodeid` and (2.x) nodes without a
    /// `nodeid` in the nodelist.
    ///
    /// ## Why is this bad?
    /// For udp/udpu corosync generates missing node ids from the IPv4 `ring0_addr`; it cannot do
    /// that from an IPv6 address and refuses to start: "An IPV6 network requires that a node ID
    /// be specified" on the node itself (verified on 3.1.7), "An IPV6 network requires that a
    /// node ID be specified for address '...'." on the others. corosync 1.x and 2.x check the
    /// multicast address instead: with an IPv6 `mcastaddr` and node id 0 they stop with "parse
    /// error in config: An IPV6 network requires that a node ID be specified.". In 2.x the
    /// local node's `nodeid` from the nodelist replaces `totem.nodeid`; `broadcast: yes` makes
    /// every multicast address IPv4.
    ///
    /// ## Example
    /// ```corosync
    /// totem {
    ///     version: 2
    ///     transport: udpu
    /// }
    /// nodelist {
    ///     node {
    ///         ring0_addr: fd00::1
    ///     }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Give every node a unique `nodeid` (1.x: set `totem.nodeid` on each node).
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §2.3 (`nodeid`), §3.2, §3.4, Appendix A
    ///   (`udpu_ipv6_no_nodeid`).
    /// - corosync `exec/totemconfig.c` `totem_config_read`, `put_nodelist_members_to_config`
    ///   (v3.1.7); `totem_config_read`, `totem_config_validate` (v1.4.10, v2.4.5).
    pub static META = {
        code: "C205",
        name: "ipv6-nodeid-missing",
        severity: Error,
        docs_ja: "## 何をするか
corosync 3.x の `udp` または `udpu` で、`ring0_addr` が IPv6 アドレスなのに `nodeid` がない（または `nodeid: 0` の）ノードを検出します。1.x/2.x では、ノード ID が 0 のまま（`totem.nodeid` がなく、2.x ではノードリストのノードに `nodeid` がない）で、マルチキャストアドレスが IPv6 の場合（`mcastaddr` に直接書いた場合と、2.x で `ip_version: ipv6` のときに `cluster_name` から生成される場合）を検出します。

## なぜ問題か
udp/udpu では、corosync は足りないノード ID を IPv4 の `ring0_addr` から生成しますが、IPv6 アドレスからは生成できません。そのノード自身では \"An IPV6 network requires that a node ID be specified\"（3.1.7 で確認済み）、他のノードでは \"An IPV6 network requires that a node ID be specified for address '...'.\" で起動しません。corosync 1.x と 2.x はマルチキャストアドレスのほうを確認し、`mcastaddr` が IPv6 でノード ID が 0 だと \"parse error in config: An IPV6 network requires that a node ID be specified.\" で停止します。2.x では、ノードリストにある自ノードの `nodeid` が `totem.nodeid` の代わりに使われます。`broadcast: yes` のときは、マルチキャストアドレスはすべて IPv4 になります。

## 例
```corosync
totem {
    version: 2
    transport: udpu
}
nodelist {
    node {
        ring0_addr: fd00::1
    }
}
```

## 対処
すべてのノードに重複しない `nodeid` を付けてください（1.x では各ノードで `totem.nodeid` を設定します）。

## 参考
- `shared/reference/corosync-conf.md` §2.3（`nodeid`）、§3.2、§3.4、付録 A（`udpu_ipv6_no_nodeid`）
- corosync `exec/totemconfig.c` の `totem_config_read`、`put_nodelist_members_to_config`（v3.1.7）、`totem_config_read`、`totem_config_validate`（v1.4.10、v2.4.5）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) {
        return;
    }
    if ctx.major() < 3 {
        check_mcast(ctx, out);
        return;
    }
    let m = ctx.model();
    if !matches!(m.transport(), Transport::Udp | Transport::Udpu) {
        return;
    }
    for n in m.nodes() {
        let Some(r0) = n.get("ring0_addr") else {
            continue;
        };
        if literal_family(r0.value) != Some(Family::V6) {
            continue;
        }
        match n.nodeid() {
            None | Some((_, Some(0))) => {}
            Some(_) => continue,
        }
        let msg = Msg::new("C205.message")
            .arg("node", n.label())
            .arg("addr", r0.value)
            .arg(
                "releases",
                releases(ctx.target, ctx.target.from, ctx.target.to),
            )
            .arg(
                "says",
                format!(
                    "An IPV6 network requires that a node ID be specified for address '{}'.",
                    r0.value
                ),
            )
            .arg(
                "says_local",
                "An IPV6 network requires that a node ID be specified",
            );
        out.push(diag(
            &META,
            Severity::Error,
            n.section().name_span,
            msg,
            Msg::new("C205.help"),
        ));
    }
}

/// 1.x/2.x: an IPv6 multicast address with node id 0 (`totem_config_validate`).
fn check_mcast(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let m = ctx.model();
    if matches!(m.read_u32("nodeid"), Read::Value(v) if v != 0) {
        return;
    }
    if m.interfaces()
        .iter()
        .any(|i| i.get("broadcast").is_some_and(|k| k.value == "yes"))
    {
        return;
    }
    // Where the IPv6 multicast address comes from: literal `mcastaddr`s, or (2.x) the one
    // generated from `cluster_name` when an interface has none and `ip_version: ipv6`.
    let mut sources: Vec<(Span, String)> = m
        .interfaces()
        .iter()
        .filter_map(|i| i.get("mcastaddr"))
        .filter(|k| literal_family(k.value) == Some(Family::V6))
        .map(|k| (value_span(&k), format!("`mcastaddr: {}`", k.value)))
        .collect();
    if ctx.major() == 2 && m.totem_key("cluster_name").is_some() {
        if let Some(ipv) = m.totem_key("ip_version").filter(|k| k.value == "ipv6") {
            let generated = if m.interfaces().is_empty() {
                m.has_nodelist()
            } else {
                m.interfaces().iter().any(|i| i.get("mcastaddr").is_none())
            };
            if generated {
                sources.push((
                    value_span(&ipv),
                    "`cluster_name` (`ip_version: ipv6`)".to_string(),
                ));
            }
        }
    }
    let says = "parse error in config: An IPV6 network requires that a node ID be specified.";
    let rel = releases(ctx.target, ctx.target.from, ctx.target.to);
    for (span, what) in sources {
        let nodes: Vec<String> = if ctx.major() == 2 && m.has_nodelist() {
            m.nodes()
                .iter()
                .filter(|n| matches!(n.nodeid(), None | Some((_, Some(0)))))
                .map(|n| format!("`{}`", n.label()))
                .collect()
        } else {
            Vec::new()
        };
        let msg = if ctx.major() == 2 && m.has_nodelist() {
            if nodes.is_empty() {
                continue;
            }
            Msg::new("C205.message.nodes").arg("nodes", nodes.join(", "))
        } else {
            Msg::new("C205.message.totem")
        };
        let msg = msg
            .arg("mcast", what)
            .arg("releases", rel.clone())
            .arg("says", says);
        out.push(diag(
            &META,
            Severity::Error,
            span,
            msg,
            Msg::new("C205.help.totem"),
        ));
    }
}
