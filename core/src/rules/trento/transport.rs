use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::report::Profile;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// With the Trento profile, checks that `totem.transport` is written as `udpu` (Trento check
    /// 33403D, every platform).
    ///
    /// ## Why is this bad?
    /// Cloud networks do not carry multicast, so the SAP HA guides Trento follows configure unicast
    /// UDP. Trento's check expects `udpu` as written, so it also reports corosync 3's default
    /// `knet` and a missing transport (udp in 1.x/2.x, knet in 3.x). This is Trento's rule, not
    /// corosync's: knet is unicast too and is what corosync 3 recommends; keep it if your Trento
    /// version accepts it.
    ///
    /// ## Example
    /// ```corosync
    /// totem {
    ///     transport: udp
    /// }
    /// ```
    ///
    /// ## Fix
    /// Set `transport: udpu` in `totem` on every node, remove `mcastaddr` and `bindnetaddr` from
    /// `interface`, give every node a `ring0_addr` in the nodelist, and restart the cluster (the
    /// transport cannot be reloaded).
    ///
    /// ## References
    /// - trento-project/checks `checks/33403D.yaml` (commit 694f8535), citing the SUSE, AWS and
    ///   Google Cloud SAP HANA HA guides; `shared/reference/peers.md` §6.1.
    /// - corosync.conf(5), votequorum(5) (v3.1.7).
    pub static META = {
        code: "T106",
        name: "trento-transport",
        severity: Warning,
        docs_ja: "## 何をするか
Trento プロファイルで、`totem.transport` が `udpu` と書かれているかを確認します（Trento のチェック 33403D、すべての環境）。

## なぜ問題か
クラウドのネットワークはマルチキャストを通さないため、Trento が従う SAP HA ガイドはユニキャスト UDP を設定します。Trento のチェックは書かれた値が `udpu` であることを求めるので、corosync 3 の既定 `knet` や transport の未設定（1.x/2.x は udp、3.x は knet）も報告します。これは Trento の基準であり corosync の基準ではありません。knet もユニキャストで、corosync 3 が推奨する方式です。お使いの Trento が認める場合は knet のままにしてください。

## 例
```corosync
totem {
    transport: udp
}
```

## 対処
全ノードの `totem` に `transport: udpu` を設定し、`interface` から `mcastaddr` と `bindnetaddr` を削除し、ノードリストの各ノードに `ring0_addr` を書いて、クラスタを再起動してください（transport は再読み込みできません）。

## 参考
- trento-project/checks の `checks/33403D.yaml`（コミット 694f8535。SUSE・AWS・Google Cloud の SAP HANA HA ガイドを引用）、`shared/reference/peers.md` §6.1
- corosync.conf(5)、votequorum(5)（v3.1.7）",
    }
}

pub fn check(ctx: &Ctx, profile: Profile, out: &mut Vec<Diagnostic>) {
    super::expect_totem(ctx, &META, "33403D", profile, "transport", "udpu", out);
}
