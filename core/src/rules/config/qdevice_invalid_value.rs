use super::schema::{QDEVICE_VALUES, QdVal};
use super::{diag, value_span, whole_file, word_list};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Checks the `quorum.device` values corosync-qdevice reads: `model` (`net`); in `net`: `port`,
    /// `tls`, `algorithm` (`ffsplit`, `lms`, `2nodelms`), `tie_breaker`, `connect_timeout`,
    /// `force_ip_version`, `keep_active_partition_tie_breaker`; in `heuristics`: `mode`, `timeout`,
    /// `sync_timeout`, `interval`.
    ///
    /// ## Why is this bad?
    /// The corosync parser stores them as text and `corosync -t` ignores them; corosync-qdevice stops
    /// on a bad one ("Unknown decision algorithm ffslpit") and the cluster loses the device's vote.
    ///
    /// ## Example
    /// ```corosync
    /// device {
    ///     model: net
    ///     net { algorithm: ffslpit }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Write an accepted value.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §3.6.
    /// - `shared/reference/peers.md` §1.2 (pcs 53, 55, 58).
    /// - corosync-qdevice v3.0.4 `qdevices/qdevice-net-instance.c`, `qdevice-instance.c`.
    pub static META = {
        code: "C702",
        name: "qdevice-invalid-value",
        severity: Error,
        docs_ja: "## 何をするか
corosync-qdevice が読む `quorum.device` の値を確認します。`model`（`net`）、`net` の `port`、`tls`、`algorithm`（`ffsplit`、`lms`、`2nodelms`）、`tie_breaker`、`connect_timeout`、`force_ip_version`、`keep_active_partition_tie_breaker`、`heuristics` の `mode`、`timeout`、`sync_timeout`、`interval` です。

## なぜ問題か
corosync のパーサはこれらを文字列として保存し、`corosync -t` は見ません。corosync-qdevice は誤った値で停止し（\"Unknown decision algorithm ffslpit\"）、クラスタはデバイスの票を失います。

## 例
```corosync
device {
    model: net
    net { algorithm: ffslpit }
}
```

## 対処
受け付けられる値を書いてください。

## 参考
- `shared/reference/corosync-conf.md` §3.6
- `shared/reference/peers.md` §1.2（pcs の 53、55、58）
- corosync-qdevice v3.0.4 `qdevices/qdevice-net-instance.c`、`qdevice-instance.c`",
    }
}

/// `strtol` over the whole value (qdevice rejects trailing text).
fn number(v: &str) -> Option<i64> {
    let t = v.trim_start();
    let d = t.strip_prefix(['+', '-']).unwrap_or(t);
    if d.is_empty() || !d.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse().ok()
}

fn accepted(v: &str, val: QdVal) -> bool {
    match val {
        QdVal::Words(words, nocase) => words.iter().any(|w| {
            if nocase {
                w.eq_ignore_ascii_case(v)
            } else {
                *w == v
            }
        }),
        QdVal::Num(lo, hi) => number(v).is_some_and(|n| (lo..=hi).contains(&n)),
        QdVal::TieBreaker => {
            v == "lowest"
                || v == "highest"
                || number(v).is_some_and(|n| (1..=i64::from(u32::MAX)).contains(&n))
        }
    }
}

fn expected(val: QdVal) -> String {
    match val {
        QdVal::Words(words, _) => word_list(words),
        QdVal::Num(lo, hi) => format!("{lo}–{hi}"),
        QdVal::TieBreaker => "`lowest`, `highest`, node id".to_string(),
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) {
        return;
    }
    let m = ctx.model();
    if m.device_sections().is_empty() {
        return;
    }
    for (sub, key, val, says) in QDEVICE_VALUES {
        let sub = (!sub.is_empty()).then_some(*sub);
        let Some(k) = m.device_key(sub, key) else {
            continue;
        };
        if *key == "model" && k.value.is_empty() {
            continue; // C701
        }
        if accepted(k.value, *val) {
            continue;
        }
        let says = if *key == "algorithm" && k.value == "test" {
            "Test algorithm is not enabled. You can force enable it by setting advanced option"
                .to_string()
        } else {
            says.replace("{value}", k.value)
        };
        out.push(diag(
            &META,
            Severity::Error,
            value_span(&k),
            Msg::new("C702.message")
                .arg("key", k.name)
                .arg("value", k.value)
                .arg("says", says),
            Msg::new("C702.help")
                .arg("key", k.name)
                .arg("expected", expected(*val)),
        ));
    }
}
