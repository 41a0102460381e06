use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::report::Profile;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// With the Trento profile, checks that `totem.join` is written as 60 (Trento check 24ABCB,
    /// every platform).
    ///
    /// ## Why is this bad?
    /// join is how long corosync waits for join messages while forming a membership (default 50
    /// ms). The SAP HA guides Trento follows use 60 ms, and Trento reports any other or missing
    /// value.
    ///
    /// ## Example
    /// ```corosync
    /// totem {
    ///     join: 50
    /// }
    /// ```
    ///
    /// ## Fix
    /// Set `join: 60` in `totem` on every node and reload corosync.
    ///
    /// ## References
    /// - trento-project/checks `checks/24ABCB.yaml` (commit 694f8535), citing the SUSE, AWS and
    ///   Google Cloud SAP HANA HA guides; `shared/reference/peers.md` §6.1.
    /// - corosync.conf(5), votequorum(5) (v3.1.7).
    pub static META = {
        code: "T103",
        name: "trento-join",
        severity: Warning,
        docs_ja: "## 何をするか
Trento プロファイルで、`totem.join` が 60 と書かれているかを確認します（Trento のチェック 24ABCB、すべての環境）。

## なぜ問題か
join はメンバーシップを作るときに join メッセージを待つ時間です（既定 50 ms）。Trento が従う SAP HA ガイドは 60 ms を使っており、それ以外の値や未設定は報告されます。

## 例
```corosync
totem {
    join: 50
}
```

## 対処
全ノードの `totem` に `join: 60` を設定し、corosync を再読み込みしてください。

## 参考
- trento-project/checks の `checks/24ABCB.yaml`（コミット 694f8535。SUSE・AWS・Google Cloud の SAP HANA HA ガイドを引用）、`shared/reference/peers.md` §6.1
- corosync.conf(5)、votequorum(5)（v3.1.7）",
    }
}

pub fn check(ctx: &Ctx, profile: Profile, out: &mut Vec<Diagnostic>) {
    super::expect_totem(ctx, &META, "24ABCB", profile, "join", "60", out);
}
