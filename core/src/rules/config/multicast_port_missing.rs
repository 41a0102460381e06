use super::model::{Read, read_u32_value};
use super::{diag, releases, value_span, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Finds interfaces without a usable port in corosync 1.x and 2.x: in 1.x an interface
    /// without `mcastport` (1.x has no default), in 1.x and 2.x `mcastport: 0`.
    ///
    /// ## Why is this bad?
    /// corosync refuses to start: "parse error in config: No multicast port specified".
    /// corosync 2.x defaults to port 5405 but keeps an explicit 0; 1.x reads the port only from
    /// `mcastport`, for udpu as well as udp. (corosync 3.x replaces 0 with 5405 + link number
    /// when it reads the nodelist, so it is not reported there; verified on 3.1.7.)
    ///
    /// ## Example
    /// ```corosync
    /// totem {
    ///     version: 2
    ///     interface {
    ///         ringnumber: 0
    ///         bindnetaddr: 192.168.1.0
    ///         mcastaddr: 239.255.1.1
    ///     }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Add `mcastport: 5405` to the interface (1.x), or remove `mcastport: 0`.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §2.2 (`mcastport`), §3.3.
    /// - corosync `exec/totemconfig.c` `totem_config_read` and `totem_config_validate`
    ///   (v1.4.10, v2.4.6, v3.1.7).
    pub static META = {
        code: "C113",
        name: "multicast-port-missing",
        severity: Error,
        docs_ja: "## 何をするか
corosync 1.x と 2.x で、使えるポートのない interface を検出します。1.x では `mcastport` のない interface（1.x には既定値がありません）、1.x と 2.x では `mcastport: 0` が対象です。

## なぜ問題か
corosync は \"parse error in config: No multicast port specified\" で起動しません。corosync 2.x の既定のポートは 5405 ですが、明示した 0 はそのまま使います。1.x は udp でも udpu でも `mcastport` からしかポートを読みません（corosync 3.x はノードリストを読むときに 0 を 5405 + リンク番号に置き換えるため、3.x では報告しません。3.1.7 で確認済み）。

## 例
```corosync
totem {
    version: 2
    interface {
        ringnumber: 0
        bindnetaddr: 192.168.1.0
        mcastaddr: 239.255.1.1
    }
}
```

## 対処
（1.x では）interface に `mcastport: 5405` を追加するか、`mcastport: 0` を削除してください。

## 参考
- `shared/reference/corosync-conf.md` §2.2（`mcastport`）、§3.3
- corosync `exec/totemconfig.c` の `totem_config_read` と `totem_config_validate`（v1.4.10、v2.4.6、v3.1.7）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    // corosync 3.x fills a zero port with 5405 + link number when it reads the nodelist
    // (`configure_link_params`), which it always has: no finding there (verified on 3.1.7).
    if !whole_file(ctx) || ctx.major() >= 3 {
        return;
    }
    let m = ctx.model();
    let major = ctx.major();
    let rel = releases(ctx.target, ctx.target.from, ctx.target.to);
    for i in m.active_interfaces() {
        let says = if major >= 3 {
            format!(
                "parse error in config: No multicast port specified for interface {}",
                i.number
            )
        } else {
            "parse error in config: No multicast port specified".to_string()
        };
        match i.get("mcastport") {
            None if major == 1 => {
                let msg = Msg::new("C113.message.missing")
                    .arg("releases", rel.clone())
                    .arg("says", says);
                out.push(diag(
                    &META,
                    Severity::Error,
                    i.first_section().name_span,
                    msg,
                    Msg::new("C113.help.missing"),
                ));
            }
            Some(k) => {
                // 1.x stores atoi() in a 16-bit port: 65536 becomes 0 too.
                let zero = match read_u32_value(major, k.value) {
                    Read::Value(v) => (major == 1 && v % 65536 == 0) || v == 0,
                    _ => false,
                };
                if zero {
                    let msg = Msg::new("C113.message")
                        .arg("value", k.value)
                        .arg("releases", rel.clone())
                        .arg("says", says);
                    out.push(diag(
                        &META,
                        Severity::Error,
                        value_span(&k),
                        msg,
                        Msg::new("C113.help"),
                    ));
                }
            }
            None => {}
        }
    }
}
