//! The log-message knowledge base. STUB: replaced by the knowledge-base work.

use crate::diagnostic::Severity;
use crate::i18n::Lang;

#[derive(Debug, PartialEq)]
pub struct Entry {
    pub id: String,
    pub code: String,
    pub severity: Severity,
}

pub fn entries() -> &'static [Entry] {
    &[]
}

pub fn describe(_e: &Entry, _lang: Lang) -> String {
    String::new()
}

/// Text for a `kb.<id>.<field>` key.
pub fn text(_key: &str, _lang: Lang) -> Option<&'static str> {
    None
}
