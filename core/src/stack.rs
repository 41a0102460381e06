//! Facts about the system (versions, distribution, stack) gathered from every input, the
//! "who does what" explanation, and the ties between config findings and log lines.

use crate::detect::Segment;
use crate::diagnostic::{Diagnostic, Span};
use crate::i18n::Msg;
use crate::logs::{LogFormat, Record};
use crate::report::Input;
use crate::version::{Release, Target};

/// A fact and where it was read.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact<T> {
    pub value: T,
    pub file: usize,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DistroFamily {
    Rhel,
    CentOs,
    Sles,
    Debian,
    Ubuntu,
    Fedora,
}

impl DistroFamily {
    pub fn name(self) -> &'static str {
        match self {
            DistroFamily::Rhel => "RHEL",
            DistroFamily::CentOs => "CentOS",
            DistroFamily::Sles => "SLES",
            DistroFamily::Debian => "Debian",
            DistroFamily::Ubuntu => "Ubuntu",
            DistroFamily::Fedora => "Fedora",
        }
    }
    /// RHEL and its rebuilds share behaviour.
    pub fn is_rhel_like(self) -> bool {
        matches!(self, DistroFamily::Rhel | DistroFamily::CentOs)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Distro {
    pub family: DistroFamily,
    pub major: u8,
    pub minor: Option<u8>,
}

impl std::fmt::Display for Distro {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.minor {
            Some(m) => write!(f, "{} {}.{}", self.family.name(), self.major, m),
            None => write!(f, "{} {}", self.family.name(), self.major),
        }
    }
}

/// How Pacemaker gets membership and quorum (logs.md §4.1, "Stack generations").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StackKind {
    /// corosync 1.x + Pacemaker plugin `ver: 0`: corosync forks the Pacemaker daemons.
    Plugin0,
    /// corosync 1.x + plugin `ver: 1` + pacemakerd (MCP).
    Plugin1,
    /// corosync 1.x + cman (cluster.conf) + Pacemaker.
    Cman,
    /// corosync 2.x + votequorum + Pacemaker.
    Corosync2,
    /// corosync 3.x + knet + Pacemaker.
    Corosync3,
}

/// Everything known about the system, from all inputs together.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub corosync: Option<Fact<Release>>,
    pub pacemaker: Option<Fact<Release>>,
    pub distro: Option<Fact<Distro>>,
    /// `service { name: pacemaker  ver: N }` (N as corosync reads it: atoi, default 0).
    pub plugin: Option<Fact<u8>>,
    /// cman is in play: a cluster.conf, `[CMAN  ]` log lines, or cman packages.
    pub cman: Option<Fact<()>>,
    /// Log formats seen.
    pub log_formats: Vec<LogFormat>,
    /// The pinned target, if any.
    pub pinned: Option<Target>,
}

impl Facts {
    /// The corosync series the inputs point at (pinned > stated version > stack evidence).
    pub fn corosync_target(&self) -> Option<Target> {
        if let Some(t) = self.pinned {
            return Some(t);
        }
        if let Some(f) = &self.corosync {
            return Some(Target::major(f.value.0));
        }
        if self.plugin.is_some() || self.cman.is_some() {
            return Some(Target::major(1));
        }
        None
    }

    /// Which stack generation this is, if it can be told.
    pub fn stack(&self) -> Option<StackKind> {
        if self.cman.is_some() {
            return Some(StackKind::Cman);
        }
        if let Some(p) = &self.plugin {
            return Some(if p.value == 1 { StackKind::Plugin1 } else { StackKind::Plugin0 });
        }
        match self.corosync_target().map(|t| t.major_num()) {
            Some(2) => Some(StackKind::Corosync2),
            Some(3) => Some(StackKind::Corosync3),
            _ => None,
        }
    }
}

/// One component in the "who does what" picture.
#[derive(Debug, Clone, PartialEq)]
pub struct Component {
    /// Stable id: `corosync`, `pacemaker`, `cman`, `plugin`, `openais`, `votequorum`, `knet`.
    pub id: &'static str,
    /// As the software calls itself.
    pub name: &'static str,
    /// The version, when known.
    pub version: Option<String>,
    pub role: Msg,
    /// Which config file it reads.
    pub reads: Msg,
    pub presence: Presence,
    /// What it means here, for this stack.
    pub here: Msg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    /// Part of the stack the inputs show.
    InUse,
    /// Would be part of the recommended stack but is not used now.
    Recommended,
    /// Exists in this era but plays no part here.
    NotUsed,
    /// Does not exist for these versions.
    Absent,
}

/// A way forward and what it costs.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub id: &'static str,
    pub title: Msg,
    /// Steps, one per line.
    pub steps: Msg,
    pub consequence: Msg,
    pub recommended: bool,
}

/// The answer to "what do corosync, pacemaker and cman each do here, and what should I build".
#[derive(Debug, Clone, PartialEq)]
pub struct Roles {
    pub stack: Option<StackKind>,
    /// One-paragraph summary for the detected stack and versions.
    pub headline: Msg,
    pub components: Vec<Component>,
    pub choices: Vec<Choice>,
}

pub fn gather(_inputs: &[Input], _segs: &[Vec<Segment>], pinned: Option<Target>) -> Facts {
    Facts { pinned, ..Facts::default() }
}

pub fn roles(facts: &Facts) -> Roles {
    Roles { stack: facts.stack(), headline: Msg::new("stack.headline.unknown"), components: Vec::new(), choices: Vec::new() }
}

pub fn correlate(_diags: &mut [Diagnostic], _records: &[Record]) {}
