use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::report::Profile;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// With the Trento profile, checks that `quorum.expected_votes` is written and equals the
    /// number of nodes in the nodelist (Trento check C620DC).
    ///
    /// ## Why is this bad?
    /// votequorum computes expected votes from the nodelist when the key is absent, so corosync
    /// itself does not need it; Trento however compares the written value with the number of nodes,
    /// and a stale value left after adding or removing a node makes quorum need the wrong number of
    /// votes.
    ///
    /// ## Example
    /// ```corosync
    /// quorum {
    ///     provider: corosync_votequorum
    ///     expected_votes: 3
    /// }
    /// nodelist {
    ///     node { ring0_addr: 10.0.0.1
    ///            nodeid: 1 }
    ///     node { ring0_addr: 10.0.0.2
    ///            nodeid: 2 }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Set `expected_votes` in `quorum` to the number of nodes on every node and reload corosync.
    ///
    /// ## References
    /// - trento-project/checks `checks/C620DC.yaml` (commit 694f8535), citing the SUSE, AWS and
    ///   Google Cloud SAP HANA HA guides; `shared/reference/peers.md` §6.1.
    /// - corosync.conf(5), votequorum(5) (v3.1.7).
    pub static META = {
        code: "T108",
        name: "trento-expected-votes",
        severity: Warning,
        docs_ja: "## 何をするか
Trento プロファイルで、`quorum.expected_votes` が書かれていて、ノードリストの台数と等しいかを確認します（Trento のチェック C620DC）。

## なぜ問題か
キーがない場合 votequorum はノードリストから期待票数を計算するため、corosync 自体には不要です。しかし Trento は書かれた値とノード数を比べます。ノードの追加や削除のあとに古い値が残っていると、クォーラムに必要な票数が誤ったものになります。

## 例
```corosync
quorum {
    provider: corosync_votequorum
    expected_votes: 3
}
nodelist {
    node { ring0_addr: 10.0.0.1
           nodeid: 1 }
    node { ring0_addr: 10.0.0.2
           nodeid: 2 }
}
```

## 対処
全ノードの `quorum` で `expected_votes` をノード数にし、corosync を再読み込みしてください。

## 参考
- trento-project/checks の `checks/C620DC.yaml`（コミット 694f8535。SUSE・AWS・Google Cloud の SAP HANA HA ガイドを引用）、`shared/reference/peers.md` §6.1
- corosync.conf(5)、votequorum(5)（v3.1.7）",
    }
}

pub fn check(ctx: &Ctx, profile: Profile, out: &mut Vec<Diagnostic>) {
    let m = ctx.model();
    let nodes = m.nodes().len();
    if !m.votequorum() || nodes == 0 {
        return;
    }
    let at = ctx
        .conf
        .children_named(ctx.conf.root(), "quorum")
        .next()
        .map(|s| s.name_span)
        .unwrap_or_else(|| m.totem_anchor());
    let want = nodes.to_string();
    let found = m.quorum_key("expected_votes");
    super::expect_value(
        &META,
        "C620DC",
        profile,
        "expected_votes",
        "quorum",
        found,
        at,
        &want,
        out,
    );
}
