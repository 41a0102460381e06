use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::report::Profile;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// With the Trento profile, checks that `totem.max_messages` is written as 20 (Trento check
    /// 845CC9, every platform).
    ///
    /// ## Why is this bad?
    /// max_messages is how many messages a node may send while it holds the token (default 17). The
    /// SAP HA guides Trento follows use 20, and Trento reports any other or missing value.
    ///
    /// ## Example
    /// ```corosync
    /// totem {
    ///     max_messages: 17
    /// }
    /// ```
    ///
    /// ## Fix
    /// Set `max_messages: 20` in `totem` on every node and reload corosync.
    ///
    /// ## References
    /// - trento-project/checks `checks/845CC9.yaml` (commit 694f8535), citing the SUSE, AWS and
    ///   Google Cloud SAP HANA HA guides; `shared/reference/peers.md` §6.1.
    /// - corosync.conf(5), votequorum(5) (v3.1.7).
    pub static META = {
        code: "T104",
        name: "trento-max-messages",
        severity: Warning,
        docs_ja: "## 何をするか
Trento プロファイルで、`totem.max_messages` が 20 と書かれているかを確認します（Trento のチェック 845CC9、すべての環境）。

## なぜ問題か
max_messages はトークンを持っている間に送れるメッセージの数です（既定 17）。Trento が従う SAP HA ガイドは 20 を使っており、それ以外の値や未設定は報告されます。

## 例
```corosync
totem {
    max_messages: 17
}
```

## 対処
全ノードの `totem` に `max_messages: 20` を設定し、corosync を再読み込みしてください。

## 参考
- trento-project/checks の `checks/845CC9.yaml`（コミット 694f8535。SUSE・AWS・Google Cloud の SAP HANA HA ガイドを引用）、`shared/reference/peers.md` §6.1
- corosync.conf(5)、votequorum(5)（v3.1.7）",
    }
}

pub fn check(ctx: &Ctx, profile: Profile, out: &mut Vec<Diagnostic>) {
    super::expect_totem(ctx, &META, "845CC9", profile, "max_messages", "20", out);
}
