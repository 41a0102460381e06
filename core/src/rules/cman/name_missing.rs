use super::{found, is_cluster};
use crate::cman::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::i18n::Msg;

declare_rule! {
    /// ## What it does
    /// Finds a `<cluster>` element without a `name` attribute.
    ///
    /// ## Why is this bad?
    /// cluster.conf(5): the cluster section "has two required attributes: name and config_version". cman derives the cluster id and the default multicast address from the name; without it cman_tool stops with "Can't find cluster name in CCS".
    ///
    /// ## Example
    /// ```xml
    /// <cluster config_version="1">
    /// ```
    ///
    /// ## Fix
    /// Add `name="…"`: up to 15 characters, unique among the clusters on the network.
    ///
    /// ## References
    /// - cluster.conf(5) and cman(5) of the RHEL 6 cluster 3.x tree (github.com/beekhof/cluster, `config/man/cluster.conf.5`, `cman/man/cman.5`).
    /// - `cman/daemon/cmanconfig.c` ("Can't find cluster name in CCS").
    pub static META = {
        code: "M102",
        name: "cluster-name-missing",
        severity: Error,
        docs_ja: "## 何をするか
`name` 属性のない `<cluster>` 要素を検出します。

## なぜ問題か
cluster.conf(5) によると、cluster セクションには「name と config_version の 2 つの必須属性」があります。cman はクラスタ名からクラスタ ID とデフォルトのマルチキャストアドレスを決めます。名前がないと「Can't find cluster name in CCS」で停止します。

## 例
```xml
<cluster config_version=\"1\">
```

## 対処
`name=\"…\"` を追加してください。15 文字以内で、同じネットワーク上の他のクラスタと重ならない名前にします。

## 参考
- RHEL 6 の cluster 3.x ソースツリー（github.com/beekhof/cluster）の cluster.conf(5)（`config/man/cluster.conf.5`）と cman(5)（`cman/man/cman.5`）
- `cman/daemon/cmanconfig.c`（「Can't find cluster name in CCS」）",
    }
}

pub fn check(cx: &Cx, out: &mut Vec<Diagnostic>) {
    if !is_cluster(cx) || cx.model.name.is_some() {
        return;
    }
    let r = cx.model.root.unwrap_or(0);
    out.push(found(
        &META,
        cx.doc.elements[r].name,
        Msg::new("M102.message"),
    ));
}
