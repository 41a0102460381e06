use super::found;
use crate::cman::Cx;
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Span};
use crate::i18n::Msg;

declare_rule! {
    /// ## What it does
    /// Finds a `<!DOCTYPE …>` declaration. corocheck skips it and does not expand the entities it declares; a reference to such an entity is reported as undefined (M001).
    ///
    /// ## Why is this bad?
    /// cluster.conf needs no DTD: cman validates it against cluster.rng. Declared entities are expanded by libxml2, so what cman reads is not what the file shows, and nested declarations can expand to gigabytes ("billion laughs"). corocheck only supports the predefined entities so that no input can grow without bound.
    ///
    /// ## Example
    /// ```xml
    /// <!DOCTYPE cluster [<!ENTITY n "node1">]>
    /// <cluster name="alpha" config_version="1">
    /// ```
    ///
    /// ## Fix
    /// Delete the `<!DOCTYPE>` and write the values out.
    ///
    /// ## References
    /// - cluster.conf(5) and cman(5) of the RHEL 6 cluster 3.x tree (github.com/beekhof/cluster, `config/man/cluster.conf.5`, `cman/man/cman.5`).
    /// - W3C XML 1.0, §2.8 (document type declaration), §4.2 (entity declarations).
    pub static META = {
        code: "M002",
        name: "xml-doctype-ignored",
        severity: Warning,
        docs_ja: "## 何をするか
`<!DOCTYPE …>` 宣言を検出します。corocheck はこれを読み飛ばし、宣言された実体を展開しません。そうした実体への参照は未定義として報告します（M001）。

## なぜ問題か
cluster.conf に DTD は不要です。cman は cluster.rng で検証します。宣言された実体は libxml2 が展開するため、cman が読む内容はファイルの見た目と異なります。また、入れ子の宣言は数 GB にまで膨らむことがあります（「billion laughs」）。corocheck は、どんな入力でも際限なく膨らまないよう、定義済みの実体だけをサポートします。

## 例
```xml
<!DOCTYPE cluster [<!ENTITY n \"node1\">]>
<cluster name=\"alpha\" config_version=\"1\">
```

## 対処
`<!DOCTYPE>` を削除し、値をそのまま書いてください。

## 参考
- RHEL 6 の cluster 3.x ソースツリー（github.com/beekhof/cluster）の cluster.conf(5)（`config/man/cluster.conf.5`）と cman(5)（`cman/man/cman.5`）
- W3C XML 1.0 §2.8（文書型宣言）、§4.2（実体宣言）",
    }
}

pub fn check(cx: &Cx, out: &mut Vec<Diagnostic>) {
    if let Some(s) = cx.doc.doctype {
        let end = (s.start + 9).min(s.end);
        out.push(found(
            &META,
            Span::new(s.start, end),
            Msg::new("M002.message"),
        ));
    }
}
