use super::model::{CONSENSUS_VS_JOIN, Model, timer_violations};
use super::{diag, releases, value_span, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Computes the totem timers the way corosync does (token_retransmits_before_loss_const,
    /// then token plus `token_coefficient` × (nodes − 2) for more than two nodes, then
    /// token_retransmit, hold and consensus) and checks them against corosync's minimums:
    /// 30 ms for `max_network_delay`, `token`, `token_retransmit`, `join`, `consensus`,
    /// `merge` and `downcheck`; for `hold` 30 ms before 3.0.2 and 14 ms from 3.0.2; in
    /// 1.x/2.x also the RRP timers and thresholds.
    ///
    /// ## Why is this bad?
    /// corosync refuses to start with "parse error in config: The token timeout parameter
    /// (10 ms) may not be less than (30 ms)." and the same sentence for the other timers.
    /// A value can also be too small without being written: a small `token` or a large
    /// `token_retransmits_before_loss_const` makes the computed token_retransmit too small, and
    /// corosync 3.0.2+ then says "Not appropriate token or token_retransmits_before_loss_const
    /// value set" (verified with token 100 and 10 retransmits). In 2.x the computed hold fails
    /// for tokens below about 210 ms. The finding shows the values corosync will use.
    ///
    /// ## Example
    /// ```corosync
    /// totem {
    ///     version: 2
    ///     token: 100
    ///     token_retransmits_before_loss_const: 10
    /// }
    /// ```
    ///
    /// ## Fix
    /// Raise the value to at least the minimum, or remove it to get the default. Keep
    /// `token / (token_retransmits_before_loss_const + 0.2)` at 30 ms or more.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §2.1 (defaults), §3.3 (minimums and the order of
    ///   computation), Appendix A (`token_10`, `token_retr_small`, `hold_1`, `token_0`).
    /// - corosync `exec/totemconfig.c` `totem_volatile_config_read`/`_validate` (v2.4.6,
    ///   v3.1.7) and `totem_config_validate` (v1.4.10); commits 8221f780 (token 3000, 3.1.0).
    pub static META = {
        code: "C103",
        name: "timeout-below-minimum",
        severity: Error,
        docs_ja: "## 何をするか
corosync と同じ順序で totem のタイマー値を計算し（token_retransmits_before_loss_const、次に 3 ノード以上なら token に `token_coefficient` ×（ノード数 − 2）を加えた値、続いて token_retransmit、hold、consensus）、corosync の下限と比べます。下限は `max_network_delay`・`token`・`token_retransmit`・`join`・`consensus`・`merge`・`downcheck` が 30 ms、`hold` が 3.0.2 より前は 30 ms、3.0.2 以降は 14 ms です。1.x/2.x では RRP のタイマーとしきい値も確認します。

## なぜ問題か
corosync は \"parse error in config: The token timeout parameter (10 ms) may not be less than (30 ms).\" のようなメッセージで起動しません。他のタイマーも同じ文面です。書いていない値が小さすぎることもあります。`token` が小さいか `token_retransmits_before_loss_const` が大きいと計算上の token_retransmit が小さくなり、corosync 3.0.2 以降は \"Not appropriate token or token_retransmits_before_loss_const value set\" を出します（token 100、再送回数 10 で確認済み）。2.x では token が約 210 ms 未満だと計算上の hold が下限を下回ります。この検査は corosync が実際に使う値を示します。

## 例
```corosync
totem {
    version: 2
    token: 100
    token_retransmits_before_loss_const: 10
}
```

## 対処
値を下限以上にするか、行を削除して既定値を使ってください。`token / (token_retransmits_before_loss_const + 0.2)` が 30 ms 以上になるようにしてください。

## 参考
- `shared/reference/corosync-conf.md` §2.1（既定値）、§3.3（下限と計算順序）、付録 A（`token_10`、`token_retr_small`、`hold_1`、`token_0`）
- corosync `exec/totemconfig.c` の `totem_volatile_config_read`/`_validate`（v2.4.6、v3.1.7）と `totem_config_validate`（v1.4.10）、コミット 8221f780（3.1.0 で token の既定値を 3000 に変更）",
    }
}

/// Where to point for a timer: the key itself when written, else the key it is computed from.
pub(crate) fn blame(m: &Model, key: &str, computed: bool) -> Span {
    let chain: &[&str] = if !computed {
        &[]
    } else {
        match key {
            "token_retransmit" => &["token_retransmits_before_loss_const", "token"],
            "hold" => &[
                "token_retransmit",
                "token_retransmits_before_loss_const",
                "token",
            ],
            "consensus" | CONSENSUS_VS_JOIN => &["token"],
            "rrp_token_expired_timeout" => &["token_retransmit", "token"],
            "rrp_problem_count_mcast_threshold" => &["rrp_problem_count_threshold"],
            _ => &[],
        }
    };
    let own = if key == CONSENSUS_VS_JOIN {
        "consensus"
    } else {
        key
    };
    let own_key = if computed { None } else { m.totem_key(own) };
    own_key
        .or_else(|| chain.iter().find_map(|k| m.totem_key(k)))
        .map(|k| value_span(&k))
        .unwrap_or_else(|| m.totem_anchor())
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) {
        return;
    }
    let m = ctx.model();
    for (v, timers, from, to) in timer_violations(m, ctx.target) {
        if v.key == CONSENSUS_VS_JOIN {
            continue; // C102
        }
        let rel = releases(ctx.target, from, to);
        let variant = if v.computed {
            "message.computed"
        } else {
            "message"
        };
        let msg = Msg::new(format!("C103.{variant}"))
            .arg("key", v.key)
            .arg("value", v.value)
            .arg("min", v.min)
            .arg("formula", timers.formula(v.key))
            .arg("releases", rel)
            .arg("says", v.says.clone());
        let help = if v.computed {
            Msg::new("C103.help.computed")
                .arg("key", v.key)
                .arg("min", v.min)
        } else {
            Msg::new("C103.help").arg("key", v.key).arg("min", v.min)
        };
        out.push(diag(
            &META,
            Severity::Error,
            blame(m, v.key, v.computed),
            msg,
            help,
        ));
    }
}
