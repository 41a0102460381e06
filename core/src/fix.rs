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

use std::collections::BTreeMap;

use crate::conf::Conf;
use crate::diagnostic::{Edit, Fix, Span};
use crate::report::{Input, Options, analyze};

/// Apply fixes to one text, in the order given. Returns the new text and the indices (into
/// `fixes`) of the fixes that were applied; a fix is skipped when one of its edits is out of
/// bounds, not on a char boundary, overlaps another edit of the same fix, or overlaps an edit
/// of a fix applied before it.
pub fn apply(text: &str, fixes: &[&Fix]) -> (String, Vec<usize>) {
    // Accepted edits by start: (end, index of fix, index of edit).
    let mut taken: BTreeMap<usize, (usize, usize, usize)> = BTreeMap::new();
    let mut applied = Vec::new();
    for (fi, fix) in fixes.iter().enumerate() {
        let ok_bounds = fix.edits.iter().all(|e| {
            e.span.start <= e.span.end
                && e.span.end <= text.len()
                && text.is_char_boundary(e.span.start)
                && text.is_char_boundary(e.span.end)
        });
        if !ok_bounds || fix.edits.is_empty() {
            continue;
        }
        let mut own: BTreeMap<usize, (usize, usize, usize)> = BTreeMap::new();
        let mut ok = true;
        for (ei, e) in fix.edits.iter().enumerate() {
            if conflicts(&taken, e.span) || conflicts(&own, e.span) {
                ok = false;
                break;
            }
            own.insert(e.span.start, (e.span.end, fi, ei));
        }
        if ok {
            taken.extend(own);
            applied.push(fi);
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for (start, (end, fi, ei)) in taken {
        out.push_str(&text[pos..start]);
        out.push_str(&fixes[fi].edits[ei].replacement);
        pos = end;
    }
    out.push_str(&text[pos..]);
    (out, applied)
}

/// Does `s` overlap an edit in `taken` (disjoint ranges keyed by start)?
fn conflicts(taken: &BTreeMap<usize, (usize, usize, usize)>, s: Span) -> bool {
    if taken.contains_key(&s.start) {
        return true;
    }
    if let Some((_, (end, ..))) = taken.range(..s.start).next_back()
        && *end > s.start
    {
        return true;
    }
    s.end > s.start && taken.range(s.start + 1..s.end).next().is_some()
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
    &s[..s.len() - s.trim_start_matches([' ', '\t']).len()]
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
        format!("{indent}{text}{}", conf.slice(l.eol)),
    ))
}

/// Does the file have brace findings (E001–E004, E014)? Fixes that insert lines into a
/// section wait until those are fixed: the sections may not be where they seem.
pub fn braces_unsettled(conf: &Conf) -> bool {
    use crate::conf::SyntaxErrorKind::*;
    conf.tree.errors.iter().any(|e| {
        matches!(
            e.kind,
            MissingClosingBrace
                | UnexpectedClosingBrace
                | ExtraAfterOpen
                | ExtraAroundClose
                | BareCarriageReturn
        )
    })
}
