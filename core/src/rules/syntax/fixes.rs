//! The fixes of the syntax findings. Each returns `None` when the right edit is not obvious.

use crate::conf::syntax::is_blank;
use crate::conf::{Conf, LineKind, SyntaxError, SyntaxErrorKind};
use crate::diagnostic::{Edit, Span};
use crate::fix::{eol, indent, indent_unit};
use crate::i18n::Msg;

pub(crate) type Found = Option<(Msg, Vec<Edit>)>;

/// Lines are not what they seem when the file uses bare CRs: only that fix is offered then.
fn lines_unreliable(conf: &Conf) -> bool {
    conf.tree
        .errors
        .iter()
        .any(|x| x.kind == SyntaxErrorKind::BareCarriageReturn)
}

/// E009: delete the BOM.
pub(crate) fn bom(e: &SyntaxError) -> Found {
    Some((Msg::new("fix.bom"), vec![Edit::delete(e.span)]))
}

/// E008 (reported once per line): delete every NUL byte of the line.
pub(crate) fn nul(conf: &Conf, e: &SyntaxError) -> Found {
    let l = conf.tree.lines[e.line].span;
    let edits = conf
        .slice(l)
        .match_indices('\0')
        .map(|(i, _)| Edit::delete(Span::new(l.start + i, l.start + i + 1)))
        .collect();
    Some((Msg::new("fix.nul"), edits))
}

fn is_blankish(c: char) -> bool {
    c == ' ' || c == '\t' || crate::conf::syntax::is_lookalike_space(c)
}

/// E010: a zero-width character is deleted; another look-alike becomes a space, unless it
/// stands between two words of a key or section name (then the intended name is unclear).
pub(crate) fn lookalike(conf: &Conf, e: &SyntaxError) -> Found {
    let c = conf.slice(e.span).chars().next()?;
    let name = format!("U+{:04X}", c as u32);
    let title = Msg::new("fix.lookalike").arg("char", name);
    if matches!(c, '\u{200B}' | '\u{FEFF}') {
        return Some((title, vec![Edit::delete(e.span)]));
    }
    let line = conf.tree.lines[e.line];
    let name_span = match line.kind {
        LineKind::KeyValue { key, .. } => Some(key),
        LineKind::Open { name } => Some(name),
        _ => None,
    };
    if let Some(n) = name_span
        && e.span.start >= line.span.start
        && e.span.end <= n.end
    {
        let before = &conf.text[line.span.start..e.span.start];
        let after = &conf.text[e.span.end..n.end];
        if !before.trim_matches(is_blankish).is_empty()
            && !after.trim_matches(is_blankish).is_empty()
        {
            return None;
        }
    }
    Some((title, vec![Edit::replace(e.span, " ")]))
}

/// E014: every CR becomes LF.
pub(crate) fn bare_cr(conf: &Conf) -> Found {
    let r = conf.tree.range;
    let edits: Vec<Edit> = conf.text[r.start..r.end]
        .match_indices('\r')
        .map(|(i, _)| Edit::replace(Span::new(r.start + i, r.start + i + 1), "\n"))
        .collect();
    Some((Msg::new("fix.bare-cr"), edits))
}

/// E003: `name { key: value }`, `name {}` or `name { # comment`: the text after `{` goes on a
/// line of its own, one level deeper, and a final `}` on a line of its own.
pub(crate) fn split_open(conf: &Conf, e: &SyntaxError) -> Found {
    if lines_unreliable(conf) {
        return None;
    }
    let line = conf.tree.lines[e.line];
    let raw = conf.slice(line.span);
    let brace = line.span.start + raw.find('{')?;
    let mut rest = conf.slice(e.span).trim_matches(is_blank);
    let mut close = false;
    if let Some(r) = rest.strip_suffix('}') {
        rest = r.trim_end_matches(is_blank);
        close = true;
    }
    if rest.contains(['{', '}']) {
        return None;
    }
    if !rest.is_empty() && !rest.starts_with('#') {
        // One `key: value`, not several run together.
        let (key, value) = rest.split_once(':')?;
        let key = key.trim_matches(is_blank);
        if key.is_empty()
            || !key.chars().all(crate::conf::syntax::is_cmap_name_char)
            || value.contains(": ")
            || value.ends_with(':')
        {
            return None;
        }
    }
    let nl = eol(conf, e.line);
    let ind = indent(conf, e.line);
    let mut rep = String::new();
    if !rest.is_empty() {
        rep = [nl, ind, indent_unit(conf), rest].concat();
    }
    if close {
        rep = [&rep, nl, ind, "}"].concat();
    }
    Some((
        Msg::new("fix.split"),
        vec![Edit::replace(Span::new(brace + 1, line.span.end), rep)],
    ))
}

/// E004: `}}` or `} # comment`: each `}` on its own line, indented like the section it
/// closes, the comment on its own line above.
pub(crate) fn split_close(conf: &Conf, e: &SyntaxError) -> Found {
    if lines_unreliable(conf) {
        return None;
    }
    let line = conf.tree.lines[e.line];
    if line.kind != LineKind::Close || line.section == 0 {
        return None;
    }
    let s = conf.slice(e.span);
    let (braces, comment) = match s.find('#') {
        Some(i) => (&s[..i], Some(s[i..].trim_end_matches(is_blank))),
        None => (s, None),
    };
    if !braces.chars().all(|c| c == '}' || c == ' ' || c == '\t') {
        return None;
    }
    let n = braces.matches('}').count();
    let nl = eol(conf, e.line);
    let mut rep = String::new();
    let mut sec = line.section;
    for k in 0..n {
        if sec == 0 {
            return None;
        }
        let open = conf.tree.sections[sec].open_line;
        let ind = indent(conf, open);
        if k == 0 {
            if let Some(c) = comment {
                rep = [ind, c, nl].concat();
            }
        } else {
            rep.push_str(nl);
        }
        rep.push_str(ind);
        rep.push('}');
        sec = conf.tree.sections[sec].parent.unwrap_or(0);
    }
    Some((Msg::new("fix.split"), vec![Edit::replace(line.span, rep)]))
}

/// E006: `name = value` becomes `name: value`.
pub(crate) fn equals_to_colon(conf: &Conf, e: &SyntaxError) -> Found {
    if lines_unreliable(conf) {
        return None;
    }
    let s = conf.slice(e.span);
    let (name, value) = s.split_once('=')?;
    let name = name.trim_end_matches(is_blank);
    let value = value.trim_matches(is_blank);
    if name.is_empty()
        || !name.chars().all(crate::conf::syntax::is_cmap_name_char)
        || value.contains(|c| matches!(c, '{' | '}' | '#'))
    {
        return None;
    }
    let to = [name, ": ", value].concat();
    Some((
        Msg::new("fix.value").arg("from", s).arg("to", to.clone()),
        vec![Edit::replace(e.span, to)],
    ))
}
