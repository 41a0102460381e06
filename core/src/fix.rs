//! Fixes: applying the edits that findings carry, and small helpers rules use to build them.
//!
//! Invariants (tested by `core/tests/fixes.rs`):
//! - a fix's edits are non-overlapping, on char boundaries, inside the text of its finding;
//! - [`apply`] skips a fix whose edits overlap an edit already taken (two edits overlap when
//!   their ranges intersect or they start at the same byte), so the result never depends on
//!   a half-applied fix;
//! - fixing is idempotent: [`fix_all`] repeats "analyse, apply every fix" until nothing
//!   applies, and running it on its own output changes nothing;
//! - bytes outside the edits stay byte-identical (indentation, CRLF line endings).

use crate::conf::Conf;
use crate::diagnostic::{Edit, Fix, Span};
use crate::report::{Input, Options, analyze};

/// Apply fixes to one text, in the order given. Returns the new text and the indices (into
/// `fixes`) of the fixes that were applied; a fix is skipped when one of its edits is out of
/// bounds, not on a char boundary, not sorted or overlapping another edit of the same fix, or
/// overlaps an edit of a fix applied before it.
pub fn apply(text: &str, fixes: &[&Fix]) -> (String, Vec<usize>) {
    let mut applied = Vec::new();
    // Only the stretch of text the edits touch is tracked.
    let spans = || fixes.iter().flat_map(|f| f.edits.iter().map(|e| e.span));
    let Some(lo) = spans().map(|s| s.start).min() else {
        return (text.to_string(), applied);
    };
    let hi = spans()
        .map(|s| s.end.max(s.start))
        .max()
        .unwrap_or(lo)
        .min(text.len());
    // Per byte position from `lo`: COVERED by a taken replacement; the low bits hold 1 + the
    // index in `taken` of the edit that starts there (0: none). Walking it in order gives the
    // taken edits sorted, without a sort.
    let mut mark = vec![0u32; hi.saturating_sub(lo) + 1];
    let mut taken: Vec<&Edit> = Vec::new();
    for (fi, fix) in fixes.iter().enumerate() {
        let mut prev: Option<Span> = None;
        let ok = !fix.edits.is_empty()
            && fix.edits.iter().all(|e| {
                let s = e.span;
                let fits = lo <= s.start
                    && s.start <= s.end
                    && s.end <= hi
                    && text.is_char_boundary(s.start)
                    && text.is_char_boundary(s.end)
                    && prev.is_none_or(|p| p.start < s.start && p.end <= s.start);
                prev = Some(s);
                fits && free(&mark, Span::new(s.start - lo, s.end - lo))
            });
        if !ok {
            continue;
        }
        for e in &fix.edits {
            taken.push(e);
            mark[e.span.start - lo] |= taken.len() as u32;
            for m in &mut mark[e.span.start - lo..e.span.end - lo] {
                *m |= COVERED;
            }
        }
        applied.push(fi);
    }
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for m in mark {
        if m & !COVERED != 0 {
            let e = taken[(m & !COVERED) as usize - 1];
            out.push_str(&text[pos..e.span.start]);
            out.push_str(&e.replacement);
            pos = e.span.end;
        }
    }
    out.push_str(&text[pos..]);
    (out, applied)
}

const COVERED: u32 = 1 << 31;

/// Can an edit of `s` (relative to the tracked stretch) be taken? Not when a taken edit
/// starts at the same byte, a taken replacement covers one of its bytes, a taken edit starts
/// strictly inside it, or (for an insertion) it falls strictly inside a taken replacement.
fn free(mark: &[u32], s: Span) -> bool {
    let starts = |m: &u32| m & !COVERED != 0;
    !starts(&mark[s.start])
        && mark[s.start..s.end].iter().all(|m| m & COVERED == 0)
        && !mark[s.start + 1..s.end.max(s.start + 1)].iter().any(starts)
        && !(s.start > 0 && mark[s.start - 1] & mark[s.start] & COVERED != 0)
}

/// The result of fixing one input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fixed {
    pub text: String,
    /// How many fixes were applied, over all rounds.
    pub applied: usize,
}

/// At most this many rounds of "analyse, apply": a fix can uncover another (a key split off a
/// `{` line is checked once it stands on its own line).
pub const MAX_ROUNDS: usize = 8;

/// Fix every input: analyse all inputs together (as `analyze` does), apply every fix of each
/// input, and repeat until no fix applies. Inputs without fixes come back unchanged.
pub fn fix_all(inputs: &[Input], opts: &Options) -> Vec<Fixed> {
    let mut out: Vec<Fixed> = inputs
        .iter()
        .map(|i| Fixed {
            text: i.text.to_string(),
            applied: 0,
        })
        .collect();
    for _ in 0..MAX_ROUNDS {
        let cur: Vec<Input> = inputs
            .iter()
            .zip(&out)
            .map(|(i, f)| Input {
                path: i.path.clone(),
                text: &f.text,
            })
            .collect();
        let report = analyze(&cur, opts);
        let mut next = Vec::with_capacity(cur.len());
        let mut any = false;
        for (i, input) in cur.iter().enumerate() {
            let fixes: Vec<&Fix> = report
                .diagnostics
                .iter()
                .filter(|d| d.file == i)
                .filter_map(|d| d.fix.as_ref())
                .collect();
            let (text, applied) = apply(input.text, &fixes);
            any |= !applied.is_empty() && text != input.text;
            next.push((text, applied.len()));
        }
        drop(cur);
        for (f, (text, n)) in out.iter_mut().zip(next) {
            f.text = text;
            f.applied += n;
        }
        if !any {
            break;
        }
    }
    out
}

// ---- helpers for rules ------------------------------------------------------------------

/// The end-of-line bytes to use after line `line`: its own, else the file's first, else LF.
pub fn eol<'a>(conf: &Conf<'a>, line: usize) -> &'a str {
    let l = &conf.tree.lines[line];
    if !l.eol.is_empty() {
        return conf.slice(l.eol);
    }
    conf.tree
        .lines
        .iter()
        .find(|l| !l.eol.is_empty())
        .map(|l| conf.slice(l.eol))
        .unwrap_or("\n")
}

/// The leading blanks (space, TAB) of a line.
pub fn indent<'a>(conf: &Conf<'a>, line: usize) -> &'a str {
    let s = conf.slice(conf.tree.lines[line].span);
    &s[..s.len() - s.trim_start_matches(crate::conf::syntax::is_blank).len()]
}

/// One level of indentation as the file writes it: the indent of the first indented line
/// (TAB when there is none).
pub fn indent_unit<'a>(conf: &Conf<'a>) -> &'a str {
    (0..conf.tree.lines.len())
        .map(|l| indent(conf, l))
        .find(|i| !i.is_empty())
        .unwrap_or("\t")
}

/// Delete a whole line with its end of line.
pub fn delete_line(conf: &Conf, line: usize) -> Edit {
    let l = &conf.tree.lines[line];
    Edit::delete(Span::new(l.span.start, l.eol.end))
}

/// Insert a new line `text` (without indentation or end of line) after line `line`, with
/// `indent`. `None` when that line has no end of line (the end of the input).
pub fn insert_line_after(conf: &Conf, line: usize, indent: &str, text: &str) -> Option<Edit> {
    let l = &conf.tree.lines[line];
    if l.eol.is_empty() {
        return None;
    }
    Some(Edit::insert(
        l.eol.end,
        [indent, text, conf.slice(l.eol)].concat(),
    ))
}

/// Does the file have brace findings whose fixes move lines (E003, E004, E014)? Fixes that
/// insert lines into a section wait until those are fixed: the sections may not be where they
/// seem.
pub fn braces_unsettled(conf: &Conf) -> bool {
    use crate::conf::SyntaxErrorKind::*;
    conf.tree.errors.iter().any(|e| {
        matches!(
            e.kind,
            ExtraAfterOpen | ExtraAroundClose | BareCarriageReturn
        )
    })
}
