//! The source line around a span, cut for display: what the page's findings and the
//! large-file worker's rows show under a finding. Pure text, tested natively, shared by the
//! page's wasm and the worker's.

use crate::diagnostic::Span;
use crate::text::LineIndex;

/// Strings per row of the large-file worker's findings (before the row's two messages):
/// severity, code, file, line, column, then the [`Snippet`]'s line, before, marked, after,
/// cut left, cut right and more lines. `worker/` writes rows of exactly this many,
/// `web/src/big.rs` reads them.
pub const ROW_FIELDS: usize = 12;

/// Characters kept before and after the marked part, and inside it, on very long lines
/// (a mail archive can turn a whole message into one line).
const CONTEXT_BEFORE: usize = 60;
const CONTEXT_AFTER: usize = 80;
const MARK_MAX: usize = 240;

/// The line a span starts on, cut into three parts for display.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// 1-based line number.
    pub line: usize,
    pub before: String,
    pub marked: String,
    pub after: String,
    /// Text was cut off on the left / right.
    pub cut_left: bool,
    pub cut_right: bool,
    /// The span goes on for this many more lines.
    pub more_lines: usize,
}

/// Cut the line holding `span.start` into before / marked / after, with long lines shortened
/// around the span. Never panics: spans are clamped to the text and to char boundaries.
pub fn snippet(text: &str, lines: &LineIndex, span: Span) -> Snippet {
    let start = floor_boundary(text, span.start);
    let end = floor_boundary(text, span.end.max(start));
    let line0 = lines.line_of(start);
    let ls = lines.line_span(text, line0);
    let last_line0 = lines.line_of(end.saturating_sub(1).max(start));
    let mark_end = end.min(ls.end).max(start);
    let line_start = ls.start.min(start);

    let before_full = &text[line_start..start];
    let marked_full = &text[start..mark_end.max(start)];
    let after_full = if mark_end <= ls.end {
        &text[mark_end..ls.end]
    } else {
        ""
    };

    let (before, cut_left) = tail_chars(before_full, CONTEXT_BEFORE);
    let (marked, cut_mark) = head_chars(marked_full, MARK_MAX);
    let (after, cut_after) = if cut_mark {
        (String::new(), true)
    } else {
        head_chars(after_full, CONTEXT_AFTER)
    };
    Snippet {
        line: line0 + 1,
        before: visible(&before),
        marked: visible(&marked),
        after: visible(&after),
        cut_left,
        cut_right: cut_after,
        more_lines: last_line0.saturating_sub(line0),
    }
}

/// The largest char boundary at or before `offset` (clamped to the text).
pub fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut o = offset.min(text.len());
    while !text.is_char_boundary(o) {
        o -= 1;
    }
    o
}

fn head_chars(s: &str, max: usize) -> (String, bool) {
    match s.char_indices().nth(max) {
        Some((i, _)) => (s[..i].to_string(), true),
        None => (s.to_string(), false),
    }
}

fn tail_chars(s: &str, max: usize) -> (String, bool) {
    let count = s.chars().count();
    if count <= max {
        return (s.to_string(), false);
    }
    let skip = count - max;
    let i = s
        .char_indices()
        .nth(skip)
        .map(|(i, _)| i)
        .unwrap_or(s.len());
    (s[i..].to_string(), true)
}

/// Make control characters visible (NUL and friends would otherwise vanish or confuse).
fn visible(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\t' => '\t',
            '\r' => '␍',
            c if (c as u32) < 0x20 => char::from_u32(0x2400 + c as u32).unwrap_or('?'),
            '\u{7f}' => '␡',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_marks_the_span_on_its_line() {
        let t = "service {\n\tname: pacemaker\n\tver: 0\n}\n";
        let ix = LineIndex::new(t);
        let s = t.find("ver").unwrap();
        let sn = snippet(t, &ix, Span::new(s, s + 6));
        assert_eq!(sn.line, 3);
        assert_eq!(sn.before, "\t");
        assert_eq!(sn.marked, "ver: 0");
        assert_eq!(sn.after, "");
        assert!(!sn.cut_left && !sn.cut_right);
        assert_eq!(sn.more_lines, 0);
    }

    #[test]
    fn snippet_shortens_long_lines_and_counts_extra_lines() {
        let long = format!("{}XY{}\nnext\n", "a".repeat(500), "b".repeat(500));
        let ix = LineIndex::new(&long);
        let s = long.find("XY").unwrap();
        let sn = snippet(&long, &ix, Span::new(s, long.len()));
        assert!(sn.cut_left);
        assert_eq!(sn.before.chars().count(), CONTEXT_BEFORE);
        assert!(sn.marked.starts_with("XY"));
        assert_eq!(sn.marked.chars().count(), MARK_MAX);
        assert!(sn.cut_right);
        assert_eq!(sn.more_lines, 1);
    }

    #[test]
    fn snippet_survives_bad_spans() {
        let t = "日本語\nx";
        let ix = LineIndex::new(t);
        // start inside a multi-byte char, end past the text
        let sn = snippet(t, &ix, Span::new(1, 999));
        assert_eq!(sn.line, 1);
        assert_eq!(sn.marked, "日本語");
        let empty = snippet("", &LineIndex::new(""), Span::new(5, 2));
        assert_eq!(empty.marked, "");
    }

    #[test]
    fn snippet_shows_control_characters() {
        let t = "a\u{0}b\r\n";
        let sn = snippet(t, &LineIndex::new(t), Span::new(1, 2));
        assert_eq!(sn.marked, "␀");
    }
}
