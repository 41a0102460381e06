use super::model::Model;
use super::schema::Status;
use super::{
    SecClass, State, checked_places, diag, place_keys, releases, section_state, walk_sections,
};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Finds keys and sections that the targeted corosync still reads but has deprecated:
    /// `to_file` and `syslog_level` (all versions), `secauth` (2.x), `totem.nodeid` (2.x to
    /// 3.1.4), and the `member` section of `totem.interface` (2.x/3.x).
    ///
    /// ## Why is this bad?
    /// Deprecated settings still work but are on their way out: corosync prints a warning for
    /// several of them ("Warning: the to_file config parameter has been obsoleted...", "member
    /// section is deprecated.", "Please migrate config file to nodelist."), and a later release
    /// ignores or rejects them. In 3.x a `member` section is useless anyway, because 3.x requires
    /// a nodelist and then ignores members.
    ///
    /// ## Example
    /// ```corosync
    /// logging {
    ///     to_file: yes
    ///     syslog_level: info
    /// }
    /// ```
    ///
    /// The finding is a warning where corosync itself prints a warning, and information where
    /// the key still works silently (`secauth` in 2.x, `totem.nodeid` before 3.1.5).
    ///
    /// ## Fix
    /// Use the replacement the finding names (`to_logfile`, `syslog_priority`, `crypto_cipher`
    /// and `crypto_hash`, `nodelist.node.nodeid`, `nodelist.node.ring0_addr`).
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §2.1, §2.2, §2.4, §2.8 (deprecated, removed and
    ///   renamed), §3.1 (start-up warnings), Appendix A (`member_section`, `totem_nodeid`).
    /// - corosync `exec/logconfig.c` and `exec/totemconfig.c` v2.4.6, v3.1.7; corosync.conf(5).
    pub static META = {
        code: "C604",
        name: "deprecated-key",
        severity: Warning,
        docs_ja: "## 何をするか
対象の corosync がまだ読むものの非推奨としているキーとセクションを検出します。`to_file` と `syslog_level`（全バージョン）、`secauth`（2.x）、`totem.nodeid`（2.x〜3.1.4）、`totem.interface` の `member` セクション（2.x/3.x）が対象です。

## なぜ問題か
非推奨の設定は今は動きますが、いずれ使えなくなります。いくつかについては corosync 自身が警告を出し（\"Warning: the to_file config parameter has been obsoleted...\"、\"member section is deprecated.\"、\"Please migrate config file to nodelist.\"）、後のリリースでは無視されるか拒否されます。3.x はノードリストが必須で、その場合 `member` は無視されるため、3.x の `member` セクションは意味がありません。

corosync 自身が警告を出すものは警告、黙って今も動くもの（2.x の `secauth`、3.1.5 より前の `totem.nodeid`）は情報として報告します。

## 例
```corosync
logging {
    to_file: yes
    syslog_level: info
}
```

## 対処
検査結果が示す代わりの設定（`to_logfile`、`syslog_priority`、`crypto_cipher` と `crypto_hash`、`nodelist.node.nodeid`、`nodelist.node.ring0_addr`）を使ってください。

## 参考
- `shared/reference/corosync-conf.md` §2.1、§2.2、§2.4、§2.8（非推奨・廃止・名称変更）、§3.1（起動時の警告）、付録 A（`member_section`、`totem_nodeid`）
- corosync `exec/logconfig.c`、`exec/totemconfig.c`（v2.4.6、v3.1.7）、corosync.conf(5)",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let t = ctx.target;
    let model = Model::new(ctx);
    for place in checked_places(ctx) {
        for k in place_keys(ctx, &place) {
            if let State::Current(r) = super::state_at(ctx, &place, &k) {
                if r.status != Status::Deprecated {
                    continue;
                }
                let mut says_text = r.says;
                // 2.x–3.1.4 warn about `totem.nodeid` when the nodelist gives the local node an
                // id as well; when every node has one, that is certain.
                if place.path == "totem"
                    && k.name == "nodeid"
                    && model.has_nodelist()
                    && model.nodes().iter().all(|n| n.get("nodeid").is_some())
                {
                    says_text =
                        "nodeid appears both in totem section and nodelist. Nodelist one is used.";
                }
                let says = if says_text.is_empty() { "" } else { ".says" };
                let m = Msg::new(format!("C604.message{says}"))
                    .arg("key", k.name)
                    .arg("releases", releases(t, r.from, r.to))
                    .arg("says", says_text);
                let h = if r.replacement.is_empty() {
                    Msg::new("C604.help.delete").arg("key", k.name)
                } else {
                    Msg::new("C604.help")
                        .arg("key", k.name)
                        .arg("replacement", r.replacement)
                };
                // Info when corosync says nothing and the key still works; Warning when corosync
                // itself warns about it.
                let sev = if says_text.is_empty() {
                    Severity::Info
                } else {
                    Severity::Warning
                };
                let mut d = diag(&META, sev, k.key_span, m, h);
                // `to_file` → `to_logfile`, `syslog_level` → `syslog_priority`: same values,
                // same meaning (corosync-conf.md §2.4, §2.8).
                let title = Msg::new("fix.rename")
                    .arg("from", k.name)
                    .arg("to", r.replacement);
                super::rename_in_place(ctx, &place.path, &k, r.replacement, title, &mut d);
                out.push(d);
            }
        }
    }
    walk_sections(ctx, |s, path, class| {
        if class != SecClass::Checked {
            return;
        }
        if let State::Current(r) = section_state(t, path) {
            if r.status != Status::Deprecated {
                return;
            }
            // The only deprecated section is `totem.interface.member` (2.x/3.x).
            let says = if model.has_nodelist() {
                "member section is used together with nodelist. Members ignored."
            } else {
                "member section is deprecated."
            };
            let m = Msg::new("C604.message.member")
                .arg("section", s.name)
                .arg("releases", releases(t, r.from, r.to))
                .arg("says", says);
            let h = Msg::new("C604.help.member");
            out.push(diag(&META, Severity::Warning, s.name_span, m, h));
        }
    });
}
