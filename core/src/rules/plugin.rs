//! Stack rules (`C5xx`): the corosync 1.x Pacemaker plugin, and 1.x-only sections left in
//! 2.x/3.x configs.

use super::{Ctx, Rule};
use crate::diagnostic::Span;

pub mod leftover;
pub mod pacemaker_plugin;
pub mod service_without_name;

/// The code whose findings are tied to the plugin's log lines (see `stack::correlate`).
pub const PLUGIN_CODE: &str = "C501";

pub fn rules() -> Vec<Rule> {
    vec![
        Rule {
            meta: &pacemaker_plugin::META,
            check: pacemaker_plugin::check,
        },
        Rule {
            meta: &leftover::META,
            check: leftover::check,
        },
        Rule {
            meta: &service_without_name::META,
            check: service_without_name::check,
        },
    ]
}

/// Trim leading blanks of a line span (findings start at the first visible character).
pub(crate) fn visible(ctx: &Ctx, span: Span) -> Span {
    let s = ctx.conf.slice(span);
    Span::new(span.start + (s.len() - s.trim_start().len()), span.end)
}
