//! The editor's highlighting: colours for corosync.conf and log lines, the findings as wavy
//! underlines, and marks in the gutter with the findings' text on hover.
//!
//! The textarea stays the editor (typing, selection, undo and IME are the browser's own); its
//! text is transparent and a layer under it draws the same lines in colour. Only the lines on
//! screen are drawn, on every input and scroll, so the cost does not grow with the text. The
//! layer is built with `create_element` and `set_text_content` (never HTML from the text). Off
//! when lines wrap (a line's height is then unknown) and above [`MAX_BYTES`].

use std::cell::RefCell;

use corocheck_core::{Lang, Severity};
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, HtmlTextAreaElement};

use crate::Ctl;

/// Above this many UTF-16 units the editor is a plain textarea.
pub const MAX_BYTES: u32 = 512 * 1024;
/// Must equal `--editor-lh` and the textarea's top padding in style.css.
const LINE_PX: i32 = 20;
const PAD_PX: i32 = 8;

/// The text last drawn and where its lines start.
#[derive(Default)]
struct Cache {
    text: String,
    starts: Vec<usize>,
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
}

/// A finding on the editor's text: byte range, severity, hover text.
pub struct Mark {
    pub start: usize,
    pub end: usize,
    pub severity: Severity,
    pub text: String,
}

/// Whether highlighting applies to this textarea now.
pub fn active(ta: &HtmlTextAreaElement, wrap: bool) -> bool {
    !wrap && ta.text_length() <= MAX_BYTES
}

/// Redraw the lines on screen. `reread`: the text may have changed (input, new analysis).
pub fn paint(ctl: &Ctl, reread: bool) {
    let (Some(ta), Some(layer)) = (ctl.textarea(), ctl.hl_el()) else {
        return;
    };
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    // The gutter (and its marks) is not there when lines wrap.
    let marks = ctl.marks_el();
    clear(&layer);
    if let Some(m) = &marks {
        clear(m);
    }
    let on = active(&ta, ctl.wrap());
    // The textarea's own text is transparent only while the layer draws it.
    let class = if on { "hl-on" } else { "" };
    if ta.class_name() != class {
        ta.set_class_name(class);
    }
    if !on {
        return;
    }
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if reread || c.starts.is_empty() {
            c.text = ta.value();
            c.starts = line_starts(&c.text);
        }
        let top = ta.scroll_top().max(0);
        let first = ((top - PAD_PX).max(0) / LINE_PX) as usize;
        let shown = (ta.client_height().max(0) / LINE_PX) as usize + 3;
        let last = (first + shown).min(c.starts.len());
        let lo = c.starts.get(first).copied().unwrap_or(c.text.len());
        let hi = c.starts.get(last).copied().unwrap_or(c.text.len());
        let findings = ctl.editor_marks(&c.text, lo, hi);
        // Integers only: formatting an f64 would pull float printing into the wasm.
        let shift = format!(
            "translate({}px, {}px)",
            -ta.scroll_left(),
            first as i32 * LINE_PX - top
        );
        for el in std::iter::once(&layer).chain(marks.as_ref()) {
            if let Some(h) = el.dyn_ref::<HtmlElement>() {
                let _ = h.style().set_property("transform", &shift);
            }
        }
        for i in first..last {
            let start = c.starts[i];
            let end = c.starts.get(i + 1).map_or(c.text.len(), |&n| n - 1);
            let line = c.text[start..end].trim_end_matches('\r');
            let here: Vec<&Mark> = findings
                .iter()
                .filter(|m| m.start <= start + line.len() && m.end.max(m.start + 1) > start)
                .collect();
            let _ = layer.append_child(&draw_line(&doc, line, start, &here));
            if let Some(m) = &marks {
                let _ = m.append_child(&gutter_mark(&doc, &here));
            }
        }
    });
}

fn clear(el: &Element) {
    while let Some(child) = el.last_child() {
        let _ = el.remove_child(&child);
    }
}

fn line_starts(text: &str) -> Vec<usize> {
    let mut v = vec![0];
    v.extend(memchr_lines(text));
    v
}

fn memchr_lines(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.bytes()
        .enumerate()
        .filter(|&(_, b)| b == b'\n')
        .map(|(i, _)| i + 1)
}

fn span(doc: &Document, class: &str, text: &str) -> Option<Element> {
    let el = doc.create_element("span").ok()?;
    if !class.is_empty() {
        el.set_class_name(class);
    }
    el.set_text_content(Some(text));
    Some(el)
}

/// One line: its tokens coloured, the parts under a finding underlined.
fn draw_line(doc: &Document, line: &str, at: usize, marks: &[&Mark]) -> Element {
    let row = doc.create_element("div").expect("div");
    row.set_class_name("l");
    let tokens = tokens(line);
    // Cut points: token edges and finding edges, inside the line.
    let mut cuts: Vec<usize> = vec![0, line.len()];
    for &(s, e, _) in &tokens {
        cuts.extend([s, e]);
    }
    for m in marks {
        cuts.push(m.start.saturating_sub(at).min(line.len()));
        cuts.push(m.end.max(m.start + 1).saturating_sub(at).min(line.len()));
    }
    cuts.retain(|&c| line.is_char_boundary(c));
    // A handful of points: an insertion sort (std's sort would add kilobytes to the wasm).
    for i in 1..cuts.len() {
        let mut j = i;
        while j > 0 && cuts[j - 1] > cuts[j] {
            cuts.swap(j - 1, j);
            j -= 1;
        }
    }
    cuts.dedup();
    for w in cuts.windows(2) {
        let (s, e) = (w[0], w[1]);
        let class = tokens
            .iter()
            .find(|t| t.0 <= s && e <= t.1)
            .map_or("", |t| t.2);
        let under = marks
            .iter()
            .filter(|m| m.start <= at + s && at + e <= m.end.max(m.start + 1))
            .map(|m| m.severity)
            .min_by_key(|s| rank(*s));
        let class = match under {
            Some(sev) => format!("{class} u u-{}", sev.as_str()),
            None => class.to_string(),
        };
        if let Some(el) = span(doc, class.trim(), &line[s..e]) {
            let _ = row.append_child(&el);
        }
    }
    row
}

fn rank(s: Severity) -> u8 {
    match s {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    }
}

/// The gutter row of a line: a mark when findings touch it, their text on hover.
fn gutter_mark(doc: &Document, marks: &[&Mark]) -> Element {
    let row = doc.create_element("div").expect("div");
    row.set_class_name("l");
    if let Some(worst) = marks.iter().map(|m| m.severity).min_by_key(|s| rank(*s)) {
        let text = marks
            .iter()
            .map(|m| m.text.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        if let Some(el) = span(doc, &format!("gm sev-{}", worst.as_str()), "●") {
            let _ = el.set_attribute("title", &text);
            let _ = row.append_child(&el);
        }
    }
    row
}

/// The findings' text for the line under the pointer (the textarea's own tooltip).
pub fn hover_text(ctl: &Ctl, offset_y: i32) -> String {
    let Some(ta) = ctl.textarea() else {
        return String::new();
    };
    CACHE.with(|c| {
        let c = c.borrow();
        let y = offset_y + ta.scroll_top() - PAD_PX;
        if y < 0 || c.starts.is_empty() {
            return String::new();
        }
        let i = (y / LINE_PX) as usize;
        let (Some(&start), end) = (
            c.starts.get(i),
            c.starts.get(i + 1).copied().unwrap_or(c.text.len()),
        ) else {
            return String::new();
        };
        ctl.editor_marks(&c.text, start, end)
            .into_iter()
            .map(|m| m.text)
            .collect::<Vec<_>>()
            .join("\n")
    })
}

/// Token classes: `c` comment, `s` section or subsystem, `k` key, `v` value, `p` brace,
/// `t` time, `e`/`w`/`i` a log level word.
pub fn tokens(line: &str) -> Vec<(usize, usize, &'static str)> {
    let mut out = Vec::new();
    let body = line.trim_start();
    let lead = line.len() - body.len();
    if body.starts_with('#') {
        out.push((lead, line.len(), "c"));
        return out;
    }
    if let Some(b) = body.find('{') {
        let name = body[..b].trim_end();
        if is_word(name) {
            out.push((lead, lead + name.len(), "s"));
            out.push((lead + b, lead + b + 1, "p"));
            return out;
        }
    }
    if body.trim_end() == "}" {
        out.push((lead, lead + 1, "p"));
        return out;
    }
    if let Some(colon) = body.find(':') {
        let key = body[..colon].trim_end();
        if is_word(key) {
            out.push((lead, lead + key.len(), "k"));
            let value = body[colon + 1..].trim();
            if !value.is_empty() {
                let v = lead + body.len() - body[colon + 1..].trim_start().len();
                out.push((v, v + value.len(), "v"));
            }
            return out;
        }
    }
    log_tokens(line, &mut out);
    out
}

fn is_word(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
}

/// A log line: the leading time stamp, `[SUBSYS]` brackets and level words.
fn log_tokens(line: &str, out: &mut Vec<(usize, usize, &'static str)>) {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    // The time stamp: a month name or a digit, then date and time characters.
    let month = MONTHS.iter().any(|m| line.starts_with(m));
    if month || line.starts_with(|c: char| c.is_ascii_digit()) {
        let mut end = 0;
        let mut digits_seen = 0;
        for (i, ch) in line.char_indices() {
            let timeish = ch.is_ascii_digit() || matches!(ch, ':' | '.' | '-' | '+' | 'T' | ',');
            let ok = timeish || ch == ' ' || (month && i < 3);
            if !ok {
                break;
            }
            if ch.is_ascii_digit() {
                digits_seen += 1;
            }
            if timeish || (month && i < 3) {
                end = i + ch.len_utf8();
            }
        }
        if digits_seen >= 4 {
            out.push((0, end, "t"));
        }
    }
    let from = out.last().map_or(0, |t| t.1);
    let mut i = from;
    while let Some(rel) = line[i..].find('[') {
        let open = i + rel;
        let Some(close) = line[open..].find(']').map(|c| open + c) else {
            break;
        };
        if close - open <= 16 {
            out.push((open, close + 1, "s"));
        }
        i = close + 1;
    }
    for (word, class) in [
        ("error", "e"),
        ("ERROR", "e"),
        ("crit", "e"),
        ("CRIT", "e"),
        ("warning", "w"),
        ("WARN", "w"),
        ("notice", "i"),
        ("NOTICE", "i"),
    ] {
        let mut i = from;
        while let Some(rel) = line[i..].find(word) {
            let s = i + rel;
            let e = s + word.len();
            let bounded = |b: Option<u8>| b.is_none_or(|b| !b.is_ascii_alphanumeric());
            if bounded(s.checked_sub(1).map(|p| line.as_bytes()[p]))
                && bounded(line.as_bytes().get(e).copied())
                && !out.iter().any(|t| t.0 < e && s < t.1)
            {
                // Keep `out` ordered by start.
                let at = out.iter().position(|t| t.0 > s).unwrap_or(out.len());
                out.insert(at, (s, e, class));
            }
            i = e;
        }
    }
}

/// Labels for [`Mark::text`]: "error C501: message".
pub fn mark_text(code: &str, severity: Severity, message: &str, lang: Lang) -> String {
    format!("{} {code}: {message}", severity.label(lang))
}

#[cfg(test)]
mod tests {
    use super::tokens;

    fn classes(line: &str) -> Vec<(&str, &'static str)> {
        tokens(line)
            .into_iter()
            .map(|(s, e, c)| (&line[s..e], c))
            .collect()
    }

    #[test]
    fn config_lines() {
        assert_eq!(classes("totem {"), [("totem", "s"), ("{", "p")]);
        assert_eq!(classes("    token: 3000"), [("token", "k"), ("3000", "v")]);
        assert_eq!(classes("\t# a comment: x"), [("# a comment: x", "c")]);
        assert_eq!(classes("  }"), [("}", "p")]);
        assert_eq!(classes("name:"), [("name", "k")]);
        // A time stamp is not a key.
        assert_eq!(
            classes("2024-05-01T10:00:00 x")[0],
            ("2024-05-01T10:00:00", "t")
        );
    }

    #[test]
    fn log_lines() {
        let l = "Aug 26 16:20:37 corosync [pcmk  ] ERROR: process_ais_conf: x";
        let c = classes(l);
        assert_eq!(c[0], ("Aug 26 16:20:37", "t"));
        assert!(c.contains(&("[pcmk  ]", "s")));
        assert!(c.contains(&("ERROR", "e")));
        let l = "2024-05-01T10:00:00.123+0900 node1 corosync[1]: [KNET  ] link: host: 2 link: 0 is down";
        let c = classes(l);
        assert_eq!(c[0].1, "t");
        assert!(c.contains(&("[KNET  ]", "s")));
        // Words inside other words are not levels.
        assert!(
            !classes("Jan  1 00:00:00 x: terrors")
                .iter()
                .any(|t| t.1 == "e")
        );
    }

    #[test]
    fn odd_text_never_panics() {
        for l in [
            "",
            "{",
            ":",
            "[",
            "]]]",
            "é{",
            "Jan",
            "2é",
            "x [é] error",
            "#",
        ] {
            let _ = tokens(l);
        }
    }
}
