//! Large files (over [`BIG_FILE`]): analysed in a Web Worker so the page stays responsive,
//! with a progress bar, a cancel button and a virtualised findings list.
//!
//! The worker (`web/worker.js`) loads a wasm of its own, the crate corocheck-worker
//! (`worker/`, built for speed into `dist/worker/`; fetched the first time a large file is
//! opened, then kept by the service worker), and calls its `big*` functions. It reads each file in slices straight into the core's text
//! decoder, so the file is held once; nothing but a summary and the findings rows on screen
//! ever comes back to the page (a log's records stay in the worker: the report of every
//! record as JavaScript objects costs five times the analysis, see the README's bench). Rows
//! come back as arrays of strings whose messages are catalog keys and arguments, rendered here
//! in the page's language. The worker's files are named in `index.html`
//! (`data-worker-js`, `data-worker-wasm`), written by `scripts/build-worker.sh`.
//!
//! Page → worker: `{op: "run", run, js, wasm, files: [File], texts: [[name, text, pasted]],
//! target, profile}` (read the files, then analyse), `{op: "analyse", run, texts, target,
//! profile}` (analyse again with other texts or settings: the files are not read again),
//! `{op: "rows", run, filter, start, count}`. Worker → page: `{op: "progress", run, phase:
//! "read" | "analyse", done, total}`, `{op: "done", run, summary}`, `{op: "rows", run,
//! filter, start, rows}`, `{op: "error", run, message}`. The page drops replies of an older
//! `run`. Cancel terminates the worker.

use std::cell::RefCell;
use std::rc::Rc;

use corocheck_core::i18n::{Msg, Part, t};
use corocheck_core::{Lang, Severity};
use js_sys::{Array, Reflect};
use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::Ctl;
use corocheck_core::snippet::ROW_FIELDS;

use crate::snippet::{Snippet, human_size};

/// Files larger than this are analysed in the worker (a 10 MB log takes about half a second
/// on the main thread, which is as long as the page may freeze).
pub const BIG_FILE: f64 = 8.0 * 1024.0 * 1024.0;
/// The height of one row of the findings list (`.vrow` in style.css), in CSS pixels.
const ROW_PX: f64 = 108.0;
/// Rows drawn below and above the visible ones, and rows asked of the worker at once.
const OVERSCAN: usize = 6;
const BLOCK: usize = 64;
/// Rows in view at most: the list is at most 12 rows high (`layout`).
const VISIBLE: usize = 12;

// ---- The page side (the worker's side is the crate corocheck-worker, worker/). ----

/// A finding as the worker rendered it.
pub struct Row {
    severity: Severity,
    code: String,
    file: usize,
    line: usize,
    col: usize,
    snip: Snippet,
    message: Msg,
    help: Option<Msg>,
}

/// Reads what the worker sent; `None` when it is not what the worker writes.
struct Reader {
    items: Array,
    at: u32,
}

impl Reader {
    fn next(&mut self) -> Option<JsValue> {
        (self.at < self.items.length()).then(|| {
            self.at += 1;
            self.items.get(self.at - 1)
        })
    }
    fn str(&mut self) -> Option<String> {
        self.next()?.as_string()
    }
    fn num(&mut self) -> Option<f64> {
        self.next()?.as_f64()
    }
    fn msg(&mut self) -> Option<Option<Msg>> {
        let key = self.str()?;
        let n = self.num()? as usize;
        let mut m = Msg::new(key);
        for _ in 0..n {
            let name = intern(&self.str()?);
            m.args.push((name, self.str()?));
        }
        Some((!m.key.is_empty()).then_some(m))
    }
    fn row(&mut self) -> Option<Row> {
        let mut s = [const { String::new() }; ROW_FIELDS];
        for f in &mut s {
            *f = self.str()?;
        }
        let n = |i: usize| s[i].parse::<usize>().unwrap_or(0);
        let severity = match s[0].as_str() {
            "error" => Severity::Error,
            "warning" => Severity::Warning,
            _ => Severity::Info,
        };
        let (file, line, col, sline, more) = (n(2), n(3), n(4), n(5), n(11));
        let snip = Snippet {
            line: sline,
            cut_left: s[9] == "1",
            cut_right: s[10] == "1",
            more_lines: more,
            before: std::mem::take(&mut s[6]),
            marked: std::mem::take(&mut s[7]),
            after: std::mem::take(&mut s[8]),
        };
        Some(Row {
            severity,
            code: std::mem::take(&mut s[1]),
            file,
            line,
            col,
            snip,
            message: self.msg()?.unwrap_or_else(|| Msg::new("")),
            help: self.msg()?,
        })
    }
}

/// Argument names are `&'static str` in a [`Msg`]; the worker sends the names our own code
/// uses (a few dozen), so each is leaked once.
fn intern(name: &str) -> &'static str {
    thread_local! {
        static NAMES: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
    }
    NAMES.with_borrow_mut(|names| {
        if let Some(n) = names.iter().find(|n| **n == name) {
            return *n;
        }
        if names.len() >= 256 {
            return "";
        }
        let n: &'static str = Box::leak(name.to_string().into_boxed_str());
        names.push(n);
        n
    })
}

pub struct FileNote {
    pub name: String,
    pub bytes: f64,
    pub invalid: usize,
    pub first_invalid: usize,
    pub binary: bool,
    pub pasted: bool,
}

pub struct Summary {
    /// Findings per severity (error, warning, info), exactly, and those listed (the rest a
    /// D007 counts).
    counts: [usize; 3],
    listed: [usize; 3],
    records: usize,
    incidents: usize,
    pub parts: Vec<Part>,
    files: Vec<FileNote>,
    millis: f64,
}

impl Summary {
    fn read(items: Array, millis: f64) -> Option<Summary> {
        let mut r = Reader { items, at: 0 };
        let (mut counts, mut listed) = ([0; 3], [0; 3]);
        for i in 0..3 {
            counts[i] = r.num()? as usize;
            listed[i] = r.num()? as usize;
        }
        let records = r.num()? as usize;
        let incidents = r.num()? as usize;
        let parts = r
            .str()?
            .split(',')
            .filter_map(|p| Part::ALL.into_iter().find(|x| x.name() == p))
            .collect();
        let mut files = Vec::new();
        while let Some(name) = r.str() {
            files.push(FileNote {
                name,
                bytes: r.num()?,
                invalid: r.num()? as usize,
                first_invalid: r.num()? as usize,
                binary: r.next()?.as_bool()?,
                pasted: r.next()?.as_bool()?,
            });
        }
        Some(Summary {
            counts,
            listed,
            records,
            incidents,
            parts,
            files,
            millis,
        })
    }

    /// Rows the list has under a filter.
    fn rows(&self, filter: Option<Severity>) -> usize {
        match filter {
            None => self.listed.iter().sum(),
            Some(s) => self.listed[s as usize],
        }
    }
}

pub enum Stage {
    Reading {
        done: f64,
        total: f64,
    },
    Analysing {
        done: f64,
        total: f64,
    },
    Done(Summary),
    /// The worker stopped (its message, when it gave one); it has been terminated.
    Failed(String),
}

/// The worker and its runs; dropping it stops the worker.
pub struct Big {
    worker: web_sys::Worker,
    _listeners: [gloo::events::EventListener; 2],
    /// The files the worker read (to tell whether a change needs them read again).
    files: Vec<web_sys::File>,
    /// This run's number: replies of older runs are dropped.
    run: u32,
    /// The texts or settings changed during a run: analyse again when it ends.
    pub stale: bool,
    pub stage: Stage,
    started: f64,
    /// The filter the rows are for, the rows received (by index) and the blocks asked for
    /// (during a render, hence the cell). A filter change or a new run starts them again.
    filter: u8,
    rows: Vec<Option<Rc<Row>>>,
    asked: RefCell<Vec<bool>>,
    pub scroll_top: f64,
    /// The row whose full text shows under the list.
    pub open: Option<usize>,
}

impl Drop for Big {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

fn filter_code(f: Option<Severity>) -> u8 {
    f.map_or(0, |s| s as u8 + 1)
}

fn obj(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &(*k).into(), v);
    }
    o.into()
}

/// The URL named by an attribute of boot.js's script tag (the page's files, and the large-file
/// worker's: `scripts/build-worker.sh`), made absolute.
fn app_url(attr: &str) -> Option<String> {
    let doc = gloo::utils::document();
    let tag = doc.query_selector("script[data-wasm]").ok()??;
    let rel = tag.get_attribute(attr)?;
    let base = doc.base_uri().ok()??;
    Some(web_sys::Url::new_with_base(&rel, &base).ok()?.href())
}

/// What a run analyses besides the files: (name, text, pasted), and the settings.
pub struct Texts {
    pub texts: Vec<(String, Rc<str>, bool)>,
    pub target: String,
    pub profile: String,
}

impl Texts {
    fn message(&self, op: &str, run: u32) -> Vec<(&'static str, JsValue)> {
        let pairs = Array::new();
        for (name, text, pasted) in &self.texts {
            pairs.push(&Array::of3(
                &name.as_str().into(),
                &JsValue::from_str(text),
                &(*pasted).into(),
            ));
        }
        vec![
            ("op", op.into()),
            ("run", run.into()),
            ("texts", pairs.into()),
            ("target", self.target.as_str().into()),
            ("profile", self.profile.as_str().into()),
        ]
    }
}

impl Big {
    /// Start a worker on `files` (opened, over [`BIG_FILE`]) and `texts`.
    pub fn start(ctl: &Ctl, files: &[web_sys::File], texts: &Texts) -> Result<Big, String> {
        let describe = |e: JsValue| {
            e.as_string()
                .or_else(|| js_sys::Error::from(e).message().as_string())
                .unwrap_or_default()
        };
        // Only a page built without scripts/build-web.sh lacks them (a developer's error: the
        // message, like the browser's own, is not translated).
        let (js, wasm) = app_url("data-worker-js")
            .zip(app_url("data-worker-wasm"))
            .ok_or("index.html names no large-file worker (data-worker-js, data-worker-wasm)")?;
        let opts = web_sys::WorkerOptions::new();
        opts.set_type(web_sys::WorkerType::Module);
        let worker = web_sys::Worker::new_with_options("worker.js", &opts).map_err(describe)?;
        let c = ctl.clone();
        let on_message = gloo::events::EventListener::new(&worker, "message", move |e| {
            if let Some(e) = e.dyn_ref::<web_sys::MessageEvent>() {
                c.big_message(e.data());
            }
        });
        // A worker that cannot load or throws outside a message (an `ErrorEvent`, or a plain
        // `Event` when worker.js itself failed to load).
        let c = ctl.clone();
        let on_error = gloo::events::EventListener::new(&worker, "error", move |e| {
            let msg = e
                .dyn_ref::<web_sys::ErrorEvent>()
                .map(|e| e.message())
                .unwrap_or_default();
            c.big_message(obj(&[("op", "error".into()), ("message", msg.into())]));
        });
        let list = Array::new();
        for f in files {
            list.push(f);
        }
        let mut run = texts.message("run", 1);
        run.extend([
            ("js", js.into()),
            ("wasm", wasm.into()),
            ("files", list.into()),
        ]);
        worker.post_message(&obj(&run)).map_err(describe)?;
        let total = files.iter().map(|f| f.size()).sum();
        Ok(Big {
            worker,
            _listeners: [on_message, on_error],
            files: files.to_vec(),
            run: 1,
            stale: false,
            stage: Stage::Reading { done: 0.0, total },
            started: js_sys::Date::now(),
            filter: 0,
            rows: Vec::new(),
            asked: RefCell::new(Vec::new()),
            scroll_top: 0.0,
            open: None,
        })
    }

    /// Whether this worker read exactly these files.
    pub fn same_files(&self, files: &[web_sys::File]) -> bool {
        self.files.len() == files.len()
            && self
                .files
                .iter()
                .zip(files)
                .all(|(a, b)| js_sys::Object::is(a, b))
    }

    pub fn running(&self) -> bool {
        matches!(self.stage, Stage::Reading { .. } | Stage::Analysing { .. })
    }

    /// Analyse again with other texts or settings, without reading the files again (after a
    /// run; during one, mark the results stale and come back when it ends).
    pub fn reanalyse(&mut self, texts: &Texts) {
        if self.running() {
            self.stale = true;
            return;
        }
        if matches!(self.stage, Stage::Failed(_)) {
            return;
        }
        self.run += 1;
        self.stale = false;
        let _ = self
            .worker
            .post_message(&obj(&texts.message("analyse", self.run)));
        self.stage = Stage::Analysing {
            done: 0.0,
            total: 1.0,
        };
        self.started = js_sys::Date::now();
        self.rows.clear();
        self.asked.borrow_mut().clear();
        self.open = None;
    }

    /// Take a message from the worker; true when the page should render again.
    pub fn receive(&mut self, data: &JsValue) -> bool {
        let get = |k: &str| Reflect::get(data, &k.into()).unwrap_or(JsValue::UNDEFINED);
        let num = |k: &str| get(k).as_f64().unwrap_or(0.0);
        let op = get("op").as_string().unwrap_or_default();
        // Errors of the worker itself carry no run: they end whatever run is on.
        if op != "error" && num("run") as u32 != self.run {
            return false;
        }
        match op.as_str() {
            "progress" => {
                let (done, total) = (num("done"), num("total"));
                self.stage = if get("phase").as_string().as_deref() == Some("read") {
                    Stage::Reading { done, total }
                } else {
                    Stage::Analysing { done, total }
                };
            }
            "done" => {
                let millis = js_sys::Date::now() - self.started;
                self.stage = get("summary")
                    .dyn_into::<Array>()
                    .ok()
                    .and_then(|items| Summary::read(items, millis))
                    .map_or(Stage::Failed(String::new()), Stage::Done);
            }
            "rows" => {
                let (Ok(items), true) = (
                    get("rows").dyn_into::<Array>(),
                    num("filter") as u8 == self.filter,
                ) else {
                    return false;
                };
                let mut r = Reader { items, at: 0 };
                let mut i = num("start") as usize;
                while let Some(row) = r.row() {
                    if self.rows.len() <= i {
                        self.rows.resize(i + 1, None);
                    }
                    self.rows[i] = Some(Rc::new(row));
                    i += 1;
                }
            }
            "error" => {
                self.stage = Stage::Failed(get("message").as_string().unwrap_or_default());
            }
            _ => return false,
        }
        if matches!(self.stage, Stage::Failed(_)) {
            // Free its memory now; the page offers to close the large files.
            self.worker.terminate();
        }
        true
    }

    /// Show the rows of another filter, from the top.
    pub fn set_filter(&mut self, filter: Option<Severity>) {
        self.filter = filter_code(filter);
        self.rows.clear();
        self.asked.borrow_mut().clear();
        self.scroll_top = 0.0;
        self.open = None;
    }

    fn row(&self, i: usize) -> Option<&Rc<Row>> {
        self.rows.get(i)?.as_ref()
    }

    /// Ask the worker for a block of rows, once.
    fn ask(&self, block: usize) {
        let mut asked = self.asked.borrow_mut();
        if asked.len() <= block {
            asked.resize(block + 1, false);
        }
        if !std::mem::replace(&mut asked[block], true) {
            let m = obj(&[
                ("op", "rows".into()),
                ("run", self.run.into()),
                ("filter", f64::from(self.filter).into()),
                ("start", ((block * BLOCK) as f64).into()),
                ("count", (BLOCK as f64).into()),
            ]);
            let _ = self.worker.post_message(&m);
        }
    }
}

/// The progress bar and its cancel button, or the results.
pub fn view(ctl: &Ctl, big: &Big, filter: Option<Severity>, lang: Lang) -> Html {
    match &big.stage {
        Stage::Reading { done, total } | Stage::Analysing { done, total } => {
            let reading = matches!(big.stage, Stage::Reading { .. });
            let frac = if *total > 0.0 { done / total } else { 0.0 };
            // Reading is the first tenth of the bar, the analysis the rest.
            let value = if reading {
                frac * 0.1
            } else {
                0.1 + frac * 0.9
            };
            let label = if reading {
                Msg::new("ui.big.reading")
                    .arg("done", human_size(*done as usize))
                    .arg("total", human_size(*total as usize))
            } else {
                Msg::new("ui.big.analysing").arg("pct", (frac * 100.0).floor() as u32)
            }
            .render(lang);
            let c = ctl.clone();
            html! {
                <section class="card big" id="big" aria-labelledby="big-h">
                    <h2 id="big-h">{ t("ui.big.heading", lang) }</h2>
                    <p class="muted">{ t("ui.big.why", lang) }</p>
                    <div class="big-progress">
                        <progress id="big-progress" max="1000" value={((value * 1000.0).round() as u32).to_string()}
                            aria-label={t("ui.big.heading", lang)}></progress>
                        <button type="button" class="btn" id="big-cancel"
                            onclick={Callback::from(move |_| c.big_cancel())}>{ t("ui.big.cancel", lang) }</button>
                    </div>
                    <p id="big-status">{ label }</p>
                </section>
            }
        }
        Stage::Failed(e) => {
            let msg = if e.is_empty() {
                t("ui.big.failed_unknown", lang)
            } else {
                Msg::new("ui.big.failed").arg("error", e).render(lang)
            };
            let c = ctl.clone();
            html! {
                <section class="card big" id="big">
                    <p class="warn-text" role="alert">{ msg }</p>
                    <p><button type="button" class="btn" id="big-close"
                        onclick={Callback::from(move |_| c.big_cancel())}>{ t("ui.big.close", lang) }</button></p>
                </section>
            }
        }
        Stage::Done(s) => done(ctl, big, s, filter, lang),
    }
}

fn done(ctl: &Ctl, big: &Big, s: &Summary, filter: Option<Severity>, lang: Lang) -> Html {
    let bytes: f64 = s.files.iter().map(|f| f.bytes).sum();
    let n = s.rows(filter);
    let first = ((big.scroll_top / ROW_PX) as usize).saturating_sub(OVERSCAN);
    let last = (first + VISIBLE + 2 * OVERSCAN).min(n);
    for b in first / BLOCK..=last.saturating_sub(1) / BLOCK {
        if n > 0 && (b * BLOCK..((b + 1) * BLOCK).min(n)).any(|i| big.row(i).is_none()) {
            big.ask(b);
        }
    }
    let onscroll = {
        let c = ctl.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::Element = e.target_unchecked_into();
            c.big_scroll(f64::from(el.scroll_top()));
        })
    };
    let notes = s
        .files
        .iter()
        .filter(|f| f.binary || f.invalid > 0)
        .map(|f| {
            let m = if f.binary {
                Msg::new("ui.big.binary").arg("name", &f.name)
            } else {
                Msg::new("ui.files.invalid_utf8")
                    .arg("count", f.invalid)
                    .arg("offset", f.first_invalid)
            };
            html! { <li>{ format!("{}: ", f.name) }{ m.render(lang) }</li> }
        })
        .collect::<Vec<Html>>();
    html! {
        <>
        <section class="summary" aria-label={t("ui.summary.label", lang)}>
            { crate::chips(ctl, s.counts, filter, lang) }
            <p class="muted small" role="status" id="big-summary">{
                Msg::new("ui.big.summary")
                    .arg("files", s.files.len())
                    .arg("size", human_size(bytes as usize))
                    .arg("records", s.records)
                    .arg("incidents", s.incidents)
                    .arg("secs", tenths(s.millis / 1000.0))
                    .render(lang)
            }</p>
        </section>
        <section class="card" id="findings" aria-labelledby="findings-h">
            <h2 id="findings-h" tabindex="-1">{ t("ui.findings.heading", lang) }</h2>
            <p class="muted small">{ t("ui.big.limits", lang) }</p>
            if !notes.is_empty() { <ul class="notices">{ for notes }</ul> }
            if n == 0 {
                <p class="empty ok-text">{ t("ui.findings.none", lang) }</p>
            } else {
                <div class="vlist" id="big-list" role="list" tabindex="0" aria-label={t("ui.findings.heading", lang)}
                    data-rows={n.to_string()} {onscroll}>
                    <div class="vspace">
                        { for (first..last).map(|i| row_view(ctl, big.row(i), i, n, s, lang)) }
                    </div>
                </div>
                { detail(big, s, lang) }
            }
        </section>
        </>
    }
}

/// The name of an analysed file (binary files were not given to the core).
fn file_name(s: &Summary, file: usize, lang: Lang) -> String {
    match s.files.iter().filter(|f| !f.binary).nth(file) {
        Some(f) if f.pasted => t("ui.source.pasted", lang),
        Some(f) => f.name.clone(),
        None => String::new(),
    }
}

fn row_view(ctl: &Ctl, row: Option<&Rc<Row>>, i: usize, n: usize, s: &Summary, lang: Lang) -> Html {
    let (set, pos) = (n.to_string(), (i + 1).to_string());
    let Some(r) = row else {
        return html! {
            <div key={i} class="vrow loading" role="listitem" aria-setsize={set} aria-posinset={pos}
                data-index={i.to_string()} aria-busy="true">{ "…" }</div>
        };
    };
    let sev = r.severity.as_str();
    let loc = format!("{}:{}:{}", file_name(s, r.file, lang), r.line, r.col);
    let message = r.message.render(lang);
    let help = r.help.as_ref().map(|h| h.render(lang)).unwrap_or_default();
    let sn = &r.snip;
    let has_rule = corocheck_core::rules::find(&r.code).is_some() || r.code.starts_with('L');
    let c = ctl.clone();
    let title = t("ui.big.open_row", lang);
    html! {
        <div key={i} class={classes!("vrow", format!("sev-{sev}"))} role="listitem"
            aria-setsize={set} aria-posinset={pos} data-index={i.to_string()} data-code={r.code.clone()}>
            <div class="vline">
                <span class={classes!("badge", format!("sev-{sev}"))}>{ r.severity.label(lang) }</span>{ " " }
                if has_rule {
                    <a class="code" href={format!("#/rules/{}", r.code)}><code>{ r.code.clone() }</code></a>
                } else {
                    <code class="code">{ r.code.clone() }</code>
                }
                { " " }<button type="button" class="loc link" title={title.clone()} aria-label={format!("{title}: {loc}")}
                    onclick={Callback::from(move |_| c.big_open(i))}>{ loc }</button>
            </div>
            <div class="vline v-msg" title={message.clone()}>{ crate::md::view_line(&message) }</div>
            <div class="vline v-help" title={help.clone()}>{ crate::md::view_line(&help) }</div>
            <div class="vline v-src"><span class="ln">{ sn.line }</span>
                if sn.cut_left { <span class="cut">{ "…" }</span> }
                { sn.before.clone() }<mark>{ sn.marked.clone() }</mark>{ sn.after.clone() }
                if sn.cut_right { <span class="cut">{ "…" }</span> }
            </div>
        </div>
    }
}

/// The opened row in full, wrapped (the list's rows are one line each), under the list.
fn detail(big: &Big, s: &Summary, lang: Lang) -> Html {
    let Some((i, r)) = big.open.and_then(|i| Some((i, big.row(i)?))) else {
        return html! {};
    };
    let sev = r.severity.as_str();
    let sn = &r.snip;
    html! {
        <div class={classes!("finding", "big-detail", format!("sev-{sev}"))} id="big-detail"
            tabindex="-1" aria-label={t("ui.big.open_row", lang)} data-index={i.to_string()}>
            <div class="f-head">
                <span class={classes!("badge", format!("sev-{sev}"))}>{ r.severity.label(lang) }</span>
                <code class="code">{ r.code.clone() }</code>
                <span class="loc">{ format!("{}:{}:{}", file_name(s, r.file, lang), r.line, r.col) }</span>
            </div>
            <p class="f-msg">{ crate::md::view_line(&r.message.render(lang)) }</p>
            <pre class="snippet"><span class="ln" aria-hidden="true">{ sn.line }</span><span class="src">
                if sn.cut_left { <span class="cut">{ "…" }</span> }
                <span>{ sn.before.clone() }</span><mark>{ sn.marked.clone() }</mark><span>{ sn.after.clone() }</span>
                if sn.cut_right { <span class="cut">{ "…" }</span> }
            </span></pre>
            if let Some(h) = &r.help {
                <p class="f-help"><span class="label">{ t("ui.findings.help", lang) }</span>{ " " }{ crate::md::view_line(&h.render(lang)) }</p>
            }
        </div>
    }
}

/// Place the list's rows (after every render): the CSP has no `'unsafe-inline'` for styles, so
/// heights and offsets are set through the CSSOM, not as `style` attributes.
pub fn layout() {
    let Some(list) = gloo::utils::document().get_element_by_id("big-list") else {
        return;
    };
    let px = |n: usize| format!("{}px", n * ROW_PX as usize);
    let style = |e: &web_sys::Element, k: &str, v: &str| {
        if let Some(e) = e.dyn_ref::<web_sys::HtmlElement>() {
            let _ = e.style().set_property(k, v);
        }
    };
    let n: usize = list
        .get_attribute("data-rows")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    style(
        &list,
        "height",
        &format!("min(70vh, {})", px(n.min(VISIBLE))),
    );
    let Some(space) = list.first_element_child() else {
        return;
    };
    style(&space, "height", &px(n));
    let mut row = space.first_element_child();
    while let Some(r) = row {
        if let Some(i) = r.get_attribute("data-index").and_then(|v| v.parse().ok()) {
            style(&r, "top", &px(i));
        }
        row = r.next_element_sibling();
    }
}

/// `x` with one decimal, without `f64`'s formatting (whose tables would add 15 KB to the wasm).
fn tenths(x: f64) -> String {
    let t = (x * 10.0).round().max(0.0) as u64;
    format!("{}.{}", t / 10, t % 10)
}

/// The chip of a file the worker reads (the list of opened files shows it).
pub fn file_chip(ctl: &Ctl, f: &web_sys::File, lang: Lang) -> Html {
    let c = ctl.clone();
    let name = f.name();
    let label = Msg::new("ui.files.remove").arg("name", &name).render(lang);
    let n = name.clone();
    html! {
        <li class="file-chip">
            <span class="file-name">{ name }</span>
            <span class="file-size">{ human_size(f.size() as usize) }</span>
            <span class="file-note">{ t("ui.big.chip", lang) }</span>
            <button type="button" class="chip-x" aria-label={label.clone()} title={label}
                onclick={Callback::from(move |_| c.remove_file(&n))}>{ "×" }</button>
        </li>
    }
}
