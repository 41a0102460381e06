//! One bilingual catalog for every user-visible string.
//!
//! The catalog is data: the `*.cat` files in `core/i18n/`, compiled in with `include_str!` and
//! parsed once. Each entry carries both languages side by side, so a missing translation is
//! visible in review and fails `tests::catalog_is_complete`.
//!
//! File format (our own, kept trivial so the wasm bundle needs no TOML/serde):
//!
//! ```text
//! # comment
//! @C501.message
//! en: `service` loads the Pacemaker plugin with `ver: {ver}`
//! ja: `ver: {ver}` で Pacemaker プラグインを読み込む設定です。
//! ```
//!
//! A value continues on following lines that start with four spaces (joined with `\n`).
//! `{name}` is replaced by the argument `name`; `{{` and `}}` are literal braces.

use crate::vecmap::VecMap;
use std::borrow::Cow;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Lang {
    #[default]
    En,
    Ja,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        if s == "en" || s.starts_with("en-") || s.starts_with("en_") {
            Some(Lang::En)
        } else if s == "ja" || s.starts_with("ja-") || s.starts_with("ja_") || s == "jp" {
            Some(Lang::Ja)
        } else {
            None
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
        }
    }
}

/// A message: a catalog key and its arguments. Rendered per language at the edge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    pub key: Cow<'static, str>,
    pub args: Vec<(&'static str, String)>,
}

impl Msg {
    pub fn new(key: impl Into<Cow<'static, str>>) -> Self {
        Msg {
            key: key.into(),
            args: Vec::new(),
        }
    }
    pub fn arg(mut self, name: &'static str, value: impl ToString) -> Self {
        self.args.push((name, value.to_string()));
        self
    }
    pub fn render(&self, lang: Lang) -> String {
        render(&self.key, &self.args, lang)
    }
}

/// Build a [`Msg`]: `msg!("C501.message", ver = v, file = f)`.
#[macro_export]
macro_rules! msg {
    ($key:expr $(, $name:ident = $val:expr)* $(,)?) => {
        $crate::i18n::Msg::new($key)$(.arg(stringify!($name), $val))*
    };
}

/// Both languages of one entry.
#[derive(Debug, Clone, Default)]
pub struct Entry {
    pub en: String,
    pub ja: String,
    /// Which catalog file defined it (for test messages).
    pub source: &'static str,
}

impl Entry {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Ja => &self.ja,
        }
    }
}

/// The catalog files, in load order. A key defined twice is a test failure.
pub const SOURCES: &[(&str, &str)] = &[
    ("ui.cat", include_str!(concat!(env!("OUT_DIR"), "/ui.cat"))),
    (
        "syntax.cat",
        include_str!(concat!(env!("OUT_DIR"), "/syntax.cat")),
    ),
    (
        "rules.cat",
        include_str!(concat!(env!("OUT_DIR"), "/rules.cat")),
    ),
    (
        "plugin.cat",
        include_str!(concat!(env!("OUT_DIR"), "/plugin.cat")),
    ),
    (
        "stack.cat",
        include_str!(concat!(env!("OUT_DIR"), "/stack.cat")),
    ),
    (
        "detect.cat",
        include_str!(concat!(env!("OUT_DIR"), "/detect.cat")),
    ),
    (
        "cli.cat",
        include_str!(concat!(env!("OUT_DIR"), "/cli.cat")),
    ),
    (
        "cman.cat",
        include_str!(concat!(env!("OUT_DIR"), "/cman.cat")),
    ),
    (
        "crossfile.cat",
        include_str!(concat!(env!("OUT_DIR"), "/crossfile.cat")),
    ),
    (
        "fix.cat",
        include_str!(concat!(env!("OUT_DIR"), "/fix.cat")),
    ),
    (
        "incident.cat",
        include_str!(concat!(env!("OUT_DIR"), "/incident.cat")),
    ),
];

/// Problems found while reading catalog text (reported by tests, never at run time).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogProblem {
    pub source: String,
    pub line: usize,
    pub problem: String,
}

/// Parse one catalog file into `out`. Returns the problems found.
pub fn parse_catalog(
    source: &'static str,
    text: &str,
    out: &mut VecMap<String, Entry>,
) -> Vec<CatalogProblem> {
    let mut problems = Vec::new();
    let mut current: Option<(String, Entry)> = None;
    let mut last_lang: Option<Lang> = None;
    let flush = |cur: &mut Option<(String, Entry)>,
                 out: &mut VecMap<String, Entry>,
                 problems: &mut Vec<CatalogProblem>,
                 line: usize| {
        if let Some((k, e)) = cur.take() {
            if out.contains_key(&k) {
                problems.push(CatalogProblem {
                    source: source.into(),
                    line,
                    problem: format!("duplicate key {k}"),
                });
            }
            out.insert(k, e);
        }
    };
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if let Some(rest) = line.strip_prefix('@') {
            flush(&mut current, out, &mut problems, n);
            current = Some((
                rest.trim().to_string(),
                Entry {
                    source,
                    ..Entry::default()
                },
            ));
            last_lang = None;
        } else if let Some(cont) = line.strip_prefix("    ") {
            match (&mut current, last_lang) {
                (Some((_, e)), Some(l)) => {
                    let s = if l == Lang::En { &mut e.en } else { &mut e.ja };
                    s.push('\n');
                    s.push_str(cont);
                }
                _ => problems.push(CatalogProblem {
                    source: source.into(),
                    line: n,
                    problem: "continuation without a value".into(),
                }),
            }
        } else if let Some(v) = line.strip_prefix("en:") {
            if let Some((_, e)) = &mut current {
                e.en = v.trim().to_string();
                last_lang = Some(Lang::En);
            }
        } else if let Some(v) = line.strip_prefix("ja:") {
            if let Some((_, e)) = &mut current {
                e.ja = v.trim().to_string();
                last_lang = Some(Lang::Ja);
            }
        } else if line.trim().is_empty() || line.starts_with('#') {
            last_lang = None;
        } else {
            problems.push(CatalogProblem {
                source: source.into(),
                line: n,
                problem: format!("unrecognised line: {line}"),
            });
        }
    }
    flush(&mut current, out, &mut problems, text.lines().count());
    problems
}

/// The catalog, parsed once.
pub fn catalog() -> &'static VecMap<String, Entry> {
    static CAT: OnceLock<VecMap<String, Entry>> = OnceLock::new();
    CAT.get_or_init(|| {
        let mut map = VecMap::new();
        for (name, text) in SOURCES {
            let _ = parse_catalog(name, text, &mut map);
        }
        map
    })
}

/// Look up a key: the catalog first, then the text installed for `lang` (see [`install`]),
/// then the knowledge base (`kb.<id>.<field>`).
pub fn lookup(key: &str, lang: Lang) -> Option<Cow<'static, str>> {
    if let Some(e) = catalog().get(key) {
        return Some(Cow::Borrowed(e.get(lang)));
    }
    match PACKS[Part::of(key) as usize][lang as usize].get() {
        Some(m) => {
            if let Some(v) = m.get(key) {
                return Some(Cow::Borrowed(v));
            }
        }
        // That part of the text is not here yet (see `take_missed`).
        None if !cfg!(feature = "text") => return None,
        None => {}
    }
    // Without the `text` feature the knowledge base has no text of its own (core/build.rs):
    // it is all in the installed part, and the knowledge base stays out of the page's wasm
    // until its late part is loaded (`late`).
    if cfg!(feature = "text") {
        crate::logs::kb::text(key, lang).map(Cow::Borrowed)
    } else {
        None
    }
}

/// The page's text comes in parts per language, each a file `<part>-<lang>.txt`: `Text`
/// (everything the page shows for a corosync.conf) is fetched before the first render; the
/// others only once the input needs them: `Logs` (the knowledge base's summaries and first
/// actions, the incidents, the timeline, the `X` codes) when logs are read, `Cman` (the `M`
/// codes and the cluster.conf conversion) when a cluster.conf is read, `Trento` (the `T`
/// codes) with that profile. A visitor who checks a corosync.conf never downloads the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Text,
    Logs,
    Cman,
    Trento,
}

impl Part {
    pub const ALL: [Part; 4] = [Part::Text, Part::Logs, Part::Cman, Part::Trento];

    /// The part a key belongs to.
    pub fn of(key: &str) -> Part {
        let head = key.split('.').next().unwrap_or("");
        let code = |c: u8| {
            head.len() == 4
                && head.as_bytes()[0] == c
                && head[1..].bytes().all(|b| b.is_ascii_digit())
        };
        if code(b'M') || head == "cman" || key.starts_with("ui.cman.") {
            Part::Cman
        } else if code(b'T') {
            Part::Trento
        } else if matches!(head, "kb" | "incident")
            // X0xx (config and logs together) exist only when logs were given.
            || code(b'X')
            || ["ui.timeline.", "ui.logformat."]
                .iter()
                .any(|p| key.starts_with(p))
        {
            Part::Logs
        } else {
            Part::Text
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Part::Text => "text",
            Part::Logs => "logs",
            Part::Cman => "cman",
            Part::Trento => "trento",
        }
    }
}

/// Text installed at run time, by [`Part`] and [`Lang`].
static PACKS: [[OnceLock<VecMap<String, String>>; 2]; 4] = [
    [OnceLock::new(), OnceLock::new()],
    [OnceLock::new(), OnceLock::new()],
    [OnceLock::new(), OnceLock::new()],
    [OnceLock::new(), OnceLock::new()],
];

/// The parts [`render`] met a key of without having its text (not installed yet), one bit each.
static MISSED: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

/// The parts a key was rendered without text from since the last call (the page then fetches
/// them and renders again).
pub fn take_missed() -> Vec<Part> {
    let bits = MISSED.swap(0, std::sync::atomic::Ordering::Relaxed);
    Part::ALL
        .into_iter()
        .filter(|p| bits & (1 << *p as u8) != 0)
        .collect()
}

/// Install one part of one language's text from a pack written by [`pack`] (the web page, built
/// without the `text` feature, fetches `text-<lang>.txt` before it renders anything in that
/// language, and `kb-<lang>.txt` when logs are analysed). Returns the number of entries. A pack
/// for another language, or text that is not a pack, is refused with the reason; installing a
/// part twice keeps the first.
pub fn install(lang: Lang, text: &str) -> Result<usize, String> {
    let mut lines = text.split('\n');
    let header = lines.next().unwrap_or("").trim_end_matches('\r');
    let parsed = header.strip_prefix("corocheck-").and_then(|h| {
        let (part, l) = h.split_once(' ')?;
        let part = Part::ALL.into_iter().find(|p| p.name() == part)?;
        Some((part, Lang::parse(l)?))
    });
    let part = match parsed {
        Some((p, l)) if l == lang => p,
        Some((_, l)) => {
            return Err(format!(
                "the text is for `{}`, not `{}`",
                l.code(),
                lang.code()
            ));
        }
        None => return Err("not a corocheck text pack".into()),
    };
    let mut map = VecMap::new();
    for (i, line) in lines.enumerate() {
        if line.is_empty() {
            continue;
        }
        let Some((k, v)) = line.split_once('\t') else {
            return Err(format!("line {}: no tab between key and text", i + 2));
        };
        map.insert(k.to_string(), unescape(v));
    }
    let n = map.len();
    let _ = PACKS[part as usize][lang as usize].set(map);
    Ok(n)
}

/// Whether [`lookup`] has `part` of `lang`: compiled in or installed.
pub fn installed(lang: Lang, part: Part) -> bool {
    cfg!(feature = "text") || PACKS[part as usize][lang as usize].get().is_some()
}

/// One part of one language's text for [`install`]: every catalog entry the page shows (not
/// the CLI's own strings, nor the `<CODE>.explain` prose, which the page reads from
/// `docs.json`) and each knowledge-base entry's summary and first action, those whose key
/// [`Part::of`] puts in `part`. One `key<TAB>text` line per entry, sorted, with `\` and line
/// breaks escaped, after a `corocheck-<part> <lang>` line.
#[cfg(feature = "text")]
pub fn pack(lang: Lang, part: Part) -> String {
    let mut entries: Vec<(String, &str)> = catalog()
        .iter()
        .filter(|(k, e)| {
            e.source != "cli.cat" && (!k.ends_with(".explain") || *k == "ui.findings.explain")
        })
        .map(|(k, e)| (k.clone(), e.get(lang)))
        .collect();
    for e in crate::logs::kb::entries() {
        let [summary, action, _] = e.msg_keys();
        for key in [summary, action] {
            if let Some(t) = crate::logs::kb::text(key, lang) {
                entries.push((key.to_string(), t));
            }
        }
    }
    entries.retain(|(k, _)| Part::of(k) == part);
    crate::sort::sort_by(&mut entries, |a, b| a.0.cmp(&b.0));
    let mut out = format!("corocheck-{} {}\n", part.name(), lang.code());
    for (k, v) in entries {
        out.push_str(&k);
        out.push('\t');
        for c in v.chars() {
            match c {
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                c => out.push(c),
            }
        }
        out.push('\n');
    }
    out
}

/// Undo [`pack`]'s escapes (`\\` and `\n`); any other backslash stays as written.
fn unescape(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    let mut chars = v.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('\\') => out.push('\\'),
            Some(o) => {
                out.push('\\');
                out.push(o);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// Render a key with arguments. An unknown key renders as the key itself (tests forbid that).
pub fn render(key: &str, args: &[(&'static str, String)], lang: Lang) -> String {
    match lookup(key, lang) {
        Some(t) => fill(&t, args),
        None => {
            MISSED.fetch_or(
                1 << Part::of(key) as u8,
                std::sync::atomic::Ordering::Relaxed,
            );
            key.to_string()
        }
    }
}

/// Shorthand for UI strings without arguments.
pub fn t(key: &str, lang: Lang) -> String {
    render(key, &[], lang)
}

/// Substitute `{name}` placeholders; `{{`/`}}` are literal braces. Unknown names stay as written.
pub fn fill(template: &str, args: &[(&'static str, String)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(i) = rest.find(['{', '}']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if let Some(r) = tail.strip_prefix("{{") {
            out.push('{');
            rest = r;
        } else if let Some(r) = tail.strip_prefix("}}") {
            out.push('}');
            rest = r;
        } else if tail.starts_with('{') {
            match tail.find('}') {
                Some(j) => {
                    let name = &tail[1..j];
                    match args.iter().find(|(n, _)| *n == name) {
                        Some((_, v)) => out.push_str(v),
                        None => out.push_str(&tail[..=j]),
                    }
                    rest = &tail[j + 1..];
                }
                None => {
                    out.push_str(tail);
                    rest = "";
                }
            }
        } else {
            out.push('}');
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out
}

/// The placeholder names used in a template (for the parity test).
pub fn placeholders(template: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(i) = rest.find('{') {
        let tail = &rest[i..];
        if let Some(r) = tail.strip_prefix("{{") {
            rest = r;
            continue;
        }
        match tail.find('}') {
            Some(j) => {
                names.push(tail[1..j].to_string());
                rest = &tail[j + 1..];
            }
            None => break,
        }
    }
    crate::sort::sort(&mut names);
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalog_is_complete() {
        let mut map = VecMap::new();
        let mut problems = Vec::new();
        for (name, text) in SOURCES {
            problems.extend(parse_catalog(name, text, &mut map));
        }
        for (k, e) in &map {
            if e.en.trim().is_empty() {
                problems.push(CatalogProblem {
                    source: e.source.into(),
                    line: 0,
                    problem: format!("{k}: English missing"),
                });
            }
            if e.ja.trim().is_empty() {
                problems.push(CatalogProblem {
                    source: e.source.into(),
                    line: 0,
                    problem: format!("{k}: Japanese missing"),
                });
            }
            for p in placeholders(&e.en).iter().chain(placeholders(&e.ja).iter()) {
                if p.is_empty() || !p.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                    problems.push(CatalogProblem { source: e.source.into(), line: 0, problem: format!("{k}: `{{{p}}}` is not a placeholder; write literal braces as {{{{ and }}}}") });
                }
            }
            if placeholders(&e.en) != placeholders(&e.ja) {
                problems.push(CatalogProblem {
                    source: e.source.into(),
                    line: 0,
                    problem: format!(
                        "{k}: placeholders differ: en [{}] ja [{}]",
                        placeholders(&e.en).join(", "),
                        placeholders(&e.ja).join(", ")
                    ),
                });
            }
        }
        assert!(problems.is_empty(), "catalog problems:\n{problems:#?}");
    }

    #[test]
    fn a_pack_gives_back_every_text_the_page_shows() {
        for lang in [Lang::En, Lang::Ja] {
            let mut map = VecMap::new();
            for part in Part::ALL {
                let text = pack(lang, part);
                let mut lines = text.lines();
                let header = format!("corocheck-{} {}", part.name(), lang.code());
                assert_eq!(lines.next(), Some(header.as_str()));
                for line in lines {
                    let (k, v) = line.split_once('\t').expect("key<TAB>text");
                    assert!(!v.contains('\n') && !k.is_empty());
                    // Every key is in the part `lookup` reads it from.
                    assert_eq!(Part::of(k), part, "{k}");
                    map.insert(k.to_string(), unescape(v));
                }
            }
            // Multi-line entries and backslashes come back as they were.
            for (k, e) in catalog() {
                let shown = e.source != "cli.cat"
                    && (!k.ends_with(".explain") || k == "ui.findings.explain");
                assert_eq!(
                    map.get(k).map(String::as_str),
                    shown.then(|| e.get(lang)),
                    "{k}"
                );
            }
            for e in crate::logs::kb::entries() {
                let key = format!("kb.{}.summary", e.id);
                assert_eq!(map.get(&key), Some(&e.summary.get(lang).to_string()));
                let key = format!("kb.{}.action", e.id);
                assert_eq!(map.get(&key), Some(&e.actions[0].get(lang).to_string()));
            }
        }
    }

    #[test]
    fn keys_fall_in_the_part_of_the_input_that_needs_them() {
        for (key, part) in [
            ("C101.message", Part::Text),
            ("ui.roles.heading", Part::Text),
            ("stack.cman.role", Part::Text),
            ("M101.message", Part::Cman),
            ("cman.conv.pcs.header", Part::Cman),
            ("ui.cman.heading", Part::Cman),
            ("T101.help", Part::Trento),
            ("kb.totem-token-lost.summary", Part::Logs),
            ("incident.cause", Part::Logs),
            ("ui.timeline.heading", Part::Logs),
            // The log table's heading shows (with "no log lines") for every input.
            ("ui.records.heading", Part::Text),
            // Look-alikes stay in the first part.
            ("M10.message", Part::Text),
            ("Mx01.message", Part::Text),
            ("ui.cmanx", Part::Text),
        ] {
            assert_eq!(Part::of(key), part, "{key}");
        }
        // Every part has text in both languages.
        for part in Part::ALL {
            for lang in [Lang::En, Lang::Ja] {
                assert!(pack(lang, part).lines().count() > 5, "{part:?} {lang:?}");
            }
        }
    }

    #[test]
    fn install_refuses_what_is_not_a_pack_for_that_language() {
        assert!(
            install(Lang::En, "hello\n")
                .unwrap_err()
                .contains("not a corocheck text")
        );
        assert!(
            install(Lang::En, "corocheck-text ja\nx\ty\n")
                .unwrap_err()
                .contains("`ja`")
        );
        assert!(
            install(Lang::Ja, "corocheck-text ja\nno tab here\n")
                .unwrap_err()
                .contains("line 2")
        );
        assert_eq!(unescape("a\\nb\\\\c\\x"), "a\nb\\c\\x");
    }

    #[test]
    fn fill_substitutes_and_escapes() {
        let args = [("key", "token".to_string())];
        assert_eq!(fill("`{key}` {{x}} {nope}", &args), "`token` {x} {nope}");
    }

    #[test]
    fn lang_parse_accepts_browser_tags() {
        assert_eq!(Lang::parse("ja-JP"), Some(Lang::Ja));
        assert_eq!(Lang::parse("en-US"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
    }
}
