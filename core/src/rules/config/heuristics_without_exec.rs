use super::schema::QDEVICE_MAX_EXECS;
use super::{diag, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Finds quorum device heuristics switched on (`mode: on` or `sync`) with no `exec_` command or
    /// more than 32.
    ///
    /// ## Why is this bad?
    /// corosync-qdevice then disables heuristics ("No valid heuristics execs defined", "Too much (N)
    /// heuristics execs defined"), so the checks never run. pcs warns about the first case.
    ///
    /// ## Example
    /// ```corosync
    /// heuristics {
    ///     mode: on
    /// }
    /// ```
    ///
    /// ## Fix
    /// Add 1 to 32 `exec_NAME` commands, or set `mode: off`.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §3.6.
    /// - `shared/reference/peers.md` §1.2 (pcs 59).
    /// - corosync-qdevice v3.0.4 `qdevices/qdevice-instance.c`.
    pub static META = {
        code: "C704",
        name: "heuristics-without-exec",
        severity: Warning,
        docs_ja: "## 何をするか
有効（`mode: on` または `sync`）なのに `exec_` のコマンドがない、または 32 個を超えるクォーラムデバイスのヒューリスティクスを検出します。

## なぜ問題か
corosync-qdevice はヒューリスティクスを無効にするため（\"No valid heuristics execs defined\"、\"Too much (N) heuristics execs defined\"）、確認は実行されません。pcs は前者を警告します。

## 例
```corosync
heuristics {
    mode: on
}
```

## 対処
`exec_NAME` のコマンドを 1〜32 個追加するか、`mode: off` にしてください。

## 参考
- `shared/reference/corosync-conf.md` §3.6
- `shared/reference/peers.md` §1.2（pcs の 59）
- corosync-qdevice v3.0.4 `qdevices/qdevice-instance.c`",
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
    crate::sort::sort(&mut execs);
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
