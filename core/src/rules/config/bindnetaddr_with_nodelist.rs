use super::{diag, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// In corosync 2.x/3.x, finds `bindnetaddr` in the interface for ring/link 0 when the
    /// nodelist also gives addresses.
    ///
    /// ## Why is this bad?
    /// With a nodelist, corosync binds to this node's own `ringX_addr` and ignores
    /// `bindnetaddr`. It says so at start-up: "interface section bindnetaddr is used together
    /// with nodelist. Nodelist one is going to be used." followed by "Please migrate config file
    /// to nodelist." (verified on 3.1.7). A `bindnetaddr` that disagrees with the nodelist
    /// misleads whoever reads the file.
    ///
    /// ## Example
    /// ```corosync
    /// totem {
    ///     version: 2
    ///     interface {
    ///         linknumber: 0
    ///         bindnetaddr: 192.168.1.0
    ///     }
    /// }
    /// nodelist {
    ///     node {
    ///         ring0_addr: 10.0.0.1
    ///         nodeid: 1
    ///     }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Delete the `bindnetaddr` line; keep the addresses in the nodelist.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §2.2 (`bindnetaddr`), §3.1 (warnings), Appendix A
    ///   (`bindnet_and_nodelist`).
    /// - corosync `exec/totemconfig.c` `totem_config_read` (v2.4.6, v3.1.7), `exec/main.c`.
    pub static META = {
        code: "C115",
        name: "bindnetaddr-with-nodelist",
        severity: Warning,
        docs_ja: "## 何をするか
corosync 2.x/3.x で、ノードリストがアドレスを指定しているのに、リング/リンク 0 の interface に `bindnetaddr` があるものを検出します。

## なぜ問題か
ノードリストがあると、corosync は自ノードの `ringX_addr` にバインドし、`bindnetaddr` は無視します。起動時に \"interface section bindnetaddr is used together with nodelist. Nodelist one is going to be used.\" と \"Please migrate config file to nodelist.\" を出します（3.1.7 で確認済み）。ノードリストと食い違う `bindnetaddr` は、設定ファイルを読む人を誤解させます。

## 例
```corosync
totem {
    version: 2
    interface {
        linknumber: 0
        bindnetaddr: 192.168.1.0
    }
}
nodelist {
    node {
        ring0_addr: 10.0.0.1
        nodeid: 1
    }
}
```

## 対処
`bindnetaddr` の行を削除し、アドレスはノードリストで指定してください。

## 参考
- `shared/reference/corosync-conf.md` §2.2（`bindnetaddr`）、§3.1（警告）、付録 A（`bindnet_and_nodelist`）
- corosync `exec/totemconfig.c` の `totem_config_read`（v2.4.6、v3.1.7）、`exec/main.c`",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) || ctx.major() < 2 {
        return;
    }
    let m = ctx.model();
    if m.nodes()
        .first()
        .and_then(|n| n.get("ring0_addr"))
        .is_none()
    {
        return;
    }
    let Some(k) = m
        .interfaces()
        .iter()
        .find(|i| i.number == 0)
        .and_then(|i| i.get("bindnetaddr"))
    else {
        return;
    };
    let msg = Msg::new("C115.message")
        .arg("value", k.value)
        .arg("version", ctx.target)
        .arg("says", "interface section bindnetaddr is used together with nodelist. Nodelist one is going to be used.");
    out.push(diag(
        &META,
        Severity::Warning,
        k.key_span,
        msg,
        Msg::new("C115.help"),
    ));
}
