use super::num;
use super::{diag, releases, value_span, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Edit, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Checks that `totem` sets `version: 2`.
    ///
    /// ## Why is this bad?
    /// Every corosync release (1.x, 2.x, 3.x) requires `version: 2` in `totem` and refuses to
    /// start without it, or with any other number: "parse error in config: This totem parser
    /// can only parse version 2 configurations." (verified on 3.1.7 with no `version` and with
    /// `version: 3`). The number is the version of the config format, not of corosync, so
    /// `version: 3` for corosync 3 is a common mistake. corosync 1.x compares the text with
    /// `2` exactly, so `+2` or `02` fail there too.
    ///
    /// ## Example
    /// ```corosync
    /// totem {
    ///     version: 3
    ///     cluster_name: mycluster
    /// }
    /// ```
    ///
    /// ## Fix
    /// Write `version: 2` in the `totem` section.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §2.1 (`version`), §3.3, Appendix A (`no_version`,
    ///   `version_3`).
    /// - corosync `exec/totemconfig.c` `totem_config_validate` (v1.4.10, v2.4.6, v3.1.7).
    pub static META = {
        code: "C101",
        name: "totem-version-not-2",
        severity: Error,
        docs_ja: "## 何をするか
`totem` に `version: 2` があるかを確認します。

## なぜ問題か
corosync のどのリリース（1.x、2.x、3.x）も `totem` に `version: 2` を必要とし、ない場合や他の数値の場合は \"parse error in config: This totem parser can only parse version 2 configurations.\" で起動しません（3.1.7 で `version` なしと `version: 3` により確認済み）。この数値は設定ファイル形式のバージョンで、corosync のバージョンではありません。corosync 3 だから `version: 3` と書くのはよくある誤りです。corosync 1.x は文字列を `2` と完全一致で比べるため、`+2` や `02` も失敗します。

## 例
```corosync
totem {
    version: 3
    cluster_name: mycluster
}
```

## 対処
`totem` セクションに `version: 2` を書いてください。

## 参考
- `shared/reference/corosync-conf.md` §2.1（`version`）、§3.3、付録 A（`no_version`、`version_3`）
- corosync `exec/totemconfig.c` の `totem_config_validate`（v1.4.10、v2.4.6、v3.1.7）",
    }
}

const SAYS: &str =
    "parse error in config: This totem parser can only parse version 2 configurations.";

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) {
        return;
    }
    let m = ctx.model();
    let rel = releases(ctx.target, ctx.target.from, ctx.target.to);
    match m.totem_key("version") {
        None => {
            let msg = Msg::new("C101.message.missing")
                .arg("releases", rel)
                .arg("says", SAYS);
            let mut d = diag(
                &META,
                Severity::Error,
                m.totem_anchor(),
                msg,
                Msg::new("C101.help.missing"),
            );
            // 2 is the only value corosync accepts: add it as the first line of the first
            // `totem` section.
            let conf = &ctx.conf;
            if let Some(t) = conf.children_named(0, "totem").next() {
                let open = conf.tree.sections[t.id].open_line;
                let inner = [
                    crate::fix::indent(conf, open),
                    crate::fix::indent_unit(conf),
                ]
                .concat();
                // Only in a file whose braces are in order: their fixes move lines first.
                if !crate::fix::braces_unsettled(conf)
                    && let Some(e) = crate::fix::insert_line_after(conf, open, &inner, "version: 2")
                {
                    let title = Msg::new("fix.add-key")
                        .arg("key", "version")
                        .arg("value", 2)
                        .arg("section", "totem");
                    d.set_fix(title, vec![e]);
                }
            }
            out.push(d);
        }
        Some(k) => {
            let ok = if ctx.major() == 1 {
                k.value == "2"
            } else {
                match num::strtoll_strict(k.value) {
                    Some(2) => true,
                    Some(v) if (0..=i64::from(u32::MAX)).contains(&v) => false,
                    _ => return, // not a uint32: C603 reports it
                }
            };
            if !ok {
                let msg = Msg::new("C101.message")
                    .arg("value", k.value)
                    .arg("releases", rel)
                    .arg("says", SAYS);
                let mut d = diag(
                    &META,
                    Severity::Error,
                    value_span(&k),
                    msg,
                    Msg::new("C101.help"),
                );
                if !k.value_span.is_empty() {
                    let title = Msg::new("fix.value").arg("from", k.value).arg("to", 2);
                    d.set_fix(title, vec![Edit::replace(k.value_span, "2")]);
                }
                out.push(d);
            }
        }
    }
}
