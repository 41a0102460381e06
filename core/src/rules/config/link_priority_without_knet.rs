use super::model::{Read, Transport, read_u32_value};
use super::{diag, releases, value_span, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// In corosync 3.x, finds `knet_link_priority` set to anything other than 1 when the
    /// transport is `udp` or `udpu`.
    ///
    /// ## Why is this bad?
    /// Link priorities belong to knet. corosync refuses to start: "parse error in config: Can
    /// only set link priority on knet transport type for interface 0" (verified on 3.1.7).
    ///
    /// ## Example
    /// ```corosync
    /// totem {
    ///     version: 2
    ///     transport: udpu
    ///     interface {
    ///         linknumber: 0
    ///         knet_link_priority: 5
    ///     }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Delete `knet_link_priority`, or switch to `transport: knet`.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §2.2 (`knet_link_priority`), §3.3, Appendix A
    ///   (`prio_udpu`).
    /// - corosync `exec/totemconfig.c` `totem_config_validate` (v3.1.7).
    pub static META = {
        code: "C108",
        name: "link-priority-without-knet",
        severity: Error,
        docs_ja: "## 何をするか
corosync 3.x で、トランスポートが `udp` か `udpu` なのに `knet_link_priority` を 1 以外にしているものを検出します。

## なぜ問題か
リンクの優先度は knet の機能です。corosync は \"parse error in config: Can only set link priority on knet transport type for interface 0\" で起動しません（3.1.7 で確認済み）。

## 例
```corosync
totem {
    version: 2
    transport: udpu
    interface {
        linknumber: 0
        knet_link_priority: 5
    }
}
```

## 対処
`knet_link_priority` を削除するか、`transport: knet` にしてください。

## 参考
- `shared/reference/corosync-conf.md` §2.2（`knet_link_priority`）、§3.3、付録 A（`prio_udpu`）
- corosync `exec/totemconfig.c` の `totem_config_validate`（v3.1.7）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) || ctx.major() < 3 {
        return;
    }
    let m = ctx.model();
    let transport = m.transport();
    if transport == Transport::Knet {
        return;
    }
    for i in m.active_interfaces() {
        let Some(k) = i.get("knet_link_priority") else {
            continue;
        };
        let Read::Value(v) = read_u32_value(3, k.value) else {
            continue;
        };
        if v == 1 || v > 255 {
            continue;
        }
        let says = format!(
            "parse error in config: Can only set link priority on knet transport type for interface {}",
            i.number
        );
        let msg = Msg::new("C108.message")
            .arg("value", k.value)
            .arg("transport", transport.name())
            .arg(
                "releases",
                releases(ctx.target, ctx.target.from, ctx.target.to),
            )
            .arg("says", says);
        out.push(diag(
            &META,
            Severity::Error,
            value_span(&k),
            msg,
            Msg::new("C108.help"),
        ));
    }
}
