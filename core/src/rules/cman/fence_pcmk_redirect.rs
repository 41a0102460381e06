use super::found;
use crate::cman::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::msg;

declare_rule! {
    /// ## What it does
    /// When the file defines a `fence_pcmk` fence device (cman + Pacemaker), checks that every node has a fence method with a device that uses it and passes the node's own name as `port`.
    ///
    /// ## Why is this bad?
    /// fence_pcmk hands fencing requests from cman's components (fenced, dlm_controld) to Pacemaker, which fences the node named in `port`. A node without the redirect is not fenced when cman asks, so DLM/GFS2 stay blocked; a wrong `port` makes Pacemaker fence a different node, or none.
    ///
    /// ## Example
    /// ```xml
    /// <clusternode name="pcmk-1" nodeid="1">
    ///   <fence>
    ///     <method name="pcmk-redirect">
    ///       <device name="pcmk" port="pcmk-2"/>
    ///     </method>
    ///   </fence>
    /// </clusternode>
    /// ```
    ///
    /// ## Fix
    /// Give each node `<method name="pcmk-redirect"><device name="pcmk" port="NODE"/></method>`, with NODE its own `name`.
    ///
    /// ## References
    /// /// - Clusters from Scratch 1.1 (Pacemaker-1.1.7), "Adding CMAN Support" / "Configuring CMAN Fencing": the `fence_pcmk` device and the `pcmk-redirect` method with `port="node_name_here"`.
    /// - corosync-conf.md §5.
    pub static META = {
        code: "M115",
        name: "fence-pcmk-redirect-incomplete",
        severity: Warning,
        docs_ja: "## 何をするか
`fence_pcmk` のフェンスデバイスがある場合（cman + Pacemaker 構成）、すべてのノードに、そのデバイスを使い自ノードの名前を `port` に渡すフェンスメソッドがあるかを確認します。

## なぜ問題か
fence_pcmk は、cman のコンポーネント（fenced、dlm_controld）からのフェンシング要求を Pacemaker に渡します。Pacemaker は `port` に書かれたノードをフェンシングします。リダイレクトのないノードは cman が要求してもフェンシングされず、DLM/GFS2 は止まったままになります。`port` が誤っていると、Pacemaker は別のノードをフェンシングするか、何もしません。

## 例
```xml
<clusternode name=\"pcmk-1\" nodeid=\"1\">
  <fence>
    <method name=\"pcmk-redirect\">
      <device name=\"pcmk\" port=\"pcmk-2\"/>
    </method>
  </fence>
</clusternode>
```

## 対処
各ノードに `<method name=\"pcmk-redirect\"><device name=\"pcmk\" port=\"NODE\"/></method>` を設定してください。NODE はそのノード自身の `name` です。

## 参考
- Clusters from Scratch 1.1（Pacemaker-1.1.7）「Adding CMAN Support」「Configuring CMAN Fencing」: `fence_pcmk` デバイスと `port=\"node_name_here\"` を持つ `pcmk-redirect` メソッド
- corosync-conf.md §5",
    }
}

pub fn check(cx: &Cx, out: &mut Vec<Diagnostic>) {
    let pcmk: Vec<&str> = cx
        .model
        .fencedevices
        .iter()
        .filter(|f| f.agent() == "fence_pcmk")
        .map(|f| f.name())
        .collect();
    if pcmk.is_empty() {
        return;
    }
    for n in &cx.model.nodes {
        if n.methods.iter().all(|m| m.devices.is_empty()) {
            continue; // M114 speaks about it.
        }
        let mut redirects = n
            .methods
            .iter()
            .flat_map(|m| m.devices.iter())
            .filter(|d| {
                d.name
                    .as_ref()
                    .is_some_and(|v| pcmk.contains(&v.value.as_str()))
            })
            .peekable();
        if redirects.peek().is_none() {
            out.push(found(
                &META,
                cx.doc.elements[n.el].name,
                msg!("M115.message", node = n.name(), device = pcmk[0]),
            ));
            continue;
        }
        for d in redirects {
            let port = d.get("port").or(d.get("nodename"));
            match port {
                Some(p) if p.value == n.name() => {}
                Some(p) => out.push(found(
                    &META,
                    p.span,
                    msg!(
                        "M115.message.port",
                        node = n.name(),
                        port = p.value.as_str()
                    ),
                )),
                None => out.push(found(
                    &META,
                    cx.doc.elements[d.el].name,
                    msg!("M115.message.noport", node = n.name()),
                )),
            }
        }
    }
}
