use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Finds `logging_daemon` sections in `logging` without a `name` key.
    ///
    /// ## Why is this bad?
    /// `name` says which daemon the settings are for (`corosync` for corosync itself); without
    /// it corosync refuses to start: "No name key in logging_daemon directive" (2.x/3.x parser;
    /// verified on 3.1.7), "name required for logging_daemon directive" in 1.x.
    ///
    /// ## Example
    /// ```corosync
    /// logging {
    ///     logging_daemon {
    ///         subsys: QUORUM
    ///         debug: on
    ///     }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Add `name: corosync`, or better use a `logger_subsys` section for corosync's own
    /// subsystems.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §1.5, §2.4, Appendix A (`logging_daemon_noname`).
    /// - corosync `exec/coroparse.c` (v2.4.6, v3.1.7), `exec/mainconfig.c` (v1.4.10).
    pub static META = {
        code: "C402",
        name: "logging-daemon-without-name",
        severity: Error,
        docs_ja: "## 何をするか
`logging` の中で `name` キーのない `logging_daemon` セクションを検出します。

## なぜ問題か
`name` は設定の対象となるデーモン（corosync 自身なら `corosync`）を示します。ないと corosync は \"No name key in logging_daemon directive\"（2.x/3.x のパーサ、3.1.7 で確認済み）、1.x では \"name required for logging_daemon directive\" で起動しません。

## 例
```corosync
logging {
    logging_daemon {
        subsys: QUORUM
        debug: on
    }
}
```

## 対処
`name: corosync` を追加してください。corosync 自身のサブシステムには `logger_subsys` セクションを使うほうが適切です。

## 参考
- `shared/reference/corosync-conf.md` §1.5、§2.4、付録 A（`logging_daemon_noname`）
- corosync `exec/coroparse.c`（v2.4.6、v3.1.7）、`exec/mainconfig.c`（v1.4.10）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let says = if ctx.major() == 1 {
        "parse error in config: name required for logging_daemon directive."
    } else {
        "No name key in logging_daemon directive"
    };
    super::logging_subsection_without_key(ctx, out, &META, "logging_daemon", "name", says);
}
