//! The rule registry. One file per rule; each declares its metadata and docs with
//! [`declare_rule!`] and exposes `pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>)`.
//!
//! Codes are stable and never reused:
//! - `E0xx` corosync.conf syntax (the parser's findings)
//! - `C1xx` totem, `C2xx` nodelist, `C3xx` quorum, `C4xx` logging, `C5xx` services and stack
//!   (the Pacemaker plugin, cman), `C6xx` whole-file checks (unknown keys, value types,
//!   deprecations, duplicates), `C7xx` the quorum device (what corosync-qdevice reads), `C8xx`
//!   the corosync.conf files of one cluster compared (`cluster/`) and upgrade steps
//!   (`migrate.rs`)
//! - `M0xx` cluster.conf XML, `M1xx` what cman/fenced/rgmanager read from it (`cman/`)
//! - `T1xx` the opt-in Trento profile (`trento/`)
//! - `X0xx` config and logs together: a log line explained with the settings behind it
//!   (`tie/`)
//! - `D0xx` input and detection (encoding, binary, what was pasted)
//! - `L…` log knowledge-base entries (see `logs::kb`)
//!
//! Docs are the doc comment on the declaration, with the headings `## What it does`,
//! `## Why is this bad?`, `## Example`, `## Fix`, `## References`; `docs_ja` holds the same in
//! Japanese. `tests::rule_docs_are_complete` enforces both.
//!
//! **Fixes.** When the right edit is unambiguous and keeps what the user meant, attach it
//! with one call; its title is a catalog key (`core/i18n/fix.cat`, en + ja):
//!
//! ```ignore
//! let d = diag(&META, sev, k.key_span, msg, help).with_fix(
//!     Msg::new("fix.rename").arg("from", k.name).arg("to", "two_node"),
//!     vec![Edit::replace(k.key_span, "two_node")],
//! );
//! ```
//!
//! Edits are `Edit::replace/insert/delete` over byte spans of the same text, must not
//! overlap, and must leave everything else as it is (`crate::fix::{indent, indent_unit, eol,
//! delete_line, insert_line_after}` help keep the file's indentation and line endings). The
//! fixed text must not carry the same finding at that place, and fixing must be idempotent:
//! `core/tests/fixes.rs` checks both on generated configs. No fix when a person has to choose.

use crate::conf::Conf;
use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::i18n::{Lang, Msg};
use crate::version::Target;

pub mod cluster;
pub mod cman;
pub mod config;
pub mod migrate;
pub mod plugin;
pub mod syntax;
pub mod tie;
pub mod trento;

/// Static facts about a rule.
#[derive(Debug)]
pub struct RuleMeta {
    pub code: &'static str,
    /// kebab-case, names the bad pattern: `duplicate-nodeid`.
    pub name: &'static str,
    pub severity: Severity,
    /// Markdown, English (the doc comment). Empty without the `docs` feature.
    pub docs: &'static str,
    /// Markdown, Japanese.
    pub docs_ja: &'static str,
    pub file: &'static str,
    pub line: u32,
}

impl RuleMeta {
    /// The docs in a language, with the one-space indent of doc comments removed.
    pub fn docs(&self, lang: Lang) -> String {
        let raw = match lang {
            Lang::En => self.docs,
            Lang::Ja => self.docs_ja,
        };
        let mut out = String::with_capacity(raw.len());
        for line in raw.lines() {
            // Doc comments carry one space after `///`; the Japanese text is a plain literal.
            let line = if lang == Lang::En {
                line.strip_prefix(' ').unwrap_or(line)
            } else {
                line
            };
            out.push_str(line);
            out.push('\n');
        }
        out.trim().to_string()
    }

    /// A diagnostic for this rule with its default severity.
    pub fn diag(&'static self, span: Span, message: Msg) -> Diagnostic {
        Diagnostic::new(self.code, self.severity, span, message)
    }
}

/// Declare a rule's metadata with its docs as the doc comment.
///
/// ```ignore
/// declare_rule! {
///     /// ## What it does
///     /// ...
///     pub static META = {
///         code: "C501",
///         name: "pacemaker-plugin-in-use",
///         severity: Error,
///         docs_ja: "## 何をするか\n...",
///     }
/// }
/// ```
#[macro_export]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:expr])*
        $vis:vis static $ident:ident = {
            code: $code:literal,
            name: $name:literal,
            severity: $sev:ident,
            docs_ja: $ja:expr $(,)?
        }
    ) => {
        $vis static $ident: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
            code: $code,
            name: $name,
            severity: $crate::diagnostic::Severity::$sev,
            docs: if cfg!(feature = "docs") { concat!($($doc, "\n"),*) } else { "" },
            docs_ja: if cfg!(feature = "docs") { $ja } else { "" },
            file: file!(),
            line: line!(),
        };
    };
}

/// What kind of corosync config a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum ConfRole {
    /// `/etc/corosync/corosync.conf`
    Main,
    /// A `/etc/corosync/service.d/*` fragment (1.x), e.g. `pcmk`.
    ServiceFragment,
}

/// Everything a config rule may look at.
pub struct Ctx<'a> {
    pub conf: Conf<'a>,
    pub target: Target,
    /// True when the user pinned the version; false when corocheck inferred it.
    pub pinned: bool,
    pub role: ConfRole,
    /// What else is known about the system (distribution, pacemaker version) from all inputs.
    pub facts: &'a crate::stack::Facts,
    /// The config as corosync reads it, built once and shared by every rule.
    model: std::cell::OnceCell<config::model::Model<'a>>,
    /// `quoted_value::text_keys`, shared by the two rules that read it.
    pub(crate) text_keys: std::cell::OnceCell<Vec<crate::conf::KeyRef<'a>>>,
    /// Findings counted by [`Ctx::listed`] instead of built: code, severity, the first one's
    /// span, how many.
    pub(crate) counted: std::cell::RefCell<Vec<crate::detect::Counted>>,
    /// `config::key_state` of each key of the checked places, as (line, state) sorted by
    /// line (`config::state_at`).
    pub(crate) key_states: std::cell::OnceCell<Vec<(usize, config::State<config::schema::KeyDef>)>>,
    /// Where `config::state_at` expects the next key (an index into `key_states`).
    pub(crate) key_state_next: std::cell::Cell<usize>,
}

impl<'a> Ctx<'a> {
    pub fn new(
        conf: Conf<'a>,
        target: Target,
        pinned: bool,
        role: ConfRole,
        facts: &'a crate::stack::Facts,
    ) -> Self {
        Ctx {
            conf,
            target,
            pinned,
            role,
            facts,
            model: std::cell::OnceCell::new(),
            text_keys: std::cell::OnceCell::new(),
            counted: Default::default(),
            key_states: std::cell::OnceCell::new(),
            key_state_next: std::cell::Cell::new(0),
        }
    }

    /// For a rule that may find something on every line: call before building a finding.
    /// True for the first [`crate::detect::MAX_SAME_CODE`] of a code and severity; after that
    /// the finding is only counted (the report lists none past that number and says how many
    /// in D007), so a million of them cost no million messages.
    pub fn listed(&self, code: &'static str, severity: Severity, span: Span) -> bool {
        crate::detect::listed(&mut self.counted.borrow_mut(), code, severity, span)
    }

    pub fn major(&self) -> u8 {
        self.target.major_num()
    }

    /// The shared model of what corosync will use (merged sections, nodes, effective timers).
    pub fn model(&self) -> &config::model::Model<'a> {
        self.model.get_or_init(|| config::model::Model::new(self))
    }
}

pub type CheckFn = fn(&Ctx, &mut Vec<Diagnostic>);

pub struct Rule {
    pub meta: &'static RuleMeta,
    pub check: CheckFn,
}

/// Every config rule, in the order they run.
pub fn all() -> Vec<Rule> {
    let mut v = syntax::rules();
    v.extend(plugin::rules());
    v.extend(config::rules());
    v
}

/// Every code with metadata: config rules plus detection codes (log codes live in the KB).
pub fn all_meta() -> Vec<&'static RuleMeta> {
    let mut v: Vec<&'static RuleMeta> = all().iter().map(|r| r.meta).collect();
    v.extend(cman::rules().iter().map(|r| r.meta));
    v.extend(crate::detect::metas());
    v.extend(cluster::metas());
    v.extend(tie::metas());
    v.extend(trento::metas());
    v.push(&migrate::META);
    crate::sort::sort_by_key(&mut v, |m| m.code);
    v
}

/// Look a rule up by code or name.
pub fn find(code_or_name: &str) -> Option<&'static RuleMeta> {
    all_meta()
        .into_iter()
        .find(|m| m.code.eq_ignore_ascii_case(code_or_name) || m.name == code_or_name)
}

/// Run every rule on one config.
pub fn run(ctx: &Ctx) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for r in all() {
        (r.check)(ctx, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_and_names_are_unique() {
        let metas = all_meta();
        let mut codes = HashSet::new();
        let mut names = HashSet::new();
        for m in &metas {
            assert!(codes.insert(m.code), "duplicate code {}", m.code);
            assert!(names.insert(m.name), "duplicate name {}", m.name);
            assert!(
                m.name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{}: name not kebab-case",
                m.code
            );
        }
    }

    #[test]
    fn rule_docs_are_complete() {
        for m in all_meta() {
            let en = m.docs(Lang::En);
            for h in [
                "## What it does",
                "## Why is this bad?",
                "## Example",
                "## Fix",
                "## References",
            ] {
                assert!(en.contains(h), "{} docs lack {h:?}", m.code);
            }
            let ja = m.docs(Lang::Ja);
            for h in [
                "## 何をするか",
                "## なぜ問題か",
                "## 例",
                "## 対処",
                "## 参考",
            ] {
                assert!(ja.contains(h), "{} Japanese docs lack {h:?}", m.code);
            }
        }
    }

    #[test]
    fn rule_messages_exist_in_catalog() {
        // Every rule has at least `<code>.message` and `<code>.help` in the catalog.
        let cat = crate::i18n::catalog();
        for m in all_meta() {
            for suffix in ["message", "help"] {
                let k = format!("{}.{suffix}", m.code);
                assert!(cat.contains_key(&k), "catalog lacks {k}");
            }
        }
    }
}
