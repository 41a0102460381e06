use super::{diag, releases, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// With votequorum (2.x/3.x), finds `auto_tie_breaker: 1` in a cluster whose nodes have an
    /// odd number of votes in total, without `wait_for_all`.
    ///
    /// ## Why is this bad?
    /// In an odd-sized cluster an isolated half plus one without the tie-breaker node could
    /// claim quorum after a reboot, so auto_tie_breaker needs wait_for_all there. corosync logs
    /// "auto_tie_breaker is set and the cluster has an odd number of nodes." and "wait_for_all
    /// needs to be set for this configuration but it is missing" and disables
    /// auto_tie_breaker. With `last_man_standing` as well it refuses to start: "configuration
    /// error: auto_tie_breaker & last_man_standing not available in odd sized cluster" (both
    /// verified by starting corosync 3.1.7). Neither is checked by `corosync -t`.
    ///
    /// ## Example
    /// ```corosync
    /// quorum {
    ///     provider: corosync_votequorum
    ///     auto_tie_breaker: 1
    /// }
    /// nodelist {
    ///     node { ring0_addr: 10.0.0.1 }
    ///     node { ring0_addr: 10.0.0.2 }
    ///     node { ring0_addr: 10.0.0.3 }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Add `wait_for_all: 1`, or remove `auto_tie_breaker`.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §3.5.
    /// - corosync `exec/votequorum.c` `votequorum_readconfig` (v3.1.7); votequorum(5).
    pub static META = {
        code: "C306",
        name: "auto-tie-breaker-odd-without-wait",
        severity: Warning,
        docs_ja: "## 何をするか
votequorum（2.x/3.x）で、ノードの投票数の合計が奇数のクラスタに `wait_for_all` なしで `auto_tie_breaker: 1` を設定しているものを検出します。

## なぜ問題か
奇数台のクラスタでは、タイブレーカーのノードを含まない過半数側が再起動後にクォーラムを得てしまうおそれがあるため、auto_tie_breaker には wait_for_all が必要です。corosync は \"auto_tie_breaker is set and the cluster has an odd number of nodes.\" と \"wait_for_all needs to be set for this configuration but it is missing\" を出して auto_tie_breaker を無効にします。`last_man_standing` も設定されていると \"configuration error: auto_tie_breaker & last_man_standing not available in odd sized cluster\" で起動しません（どちらも corosync 3.1.7 を起動して確認済み）。どちらも `corosync -t` では確認されません。

## 例
```corosync
quorum {
    provider: corosync_votequorum
    auto_tie_breaker: 1
}
nodelist {
    node { ring0_addr: 10.0.0.1 }
    node { ring0_addr: 10.0.0.2 }
    node { ring0_addr: 10.0.0.3 }
}
```

## 対処
`wait_for_all: 1` を追加するか、`auto_tie_breaker` を削除してください。

## 参考
- `shared/reference/corosync-conf.md` §3.5
- corosync `exec/votequorum.c` の `votequorum_readconfig`（v3.1.7）、votequorum(5)",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) {
        return;
    }
    let m = ctx.model();
    if !m.votequorum() || !m.has_nodelist() {
        return;
    }
    let Some((atb, 1..)) = m.quorum_num("auto_tie_breaker") else {
        return;
    };
    let votes = m.node_votes();
    if votes.is_multiple_of(2) {
        return;
    }
    // wait_for_all defaults to the value of two_node.
    let two_node = m.quorum_num("two_node").map(|(_, v)| v).unwrap_or(0);
    let wfa = m
        .quorum_num("wait_for_all")
        .map(|(_, v)| v)
        .unwrap_or(two_node);
    if wfa != 0 {
        return;
    }
    let rel = releases(ctx.target, ctx.target.from, ctx.target.to);
    let lms = m
        .quorum_num("last_man_standing")
        .is_some_and(|(_, v)| v != 0);
    let (sev, msg) = if lms {
        (
            Severity::Error,
            Msg::new("C306.message.lms")
                .arg("votes", votes)
                .arg("releases", rel)
                .arg("says", "configuration error: auto_tie_breaker & last_man_standing not available in odd sized cluster"),
        )
    } else {
        (
            Severity::Warning,
            Msg::new("C306.message")
                .arg("votes", votes)
                .arg("releases", rel)
                .arg(
                    "says",
                    "wait_for_all needs to be set for this configuration but it is missing",
                ),
        )
    };
    out.push(diag(&META, sev, atb.key_span, msg, Msg::new("C306.help")));
}
