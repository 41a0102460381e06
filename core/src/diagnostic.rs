//! Findings as plain data. Only the CLI and the web page render them.

use crate::i18n::{Lang, Msg};

/// A byte range in one input text. `start <= end <= text.len()`, both on char boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    /// Shift a span that is relative to a slice starting at `base`.
    pub fn offset(self, base: usize) -> Span {
        Span::new(self.start + base, self.end + base)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::En) => "warning",
            (Severity::Info, Lang::En) => "info",
            (Severity::Error, Lang::Ja) => "エラー",
            (Severity::Warning, Lang::Ja) => "警告",
            (Severity::Info, Lang::Ja) => "情報",
        }
    }
}

/// A secondary place that matters for a finding ("the log line this config line causes").
#[derive(Debug, Clone, PartialEq)]
pub struct Related {
    /// Index into the analysed inputs.
    pub file: usize,
    pub span: Span,
    pub note: Msg,
}

/// One finding. `message` is one line; `help` starts with a verb; `explanation` is prose.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// Stable code, e.g. `E003`, `C501`, `L801`.
    pub code: &'static str,
    pub severity: Severity,
    /// Index into the analysed inputs.
    pub file: usize,
    pub span: Span,
    pub message: Msg,
    pub help: Option<Msg>,
    pub explanation: Option<Msg>,
    pub related: Vec<Related>,
    /// The edits that resolve this finding, when they are unambiguous and safe.
    pub fix: Option<Fix>,
}

/// Replace the bytes of `span` (in the same text as the finding) with `replacement`. An empty
/// span inserts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

impl Edit {
    pub fn replace(span: Span, replacement: impl Into<String>) -> Self {
        Edit {
            span,
            replacement: replacement.into(),
        }
    }
    pub fn insert(at: usize, text: impl Into<String>) -> Self {
        Edit::replace(Span::new(at, at), text)
    }
    pub fn delete(span: Span) -> Self {
        Edit::replace(span, "")
    }
}

/// A machine-applicable fix: a title (what it does, e.g. "rename `two_nodes` to `two_node`")
/// and non-overlapping edits, sorted by position, all in the finding's file. Applying the fix
/// resolves the finding; see [`crate::fix::apply`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub title: Msg,
    pub edits: Vec<Edit>,
}

impl Diagnostic {
    pub fn new(code: &'static str, severity: Severity, span: Span, message: Msg) -> Self {
        Diagnostic {
            code,
            severity,
            file: 0,
            span,
            message,
            help: None,
            explanation: None,
            related: Vec::new(),
            fix: None,
        }
    }
    /// Attach a fix (the one call a rule needs): `d.with_fix(Msg::new("fix.rename")…,
    /// vec![Edit::replace(k.key_span, "two_node")])`. Edits must be sorted by position (a fix
    /// whose edits are not is never applied); an empty list attaches nothing.
    pub fn with_fix(mut self, title: Msg, edits: Vec<Edit>) -> Self {
        self.set_fix(title, edits);
        self
    }
    /// [`Diagnostic::with_fix`] on a finding already built.
    pub fn set_fix(&mut self, title: Msg, edits: Vec<Edit>) {
        if !edits.is_empty() {
            self.fix = Some(Fix { title, edits });
        }
    }
    pub fn help(mut self, help: Msg) -> Self {
        self.help = Some(help);
        self
    }
    /// Attach the prose "why". Without the `docs` feature (the web page) the catalog has no
    /// explanations (see core/build.rs), so none is attached; the page shows the rule's docs.
    pub fn explain(mut self, e: Msg) -> Self {
        if cfg!(feature = "docs") {
            self.explanation = Some(e);
        }
        self
    }
}
