//! A small, tolerant XML reader for cluster.conf.
//!
//! It is iterative (an explicit stack of open elements), linear in the input, keeps the byte
//! span of every element name and attribute, and never panics. It understands the XML
//! declaration and processing instructions, comments, CDATA sections, both quote styles and
//! the five predefined entities plus numeric character references. A `<!DOCTYPE>` is skipped
//! as a whole: entities it declares are **not** expanded (a reference to one is an undefined
//! entity), so entity bombs cannot grow anything. Malformed input becomes [`XmlError`]s with
//! a position; reading goes on where it can.

use crate::diagnostic::Span;

/// One attribute: `name="value"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attr {
    /// The attribute name.
    pub name: Span,
    /// The raw value between the quotes.
    pub value: Span,
    /// The value with entities replaced.
    pub text: String,
}

impl Attr {
    /// From the name to the closing quote.
    pub fn whole(&self) -> Span {
        Span::new(self.name.start, self.value.end + 1)
    }
}

/// One element. Elements are stored in document order; `parent` and `children` index them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element {
    /// The element name in its start tag.
    pub name: Span,
    /// The whole start tag, `<` to `>`.
    pub tag: Span,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    pub attrs: Vec<Attr>,
}

/// What is wrong, for the catalog (`M001.message.<kind>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// Text after `<` that is no name, comment, CDATA, PI or end tag.
    BadTag,
    /// A start tag without its `>`.
    UnterminatedTag,
    UnterminatedComment,
    UnterminatedCdata,
    UnterminatedPi,
    /// Something other than `name="value"` inside a start tag.
    BadAttribute,
    DuplicateAttribute,
    /// A literal `<` inside an attribute value.
    LtInValue,
    /// `&name;` that is not one of the five predefined entities.
    UndefinedEntity,
    /// `&` not followed by a valid reference.
    BadReference,
    /// An end tag whose name differs from the open element's.
    MismatchedEnd,
    /// An end tag with no open element.
    UnexpectedEnd,
    /// An element still open at the end of the input.
    Unclosed,
    /// Text or a second element outside the root element.
    OutsideRoot,
    /// No element at all.
    NoRoot,
}

impl ErrorKind {
    pub fn key(self) -> &'static str {
        match self {
            ErrorKind::BadTag => "bad-tag",
            ErrorKind::UnterminatedTag => "unterminated-tag",
            ErrorKind::UnterminatedComment => "unterminated-comment",
            ErrorKind::UnterminatedCdata => "unterminated-cdata",
            ErrorKind::UnterminatedPi => "unterminated-pi",
            ErrorKind::BadAttribute => "bad-attribute",
            ErrorKind::DuplicateAttribute => "duplicate-attribute",
            ErrorKind::LtInValue => "lt-in-value",
            ErrorKind::UndefinedEntity => "undefined-entity",
            ErrorKind::BadReference => "bad-reference",
            ErrorKind::MismatchedEnd => "mismatched-end",
            ErrorKind::UnexpectedEnd => "unexpected-end",
            ErrorKind::Unclosed => "unclosed",
            ErrorKind::OutsideRoot => "outside-root",
            ErrorKind::NoRoot => "no-root",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XmlError {
    pub kind: ErrorKind,
    pub span: Span,
    /// A name to show: the element, attribute or entity concerned.
    pub name: String,
    /// For `MismatchedEnd`: the element that is open.
    pub open: String,
}

/// More errors than this are not worth reading; the rest are dropped.
pub const MAX_ERRORS: usize = 20;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Doc {
    pub elements: Vec<Element>,
    pub root: Option<usize>,
    pub errors: Vec<XmlError>,
    /// The span of a `<!DOCTYPE …>`, if any (skipped, never expanded).
    pub doctype: Option<Span>,
}

impl Doc {
    pub fn name<'t>(&self, text: &'t str, id: usize) -> &'t str {
        let s = self.elements[id].name;
        &text[s.start..s.end]
    }

    pub fn attr<'d>(&'d self, text: &str, id: usize, name: &str) -> Option<&'d Attr> {
        self.elements[id]
            .attrs
            .iter()
            .find(|a| &text[a.name.start..a.name.end] == name)
    }

    /// Children of `id` with the element name `name`.
    pub fn children_named<'d>(
        &'d self,
        text: &'d str,
        id: usize,
        name: &'d str,
    ) -> impl Iterator<Item = usize> + 'd {
        self.elements[id]
            .children
            .iter()
            .copied()
            .filter(move |&c| self.name(text, c) == name)
    }
}

fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b':' | b'.' | b'-') || b >= 0x80
}

fn is_name_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_' || b == b':' || b >= 0x80
}

/// The end of the character that starts at `i` (a one-character span).
fn char_end(text: &str, i: usize) -> usize {
    text[i..].chars().next().map_or(i, |c| i + c.len_utf8())
}

struct Reader<'t> {
    text: &'t str,
    b: &'t [u8],
    end: usize,
    doc: Doc,
    stack: Vec<usize>,
}

impl<'t> Reader<'t> {
    fn err(&mut self, kind: ErrorKind, span: Span, name: &str) {
        self.err_open(kind, span, name, String::new());
    }

    fn err_open(&mut self, kind: ErrorKind, span: Span, name: &str, open: String) {
        if self.doc.errors.len() < MAX_ERRORS {
            self.doc.errors.push(XmlError {
                kind,
                span,
                name: name.to_string(),
                open,
            });
        }
    }

    fn find(&self, from: usize, pat: &str) -> Option<usize> {
        self.text[from..self.end].find(pat).map(|i| from + i)
    }

    fn skip_ws(&self, mut i: usize) -> usize {
        while i < self.end && self.b[i].is_ascii_whitespace() {
            i += 1;
        }
        i
    }

    fn name_end(&self, mut i: usize) -> usize {
        while i < self.end && is_name_byte(self.b[i]) {
            i += 1;
        }
        i
    }

    /// Decode entities in `span`, reporting bad ones. Returns the decoded text.
    fn decode(&mut self, span: Span) -> String {
        let raw = &self.text[span.start..span.end];
        if !raw.contains('&') {
            return raw.to_string();
        }
        let mut out = String::with_capacity(raw.len());
        let mut i = span.start;
        while i < span.end {
            let Some(amp) = self.text[i..span.end].find('&').map(|k| i + k) else {
                out.push_str(&self.text[i..span.end]);
                break;
            };
            out.push_str(&self.text[i..amp]);
            // A reference is short; look for `;` within a bounded window.
            let window = (amp + 12).min(span.end);
            let semi = self.text.as_bytes()[amp..window]
                .iter()
                .position(|&c| c == b';')
                .map(|k| amp + k);
            let Some(semi) = semi else {
                self.err(ErrorKind::BadReference, Span::new(amp, amp + 1), "&");
                out.push('&');
                i = amp + 1;
                continue;
            };
            let name = &self.text[amp + 1..semi];
            let ch = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => {
                    if let Some(num) = name.strip_prefix('#') {
                        let v = match num.strip_prefix('x') {
                            Some(h) => u32::from_str_radix(h, 16).ok(),
                            None => num.parse::<u32>().ok(),
                        };
                        match v.and_then(char::from_u32).filter(|&c| c != '\0') {
                            Some(c) => Some(c),
                            None => {
                                self.err(ErrorKind::BadReference, Span::new(amp, semi + 1), name);
                                None
                            }
                        }
                    } else {
                        let kind = if !name.is_empty()
                            && is_name_start(name.as_bytes()[0])
                            && name.bytes().all(is_name_byte)
                        {
                            ErrorKind::UndefinedEntity
                        } else {
                            ErrorKind::BadReference
                        };
                        self.err(kind, Span::new(amp, semi + 1), name);
                        None
                    }
                }
            };
            match ch {
                Some(c) => out.push(c),
                None => out.push_str(&self.text[amp..semi + 1]),
            }
            i = semi + 1;
        }
        out
    }

    /// Check the references in character data between tags.
    fn text_run(&mut self, span: Span) {
        if span.is_empty() {
            return;
        }
        let raw = &self.text[span.start..span.end];
        if self.stack.is_empty() {
            if let Some(k) = raw.find(|c: char| !c.is_whitespace()) {
                let at = span.start + k;
                let end = raw[k..]
                    .find(char::is_whitespace)
                    .map_or(span.end, |e| at + e);
                self.err(ErrorKind::OutsideRoot, Span::new(at, end), "");
            }
            return;
        }
        if raw.contains('&') {
            let _ = self.decode(span);
        }
    }

    /// Skip a `<!DOCTYPE …>`, with an internal subset in brackets. Returns the end.
    fn skip_doctype(&mut self, lt: usize) -> usize {
        let mut i = lt + 2;
        let mut depth = 0usize;
        let mut quote = 0u8;
        while i < self.end {
            let c = self.b[i];
            if quote != 0 {
                if c == quote {
                    quote = 0;
                }
            } else {
                match c {
                    b'"' | b'\'' => quote = c,
                    b'[' => depth += 1,
                    b']' => depth = depth.saturating_sub(1),
                    b'>' if depth == 0 => {
                        self.doc.doctype = Some(Span::new(lt, i + 1));
                        return i + 1;
                    }
                    _ => {}
                }
            }
            i += 1;
        }
        self.err(
            ErrorKind::UnterminatedTag,
            Span::new(lt, lt + 2),
            "!DOCTYPE",
        );
        self.doc.doctype = Some(Span::new(lt, self.end));
        self.end
    }

    /// A start tag at `lt`. Returns where reading goes on.
    fn start_tag(&mut self, lt: usize) -> usize {
        let ns = lt + 1;
        let ne = self.name_end(ns);
        let name = Span::new(ns, ne);
        let mut attrs: Vec<Attr> = Vec::new();
        let mut i = ne;
        let mut self_closing = false;
        let mut closed = false;
        loop {
            i = self.skip_ws(i);
            if i >= self.end {
                break;
            }
            match self.b[i] {
                b'>' => {
                    i += 1;
                    closed = true;
                    break;
                }
                b'/' if self.b.get(i + 1) == Some(&b'>') && i + 1 < self.end => {
                    i += 2;
                    self_closing = true;
                    closed = true;
                    break;
                }
                b'<' => break,
                c if is_name_start(c) => {
                    let an = Span::new(i, self.name_end(i));
                    let mut j = self.skip_ws(an.end);
                    if j >= self.end || self.b[j] != b'=' {
                        self.err(
                            ErrorKind::BadAttribute,
                            an,
                            &self.text[an.start..an.end].to_string(),
                        );
                        i = an.end;
                        continue;
                    }
                    j = self.skip_ws(j + 1);
                    let q = self.b.get(j).copied().filter(|_| j < self.end);
                    let Some(q @ (b'"' | b'\'')) = q else {
                        self.err(
                            ErrorKind::BadAttribute,
                            an,
                            &self.text[an.start..an.end].to_string(),
                        );
                        i = j;
                        continue;
                    };
                    let vs = j + 1;
                    // The value ends at the matching quote; a `<` or the end of input first
                    // means the quote was never closed.
                    let mut k = vs;
                    while k < self.end && self.b[k] != q && self.b[k] != b'<' {
                        k += 1;
                    }
                    if k >= self.end || self.b[k] == b'<' {
                        let kind = if k < self.end {
                            ErrorKind::LtInValue
                        } else {
                            ErrorKind::UnterminatedTag
                        };
                        let at = if k < self.end {
                            Span::new(k, k + 1)
                        } else {
                            an
                        };
                        self.err(kind, at, &self.text[an.start..an.end].to_string());
                        i = k;
                        break;
                    }
                    let value = Span::new(vs, k);
                    let decoded = self.decode(value);
                    let aname = &self.text[an.start..an.end];
                    if attrs
                        .iter()
                        .any(|a| &self.text[a.name.start..a.name.end] == aname)
                    {
                        self.err(ErrorKind::DuplicateAttribute, an, &aname.to_string());
                    } else {
                        attrs.push(Attr {
                            name: an,
                            value,
                            text: decoded,
                        });
                    }
                    i = k + 1;
                }
                _ => {
                    let e = char_end(self.text, i);
                    self.err(ErrorKind::BadAttribute, Span::new(i, e), "");
                    i = e;
                }
            }
        }
        if !closed {
            self.err(
                ErrorKind::UnterminatedTag,
                name,
                &self.text[name.start..name.end].to_string(),
            );
        }
        let id = self.doc.elements.len();
        let parent = self.stack.last().copied();
        match parent {
            Some(p) => self.doc.elements[p].children.push(id),
            None => {
                if self.doc.root.is_some() {
                    self.err(
                        ErrorKind::OutsideRoot,
                        name,
                        &self.text[name.start..name.end].to_string(),
                    );
                } else {
                    self.doc.root = Some(id);
                }
            }
        }
        self.doc.elements.push(Element {
            name,
            tag: Span::new(lt, i),
            parent,
            children: Vec::new(),
            attrs,
        });
        if !self_closing && closed {
            self.stack.push(id);
        }
        i
    }

    fn end_tag(&mut self, lt: usize) -> usize {
        let ns = lt + 2;
        let ne = self.name_end(ns);
        let name = &self.text[ns..ne];
        let after = self.skip_ws(ne);
        let close = if after < self.end && self.b[after] == b'>' {
            after + 1
        } else {
            self.err(
                ErrorKind::UnterminatedTag,
                Span::new(lt, ne.max(lt + 2)),
                name,
            );
            after
        };
        let span = Span::new(lt, close.max(ne));
        // The usual case: it closes the innermost element.
        if let Some(&top) = self.stack.last() {
            if self.doc.name(self.text, top) == name {
                self.stack.pop();
                return close;
            }
        }
        // It closes an element further out: those in between were never closed. Search a
        // bounded depth so that a stray end tag in a deep document stays linear.
        let depth = self
            .stack
            .iter()
            .rev()
            .take(64)
            .position(|&e| self.doc.name(self.text, e) == name);
        match (depth, self.stack.last().copied()) {
            (Some(d), Some(top)) => {
                let open = self.doc.name(self.text, top).to_string();
                self.err_open(ErrorKind::MismatchedEnd, span, name, open);
                let keep = self.stack.len() - d - 1;
                self.stack.truncate(keep);
            }
            (None, Some(top)) => {
                let open = self.doc.name(self.text, top).to_string();
                self.err_open(ErrorKind::MismatchedEnd, span, name, open);
            }
            (_, None) => self.err(ErrorKind::UnexpectedEnd, span, name),
        }
        close
    }

    fn run(mut self) -> Doc {
        let mut i = 0;
        let mut text_from = 0;
        while i < self.end {
            let Some(lt) = self.find(i, "<") else {
                break;
            };
            self.text_run(Span::new(text_from, lt));
            let rest = &self.text[lt..self.end];
            i = if rest.starts_with("<!--") {
                match self.find(lt + 4, "-->") {
                    Some(e) => e + 3,
                    None => {
                        self.err(ErrorKind::UnterminatedComment, Span::new(lt, lt + 4), "");
                        self.end
                    }
                }
            } else if rest.starts_with("<![CDATA[") {
                if self.stack.is_empty() {
                    self.err(ErrorKind::OutsideRoot, Span::new(lt, lt + 9), "");
                }
                match self.find(lt + 9, "]]>") {
                    Some(e) => e + 3,
                    None => {
                        self.err(ErrorKind::UnterminatedCdata, Span::new(lt, lt + 9), "");
                        self.end
                    }
                }
            } else if rest.starts_with("<!DOCTYPE") {
                self.skip_doctype(lt)
            } else if rest.starts_with("<?") {
                match self.find(lt + 2, "?>") {
                    Some(e) => e + 2,
                    None => {
                        self.err(ErrorKind::UnterminatedPi, Span::new(lt, lt + 2), "");
                        self.end
                    }
                }
            } else if rest.starts_with("</") {
                self.end_tag(lt)
            } else if rest.len() > 1 && is_name_start(rest.as_bytes()[1]) {
                self.start_tag(lt)
            } else {
                self.err(ErrorKind::BadTag, Span::new(lt, lt + 1), "<");
                lt + 1
            };
            text_from = i;
        }
        self.text_run(Span::new(text_from.min(self.end), self.end));
        // Everything still open was never closed: report the outermost (the others follow
        // from it) and the innermost, where the reader was.
        let open: Vec<usize> = self.stack.clone();
        if let Some(&first) = open.first() {
            let n = self.doc.elements[first].name;
            let name = self.text[n.start..n.end].to_string();
            self.err(ErrorKind::Unclosed, n, &name);
        }
        if open.len() > 1 {
            let last = open[open.len() - 1];
            let n = self.doc.elements[last].name;
            let name = self.text[n.start..n.end].to_string();
            self.err(ErrorKind::Unclosed, n, &name);
        }
        if self.doc.root.is_none() {
            let at = self.text[..self.end]
                .find(|c: char| !c.is_whitespace())
                .unwrap_or(0);
            self.err(
                ErrorKind::NoRoot,
                Span::new(at, char_end(self.text, at)),
                "",
            );
        }
        self.doc
    }
}

/// Read the XML in `text[range]`. Spans are offsets into `text`.
pub fn parse(text: &str, range: Span) -> Doc {
    let end = range.end.min(text.len());
    let start = range.start.min(end);
    if start > 0 {
        // Read only this document: parse the sub-slice and shift the spans back.
        let sub = &text[start..end];
        return shift(parse(sub, Span::new(0, sub.len())), start);
    }
    Reader {
        text,
        b: text.as_bytes(),
        end,
        doc: Doc::default(),
        stack: Vec::new(),
    }
    .run()
}

fn shift(mut doc: Doc, by: usize) -> Doc {
    for e in &mut doc.elements {
        e.name = e.name.offset(by);
        e.tag = e.tag.offset(by);
        for a in &mut e.attrs {
            a.name = a.name.offset(by);
            a.value = a.value.offset(by);
        }
    }
    for er in &mut doc.errors {
        er.span = er.span.offset(by);
    }
    doc.doctype = doc.doctype.map(|s| s.offset(by));
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(t: &str) -> Doc {
        parse(t, Span::new(0, t.len()))
    }

    #[test]
    fn reads_elements_attributes_and_entities() {
        let t = "<?xml version=\"1.0\"?>\n<!-- c -->\n<cluster name='a&amp;b' config_version=\"2\">\n <x v=\"&#65;&#x42;&lt;&quot;&apos;\"/><![CDATA[<no>]]></cluster>\n";
        let d = p(t);
        assert!(d.errors.is_empty(), "{:?}", d.errors);
        let r = d.root.unwrap();
        assert_eq!(d.name(t, r), "cluster");
        assert_eq!(d.attr(t, r, "name").unwrap().text, "a&b");
        let x = d.elements[r].children[0];
        assert_eq!(d.attr(t, x, "v").unwrap().text, "AB<\"'");
        let a = d.attr(t, r, "config_version").unwrap();
        assert_eq!(&t[a.value.start..a.value.end], "2");
    }

    #[test]
    fn reports_malformed_input_with_positions() {
        let cases: &[(&str, ErrorKind, usize)] = &[
            ("<a><b></a>", ErrorKind::MismatchedEnd, 6),
            ("<a>", ErrorKind::Unclosed, 1),
            ("<a x=\"1\" x=\"2\"/>", ErrorKind::DuplicateAttribute, 9),
            ("<a x=\"&foo;\"/>", ErrorKind::UndefinedEntity, 6),
            ("<a x=\"&#0;\"/>", ErrorKind::BadReference, 6),
            ("<a x=1/>", ErrorKind::BadAttribute, 3),
            ("<a/><b/>", ErrorKind::OutsideRoot, 5),
            ("<a><!-- x", ErrorKind::UnterminatedComment, 3),
            ("</a>", ErrorKind::UnexpectedEnd, 0),
            ("<a x=\"<\"/>", ErrorKind::LtInValue, 6),
            ("text", ErrorKind::OutsideRoot, 0),
            ("   ", ErrorKind::NoRoot, 0),
            ("<a>< b</a>", ErrorKind::BadTag, 3),
        ];
        for &(t, kind, at) in cases {
            let d = p(t);
            assert!(
                d.errors
                    .iter()
                    .any(|e| e.kind == kind && e.span.start == at),
                "{t:?}: {:?}",
                d.errors
            );
        }
    }

    #[test]
    fn deep_nesting_is_fine() {
        let n = 100_000;
        let t = format!("{}{}", "<a>".repeat(n), "</a>".repeat(n));
        let d = p(&t);
        assert!(d.errors.is_empty());
        assert_eq!(d.elements.len(), n);
        let open = "<a>".repeat(n);
        let d = p(&open);
        assert_eq!(d.errors.len(), 2);
    }

    #[test]
    fn doctype_entities_are_not_expanded() {
        let t = "<!DOCTYPE c [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>\n<c x=\"&b;\"/>";
        let d = p(t);
        assert!(d.doctype.is_some());
        let r = d.root.unwrap();
        assert_eq!(d.attr(t, r, "x").unwrap().text, "&b;");
        assert!(
            d.errors
                .iter()
                .any(|e| e.kind == ErrorKind::UndefinedEntity)
        );
    }

    #[test]
    fn sub_range_spans_are_absolute() {
        let t = "junk\n<c a=\"1\"/>";
        let d = parse(t, Span::new(5, t.len()));
        let r = d.root.unwrap();
        assert_eq!(&t[d.elements[r].name.start..d.elements[r].name.end], "c");
    }
}
