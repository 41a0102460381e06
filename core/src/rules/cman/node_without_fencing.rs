use super::found;
use crate::cman::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::msg;

declare_rule! {
    /// ## What it does
    /// Finds a `<clusternode>` with no fence method.
    ///
    /// ## Why is this bad?
    /// When such a node fails, fenced cannot fence it ("fence … result: error no method"), and everything that waits for fencing - DLM, GFS2, clvmd, rgmanager - stays blocked until an administrator acknowledges it with `fence_ack_manual`. With Pacemaker on cman, the node needs a method that redirects to Pacemaker (`fence_pcmk`).
    ///
    /// ## Example
    /// ```xml
    /// <clusternode name="node1" nodeid="1"/>
    /// ```
    ///
    /// ## Fix
    /// Add `<fence><method name="1"><device name="…"/></method></fence>` using a real fence device, or the `fence_pcmk` redirect when Pacemaker does the fencing.
    ///
    /// ## References
    /// - cluster.conf(5) and cman(5) of the RHEL 6 cluster 3.x tree (github.com/beekhof/cluster, `config/man/cluster.conf.5`, `cman/man/cman.5`).
    /// - fenced(8); logs.md #86 ("error no method"); Clusters from Scratch 1.1, "Configuring CMAN Fencing".
    pub static META = {
        code: "M114",
        name: "node-without-fencing",
        severity: Warning,
        docs_ja: "## 何をするか
フェンスメソッドのない `<clusternode>` を検出します。

## なぜ問題か
そのノードが故障すると、fenced はフェンシングできず（「fence … result: error no method」）、フェンシングを待つもの（DLM、GFS2、clvmd、rgmanager）は、管理者が `fence_ack_manual` で承認するまで止まったままになります。cman 上で Pacemaker を使う場合は、Pacemaker へリダイレクトするメソッド（`fence_pcmk`）が必要です。

## 例
```xml
<clusternode name=\"node1\" nodeid=\"1\"/>
```

## 対処
実際のフェンスデバイスを使う `<fence><method name=\"1\"><device name=\"…\"/></method></fence>` を追加してください。フェンシングを Pacemaker が行う場合は `fence_pcmk` へのリダイレクトを使います。

## 参考
- RHEL 6 の cluster 3.x ソースツリー（github.com/beekhof/cluster）の cluster.conf(5)（`config/man/cluster.conf.5`）と cman(5)（`cman/man/cman.5`）
- fenced(8)、logs.md #86（「error no method」）、Clusters from Scratch 1.1「Configuring CMAN Fencing」",
    }
}

pub fn check(cx: &Cx, out: &mut Vec<Diagnostic>) {
    for n in &cx.model.nodes {
        if n.methods.iter().all(|m| m.devices.is_empty()) {
            out.push(found(
                &META,
                cx.doc.elements[n.el].name,
                msg!("M114.message", node = n.name()),
            ));
        }
    }
}
