//! Log readers: every format of `logs.md` §1, one record per line (or per glued record).
//!
//! STUB: replaced by the log-reader work. The API below is the contract the rest of the core
//! and the front ends use.

pub mod kb;

use crate::diagnostic::{Diagnostic, Span};

/// Which writer produced a line (`logs.md` §1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum LogFormat {
    /// `Aug 26 16:20:37 corosync [TOTEM ] msg` (corosync 1.x logfile)
    Corosync1File,
    /// `Aug 26 16:20:37 [2345] node1 corosync notice  [TOTEM ] msg` (corosync 2.x/3.x logfile)
    Corosync23File,
    /// `Aug 26 16:20:37 node1 ident[pid]: msg` (syslog, /var/log/messages)
    Syslog,
}

/// One log record.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub file: usize,
    /// The whole record.
    pub span: Span,
    /// The message text (after the prefix).
    pub message: Span,
    pub format: LogFormat,
    pub timestamp: Option<String>,
    pub host: Option<String>,
    /// `corosync`, `pacemakerd`, `crmd`, ...
    pub daemon: Option<String>,
    /// `TOTEM`, `pcmk`, `KNET`, ... (trimmed)
    pub subsystem: Option<String>,
    /// As printed (`ERROR`, `notice`, ...), if any.
    pub level: Option<String>,
    /// The knowledge-base entry the message matched.
    pub kb: Option<&'static kb::Entry>,
}

/// The format of a single line, if it is a log line.
pub fn detect_line(_line: &str) -> Option<LogFormat> {
    None
}

/// Offsets in `line` where a log record starts (for text whose line breaks were lost).
pub fn record_starts(_line: &str) -> Vec<usize> {
    Vec::new()
}

/// Read every record in `text[range]`.
pub fn read(_text: &str, _range: Span, _file: usize) -> Vec<Record> {
    Vec::new()
}

/// One diagnostic per recognised record (code, severity and texts from the KB entry).
pub fn diagnose(_records: &[Record], _text: &str) -> Vec<Diagnostic> {
    Vec::new()
}

pub fn format_name(f: LogFormat) -> &'static str {
    match f {
        LogFormat::Corosync1File => "corosync1-file",
        LogFormat::Corosync23File => "corosync-file",
        LogFormat::Syslog => "syslog",
    }
}
