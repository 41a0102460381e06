use super::model::{CONSENSUS_VS_JOIN, timer_violations};
use super::timeout_below_minimum::blame;
use super::{diag, releases, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Checks that the consensus timeout corosync uses is not smaller than the join timeout.
    ///
    /// ## Why is this bad?
    /// corosync refuses to start: "parse error in config: The consensus timeout parameter
    /// (40 ms) may not be less than join timeout (50 ms)." (verified on 3.1.7). This is the only
    /// relation between consensus and the other timers that corosync enforces.
    ///
    /// ## Example
    /// ```corosync
    /// totem {
    ///     version: 2
    ///     consensus: 40
    ///     join: 50
    /// }
    /// ```
    ///
    /// ## Fix
    /// Remove `consensus` to get the default (1.2 × token), or make it larger than `join`.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §3.3, Appendix A (`consensus_lt_join`).
    /// - corosync `exec/totemconfig.c` `totem_volatile_config_validate` (v3.1.7).
    pub static META = {
        code: "C102",
        name: "consensus-below-join",
        severity: Error,
        docs_ja: "## 何をするか
corosync が使う consensus タイムアウトが join タイムアウトより小さくないかを確認します。

## なぜ問題か
corosync は \"parse error in config: The consensus timeout parameter (40 ms) may not be less than join timeout (50 ms).\" で起動しません（3.1.7 で確認済み）。consensus と他のタイマーの関係で corosync が強制するのはこれだけです。

## 例
```corosync
totem {
    version: 2
    consensus: 40
    join: 50
}
```

## 対処
`consensus` を削除して既定値（token の 1.2 倍）を使うか、`join` より大きくしてください。

## 参考
- `shared/reference/corosync-conf.md` §3.3、付録 A（`consensus_lt_join`）
- corosync `exec/totemconfig.c` の `totem_volatile_config_validate`（v3.1.7）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) {
        return;
    }
    let m = ctx.model();
    for (v, timers, from, to) in timer_violations(m, ctx.target) {
        if v.key != CONSENSUS_VS_JOIN {
            continue;
        }
        let variant = if v.computed {
            "message.computed"
        } else {
            "message"
        };
        let msg = Msg::new(format!("C102.{variant}"))
            .arg("consensus", v.value)
            .arg("join", v.min)
            .arg("formula", timers.formula("consensus"))
            .arg("releases", releases(ctx.target, from, to))
            .arg("says", v.says.clone());
        out.push(diag(
            &META,
            Severity::Error,
            blame(m, v.key, v.computed),
            msg,
            Msg::new("C102.help").arg("join", v.min),
        ));
    }
}
