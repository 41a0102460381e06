use super::model::{Family, literal_family};
use super::{diag, releases, value_span, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// In corosync 1.x/2.x without a nodelist, finds rings whose `bindnetaddr` values are of
    /// different IP families (one IPv4, one IPv6).
    ///
    /// ## Why is this bad?
    /// corosync 1.x/2.x require every ring to use the same family and refuse to start: "parse
    /// error in config: Not all bind address belong to the same IP family".
    ///
    /// ## Example
    /// ```corosync
    /// totem {
    ///     version: 2
    ///     rrp_mode: passive
    ///     interface {
    ///         ringnumber: 0
    ///         bindnetaddr: 192.168.1.0
    ///     }
    ///     interface {
    ///         ringnumber: 1
    ///         bindnetaddr: fd00::
    ///     }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Use the same IP family on both rings.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §3.3 (1.x/2.x only).
    /// - corosync `exec/totemconfig.c` `totem_config_validate` (v1.4.10, v2.4.6).
    pub static META = {
        code: "C116",
        name: "bind-family-mix",
        severity: Error,
        docs_ja: "## 何をするか
ノードリストのない corosync 1.x/2.x の設定で、リングの `bindnetaddr` の IP ファミリーが異なる（IPv4 と IPv6 が混在する）ものを検出します。

## なぜ問題か
corosync 1.x/2.x ではすべてのリングが同じファミリーでなければならず、\"parse error in config: Not all bind address belong to the same IP family\" で起動しません。

## 例
```corosync
totem {
    version: 2
    rrp_mode: passive
    interface {
        ringnumber: 0
        bindnetaddr: 192.168.1.0
    }
    interface {
        ringnumber: 1
        bindnetaddr: fd00::
    }
}
```

## 対処
両方のリングで同じ IP ファミリーを使ってください。

## 参考
- `shared/reference/corosync-conf.md` §3.3（1.x/2.x のみ）
- corosync `exec/totemconfig.c` の `totem_config_validate`（v1.4.10、v2.4.6）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) || ctx.major() >= 3 {
        return;
    }
    let m = ctx.model();
    if ctx.major() == 2 && m.has_nodelist() {
        return;
    }
    let mut first: Option<Family> = None;
    for i in m.active_interfaces() {
        let Some(k) = i.get("bindnetaddr") else {
            continue;
        };
        let Some(f) = literal_family(k.value) else {
            continue;
        };
        match first {
            None => first = Some(f),
            Some(f0) if f0 != f => {
                let msg = Msg::new("C116.message")
                    .arg("value", k.value)
                    .arg(
                        "releases",
                        releases(ctx.target, ctx.target.from, ctx.target.to),
                    )
                    .arg(
                        "says",
                        "parse error in config: Not all bind address belong to the same IP family",
                    );
                out.push(diag(
                    &META,
                    Severity::Error,
                    value_span(&k),
                    msg,
                    Msg::new("C116.help"),
                ));
            }
            _ => {}
        }
    }
}
