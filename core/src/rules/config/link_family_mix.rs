use super::model::literal_family;
use super::{diag, releases, value_span, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// In corosync 3.x, finds a link on which some nodes have IPv4 addresses and others IPv6
    /// addresses (for addresses written as numbers; host names are resolved by corosync and
    /// are not checked).
    ///
    /// ## Why is this bad?
    /// All nodes on one link must use the same IP family. corosync compares every node's
    /// address with the first node's and refuses to start: "parse error in config: Nodes for
    /// link 0 have different IP families (compared ::2 with 127.0.0.1)" (verified on 3.1.7).
    ///
    /// ## Example
    /// ```corosync
    /// nodelist {
    ///     node {
    ///         ring0_addr: 10.0.0.1
    ///         nodeid: 1
    ///     }
    ///     node {
    ///         ring0_addr: fd00::2
    ///         nodeid: 2
    ///     }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Use one IP family per link; put IPv6 addresses on a link of their own if you need both.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §3.3, §3.4, Appendix A (`mixed_family`).
    /// - corosync `exec/totemconfig.c` `totem_volatile_config_validate` (v3.1.7).
    pub static META = {
        code: "C209",
        name: "link-family-mix",
        severity: Error,
        docs_ja: "## 何をするか
corosync 3.x で、同じリンク上に IPv4 のノードと IPv6 のノードが混在しているものを検出します（数値で書かれたアドレスが対象です。ホスト名は corosync が解決するため確認しません）。

## なぜ問題か
1 本のリンク上のノードはすべて同じ IP ファミリーでなければなりません。corosync は各ノードのアドレスを最初のノードのアドレスと比べ、\"parse error in config: Nodes for link 0 have different IP families (compared ::2 with 127.0.0.1)\" で起動しません（3.1.7 で確認済み）。

## 例
```corosync
nodelist {
    node {
        ring0_addr: 10.0.0.1
        nodeid: 1
    }
    node {
        ring0_addr: fd00::2
        nodeid: 2
    }
}
```

## 対処
リンクごとに 1 つの IP ファミリーを使ってください。両方が必要なら、IPv6 のアドレスは別のリンクにしてください。

## 参考
- `shared/reference/corosync-conf.md` §3.3、§3.4、付録 A（`mixed_family`）
- corosync `exec/totemconfig.c` の `totem_volatile_config_validate`（v3.1.7）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) || ctx.major() < 3 {
        return;
    }
    let m = ctx.model();
    if !m.has_nodelist() {
        return;
    }
    let rel = releases(ctx.target, ctx.target.from, ctx.target.to);
    for link in m.configured_links() {
        let addrs: Vec<_> = m
            .nodes()
            .iter()
            .filter_map(|n| n.rings().get(&link).copied())
            .collect();
        let Some(first) = addrs.first() else { continue };
        let Some(f0) = literal_family(first.value) else {
            continue;
        };
        for a in addrs.iter().skip(1) {
            let Some(f) = literal_family(a.value) else {
                continue;
            };
            if f == f0 {
                continue;
            }
            let says = format!(
                "parse error in config: Nodes for link {link} have different IP families (compared {} with {})",
                a.value, first.value
            );
            let msg = Msg::new("C209.message")
                .arg("link", link)
                .arg("addr", a.value)
                .arg("first", first.value)
                .arg("releases", rel.clone())
                .arg("says", says);
            out.push(diag(
                &META,
                Severity::Error,
                value_span(a),
                msg,
                Msg::new("C209.help").arg("link", link),
            ));
        }
    }
}
