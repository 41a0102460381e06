//! Config and logs together (X0xx). Runs after every file was read, when the inputs hold both
//! a main corosync.conf and recognised log records: a log line is explained with the settings
//! that caused it. Each finding sits on the log line (the message span of the record) and
//! `related` points to the config lines; `report::analyze` then gives those config lines'
//! own findings a link back to the log line.
//!
//! | code | name | log lines (KB) | config |
//! |---|---|---|---|
//! | X001 | log-token-differs | L102 "token timed out (N ms)" | `token`, `token_coefficient`, nodes |
//! | X002 | log-crypto-failure | L501–L504, L506–L510, L512 | crypto_cipher/hash, secauth, keyfile |
//! | X003 | log-local-node-missing | L402, L305 | the nodelist |
//! | X004 | log-bind-failed | L118, L206 | node addresses, port |
//!
//! With several corosync.conf the first one is used (as `cluster/` compares against it). One
//! finding per log file and kind of line: a fault repeats its line many times.

use super::{Ctx, RuleMeta};
use crate::diagnostic::{Diagnostic, Related, Span};
use crate::i18n::Msg;
use crate::logs::Record;

pub mod bind;
pub mod crypto;
pub mod local_node;
pub mod token;

pub fn metas() -> Vec<&'static RuleMeta> {
    vec![&token::META, &crypto::META, &local_node::META, &bind::META]
}

/// The config side: the first main corosync.conf, with its file and how to map its spans
/// (text whose line breaks were rebuilt) back to that file.
pub struct Cfg<'a> {
    pub ctx: &'a Ctx<'a>,
    pub file: usize,
    pub path: &'a str,
    pub back: &'a dyn Fn(Span) -> Span,
}

impl Cfg<'_> {
    /// A related place in the config: a key line from the key to the end of the line.
    #[inline(never)]
    pub(crate) fn key(&self, k: &crate::conf::KeyRef, note: Msg) -> Related {
        self.rel(Span::new(k.key_span.start, k.line_span.end), note)
    }
    /// A related place in the config.
    #[inline(never)]
    pub(crate) fn rel(&self, span: Span, note: Msg) -> Related {
        Related {
            file: self.file,
            span: (self.back)(span),
            note,
        }
    }
}

/// The log side: every record, and the inputs' texts (record spans index them).
pub struct Logs<'a> {
    pub records: &'a [Record],
    pub texts: &'a [&'a str],
}

impl<'a> Logs<'a> {
    /// The message text of a record.
    pub(crate) fn message(&self, r: &Record) -> &'a str {
        crate::logs::message_of(self.texts, r)
    }
    /// The host that wrote the record, when its format prints one.
    pub(crate) fn host(&self, r: &'a Record) -> Option<&'a str> {
        self.texts
            .get(r.file())
            .and_then(|t| crate::logs::field(t, r.host))
    }
    /// Records whose KB code is one of `codes`, with their index.
    pub(crate) fn with_codes(
        &self,
        codes: &'static [&'static str],
    ) -> impl Iterator<Item = (usize, &'a Record)> + 'a {
        self.records
            .iter()
            .enumerate()
            .filter(move |(_, r)| r.kb.is_some_and(|e| codes.contains(&e.code.as_str())))
    }
}

/// The decimal numbers in a text, in order.
pub(crate) fn numbers(s: &str) -> impl Iterator<Item = u64> + '_ {
    s.split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .map(|p| p.parse().unwrap_or(u64::MAX))
}

/// A message with text arguments. One non-generic function for every message of the ties
/// (`Msg::arg` is generic and inlined at each call: this keeps the page's wasm small).
#[inline(never)]
pub(crate) fn msg(key: &'static str, args: &[(&'static str, &str)]) -> Msg {
    Msg {
        key: key.into(),
        args: args.iter().map(|(n, v)| (*n, v.to_string())).collect(),
    }
}

/// A finding on a log line, with its explanation (`<CODE>.explain`).
#[inline(never)]
pub(crate) fn on_log(
    meta: &'static RuleMeta,
    r: &Record,
    message: Msg,
    help: Msg,
    related: Vec<Related>,
    explain: &'static str,
) -> Diagnostic {
    let mut d = meta
        .diag(r.message(), message)
        .help(help)
        .explain(Msg::new(explain));
    d.file = r.file();
    d.related = related;
    d
}

/// Nodes of the nodelist as a short list for messages: `n1 (10.0.0.1), n2 (10.0.0.2)`; at
/// most eight, then `…`.
pub(crate) fn node_list(ctx: &Ctx) -> String {
    let nodes = ctx.model().nodes();
    let mut s = String::new();
    for (i, n) in nodes.iter().enumerate() {
        if i == 8 {
            s.push_str(", …");
            break;
        }
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(&n.label());
        if let (Some(_), Some(a)) = (n.get("name"), n.get("ring0_addr")) {
            s.push_str(" (");
            s.push_str(a.value);
            s.push(')');
        }
    }
    s
}

/// Run every tie. Findings go to `out`. `links` gets ties that are no finding (the log agrees
/// with the config): shaped like findings, never shown; `report` adds their `related` to the
/// log line's own finding.
#[inline(never)]
pub fn run(cfg: &Cfg, logs: &Logs, out: &mut Vec<Diagnostic>, links: &mut Vec<Diagnostic>) {
    if cfg.ctx.major() < 2 || logs.records.is_empty() {
        return;
    }
    token::check(cfg, logs, out, links);
    crypto::check(cfg, logs, out);
    local_node::check(cfg, logs, out);
    bind::check(cfg, logs, out);
}

/// Give findings on the config lines a link back to the log lines tied to them: every finding
/// in the config's file whose span lies inside a related config place gets a related entry for
/// the log line. Ties are few (at most 64 per rule and file), so this is linear in findings.
pub fn link_back(diags: &mut [Diagnostic], ties: &[Diagnostic], cfg_file: usize) {
    let pairs: Vec<(Span, usize, Span)> = ties
        .iter()
        .flat_map(|t| {
            t.related
                .iter()
                .filter(|r| r.file == cfg_file)
                .map(|r| (r.span, t.file, t.span))
        })
        .collect();
    for d in diags.iter_mut().filter(|d| d.file == cfg_file) {
        for &(place, file, span) in &pairs {
            let inside = d.span.start >= place.start && d.span.end <= place.end;
            if inside && !d.related.iter().any(|x| x.file == file && x.span == span) {
                d.related.push(Related {
                    file,
                    span,
                    note: Msg::new("stack.related.log-line"),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn numbers_in_order() {
        let v: Vec<u64> = super::numbers("token timed out (1650ms), waiting 1980ms").collect();
        assert_eq!(v, vec![1650, 1980]);
    }
}
