use super::{diag, releases, value_span, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Finds an interface section whose `ringnumber` (1.x/2.x) is above 1 or whose
    /// `linknumber` (3.x) is above 7.
    ///
    /// ## Why is this bad?
    /// corosync 1.x/2.x support two rings (0 and 1) and corosync 3.x eight knet links (0 to 7).
    /// A higher number stops corosync: "parse error in config: interface ring number 9 is
    /// bigger than allowed maximum 7" (3.x keeps the word "ring"; verified on 3.1.7). corosync
    /// 3.x only looks at the number when the section also sets a per-link key such as
    /// `bindnetaddr` or `knet_link_priority`.
    ///
    /// ## Example
    /// ```corosync
    /// totem {
    ///     version: 2
    ///     interface {
    ///         linknumber: 8
    ///         knet_link_priority: 2
    ///     }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Number links from 0 to 7 (rings from 0 to 1 in 1.x/2.x).
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §2.2 (`ringnumber`, `linknumber`), §3.2, §3.4.
    /// - corosync `exec/totemconfig.c` `get_interface_params` (v3.1.7) and `totem_config_read`
    ///   (v1.4.10, v2.4.6).
    pub static META = {
        code: "C109",
        name: "interface-number-too-high",
        severity: Error,
        docs_ja: "## 何をするか
`ringnumber`（1.x/2.x）が 1 を超える、または `linknumber`（3.x）が 7 を超える interface セクションを検出します。

## なぜ問題か
corosync 1.x/2.x が扱えるリングは 2 本（0 と 1）、corosync 3.x が扱える knet リンクは 8 本（0〜7）です。それより大きい番号では \"parse error in config: interface ring number 9 is bigger than allowed maximum 7\" で起動しません（3.x でも文面は ring のままです。3.1.7 で確認済み）。corosync 3.x が番号を確認するのは、そのセクションに `bindnetaddr` や `knet_link_priority` などリンクごとのキーがある場合だけです。

## 例
```corosync
totem {
    version: 2
    interface {
        linknumber: 8
        knet_link_priority: 2
    }
}
```

## 対処
リンクは 0〜7（1.x/2.x のリングは 0〜1）の番号にしてください。

## 参考
- `shared/reference/corosync-conf.md` §2.2（`ringnumber`、`linknumber`）、§3.2、§3.4
- corosync `exec/totemconfig.c` の `get_interface_params`（v3.1.7）と `totem_config_read`（v1.4.10、v2.4.6）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) {
        return;
    }
    let m = ctx.model();
    let max = if ctx.major() >= 3 { 7 } else { 1 };
    let num_key = if ctx.major() >= 3 {
        "linknumber"
    } else {
        "ringnumber"
    };
    for i in m.active_interfaces() {
        if i.number <= max {
            continue;
        }
        let span = i
            .get(num_key)
            .map(|k| value_span(&k))
            .unwrap_or(i.first_section().name_span);
        let says = format!(
            "parse error in config: interface ring number {} is bigger than allowed maximum {max}",
            i.number
        );
        let msg = Msg::new("C109.message")
            .arg("key", num_key)
            .arg("number", i.number)
            .arg("max", max)
            .arg(
                "releases",
                releases(ctx.target, ctx.target.from, ctx.target.to),
            )
            .arg("says", says);
        out.push(diag(
            &META,
            Severity::Error,
            span,
            msg,
            Msg::new("C109.help").arg("key", num_key).arg("max", max),
        ));
    }
}
