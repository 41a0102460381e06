use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::report::Profile;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// With the Trento profile, checks that `totem.consensus` is written with the value Trento's
    /// check A1244C expects: 6000 ms by default, 36000 ms on Azure and AWS, 24000 ms on Google
    /// Cloud (1.2 × the token of T101).
    ///
    /// ## Why is this bad?
    /// consensus is how long corosync waits for agreement on a new membership; when it is set,
    /// it should be at least 1.2 × token (see C104). Trento pins it to 1.2 × its recommended
    /// token, so a token raised without consensus (or the reverse) is reported.
    ///
    /// ## Example
    /// ```corosync
    /// totem {
    ///     token: 30000
    ///     consensus: 6000
    /// }
    /// ```
    ///
    /// ## Fix
    /// Set `consensus` in `totem` to the value for your platform on every node and reload corosync.
    ///
    /// ## References
    /// - trento-project/checks `checks/A1244C.yaml` (commit 694f8535), citing the SUSE, AWS and
    ///   Google Cloud SAP HANA HA guides; `shared/reference/peers.md` §6.1.
    /// - corosync.conf(5), votequorum(5) (v3.1.7).
    pub static META = {
        code: "T102",
        name: "trento-consensus",
        severity: Warning,
        docs_ja: "## 何をするか
Trento プロファイルで、`totem.consensus` が Trento のチェック A1244C の求める値で書かれているかを確認します。既定は 6000 ms、Azure と AWS は 36000 ms、Google Cloud は 24000 ms です（T101 の token の 1.2 倍）。

## なぜ問題か
consensus は新しいメンバーシップの合意を待つ時間で、明示する場合は token の 1.2 倍以上にすべきです（C104 を参照）。Trento は推奨 token の 1.2 倍に固定しているため、token だけ（または consensus だけ）変えた設定は報告されます。

## 例
```corosync
totem {
    token: 30000
    consensus: 6000
}
```

## 対処
全ノードの `totem` で `consensus` を環境に合った値にし、corosync を再読み込みしてください。

## 参考
- trento-project/checks の `checks/A1244C.yaml`（コミット 694f8535。SUSE・AWS・Google Cloud の SAP HANA HA ガイドを引用）、`shared/reference/peers.md` §6.1
- corosync.conf(5)、votequorum(5)（v3.1.7）",
    }
}

pub fn check(ctx: &Ctx, profile: Profile, out: &mut Vec<Diagnostic>) {
    let want = super::per_cloud(profile, "6000", "36000", "36000", "24000");
    super::expect_totem(ctx, &META, "A1244C", profile, "consensus", want, out);
}
