//! The corosync.conf line parser: lossless, span-keeping, error-recovering, iterative.
//!
//! It follows corosync's own reader (`exec/coroparse.c`), as written in
//! `shared/reference/corosync-conf.md` §1.2–§1.4:
//! - one line at a time; one trailing `\n`, then one `\r`, removed; trailing space/TAB removed;
//! - a line whose first non-blank is `#` is a comment (only whole-line comments exist);
//! - a line containing `{` anywhere opens a section (tested before `:`);
//! - else a line containing `:` is `key: value`, split at the first `:`;
//! - else a line containing `}` closes a section;
//! - else the line is not valid (3.x stops; 1.x/2.x silently ignore it).
//!
//! 3.x is strict (text after `{`, text around `}`, lines over 510 bytes are errors); 1.x/2.x
//! are lenient, and the leniency has consequences we report as findings of their own.
//!
//! The lines partition the input exactly, so printing them back gives the input byte for byte.
//! The section tree is built with an explicit stack: no recursion, any depth.

use crate::diagnostic::Span;

/// How strictly to read, i.e. which corosync reader to imitate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dialect {
    /// corosync 1.x and 2.x: unknown lines ignored, junk after `{`/`}` swallowed.
    Lenient,
    /// corosync 3.x (2.99.4+): every oddity stops the parser.
    Strict,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Blank,
    Comment,
    /// `name {`; `name` is the trimmed section name (may be empty).
    Open {
        name: Span,
    },
    Close,
    /// `key: value`; both trimmed as corosync trims them.
    KeyValue {
        key: Span,
        value: Span,
    },
    /// Not a section, key or comment.
    Invalid,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    /// The line without its end-of-line bytes.
    pub span: Span,
    /// The end-of-line bytes (`\n`, `\r\n`, or empty at end of input).
    pub eol: Span,
    pub kind: LineKind,
    /// The section this line belongs to (for `Open`, the section it opens).
    pub section: SectionId,
}

pub type SectionId = usize;

/// What a section contains, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    /// Index of a `KeyValue` line.
    Key(usize),
    Section(SectionId),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The trimmed name (empty for the root).
    pub name: Span,
    /// Line index of `name {` (`usize::MAX` for the root).
    pub open_line: usize,
    /// Line index of the closing `}`; `None` if it never closed.
    pub close_line: Option<usize>,
    pub parent: Option<SectionId>,
    pub depth: usize,
    pub items: Vec<Item>,
    /// The section's key lines ordered by key name, then by line: `Conf::get` finds a key by
    /// binary search instead of reading every key (a section may hold a million of them).
    pub keys_by_name: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SyntaxErrorKind {
    /// End of input inside a section. Span: the `{` line of the unclosed section.
    MissingClosingBrace,
    /// A `}` at the top level.
    UnexpectedClosingBrace,
    /// Text after `{` on a section line.
    ExtraAfterOpen,
    /// Text before or after `}`.
    ExtraAroundClose,
    /// `{` with no name before it.
    MissingSectionName,
    /// Neither a section, a key nor a comment.
    NotSectionOrKey,
    /// Over 510 bytes (3.x limit).
    LineTooLong,
    /// A NUL byte.
    NulByte,
    /// A UTF-8 byte-order mark at the start of the file.
    ByteOrderMark,
    /// NBSP, ideographic space and other characters that look like blanks but are not.
    LookalikeWhitespace,
    /// `: value` with nothing before the colon.
    EmptyKey,
    /// A key or section name with characters cmap rejects.
    InvalidNameChar,
    /// The dotted cmap path is 255 characters or more.
    PathTooLong,
    /// Lines end in a bare CR (old Mac style): corosync sees one long line.
    BareCarriageReturn,
    /// A top-level key shorter than 3 characters (cmap names are 3 to 254 characters).
    NameTooShort,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    pub span: Span,
    /// Line index where it was found.
    pub line: usize,
}

/// A parsed corosync.conf (or fragment). Spans are absolute offsets in the text given to
/// [`parse`].
#[derive(Debug, Clone)]
pub struct Tree {
    pub range: Span,
    pub lines: Vec<Line>,
    /// `sections[0]` is the root.
    pub sections: Vec<Section>,
    pub errors: Vec<SyntaxError>,
    pub dialect: Dialect,
}

/// corosync's read buffer is 512 bytes: 510 bytes plus newline always fit (3.x).
pub const MAX_LINE: usize = 510;

/// Space or TAB: the only blanks corosync trims.
pub fn is_blank(c: char) -> bool {
    c == ' ' || c == '\t'
}

/// Characters that render like a blank but are not one to corosync.
pub fn is_lookalike_space(c: char) -> bool {
    matches!(
        c,
        '\u{00A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200B}'
                | '\u{202F}'
                | '\u{205F}'
                | '\u{3000}'
                | '\u{FEFF}'
                | '\u{000B}'
                | '\u{000C}'
    )
}

/// cmap key names: `A-Z a-z 0-9 . _ - / :` (2.x/3.x).
pub fn is_cmap_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '/' | ':')
}

/// Trim blanks (space, TAB) on both sides, returning the sub-span.
fn trim_span(text: &str, span: Span) -> Span {
    let s = &text[span.start..span.end];
    let lead = s.len() - s.trim_start_matches(is_blank).len();
    let t = s.trim_matches(is_blank);
    Span::new(span.start + lead, span.start + lead + t.len())
}

/// Parse `text[range]` as corosync.conf.
pub fn parse(text: &str, range: Span, dialect: Dialect) -> Tree {
    let mut tree = Tree {
        range,
        lines: Vec::new(),
        sections: vec![Section {
            name: Span::new(range.start, range.start),
            open_line: usize::MAX,
            close_line: None,
            parent: None,
            depth: 0,
            items: Vec::new(),
            keys_by_name: Vec::new(),
        }],
        errors: Vec::new(),
        dialect,
    };
    let body = &text[range.start..range.end];
    if body.starts_with('\u{FEFF}') {
        tree.errors.push(SyntaxError {
            kind: SyntaxErrorKind::ByteOrderMark,
            span: Span::new(range.start, range.start + 3),
            line: 0,
        });
    }
    // A file with CRs but no LFs: corosync reads it as one line.
    if body.contains('\r') && !body.contains('\n') && body.trim_end_matches('\r').contains('\r') {
        let at = range.start + body.find('\r').unwrap_or(0);
        tree.errors.push(SyntaxError {
            kind: SyntaxErrorKind::BareCarriageReturn,
            span: Span::new(at, at + 1),
            line: 0,
        });
    }

    let mut stack: Vec<SectionId> = vec![0];
    let mut pos = range.start;
    while pos < range.end || (pos == range.end && tree.lines.is_empty() && range.is_empty()) {
        let nl = text[pos..range.end].find('\n').map(|i| pos + i);
        let (content_end, eol_end) = match nl {
            Some(i) => (i, i + 1),
            None => (range.end, range.end),
        };
        let mut span = Span::new(pos, content_end);
        if span.end > span.start && text.as_bytes()[span.end - 1] == b'\r' {
            span.end -= 1;
        }
        let eol = Span::new(span.end, eol_end);
        let line_no = tree.lines.len();
        let current = *stack.last().unwrap_or(&0);
        let kind = classify(text, span, line_no, dialect, &mut tree.errors);
        let mut section = current;
        match kind {
            LineKind::Open { name } => {
                let id = tree.sections.len();
                let depth = stack.len();
                tree.sections.push(Section {
                    name,
                    open_line: line_no,
                    close_line: None,
                    parent: Some(current),
                    depth,
                    items: Vec::new(),
                    keys_by_name: Vec::new(),
                });
                tree.sections[current].items.push(Item::Section(id));
                stack.push(id);
                section = id;
            }
            LineKind::Close => {
                if stack.len() > 1 {
                    let id = stack.pop().unwrap_or(0);
                    tree.sections[id].close_line = Some(line_no);
                    section = id;
                } else {
                    tree.errors.push(SyntaxError {
                        kind: SyntaxErrorKind::UnexpectedClosingBrace,
                        span: trim_span(text, span),
                        line: line_no,
                    });
                }
            }
            LineKind::KeyValue { .. } => tree.sections[current].items.push(Item::Key(line_no)),
            _ => {}
        }
        tree.lines.push(Line {
            span,
            eol,
            kind,
            section,
        });
        if eol_end == pos {
            break;
        }
        pos = eol_end;
    }
    // Unclosed sections, innermost first.
    while stack.len() > 1 {
        let id = stack.pop().unwrap_or(0);
        let l = tree.sections[id].open_line;
        let span = tree.lines[l].span;
        tree.errors.push(SyntaxError {
            kind: SyntaxErrorKind::MissingClosingBrace,
            span: trim_span(text, span),
            line: l,
        });
    }
    check_paths(text, &mut tree);
    crate::sort::sort_by_key(&mut tree.errors, |e| (e.span.start, e.kind));
    index_keys(text, &mut tree);
    tree
}

/// Fill every section's `keys_by_name` (stable: equal names keep file order). Linear: a key
/// takes the rank of its name among the section's distinct names (only those are sorted; a big
/// section repeats few names), then a counting sort by rank.
fn index_keys(text: &str, tree: &mut Tree) {
    let lines = &tree.lines;
    let mut ids: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for s in &mut tree.sections {
        ids.clear();
        let mut names: Vec<&str> = Vec::new();
        let mut keys: Vec<(usize, usize)> = Vec::new();
        for it in &s.items {
            let Item::Key(l) = *it else { continue };
            let n = match lines[l].kind {
                LineKind::KeyValue { key, .. } => &text[key.start..key.end],
                _ => "",
            };
            // `get` and `insert` as the rules use them: no entry API code in the wasm.
            let id = match ids.get(n) {
                Some(&id) => id,
                None => {
                    ids.insert(n, names.len());
                    names.push(n);
                    names.len() - 1
                }
            };
            keys.push((l, id));
        }
        let mut by_name: Vec<usize> = (0..names.len()).collect();
        crate::sort::sort_by(&mut by_name, |a, b| names[*a].cmp(names[*b]));
        // `next[rank]`: where the next key of that name goes.
        let mut rank = vec![0; names.len()];
        for (r, &id) in by_name.iter().enumerate() {
            rank[id] = r;
        }
        let mut next = vec![0; names.len() + 1];
        for &(_, id) in &keys {
            next[rank[id] + 1] += 1;
        }
        for r in 1..next.len() {
            next[r] += next[r - 1];
        }
        let mut out = vec![0; keys.len()];
        for &(l, id) in &keys {
            out[next[rank[id]]] = l;
            next[rank[id]] += 1;
        }
        s.keys_by_name = out;
    }
}

fn classify(
    text: &str,
    span: Span,
    line_no: usize,
    dialect: Dialect,
    errors: &mut Vec<SyntaxError>,
) -> LineKind {
    let raw = &text[span.start..span.end];
    let mut err = |kind, s: Span| {
        errors.push(SyntaxError {
            kind,
            span: s,
            line: line_no,
        })
    };

    // NUL ends the line for corosync; 3.x calls it "Line too long".
    if let Some(i) = raw.find('\0') {
        err(
            SyntaxErrorKind::NulByte,
            Span::new(span.start + i, span.start + i + 1),
        );
    }
    // The raw read includes a CR if present; corosync counts bytes before the newline.
    let raw_len = text[span.start..].find('\n').unwrap_or(span.len());
    if raw_len > MAX_LINE {
        let cut = floor_boundary(text, span.start + MAX_LINE).min(span.end);
        err(
            SyntaxErrorKind::LineTooLong,
            Span::new(cut, span.end.max(cut)),
        );
    }
    for (i, c) in raw.char_indices() {
        if is_lookalike_space(c) && !(c == '\u{FEFF}' && span.start + i == 0) {
            err(
                SyntaxErrorKind::LookalikeWhitespace,
                Span::new(span.start + i, span.start + i + c.len_utf8()),
            );
        }
    }

    let content = trim_span(text, span);
    let s = &text[content.start..content.end];
    if s.is_empty() {
        return LineKind::Blank;
    }
    if s.starts_with('#') {
        return LineKind::Comment;
    }
    if let Some(brace) = s.find('{') {
        let before = Span::new(content.start, content.start + brace);
        // Name: trim blanks, then trailing ':' '{' and blanks.
        let mut name = trim_span(text, before);
        while name.end > name.start {
            let c = text.as_bytes()[name.end - 1];
            if c == b':' || c == b'{' || c == b' ' || c == b'\t' {
                name.end -= 1;
            } else {
                break;
            }
        }
        let after = Span::new(content.start + brace + 1, content.end);
        if !text[after.start..after.end]
            .trim_matches(is_blank)
            .is_empty()
        {
            err(SyntaxErrorKind::ExtraAfterOpen, trim_span(text, after));
        }
        if name.is_empty() {
            err(
                SyntaxErrorKind::MissingSectionName,
                Span::new(content.start + brace, content.start + brace + 1),
            );
        }
        return LineKind::Open { name };
    }
    if let Some(colon) = s.find(':') {
        let mut key = trim_span(text, Span::new(content.start, content.start + colon));
        while key.end > key.start && matches!(text.as_bytes()[key.end - 1], b':' | b' ' | b'\t') {
            key.end -= 1;
        }
        let value = trim_span(text, Span::new(content.start + colon + 1, content.end));
        if key.is_empty() {
            err(
                SyntaxErrorKind::EmptyKey,
                Span::new(content.start + colon, content.start + colon + 1),
            );
        }
        return LineKind::KeyValue { key, value };
    }
    if s.contains('}') {
        if s != "}" {
            err(SyntaxErrorKind::ExtraAroundClose, content);
        }
        return LineKind::Close;
    }
    let _ = dialect;
    err(SyntaxErrorKind::NotSectionOrKey, content);
    LineKind::Invalid
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// cmap name rules (2.x/3.x): name characters and the 255-character dotted path.
fn check_paths(text: &str, tree: &mut Tree) {
    let mut errs = Vec::new();
    // Path length of each section, computed top-down (sections are in creation order, so a
    // parent always precedes its children).
    let mut path_len = vec![0usize; tree.sections.len()];
    for id in 1..tree.sections.len() {
        let sec = &tree.sections[id];
        let parent = sec.parent.unwrap_or(0);
        let own = sec.name.len();
        path_len[id] = if parent == 0 {
            own
        } else {
            path_len[parent] + 1 + own
        };
        let name = &text[sec.name.start..sec.name.end];
        // corosync fails only when a key is stored under the name.
        if sec.items.is_empty() {
            continue;
        }
        if let Some((i, c)) = name
            .char_indices()
            .find(|(_, c)| !is_cmap_name_char(*c) && !is_lookalike_space(*c))
        {
            // A section name with a bad character only matters once a key is stored under it,
            // but the name is wrong either way.
            errs.push(SyntaxError {
                kind: SyntaxErrorKind::InvalidNameChar,
                span: Span::new(sec.name.start + i, sec.name.start + i + c.len_utf8()),
                line: sec.open_line,
            });
        }
    }
    for (n, line) in tree.lines.iter().enumerate() {
        if let LineKind::KeyValue { key, .. } = line.kind {
            let name = &text[key.start..key.end];
            if let Some((i, c)) = name
                .char_indices()
                .find(|(_, c)| !is_cmap_name_char(*c) && !is_lookalike_space(*c))
            {
                errs.push(SyntaxError {
                    kind: SyntaxErrorKind::InvalidNameChar,
                    span: Span::new(key.start + i, key.start + i + c.len_utf8()),
                    line: n,
                });
            }
            let parent = line.section;
            let total = if parent == 0 {
                key.len()
            } else {
                path_len[parent] + 1 + key.len()
            };
            if parent == 0 && !key.is_empty() && name.chars().count() < 3 {
                errs.push(SyntaxError {
                    kind: SyntaxErrorKind::NameTooShort,
                    span: key,
                    line: n,
                });
            }
            if total >= 255 {
                errs.push(SyntaxError {
                    kind: SyntaxErrorKind::PathTooLong,
                    span: key,
                    line: n,
                });
            }
        }
    }
    tree.errors.extend(errs);
}

impl Tree {
    /// Print the parsed lines back. Always equals `text[range]`.
    pub fn print(&self, text: &str) -> String {
        let mut out = String::with_capacity(self.range.len());
        for l in &self.lines {
            out.push_str(&text[l.span.start..l.eol.end]);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use SyntaxErrorKind::*;

    fn kinds(src: &str) -> Vec<SyntaxErrorKind> {
        parse(src, Span::new(0, src.len()), Dialect::Strict)
            .errors
            .iter()
            .map(|e| e.kind)
            .collect()
    }

    /// `Conf::get` through the name index agrees with reading every key: the last line with
    /// the name wins, names that share a prefix stay apart, absent names give nothing.
    #[test]
    fn get_by_index_agrees_with_a_scan() {
        let src = "totem {\n token: 1\n token_coefficient: 2\n a: 0\n token: 3\n tok: 4\n sub {\n  token: 9\n }\n z: 5\n}\n";
        let t = parse(src, Span::new(0, src.len()), Dialect::Strict);
        let conf = crate::conf::Conf {
            text: src,
            tree: &t,
        };
        for name in [
            "token",
            "token_coefficient",
            "a",
            "tok",
            "z",
            "sub",
            "",
            "toke",
            "zz",
        ] {
            let scan = conf
                .keys(1)
                .filter(|k| k.name == name)
                .last()
                .map(|k| k.value);
            assert_eq!(conf.get(1, name).map(|k| k.value), scan, "{name}");
        }
        assert_eq!(conf.get(1, "token").map(|k| k.value), Some("3"));
        assert_eq!(conf.get(2, "token").map(|k| k.value), Some("9"));
        assert_eq!(conf.get(0, "token").map(|k| k.value), None);
    }

    #[test]
    fn lossless_and_tree() {
        let src =
            "# c\r\ntotem {\r\n\tversion: 2\r\n\tinterface {\r\n\t\tlinknumber: 0\r\n\t}\r\n}\r\n";
        let t = parse(src, Span::new(0, src.len()), Dialect::Strict);
        assert_eq!(t.print(src), src);
        assert!(t.errors.is_empty(), "{:?}", t.errors);
        assert_eq!(t.sections.len(), 3);
        assert_eq!(
            &src[t.sections[1].name.start..t.sections[1].name.end],
            "totem"
        );
        assert_eq!(t.sections[2].parent, Some(1));
        assert_eq!(t.sections[2].close_line, Some(5));
    }

    #[test]
    fn corosync_classification_order() {
        // `{` wins over `:`
        assert_eq!(kinds("foobar: a{b\n}\n"), vec![ExtraAfterOpen]);
        // `#` after a value is data, not a comment
        let src = "token: 3000 # c\n";
        let t = parse(src, Span::new(0, src.len()), Dialect::Strict);
        match t.lines[0].kind {
            LineKind::KeyValue { value, .. } => {
                assert_eq!(&src[value.start..value.end], "3000 # c")
            }
            k => panic!("{k:?}"),
        }
        assert_eq!(kinds("token = 3000\n"), vec![NotSectionOrKey]);
        assert_eq!(kinds("}\n"), vec![UnexpectedClosingBrace]);
        assert_eq!(kinds("totem {\n"), vec![MissingClosingBrace]);
        assert_eq!(
            kinds("totem {}\n"),
            vec![MissingClosingBrace, ExtraAfterOpen]
        );
        assert_eq!(kinds("a {\n} # end\n"), vec![ExtraAroundClose]);
        assert_eq!(kinds(" {\n}\n"), vec![MissingSectionName]);
        assert_eq!(kinds("totem: {\n}\n"), vec![]);
    }

    #[test]
    fn line_limit_is_510_bytes() {
        let ok = format!("abc: {}\n", "x".repeat(505));
        assert_eq!(ok.len() - 1, 510);
        assert_eq!(kinds(&ok), vec![]);
        let bad = format!("abc: {}\n", "x".repeat(506));
        assert_eq!(kinds(&bad), vec![LineTooLong]);
    }

    #[test]
    fn bom_nbsp_nul() {
        assert_eq!(kinds("\u{FEFF}totem {\n}\n"), vec![ByteOrderMark]);
        assert_eq!(kinds("my section {\nkey: 1\n}\n"), vec![InvalidNameChar]);
        assert_eq!(
            kinds("totem {\n\u{00A0}token: 1\n}\n"),
            vec![LookalikeWhitespace]
        );
        assert!(kinds("tok\0en: 1\n").contains(&NulByte));
    }

    #[test]
    fn deep_nesting_does_not_recurse() {
        let n = 100_000;
        let src = format!("{}{}", "a {\n".repeat(n), "}\n".repeat(n));
        let t = parse(&src, Span::new(0, src.len()), Dialect::Strict);
        assert!(
            t.errors
                .iter()
                .all(|e| e.kind == PathTooLong || e.kind == InvalidNameChar),
            "{:?}",
            &t.errors[..3.min(t.errors.len())]
        );
        assert_eq!(t.sections.len(), n + 1);
        assert_eq!(t.print(&src), src);
    }
}
