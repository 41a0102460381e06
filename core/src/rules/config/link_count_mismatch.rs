use super::model::Model;
use super::{diag, releases, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// In corosync 3.x with more than one link, checks that every configured link has the same
    /// number of nodes: every node needs an address on every link, and an `interface` section
    /// for a link that no node has an address on counts as an empty link.
    ///
    /// ## Why is this bad?
    /// corosync refuses to start: "parse error in config: Not all nodes have the same number of
    /// links" (verified on 3.1.7, both with a node missing `ring1_addr` and with an
    /// `interface { linknumber: 1 ... }` section but no `ring1_addr` anywhere).
    ///
    /// ## Example
    /// ```corosync
    /// nodelist {
    ///     node {
    ///         name: node1
    ///         ring0_addr: 10.0.0.1
    ///         ring1_addr: 10.1.0.1
    ///         nodeid: 1
    ///     }
    ///     node {
    ///         name: node2
    ///         ring0_addr: 10.0.0.2
    ///         nodeid: 2
    ///     }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Give every node an address on every link (`ring1_addr` for node2 above), or remove the
    /// extra link everywhere, including its `interface` section.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §3.3, §3.4, Appendix A (`links_mismatch`).
    /// - corosync `exec/totemconfig.c` `totem_volatile_config_validate`, `get_interface_params`
    ///   (v3.1.7).
    pub static META = {
        code: "C208",
        name: "link-count-mismatch",
        severity: Error,
        docs_ja: "## 何をするか
corosync 3.x でリンクが 2 本以上あるとき、構成されたどのリンクもノード数が同じかを確認します。すべてのノードがすべてのリンクにアドレスを持つ必要があり、どのノードもアドレスを持たないリンクの `interface` セクションは空のリンクとして数えられます。

## なぜ問題か
corosync は \"parse error in config: Not all nodes have the same number of links\" で起動しません（3.1.7 で、`ring1_addr` のないノードがある場合と、`ring1_addr` がどこにもないのに `interface { linknumber: 1 ... }` がある場合の両方で確認済み）。

## 例
```corosync
nodelist {
    node {
        name: node1
        ring0_addr: 10.0.0.1
        ring1_addr: 10.1.0.1
        nodeid: 1
    }
    node {
        name: node2
        ring0_addr: 10.0.0.2
        nodeid: 2
    }
}
```

## 対処
すべてのノードにすべてのリンクのアドレスを設定するか（上の例では node2 の `ring1_addr`）、余分なリンクを `interface` セクションも含めてすべて削除してください。

## 参考
- `shared/reference/corosync-conf.md` §3.3、§3.4、付録 A（`links_mismatch`）
- corosync `exec/totemconfig.c` の `totem_volatile_config_validate`、`get_interface_params`（v3.1.7）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) || ctx.major() < 3 || !Model::new(ctx).has_nodelist() {
        return;
    }
    let m = ctx.model();
    let links = m.configured_links();
    if links.len() < 2 {
        return;
    }
    let counts: Vec<usize> = links.iter().map(|l| m.members_of_link(*l)).collect();
    if counts.iter().all(|c| *c == counts[0]) {
        return;
    }
    let says = "parse error in config: Not all nodes have the same number of links";
    let rel = releases(ctx.target, ctx.target.from, ctx.target.to);
    for (l, c) in links.iter().zip(&counts) {
        if *c == 0
            && let Some(i) = m.interfaces().iter().find(|i| i.number == *l)
        {
            let msg = Msg::new("C208.message.empty")
                .arg("link", l)
                .arg("releases", rel.clone())
                .arg("says", says);
            out.push(diag(
                &META,
                Severity::Error,
                i.first_section().name_span,
                msg,
                Msg::new("C208.help.empty").arg("link", l),
            ));
        }
    }
    for n in m.nodes() {
        let rings = n.rings();
        let missing: Vec<String> = links
            .iter()
            .zip(&counts)
            .filter(|(l, c)| **c > 0 && !rings.contains_key(l))
            .map(|(l, _)| l.to_string())
            .collect();
        if missing.is_empty() {
            continue;
        }
        let keys: Vec<String> = missing.iter().map(|l| format!("ring{l}_addr")).collect();
        let msg = Msg::new("C208.message")
            .arg("node", n.label())
            .arg("links", missing.join(", "))
            .arg("releases", rel.clone())
            .arg("says", says);
        out.push(diag(
            &META,
            Severity::Error,
            n.section().name_span,
            msg,
            Msg::new("C208.help")
                .arg("keys", keys.join(", "))
                .arg("node", n.label()),
        ));
    }
}
