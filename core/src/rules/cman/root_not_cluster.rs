use super::found;
use crate::cman::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::i18n::Msg;

declare_rule! {
    /// ## What it does
    /// Finds a cluster.conf whose root element is not `<cluster>`.
    ///
    /// ## Why is this bad?
    /// cman looks the configuration up under `/cluster` (cman-preconfig.c: "Cannot find old /cluster/ key in configuration" on reload); with another root there is no cluster name and no nodes, and cman does not start.
    ///
    /// ## Example
    /// ```xml
    /// <clusters name="alpha" config_version="1">
    /// ```
    ///
    /// ## Fix
    /// Make `<cluster name="…" config_version="…">` the one top-level element.
    ///
    /// ## References
    /// - cluster.conf(5) and cman(5) of the RHEL 6 cluster 3.x tree (github.com/beekhof/cluster, `config/man/cluster.conf.5`, `cman/man/cman.5`).
    /// - `cman/daemon/cman-preconfig.c` (lookups under `cluster`).
    pub static META = {
        code: "M101",
        name: "root-not-cluster",
        severity: Error,
        docs_ja: "## 何をするか
ルート要素が `<cluster>` でない cluster.conf を検出します。

## なぜ問題か
cman は設定を `/cluster` の下から探します（cman-preconfig.c。再読み込み時は「Cannot find old /cluster/ key in configuration」）。ルートが別の要素だと、クラスタ名もノードも見つからず、cman は起動しません。

## 例
```xml
<clusters name=\"alpha\" config_version=\"1\">
```

## 対処
`<cluster name=\"…\" config_version=\"…\">` をただ一つの最上位要素にしてください。

## 参考
- RHEL 6 の cluster 3.x ソースツリー（github.com/beekhof/cluster）の cluster.conf(5)（`config/man/cluster.conf.5`）と cman(5)（`cman/man/cman.5`）
- `cman/daemon/cman-preconfig.c`（`cluster` の下の参照）",
    }
}

pub fn check(cx: &Cx, out: &mut Vec<Diagnostic>) {
    if let Some(r) = cx.model.root {
        let name = cx.name(r);
        if name != "cluster" {
            let help = match crate::text::did_you_mean(name, ["cluster"]) {
                Some(_) => Msg::new("M101.message.typo"),
                None => Msg::new("M101.message"),
            };
            out.push(found(
                &META,
                cx.doc.elements[r].name,
                help.arg("name", name),
            ));
        }
    }
}
