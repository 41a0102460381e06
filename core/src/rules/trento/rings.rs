use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::i18n::Msg;
use crate::report::Profile;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// With the Trento profile, checks that every node of the nodelist has at least as many
    /// `ringX_addr` keys as Trento's check DA114A expects: 2 by default and on AWS, 1 on Azure and
    /// Google Cloud.
    ///
    /// ## Why is this bad?
    /// With one ring (link) a single network fault splits the cluster and leads to fencing. The SAP
    /// HA guides recommend a second corosync network where the platform offers one; Trento
    /// accepts one ring on Azure and Google Cloud, whose SAP HA guides use a single network.
    ///
    /// ## Example
    /// ```corosync
    /// nodelist {
    ///     node {
    ///         ring0_addr: 10.0.0.1
    ///         nodeid: 1
    ///     }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Add a `ring1_addr` on a second network to every node (and a second `interface`/link where
    /// your transport needs it), then restart the cluster.
    ///
    /// ## References
    /// - trento-project/checks `checks/DA114A.yaml` (commit 694f8535), citing the SUSE, AWS and
    ///   Google Cloud SAP HANA HA guides; `shared/reference/peers.md` §6.1.
    /// - corosync.conf(5), votequorum(5) (v3.1.7).
    pub static META = {
        code: "T109",
        name: "trento-rings-per-node",
        severity: Warning,
        docs_ja: "## 何をするか
Trento プロファイルで、ノードリストの各ノードに Trento のチェック DA114A が求める数以上の `ringX_addr` があるかを確認します。既定と AWS は 2、Azure と Google Cloud は 1 です。

## なぜ問題か
リング（リンク）が 1 つだと、1 つのネットワーク障害でクラスタが分断され、フェンシングに至ります。SAP HA ガイドは、環境が許せば corosync 用の 2 つ目のネットワークを推奨しています。Azure と Google Cloud では、それぞれの SAP HA ガイドが corosync のネットワークを 1 つで構成しているため、Trento は 1 つでも認めます。

## 例
```corosync
nodelist {
    node {
        ring0_addr: 10.0.0.1
        nodeid: 1
    }
}
```

## 対処
各ノードに 2 つ目のネットワークの `ring1_addr` を追加し（トランスポートが必要とする場合は 2 つ目の `interface`/リンクも）、クラスタを再起動してください。

## 参考
- trento-project/checks の `checks/DA114A.yaml`（コミット 694f8535。SUSE・AWS・Google Cloud の SAP HANA HA ガイドを引用）、`shared/reference/peers.md` §6.1
- corosync.conf(5)、votequorum(5)（v3.1.7）",
    }
}

pub fn check(ctx: &Ctx, profile: Profile, out: &mut Vec<Diagnostic>) {
    let want: usize = super::per_cloud(profile, 2, 1, 2, 1);
    for n in ctx.model().nodes() {
        let rings = n.rings().len();
        if rings >= want {
            continue;
        }
        let msg = Msg::new("T109.message")
            .arg("node", n.label())
            .arg("rings", rings)
            .arg("expected", want)
            .arg("profile", profile.name());
        out.push(
            META.diag(n.section().name_span, msg)
                .help(Msg::new("T109.help")),
        );
    }
}
