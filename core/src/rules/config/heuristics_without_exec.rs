use super::schema::QDEVICE_MAX_EXECS;
use super::{diag, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Finds quorum device heuristics (`quorum.device.heuristics`, corosync-qdevice 2.4.3+)
    /// that are switched on (`mode: on` or `sync`) but have no `exec_NAME` command, or have
    /// more than 32 of them.
    ///
    /// ## Why is this bad?
    /// Heuristics are the commands corosync-qdevice runs to decide whether this node deserves
    /// the device's vote. Without any, it logs "No valid heuristics execs defined. Disabling
    /// heuristics."; with more than 32, "Too much (N) heuristics execs defined (max is 32).
    /// Disabling heuristics.". Either way the checks the file asks for never run. pcs warns
    /// about the first case (`COROSYNC_QUORUM_HEURISTICS_ENABLED_WITH_NO_EXEC`).
    ///
    /// ## Example
    /// ```corosync
    /// quorum {
    ///     device {
    ///         model: net
    ///         heuristics {
    ///             mode: on
    ///         }
    ///     }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Add at least one command, such as `exec_ping: /usr/bin/ping -q -c 1 192.168.1.1`, keep
    /// at most 32, or set `mode: off`.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §2.5, §3.6.
    /// - `shared/reference/peers.md` §1.2 (pcs check 59).
    /// - corosync-qdevice v3.0.4 `qdevices/qdevice-instance.c`; corosync-qdevice(8).
    pub static META = {
        code: "C704",
        name: "heuristics-without-exec",
        severity: Warning,
        docs_ja: "## 何をするか
有効（`mode: on` または `sync`）なのに `exec_NAME` のコマンドが 1 つもない、または 33 個以上あるクォーラムデバイスのヒューリスティクス（`quorum.device.heuristics`、corosync-qdevice 2.4.3 以降）を検出します。

## なぜ問題か
ヒューリスティクスは、このノードがデバイスの票を得るべきかを判断するために corosync-qdevice が実行するコマンドです。1 つもなければ \"No valid heuristics execs defined. Disabling heuristics.\"、32 個を超えると \"Too much (N) heuristics execs defined (max is 32). Disabling heuristics.\" を出します。どちらの場合も、設定ファイルが求める確認は実行されません。pcs は前者を警告します（`COROSYNC_QUORUM_HEURISTICS_ENABLED_WITH_NO_EXEC`）。

## 例
```corosync
quorum {
    device {
        model: net
        heuristics {
            mode: on
        }
    }
}
```

## 対処
`exec_ping: /usr/bin/ping -q -c 1 192.168.1.1` のようなコマンドを 1 つ以上、32 個以内で追加するか、`mode: off` にしてください。

## 参考
- `shared/reference/corosync-conf.md` §2.5、§3.6
- `shared/reference/peers.md` §1.2（pcs の検査 59）
- corosync-qdevice v3.0.4 `qdevices/qdevice-instance.c`、corosync-qdevice(8)",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) {
        return;
    }
    let m = ctx.model();
    let Some(mode) = m.device_key(Some("heuristics"), "mode") else {
        return;
    };
    let on = ["on", "yes", "1", "sync"]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(mode.value));
    if !on {
        return;
    }
    let mut execs: Vec<&str> = ctx
        .conf
        .sections_at(&["quorum", "device", "heuristics"])
        .iter()
        .flat_map(|s| ctx.conf.keys(s.id).collect::<Vec<_>>())
        .filter(|k| k.name.len() > 5 && k.name.starts_with("exec_"))
        .map(|k| k.name)
        .collect();
    execs.sort_unstable();
    execs.dedup();
    let n = execs.len();
    let key = if n == 0 {
        "message"
    } else if n > QDEVICE_MAX_EXECS {
        "message.many"
    } else {
        return;
    };
    out.push(diag(
        &META,
        Severity::Warning,
        mode.value_span,
        Msg::new(format!("C704.{key}"))
            .arg("value", mode.value)
            .arg("count", n),
        Msg::new("C704.help"),
    ));
}
