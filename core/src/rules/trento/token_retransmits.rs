use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::report::Profile;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// With the Trento profile, checks that `totem.token_retransmits_before_loss_const` is written
    /// with the value Trento's check 21FCA6 expects: 10, or 6 on AWS.
    ///
    /// ## Why is this bad?
    /// This is how many token retransmits corosync tries before it declares the token lost (default
    /// 4); together with token it sets the retransmit interval. The SAP HA guides Trento follows
    /// use 10 (AWS: 6), and Trento reports any other or missing value.
    ///
    /// ## Example
    /// ```corosync
    /// totem {
    ///     token_retransmits_before_loss_const: 4
    /// }
    /// ```
    ///
    /// ## Fix
    /// Set `token_retransmits_before_loss_const` in `totem` to the value for your platform on every
    /// node and reload corosync.
    ///
    /// ## References
    /// - trento-project/checks `checks/21FCA6.yaml` (commit 694f8535), citing the SUSE, AWS and
    ///   Google Cloud SAP HANA HA guides; `shared/reference/peers.md` §6.1.
    /// - corosync.conf(5), votequorum(5) (v3.1.7).
    pub static META = {
        code: "T105",
        name: "trento-token-retransmits",
        severity: Warning,
        docs_ja: "## 何をするか
Trento プロファイルで、`totem.token_retransmits_before_loss_const` が Trento のチェック 21FCA6 の求める値で書かれているかを確認します。既定は 10、AWS は 6 です。

## なぜ問題か
トークンを失ったと判断するまでに再送する回数です（既定 4）。token とともに再送間隔を決めます。Trento が従う SAP HA ガイドは 10（AWS は 6）を使っており、それ以外の値や未設定は報告されます。

## 例
```corosync
totem {
    token_retransmits_before_loss_const: 4
}
```

## 対処
全ノードの `totem` で `token_retransmits_before_loss_const` を環境に合った値にし、corosync を再読み込みしてください。

## 参考
- trento-project/checks の `checks/21FCA6.yaml`（コミット 694f8535。SUSE・AWS・Google Cloud の SAP HANA HA ガイドを引用）、`shared/reference/peers.md` §6.1
- corosync.conf(5)、votequorum(5)（v3.1.7）",
    }
}

pub fn check(ctx: &Ctx, profile: Profile, out: &mut Vec<Diagnostic>) {
    let want = super::per_cloud(profile, "10", "10", "6", "10");
    super::expect_totem(
        ctx,
        &META,
        "21FCA6",
        profile,
        "token_retransmits_before_loss_const",
        want,
        out,
    );
}
