use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::report::Profile;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// With the Trento profile, checks `quorum.two_node` against the size of the nodelist as
    /// Trento's check 6E9B82 does: `two_node: 1` with two nodes, 0 with three or more. corocheck
    /// treats a missing two_node as 0 (corosync's default).
    ///
    /// ## Why is this bad?
    /// In a two-node cluster, without two_node the surviving node loses quorum when the other
    /// fails, and Pacemaker stops its resources. With three or more nodes two_node is ignored by
    /// votequorum and only misleads (see C304).
    ///
    /// ## Example
    /// ```corosync
    /// quorum {
    ///     provider: corosync_votequorum
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
    /// Set `two_node: 1` in `quorum` for two nodes (remove it for more) on every node and restart
    /// the cluster.
    ///
    /// ## References
    /// - trento-project/checks `checks/6E9B82.yaml` (commit 694f8535), citing the SUSE, AWS and
    ///   Google Cloud SAP HANA HA guides; `shared/reference/peers.md` §6.1.
    /// - corosync.conf(5), votequorum(5) (v3.1.7).
    pub static META = {
        code: "T107",
        name: "trento-two-node",
        severity: Warning,
        docs_ja: "## 何をするか
Trento プロファイルで、Trento のチェック 6E9B82 と同じく `quorum.two_node` をノードリストの台数と比べます。2 台なら `two_node: 1`、3 台以上なら 0 です。two_node がない場合は corosync の既定値 0 として扱います。

## なぜ問題か
2 台のクラスタで two_node がないと、1 台が故障したとき残ったノードがクォーラムを失い、Pacemaker がリソースを停止します。3 台以上では votequorum は two_node を無視するため、誤解を招くだけです（C304 を参照）。

## 例
```corosync
quorum {
    provider: corosync_votequorum
}
nodelist {
    node { ring0_addr: 10.0.0.1
           nodeid: 1 }
    node { ring0_addr: 10.0.0.2
           nodeid: 2 }
}
```

## 対処
2 台なら全ノードの `quorum` に `two_node: 1` を設定し（3 台以上なら削除し）、クラスタを再起動してください。

## 参考
- trento-project/checks の `checks/6E9B82.yaml`（コミット 694f8535。SUSE・AWS・Google Cloud の SAP HANA HA ガイドを引用）、`shared/reference/peers.md` §6.1
- corosync.conf(5)、votequorum(5)（v3.1.7）",
    }
}

pub fn check(ctx: &Ctx, profile: Profile, out: &mut Vec<Diagnostic>) {
    let m = ctx.model();
    let nodes = m.nodes().len();
    if !m.votequorum() || nodes < 2 {
        return;
    }
    let want = if nodes == 2 { "1" } else { "0" };
    let found = m.quorum_key("two_node");
    // A missing two_node is 0, which is what more than two nodes need.
    if found.is_none() && want == "0" {
        return;
    }
    let at = ctx
        .conf
        .children_named(ctx.conf.root(), "quorum")
        .next()
        .map(|s| s.name_span)
        .unwrap_or_else(|| m.totem_anchor());
    super::expect_value(
        &META, "6E9B82", profile, "two_node", "quorum", found, at, want, out,
    );
}
