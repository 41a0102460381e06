//! corocheck's large-file worker: the wasm that `web/worker.js` loads in a Web Worker to
//! analyse files too large for the page's thread (the page's side, and the protocol, are in
//! `web/src/big.rs`).
//!
//! It is its own wasm, not the page's, for two reasons. It is built for speed (cargo profile
//! `release-speed`, opt-level 3, and `wasm-opt -O3`) where the page is built for size: the
//! large-file path is where the reading speed shows. And a visit fetches it only when a large
//! file is opened (it has no Yew and no DOM code).
//!
//! The worker reads each file in slices straight into a [`Decoder`], so the file is held
//! once, as the text the core reads; nothing but a summary and the findings rows on screen
//! ever goes back to the page (a log's records stay here). Rows are arrays of strings whose
//! messages are catalog keys and arguments, rendered by the page in its language.

use std::cell::RefCell;

use corocheck_core::i18n::Msg;
use corocheck_core::snippet::{ROW_FIELDS, snippet};
use corocheck_core::text::{Decoder, LineIndex};
use corocheck_core::{Input, Options, Profile, Report, Severity, Target, analyze_with};
use js_sys::{Array, Function};
use wasm_bindgen::prelude::*;

#[derive(Default)]
struct Work {
    files: Vec<(String, String)>,
    /// The file being read: name, size, decoder (none once it looks binary: not kept).
    reading: Option<(String, f64, Option<Decoder>)>,
    /// How many of `files` were read from `File`s (the rest are texts, replaced on reanalysis).
    read: usize,
    notes: Vec<Note>,
    report: Option<Report>,
    /// The indices of the findings each filter shows (all, error, warning, info).
    order: [Option<Vec<u32>>; 4],
}

/// What the worker tells the page about each input.
#[derive(Default, Clone, Copy)]
struct Note {
    bytes: f64,
    invalid: usize,
    first_invalid: usize,
    binary: bool,
    pasted: bool,
}

thread_local! {
    static WORK: RefCell<Work> = RefCell::new(Work::default());
}

impl Work {
    fn end_file(&mut self) {
        if let Some((name, bytes, dec)) = self.reading.take() {
            let d = dec.map(Decoder::finish);
            let note = Note {
                bytes,
                invalid: d.as_ref().map_or(0, |d| d.invalid_count),
                first_invalid: d.as_ref().and_then(|d| d.first_invalid).unwrap_or(0),
                binary: d.as_ref().is_none_or(|d| d.binary),
                pasted: false,
            };
            // Binary data is reported, not analysed: its text is not kept.
            let text = d.filter(|d| !d.binary).map(|d| d.text).unwrap_or_default();
            self.notes.push(note);
            self.files.push((name, text));
            self.read = self.files.len();
        }
    }
}

/// Worker: start reading a file of `size` bytes (its text is allocated once).
#[wasm_bindgen(js_name = bigFile)]
pub fn big_file(name: String, size: f64) {
    WORK.with_borrow_mut(|w| {
        w.end_file();
        let size = size.max(0.0);
        w.reading = Some((name, size, Some(Decoder::with_capacity(size as usize))));
    });
}

/// Worker: the next slice of the file being read. A file whose first 8 KiB look binary is
/// read no further into memory.
#[wasm_bindgen(js_name = bigPush)]
pub fn big_push(chunk: &[u8]) {
    WORK.with_borrow_mut(|w| {
        if let Some((_, _, slot)) = &mut w.reading
            && let Some(d) = slot
        {
            d.push(chunk);
            if d.sample_is_binary() {
                *slot = None;
            }
        }
    });
}

/// Worker: forget the texts given after the files (and the report), before new texts and a
/// new analysis; the files read stay.
#[wasm_bindgen(js_name = bigKeepFiles)]
pub fn big_keep_files() {
    WORK.with_borrow_mut(|w| {
        w.end_file();
        let read = w.read;
        w.files.truncate(read);
        w.notes.truncate(read);
        w.report = None;
    });
}

/// Worker: a text the page already holds (the pasted text, small files).
#[wasm_bindgen(js_name = bigText)]
pub fn big_text(name: String, text: String, pasted: bool) {
    WORK.with_borrow_mut(|w| {
        w.end_file();
        w.notes.push(Note {
            bytes: text.len() as f64,
            pasted,
            ..Note::default()
        });
        w.files.push((name, text));
    });
}

/// Worker: analyse everything given, calling `progress(done, total)`; returns the summary
/// (`web/src/big.rs`'s `Summary::read` reads it).
#[wasm_bindgen(js_name = bigAnalyze)]
pub fn big_analyze(target: String, profile: String, progress: &Function) -> Array {
    WORK.with_borrow_mut(|w| {
        w.end_file();
        let opts = Options {
            target: Target::parse(&target),
            profile: Profile::parse(&profile),
            threads: 1,
        };
        w.report = None;
        let inputs: Vec<Input> = w
            .files
            .iter()
            .zip(&w.notes)
            .filter(|(_, n)| !n.binary)
            .map(|((path, text), _)| Input {
                path: path.clone(),
                text,
            })
            .collect();
        let this = JsValue::NULL;
        let report = analyze_with(&inputs, &opts, &mut |done, total| {
            let _ = progress.call2(&this, &(done as f64).into(), &(total as f64).into());
        });
        drop(inputs);
        let out = Array::new();
        let push = |v: JsValue| out.push(&v);
        // Per severity: the exact count (with those a D007 counts), then the rows listed.
        for s in [Severity::Error, Severity::Warning, Severity::Info] {
            push((report.count(s) as f64).into());
            let listed = report
                .diagnostics
                .iter()
                .filter(|d| d.severity == s)
                .count();
            push((listed as f64).into());
        }
        push((report.records.len() as f64).into());
        push((report.incidents.len() as f64).into());
        let parts = report.parts();
        push(
            parts
                .iter()
                .map(|p| p.name())
                .collect::<Vec<_>>()
                .join(",")
                .into(),
        );
        // Per file (binary files included, in the order given): name, bytes, invalid
        // sequences, first invalid offset, binary, pasted.
        for ((name, _), n) in w.files.iter().zip(&w.notes) {
            push(name.as_str().into());
            push(n.bytes.into());
            push((n.invalid as f64).into());
            push((n.first_invalid as f64).into());
            push(n.binary.into());
            push(n.pasted.into());
        }
        w.report = Some(report);
        w.order = Default::default();
        out
    })
}

/// Worker: `count` rows of the findings `filter` shows (0 all, 1 errors, 2 warnings, 3
/// infos) from `start`, each [`ROW_FIELDS`] strings followed by its two messages.
#[wasm_bindgen(js_name = bigRows)]
pub fn big_rows(filter: u32, start: u32, count: u32) -> Array {
    let out = Array::new();
    WORK.with_borrow_mut(|w| {
        let Work {
            files,
            notes,
            report,
            order,
            ..
        } = w;
        let Some(report) = report.as_ref() else {
            return;
        };
        let f = (filter as usize).min(3);
        let order = order[f].get_or_insert_with(|| {
            let want = [
                None,
                Some(Severity::Error),
                Some(Severity::Warning),
                Some(Severity::Info),
            ][f];
            report
                .diagnostics
                .iter()
                .enumerate()
                .filter(|(_, d)| want.is_none_or(|s| d.severity == s))
                .map(|(i, _)| i as u32)
                .collect()
        });
        // The texts in the core's order (binary files were not given to it).
        let texts: Vec<&str> = files
            .iter()
            .zip(notes.iter())
            .filter(|(_, n)| !n.binary)
            .map(|(f, _)| f.1.as_str())
            .collect();
        let empty = LineIndex::new("");
        let (start, count) = (start as usize, count as usize);
        for &i in order.iter().skip(start).take(count) {
            let d = &report.diagnostics[i as usize];
            // Every row is sent, so the page's indices stay right (a finding always has its
            // file; an empty text stands in if not).
            let (text, lines) = match (texts.get(d.file), report.files.get(d.file)) {
                (Some(t), Some(f)) => (*t, &f.lines),
                _ => ("", &empty),
            };
            let (line, col) = lines.line_col(text, d.span.start);
            let sn = snippet(text, lines, d.span);
            // An array of ROW_FIELDS (core::snippet), which the page's reader reads too.
            let fields: [String; ROW_FIELDS] = [
                d.severity.as_str().to_string(),
                d.code.to_string(),
                d.file.to_string(),
                line.to_string(),
                col.to_string(),
                sn.line.to_string(),
                sn.before,
                sn.marked,
                sn.after,
                u8::from(sn.cut_left).to_string(),
                u8::from(sn.cut_right).to_string(),
                sn.more_lines.to_string(),
            ];
            for v in fields {
                out.push(&v.into());
            }
            put_msg(&out, Some(&d.message));
            put_msg(&out, d.help.as_ref());
        }
    });
    out
}

/// A message as its key, the number of arguments, then name and value of each ("" and 0
/// for none).
fn put_msg(out: &Array, m: Option<&Msg>) {
    let (key, args) = m.map_or(("", &[][..]), |m| (m.key.as_ref(), &m.args[..]));
    out.push(&key.into());
    out.push(&(args.len() as f64).into());
    for (name, value) in args {
        out.push(&(*name).into());
        out.push(&value.as_str().into());
    }
}
