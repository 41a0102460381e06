use super::{found, is_cluster};
use crate::cman::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::i18n::Msg;

declare_rule! {
    /// ## What it does
    /// Finds a cluster.conf with no `<clusternodes>` section or no `<clusternode>` in it.
    ///
    /// ## Why is this bad?
    /// cman finds the local node by matching its host name against the `clusternode` names; with no nodes it stops with "Cannot find node name in cluster.conf", so the cluster never forms.
    ///
    /// ## Example
    /// ```xml
    /// <cluster name="alpha" config_version="1">
    ///   <cman/>
    /// </cluster>
    /// ```
    ///
    /// ## Fix
    /// Add `<clusternodes>` with one `<clusternode name="…" nodeid="…"/>` per node; the names must match `uname -n` or a name on the cluster interface.
    ///
    /// ## References
    /// - cluster.conf(5) and cman(5) of the RHEL 6 cluster 3.x tree (github.com/beekhof/cluster, `config/man/cluster.conf.5`, `cman/man/cman.5`).
    /// - `cman/daemon/cman-preconfig.c` (`verify_nodename`, "Cannot find node name in cluster.conf").
    pub static META = {
        code: "M106",
        name: "clusternodes-missing",
        severity: Error,
        docs_ja: "## 何をするか
`<clusternodes>` セクションがない、またはその中に `<clusternode>` が一つもない cluster.conf を検出します。

## なぜ問題か
cman はホスト名を `clusternode` の名前と照合して自ノードを見つけます。ノードが一つもないと自ノードが見つからず、「Cannot find node name in cluster.conf」で停止するため、クラスタは構成されません。

## 例
```xml
<cluster name=\"alpha\" config_version=\"1\">
  <cman/>
</cluster>
```

## 対処
`<clusternodes>` を追加し、ノードごとに `<clusternode name=\"…\" nodeid=\"…\"/>` を書いてください。名前は `uname -n` かクラスタ用インタフェースのホスト名と一致させます。

## 参考
- RHEL 6 の cluster 3.x ソースツリー（github.com/beekhof/cluster）の cluster.conf(5)（`config/man/cluster.conf.5`）と cman(5)（`cman/man/cman.5`）
- `cman/daemon/cman-preconfig.c`（`verify_nodename`、「Cannot find node name in cluster.conf」）",
    }
}

pub fn check(cx: &Cx, out: &mut Vec<Diagnostic>) {
    if !is_cluster(cx) || !cx.model.nodes.is_empty() {
        return;
    }
    let span = match cx.model.clusternodes {
        Some(c) => cx.doc.elements[c].name,
        None => cx.doc.elements[cx.model.root.unwrap_or(0)].name,
    };
    let key = if cx.model.clusternodes.is_some() {
        "M106.message.empty"
    } else {
        "M106.message"
    };
    out.push(found(&META, span, Msg::new(key)));
}
