use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Finds `logger_subsys` sections in `logging` without a `subsys` key.
    ///
    /// ## Why is this bad?
    /// The `subsys` key says which subsystem the settings are for; without it corosync refuses
    /// to start: "No subsys key in logger_subsys directive" (2.x/3.x parser; verified on 3.1.7),
    /// "subsys required for logger directive" in 1.x.
    ///
    /// ## Example
    /// ```corosync
    /// logging {
    ///     logger_subsys {
    ///         debug: on
    ///     }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Add `subsys:` with the subsystem name (for example `QUORUM`), or delete the section.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §1.5, §2.4, Appendix A (`logger_subsys_nosubsys`).
    /// - corosync `exec/coroparse.c` (v2.4.6, v3.1.7), `exec/mainconfig.c` (v1.4.10).
    pub static META = {
        code: "C401",
        name: "logger-subsys-without-subsys",
        severity: Error,
        docs_ja: "## 何をするか
`logging` の中で `subsys` キーのない `logger_subsys` セクションを検出します。

## なぜ問題か
`subsys` キーは設定の対象となるサブシステムを示します。ないと corosync は \"No subsys key in logger_subsys directive\"（2.x/3.x のパーサ、3.1.7 で確認済み）、1.x では \"subsys required for logger directive\" で起動しません。

## 例
```corosync
logging {
    logger_subsys {
        debug: on
    }
}
```

## 対処
サブシステム名（例: `QUORUM`）を `subsys:` として追加するか、セクションを削除してください。

## 参考
- `shared/reference/corosync-conf.md` §1.5、§2.4、付録 A（`logger_subsys_nosubsys`）
- corosync `exec/coroparse.c`（v2.4.6、v3.1.7）、`exec/mainconfig.c`（v1.4.10）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let says = if ctx.major() == 1 {
        "parse error in config: subsys required for logger directive."
    } else {
        "No subsys key in logger_subsys directive"
    };
    super::logging_subsection_without_key(ctx, out, &META, "logger_subsys", "subsys", says);
}
