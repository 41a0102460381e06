use super::model::Transport;
use super::{diag, releases, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// With `transport: udp` (multicast), finds a ring or link that has no multicast address:
    /// no `mcastaddr`, no `broadcast: yes`, and (2.x/3.x) no `cluster_name` to generate one from.
    ///
    /// ## Why is this bad?
    /// corosync refuses to start: "parse error in config: No multicast address specified"
    /// (3.x: "... for interface 0"; verified on 3.1.7). corosync 2.x/3.x generate an address from
    /// `cluster_name` (239.192.x.y) when `mcastaddr` is missing; 1.x always needs `mcastaddr`.
    ///
    /// ## Example
    /// ```corosync
    /// totem {
    ///     version: 2
    ///     transport: udp
    ///     interface {
    ///         ringnumber: 0
    ///         bindnetaddr: 192.168.1.0
    ///     }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Set `mcastaddr` in the interface (for example 239.255.1.1), or set `cluster_name` in
    /// `totem` (2.x/3.x).
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §2.2 (`mcastaddr`), §3.3, §3.7 (autogeneration),
    ///   Appendix A (`udp_no_cluster_name`).
    /// - corosync `exec/totemconfig.c` `totem_config_validate` (v1.4.10, v2.4.6, v3.1.7).
    pub static META = {
        code: "C111",
        name: "multicast-address-missing",
        severity: Error,
        docs_ja: "## 何をするか
`transport: udp`（マルチキャスト）で、マルチキャストアドレスのないリングやリンクを検出します。`mcastaddr` も `broadcast: yes` もなく、（2.x/3.x では）アドレスを生成する元になる `cluster_name` もない場合です。

## なぜ問題か
corosync は \"parse error in config: No multicast address specified\"（3.x では \"... for interface 0\"）で起動しません（3.1.7 で確認済み）。corosync 2.x/3.x は `mcastaddr` がなければ `cluster_name` からアドレス（239.192.x.y）を生成しますが、1.x では常に `mcastaddr` が必要です。

## 例
```corosync
totem {
    version: 2
    transport: udp
    interface {
        ringnumber: 0
        bindnetaddr: 192.168.1.0
    }
}
```

## 対処
interface に `mcastaddr`（例: 239.255.1.1）を設定するか、（2.x/3.x では）`totem` に `cluster_name` を設定してください。

## 参考
- `shared/reference/corosync-conf.md` §2.2（`mcastaddr`）、§3.3、§3.7（自動生成）、付録 A（`udp_no_cluster_name`）
- corosync `exec/totemconfig.c` の `totem_config_validate`（v1.4.10、v2.4.6、v3.1.7）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) {
        return;
    }
    let m = ctx.model();
    if m.transport() != Transport::Udp {
        return;
    }
    let broadcast = m
        .interfaces()
        .iter()
        .any(|i| i.get("broadcast").map(|k| k.value) == Some("yes"));
    if broadcast {
        return;
    }
    let cluster_name = ctx.major() >= 2 && m.totem_key("cluster_name").is_some();
    let links: Vec<u32> = if ctx.major() == 1 {
        m.interfaces().iter().map(|i| i.number).collect()
    } else {
        m.configured_links()
    };
    for (n, link) in links.iter().enumerate() {
        let iface = if ctx.major() == 1 {
            m.interfaces().get(n)
        } else {
            m.interfaces().iter().find(|i| i.number == *link)
        };
        if iface.and_then(|i| i.get("mcastaddr")).is_some() || cluster_name {
            continue;
        }
        let says = if ctx.major() >= 3 {
            format!("parse error in config: No multicast address specified for interface {link}")
        } else {
            "parse error in config: No multicast address specified".to_string()
        };
        let span = iface
            .map(|i| i.first_section().name_span)
            .unwrap_or_else(|| m.totem_anchor());
        let variant = if ctx.major() >= 2 {
            "message"
        } else {
            "message.v1"
        };
        let msg = Msg::new(format!("C111.{variant}"))
            .arg("link", link)
            .arg(
                "releases",
                releases(ctx.target, ctx.target.from, ctx.target.to),
            )
            .arg("says", says);
        let help = if ctx.major() >= 2 {
            "C111.help"
        } else {
            "C111.help.v1"
        };
        out.push(diag(&META, Severity::Error, span, msg, Msg::new(help)));
    }
}
