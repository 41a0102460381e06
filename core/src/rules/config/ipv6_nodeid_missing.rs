use super::model::{Family, Transport, literal_family};
use super::{diag, releases, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// In corosync 3.x with `udp` or `udpu`, finds nodes whose `ring0_addr` is an IPv6 address
    /// and that have no `nodeid` (or `nodeid: 0`).
    ///
    /// ## Why is this bad?
    /// For udp/udpu corosync generates missing node ids from the IPv4 `ring0_addr`; it cannot do
    /// that from an IPv6 address and refuses to start: "An IPV6 network requires that a node ID
    /// be specified" on the node itself (verified on 3.1.7), "An IPV6 network requires that a
    /// node ID be specified for address '...'." on the others.
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
    /// Give every node a unique `nodeid`.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §2.3 (`nodeid`), §3.2, §3.4, Appendix A
    ///   (`udpu_ipv6_no_nodeid`).
    /// - corosync `exec/totemconfig.c` `totem_config_read`, `put_nodelist_members_to_config`
    ///   (v3.1.7).
    pub static META = {
        code: "C205",
        name: "ipv6-nodeid-missing",
        severity: Error,
        docs_ja: "## 何をするか
corosync 3.x の `udp` または `udpu` で、`ring0_addr` が IPv6 アドレスなのに `nodeid` がない（または `nodeid: 0` の）ノードを検出します。

## なぜ問題か
udp/udpu では、corosync は足りないノード ID を IPv4 の `ring0_addr` から生成しますが、IPv6 アドレスからは生成できません。そのノード自身では \"An IPV6 network requires that a node ID be specified\"（3.1.7 で確認済み）、他のノードでは \"An IPV6 network requires that a node ID be specified for address '...'.\" で起動しません。

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
すべてのノードに重複しない `nodeid` を付けてください。

## 参考
- `shared/reference/corosync-conf.md` §2.3（`nodeid`）、§3.2、§3.4、付録 A（`udpu_ipv6_no_nodeid`）
- corosync `exec/totemconfig.c` の `totem_config_read`、`put_nodelist_members_to_config`（v3.1.7）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) || ctx.major() < 3 {
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
