//! Syntax rules (`E0xx`): one per parser finding. The parser (`conf::syntax`) finds them; each
//! rule decides the severity for the targeted version and words the message.

use super::{Ctx, Rule, RuleMeta};
use crate::conf::{Dialect, LineKind, SyntaxError, SyntaxErrorKind};
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;

pub mod bare_carriage_return;
pub mod byte_order_mark;
pub mod empty_key;
pub(crate) mod fixes;
pub mod invalid_name_char;
pub mod line_too_long;
pub mod lookalike_whitespace;
pub mod missing_closing_brace;
pub mod missing_section_name;
pub mod name_too_short;
pub mod not_section_or_key;
pub mod nul_byte;
pub mod path_too_long;
pub mod text_after_opening_brace;
pub mod text_around_closing_brace;
pub mod unexpected_closing_brace;

pub fn rules() -> Vec<Rule> {
    vec![
        Rule {
            meta: &missing_closing_brace::META,
            check: missing_closing_brace::check,
        },
        Rule {
            meta: &unexpected_closing_brace::META,
            check: unexpected_closing_brace::check,
        },
        Rule {
            meta: &text_after_opening_brace::META,
            check: text_after_opening_brace::check,
        },
        Rule {
            meta: &text_around_closing_brace::META,
            check: text_around_closing_brace::check,
        },
        Rule {
            meta: &missing_section_name::META,
            check: missing_section_name::check,
        },
        Rule {
            meta: &not_section_or_key::META,
            check: not_section_or_key::check,
        },
        Rule {
            meta: &line_too_long::META,
            check: line_too_long::check,
        },
        Rule {
            meta: &nul_byte::META,
            check: nul_byte::check,
        },
        Rule {
            meta: &byte_order_mark::META,
            check: byte_order_mark::check,
        },
        Rule {
            meta: &lookalike_whitespace::META,
            check: lookalike_whitespace::check,
        },
        Rule {
            meta: &empty_key::META,
            check: empty_key::check,
        },
        Rule {
            meta: &invalid_name_char::META,
            check: invalid_name_char::check,
        },
        Rule {
            meta: &path_too_long::META,
            check: path_too_long::check,
        },
        Rule {
            meta: &bare_carriage_return::META,
            check: bare_carriage_return::check,
        },
        Rule {
            meta: &name_too_short::META,
            check: name_too_short::check,
        },
    ]
}

/// The parser findings of one kind.
pub(crate) fn errors<'a>(
    ctx: &'a Ctx,
    kind: SyntaxErrorKind,
) -> impl Iterator<Item = &'a SyntaxError> + 'a {
    ctx.conf.tree.errors.iter().filter(move |e| e.kind == kind)
}

/// Report every parser finding of `kind` with the rule's message keys `<code>.message`,
/// `<code>.help` (and `<code>.message.lenient` / `.help.lenient` when 1.x/2.x behave
/// differently), the `{version}` argument, and any extra arguments.
pub(crate) fn report(
    ctx: &Ctx,
    out: &mut Vec<Diagnostic>,
    meta: &'static RuleMeta,
    kind: SyntaxErrorKind,
    severity: impl Fn(&SyntaxError) -> Severity,
    lenient_wording: bool,
    args: impl Fn(&SyntaxError) -> Vec<(&'static str, String)>,
) {
    let lenient = ctx.conf.tree.dialect == Dialect::Lenient && lenient_wording;
    let suffix = if lenient { ".lenient" } else { "" };
    for e in errors(ctx, kind) {
        let sev = severity(e);
        // Past the first hundred of a kind only counted (D007): a NUL on every line of a
        // million is a million findings otherwise.
        if !ctx.listed(meta.code, sev, e.span) {
            continue;
        }
        let mut m = Msg::new(format!("{}.message{suffix}", meta.code)).arg("version", ctx.target);
        let mut h = Msg::new(format!("{}.help{suffix}", meta.code)).arg("version", ctx.target);
        for (k, v) in args(e) {
            m = m.arg(k, v.clone());
            h = h.arg(k, v);
        }
        let mut d = meta
            .diag(e.span, m)
            .help(h)
            .explain(Msg::new(format!("{}.explain", meta.code)));
        d.severity = sev;
        out.push(d);
    }
}

/// The section name on a line, if it opens one.
/// Add a related place to the findings pushed since `from`: where corosync itself reports the
/// problem, when that is not where the problem is.
pub(crate) fn also_reported_at(
    ctx: &Ctx,
    out: &mut [Diagnostic],
    from: usize,
    note: &'static str,
    place: impl Fn(&Diagnostic) -> Option<crate::diagnostic::Span>,
) {
    if out.len() == from {
        return;
    }
    let index = crate::text::LineIndex::new(ctx.conf.text);
    for d in &mut out[from..] {
        if let Some(span) = place(d) {
            let (line, _) = index.line_col(ctx.conf.text, span.start);
            d.related.push(crate::diagnostic::Related {
                file: 0,
                span,
                note: Msg::new(note).arg("line", line),
            });
        }
    }
}

/// The trimmed span of the last line with text in the tree (corosync's end-of-file line).
pub(crate) fn last_text_line(ctx: &Ctx) -> Option<crate::diagnostic::Span> {
    ctx.conf
        .tree
        .lines
        .iter()
        .rev()
        .map(|l| l.span)
        .find(|s| !ctx.conf.slice(*s).trim().is_empty())
}

/// The first `key: value` line at or after line `from` inside section `sec` (or anywhere).
pub(crate) fn first_key_line(ctx: &Ctx, sec: Option<usize>) -> Option<crate::diagnostic::Span> {
    ctx.conf
        .tree
        .lines
        .iter()
        .find(|l| matches!(l.kind, LineKind::KeyValue { .. }) && sec.is_none_or(|s| l.section == s))
        .map(|l| {
            let t = ctx.conf.slice(l.span);
            crate::diagnostic::Span::new(
                l.span.start + (t.len() - t.trim_start().len()),
                l.span.end,
            )
        })
}

pub(crate) fn section_name_on<'a>(ctx: &Ctx<'a>, line: usize) -> &'a str {
    match ctx.conf.tree.lines[line].kind {
        LineKind::Open { name } => ctx.conf.slice(name),
        _ => "",
    }
}

pub(crate) fn strict_error(ctx: &Ctx) -> Severity {
    if ctx.conf.tree.dialect == Dialect::Strict {
        Severity::Error
    } else {
        Severity::Warning
    }
}

/// Attach fixes to the findings `report` pushed from `from` on (one per parser error of
/// `kind`, in order).
pub(crate) fn attach_fixes(
    ctx: &Ctx,
    out: &mut [Diagnostic],
    from: usize,
    kind: SyntaxErrorKind,
    fix: &dyn Fn(&SyntaxError) -> Option<(Msg, Vec<crate::diagnostic::Edit>)>,
) {
    // The findings are the listed errors, in order (some may have been only counted).
    let mut errs = errors(ctx, kind);
    for d in &mut out[from..] {
        let Some(e) = errs.find(|e| e.span == d.span) else {
            break;
        };
        if let Some((title, edits)) = fix(e) {
            d.set_fix(title, edits);
        }
    }
}
