use super::model::{Read, Transport, read_u32_value};
use super::{diag, releases, value_span, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Finds `ttl` set to anything other than 1 in an interface when the transport is not
    /// `udp` (multicast).
    ///
    /// ## Why is this bad?
    /// The TTL only applies to multicast packets. corosync refuses to start: "parse error in
    /// config: Can only set ttl on multicast transport types" (3.x adds " for interface N";
    /// verified on 3.1.7 with knet). It happens typically when a multicast config is moved to
    /// udpu or knet and the interface section is kept.
    ///
    /// ## Example
    /// ```corosync
    /// totem {
    ///     version: 2
    ///     transport: udpu
    ///     interface {
    ///         ringnumber: 0
    ///         bindnetaddr: 192.168.1.0
    ///         ttl: 3
    ///     }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Delete the `ttl` line, or use `transport: udp` if you meant multicast.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §2.2 (`ttl`), §3.3, Appendix A (`ttl_knet`).
    /// - corosync `exec/totemconfig.c` `totem_config_validate` (v1.4.10, v2.4.6, v3.1.7).
    pub static META = {
        code: "C107",
        name: "ttl-without-multicast",
        severity: Error,
        docs_ja: "## 何をするか
トランスポートが `udp`（マルチキャスト）でないのに、interface で `ttl` を 1 以外にしているものを検出します。

## なぜ問題か
TTL はマルチキャストのパケットにだけ意味があります。corosync は \"parse error in config: Can only set ttl on multicast transport types\"（3.x では末尾に \" for interface N\"）で起動しません（3.1.7 で knet により確認済み）。マルチキャストの設定を udpu や knet に移したときに interface セクションを残すと起きます。

## 例
```corosync
totem {
    version: 2
    transport: udpu
    interface {
        ringnumber: 0
        bindnetaddr: 192.168.1.0
        ttl: 3
    }
}
```

## 対処
`ttl` の行を削除するか、マルチキャストのつもりなら `transport: udp` にしてください。

## 参考
- `shared/reference/corosync-conf.md` §2.2（`ttl`）、§3.3、付録 A（`ttl_knet`）
- corosync `exec/totemconfig.c` の `totem_config_validate`（v1.4.10、v2.4.6、v3.1.7）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) {
        return;
    }
    let m = ctx.model();
    let transport = m.transport();
    if transport == Transport::Udp {
        return;
    }
    for i in m.active_interfaces() {
        let Some(k) = i.get("ttl") else { continue };
        let Read::Value(v) = read_u32_value(ctx.major(), k.value) else {
            continue;
        };
        if v == 1 || (ctx.major() >= 2 && v > 255) {
            continue;
        }
        let says = if ctx.major() >= 3 {
            format!(
                "parse error in config: Can only set ttl on multicast transport types for interface {}",
                i.number
            )
        } else {
            "parse error in config: Can only set ttl on multicast transport types".to_string()
        };
        let msg = Msg::new("C107.message")
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
            Msg::new("C107.help"),
        ));
    }
}
