//! corocheck in the browser: paste or drop corosync/cman/Pacemaker configs and logs, get the
//! findings, what was detected, who does what, and the log records. Everything runs here; no
//! request leaves the page's origin.
//!
//! One component holds a mutable [`Model`]; callbacks change it through [`Ctl`] and ask for a
//! re-render. The textarea is uncontrolled (Yew never writes its value), so a 10 MB paste is
//! read once per debounced analysis, not on every keystroke.

use std::cell::RefCell;
use std::rc::Rc;

use corocheck_core::i18n::{self, Msg, Part, t};
use corocheck_core::stack::{self, Roles};
use corocheck_core::text::decode;
use corocheck_core::{Input, Lang, Report, Severity, Span};
use gloo::timers::future::TimeoutFuture;
use late::analyze;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DragEvent, HtmlElement, HtmlInputElement, HtmlTextAreaElement};
use yew::platform::spawn_local;
use yew::prelude::*;

mod big;
mod cman;
mod detected;
mod docs;
mod encoding;
mod example;
mod findings;
mod highlight;
mod lang;
mod late;
pub mod md;
mod migration;
mod records;
mod roles;
mod rulespage;
mod settings;
mod share;
pub mod snippet;
mod timeline;
mod topology;

/// The `path` of the pasted text, as the core sees it.
pub const PASTED: &str = "pasted";
/// Show "analysing…" before an analysis expected to take longer than this (issue: a progress
/// indicator on any work over 200 ms; the notice costs one paint, so it goes up a little early).
const SLOW_MS: f64 = 150.0;
/// Until an analysis of this size or more has been timed, inputs above it count as slow.
const LARGE_INPUT: usize = 128 * 1024;
/// Findings and records shown at most; the rest is counted.
pub const MAX_ROWS: usize = 500;
/// Files larger than this are refused: the core analyses at most this much of one input, and
/// the worker that reads it needs about twice as much memory (README, "Limits").
const MAX_FILE_BYTES: f64 = corocheck_core::detect::MAX_INPUT as f64;
const GUTTER_MAX: usize = 100_000;
const DEBOUNCE_MS: u32 = 250;
const LANG_KEY: &str = "corocheck.lang";
/// The pasted text, kept in this browser's localStorage so that it survives a reload.
const INPUT_KEY: &str = "corocheck.input";
/// Larger pasted text is not kept (localStorage holds about 5 MB, stored as UTF-16).
const MAX_KEPT_INPUT: usize = 1024 * 1024;
/// How many earlier texts "Undo" keeps after fixes.
const UNDO_LEVELS: usize = 20;

/// A file the user opened or dropped.
pub struct LoadedFile {
    pub name: String,
    pub text: Rc<str>,
    pub size: usize,
    pub invalid_count: usize,
    pub first_invalid: Option<usize>,
    pub nul_count: usize,
    pub binary: bool,
    /// `Shift_JIS` or `EUC-JP` when the file was read as one (it was not UTF-8).
    pub encoding: Option<&'static str>,
}

/// One analysed text, in the order given to the core (index = `Diagnostic::file`).
pub struct Source {
    pub path: String,
    pub text: Rc<str>,
    pub pasted: bool,
}

pub struct Analysis {
    pub sources: Vec<Source>,
    pub report: Report,
    pub roles: Roles,
    pub millis: f64,
}

impl Analysis {
    /// How a file is named on screen (the pasted text gets a localised name).
    pub fn display_path(&self, file: usize, lang: Lang) -> String {
        match self.sources.get(file) {
            Some(s) if s.pasted => t("ui.source.pasted", lang),
            Some(s) => s.path.clone(),
            None => String::new(),
        }
    }

    /// `path:line:col` of a byte offset, plus the 1-based line.
    pub fn location(&self, file: usize, offset: usize, lang: Lang) -> (String, usize) {
        let (line, col) = self.line_col(file, offset);
        (
            format!("{}:{line}:{col}", self.display_path(file, lang)),
            line,
        )
    }

    /// 1-based line and column of a byte offset in an analysed text.
    pub fn line_col(&self, file: usize, offset: usize) -> (usize, usize) {
        match (self.sources.get(file), self.report.files.get(file)) {
            (Some(s), Some(f)) => f.lines.line_col(&s.text, offset),
            _ => (1, 1),
        }
    }

    pub fn is_pasted(&self, file: usize) -> bool {
        self.sources.get(file).is_some_and(|s| s.pasted)
    }
}

/// What the page is pointing at after a click on a related link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Finding(usize),
    Record(usize),
}

struct Model {
    lang: Lang,
    files: Vec<Rc<LoadedFile>>,
    analysis: Option<Rc<Analysis>>,
    /// Bytes being analysed when the "large input" notice is up.
    busy: Option<usize>,
    /// The late part of the analysis is being fetched (`late.rs`).
    loading_late: bool,
    /// The last try to fetch it failed: the page says so above the results.
    late_failed: bool,
    /// Milliseconds per byte of the last analysis of at least [`LARGE_INPUT`] bytes, to tell
    /// which analyses will be slow on this machine.
    ms_per_byte: Option<f64>,
    /// Bumped on every change; a pending analysis that sees a newer value gives up.
    generation: u64,
    gutter: AttrValue,
    gutter_lines: usize,
    wrap: bool,
    dragging: bool,
    filter: Option<Severity>,
    focus: Option<Focus>,
    notices: Vec<Msg>,
    /// The rule docs, loaded on first use (see `docs.rs`).
    docs: docs::Docs,
    settings: settings::Settings,
    /// The pasted text before each applied fix, redaction or opened share link, newest last
    /// (for "Undo"), with the opened files when those changed too.
    history: Vec<(String, Option<Vec<Rc<LoadedFile>>>)>,
    /// The last share link made, shown under the buttons.
    share_link: Option<String>,
    /// The checker, or a docs page (`#/rules/<CODE>`).
    route: rulespage::Route,
    /// Opened files over `big::BIG_FILE`: the page never reads them, a worker does.
    big_files: Vec<web_sys::File>,
    /// The worker's run while there are `big_files`.
    big: Option<big::Big>,
    /// The docs pages' search box.
    docs_query: String,
}

impl Model {
    fn new() -> Self {
        Model {
            lang: initial_lang(),
            files: Vec::new(),
            analysis: None,
            busy: None,
            loading_late: false,
            late_failed: false,
            ms_per_byte: None,
            generation: 0,
            gutter: AttrValue::from("1"),
            gutter_lines: 1,
            wrap: false,
            dragging: false,
            filter: None,
            focus: None,
            notices: Vec::new(),
            docs: docs::Docs::NotLoaded,
            settings: settings::Settings::load(),
            history: Vec::new(),
            share_link: None,
            route: rulespage::Route::current(),
            docs_query: String::new(),
            big_files: Vec::new(),
            big: None,
        }
    }
}

impl Model {
    /// The editor's line numbers, for `lines` lines.
    fn set_gutter(&mut self, lines: usize) {
        if self.gutter_lines != lines {
            self.gutter_lines = lines;
            self.gutter = AttrValue::from(snippet::gutter_text(lines, GUTTER_MAX));
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Keep the pasted text for the next visit; empty or too large text removes the kept copy, so
/// "Clear" leaves nothing behind.
fn keep_input(text: &str) {
    if let Some(s) = storage() {
        let _ = if text.is_empty() || text.len() > MAX_KEPT_INPUT {
            s.remove_item(INPUT_KEY)
        } else {
            s.set_item(INPUT_KEY, text)
        };
    }
}

/// The saved choice, else the browser language (`ja*` → Japanese), else English.
pub(crate) fn initial_lang() -> Lang {
    if let Some(l) = storage()
        .and_then(|s| s.get_item(LANG_KEY).ok().flatten())
        .and_then(|v| Lang::parse(&v))
    {
        return l;
    }
    let nav = web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default();
    if nav.to_ascii_lowercase().starts_with("ja") {
        Lang::Ja
    } else {
        Lang::En
    }
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// The handle every callback uses to read and change the model.
#[derive(Clone)]
pub struct Ctl {
    m: Rc<RefCell<Model>>,
    redraw: UseForceUpdateHandle,
    ta: NodeRef,
    gutter: NodeRef,
    file_input: NodeRef,
    /// The editor's highlight layer and gutter marks (`highlight.rs` fills them).
    hl: NodeRef,
    marks: NodeRef,
}

impl PartialEq for Ctl {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.m, &other.m)
    }
}

impl Ctl {
    fn redraw(&self) {
        self.redraw.force_update();
    }

    fn textarea(&self) -> Option<HtmlTextAreaElement> {
        self.ta.cast::<HtmlTextAreaElement>()
    }

    pub fn lang(&self) -> Lang {
        self.m.borrow().lang
    }

    fn set_lang(&self, lang: Lang) {
        if !i18n::installed(lang, Part::Text) {
            // Its text first (one fetch per part, then kept): every part the current language
            // has; the page stays in the current language until they have arrived.
            let me = self.clone();
            let parts: Vec<Part> = Part::ALL
                .into_iter()
                .filter(|p| i18n::installed(self.lang(), *p))
                .collect();
            spawn_local(async move {
                let mut got = Ok(());
                for p in parts {
                    got = got.and(lang::ensure(lang, p).await);
                }
                match got {
                    Ok(()) => me.set_lang(lang),
                    Err(e) => me.notice(Msg::new("ui.lang.failed").arg("error", e)),
                }
            });
            return;
        }
        self.m.borrow_mut().lang = lang;
        if let Some(s) = storage() {
            let _ = s.set_item(LANG_KEY, lang.code());
        }
        apply_lang(lang);
        self.redraw();
    }

    /// Analyse after `delay` ms unless something newer comes first.
    fn schedule(&self, delay: u32) {
        let generation = {
            let mut m = self.m.borrow_mut();
            m.generation += 1;
            m.generation
        };
        let me = self.clone();
        spawn_local(async move {
            if delay > 0 {
                TimeoutFuture::new(delay).await;
            }
            if me.m.borrow().generation != generation {
                return;
            }
            let pasted = me.textarea().map(|t| t.value()).unwrap_or_default();
            if !me.m.borrow().big_files.is_empty() {
                me.start_big(pasted);
                return;
            }
            // A log or a cluster.conf: fetch the late part of the analysis first (once).
            if me.needs_late(&pasted) {
                me.load_late().await;
                if me.m.borrow().generation != generation {
                    me.redraw();
                    return;
                }
            }
            let total = pasted.len() + me.m.borrow().files.iter().map(|f| f.size).sum::<usize>();
            let slow = match me.m.borrow().ms_per_byte {
                Some(rate) => rate * total as f64 > SLOW_MS,
                None => total > LARGE_INPUT,
            };
            if slow {
                me.m.borrow_mut().busy = Some(total);
                me.redraw();
                // Let the browser paint the notice before the long synchronous analysis.
                TimeoutFuture::new(40).await;
                if me.m.borrow().generation != generation {
                    return;
                }
            }
            me.run(pasted);
        });
    }

    /// Load the late part of the analysis (`late.rs`), with a notice while it loads and an
    /// alert above the results while the last try failed. True when it is in.
    ///
    /// Once it is in, the caller's next step renders (an analysis, which fetches the text it
    /// needs first, or a redaction): a render asked for here would come after that analysis
    /// is in the model, and show its findings before their text arrived.
    async fn load_late(&self) -> bool {
        self.m.borrow_mut().loading_late = true;
        self.redraw();
        let ok = late::load().await;
        {
            let mut m = self.m.borrow_mut();
            m.loading_late = false;
            m.late_failed = !ok;
        }
        if !ok {
            self.redraw();
        }
        ok
    }

    /// Whether the inputs (the pasted text and the opened files) need the late part of the
    /// analysis and it is not in yet.
    fn needs_late(&self, pasted: &str) -> bool {
        if late::loaded() {
            return false;
        }
        let m = self.m.borrow();
        let mut inputs = vec![Input {
            path: PASTED.to_string(),
            text: pasted,
        }];
        inputs.extend(m.files.iter().filter(|f| !f.binary).map(|f| Input {
            path: f.name.clone(),
            text: &f.text,
        }));
        late::missing(&inputs)
    }

    fn run(&self, pasted: String) {
        keep_input(&pasted);
        let start = now_ms();
        let lines = snippet::line_count(&pasted);
        let mut sources = Vec::new();
        if !pasted.trim().is_empty() {
            sources.push(Source {
                path: PASTED.to_string(),
                text: Rc::from(pasted),
                pasted: true,
            });
        }
        for f in self.m.borrow().files.iter().filter(|f| !f.binary) {
            sources.push(Source {
                path: f.name.clone(),
                text: f.text.clone(),
                pasted: false,
            });
        }
        let analysis = if sources.is_empty() {
            None
        } else {
            let inputs: Vec<Input> = sources
                .iter()
                .map(|s| Input {
                    path: s.path.clone(),
                    text: &s.text,
                })
                .collect();
            let opts = self.m.borrow().settings.options();
            let report = analyze(&inputs, &opts);
            let roles = stack::roles(&report.facts);
            drop(inputs);
            Some(Rc::new(Analysis {
                sources,
                report,
                roles,
                millis: now_ms() - start,
            }))
        };
        {
            let mut m = self.m.borrow_mut();
            if let Some(a) = &analysis {
                let bytes: usize = a.sources.iter().map(|s| s.text.len()).sum();
                if bytes >= LARGE_INPUT {
                    m.ms_per_byte = Some(a.millis / bytes as f64);
                }
            }
            m.analysis = analysis;
            m.busy = None;
            m.focus = None;
            m.big = None;
            m.set_gutter(lines);
        }
        self.redraw_with_text();
    }

    /// Render, after fetching first the parts of the text the analysis needs and the page does
    /// not have yet (logs, cluster.conf, Trento: see `i18n::Part`), so no finding ever shows a
    /// bare key.
    fn redraw_with_text(&self) {
        let lang = self.lang();
        let missing: Vec<Part> = match self.m.borrow().analysis.as_ref() {
            Some(a) => a
                .report
                .parts()
                .into_iter()
                .filter(|p| !i18n::installed(lang, *p))
                .collect(),
            None => Vec::new(),
        };
        if missing.is_empty() {
            self.redraw();
        } else {
            self.fetch_parts(lang, missing, false);
        }
    }

    /// Fetch and install parts of `lang`'s text, then render again. With `only_if_got` (after a
    /// render met keys without text) it renders again only when a part arrived: a part that
    /// cannot be fetched must not make every render fetch it again.
    fn fetch_parts(&self, lang: Lang, parts: Vec<Part>, only_if_got: bool) {
        let me = self.clone();
        spawn_local(async move {
            let mut got = false;
            for p in parts {
                match lang::ensure(lang, p).await {
                    Ok(()) => got = true,
                    Err(e) => {
                        me.m.borrow_mut()
                            .notices
                            .push(Msg::new("ui.lang.failed").arg("error", e))
                    }
                }
            }
            if got || !only_if_got {
                me.redraw();
            }
        });
    }

    fn on_input(&self) {
        highlight::paint(self, true);
        self.schedule(DEBOUNCE_MS);
    }

    fn sync_gutter(&self) {
        if let (Some(ta), Some(g)) = (self.textarea(), self.gutter.cast::<web_sys::Element>()) {
            g.set_scroll_top(ta.scroll_top());
        }
        highlight::paint(self, false);
    }

    fn hl_el(&self) -> Option<web_sys::Element> {
        self.hl.cast()
    }

    fn marks_el(&self) -> Option<web_sys::Element> {
        self.marks.cast()
    }

    fn wrap(&self) -> bool {
        self.m.borrow().wrap
    }

    /// The findings of the pasted text between two byte offsets, when the last analysis was of
    /// exactly `text` (while typing, until the next analysis, there are none).
    fn editor_marks(&self, text: &str, lo: usize, hi: usize) -> Vec<highlight::Mark> {
        let m = self.m.borrow();
        let Some(a) = &m.analysis else {
            return Vec::new();
        };
        let Some(fi) = a.sources.iter().position(|s| s.pasted) else {
            return Vec::new();
        };
        if *a.sources[fi].text != *text {
            return Vec::new();
        }
        a.report
            .diagnostics
            .iter()
            .filter(|d| d.file == fi && d.span.start < hi && d.span.end.max(d.span.start + 1) > lo)
            .map(|d| highlight::Mark {
                start: d.span.start,
                end: d.span.end,
                severity: d.severity,
                text: highlight::mark_text(d.code, d.severity, &d.message.render(m.lang), m.lang),
            })
            .collect()
    }

    /// Put the text kept from the last visit back into an empty editor, and check it.
    fn restore_input(&self) {
        let kept = storage().and_then(|s| s.get_item(INPUT_KEY).ok().flatten());
        if let (Some(text), Some(ta)) = (kept, self.textarea()) {
            if ta.value().is_empty() && !text.is_empty() {
                ta.set_value(&text);
                self.schedule(0);
            }
        }
    }

    fn load_example(&self) {
        if let Some(ta) = self.textarea() {
            ta.set_value(example::TEXT);
            ta.set_scroll_top(0);
        }
        self.schedule(0);
    }

    fn clear(&self) {
        if let Some(ta) = self.textarea() {
            ta.set_value("");
        }
        {
            let mut m = self.m.borrow_mut();
            m.files.clear();
            m.big_files.clear();
            m.notices.clear();
            m.history.clear();
            m.share_link = None;
        }
        self.schedule(0);
    }

    fn open_file_dialog(&self) {
        if let Some(i) = self.file_input.cast::<HtmlInputElement>() {
            i.click();
        }
    }

    fn add_files(&self, list: web_sys::FileList) {
        let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        for f in files {
            let me = self.clone();
            spawn_local(async move {
                let name = f.name();
                if f.size() > MAX_FILE_BYTES {
                    me.notice(
                        Msg::new("ui.file.too_large")
                            .arg("name", &name)
                            .arg("size", snippet::human_size(f.size() as usize))
                            .arg("limit", snippet::human_size(MAX_FILE_BYTES as usize)),
                    );
                    return;
                }
                if f.size() > big::BIG_FILE {
                    {
                        let mut m = me.m.borrow_mut();
                        m.files.retain(|x| x.name != name);
                        m.big_files.retain(|x| x.name() != name);
                        m.big_files.push(f);
                    }
                    me.schedule(0);
                    return;
                }
                let file = gloo::file::File::from(f);
                match gloo::file::futures::read_as_bytes(&file).await {
                    Ok(bytes) => me.add_file(name, &bytes),
                    Err(_) => me.notice(Msg::new("ui.file.unreadable").arg("name", &name)),
                }
            });
        }
    }

    fn add_file(&self, name: String, bytes: &[u8]) {
        let mut d = decode(bytes);
        let mut encoding = None;
        if d.invalid_count > 0 && d.nul_count == 0 {
            if let Some((name, text)) = encoding::japanese(bytes) {
                d = decode(text.as_bytes());
                encoding = Some(name);
            }
        }
        let file = LoadedFile {
            encoding,
            name,
            size: bytes.len(),
            text: Rc::from(d.text),
            invalid_count: d.invalid_count,
            first_invalid: d.first_invalid,
            nul_count: d.nul_count,
            binary: d.binary,
        };
        {
            let mut m = self.m.borrow_mut();
            m.files.retain(|f| f.name != file.name);
            m.big_files.retain(|f| f.name() != file.name);
            m.files.push(Rc::new(file));
        }
        self.schedule(0);
    }

    fn remove_file(&self, name: &str) {
        let mut m = self.m.borrow_mut();
        m.files.retain(|f| f.name != name);
        m.big_files.retain(|f| f.name() != name);
        drop(m);
        self.schedule(0);
    }

    /// Hand the large files, the other files and the pasted text to the worker: a new one when
    /// the large files changed, else the same one, which analyses again without reading them.
    fn start_big(&self, pasted: String) {
        keep_input(&pasted);
        let lines = snippet::line_count(&pasted);
        let mut m = self.m.borrow_mut();
        m.set_gutter(lines);
        let mut texts: Vec<(String, Rc<str>, bool)> = Vec::new();
        if !pasted.trim().is_empty() {
            texts.push((PASTED.to_string(), Rc::from(pasted), true));
        }
        texts.extend(
            m.files
                .iter()
                .filter(|f| !f.binary)
                .map(|f| (f.name.clone(), f.text.clone(), false)),
        );
        let s = m.settings;
        let texts = big::Texts {
            texts,
            target: s.target.map(settings::target_value).unwrap_or_default(),
            profile: s.profile.map(|p| p.name().to_string()).unwrap_or_default(),
        };
        m.analysis = None;
        m.busy = None;
        m.notices.retain(|n| n.key != "ui.big.failed");
        let files = m.big_files.clone();
        let filter = m.filter;
        match m.big.as_mut() {
            Some(b) if b.same_files(&files) && !matches!(b.stage, big::Stage::Failed(_)) => {
                b.reanalyse(&texts)
            }
            _ => {
                m.big = None;
                match big::Big::start(self, &files, &texts) {
                    Ok(mut b) => {
                        b.set_filter(filter);
                        m.big = Some(b);
                    }
                    Err(e) => m.notices.push(Msg::new("ui.big.failed").arg("error", e)),
                }
            }
        }
        drop(m);
        self.redraw();
    }

    /// A message from the worker.
    fn big_message(&self, data: wasm_bindgen::JsValue) {
        let mut m = self.m.borrow_mut();
        let Some(b) = m.big.as_mut() else {
            return;
        };
        let was_running = b.running();
        if !b.receive(&data) {
            return;
        }
        let ended = was_running && !b.running();
        let stale = ended && b.stale;
        let parts = match &b.stage {
            big::Stage::Done(s) => s.parts.clone(),
            _ => Vec::new(),
        };
        let lang = m.lang;
        drop(m);
        if stale {
            // The text or the settings changed meanwhile: analyse again.
            self.schedule(0);
            return;
        }
        if ended {
            // The progress bar (and its Cancel button) goes: keep the keyboard focus near.
            let doc = gloo::utils::document();
            let inside = doc
                .active_element()
                .and_then(|e| e.closest("#big").ok().flatten())
                .is_some();
            if inside {
                focus_by_id("findings-h".to_string(), false);
            }
        }
        let missing: Vec<Part> = parts
            .into_iter()
            .filter(|p| !i18n::installed(lang, *p))
            .collect();
        if missing.is_empty() {
            self.redraw();
        } else {
            self.fetch_parts(lang, missing, false);
        }
    }

    /// Share and Redact leave the large files out: say so (once).
    fn big_not_shared(&self) {
        let mut m = self.m.borrow_mut();
        m.notices.retain(|n| n.key != "ui.big.not_shared");
        if !m.big_files.is_empty() {
            m.notices.push(Msg::new("ui.big.not_shared"));
        }
    }

    /// Show a row of the large-file list in full, under the list.
    fn big_open(&self, row: usize) {
        if let Some(b) = self.m.borrow_mut().big.as_mut() {
            b.open = Some(row);
        }
        self.redraw();
        focus_by_id("big-detail".to_string(), true);
    }

    /// Stop the worker and forget the large files.
    fn big_cancel(&self) {
        let mut m = self.m.borrow_mut();
        let names: Vec<String> = m.big_files.iter().map(|f| f.name()).collect();
        m.big = None;
        m.big_files.clear();
        m.notices
            .push(Msg::new("ui.big.cancelled").arg("names", names.join(", ")));
        drop(m);
        self.schedule(0);
        focus_by_id("open-files".to_string(), false);
    }

    fn big_scroll(&self, top: f64) {
        if let Some(b) = self.m.borrow_mut().big.as_mut() {
            b.scroll_top = top;
        }
        self.redraw();
    }

    fn notice(&self, msg: Msg) {
        self.m.borrow_mut().notices.push(msg);
        self.redraw();
    }

    /// Show the outcome of a share, redaction or opened link in place of the previous one.
    fn share_notice(&self, msgs: impl IntoIterator<Item = Msg>) {
        let mut m = self.m.borrow_mut();
        m.notices.retain(|n| !n.key.starts_with("ui.share."));
        m.notices.extend(msgs);
        drop(m);
        self.redraw();
    }

    fn set_filter(&self, filter: Option<Severity>) {
        let mut m = self.m.borrow_mut();
        m.filter = filter;
        if let Some(b) = m.big.as_mut() {
            b.set_filter(filter);
            if let Some(el) = gloo::utils::document().get_element_by_id("big-list") {
                el.set_scroll_top(0);
            }
        }
        drop(m);
        self.redraw();
    }

    fn set_wrap(&self, wrap: bool) {
        self.m.borrow_mut().wrap = wrap;
        self.redraw();
    }

    fn set_dragging(&self, on: bool) {
        let changed = {
            let mut m = self.m.borrow_mut();
            let changed = m.dragging != on;
            m.dragging = on;
            changed
        };
        if changed {
            self.redraw();
        }
    }

    /// Select a range of the pasted text in the editor and scroll it into view.
    /// Returns false when the range is not in the pasted text.
    pub fn select_in_editor(&self, file: usize, span: Span) -> bool {
        let Some(a) = self.m.borrow().analysis.clone() else {
            return false;
        };
        let (Some(src), Some(info)) = (a.sources.get(file), a.report.files.get(file)) else {
            return false;
        };
        if !src.pasted {
            return false;
        }
        let Some(ta) = self.textarea() else {
            return false;
        };
        let text = &src.text;
        let start = snippet::utf16_offset(text, span.start);
        let end = snippet::utf16_offset(text, span.end.max(span.start));
        let _ = ta.focus();
        let _ = ta.set_selection_range(start, end);
        let line = info.lines.line_of(span.start.min(text.len()));
        let lines = info.lines.line_count().max(1);
        if !self.m.borrow().wrap {
            let per_line = f64::from(ta.scroll_height()) / lines as f64;
            let top = (line as f64 * per_line - f64::from(ta.client_height()) / 3.0).max(0.0);
            ta.set_scroll_top(top as i32);
        } else {
            // Chrome scrolls a focused textarea to its caret on focus.
            let _ = ta.blur();
            let _ = ta.focus();
        }
        self.sync_gutter();
        let el: &web_sys::Element = ta.as_ref();
        if !in_viewport(el) {
            el.scroll_into_view_with_bool(true);
        }
        true
    }

    /// Follow a link to a place: select it in the editor when pasted, and point at the
    /// finding (other than `from`) or the log record at that place.
    pub fn goto(&self, file: usize, span: Span, from: Option<usize>) {
        self.select_in_editor(file, span);
        let Some(a) = self.m.borrow().analysis.clone() else {
            return;
        };
        let overlaps = |s: Span| {
            s.start <= span.start.max(span.end.saturating_sub(1))
                && span.start <= s.end.max(s.start)
        };
        // The finding that best matches the place: nearest start, then the shortest span.
        let finding = a
            .report
            .diagnostics
            .iter()
            .enumerate()
            .filter(|(i, d)| Some(*i) != from && d.file == file && overlaps(d.span))
            .min_by_key(|(_, d)| {
                (
                    d.span.start.abs_diff(span.start),
                    d.span.end.saturating_sub(d.span.start),
                )
            })
            .map(|(i, _)| Focus::Finding(i));
        let record = || {
            a.report
                .records
                .iter()
                .position(|r| r.file() == file && overlaps(r.span()))
                .map(Focus::Record)
        };
        let focus = finding.or_else(record);
        self.focus(focus);
    }

    /// The docs of one rule as the page can show them now.
    pub fn rule_docs(&self, code: &str, lang: Lang) -> docs::View {
        self.m.borrow().docs.view(code, lang)
    }

    /// Follow the URL's hash (`#/rules/<CODE>` or the checker).
    fn set_route(&self, route: rulespage::Route) {
        let docs = matches!(route, rulespage::Route::Rules(_));
        let changed = {
            let mut m = self.m.borrow_mut();
            let changed = m.route != route;
            m.route = route;
            changed
        };
        if docs {
            self.want_docs();
        }
        self.redraw();
        if changed && docs {
            if let Some(w) = web_sys::window() {
                w.scroll_to_with_x_and_y(0.0, 0.0);
            }
        }
    }

    fn set_docs_query(&self, q: String) {
        self.m.borrow_mut().docs_query = q;
        self.redraw();
    }

    /// Start loading `docs.json` unless it is loaded or on its way.
    pub fn want_docs(&self) {
        {
            let mut m = self.m.borrow_mut();
            if !matches!(m.docs, docs::Docs::NotLoaded | docs::Docs::Failed) {
                return;
            }
            m.docs = docs::Docs::Loading;
        }
        self.redraw();
        let ctl = self.clone();
        spawn_local(async move {
            let got = docs::fetch().await;
            ctl.m.borrow_mut().docs = match got {
                Ok(v) => docs::Docs::Loaded(v),
                Err(_) => docs::Docs::Failed,
            };
            ctl.redraw();
        });
    }

    pub fn can_undo(&self) -> bool {
        !self.m.borrow().history.is_empty()
    }

    /// Apply the fix of finding `which`, or with `None` every fix (repeated until none is
    /// left, as `corocheck check --fix` does), to the pasted text, re-analysing after each
    /// round. Only the pasted text is edited; opened files stay as they are.
    pub fn apply_fixes(&self, which: Option<usize>) {
        let Some(ta) = self.textarea() else {
            return;
        };
        let mut first = None;
        for _ in 0..corocheck_core::fix::MAX_ROUNDS {
            let Some(a) = self.m.borrow().analysis.clone() else {
                break;
            };
            let Some(file) = a.sources.iter().position(|s| s.pasted) else {
                break;
            };
            let old = &a.sources[file].text;
            if ta.value() != **old {
                // Typed since the last analysis: the fixes no longer fit the text.
                self.schedule(0);
                return;
            }
            let fixes: Vec<&corocheck_core::Fix> = a
                .report
                .diagnostics
                .iter()
                .enumerate()
                .filter(|(i, d)| d.file == file && which.is_none_or(|w| w == *i))
                .filter_map(|(_, d)| d.fix.as_ref())
                .collect();
            let (new, _) = corocheck_core::fix::apply(old, &fixes);
            if new == **old {
                break;
            }
            first.get_or_insert_with(|| old.to_string());
            self.m.borrow_mut().generation += 1;
            ta.set_value(&new);
            self.run(new);
            if which.is_some() {
                break;
            }
        }
        if let Some(old) = first {
            self.remember(old, None);
            focus_by_id("fix-undo".into(), false);
        }
    }

    fn remember(&self, text: String, files: Option<Vec<Rc<LoadedFile>>>) {
        let mut m = self.m.borrow_mut();
        m.history.push((text, files));
        if m.history.len() > UNDO_LEVELS {
            m.history.remove(0);
        }
        drop(m);
        self.redraw();
    }

    /// The pasted text (empty name) and the opened text files, as a share payload.
    fn share_files(&self) -> Vec<corocheck_core::share::File> {
        let pasted = self.textarea().map(|t| t.value()).unwrap_or_default();
        let mut v = Vec::new();
        if !pasted.is_empty() {
            v.push(corocheck_core::share::File {
                name: String::new(),
                text: pasted,
            });
        }
        for f in self.m.borrow().files.iter().filter(|f| !f.binary) {
            v.push(corocheck_core::share::File {
                name: f.name.clone(),
                text: f.text.to_string(),
            });
        }
        v
    }

    /// Make a share link of everything, copy it and show it with its length.
    fn share(&self) {
        let files = self.share_files();
        self.big_not_shared();
        if files.is_empty() {
            self.share_notice([Msg::new("ui.share.nothing")]);
            return;
        }
        let me = self.clone();
        spawn_local(async move {
            let Ok(link) = share::link(&files).await else {
                return me.share_notice([Msg::new("ui.share.err.payload")]);
            };
            let n = link.chars().count();
            let copied = share::copy(&link).await;
            me.m.borrow_mut().share_link = Some(link);
            let key = if copied {
                "ui.share.copied"
            } else {
                "ui.share.not_copied"
            };
            let long = (n > share::LONG_LINK).then(|| Msg::new("ui.share.long").arg("n", n));
            me.share_notice(std::iter::once(Msg::new(key).arg("n", n)).chain(long));
        });
    }

    /// Redact the pasted text and the opened files together (one mapping); Undo restores both.
    fn redact(&self) {
        let files = self.share_files();
        self.big_not_shared();
        let inputs: Vec<Input> = files
            .iter()
            .map(|f| Input {
                path: f.name.clone(),
                text: &f.text,
            })
            .collect();
        // Redaction is in the late part (it reads the host names of log lines): load it
        // first, and redact nothing without it.
        if !late::loaded() {
            let me = self.clone();
            spawn_local(async move {
                if me.load_late().await {
                    me.redact();
                }
            });
            return;
        }
        let Some(r) = late::redact(&inputs) else {
            return;
        };
        // The pasted text is the first file, without a name, when there is one.
        let pasted = match files.first() {
            Some(f) if f.name.is_empty() => f.text.clone(),
            _ => String::new(),
        };
        let mut texts = r.texts.into_iter();
        if !pasted.is_empty() {
            if let (Some(ta), Some(new)) = (self.textarea(), texts.next()) {
                ta.set_value(&new);
            }
        }
        let old = {
            let mut m = self.m.borrow_mut();
            let old = m.files.clone();
            for f in m.files.iter_mut().filter(|f| !f.binary) {
                if let Some(text) = texts.next() {
                    *f = Rc::new(LoadedFile {
                        name: f.name.clone(),
                        size: text.len(),
                        text: Rc::from(text),
                        invalid_count: f.invalid_count,
                        first_invalid: f.first_invalid,
                        nul_count: f.nul_count,
                        binary: false,
                        encoding: f.encoding,
                    });
                }
            }
            m.share_link = None;
            old
        };
        self.remember(pasted, Some(old));
        self.share_notice([Msg::new("ui.share.redacted")
            .arg("addresses", r.addresses)
            .arg("macs", r.macs)
            .arg("hosts", r.hosts)
            .arg("clusters", r.clusters)]);
        self.schedule(0);
    }

    /// Open the share link in the address bar, if any: remove it from the address bar, then
    /// load its files, keeping what was there in the Undo history.
    fn open_shared(&self) {
        let Some(w) = web_sys::window() else { return };
        let hash = w.location().hash().unwrap_or_default();
        let Some(data) = hash.strip_prefix(share::PREFIX).map(str::to_string) else {
            return;
        };
        let loc = w.location();
        let here = format!(
            "{}{}",
            loc.pathname().unwrap_or_default(),
            loc.search().unwrap_or_default()
        );
        if let Ok(h) = w.history() {
            let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&here));
        }
        let me = self.clone();
        spawn_local(async move {
            let files = match share::open(&data).await {
                Ok(f) => f,
                Err(key) => {
                    let size = snippet::human_size(share::MAX_UNPACKED);
                    return me.share_notice([Msg::new(key).arg("size", size)]);
                }
            };
            let old_text = me.textarea().map(|t| t.value()).unwrap_or_default();
            let old_files = me.m.borrow().files.clone();
            if !old_text.is_empty() || !old_files.is_empty() {
                me.remember(old_text, Some(old_files));
            }
            let pasted = files.iter().find(|f| f.name.is_empty());
            if let Some(ta) = me.textarea() {
                ta.set_value(pasted.map_or("", |f| &f.text));
            }
            {
                // The link's files replace what was open, large files included.
                let mut m = me.m.borrow_mut();
                m.files.clear();
                m.big_files.clear();
                m.big = None;
            }
            for f in files.iter().filter(|f| !f.name.is_empty()) {
                me.add_file(f.name.clone(), f.text.as_bytes());
            }
            me.share_notice([Msg::new("ui.share.loaded").arg("n", files.len())]);
            me.schedule(0);
        });
    }

    /// Restore the text as it was before the last applied fix.
    pub fn undo(&self) {
        let Some((prev, files)) = self.m.borrow_mut().history.pop() else {
            return;
        };
        if let Some(ta) = self.textarea() {
            ta.set_value(&prev);
        }
        if let Some(files) = files {
            self.m.borrow_mut().files = files;
        }
        self.schedule(0);
        let to = if self.can_undo() {
            "fix-undo"
        } else {
            "findings-h"
        };
        focus_by_id(to.into(), false);
    }

    pub fn focus(&self, focus: Option<Focus>) {
        self.m.borrow_mut().focus = focus;
        self.redraw();
        if let Some(f) = focus {
            let id = match f {
                Focus::Finding(i) => format!("finding-{i}"),
                Focus::Record(i) => format!("record-{i}"),
            };
            focus_by_id(id, true);
        }
    }
}

/// Move the keyboard focus to an element once the page has re-rendered (and scroll to it).
fn focus_by_id(id: String, scroll: bool) {
    spawn_local(async move {
        TimeoutFuture::new(0).await;
        if let Some(el) = gloo::utils::document().get_element_by_id(&id) {
            if scroll {
                el.scroll_into_view_with_bool(false);
            }
            if let Some(h) = el.dyn_ref::<HtmlElement>() {
                let _ = h.focus();
            }
        }
    });
}

fn in_viewport(el: &web_sys::Element) -> bool {
    let r = el.get_bounding_client_rect();
    let h = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0);
    r.bottom() > 0.0 && r.top() < h
}

/// `<html lang>` and the document title follow the chosen language.
fn apply_lang(lang: Lang) {
    let doc = gloo::utils::document();
    if let Some(root) = doc.document_element() {
        let _ = root.set_attribute("lang", lang.code());
    }
    doc.set_title(&t("ui.doc_title", lang));
}

fn drag_has_files(e: &DragEvent) -> bool {
    e.data_transfer().is_some_and(|dt| {
        dt.types()
            .iter()
            .any(|v| v.as_string().as_deref() == Some("Files"))
    })
}

#[component]
pub fn App() -> Html {
    let m = use_mut_ref(Model::new);
    let redraw = use_force_update();
    let ctl = Ctl {
        m: m.clone(),
        redraw,
        ta: use_node_ref(),
        gutter: use_node_ref(),
        file_input: use_node_ref(),
        hl: use_node_ref(),
        marks: use_node_ref(),
    };
    {
        // After every render: the highlight layer follows the text and the findings; and a
        // key rendered without its text (the knowledge base's part not fetched yet) fetches it
        // and renders again.
        let c = ctl.clone();
        use_effect(move || {
            highlight::paint(&c, true);
            big::layout();
            let lang = c.lang();
            let missed: Vec<Part> = i18n::take_missed()
                .into_iter()
                .filter(|p| !i18n::installed(lang, *p))
                .collect();
            if !missed.is_empty() {
                c.fetch_parts(lang, missed, true);
            }
        });
    }
    {
        let lang = ctl.lang();
        use_effect_with((), move |_| apply_lang(lang));
    }
    {
        // Docs pages live in the URL's hash: follow it, from the start and on every change.
        let c = ctl.clone();
        use_effect_with((), move |_| {
            c.restore_input();
            c.open_shared();
            if matches!(c.m.borrow().route, rulespage::Route::Rules(_)) {
                c.want_docs();
            }
            let window = gloo::utils::window();
            let listener = gloo::events::EventListener::new(&window, "hashchange", move |_| {
                c.open_shared();
                c.set_route(rulespage::Route::current())
            });
            move || drop(listener)
        });
    }
    {
        // The gutter's text grows after the textarea has scrolled (a paste scrolls to its end
        // before the analysis adds the line numbers): line it up again once it is rendered.
        let c = ctl.clone();
        let lines = m.borrow().gutter_lines;
        use_effect_with(lines, move |_| c.sync_gutter());
    }
    let model = m.borrow();
    let lang = model.lang;

    let ondragenter = {
        let c = ctl.clone();
        Callback::from(move |e: DragEvent| {
            if drag_has_files(&e) {
                e.prevent_default();
                c.set_dragging(true);
            }
        })
    };
    let ondragover = Callback::from(move |e: DragEvent| {
        if drag_has_files(&e) {
            e.prevent_default();
        }
    });
    let ondragleave = {
        let c = ctl.clone();
        Callback::from(move |e: DragEvent| {
            // Only the overlay listens; leaving it means leaving the window.
            e.prevent_default();
            c.set_dragging(false);
        })
    };
    let ondrop = {
        let c = ctl.clone();
        Callback::from(move |e: DragEvent| {
            c.set_dragging(false);
            if let Some(files) = e
                .data_transfer()
                .and_then(|dt| dt.files())
                .filter(|f| f.length() > 0)
            {
                e.prevent_default();
                c.add_files(files);
            }
        })
    };

    html! {
        <div class={classes!("app", model.dragging.then_some("dragging"))} {ondragenter} {ondragover} {ondrop}>
            { header(&ctl, lang) }
            if let rulespage::Route::Rules(code) = &model.route {
                { rulespage::view(&ctl, &model.docs, code.as_deref(), &model.docs_query, lang) }
            }
            <main class="layout" hidden={model.route != rulespage::Route::Checker}>
                { editor(&ctl, &model) }
                <div class="results">
                    { results(&ctl, &model) }
                </div>
            </main>
            <footer class="foot">
                <p>{ t("ui.footer.privacy", lang) }</p>
            </footer>
            if model.dragging {
                <div class="drop-overlay" ondragleave={ondragleave}>
                    <p>{ t("ui.drop.overlay", lang) }</p>
                </div>
            }
        </div>
    }
}

fn header(ctl: &Ctl, lang: Lang) -> Html {
    let btn = |l: Lang, key: &str| {
        let c = ctl.clone();
        let pressed = lang == l;
        html! {
            <button type="button" class={classes!("lang-btn", pressed.then_some("on"))}
                aria-pressed={pressed.to_string()} lang={l.code()}
                onclick={Callback::from(move |_| c.set_lang(l))}>
                { t(key, lang) }
            </button>
        }
    };
    html! {
        <header class="top">
            <div class="brand">
                <svg class="logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
                    <rect x="2" y="20" width="28" height="9" rx="2" class="logo-b"/>
                    <rect x="6" y="11" width="20" height="7" rx="2" class="logo-m"/>
                    <rect x="10" y="3" width="12" height="6" rx="2" class="logo-t"/>
                </svg>
                <div>
                    <h1>{ t("ui.title", lang) }</h1>
                    <p class="purpose">{ t("ui.purpose", lang) }</p>
                </div>
            </div>
            <a class="docs-link" href="#/rules">{ t("ui.rules.heading", lang) }</a>
            <div class="lang" role="group" aria-label={t("ui.lang.label", lang)}>
                { btn(Lang::En, "ui.lang.en") }
                { btn(Lang::Ja, "ui.lang.ja") }
            </div>
        </header>
    }
}

fn editor(ctl: &Ctl, model: &Model) -> Html {
    let lang = model.lang;
    let oninput = {
        let c = ctl.clone();
        Callback::from(move |_: InputEvent| c.on_input())
    };
    let onscroll = {
        let c = ctl.clone();
        Callback::from(move |_: Event| c.sync_gutter())
    };
    // The findings of the line under the pointer as the textarea's tooltip.
    let onmousemove = {
        let c = ctl.clone();
        Callback::from(move |e: MouseEvent| {
            let ta: HtmlTextAreaElement = e.target_unchecked_into();
            let text = highlight::hover_text(&c, e.offset_y());
            if ta.title() != text {
                ta.set_title(&text);
            }
        })
    };
    let example = {
        let c = ctl.clone();
        Callback::from(move |_| c.load_example())
    };
    let open = {
        let c = ctl.clone();
        Callback::from(move |_| c.open_file_dialog())
    };
    let clear = {
        let c = ctl.clone();
        Callback::from(move |_| c.clear())
    };
    let (c1, c2) = (ctl.clone(), ctl.clone());
    let share = Callback::from(move |_| c1.share());
    let redact = Callback::from(move |_| c2.redact());
    let onchange = {
        let c = ctl.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(files) = input.files() {
                c.add_files(files);
            }
            input.set_value("");
        })
    };
    let wrap = model.wrap;
    let onwrap = {
        let c = ctl.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            c.set_wrap(input.checked());
        })
    };
    html! {
        <section class="input-pane" aria-labelledby="input-h">
            <div class="pane-head">
                <h2 id="input-h">{ t("ui.input.heading", lang) }</h2>
                <div class="actions">
                    <button type="button" class="btn primary" id="load-example" onclick={example}>{ t("ui.input.example", lang) }</button>
                    <button type="button" class="btn" id="open-files" onclick={open}>{ t("ui.input.open", lang) }</button>
                    <button type="button" class="btn" id="redact" title={t("ui.share.redact_title", lang)} onclick={redact}>{ t("ui.share.redact", lang) }</button>
                    <button type="button" class="btn" id="share" onclick={share}>{ t("ui.share.button", lang) }</button>
                    <button type="button" class="btn ghost" id="clear" onclick={clear}>{ t("ui.input.clear", lang) }</button>
                </div>
            </div>
            if let Some(link) = &model.share_link {
                <label class="share-link">{ t("ui.share.link", lang) }
                    <input id="share-link" readonly=true value={link.clone()} /></label>
            }
            <input ref={ctl.file_input.clone()} id="file-input" class="visually-hidden" type="file" multiple=true
                tabindex="-1" aria-hidden="true" {onchange} />
            <label for="input" class="hint">{ t("ui.input.label", lang) }</label>
            <div class={classes!("editor", wrap.then_some("wrap"))}>
                if !wrap {
                    <div class="gutter-wrap">
                        <pre class="gutter" ref={ctl.gutter.clone()} aria-hidden="true">{ model.gutter.clone() }</pre>
                        <div class="marks" ref={ctl.marks.clone()}></div>
                    </div>
                }
                <div class="field">
                    <div class="hl" aria-hidden="true"><div class="hl-in" ref={ctl.hl.clone()}></div></div>
                    <textarea id="input" ref={ctl.ta.clone()} spellcheck="false" autocomplete="off"
                        autocapitalize="off" placeholder={t("ui.input.placeholder", lang)} {oninput} {onscroll} {onmousemove} />
                </div>
            </div>
            <div class="editor-foot">
                <label class="check">
                    <input type="checkbox" checked={wrap} onchange={onwrap} />
                    { t("ui.input.wrap", lang) }
                </label>
                <span class="drop-hint">{ t("ui.input.drop", lang) }</span>
            </div>
            { files_list(ctl, model) }
            { settings::view(ctl, model.settings, model.analysis.as_deref(), lang) }
        </section>
    }
}

fn files_list(ctl: &Ctl, model: &Model) -> Html {
    let lang = model.lang;
    if model.files.is_empty() && model.big_files.is_empty() && model.notices.is_empty() {
        return html! {};
    }
    html! {
        <div class="files">
            <h3 class="sub">{ t("ui.files.heading", lang) }</h3>
            <ul class="file-list">
                { for model.files.iter().map(|f| {
                    let c = ctl.clone();
                    let name = f.name.clone();
                    let remove = Callback::from(move |_| c.remove_file(&name));
                    let label = Msg::new("ui.files.remove").arg("name", &f.name).render(lang);
                    html! {
                        <li class={classes!("file-chip", f.binary.then_some("bad"))}>
                            <span class="file-name">{ f.name.clone() }</span>
                            <span class="file-size">{ snippet::human_size(f.size) }</span>
                            if f.binary {
                                <span class="file-note">{ t("ui.files.binary", lang) }</span>
                            } else if let Some(enc) = f.encoding {
                                <span class="file-note">{ Msg::new("ui.files.encoding").arg("encoding", enc).render(lang) }</span>
                            } else if f.invalid_count > 0 {
                                <span class="file-note">{
                                    Msg::new("ui.files.invalid_utf8")
                                        .arg("count", f.invalid_count)
                                        .arg("offset", f.first_invalid.unwrap_or(0))
                                        .render(lang)
                                }</span>
                            }
                            <button type="button" class="chip-x" aria-label={label.clone()} title={label} onclick={remove}>{ "×" }</button>
                        </li>
                    }
                }) }
                { for model.big_files.iter().map(|f| big::file_chip(ctl, f, lang)) }
            </ul>
            if !model.notices.is_empty() {
                <ul class="notices">
                    { for model.notices.iter().map(|n| html! { <li>{ n.render(lang) }</li> }) }
                </ul>
            }
        </div>
    }
}

fn results(ctl: &Ctl, model: &Model) -> Html {
    let lang = model.lang;
    let busy = match (model.busy, model.loading_late) {
        (Some(bytes), _) => Some(Msg::new("ui.busy").arg("size", snippet::human_size(bytes))),
        (None, true) => Some(Msg::new("ui.late.loading")),
        (None, false) => None,
    }
    .map(|msg| {
        html! {
            <div class="busy" role="status">
                <span class="spinner" aria-hidden="true"></span>
                { msg.render(lang) }
            </div>
        }
    })
    .or_else(|| {
        model.late_failed.then(|| {
            html! { <div class="busy" id="late-failed" role="alert">{ t("ui.late.failed", lang) }</div> }
        })
    });
    if let Some(b) = &model.big {
        return big::view(ctl, b, model.filter, lang);
    }
    let Some(a) = model.analysis.clone() else {
        return html! { <>{ for busy }{ welcome(ctl, lang, model.files.iter().any(|f| f.binary)) }</> };
    };
    html! {
        <>
            { for busy }
            { summary(ctl, &a, model) }
            { findings::view(ctl, &a, lang, model.filter, model.focus) }
            { timeline::view(ctl, &a, lang) }
            { migration::view(ctl, &a, lang) }
            { roles::view(&a, lang) }
            { topology::view(&a, lang) }
            { cman::view(&a, lang) }
            { detected::view(&a, &model.files, lang) }
            { records::view(ctl, &a, lang, model.focus) }
        </>
    }
}

fn welcome(ctl: &Ctl, lang: Lang, only_binary: bool) -> Html {
    let c = ctl.clone();
    let example = Callback::from(move |_| c.load_example());
    html! {
        <section class="card welcome" id="welcome">
            <h2>{ t("ui.welcome.heading", lang) }</h2>
            if only_binary {
                <p class="warn-text">{ t("ui.welcome.only_binary", lang) }</p>
            }
            <p>{ t("ui.welcome.body", lang) }</p>
            <ul class="ticks">
                <li>{ md::view_line(&t("ui.welcome.what1", lang)) }</li>
                <li>{ md::view_line(&t("ui.welcome.what2", lang)) }</li>
                <li>{ md::view_line(&t("ui.welcome.what3", lang)) }</li>
            </ul>
            <p><button type="button" class="btn primary" onclick={example}>{ t("ui.input.example", lang) }</button></p>
            <p class="muted">{ t("ui.welcome.privacy", lang) }</p>
        </section>
    }
}

/// The severity filter: a chip per severity with its count (errors, warnings, infos), and
/// "all".
fn chips(ctl: &Ctl, counts: [usize; 3], filter: Option<Severity>, lang: Lang) -> Html {
    let chip = |sev: Option<Severity>, key: &str| {
        let c = ctl.clone();
        let pressed = filter == sev;
        let class = sev.map(|s| s.as_str()).unwrap_or("all");
        let n = sev.map_or(counts.iter().sum(), |s| counts[s as usize]);
        html! {
            <button type="button" class={classes!("chip", format!("chip-{class}"), pressed.then_some("on"))}
                aria-pressed={pressed.to_string()} onclick={Callback::from(move |_| c.set_filter(sev))}>
                <span>{ t(key, lang) }</span><b class="n">{ n }</b>
            </button>
        }
    };
    html! {
        <div class="chips" role="group" aria-label={t("ui.summary.filter", lang)}>
            { chip(None, "ui.summary.all") }
            { chip(Some(Severity::Error), "ui.summary.errors") }
            { chip(Some(Severity::Warning), "ui.summary.warnings") }
            { chip(Some(Severity::Info), "ui.summary.infos") }
        </div>
    }
}

fn summary(ctl: &Ctl, a: &Analysis, model: &Model) -> Html {
    let lang = model.lang;
    // Exact counts: the findings a D007 stands for are included.
    let counts = [Severity::Error, Severity::Warning, Severity::Info].map(|s| a.report.count(s));
    html! {
        <section class="summary" aria-label={t("ui.summary.label", lang)}>
            { chips(ctl, counts, model.filter, lang) }
            <p class="muted small" role="status">{
                Msg::new("ui.summary.stats")
                    .arg("files", a.sources.len())
                    .arg("records", a.report.records.len())
                    .arg("ms", a.millis.round() as i64)
                    .render(lang)
            }</p>
        </section>
    }
}

/// Mount the page on `<body>` (the large-file worker has a wasm of its own: `worker/`).
pub fn run() {
    spawn_local(async {
        match lang::ensure(initial_lang(), Part::Text).await {
            Ok(()) => {
                yew::Renderer::<App>::new().render();
            }
            Err(e) => lang::show_failure(&e),
        }
    });
}
