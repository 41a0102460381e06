use super::model::Transport;
use super::{diag, releases, value_span, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// In corosync 3.x with the knet transport, finds nodes without a `nodeid`, or with
    /// `nodeid: 0`.
    ///
    /// ## Why is this bad?
    /// knet needs an explicit, non-zero node id for every node; corosync does not generate one
    /// as it does for udp/udpu. On the node itself corosync refuses to start with "Knet
    /// requires an explicit nodeid for the local node", on the other nodes with "Knet requires
    /// an explicit nodeid to be specified for address '10.0.0.3'." (verified on 3.1.7; 0 counts
    /// as missing).
    ///
    /// ## Example
    /// ```corosync
    /// nodelist {
    ///     node {
    ///         name: node1
    ///         ring0_addr: 10.0.0.1
    ///     }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Give every node a unique `nodeid` between 1 and 65535.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §2.3 (`nodeid`), §3.2, Appendix A
    ///   (`knet_no_nodeid`, `knet_nodeid_0`).
    /// - corosync `exec/totemconfig.c` `totem_config_read`, `put_nodelist_members_to_config`
    ///   (v3.1.7).
    pub static META = {
        code: "C203",
        name: "knet-nodeid-missing",
        severity: Error,
        docs_ja: "## 何をするか
corosync 3.x の knet トランスポートで、`nodeid` のないノードや `nodeid: 0` のノードを検出します。

## なぜ問題か
knet ではすべてのノードに 0 以外のノード ID を明示する必要があり、udp/udpu のように corosync が自動生成することはありません。そのノード自身では \"Knet requires an explicit nodeid for the local node\"、他のノードでは \"Knet requires an explicit nodeid to be specified for address '10.0.0.3'.\" で起動しません（3.1.7 で確認済み。0 は未指定として扱われます）。

## 例
```corosync
nodelist {
    node {
        name: node1
        ring0_addr: 10.0.0.1
    }
}
```

## 対処
すべてのノードに 1〜65535 の重複しない `nodeid` を付けてください。

## 参考
- `shared/reference/corosync-conf.md` §2.3（`nodeid`）、§3.2、付録 A（`knet_no_nodeid`、`knet_nodeid_0`）
- corosync `exec/totemconfig.c` の `totem_config_read`、`put_nodelist_members_to_config`（v3.1.7）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) || ctx.major() < 3 {
        return;
    }
    let m = ctx.model();
    if m.transport() != Transport::Knet || !m.has_nodelist() {
        return;
    }
    let rel = releases(ctx.target, ctx.target.from, ctx.target.to);
    for n in m.nodes() {
        let Some(addr) = n.first_addr() else { continue };
        let (span, variant) = match n.nodeid() {
            None => (n.section().name_span, "message"),
            Some((k, Some(0))) => (value_span(&k), "message.zero"),
            Some(_) => continue, // a valid id, or not a number (C603)
        };
        let msg = Msg::new(format!("C203.{variant}"))
            .arg("node", n.label())
            .arg("releases", rel.clone())
            .arg(
                "says",
                format!(
                    "Knet requires an explicit nodeid to be specified for address '{}'.",
                    addr.value
                ),
            )
            .arg(
                "says_local",
                "Knet requires an explicit nodeid for the local node",
            );
        out.push(diag(
            &META,
            Severity::Error,
            span,
            msg,
            Msg::new("C203.help").arg("node", n.label()),
        ));
    }
}
