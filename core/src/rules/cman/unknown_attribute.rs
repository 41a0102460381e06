use super::found;
use crate::cman::Cx;
use crate::cman::schema;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::msg;

declare_rule! {
    /// ## What it does
    /// Finds an attribute that cluster.rng does not define for its element, in the core sections (cluster, cman, clusternode, altname, fence methods, quorumd, logging, rm, failover domains, service), and suggests the name you may have meant. Fence device and resource attributes depend on the agent and are not checked; `<totem>` takes corosync's own keys.
    ///
    /// ## Why is this bad?
    /// An unknown attribute is ignored: `expected_vote="1"` leaves expected votes at the sum of the node votes, `nodeID="1"` leaves the node without a nodeid. cluster.conf(5): "Unrecognized items will produce a warning during cluster startup".
    ///
    /// ## Example
    /// ```xml
    /// <cman two_node="1" expected_vote="1"/>
    /// ```
    ///
    /// ## Fix
    /// Fix the spelling, or delete the attribute.
    ///
    /// ## References
    /// - cluster.rng (`config/tools/xml/cluster.rng.in` in the same tree); cluster.conf(5): "Unrecognized items will produce a warning during cluster startup".
    pub static META = {
        code: "M117",
        name: "cman-unknown-attribute",
        severity: Warning,
        docs_ja: "## 何をするか
コアのセクション（cluster、cman、clusternode、altname、フェンスメソッド、quorumd、logging、rm、フェイルオーバードメイン、service）で、cluster.rng がその要素に定義していない属性を検出し、意図したと思われる名前を示します。フェンスデバイスとリソースの属性はエージェントごとに異なるため確認しません。`<totem>` は corosync 自身のキーを受け付けます。

## なぜ問題か
不明な属性は無視されます。`expected_vote=\"1\"` と書くと expected votes はノードの投票数の合計のままで、`nodeID=\"1\"` と書くとノードに nodeid がないことになります。cluster.conf(5):「Unrecognized items will produce a warning during cluster startup」。

## 例
```xml
<cman two_node=\"1\" expected_vote=\"1\"/>
```

## 対処
つづりを直すか、属性を削除してください。

## 参考
- 同じツリーの cluster.rng（`config/tools/xml/cluster.rng.in`）。cluster.conf(5):「Unrecognized items will produce a warning during cluster startup」",
    }
}

pub fn check(cx: &Cx, out: &mut Vec<Diagnostic>) {
    for e in &cx.doc.elements {
        let pname = e.parent.map_or("", |p| cx.name(p));
        let name = &cx.text[e.name.start..e.name.end];
        let Some(spec) = schema::spec(name, pname) else {
            continue;
        };
        let Some(allowed) = spec.attrs else { continue };
        for a in &e.attrs {
            let an = cx.slice(a.name);
            if allowed.contains(&an) {
                continue;
            }
            let msg = match crate::text::did_you_mean(an, allowed.iter().copied()) {
                Some(s) => msg!(
                    "M117.message.typo",
                    name = an,
                    element = name,
                    suggestion = s
                ),
                None => msg!("M117.message", name = an, element = name),
            };
            out.push(found(&META, a.name, msg));
        }
    }
}
