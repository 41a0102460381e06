//! corosync.conf: the syntax tree and a read-only view that rules query.

pub mod syntax;

use crate::diagnostic::Span;
pub use syntax::{Dialect, Item, LineKind, SectionId, SyntaxError, SyntaxErrorKind, Tree};

/// A borrowed view over a parsed file: text plus tree.
#[derive(Clone, Copy)]
pub struct Conf<'a> {
    pub text: &'a str,
    pub tree: &'a Tree,
}

/// One `key: value` line as rules see it.
#[derive(Debug, Clone, Copy)]
pub struct KeyRef<'a> {
    pub name: &'a str,
    pub value: &'a str,
    pub key_span: Span,
    pub value_span: Span,
    /// The whole line (without end-of-line).
    pub line_span: Span,
    pub line: usize,
    /// The section that holds it.
    pub section: SectionId,
}

/// One section as rules see it.
#[derive(Debug, Clone, Copy)]
pub struct SectionRef<'a> {
    pub id: SectionId,
    pub name: &'a str,
    pub name_span: Span,
    /// The `name {` line (empty span for the root).
    pub line_span: Span,
    pub parent: Option<SectionId>,
}

impl<'a> Conf<'a> {
    pub fn new(text: &'a str, tree: &'a Tree) -> Self {
        Conf { text, tree }
    }

    pub fn root(&self) -> SectionId {
        0
    }

    pub fn section(&self, id: SectionId) -> SectionRef<'a> {
        let s = &self.tree.sections[id];
        let line_span = if id == 0 {
            Span::new(self.tree.range.start, self.tree.range.start)
        } else {
            self.tree.lines[s.open_line].span
        };
        SectionRef {
            id,
            name: &self.text[s.name.start..s.name.end],
            name_span: s.name,
            line_span,
            parent: s.parent,
        }
    }

    pub(crate) fn key_at(&self, line: usize) -> Option<KeyRef<'a>> {
        let l = &self.tree.lines[line];
        match l.kind {
            LineKind::KeyValue { key, value } => Some(KeyRef {
                name: &self.text[key.start..key.end],
                value: &self.text[value.start..value.end],
                key_span: key,
                value_span: value,
                line_span: l.span,
                line,
                section: l.section,
            }),
            _ => None,
        }
    }

    /// Keys directly inside a section, in file order.
    pub fn keys(&self, id: SectionId) -> impl Iterator<Item = KeyRef<'a>> + '_ {
        self.tree.sections[id]
            .items
            .iter()
            .filter_map(move |it| match it {
                Item::Key(l) => self.key_at(*l),
                Item::Section(_) => None,
            })
    }

    /// Subsections directly inside a section, in file order.
    pub fn children(&self, id: SectionId) -> impl Iterator<Item = SectionRef<'a>> + '_ {
        self.tree.sections[id]
            .items
            .iter()
            .filter_map(move |it| match it {
                Item::Section(s) => Some(self.section(*s)),
                Item::Key(_) => None,
            })
    }

    /// Subsections with a given name.
    pub fn children_named(
        &self,
        id: SectionId,
        name: &'a str,
    ) -> impl Iterator<Item = SectionRef<'a>> + '_ {
        self.children(id).filter(move |s| s.name == name)
    }

    /// All sections reached by a path of names from the root, e.g. `["totem", "interface"]`.
    pub fn sections_at(&self, path: &[&str]) -> Vec<SectionRef<'a>> {
        let mut cur = vec![self.section(0)];
        for name in path {
            cur = cur
                .iter()
                .flat_map(|s| {
                    self.children(s.id)
                        .filter(|c| c.name == *name)
                        .collect::<Vec<_>>()
                })
                .collect();
        }
        cur
    }

    /// The last value of `key` in a section (corosync: the last one wins).
    pub fn get(&self, id: SectionId, key: &str) -> Option<KeyRef<'a>> {
        let by_name = &self.tree.sections[id].keys_by_name;
        let name = |l: usize| self.key_at(l).map_or("", |k| k.name);
        // One past the last entry whose name is <= key: the last line with that name, if any.
        let end = by_name.partition_point(|&l| name(l) <= key);
        let last = *by_name.get(end.checked_sub(1)?)?;
        self.key_at(last).filter(|k| k.name == key)
    }

    /// The effective value of `path.key` over every section at `path` (2.x/3.x merge same-named
    /// top-level sections; the last value wins).
    pub fn value(&self, path: &[&str], key: &str) -> Option<KeyRef<'a>> {
        self.sections_at(path)
            .iter()
            .filter_map(|s| self.get(s.id, key))
            .next_back()
    }

    /// The path of names from the root to a section, e.g. `["totem", "interface"]`.
    pub fn path_of(&self, mut id: SectionId) -> Vec<&'a str> {
        let mut names = Vec::new();
        while id != 0 {
            let s = self.section(id);
            names.push(s.name);
            id = s.parent.unwrap_or(0);
        }
        names.reverse();
        names
    }

    /// Every section (not the root) in file order.
    pub fn all_sections(&self) -> impl Iterator<Item = SectionRef<'a>> + '_ {
        (1..self.tree.sections.len()).map(move |i| self.section(i))
    }

    /// Every key line in file order.
    pub fn all_keys(&self) -> impl Iterator<Item = KeyRef<'a>> + '_ {
        (0..self.tree.lines.len()).filter_map(move |l| self.key_at(l))
    }

    pub fn slice(&self, span: Span) -> &'a str {
        &self.text[span.start..span.end]
    }
}
