use super::schema::{self, STACK_TOP_KEYS};
use super::{checked_places, diag, place_keys, releases, word_list};
use crate::declare_rule;
use crate::diagnostic::Edit;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;
use crate::text::did_you_mean;
use crate::version::Release;

declare_rule! {
    /// ## What it does
    /// Finds keys that no corosync release reads in the section they are in: misspellings
    /// (`two_nodes`, `Token`, `fail_to_recv_const`), keys put in the wrong section (`two_node` in
    /// `totem`), and keys at the top level. It suggests the closest valid key for the targeted
    /// version.
    ///
    /// ## Why is this bad?
    /// corosync stores unknown keys and never reads them, without any message (verified on 3.1.7
    /// with `Token: 10`), so the setting you meant is not applied. Key names are case-sensitive.
    /// Two sections are strict: `uidgid` accepts only `uid` and `gid` ("uidgid: Only uid and gid
    /// are allowed items") and `member` only `memberaddr` ("Only memberaddr is allowed in member
    /// section"); any other key stops corosync.
    ///
    /// Keys that exist only in other corosync versions are reported by C605 (removed or
    /// ignored) and C606 (added later) instead.
    ///
    /// ## Example
    /// ```corosync
    /// quorum {
    ///     provider: corosync_votequorum
    ///     two_nodes: 1
    /// }
    /// ```
    ///
    /// ## Fix
    /// Correct the spelling (the finding suggests a key), or move the key into the section it
    /// belongs to.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §1.4 (unknown keys are kept, unused, no message),
    ///   §1.5 (`uidgid`, `member`), §2 (keys per version), Appendix A (`unknown_key`,
    ///   `uppercase_key`, `uidgid_bad_key`, `member_bad_key`), Appendix B.
    /// - corosync `exec/coroparse.c` v3.1.7.
    pub static META = {
        code: "C602",
        name: "unknown-key",
        severity: Warning,
        docs_ja: "## 何をするか
どの corosync リリースも、そのセクションでは読まないキーを検出します。綴りの誤り（`two_nodes`、`Token`、`fail_to_recv_const`）、別のセクションに置くべきキー（`totem` の中の `two_node`）、トップレベルのキーが対象です。対象バージョンで有効な最も近いキーを示します。

## なぜ問題か
corosync は不明なキーを保存するだけで読まず、メッセージも出しません（3.1.7 で `Token: 10` により確認済み）。そのため、意図した設定は反映されません。キー名は大文字と小文字を区別します。`uidgid` は `uid` と `gid` だけ（\"uidgid: Only uid and gid are allowed items\"）、`member` は `memberaddr` だけ（\"Only memberaddr is allowed in member section\"）を受け付け、それ以外のキーがあると corosync は停止します。

他のバージョンにだけ存在するキーは C605（廃止・無視）と C606（後のリリースで追加）が報告します。

## 例
```corosync
quorum {
    provider: corosync_votequorum
    two_nodes: 1
}
```

## 対処
綴りを直すか（候補のキーを示します）、キーを本来のセクションに移してください。

## 参考
- `shared/reference/corosync-conf.md` §1.4（不明なキーは保存されるだけでメッセージもない）、§1.5（`uidgid`、`member`）、§2（バージョンごとのキー）、付録 A（`unknown_key`、`uppercase_key`、`uidgid_bad_key`、`member_bad_key`）、付録 B
- corosync `exec/coroparse.c` v3.1.7",
    }
}

/// Sections (other than `path`) where `key` is valid for the target, as a quoted list.
fn other_sections(key: &str, path: &str, from: Release, to: Release) -> Option<String> {
    let mut secs: Vec<&'static str> = schema::KEYS
        .iter()
        .filter(|d| {
            d.key.matches(key)
                && d.from <= to
                && from <= d.to
                && d.status != schema::Status::Ignored
                && !schema::section_matches(d.section, path)
        })
        .map(|d| match d.section {
            schema::SUBSYS => "logging",
            schema::RESOURCE => "resources.system.memory_used",
            s => s,
        })
        .collect();
    crate::sort::sort(&mut secs);
    secs.dedup();
    (!secs.is_empty()).then(|| word_list(&secs))
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let t = ctx.target;
    let mut names_cache: std::collections::HashMap<String, Vec<&'static str>> =
        std::collections::HashMap::new();
    let mut suggest_cache: std::collections::HashMap<(String, &str), Option<&'static str>> =
        std::collections::HashMap::new();
    for place in checked_places(ctx) {
        for k in place_keys(ctx, &place) {
            if k.name.is_empty() {
                continue; // E011 reports it
            }
            // Names cmap cannot store are syntax findings (E0xx) in 2.x/3.x.
            if ctx.major() >= 2 && !k.name.chars().all(crate::conf::syntax::is_cmap_name_char) {
                continue;
            }
            if place.path.is_empty() && STACK_TOP_KEYS.contains(&k.name) {
                continue;
            }
            if schema::key_rows(&place.path, k.name).next().is_some() {
                continue;
            }
            let base = |m: &str| {
                Msg::new(format!("C602.{m}"))
                    .arg("key", k.name)
                    .arg("section", place.path.clone())
                    .arg("version", t)
            };
            let mut rename = None;
            let (sev, message, help) = match place.path.as_str() {
                "uidgid" => (
                    Severity::Error,
                    base("message.uidgid")
                        .arg("releases", releases(t, schema::V1_FROM, schema::V3_TO)),
                    base("help.uidgid"),
                ),
                "totem.interface.member" if ctx.major() >= 2 => (
                    Severity::Error,
                    base("message.member")
                        .arg("releases", releases(t, schema::V2_FROM, schema::V3_TO)),
                    base("help.member"),
                ),
                _ => {
                    let top = if place.path.is_empty() { "_top" } else { "" };
                    // Suggestions depend only on (section, key): look each pair up once.
                    let suggestion = *suggest_cache
                        .entry((place.path.clone(), k.name))
                        .or_insert_with(|| {
                            let names = names_cache
                                .entry(place.path.clone())
                                .or_insert_with(|| schema::key_names(&place.path, t.from, t.to));
                            did_you_mean(k.name, names.iter().copied())
                        });
                    if let Some(s) = suggestion {
                        // A rename is safe when no other key is as close and the section does
                        // not already set the suggested key.
                        let names = &names_cache[&place.path];
                        if crate::text::did_you_mean_unique(k.name, names) == Some(s)
                            && ctx.conf.get(k.section, s).is_none()
                        {
                            rename = Some(s);
                        }
                        let variant = if s.eq_ignore_ascii_case(k.name) {
                            "case"
                        } else {
                            "suggest"
                        };
                        (
                            Severity::Warning,
                            base(&format!("message.{variant}{top}")).arg("suggest", s),
                            base("help.suggest").arg("suggest", s),
                        )
                    } else if let Some(sec) = other_sections(k.name, &place.path, t.from, t.to) {
                        (
                            Severity::Warning,
                            base(&format!("message.elsewhere{top}")).arg("suggest", sec.clone()),
                            base("help.elsewhere").arg("suggest", sec),
                        )
                    } else {
                        (
                            Severity::Warning,
                            base(&format!("message.plain{top}")),
                            base("help"),
                        )
                    }
                }
            };
            let mut d = diag(&META, sev, k.key_span, message, help);
            if let Some(to) = rename {
                let title = Msg::new("fix.rename").arg("from", k.name).arg("to", to);
                d.set_fix(title, vec![Edit::replace(k.key_span, to)]);
            }
            out.push(d);
        }
    }
}
