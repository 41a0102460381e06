use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::report::Profile;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// With the Trento profile, checks that `totem.token` is written with the value Trento's check
    /// 156F64 expects: 5000 ms by default, 30000 ms on Azure and AWS, 20000 ms on Google Cloud.
    ///
    /// ## Why is this bad?
    /// The token timeout is how long corosync waits before it declares a node lost; Pacemaker then
    /// fences it. On public clouds short network or host pauses (live migration, maintenance) are
    /// common, so the vendors' SAP HA guides raise the token to avoid needless fencing, and Trento
    /// reports any other value. The default since corosync 3.1.0 is 3000 ms (1000 ms before).
    ///
    /// ## Example
    /// ```corosync
    /// totem {
    ///     token: 3000
    /// }
    /// ```
    ///
    /// ## Fix
    /// Set `token` in `totem` to the value for your platform on every node and reload corosync
    /// (`corosync-cfgtool -R` or `crm corosync reload`). Keep `consensus` at 1.2 × token (T102).
    ///
    /// ## References
    /// - trento-project/checks `checks/156F64.yaml` (commit 694f8535), citing the SUSE, AWS and
    ///   Google Cloud SAP HANA HA guides; `shared/reference/peers.md` §6.1.
    /// - corosync.conf(5), votequorum(5) (v3.1.7).
    pub static META = {
        code: "T101",
        name: "trento-token",
        severity: Warning,
        docs_ja: "## 何をするか
Trento プロファイルで、`totem.token` が Trento のチェック 156F64 の求める値で書かれているかを確認します。既定は 5000 ms、Azure と AWS は 30000 ms、Google Cloud は 20000 ms です。

## なぜ問題か
token はノードを失ったと判断するまで corosync が待つ時間で、その後 Pacemaker がフェンシングします。パブリッククラウドではネットワークやホストの短い停止（ライブマイグレーション、メンテナンス）がよく起きるため、各ベンダーの SAP HA ガイドは不要なフェンシングを避けるよう token を長くしており、Trento はそれ以外の値を報告します。corosync の既定値は 3.1.0 から 3000 ms（それ以前は 1000 ms）です。

## 例
```corosync
totem {
    token: 3000
}
```

## 対処
全ノードの `totem` で `token` を環境に合った値にし、corosync を再読み込みしてください（`corosync-cfgtool -R` または `crm corosync reload`）。`consensus` は token の 1.2 倍にしてください（T102）。

## 参考
- trento-project/checks の `checks/156F64.yaml`（コミット 694f8535。SUSE・AWS・Google Cloud の SAP HANA HA ガイドを引用）、`shared/reference/peers.md` §6.1
- corosync.conf(5)、votequorum(5)（v3.1.7）",
    }
}

pub fn check(ctx: &Ctx, profile: Profile, out: &mut Vec<Diagnostic>) {
    let want = super::per_cloud(profile, "5000", "30000", "30000", "20000");
    super::expect_totem(ctx, &META, "156F64", profile, "token", want, out);
}
