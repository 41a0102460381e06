use super::found;
use crate::cman::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::i18n::Msg;

declare_rule! {
    /// ## What it does
    /// Finds a `<clusternode>` without a `name`.
    ///
    /// ## Why is this bad?
    /// cluster.conf(5): a clusternode "has two required attributes: name and nodeid". The name is how cman recognises the local node and how fenced and Pacemaker address it; when cman looks for the local node it skips such an entry (recording "Cannot get node name"), so the node it describes can never join.
    ///
    /// ## Example
    /// ```xml
    /// <clusternode nodeid="2"/>
    /// ```
    ///
    /// ## Fix
    /// Add `name="…"` with the node's host name on the cluster network.
    ///
    /// ## References
    /// - cluster.conf(5) and cman(5) of the RHEL 6 cluster 3.x tree (github.com/beekhof/cluster, `config/man/cluster.conf.5`, `cman/man/cman.5`).
    /// - `cman/daemon/cman-preconfig.c` ("Cannot get node name").
    pub static META = {
        code: "M107",
        name: "node-name-missing",
        severity: Error,
        docs_ja: "## 何をするか
`name` のない `<clusternode>` を検出します。

## なぜ問題か
cluster.conf(5) によると、clusternode には「name と nodeid の 2 つの必須属性」があります。cman は名前で自ノードを識別し、fenced や Pacemaker も名前でノードを指定します。名前のない項目は、cman が自ノードを探すときに読み飛ばされ（「Cannot get node name」を記録します）、その項目のノードはクラスタに参加できません。

## 例
```xml
<clusternode nodeid=\"2\"/>
```

## 対処
クラスタ用ネットワーク上のホスト名を `name=\"…\"` として追加してください。

## 参考
- RHEL 6 の cluster 3.x ソースツリー（github.com/beekhof/cluster）の cluster.conf(5)（`config/man/cluster.conf.5`）と cman(5)（`cman/man/cman.5`）
- `cman/daemon/cman-preconfig.c`（「Cannot get node name」）",
    }
}

pub fn check(cx: &Cx, out: &mut Vec<Diagnostic>) {
    for n in &cx.model.nodes {
        if n.name.is_none() {
            out.push(found(
                &META,
                cx.doc.elements[n.el].name,
                Msg::new("M107.message"),
            ));
        }
    }
}
