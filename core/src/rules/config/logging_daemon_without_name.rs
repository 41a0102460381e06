use super::{diag, releases};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
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
    let conf = ctx.conf;
    let says = if ctx.major() == 1 {
        "parse error in config: name required for logging_daemon directive."
    } else {
        "No name key in logging_daemon directive"
    };
    let rel = releases(ctx.target, ctx.target.from, ctx.target.to);
    for logging in conf.children_named(conf.root(), "logging") {
        for s in conf.children_named(logging.id, "logging_daemon") {
            if conf.get(s.id, "name").is_none() {
                let msg = Msg::new("C402.message")
                    .arg("releases", rel.clone())
                    .arg("says", says);
                let mut d = diag(
                    &META,
                    Severity::Error,
                    s.name_span,
                    msg,
                    Msg::new("C402.help"),
                );
                // corosync notices at the closing brace and names that line.
                d.related.extend(super::at_close_brace(ctx, s.id));
                out.push(d);
            }
        }
    }
}
