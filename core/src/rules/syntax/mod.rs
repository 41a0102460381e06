//! Syntax rules (`E0xx`): one per parser finding. The parser (`conf::syntax`) finds them; each
//! rule decides the severity for the targeted version and words the message.

use super::{Ctx, Rule, RuleMeta};
use crate::conf::{Dialect, LineKind, SyntaxError, SyntaxErrorKind};
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;

pub mod bare_carriage_return;
pub mod byte_order_mark;
pub mod empty_key;
pub mod invalid_name_char;
pub mod line_too_long;
pub mod lookalike_whitespace;
pub mod missing_closing_brace;
pub mod missing_section_name;
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
        d.severity = severity(e);
        out.push(d);
    }
}

/// The section name on a line, if it opens one.
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
