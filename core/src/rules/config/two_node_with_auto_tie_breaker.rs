use super::{diag, releases, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;
use crate::version::Release;

declare_rule! {
    /// ## What it does
    /// With votequorum, finds `two_node: 1` together with `auto_tie_breaker: 1`.
    ///
    /// ## Why is this bad?
    /// two_node settles a split with a fence race, auto_tie_breaker by node id; they do not
    /// combine. corosync 2.3.5+ logs "two_node and auto_tie_breaker are both specified but are
    /// not compatible." and "two_node has been disabled, please fix your corosync.conf", and
    /// runs without two_node (verified on 3.1.7), so a two-node cluster may lose quorum when one
    /// node fails.
    ///
    /// ## Example
    /// ```corosync
    /// quorum {
    ///     provider: corosync_votequorum
    ///     two_node: 1
    ///     auto_tie_breaker: 1
    /// }
    /// ```
    ///
    /// ## Fix
    /// Keep one of them: `two_node` for a two-node cluster with fencing, `auto_tie_breaker` for
    /// even-sized clusters of more nodes.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §3.5, §6 (commit c832ade0, 2.3.5).
    /// - corosync `exec/votequorum.c` `votequorum_readconfig` (v3.1.7); votequorum(5).
    pub static META = {
        code: "C303",
        name: "two-node-with-auto-tie-breaker",
        severity: Warning,
        docs_ja: "## 何をするか
votequorum で、`two_node: 1` と `auto_tie_breaker: 1` の併用を検出します。

## なぜ問題か
two_node は分断をフェンシングの競争で、auto_tie_breaker はノード ID で決着させるため、両立しません。corosync 2.3.5 以降は \"two_node and auto_tie_breaker are both specified but are not compatible.\" と \"two_node has been disabled, please fix your corosync.conf\" を出し、two_node なしで動きます（3.1.7 で確認済み）。そのため 2 ノードクラスタでは 1 台の故障でクォーラムを失うことがあります。

## 例
```corosync
quorum {
    provider: corosync_votequorum
    two_node: 1
    auto_tie_breaker: 1
}
```

## 対処
どちらか一方にしてください。フェンシングのある 2 ノードクラスタなら `two_node`、それより多い偶数台のクラスタなら `auto_tie_breaker` です。

## 参考
- `shared/reference/corosync-conf.md` §3.5、§6（コミット c832ade0、2.3.5）
- corosync `exec/votequorum.c` の `votequorum_readconfig`（v3.1.7）、votequorum(5)",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let since = Release(2, 3, 5);
    if !whole_file(ctx) || !ctx.target.any_at_least(since) {
        return;
    }
    let m = ctx.model();
    if !m.votequorum() {
        return;
    }
    let (Some((tn, 1..)), Some((_, 1..))) =
        (m.quorum_num("two_node"), m.quorum_num("auto_tie_breaker"))
    else {
        return;
    };
    let msg = Msg::new("C303.message")
        .arg(
            "releases",
            releases(ctx.target, since, super::schema::V3_TO),
        )
        .arg(
            "says",
            "two_node and auto_tie_breaker are both specified but are not compatible.",
        );
    out.push(diag(
        &META,
        Severity::Warning,
        tn.key_span,
        msg,
        Msg::new("C303.help"),
    ));
}
