use super::schema::{QDEVICE_VALUES, QdVal};
use super::{diag, value_span, whole_file, word_list};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Checks the values corosync-qdevice reads from `quorum.device` (2.x/3.x): `model`
    /// (`net`), and in `net`: `port` (1–65535), `tls` (`on`, `off`, `required`), `algorithm`
    /// (`ffsplit`, `lms`, `2nodelms`), `tie_breaker` (`lowest`, `highest` or a node id),
    /// `connect_timeout` (1000–120000 ms), `force_ip_version` (0, 4, 6),
    /// `keep_active_partition_tie_breaker` (`on`, `off`); in `heuristics`: `mode` (`off`,
    /// `on`, `sync`), `timeout` and `sync_timeout` (1000–120000 ms), `interval`
    /// (1000–3600000 ms).
    ///
    /// ## Why is this bad?
    /// The corosync parser stores these values as plain strings and `corosync -t` never looks
    /// at them. corosync-qdevice checks them when it starts and stops on a bad one, for
    /// example "Unknown decision algorithm ffslpit" or "quorum.device.net.tls value is not
    /// valid.". The cluster then runs without the device's vote. The `test` algorithm exists
    /// only for corosync-qdevice's own tests and is refused unless enabled in its advanced
    /// settings.
    ///
    /// ## Example
    /// ```corosync
    /// quorum {
    ///     device {
    ///         model: net
    ///         net {
    ///             host: qnetd.example.com
    ///             algorithm: ffslpit
    ///             tls: maybe
    ///         }
    ///     }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Write one of the accepted values.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §2.5, §3.6 (corosync-qdevice messages).
    /// - `shared/reference/peers.md` §1.2 (pcs checks 53, 55, 58).
    /// - corosync-qdevice v3.0.4 `qdevices/qdevice-instance.c`, `qdevice-net-instance.c`,
    ///   `utils.c`; corosync-qdevice(8).
    pub static META = {
        code: "C702",
        name: "qdevice-invalid-value",
        severity: Error,
        docs_ja: "## 何をするか
corosync-qdevice が `quorum.device` から読む値（2.x/3.x）を確認します。`model`（`net`）、`net` の `port`（1〜65535）、`tls`（`on`、`off`、`required`）、`algorithm`（`ffsplit`、`lms`、`2nodelms`）、`tie_breaker`（`lowest`、`highest` またはノード ID）、`connect_timeout`（1000〜120000 ms）、`force_ip_version`（0、4、6）、`keep_active_partition_tie_breaker`（`on`、`off`）、`heuristics` の `mode`（`off`、`on`、`sync`）、`timeout` と `sync_timeout`（1000〜120000 ms）、`interval`（1000〜3600000 ms）です。

## なぜ問題か
corosync のパーサはこれらの値を文字列のまま保存し、`corosync -t` も確認しません。corosync-qdevice は起動時に値を確認し、誤りがあると \"Unknown decision algorithm ffslpit\" や \"quorum.device.net.tls value is not valid.\" などで停止します。その結果、クラスタはデバイスの票なしで動きます。`test` アルゴリズムは corosync-qdevice 自身のテスト用で、詳細設定で有効にしない限り拒否されます。

## 例
```corosync
quorum {
    device {
        model: net
        net {
            host: qnetd.example.com
            algorithm: ffslpit
            tls: maybe
        }
    }
}
```

## 対処
受け付けられる値のいずれかを書いてください。

## 参考
- `shared/reference/corosync-conf.md` §2.5、§3.6（corosync-qdevice のメッセージ）
- `shared/reference/peers.md` §1.2（pcs の検査 53、55、58）
- corosync-qdevice v3.0.4 `qdevices/qdevice-instance.c`、`qdevice-net-instance.c`、`utils.c`、corosync-qdevice(8)",
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
