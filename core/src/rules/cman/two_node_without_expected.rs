use super::found;
use crate::cman::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::i18n::Msg;

declare_rule! {
    /// ## What it does
    /// Finds `two_node="1"` in `<cman>` without `expected_votes="1"`.
    ///
    /// ## Why is this bad?
    /// cman(5): for a two-node cluster "the two_node and expected_votes values must then be set to 1". cman still forces quorum to 1 in two_node mode, but `cman_tool status` then shows expected votes 2 with quorum 1, and tools and people reading the file see a contradiction.
    ///
    /// ## Example
    /// ```xml
    /// <cman two_node="1"/>
    /// ```
    ///
    /// ## Fix
    /// Write `<cman two_node="1" expected_votes="1"/>`.
    ///
    /// ## References
    /// - cluster.conf(5) and cman(5) of the RHEL 6 cluster 3.x tree (github.com/beekhof/cluster, `config/man/cluster.conf.5`, `cman/man/cman.5`).
    /// - `cman/daemon/commands.c` (`calculate_quorum`: quorum 1 in two_node mode).
    pub static META = {
        code: "M111",
        name: "two-node-without-expected-votes",
        severity: Warning,
        docs_ja: "## 何をするか
`<cman>` に `two_node=\"1\"` があり、`expected_votes=\"1\"` がない設定を検出します。

## なぜ問題か
cman(5) には、2 ノードクラスタでは「the two_node and expected_votes values must then be set to 1」とあります。two_node モードでは cman がクォーラムを 1 に固定しますが、`cman_tool status` には expected votes 2、quorum 1 と表示され、ファイルを読む人やツールには矛盾して見えます。

## 例
```xml
<cman two_node=\"1\"/>
```

## 対処
`<cman two_node=\"1\" expected_votes=\"1\"/>` と書いてください。

## 参考
- RHEL 6 の cluster 3.x ソースツリー（github.com/beekhof/cluster）の cluster.conf(5)（`config/man/cluster.conf.5`）と cman(5)（`cman/man/cman.5`）
- `cman/daemon/commands.c`（`calculate_quorum`: two_node モードではクォーラムが 1）",
    }
}

pub fn check(cx: &Cx, out: &mut Vec<Diagnostic>) {
    let Some(t) = &cx.model.two_node else { return };
    if !t.is_true() {
        return;
    }
    let ok = cx
        .model
        .expected_votes
        .as_ref()
        .is_some_and(|e| e.value.trim() == "1");
    if !ok {
        let span = cx.model.expected_votes.as_ref().map_or(t.span, |e| e.span);
        out.push(found(&META, span, Msg::new("M111.message")));
    }
}
