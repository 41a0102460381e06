use super::{diag, releases, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// In corosync 3.x, when more than one link is configured, finds nodes without a `name`.
    ///
    /// ## Why is this bad?
    /// With several links corosync cannot use an address to tell which node is the local one,
    /// so it requires `name` on every node and refuses to start otherwise: "parse error in
    /// config: for a multi-link configuration, all nodes must have a 'name' attribute"
    /// (verified on 3.1.7).
    ///
    /// ## Example
    /// ```corosync
    /// nodelist {
    ///     node {
    ///         ring0_addr: 10.0.0.1
    ///         ring1_addr: 10.1.0.1
    ///         nodeid: 1
    ///     }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Add `name:` with the node's host name (as `uname -n` prints it) to every node.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §2.3 (`name`), §3.3, §3.4, Appendix A
    ///   (`multilink_noname`).
    /// - corosync `exec/totemconfig.c` `totem_volatile_config_validate` (v3.1.7).
    pub static META = {
        code: "C207",
        name: "multilink-node-without-name",
        severity: Error,
        docs_ja: "## 何をするか
corosync 3.x で 2 本以上のリンクを構成しているとき、`name` のないノードを検出します。

## なぜ問題か
リンクが複数あると、corosync はアドレスからどのノードが自ノードかを判断できないため、すべてのノードに `name` を求め、ない場合は \"parse error in config: for a multi-link configuration, all nodes must have a 'name' attribute\" で起動しません（3.1.7 で確認済み）。

## 例
```corosync
nodelist {
    node {
        ring0_addr: 10.0.0.1
        ring1_addr: 10.1.0.1
        nodeid: 1
    }
}
```

## 対処
すべてのノードに、そのノードのホスト名（`uname -n` の出力）を `name:` として追加してください。

## 参考
- `shared/reference/corosync-conf.md` §2.3（`name`）、§3.3、§3.4、付録 A（`multilink_noname`）
- corosync `exec/totemconfig.c` の `totem_volatile_config_validate`（v3.1.7）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) || ctx.major() < 3 {
        return;
    }
    let m = ctx.model();
    let links = m.configured_links();
    if links.len() < 2 || !m.has_nodelist() {
        return;
    }
    // corosync checks the first N node positions, N = members of the first configured link.
    let checked = m.members_of_link(links[0]);
    for n in m.nodes().iter().take(checked) {
        if n.get("name").is_some() {
            continue;
        }
        let msg = Msg::new("C207.message")
            .arg("node", n.label())
            .arg("links", links.len())
            .arg("releases", releases(ctx.target, ctx.target.from, ctx.target.to))
            .arg("says", "parse error in config: for a multi-link configuration, all nodes must have a 'name' attribute");
        out.push(diag(
            &META,
            Severity::Error,
            n.section().name_span,
            msg,
            Msg::new("C207.help"),
        ));
    }
}
