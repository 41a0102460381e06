use super::{diag, releases, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Finds `node` sections without an address: in 2.x a node without `ring0_addr`, in 3.x a
    /// node without any `ringX_addr`.
    ///
    /// ## Why is this bad?
    /// corosync 2.x refuses to start: "No ring0_addr specified for node". corosync 3.x accepts a
    /// node with only a `name`, but that node is on no link and can never join; if it is the
    /// local node corosync stops with "No interfaces defined" (verified on 3.1.7).
    ///
    /// ## Example
    /// ```corosync
    /// nodelist {
    ///     node {
    ///         name: node2
    ///         nodeid: 2
    ///     }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Add `ring0_addr` with the node's address or host name.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §1.6 (the 2.x parser check), §2.3, Appendix A
    ///   (`node_name_only`).
    /// - corosync `exec/coroparse.c` v2.4.6.
    pub static META = {
        code: "C211",
        name: "node-without-ring0-addr",
        severity: Error,
        docs_ja: "## 何をするか
アドレスのない `node` セクションを検出します。2.x では `ring0_addr` のないノード、3.x ではどの `ringX_addr` もないノードが対象です。

## なぜ問題か
corosync 2.x は \"No ring0_addr specified for node\" で起動しません。corosync 3.x は `name` だけのノードを受け付けますが、そのノードはどのリンクにも属さないため参加できません。それが自ノードなら \"No interfaces defined\" で停止します（3.1.7 で確認済み）。

## 例
```corosync
nodelist {
    node {
        name: node2
        nodeid: 2
    }
}
```

## 対処
ノードのアドレスかホスト名を `ring0_addr` に設定してください。

## 参考
- `shared/reference/corosync-conf.md` §1.6（2.x のパーサの検査）、§2.3、付録 A（`node_name_only`）
- corosync `exec/coroparse.c` v2.4.6",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) || ctx.major() < 2 {
        return;
    }
    let m = ctx.model();
    let rel = releases(ctx.target, ctx.target.from, ctx.target.to);
    for n in m.nodes() {
        if ctx.major() == 2 {
            // The 2.x parser checks each node section on its own.
            for s in &n.sections {
                if ctx.conf.get(s.id, "ring0_addr").is_none() {
                    let msg = Msg::new("C211.message.v2")
                        .arg("node", n.label())
                        .arg("releases", rel.clone())
                        .arg("says", "No ring0_addr specified for node");
                    out.push(diag(
                        &META,
                        Severity::Error,
                        s.name_span,
                        msg,
                        Msg::new("C211.help"),
                    ));
                }
            }
        } else if n.rings().is_empty() {
            let msg = Msg::new("C211.message")
                .arg("node", n.label())
                .arg("version", ctx.target);
            out.push(diag(
                &META,
                Severity::Warning,
                n.section().name_span,
                msg,
                Msg::new("C211.help"),
            ));
        }
    }
}
