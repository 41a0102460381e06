//! Facts about the system (versions, distribution, stack) gathered from every input, the
//! "who does what" explanation, and the ties between config findings and log lines.
//! STUB: being written.

use crate::detect::Segment;
use crate::diagnostic::Diagnostic;
use crate::logs::Record;
use crate::report::Input;
use crate::version::Target;

#[derive(Debug, Clone, Default)]
pub struct Facts {}

impl Facts {
    pub fn corosync_target(&self) -> Option<Target> {
        None
    }
}

pub fn gather(_inputs: &[Input], _segs: &[Vec<Segment>], _pinned: Option<Target>) -> Facts {
    Facts::default()
}

pub fn correlate(_diags: &mut [Diagnostic], _records: &[Record]) {}
