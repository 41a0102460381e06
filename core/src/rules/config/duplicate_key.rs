use super::{diag, is_foreign_logging_daemon};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Related, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Finds a key written twice in one section.
    ///
    /// ## Why is this bad?
    /// Every corosync version silently uses the last value (verified on 3.1.7), so editing the first
    /// line changes nothing. (`uid`/`gid` in `uidgid` are meant to repeat.)
    ///
    /// ## Example
    /// ```corosync
    /// totem {
    ///     token: 3000
    ///     token: 10000
    /// }
    /// ```
    ///
    /// ## Fix
    /// Keep one line.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §1.4, Appendix A (`dup_key_last_bad`).
    pub static META = {
        code: "C607",
        name: "duplicate-key",
        severity: Warning,
        docs_ja: "## 何をするか
1 つのセクションに 2 回書かれたキーを検出します。

## なぜ問題か
corosync はどのバージョンでも黙って最後の値を使うため（3.1.7 で確認済み）、最初の行を編集しても何も変わりません（`uidgid` の `uid`/`gid` は繰り返すものです）。

## 例
```corosync
totem {
    token: 3000
    token: 10000
}
```

## 対処
1 行だけ残してください。

## 参考
- `shared/reference/corosync-conf.md` §1.4、付録 A（`dup_key_last_bad`）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let conf = ctx.conf;
    let mut ids = vec![conf.root()];
    ids.extend(conf.all_sections().map(|s| s.id));
    for id in ids {
        let s = conf.section(id);
        // Only `logging.logging_daemon` needs its path: building it for every section would
        // cost the depth each time (quadratic on 100 000 nested sections).
        let shallow = s.name == "logging_daemon" && conf.tree.sections[id].depth <= 2;
        let path = if shallow {
            conf.path_of(id).join(".")
        } else {
            String::new()
        };
        if s.name == "uidgid" || is_foreign_logging_daemon(ctx, s, &path) {
            continue;
        }
        // The last line of each name wins; two passes, no copy of a section's keys.
        let mut last: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for k in conf.keys(id) {
            last.insert(k.name, k.line);
        }
        for k in conf.keys(id) {
            let w = last[k.name];
            if w == k.line || !ctx.listed(META.code, Severity::Warning, k.key_span) {
                continue;
            }
            let Some(winner) = conf.key_at(w) else {
                continue;
            };
            let mut d = diag(
                &META,
                Severity::Warning,
                k.key_span,
                Msg::new("C607.message")
                    .arg("key", k.name)
                    .arg("value", k.value)
                    .arg("last", winner.value),
                Msg::new("C607.help").arg("key", k.name),
            );
            d.related.push(Related {
                file: 0,
                span: winner.line_span,
                note: Msg::new("C607.related"),
            });
            out.push(d);
        }
    }
}
