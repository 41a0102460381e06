use super::{diag, releases, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// With `provider: corosync_votequorum` in corosync 2.x, finds a config with neither a
    /// nodelist nor `quorum.expected_votes` (3.x cannot run without a nodelist at all: C201/C202).
    ///
    /// ## Why is this bad?
    /// votequorum computes the expected votes from the nodelist; without one it needs
    /// `expected_votes`. Otherwise the quorum service fails to load and corosync exits:
    /// "configuration error: nodelist or quorum.expected_votes must be configured!". `corosync -t`
    /// does not load services, so it does not catch this. It typically hits 2.x configs that
    /// still use multicast `interface` sections without a nodelist.
    ///
    /// ## Example
    /// ```corosync
    /// quorum {
    ///     provider: corosync_votequorum
    /// }
    /// ```
    ///
    /// ## Fix
    /// Add a nodelist (recommended), or `expected_votes:` with the number of votes in the
    /// cluster.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §2.5 (`expected_votes`), §3.5.
    /// - corosync `exec/votequorum.c` `votequorum_readconfig` (v2.4.6, v3.1.7); votequorum(5).
    pub static META = {
        code: "C301",
        name: "votequorum-without-expected-votes",
        severity: Error,
        docs_ja: "## 何をするか
corosync 2.x の `provider: corosync_votequorum` で、ノードリストも `quorum.expected_votes` もない設定を検出します（3.x はそもそもノードリストなしでは動きません。C201/C202 を参照してください）。

## なぜ問題か
votequorum は期待投票数をノードリストから計算するため、ノードリストがなければ `expected_votes` が必要です。どちらもないとクォーラムサービスの読み込みに失敗し、corosync は \"configuration error: nodelist or quorum.expected_votes must be configured!\" で終了します。`corosync -t` はサービスを読み込まないため、これを検出しません。ノードリストなしでマルチキャストの `interface` セクションを使い続けている 2.x の設定でよく起きます。

## 例
```corosync
quorum {
    provider: corosync_votequorum
}
```

## 対処
ノードリストを追加するか（推奨）、クラスタ全体の投票数を `expected_votes:` に設定してください。

## 参考
- `shared/reference/corosync-conf.md` §2.5（`expected_votes`）、§3.5
- corosync `exec/votequorum.c` の `votequorum_readconfig`（v2.4.6、v3.1.7）、votequorum(5)",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    // 3.x cannot start without a nodelist anyway (C201/C202 report that first).
    if !whole_file(ctx) || ctx.major() != 2 {
        return;
    }
    let m = ctx.model();
    if !m.votequorum()
        || m.has_nodelist()
        || m.quorum_num("expected_votes").is_some_and(|(_, v)| v > 0)
    {
        return;
    }
    let Some(p) = m.quorum_key("provider") else {
        return;
    };
    let msg = Msg::new("C301.message")
        .arg(
            "releases",
            releases(ctx.target, ctx.target.from, ctx.target.to),
        )
        .arg(
            "says",
            "configuration error: nodelist or quorum.expected_votes must be configured!",
        );
    out.push(diag(
        &META,
        Severity::Error,
        p.key_span,
        msg,
        Msg::new("C301.help"),
    ));
}
