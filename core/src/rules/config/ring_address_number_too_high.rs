use super::schema::ring_addr_number;
use super::{diag, releases, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Finds `ringX_addr` keys in the nodelist with X above what the version supports: 7 in
    /// 3.x (eight knet links), 1 in 2.x (two rings).
    ///
    /// ## Why is this bad?
    /// corosync 3.x refuses to start: "parse error in config: interface ring number 8 is bigger
    /// than allowed maximum 7" (verified on 3.1.7). corosync 2.x fails the same way ("... allowed
    /// maximum 1") on the node whose own entry has the key; on the other nodes the key is
    /// silently ignored.
    ///
    /// ## Example
    /// ```corosync
    /// nodelist {
    ///     node {
    ///         name: node1
    ///         ring0_addr: 10.0.0.1
    ///         ring8_addr: 10.8.0.1
    ///         nodeid: 1
    ///     }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Use `ring0_addr` to `ring7_addr` (3.x) or `ring0_addr` and `ring1_addr` (2.x).
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §2.3 (`ringX_addr`), §3.2, §3.4, Appendix A
    ///   (`ring7`, `ring8`).
    /// - corosync `exec/totemconfig.c` `put_nodelist_members_to_config` (v3.1.7),
    ///   `totem_config_read` (v2.4.6).
    pub static META = {
        code: "C210",
        name: "ring-address-number-too-high",
        severity: Error,
        docs_ja: "## 何をするか
ノードリストで、バージョンが扱える番号を超える `ringX_addr` を検出します。上限は 3.x が 7（knet リンク 8 本）、2.x が 1（リング 2 本）です。

## なぜ問題か
corosync 3.x は \"parse error in config: interface ring number 8 is bigger than allowed maximum 7\" で起動しません（3.1.7 で確認済み）。corosync 2.x は、そのキーが自ノードのエントリにあるノードで同じように（\"... allowed maximum 1\"）失敗し、他のノードでは黙って無視します。

## 例
```corosync
nodelist {
    node {
        name: node1
        ring0_addr: 10.0.0.1
        ring8_addr: 10.8.0.1
        nodeid: 1
    }
}
```

## 対処
`ring0_addr`〜`ring7_addr`（3.x）、または `ring0_addr` と `ring1_addr`（2.x）を使ってください。

## 参考
- `shared/reference/corosync-conf.md` §2.3（`ringX_addr`）、§3.2、§3.4、付録 A（`ring7`、`ring8`）
- corosync `exec/totemconfig.c` の `put_nodelist_members_to_config`（v3.1.7）、`totem_config_read`（v2.4.6）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) || ctx.major() < 2 {
        return;
    }
    let m = ctx.model();
    let max = if ctx.major() >= 3 { 7 } else { 1 };
    for n in m.nodes() {
        for k in &n.keys {
            let Some(x) = ring_addr_number(k.name) else {
                continue;
            };
            if x <= max {
                continue;
            }
            let says = format!(
                "parse error in config: interface ring number {x} is bigger than allowed maximum {max}"
            );
            let variant = if ctx.major() == 2 {
                "message.v2"
            } else {
                "message"
            };
            let msg = Msg::new(format!("C210.{variant}"))
                .arg("key", k.name)
                .arg("node", n.label())
                .arg("max", max)
                .arg(
                    "releases",
                    releases(ctx.target, ctx.target.from, ctx.target.to),
                )
                .arg("says", says);
            out.push(diag(
                &META,
                Severity::Error,
                k.key_span,
                msg,
                Msg::new("C210.help").arg("max", max),
            ));
        }
    }
}
