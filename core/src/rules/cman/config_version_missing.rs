use super::{found, is_cluster};
use crate::cman::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::i18n::Msg;

declare_rule! {
    /// ## What it does
    /// Finds a `<cluster>` element without `config_version`.
    ///
    /// ## Why is this bad?
    /// cluster.conf(5) makes `config_version` required. cman compares it between nodes ("Node %d conflict, remote config version id=%d, local=%d") and `cman_tool version -r` uses it to propagate a new file; without it nodes cannot agree on which configuration is current.
    ///
    /// ## Example
    /// ```xml
    /// <cluster name="alpha">
    /// ```
    ///
    /// ## Fix
    /// Add `config_version="1"` and raise it on every change.
    ///
    /// ## References
    /// - cluster.conf(5) and cman(5) of the RHEL 6 cluster 3.x tree (github.com/beekhof/cluster, `config/man/cluster.conf.5`, `cman/man/cman.5`).
    /// - logs.md #84 (the config version conflict message).
    pub static META = {
        code: "M104",
        name: "config-version-missing",
        severity: Error,
        docs_ja: "## 何をするか
`config_version` のない `<cluster>` 要素を検出します。

## なぜ問題か
cluster.conf(5) では `config_version` は必須です。cman はノード間でこの値を比較し（「Node %d conflict, remote config version id=%d, local=%d」）、`cman_tool version -r` は新しいファイルの配布にこの値を使います。値がないと、どの設定が最新かをノード間で判断できません。

## 例
```xml
<cluster name=\"alpha\">
```

## 対処
`config_version=\"1\"` を追加し、変更のたびに値を上げてください。

## 参考
- RHEL 6 の cluster 3.x ソースツリー（github.com/beekhof/cluster）の cluster.conf(5)（`config/man/cluster.conf.5`）と cman(5)（`cman/man/cman.5`）
- logs.md #84（設定バージョン不一致のメッセージ）",
    }
}

pub fn check(cx: &Cx, out: &mut Vec<Diagnostic>) {
    if !is_cluster(cx) || cx.model.config_version.is_some() {
        return;
    }
    let r = cx.model.root.unwrap_or(0);
    out.push(found(
        &META,
        cx.doc.elements[r].name,
        Msg::new("M104.message"),
    ));
}
