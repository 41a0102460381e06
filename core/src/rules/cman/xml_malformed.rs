use super::found;
use crate::cman::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::i18n::Msg;

declare_rule! {
    /// ## What it does
    /// Finds XML that is not well-formed: tags that are never closed or closed in the wrong order, attributes without quotes or given twice, a `<` inside a value, entity references other than the five predefined ones and numeric references, unterminated comments, text outside the root element.
    ///
    /// ## Why is this bad?
    /// cman reads cluster.conf with libxml2 when it starts (`ccs_config_validate` does the same). cluster.conf(5): "invalid xml structure will cause the cluster startup to fail", so `service cman start` stops with a configuration error and the node does not join.
    ///
    /// ## Example
    /// ```xml
    /// <cluster name="alpha" config_version="1">
    ///   <clusternodes>
    ///     <clusternode name="node1" nodeid="1">
    ///   </clusternodes>
    /// </cluster>
    /// ```
    ///
    /// ## Fix
    /// Correct the XML at the position shown (close the element, quote the value, write `&amp;` for a literal `&`), then run `ccs_config_validate`.
    ///
    /// ## References
    /// - cluster.conf(5) and cman(5) of the RHEL 6 cluster 3.x tree (github.com/beekhof/cluster, `config/man/cluster.conf.5`, `cman/man/cman.5`).
    /// - W3C XML 1.0, §2.1 (well-formed documents), §4.6 (predefined entities).
    pub static META = {
        code: "M001",
        name: "xml-malformed",
        severity: Error,
        docs_ja: "## 何をするか
XML として正しくない箇所を検出します。閉じられていない要素や閉じる順序の誤り、引用符のない属性や重複した属性、値の中の `<`、定義済みの 5 つ以外の実体参照（数値文字参照は可）、閉じていないコメント、ルート要素の外にある文字列などです。

## なぜ問題か
cman は起動時に libxml2 で cluster.conf を読みます（`ccs_config_validate` も同じです）。cluster.conf(5) には「invalid xml structure will cause the cluster startup to fail」とあり、`service cman start` は設定エラーで止まり、ノードはクラスタに参加しません。

## 例
```xml
<cluster name=\"alpha\" config_version=\"1\">
  <clusternodes>
    <clusternode name=\"node1\" nodeid=\"1\">
  </clusternodes>
</cluster>
```

## 対処
示された位置の XML を修正してください（要素を閉じる、値を引用符で囲む、`&` そのものは `&amp;` と書くなど）。その後 `ccs_config_validate` で確認してください。

## 参考
- RHEL 6 の cluster 3.x ソースツリー（github.com/beekhof/cluster）の cluster.conf(5)（`config/man/cluster.conf.5`）と cman(5)（`cman/man/cman.5`）
- W3C XML 1.0 §2.1（整形式の文書）、§4.6（定義済み実体）",
    }
}

pub fn check(cx: &Cx, out: &mut Vec<Diagnostic>) {
    for e in &cx.doc.errors {
        let key = format!("M001.message.{}", e.kind.key());
        out.push(found(
            &META,
            e.span,
            Msg::new(key).arg("name", &e.name).arg("open", &e.open),
        ));
    }
}
