use super::{diag, is_foreign_logging_daemon};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Related, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Finds a key written twice in the same section, such as two `token` lines in one
    /// `totem` section.
    ///
    /// ## Why is this bad?
    /// Every corosync version keeps only the last value: 1.x replaces the key in its object
    /// tree, 2.x/3.x overwrite the cmap key (verified on 3.1.7: `token: 1` then `token: 3000`
    /// passes `corosync -t`, the reverse fails). Nothing is printed, so whoever edits the first
    /// line changes nothing. `uid` and `gid` in `uidgid` are the exception: each one counts.
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
    /// Delete the line that does not apply and keep one value.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §1.4 (duplicates), Appendix A (`dup_key_last_good`,
    ///   `dup_key_last_bad`).
    /// - corosync `exec/coroparse.c` (v3.1.7), `exec/objdb.c` (v1.4.10).
    pub static META = {
        code: "C607",
        name: "duplicate-key",
        severity: Warning,
        docs_ja: "## 何をするか
同じセクションに 2 回書かれたキー（1 つの `totem` セクションに `token` の行が 2 つあるなど）を検出します。

## なぜ問題か
corosync はどのバージョンでも最後の値だけを使います。1.x はオブジェクトツリーのキーを置き換え、2.x/3.x は cmap のキーを上書きします（3.1.7 で確認済み: `token: 1` の後に `token: 3000` なら `corosync -t` は通り、逆順では失敗します）。何も出力されないため、最初の行を編集しても何も変わりません。例外は `uidgid` の `uid` と `gid` で、それぞれが有効です。

## 例
```corosync
totem {
    token: 3000
    token: 10000
}
```

## 対処
使われない方の行を削除し、値を 1 つにしてください。

## 参考
- `shared/reference/corosync-conf.md` §1.4（重複）、付録 A（`dup_key_last_good`、`dup_key_last_bad`）
- corosync `exec/coroparse.c`（v3.1.7）、`exec/objdb.c`（v1.4.10）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let conf = ctx.conf;
    let mut ids = vec![conf.root()];
    ids.extend(conf.all_sections().map(|s| s.id));
    for id in ids {
        let s = conf.section(id);
        let path = conf.path_of(id).join(".");
        if s.name == "uidgid" || is_foreign_logging_daemon(ctx, s, &path) {
            continue;
        }
        let keys: Vec<_> = conf.keys(id).collect();
        let mut last: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for (i, k) in keys.iter().enumerate() {
            last.insert(k.name, i);
        }
        for (i, k) in keys.iter().enumerate() {
            let winner = &keys[last[k.name]];
            if last[k.name] == i {
                continue;
            }
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
