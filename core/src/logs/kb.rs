//! The log-message knowledge base: what a cluster log message means, why it appears and what to
//! do, in English and Japanese.
//!
//! The entries are data, in `core/kb/*.kb`, compiled in with `include_str!` and parsed once.
//!
//! # File format
//!
//! ```text
//! # comment
//! @pcmk-plugin-unsupported
//! code: L001
//! component: corosync [pcmk] (Pacemaker plugin, RHEL 6 build)
//! versions: pacemaker-rhel6 1.1.8..
//! severity: warning
//! template: You have configured a cluster using the Pacemaker plugin for Corosync. …
//! keys: service.name service.ver
//! summary.en: …
//! summary.ja: …
//! meaning.en: …
//! meaning.ja: …
//! cause.en: …          (repeat cause.en/cause.ja pairs, in order)
//! cause.ja: …
//! action.en: …         (repeat; the first action is the help line)
//! action.ja: …
//! example: Aug 26 16:20:37 corosync [pcmk  ] ERROR: process_ais_conf: You have …
//! source: logs.md §2.8 #92; corosync-conf.md §5
//! ```
//!
//! - `@id` starts an entry; ids are kebab-case, codes are `L` and three digits, both unique.
//! - `template:` (one or more) is the printf-style format string from the source (see
//!   [`super::template`]); the most specific matching template over all entries wins.
//! - `only:` (optional) lists subsystems or daemons (`MAIN`, `fenced`); the entry then matches
//!   only records from one of them (for short, generic texts such as `Could not open %s: %s`).
//! - `refines:` (optional) names entries whose templates also match this entry's messages, less
//!   specifically (`Service engine '%s' failed … 'configuration error: nodelist …'` refines the
//!   generic service-engine failure).
//! - `versions:` is `product first..last` ranges separated by `;`; an empty `last` means the
//!   text is still in the newest release examined in `logs.md`. Products: `corosync`,
//!   `pacemaker`, `pacemaker-rhel6` (Red Hat's RHEL 6 build), `knet`, `openais`, `cluster`
//!   (RHEL 6 cman/fenced, cluster 3.0), `heartbeat`, `qdevice`.
//! - `severity:` is what the message means for the administrator (`error`, `warning`, `info`),
//!   not the level the daemon printed.
//! - `example:` lines are whole log lines in a real format (prefix included); tests check that
//!   each one is read as one record matching this entry and no other (apart from `refines`).
//! - Values are one line each. Text is rendered through `i18n::fill`, so a `{name}` would be
//!   taken as a placeholder: the texts do not use braces.
//!
//! # Text keys
//!
//! `kb.<id>.summary`, `kb.<id>.meaning`, `kb.<id>.action` (the first action),
//! `kb.<id>.action.<n>` and `kb.<id>.cause.<n>` (1-based), `kb.<id>.actions` and
//! `kb.<id>.causes` (all, one per line, each starting with `- `). [`crate::i18n::lookup`] falls
//! back to [`text`] for these keys.

use crate::vecmap::VecMap;
use std::sync::OnceLock;

use super::template::Template;
use crate::diagnostic::Severity;
use crate::i18n::Lang;

/// Messages longer than this are not matched (no message in the KB comes near it; the cap keeps
/// matching cheap on pathological input).
pub const MAX_MATCH_LEN: usize = 4096;

/// The KB files, in load order.
pub const SOURCES: &[(&str, &str)] = &[
    (
        "stack.kb",
        include_str!(concat!(env!("OUT_DIR"), "/stack.kb")),
    ),
    (
        "totem.kb",
        include_str!(concat!(env!("OUT_DIR"), "/totem.kb")),
    ),
    (
        "knet.kb",
        include_str!(concat!(env!("OUT_DIR"), "/knet.kb")),
    ),
    (
        "quorum.kb",
        include_str!(concat!(env!("OUT_DIR"), "/quorum.kb")),
    ),
    (
        "main.kb",
        include_str!(concat!(env!("OUT_DIR"), "/main.kb")),
    ),
    (
        "crypto.kb",
        include_str!(concat!(env!("OUT_DIR"), "/crypto.kb")),
    ),
    (
        "fencing.kb",
        include_str!(concat!(env!("OUT_DIR"), "/fencing.kb")),
    ),
    (
        "resources.kb",
        include_str!(concat!(env!("OUT_DIR"), "/resources.kb")),
    ),
];

/// Products a version range may name.
pub const PRODUCTS: &[&str] = &[
    "corosync",
    "pacemaker",
    "pacemaker-rhel6",
    "knet",
    "openais",
    "cluster",
    "heartbeat",
    "qdevice",
];

/// Text in both languages.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text {
    pub en: String,
    pub ja: String,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Ja => &self.ja,
        }
    }
}

/// Releases of one product that print the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionRange {
    pub product: String,
    /// First release with the text, as written in `logs.md` (`0.99`, `1.1.8`, `2.99.1`).
    pub first: String,
    /// Last release with the text; `None` when the newest release examined still has it.
    pub last: Option<String>,
}

impl std::fmt::Display for VersionRange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.last {
            Some(l) => write!(f, "{} {}–{}", self.product, self.first, l),
            None => write!(f, "{} {}+", self.product, self.first),
        }
    }
}

/// One knowledge-base entry.
#[derive(Debug, Clone)]
pub struct Entry {
    /// kebab-case, stable.
    pub id: String,
    /// `L` + three digits, stable.
    pub code: String,
    /// Who prints it: `corosync [TOTEM]`, `pacemaker-fenced`, ….
    pub component: String,
    pub versions: Vec<VersionRange>,
    /// What the message means for the administrator.
    pub severity: Severity,
    /// printf-style templates, as in the source.
    pub templates: Vec<String>,
    /// Only records from these subsystems/daemons (empty: any).
    pub only: Vec<String>,
    /// Less specific entries that also match this entry's messages.
    pub refines: Vec<String>,
    /// Related configuration keys (`totem.token`, `quorum.two_node`, cluster properties).
    pub keys: Vec<String>,
    pub summary: Text,
    pub meaning: Text,
    pub causes: Vec<Text>,
    /// Each starts with a verb; the first is the help line of the diagnostic.
    pub actions: Vec<Text>,
    /// Whole log lines in a real format.
    pub examples: Vec<String>,
    /// Where the facts come from.
    pub sources: Vec<String>,
    /// Which KB file defined it.
    pub file: &'static str,
    compiled: Vec<Template>,
    causes_joined: Text,
    actions_joined: Text,
    /// `kb.<id>.summary`, `kb.<id>.action`, `kb.<id>.meaning`, built once so that turning a
    /// match into a diagnostic allocates no key.
    msg_keys: [String; 3],
    /// The code's number (`L107` → 107), read once: the incidents ask every record's entry
    /// for its stage by it.
    number: Option<u16>,
}

/// Entries are equal when their ids are (ids are unique).
impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

impl Entry {
    /// Catalog keys of the summary, first action and meaning (see [`text`]).
    pub fn msg_keys(&'static self) -> [&'static str; 3] {
        let [s, a, m] = &self.msg_keys;
        [s, a, m]
    }

    /// The number of the code (`L107` → 107).
    pub fn number(&self) -> Option<u16> {
        self.number
    }

    /// Does this entry accept a record from this origin?
    pub fn allows(&self, origin: Origin<'_>) -> bool {
        if self.only.is_empty() {
            return true;
        }
        let hit = |v: Option<&str>| {
            v.is_some_and(|v| self.only.iter().any(|o| o.eq_ignore_ascii_case(v)))
        };
        hit(origin.subsystem) || hit(origin.daemon)
    }

    /// The best score of a template that matches the whole message, if any.
    pub fn match_score(&self, message: &str) -> Option<u32> {
        self.compiled
            .iter()
            .filter(|t| t.matches(message))
            .map(Template::score)
            .max()
    }

    /// The versions, e.g. `corosync 0.99–2.4.5, corosync 2.99–3.0.4`.
    pub fn versions_text(&self) -> String {
        self.versions
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Where a message came from (narrows entries that declare `only:`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Origin<'a> {
    pub subsystem: Option<&'a str>,
    pub daemon: Option<&'a str>,
}

/// A problem in the KB files (reported by tests, never at run time).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: &'static str,
    pub line: usize,
    pub problem: String,
}

struct Kb {
    entries: Vec<Entry>,
    by_id: VecMap<String, usize>,
    /// (entry, template) indexes of anchored templates, by their leading literal.
    lead: Trie,
    /// Templates starting with `%s` or a typed hole, with the first three bytes of their
    /// needle when they have one (see `template::Grams`).
    floating: Vec<((u16, u16), Option<[u8; 3]>)>,
    problems: Vec<Problem>,
}

fn kb() -> &'static Kb {
    static KB: OnceLock<Kb> = OnceLock::new();
    KB.get_or_init(|| {
        let mut entries = Vec::new();
        let mut problems = Vec::new();
        for (name, text) in SOURCES {
            parse_file(name, text, &mut entries, &mut problems);
        }
        let mut by_id = VecMap::new();
        let mut lead = Trie::default();
        let mut floating = Vec::new();
        for (ei, e) in entries.iter().enumerate() {
            if by_id.insert(e.id.clone(), ei).is_some() {
                problems.push(Problem {
                    file: e.file,
                    line: 0,
                    problem: format!("duplicate id {}", e.id),
                });
            }
            for (ti, t) in e.compiled.iter().enumerate() {
                let key = (ei as u16, ti as u16);
                match t.lead() {
                    Some(l) => lead.insert(l, key),
                    None => floating.push((key, t.needle_gram())),
                }
            }
        }
        Kb {
            entries,
            by_id,
            lead,
            floating,
            problems,
        }
    })
}

/// Every entry, in file order.
pub fn entries() -> &'static [Entry] {
    &kb().entries
}

/// The entry with this id.
pub fn find(id: &str) -> Option<&'static Entry> {
    let k = kb();
    k.by_id.get(id).map(|&i| &k.entries[i])
}

/// Problems found while parsing the KB files (for tests).
pub fn problems() -> &'static [Problem] {
    &kb().problems
}

/// A byte trie over the templates' leading literals: walking a message down it finds exactly
/// the templates whose whole leading literal the message starts with, in time linear in that
/// literal, however many templates there are. `b' '` edges take a run of blanks.
#[derive(Default)]
struct Trie {
    nodes: Vec<TrieNode>,
}

#[derive(Default)]
struct TrieNode {
    next: Vec<(u8, u32)>,
    /// Templates whose leading literal ends here.
    here: Vec<(u16, u16)>,
}

impl Trie {
    fn insert(&mut self, lit: &[u8], key: (u16, u16)) {
        if self.nodes.is_empty() {
            self.nodes.push(TrieNode::default());
        }
        let mut n = 0usize;
        for &c in lit {
            n = match self.nodes[n].next.iter().find(|&&(b, _)| b == c) {
                Some(&(_, to)) => to as usize,
                None => {
                    let to = self.nodes.len();
                    self.nodes.push(TrieNode::default());
                    self.nodes[n].next.push((c, to as u32));
                    to
                }
            };
        }
        self.nodes[n].here.push(key);
    }

    /// Calls `f` with every template whose leading literal `m` starts with.
    fn walk(&self, m: &[u8], mut f: impl FnMut((u16, u16))) {
        let mut n = 0usize;
        let mut p = 0usize;
        while let Some(node) = self.nodes.get(n) {
            node.here.iter().copied().for_each(&mut f);
            let Some(&c) = m.get(p) else { break };
            let c = if c == b'\t' { b' ' } else { c };
            if c == b' ' {
                while m.get(p).is_some_and(|&b| b == b' ' || b == b'\t') {
                    p += 1;
                }
            } else {
                p += 1;
            }
            match node.next.iter().find(|&&(b, _)| b == c) {
                Some(&(_, to)) => n = to as usize,
                None => break,
            }
        }
    }
}

/// Calls `f` with (file order, entry, template) for every template that may match `message`:
/// those whose leading literal it starts with, and those that start with a hole.
fn for_candidates(message: &str, mut f: impl FnMut(usize, &'static Entry, &'static Template)) {
    let k = kb();
    let m = message.trim_start_matches([' ', '\t']);
    let mut visit = |(ei, ti): (u16, u16)| {
        let e = &k.entries[ei as usize];
        f(ei as usize, e, &e.compiled[ti as usize]);
    };
    k.lead.walk(m.as_bytes(), &mut visit);
    if k.floating.is_empty() {
        return;
    }
    let grams = super::template::Grams::of(m.as_bytes());
    for &(key, gram) in &k.floating {
        if gram.is_none_or(|g| grams.may_have(g)) {
            visit(key);
        }
    }
}

/// The entry whose template matches the whole message most specifically. `message` is the text
/// after the prefix (see [`super::Record::message`]); blanks are normalised while matching.
pub fn match_message(message: &str, origin: Origin<'_>) -> Option<&'static Entry> {
    if message.len() > MAX_MATCH_LEN {
        return None;
    }
    let mut best: Option<(u32, usize, &'static Entry)> = None;
    for_candidates(message, |order, e, t| {
        if !e.allows(origin) || !t.matches(message) {
            return;
        }
        if best.is_none_or(|(s, o, _)| t.score() > s || (t.score() == s && order < o)) {
            best = Some((t.score(), order, e));
        }
    });
    best.map(|(_, _, e)| e)
}

/// Like [`match_message`], but the template only has to match the start of the message (for
/// glued records whose end is uncertain). Returns the entry and the matched length in bytes.
pub fn match_prefix(message: &str, origin: Origin<'_>) -> Option<(&'static Entry, usize)> {
    if message.len() > MAX_MATCH_LEN {
        return None;
    }
    let mut best: Option<(u32, usize, &'static Entry, usize)> = None;
    for_candidates(message, |order, e, t| {
        if !e.allows(origin) {
            return;
        }
        let Some(len) = t.match_prefix(message) else {
            return;
        };
        if best.is_none_or(|(s, o, _, _)| t.score() > s || (t.score() == s && order < o)) {
            best = Some((t.score(), order, e, len));
        }
    });
    best.map(|(_, _, e, l)| (e, l))
}

/// Every entry with a template that matches the whole message (for tests and tools).
pub fn matching_entries(message: &str, origin: Origin<'_>) -> Vec<&'static Entry> {
    if message.len() > MAX_MATCH_LEN {
        return Vec::new();
    }
    let mut v: Vec<&'static Entry> = Vec::new();
    for_candidates(message, |_, e, t| {
        if e.allows(origin) && t.matches(message) {
            v.push(e);
        }
    });
    crate::sort::sort_by(&mut v, |a, b| a.id.cmp(&b.id));
    v.dedup_by(|a, b| a.id == b.id);
    v
}

/// Text for a `kb.<id>.<field>` key (see the module docs for the fields).
pub fn text(key: &str, lang: Lang) -> Option<&'static str> {
    let rest = key.strip_prefix("kb.")?;
    // Ids have no dots; the field may (`action.2`).
    let (id, field) = rest.split_once('.')?;
    let e = find(id)?;
    let t: &'static Text = match field {
        "summary" => &e.summary,
        "meaning" => &e.meaning,
        "action" => e.actions.first()?,
        "cause" => e.causes.first()?,
        "actions" => &e.actions_joined,
        "causes" => &e.causes_joined,
        _ => {
            let (list, n) = field.split_once('.')?;
            let n: usize = n.parse().ok()?;
            let v = match list {
                "action" => &e.actions,
                "cause" => &e.causes,
                _ => return None,
            };
            v.get(n.checked_sub(1)?)?
        }
    };
    Some(t.get(lang))
}

fn join(items: &[Text]) -> Text {
    let f = |g: fn(&Text) -> &str| {
        items
            .iter()
            .map(|t| format!("- {}", g(t)))
            .collect::<Vec<_>>()
            .join("\n")
    };
    Text {
        en: f(|t| &t.en),
        ja: f(|t| &t.ja),
    }
}

fn is_kebab(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
}

fn is_code(s: &str) -> bool {
    s.len() == 4 && s.starts_with('L') && s[1..].bytes().all(|b| b.is_ascii_digit())
}

fn is_release(s: &str) -> bool {
    !s.is_empty()
        && s.split('.')
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

fn parse_versions(v: &str) -> Result<Vec<VersionRange>, String> {
    let mut out = Vec::new();
    for part in v.split(';') {
        let part = part.trim();
        let (product, range) = part
            .split_once(' ')
            .ok_or_else(|| format!("version range `{part}` needs a product"))?;
        if !PRODUCTS.contains(&product) {
            return Err(format!("unknown product `{product}`"));
        }
        let range = range.trim();
        let (first, last) = match range.split_once("..") {
            Some((a, b)) => (a.trim(), (!b.trim().is_empty()).then(|| b.trim())),
            None => (range, Some(range)),
        };
        if !is_release(first) || last.is_some_and(|l| !is_release(l)) {
            return Err(format!("bad release in `{part}`"));
        }
        out.push(VersionRange {
            product: product.to_string(),
            first: first.to_string(),
            last: last.map(str::to_string),
        });
    }
    Ok(out)
}

#[derive(Default)]
struct Draft {
    id: String,
    line: usize,
    fields: VecMap<&'static str, String>,
    templates: Vec<String>,
    only: Vec<String>,
    refines: Vec<String>,
    keys: Vec<String>,
    causes_en: Vec<String>,
    causes_ja: Vec<String>,
    actions_en: Vec<String>,
    actions_ja: Vec<String>,
    examples: Vec<String>,
    sources: Vec<String>,
}

const SINGLE_FIELDS: [&str; 9] = [
    "code",
    "component",
    "versions",
    "severity",
    "summary.en",
    "summary.ja",
    "meaning.en",
    "meaning.ja",
    "keys",
];

fn finish(file: &'static str, d: Draft, out: &mut Vec<Entry>, problems: &mut Vec<Problem>) {
    let mut bad = |p: String| {
        problems.push(Problem {
            file,
            line: d.line,
            problem: format!("{}: {p}", d.id),
        })
    };
    if !is_kebab(&d.id) {
        bad("id is not kebab-case".into());
    }
    for f in SINGLE_FIELDS {
        if f != "keys" && d.fields.get(f).is_none_or(|v| v.trim().is_empty()) {
            bad(format!("missing {f}"));
        }
    }
    let get = |f: &str| d.fields.get(f).cloned().unwrap_or_default();
    let code = get("code");
    if !is_code(&code) {
        bad(format!("bad code `{code}`"));
    }
    let severity = match get("severity").as_str() {
        "error" => Severity::Error,
        "warning" => Severity::Warning,
        "info" => Severity::Info,
        s => {
            bad(format!("bad severity `{s}`"));
            Severity::Info
        }
    };
    let versions = parse_versions(&get("versions")).unwrap_or_else(|e| {
        bad(e);
        Vec::new()
    });
    if d.templates.is_empty() {
        bad("no template".into());
    }
    let mut compiled = Vec::new();
    for t in &d.templates {
        match Template::compile(t) {
            Ok(c) => compiled.push(c),
            Err(e) => bad(format!("template: {}", e.0)),
        }
    }
    if d.causes_en.len() != d.causes_ja.len() || d.causes_en.is_empty() {
        bad(format!(
            "causes: {} en, {} ja",
            d.causes_en.len(),
            d.causes_ja.len()
        ));
    }
    if d.actions_en.len() != d.actions_ja.len() || d.actions_en.is_empty() {
        bad(format!(
            "actions: {} en, {} ja",
            d.actions_en.len(),
            d.actions_ja.len()
        ));
    }
    if d.examples.is_empty() {
        bad("no example".into());
    }
    if d.sources.is_empty() {
        bad("no source".into());
    }
    // (`L` and three digits, checked above.)
    let number = code.bytes().skip(1).try_fold(0u16, |n, b| {
        b.is_ascii_digit()
            .then(|| n.saturating_mul(10).saturating_add(u16::from(b - b'0')))
    });
    let pair = |en: &[String], ja: &[String]| {
        en.iter()
            .zip(ja)
            .map(|(e, j)| Text {
                en: e.clone(),
                ja: j.clone(),
            })
            .collect::<Vec<_>>()
    };
    let causes = pair(&d.causes_en, &d.causes_ja);
    let actions = pair(&d.actions_en, &d.actions_ja);
    out.push(Entry {
        id: d.id.clone(),
        code,
        component: get("component"),
        versions,
        severity,
        templates: d.templates,
        only: d.only,
        refines: d.refines,
        keys: d.keys,
        summary: Text {
            en: get("summary.en"),
            ja: get("summary.ja"),
        },
        meaning: Text {
            en: get("meaning.en"),
            ja: get("meaning.ja"),
        },
        number,
        msg_keys: [
            format!("kb.{}.summary", d.id),
            format!("kb.{}.action", d.id),
            format!("kb.{}.meaning", d.id),
        ],
        causes_joined: join(&causes),
        actions_joined: join(&actions),
        causes,
        actions,
        examples: d.examples,
        sources: d.sources,
        file,
        compiled,
    });
}

/// Parse one KB file, appending its entries and problems.
fn parse_file(file: &'static str, text: &str, out: &mut Vec<Entry>, problems: &mut Vec<Problem>) {
    let mut cur: Option<Draft> = None;
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let line = raw.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(id) = line.strip_prefix('@') {
            if let Some(d) = cur.take() {
                finish(file, d, out, problems);
            }
            cur = Some(Draft {
                id: id.trim().to_string(),
                line: n,
                ..Draft::default()
            });
            continue;
        }
        let Some(d) = cur.as_mut() else {
            problems.push(Problem {
                file,
                line: n,
                problem: "text before the first @id".into(),
            });
            continue;
        };
        let Some((k, v)) = line.split_once(':') else {
            problems.push(Problem {
                file,
                line: n,
                problem: format!("not `key: value`: {line}"),
            });
            continue;
        };
        let v = v.trim().to_string();
        let list = |v: &str| {
            v.split([' ', ','])
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect::<Vec<_>>()
        };
        match k.trim() {
            "template" => d.templates.push(v),
            "only" => d.only.extend(list(&v)),
            "refines" => d.refines.extend(list(&v)),
            "keys" => {
                d.keys.extend(list(&v));
                d.fields.insert("keys", v);
            }
            "cause.en" => d.causes_en.push(v),
            "cause.ja" => d.causes_ja.push(v),
            "action.en" => d.actions_en.push(v),
            "action.ja" => d.actions_ja.push(v),
            "example" => d.examples.push(v),
            "source" => d.sources.push(v),
            key => match SINGLE_FIELDS.iter().find(|f| **f == key) {
                Some(f) => {
                    if d.fields.insert(f, v).is_some() {
                        problems.push(Problem {
                            file,
                            line: n,
                            problem: format!("{key} given twice"),
                        });
                    }
                }
                None => problems.push(Problem {
                    file,
                    line: n,
                    problem: format!("unknown field `{key}`"),
                }),
            },
        }
    }
    if let Some(d) = cur.take() {
        finish(file, d, out, problems);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `for_candidates` skips a template that starts with a hole when the first bytes of its
    /// needle are not in the message: over every example line of the KB, no template that
    /// matches the message (whole or prefix) is skipped.
    #[test]
    fn the_gram_filter_skips_no_template_that_matches_an_example() {
        let k = kb();
        let mut matched = 0;
        for e in entries() {
            for ex in &e.examples {
                for r in crate::logs::read(ex, crate::Span::new(0, ex.len()), 0) {
                    let msg = &ex[r.message().start..r.message().end];
                    let grams = super::super::template::Grams::of(
                        msg.trim_start_matches([' ', '\t']).as_bytes(),
                    );
                    for &((ei, ti), gram) in &k.floating {
                        let t = &k.entries[ei as usize].compiled[ti as usize];
                        if t.matches(msg) || t.match_prefix(msg).is_some() {
                            matched += 1;
                            assert!(
                                gram.is_none_or(|g| grams.may_have(g)),
                                "{} would be skipped for {msg:?}",
                                k.entries[ei as usize].id
                            );
                        }
                    }
                }
            }
        }
        assert!(matched >= 10, "only {matched} floating matches to check");
    }

    #[test]
    fn trie_takes_blank_runs_and_stops_at_the_first_difference() {
        let mut t = Trie::default();
        t.insert(b"A processor failed", (0, 0));
        t.insert(b"A new membership (", (1, 0));
        t.insert(b"A ", (2, 0));
        let walk = |m: &[u8]| {
            let mut v = Vec::new();
            t.walk(m, |k| v.push(k.0));
            v
        };
        assert_eq!(walk(b"A \t processor failed, forming"), vec![2, 0]);
        assert_eq!(walk(b"A new membership (1.2a)"), vec![2, 1]);
        assert_eq!(walk(b"A process"), vec![2]);
        assert_eq!(walk(b"Aprocessor failed"), Vec::<u16>::new());
        let e = match_message(
            "A  processor   failed,\tforming new configuration.",
            Origin::default(),
        );
        assert_eq!(e.map(|e| e.code.as_str()), Some("L101"));
    }

    #[test]
    fn versions_parse() {
        let v = parse_versions("corosync 0.99..2.4.5; corosync 2.99..").unwrap();
        assert_eq!(v.len(), 2);
        assert_eq!(v[1].last, None);
        assert_eq!(v[0].to_string(), "corosync 0.99–2.4.5");
        assert!(parse_versions("foo 1.0").is_err());
        assert!(parse_versions("corosync x").is_err());
        assert!(parse_versions("corosync").is_err());
    }

    #[test]
    fn parse_reports_problems() {
        let mut out = Vec::new();
        let mut problems = Vec::new();
        parse_file(
            "t.kb",
            "stray\n@Bad_Id\ncode: X1\nbogus: 1\n",
            &mut out,
            &mut problems,
        );
        let all = problems
            .iter()
            .map(|p| p.problem.clone())
            .collect::<Vec<_>>()
            .join("\n");
        assert!(all.contains("text before the first @id"), "{all}");
        assert!(all.contains("unknown field"), "{all}");
        assert!(all.contains("kebab"), "{all}");
        assert!(all.contains("bad code"), "{all}");
        assert!(all.contains("no template"), "{all}");
    }

    #[test]
    fn kb_files_parse_cleanly() {
        assert!(problems().is_empty(), "{:#?}", problems());
    }
}
