//! What was pasted: split an input into documents (corosync.conf, service.d fragment,
//! cluster.conf, logs, prose) with the evidence for each, and restore line breaks lost by
//! mail archives. STUB: being written.

use crate::diagnostic::{Diagnostic, Span};
use crate::logs::LogFormat;
use crate::rules::RuleMeta;
use crate::version::Target;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocKind {
    CorosyncConf,
    ServiceFragment,
    ClusterConf,
    Log(LogFormat),
    Prose,
    Unknown,
}

/// Text rebuilt with line breaks, and the way back to the original offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reflow {
    pub text: String,
    /// (offset in `text`, offset in the original, length) for each copied piece, in order.
    pub pieces: Vec<(usize, usize, usize)>,
}

impl Reflow {
    pub fn to_original_offset(&self, off: usize) -> usize {
        let i = self.pieces.partition_point(|p| p.0 <= off);
        if i == 0 {
            return self.pieces.first().map(|p| p.1).unwrap_or(0);
        }
        let (s, o, l) = self.pieces[i - 1];
        if off <= s + l { o + (off - s) } else { self.pieces.get(i).map(|p| p.1).unwrap_or(o + l) }
    }
    pub fn to_original(&self, span: Span) -> Span {
        let a = self.to_original_offset(span.start);
        let b = self.to_original_offset(span.end).max(a);
        Span::new(a, b)
    }
}

#[derive(Debug, Clone)]
pub struct Segment {
    pub kind: DocKind,
    /// Where it is in the input.
    pub span: Span,
    /// The corosync version this document looks like, if any.
    pub target: Option<Target>,
    /// Why corocheck thinks so (catalog messages).
    pub evidence: Vec<crate::i18n::Msg>,
    /// Set when line breaks had to be restored.
    pub reflow: Option<Reflow>,
}

pub fn segment(_path: &str, text: &str) -> (Vec<Segment>, Vec<Diagnostic>) {
    (vec![Segment { kind: DocKind::CorosyncConf, span: Span::new(0, text.len()), target: None, evidence: vec![], reflow: None }], vec![])
}

pub fn cluster_conf_findings(_text: &str, _range: Span) -> Vec<Diagnostic> {
    Vec::new()
}

pub fn metas() -> Vec<&'static RuleMeta> {
    Vec::new()
}
