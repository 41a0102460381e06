use super::{diag, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Related, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Finds an address (`ringX_addr`) used by two nodes (2.x/3.x).
    ///
    /// ## Why is this bad?
    /// `corosync -t` accepts it (verified on 3.1.7), but one of the nodes is unreachable and the local
    /// node may pick the wrong entry. pcs refuses it (`NODE_ADDRESSES_DUPLICATION`); usually a copied
    /// node block.
    ///
    /// ## Example
    /// ```corosync
    /// nodelist {
    ///     node { nodeid: 1  ring0_addr: 10.0.0.1 }
    ///     node { nodeid: 2  ring0_addr: 10.0.0.1 }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Give every node its own address on every link.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` Appendix A (`dup_addr`), Appendix B.
    /// - `shared/reference/peers.md` §1.2 (pcs 13, 15).
    pub static META = {
        code: "C214",
        name: "duplicate-node-address",
        severity: Warning,
        docs_ja: "## 何をするか
2 つのノードが使っているアドレス（`ringX_addr`）を検出します（2.x/3.x）。

## なぜ問題か
`corosync -t` は受け付けますが（3.1.7 で確認済み）、一方のノードには到達できず、自ノードが誤ったエントリを選ぶこともあります。pcs は拒否します（`NODE_ADDRESSES_DUPLICATION`）。多くはノードのブロックのコピーが原因です。

## 例
```corosync
nodelist {
    node { nodeid: 1  ring0_addr: 10.0.0.1 }
    node { nodeid: 2  ring0_addr: 10.0.0.1 }
}
```

## 対処
すべてのリンクで、ノードごとに別のアドレスを指定してください。

## 参考
- `shared/reference/corosync-conf.md` 付録 A（`dup_addr`）、付録 B
- `shared/reference/peers.md` §1.2（pcs の 13、15）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) || ctx.major() < 2 {
        return;
    }
    let m = ctx.model();
    // Address → node position; the first such address is looked up again for the note.
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for n in m.nodes() {
        for k in n.rings().values() {
            if k.value.is_empty() {
                continue;
            }
            match seen.get(k.value).copied() {
                Some(pos) if pos != n.pos => {
                    let other = &m.nodes()[pos];
                    let mut d = diag(
                        &META,
                        Severity::Warning,
                        k.value_span,
                        Msg::new("C214.message")
                            .arg("key", k.name)
                            .arg("value", k.value)
                            .arg("node", n.label())
                            .arg("other", other.label()),
                        Msg::new("C214.help"),
                    );
                    d.related.push(Related {
                        file: 0,
                        span: other
                            .rings()
                            .values()
                            .find(|o| o.value == k.value)
                            .map_or(k.value_span, |o| o.value_span),
                        note: Msg::new("C214.related"),
                    });
                    out.push(d);
                }
                Some(_) => {}
                None => {
                    seen.insert(k.value, n.pos);
                }
            }
        }
    }
}
