use super::{diag, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Related, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// In the nodelist (2.x/3.x), finds an address (`ringX_addr`) that two different nodes
    /// use.
    ///
    /// ## Why is this bad?
    /// Each node needs its own address: corosync sends a node's traffic to the address listed
    /// for it, and finds its own entry by matching the local addresses. `corosync -t` accepts
    /// two nodes with the same `ring0_addr` (verified on 3.1.7), but the cluster cannot form
    /// as written: one of the nodes is unreachable, and the local node may pick the wrong
    /// entry. pcs refuses such a node list (`NODE_ADDRESSES_DUPLICATION`). The usual cause is a
    /// node block copied without changing its address.
    ///
    /// ## Example
    /// ```corosync
    /// nodelist {
    ///     node { name: node1  nodeid: 1  ring0_addr: 10.0.0.1 }
    ///     node { name: node2  nodeid: 2  ring0_addr: 10.0.0.1 }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Give every node its own address on every link.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` Appendix A (`dup_addr`), Appendix B ("Duplicate
    ///   addresses").
    /// - `shared/reference/peers.md` §1.2 (pcs checks 13 and 15).
    /// - corosync `exec/totemconfig.c` (v3.1.7).
    pub static META = {
        code: "C214",
        name: "duplicate-node-address",
        severity: Warning,
        docs_ja: "## 何をするか
ノードリスト（2.x/3.x）で、2 つの異なるノードが同じアドレス（`ringX_addr`）を使っているものを検出します。

## なぜ問題か
ノードにはそれぞれ固有のアドレスが必要です。corosync はノードあての通信をそのノードに書かれたアドレスに送り、ローカルアドレスとの照合で自ノードのエントリを探します。`corosync -t` は同じ `ring0_addr` を持つ 2 つのノードを受け付けますが（3.1.7 で確認済み）、書かれたとおりではクラスタを構成できません。一方のノードには到達できず、自ノードが誤ったエントリを選ぶこともあります。pcs はこのようなノードリストを拒否します（`NODE_ADDRESSES_DUPLICATION`）。ノードのブロックをコピーしてアドレスを変え忘れるのがよくある原因です。

## 例
```corosync
nodelist {
    node { name: node1  nodeid: 1  ring0_addr: 10.0.0.1 }
    node { name: node2  nodeid: 2  ring0_addr: 10.0.0.1 }
}
```

## 対処
すべてのリンクで、ノードごとに別のアドレスを指定してください。

## 参考
- `shared/reference/corosync-conf.md` 付録 A（`dup_addr`）、付録 B（「Duplicate addresses」）
- `shared/reference/peers.md` §1.2（pcs の検査 13 と 15）
- corosync `exec/totemconfig.c`（v3.1.7）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) || ctx.major() < 2 {
        return;
    }
    let m = ctx.model();
    let mut seen: std::collections::HashMap<String, (usize, crate::diagnostic::Span)> =
        std::collections::HashMap::new();
    for n in m.nodes() {
        for k in n.rings().values() {
            if k.value.is_empty() {
                continue;
            }
            let addr = k.value.to_ascii_lowercase();
            match seen.get(&addr) {
                Some((pos, span)) if *pos != n.pos => {
                    let mut d = diag(
                        &META,
                        Severity::Warning,
                        k.value_span,
                        Msg::new("C214.message")
                            .arg("key", k.name)
                            .arg("value", k.value)
                            .arg("node", n.label())
                            .arg("other", m.nodes()[*pos].label()),
                        Msg::new("C214.help"),
                    );
                    d.related.push(Related {
                        file: 0,
                        span: *span,
                        note: Msg::new("C214.related"),
                    });
                    out.push(d);
                }
                Some(_) => {}
                None => {
                    seen.insert(addr, (n.pos, k.value_span));
                }
            }
        }
    }
}
