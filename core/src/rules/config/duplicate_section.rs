use super::{diag, releases};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Related, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Finds a top-level section that is meant to appear once (`totem`, `logging`, `quorum`,
    /// `system`, `resources`, `nozzle`, `qb`, `network`, `aisexec`) written a second time.
    ///
    /// ## Why is this bad?
    /// corosync 1.x keeps both sections but reads only the first one: everything in the second
    /// is silently ignored. corosync 2.x/3.x merge them key by key, the later section winning
    /// (verified on 3.1.7: a second `totem { token: 1 }` fails validation). Either way the file
    /// does not say what corosync does. A second `nodelist` is C212; `uidgid`, `service` and
    /// the subsections such as `interface` or `node` are meant to repeat.
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
    /// Move the keys of the second section into the first and delete the second.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §1.4 (duplicates), Appendix A (`dup_section`,
    ///   `dup_logging`), Appendix B.
    /// - corosync `exec/coroparse.c` (v3.1.7), `exec/objdb.c` and `exec/totemconfig.c`
    ///   (v1.4.10).
    pub static META = {
        code: "C608",
        name: "duplicate-section",
        severity: Warning,
        docs_ja: "## 何をするか
1 回だけ書くはずのトップレベルのセクション（`totem`、`logging`、`quorum`、`system`、`resources`、`nozzle`、`qb`、`network`、`aisexec`）が 2 回書かれているものを検出します。

## なぜ問題か
corosync 1.x は両方を保持しますが最初のセクションしか読まないため、2 つ目の内容は黙って無視されます。corosync 2.x/3.x はキーごとに統合し、後のセクションの値が優先されます（3.1.7 で確認済み: 2 つ目の `totem { token: 1 }` で検証に失敗します）。どちらの場合も、設定ファイルの見た目と corosync の動作が一致しません。2 つ目の `nodelist` は C212 が扱います。`uidgid`、`service` と、`interface` や `node` などのサブセクションは繰り返して書くものです。

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
2 つ目のセクションのキーを 1 つ目に移し、2 つ目を削除してください。

## 参考
- `shared/reference/corosync-conf.md` §1.4（重複）、付録 A（`dup_section`、`dup_logging`）、付録 B
- corosync `exec/coroparse.c`（v3.1.7）、`exec/objdb.c` と `exec/totemconfig.c`（v1.4.10）",
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
    let mut first: std::collections::HashMap<&str, crate::diagnostic::Span> =
        std::collections::HashMap::new();
    let t = ctx.target;
    for s in conf.children(conf.root()) {
        if !ONCE.contains(&s.name) {
            continue;
        }
        let Some(orig) = first.get(s.name).copied() else {
            first.insert(s.name, s.name_span);
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
            span: orig,
            note: Msg::new("C608.related"),
        });
        out.push(d);
    }
}
