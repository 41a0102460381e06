use super::{diag, value_span, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// In corosync 3.x, checks `system.priority`: it must be `max`, `min` or a whole number
    /// (a nice value, such as `-10`).
    ///
    /// ## Why is this bad?
    /// corosync reads `system.priority` after the point where `corosync -t` exits, so the test
    /// accepts any value (verified on 3.1.7 with `priority: foo`). At a real start corosync
    /// stops with "Priority value foo is invalid". Values are case-sensitive and must not
    /// carry anything after the number.
    ///
    /// ## Example
    /// ```corosync
    /// system {
    ///     priority: high
    /// }
    /// ```
    ///
    /// ## Fix
    /// Write `max`, `min` or a number such as `-10`, or remove the key.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §2.6 (`system.priority`), §3.1 (stage 8), §4,
    ///   Appendix A (`priority_bad`), Appendix B.
    /// - corosync `exec/main.c` (v3.1.7); corosync.conf(5).
    pub static META = {
        code: "C612",
        name: "system-priority-invalid",
        severity: Error,
        docs_ja: "## 何をするか
corosync 3.x で `system.priority` を確認します。値は `max`、`min`、または整数（`-10` のような nice 値）でなければなりません。

## なぜ問題か
corosync は `corosync -t` が終了した後で `system.priority` を読むため、テストはどんな値も受け付けます（3.1.7 で `priority: foo` により確認済み）。実際の起動では \"Priority value foo is invalid\" で停止します。値は大文字と小文字を区別し、数値の後ろに何かを付けてもいけません。

## 例
```corosync
system {
    priority: high
}
```

## 対処
`max`、`min`、または `-10` のような数値を書くか、キーを削除してください。

## 参考
- `shared/reference/corosync-conf.md` §2.6（`system.priority`）、§3.1（段階 8）、§4、付録 A（`priority_bad`）、付録 B
- corosync `exec/main.c`（v3.1.7）、corosync.conf(5)",
    }
}

/// `max`, `min`, or what `strtol` reads completely as an `int`.
fn valid(v: &str) -> bool {
    if v == "max" || v == "min" {
        return true;
    }
    let t = v.trim_start_matches([' ', '\t', '\n', '\u{b}', '\u{c}', '\r']);
    let d = t.strip_prefix(['+', '-']).unwrap_or(t);
    if !d.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    // strtol of "" or "-" reads nothing and leaves the end at the terminator: 0.
    d.is_empty() || t.parse::<i32>().is_ok()
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) || ctx.major() < 3 {
        return;
    }
    let Some(k) = ctx.conf.value(&["system"], "priority") else {
        return;
    };
    if valid(k.value) {
        return;
    }
    out.push(diag(
        &META,
        Severity::Error,
        value_span(&k),
        Msg::new("C612.message")
            .arg("value", k.value)
            .arg("says", format!("Priority value {} is invalid", k.value)),
        Msg::new("C612.help"),
    ));
}
