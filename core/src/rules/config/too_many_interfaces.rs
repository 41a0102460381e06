use super::model::Transport;
use super::schema::ring_addr_number;
use super::{diag, releases, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Counts the rings (1.x/2.x) or links (3.x) corosync will configure and checks them against
    /// what the configuration allows: in 1.x/2.x a second ring needs `rrp_mode: active` or
    /// `passive`; in 3.x only knet can use more than one link.
    ///
    /// ## Why is this bad?
    /// corosync refuses to start. 1.x/2.x: "parse error in config: 2 is too many configured
    /// interfaces for the rrp_mode setting none." (`rrp_mode` defaults to none). 3.x with udp or
    /// udpu: "parse error in config: 2 is too many configured interfaces for non-Knet
    /// transport." (verified on 3.1.7 with udpu and `ring1_addr`).
    ///
    /// ## Example
    /// ```corosync
    /// totem {
    ///     version: 2
    ///     transport: udpu
    /// }
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
    /// 1.x/2.x: add `rrp_mode: passive` (or `active`) to `totem`. 3.x: use `transport: knet`
    /// for several links, or remove the extra `ringX_addr` and interface sections.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §2.1 (`rrp_mode`), §3.3, §3.4, Appendix A
    ///   (`udpu_two_links`).
    /// - corosync `exec/totemconfig.c` `totem_config_validate` (v1.4.10, v2.4.6, v3.1.7).
    pub static META = {
        code: "C110",
        name: "too-many-interfaces",
        severity: Error,
        docs_ja: "## 何をするか
corosync が構成するリング（1.x/2.x）またはリンク（3.x）の数を数え、設定で許される数と比べます。1.x/2.x で 2 本目のリングを使うには `rrp_mode: active` か `passive` が必要です。3.x で 2 本以上のリンクを使えるのは knet だけです。

## なぜ問題か
corosync は起動しません。1.x/2.x では \"parse error in config: 2 is too many configured interfaces for the rrp_mode setting none.\"（`rrp_mode` の既定値は none）、3.x の udp/udpu では \"parse error in config: 2 is too many configured interfaces for non-Knet transport.\" になります（3.1.7 で udpu と `ring1_addr` により確認済み）。

## 例
```corosync
totem {
    version: 2
    transport: udpu
}
nodelist {
    node {
        ring0_addr: 10.0.0.1
        ring1_addr: 10.1.0.1
        nodeid: 1
    }
}
```

## 対処
1.x/2.x では `totem` に `rrp_mode: passive`（または `active`）を追加してください。3.x で複数のリンクを使うには `transport: knet` にするか、余分な `ringX_addr` と interface セクションを削除してください。

## 参考
- `shared/reference/corosync-conf.md` §2.1（`rrp_mode`）、§3.3、§3.4、付録 A（`udpu_two_links`）
- corosync `exec/totemconfig.c` の `totem_config_validate`（v1.4.10、v2.4.6、v3.1.7）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) {
        return;
    }
    let m = ctx.model();
    let links = m.configured_links();
    let count = if ctx.major() == 1 {
        m.interfaces().len()
    } else {
        links.len()
    };
    if count < 2 {
        return;
    }
    // Blame where the second ring/link comes from.
    let second = links.get(1).copied().unwrap_or(1);
    let span: Span = m
        .interfaces()
        .iter()
        .find(|i| i.number == second && ctx.major() >= 2)
        .map(|i| i.first_section().name_span)
        .or_else(|| {
            m.interfaces()
                .get(1)
                .filter(|_| ctx.major() == 1)
                .map(|i| i.first_section().name_span)
        })
        .or_else(|| {
            m.nodes()
                .iter()
                .flat_map(|n| n.keys.iter())
                .find(|k| ring_addr_number(k.name) == Some(second))
                .map(|k| k.key_span)
        })
        .unwrap_or_else(|| m.totem_anchor());
    let rel = releases(ctx.target, ctx.target.from, ctx.target.to);
    if ctx.major() >= 3 {
        let transport = m.transport();
        if transport == Transport::Knet {
            return;
        }
        let says = format!(
            "parse error in config: {count} is too many configured interfaces for non-Knet transport."
        );
        let msg = Msg::new("C110.message")
            .arg("count", count)
            .arg("transport", transport.name())
            .arg("releases", rel)
            .arg("says", says);
        out.push(diag(
            &META,
            Severity::Error,
            span,
            msg,
            Msg::new("C110.help"),
        ));
    } else {
        let mode = m.totem_key("rrp_mode").map(|k| k.value).unwrap_or("none");
        if mode != "none" {
            return; // active/passive allow two; other values are C603
        }
        let says = format!(
            "parse error in config: {count} is too many configured interfaces for the rrp_mode setting none."
        );
        let msg = Msg::new("C110.message.rrp")
            .arg("count", count)
            .arg("releases", rel)
            .arg("says", says);
        out.push(diag(
            &META,
            Severity::Error,
            span,
            msg,
            Msg::new("C110.help.rrp"),
        ));
    }
}
