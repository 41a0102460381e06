use super::schema::{self, V3_FROM};
use super::{SecClass, diag, releases, walk_sections};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;
use crate::text::did_you_mean;
use crate::version::Release;

declare_rule! {
    /// ## What it does
    /// Finds sections that the targeted corosync does not read: misspelled names (`totme`,
    /// `Quorum`), sections placed at the wrong level, and subsections inside sections that take
    /// only keys (`uidgid`, `member`, `logger_subsys`, `node`).
    ///
    /// ## Why is this bad?
    /// corosync stores an unknown section as plain strings and never reads them, without any
    /// message: everything inside is silently ignored. Section names are case-sensitive.
    /// A subsection inside `logger_subsys` crashes corosync 3.x before 3.1.10 (SIGSEGV, verified
    /// on 3.1.7); from 3.1.10, subsections inside `uidgid` and `member` stop it with
    /// "Subsections are not allowed within uidgid section". Before 3.1.10 a subsection inside
    /// `node` also shifted the numbering of the following nodes.
    ///
    /// The sections of the Pacemaker plugin era (`service`, `aisexec`, `amf`, `event`) are
    /// checked by the stack rules (C5xx), not here.
    ///
    /// ## Example
    /// ```corosync
    /// qourum {
    ///     provider: corosync_votequorum
    /// }
    /// ```
    ///
    /// ## Fix
    /// Correct the name, or move the section to where corosync.conf(5) puts it.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §1.4 (unknown sections are kept and unused;
    ///   subsections inside special sections), §2 (sections per version), Appendix A
    ///   (`unknown_section`, `deep_nesting`, `logger_subsys_nested`, `uidgid_subsection`,
    ///   `nodelist_subsection`).
    /// - corosync `exec/coroparse.c` v3.1.7 and v3.1.10 (commits ff103996, a14311a5).
    pub static META = {
        code: "C601",
        name: "unknown-section",
        severity: Warning,
        docs_ja: "## 何をするか
対象の corosync が読まないセクションを検出します。綴りの誤り（`totme`、`Quorum`）、置く階層の誤り、キーしか持てないセクション（`uidgid`、`member`、`logger_subsys`、`node`）の中のサブセクションが対象です。

## なぜ問題か
corosync は不明なセクションを文字列として保存するだけで読まず、メッセージも出しません。中の設定はすべて黙って無視されます。セクション名は大文字と小文字を区別します。`logger_subsys` の中にサブセクションがあると、3.1.10 より前の corosync 3.x はクラッシュします（SIGSEGV、3.1.7 で確認済み）。3.1.10 以降は `uidgid` や `member` の中のサブセクションで \"Subsections are not allowed within uidgid section\" などを出して停止します。3.1.10 より前は、`node` の中のサブセクションが後続ノードの番号をずらしていました。

Pacemaker プラグイン時代のセクション（`service`、`aisexec`、`amf`、`event`）はスタックの規則（C5xx）が検査します。

## 例
```corosync
qourum {
    provider: corosync_votequorum
}
```

## 対処
セクション名を正しく直すか、corosync.conf(5) が示す位置に移してください。

## 参考
- `shared/reference/corosync-conf.md` §1.4（不明なセクションは保存されるだけで使われない、特殊なセクション内のサブセクション）、§2（バージョンごとのセクション）、付録 A（`unknown_section`、`deep_nesting`、`logger_subsys_nested`、`uidgid_subsection`、`nodelist_subsection`）
- corosync `exec/coroparse.c` v3.1.7 と v3.1.10（コミット ff103996、a14311a5）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let t = ctx.target;
    walk_sections(ctx, |s, path, class| {
        if class != SecClass::Unknown {
            return;
        }
        // Names cmap cannot store are syntax findings (E0xx) in 2.x/3.x.
        if t.major_num() >= 2 && !s.name.chars().all(crate::conf::syntax::is_cmap_name_char) {
            return;
        }
        let parent = path.rsplit_once('.').map(|(p, _)| p).unwrap_or("");
        let parent_canon = schema::canonical_section(parent).into_owned();
        let name = s.name;
        let base = |k: &str| {
            Msg::new(format!("C601.{k}"))
                .arg("section", name)
                .arg("parent", parent)
                .arg("version", t)
        };
        let (sev, message, help) = match parent_canon.as_str() {
            "logging.logger_subsys" if t.overlaps(V3_FROM, Release(3, 1, 9)) => (
                Severity::Error,
                base("message.crash").arg("releases", releases(t, V3_FROM, Release(3, 1, 9))),
                base("help.flatten"),
            ),
            "uidgid" | "totem.interface.member" if t.any_at_least(Release(3, 1, 10)) => {
                let says = format!("Subsections are not allowed within {parent_canon} section");
                (
                    Severity::Error,
                    base("message.subsection_error")
                        .arg("releases", releases(t, Release(3, 1, 10), schema::V3_TO))
                        .arg("says", says),
                    base("help.flatten"),
                )
            }
            // Before 3.1.10 the subsection's `}` advances the node counter: keys after it land
            // in the next node, which corosync then rejects or misreads (verified on 3.1.7).
            "nodelist.node" if t.any_before(Release(3, 1, 10)) => (
                if keys_after(ctx, s.id) {
                    Severity::Error
                } else {
                    Severity::Warning
                },
                base("message.node_subsection"),
                base("help.flatten"),
            ),
            "uidgid"
            | "totem.interface.member"
            | "logging.logger_subsys"
            | "logging.logging_daemon"
            | "nodelist.node" => (
                Severity::Warning,
                base("message.subsection"),
                base("help.flatten"),
            ),
            _ => {
                let names = schema::subsection_names(&parent_canon, t.from, t.to);
                let nested = if parent.is_empty() { "" } else { "_nested" };
                match did_you_mean(name, names.iter().copied()) {
                    Some(sugg) => {
                        let variant = if sugg.eq_ignore_ascii_case(name) {
                            "case"
                        } else {
                            "suggest"
                        };
                        (
                            Severity::Warning,
                            base(&format!("message.{variant}{nested}")).arg("suggest", sugg),
                            base("help.suggest").arg("suggest", sugg),
                        )
                    }
                    None => (
                        Severity::Warning,
                        base(&format!("message.plain{nested}")),
                        base("help"),
                    ),
                }
            }
        };
        out.push(diag(&META, sev, s.name_span, message, help));
    });
}

/// Does the section that holds `id` have keys after it?
fn keys_after(ctx: &Ctx, id: crate::conf::SectionId) -> bool {
    let Some(parent) = ctx.conf.tree.sections[id].parent else {
        return false;
    };
    let items = &ctx.conf.tree.sections[parent].items;
    items
        .iter()
        .skip_while(|it| **it != crate::conf::Item::Section(id))
        .any(|it| matches!(it, crate::conf::Item::Key(_)))
}
