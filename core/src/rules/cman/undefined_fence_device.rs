use super::found;
use crate::cman::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::msg;

declare_rule! {
    /// ## What it does
    /// Finds a `<device name="…">` in a node's fence method that names no `<fencedevice>`.
    ///
    /// ## Why is this bad?
    /// fenced looks the device up in `<fencedevices>` to find its agent; when it is missing the method fails ("error config agent" in fenced's "fence … result:" log line), and unless another method of the node works, the node is never fenced: DLM, GFS2 and rgmanager stay blocked.
    ///
    /// ## Example
    /// ```xml
    /// <method name="1"><device name="ipmi-node1"/></method>
    /// ...
    /// <fencedevice name="ipmi-n1" agent="fence_ipmilan" ipaddr="10.0.0.11"/>
    /// ```
    ///
    /// ## Fix
    /// Use the exact name of a `<fencedevice>`, or add the missing device.
    ///
    /// ## References
    /// - cluster.conf(5) and cman(5) of the RHEL 6 cluster 3.x tree (github.com/beekhof/cluster, `config/man/cluster.conf.5`, `cman/man/cman.5`).
    /// - fenced(8); `fence/libfence/agent.c` (`use_device`: `FE_READ_AGENT`), `fence/fenced/recover.c` (`fe_str`); logs.md #86.
    pub static META = {
        code: "M113",
        name: "undefined-fence-device",
        severity: Error,
        docs_ja: "## 何をするか
ノードのフェンスメソッドの `<device name=\"…\">` が、どの `<fencedevice>` も指していない場合を検出します。

## なぜ問題か
fenced はエージェントを知るために `<fencedevices>` からデバイスを探します。見つからないとメソッドは失敗し（fenced のログの「fence … result:」の行に「error config agent」）、そのノードに成功する別のメソッドがなければ、ノードはフェンシングされません。DLM、GFS2、rgmanager は止まったままになります。

## 例
```xml
<method name=\"1\"><device name=\"ipmi-node1\"/></method>
...
<fencedevice name=\"ipmi-n1\" agent=\"fence_ipmilan\" ipaddr=\"10.0.0.11\"/>
```

## 対処
`<fencedevice>` の名前を正確に書くか、足りないデバイスを追加してください。

## 参考
- RHEL 6 の cluster 3.x ソースツリー（github.com/beekhof/cluster）の cluster.conf(5)（`config/man/cluster.conf.5`）と cman(5)（`cman/man/cman.5`）
- fenced(8)、`fence/libfence/agent.c`（`use_device` の `FE_READ_AGENT`）、`fence/fenced/recover.c`（`fe_str`）、logs.md #86",
    }
}

pub fn check(cx: &Cx, out: &mut Vec<Diagnostic>) {
    let names: Vec<&str> = cx.model.fencedevices.iter().map(|f| f.name()).collect();
    let known: std::collections::HashMap<&str, usize> = names.iter().map(|&n| (n, 0)).collect();
    for n in &cx.model.nodes {
        for m in &n.methods {
            for d in &m.devices {
                let Some(v) = &d.name else { continue };
                if known.contains_key(v.value.as_str()) {
                    continue;
                }
                let msg = match crate::text::did_you_mean(&v.value, names.iter().copied()) {
                    Some(s) => msg!(
                        "M113.message.typo",
                        name = v.value.as_str(),
                        node = n.name(),
                        suggestion = s
                    ),
                    None => msg!("M113.message", name = v.value.as_str(), node = n.name()),
                };
                out.push(found(&META, v.span, msg));
            }
        }
    }
}
