use super::{diag, value_span, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Checks `system.priority` (3.x): `max`, `min` or a whole number.
    ///
    /// ## Why is this bad?
    /// `corosync -t` exits before reading it (verified on 3.1.7 with `foo`); a real start stops with
    /// "Priority value foo is invalid".
    ///
    /// ## Example
    /// ```corosync
    /// system {
    ///     priority: high
    /// }
    /// ```
    ///
    /// ## Fix
    /// Write `max`, `min` or a number such as `-10`.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §2.6, §4, Appendix A (`priority_bad`).
    pub static META = {
        code: "C612",
        name: "system-priority-invalid",
        severity: Error,
        docs_ja: "## 何をするか
`system.priority`（3.x）が `max`、`min` または整数であることを確認します。

## なぜ問題か
`corosync -t` はこの値を読む前に終了しますが（3.1.7 で `foo` により確認済み）、実際の起動は \"Priority value foo is invalid\" で停止します。

## 例
```corosync
system {
    priority: high
}
```

## 対処
`max`、`min`、または `-10` のような数値を書いてください。

## 参考
- `shared/reference/corosync-conf.md` §2.6、§4、付録 A（`priority_bad`）",
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
