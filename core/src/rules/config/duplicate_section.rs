use super::{diag, releases};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Related, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Finds a second top-level `totem`, `logging`, `quorum`, `system`, `resources`, `nozzle`, `qb`,
    /// `network` or `aisexec` section.
    ///
    /// ## Why is this bad?
    /// corosync 1.x reads only the first and ignores the second; 2.x/3.x merge them key by key, the
    /// later winning (verified on 3.1.7). Either way the file misleads. A second `nodelist` is C212.
    ///
    /// ## Example
    /// ```corosync
    /// totem {
    ///     version: 2
    /// }
    /// totem {
    ///     token: 10000
    /// }
    /// ```
    ///
    /// ## Fix
    /// Move the keys into the first section and delete the second.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §1.4, Appendix A (`dup_section`), Appendix B.
    pub static META = {
        code: "C608",
        name: "duplicate-section",
        severity: Warning,
        docs_ja: "## 何をするか
トップレベルの `totem`、`logging`、`quorum`、`system`、`resources`、`nozzle`、`qb`、`network`、`aisexec` の 2 つ目のセクションを検出します。

## なぜ問題か
corosync 1.x は最初のセクションだけを読み 2 つ目を無視します。2.x/3.x はキーごとに統合し、後の値が優先されます（3.1.7 で確認済み）。どちらでも設定ファイルの見た目と動作が食い違います。2 つ目の `nodelist` は C212 が扱います。

## 例
```corosync
totem {
    version: 2
}
totem {
    token: 10000
}
```

## 対処
キーを 1 つ目のセクションに移し、2 つ目を削除してください。

## 参考
- `shared/reference/corosync-conf.md` §1.4、付録 A（`dup_section`）、付録 B",
    }
}

const ONCE: &[&str] = &[
    "totem",
    "logging",
    "quorum",
    "system",
    "resources",
    "nozzle",
    "qb",
    "network",
    "aisexec",
];

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let conf = ctx.conf;
    let mut first: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let t = ctx.target;
    for s in conf.children(conf.root()) {
        if !ONCE.contains(&s.name) {
            continue;
        }
        let Some(orig) = first.get(s.name).copied() else {
            first.insert(s.name, s.id);
            continue;
        };
        let key = if ctx.major() == 1 {
            "C608.message.ignored"
        } else {
            "C608.message"
        };
        let mut d = diag(
            &META,
            Severity::Warning,
            s.name_span,
            Msg::new(key)
                .arg("section", s.name)
                .arg("releases", releases(t, t.from, t.to)),
            Msg::new("C608.help").arg("section", s.name),
        );
        d.related.push(Related {
            file: 0,
            span: conf.section(orig).name_span,
            note: Msg::new("C608.related"),
        });
        out.push(d);
    }
}
