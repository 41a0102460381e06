use super::{diag, releases, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// In corosync 3.x, finds a config that defines interfaces but no nodelist (a 1.x/2.x-style
    /// `interface`/`bindnetaddr` or `member` config).
    ///
    /// ## Why is this bad?
    /// corosync 3.x (from 2.99.1) finds the local node only through the nodelist, for every
    /// transport including udp and udpu. Without a nodelist it refuses to start: "parse error
    /// in config: No valid name found for local host" (verified on 3.1.7 with a udp
    /// interface-only config). corocheck cannot check offline whether an existing nodelist
    /// matches this host; it reports only a nodelist that is missing entirely.
    ///
    /// ## Example
    /// ```corosync
    /// totem {
    ///     version: 2
    ///     transport: udp
    ///     interface {
    ///         bindnetaddr: 192.168.1.0
    ///         mcastaddr: 239.255.1.1
    ///     }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Add a `nodelist` with one `node` per cluster node (`ring0_addr`, `nodeid`, and `name`),
    /// and drop `bindnetaddr`.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §3.1 ("3.x requires a nodelist"), §3.3, Appendix A
    ///   (`udp_no_nodelist`).
    /// - corosync `exec/totemconfig.c` `totem_config_validate` (v3.1.7).
    pub static META = {
        code: "C202",
        name: "nodelist-missing",
        severity: Error,
        docs_ja: "## 何をするか
corosync 3.x で、interface を定義しているのにノードリストがない設定（1.x/2.x 形式の `interface`/`bindnetaddr` や `member` の設定）を検出します。

## なぜ問題か
corosync 3.x（2.99.1 以降）は、udp と udpu を含むどのトランスポートでも、ノードリストからしか自ノードを見つけません。ノードリストがないと \"parse error in config: No valid name found for local host\" で起動しません（3.1.7 で udp の interface だけの設定により確認済み）。既存のノードリストがこのホストに一致するかはオフラインでは確認できないため、ノードリストがまったくない場合だけを報告します。

## 例
```corosync
totem {
    version: 2
    transport: udp
    interface {
        bindnetaddr: 192.168.1.0
        mcastaddr: 239.255.1.1
    }
}
```

## 対処
クラスタのノードごとに `node`（`ring0_addr`、`nodeid`、`name`）を持つ `nodelist` を追加し、`bindnetaddr` を削除してください。

## 参考
- `shared/reference/corosync-conf.md` §3.1（「3.x requires a nodelist」）、§3.3、付録 A（`udp_no_nodelist`）
- corosync `exec/totemconfig.c` の `totem_config_validate`（v3.1.7）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) || ctx.major() < 3 {
        return;
    }
    let m = ctx.model();
    if m.has_nodelist() || m.configured_links().is_empty() {
        return; // with no links at all, C201 reports "No interfaces defined" (what corosync says first)
    }
    let span = m
        .nodelists
        .first()
        .map(|s| s.name_span)
        .unwrap_or_else(|| m.totem_anchor());
    let msg = Msg::new("C202.message")
        .arg(
            "releases",
            releases(ctx.target, ctx.target.from, ctx.target.to),
        )
        .arg(
            "says",
            "parse error in config: No valid name found for local host",
        );
    out.push(diag(
        &META,
        Severity::Error,
        span,
        msg,
        Msg::new("C202.help"),
    ));
}
