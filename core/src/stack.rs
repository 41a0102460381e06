//! Facts about the system (versions, distribution, stack) gathered from every input, the
//! "who does what" explanation, and the ties between config findings and log lines.

use crate::conf::{Conf, Dialect, syntax};
use crate::detect::{DocKind, Segment};
use crate::diagnostic::{Diagnostic, Related, Span};
use crate::i18n::Msg;
use crate::logs::{LogFormat, Record};
use crate::report::Input;
use crate::text;
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
    /// corosync 1.x + cman (cluster.conf) + rgmanager, no Pacemaker: cman fences (fenced) and
    /// rgmanager runs the services of `<rm>`. The RHEL 5/6 "Cluster Suite".
    CmanRgmanager,
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
    /// rgmanager is in play: a `<rm>` section in cluster.conf, or rgmanager log lines.
    pub rgmanager: Option<Fact<()>>,
    /// cluster.conf redirects fencing to Pacemaker (`agent="fence_pcmk"`).
    pub fence_pcmk: Option<Fact<()>>,
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
            return Some(Target::exact(f.value));
        }
        if self.plugin.is_some() || self.cman.is_some() {
            return Some(Target::major(1));
        }
        None
    }

    /// Which stack generation this is, if it can be told.
    pub fn stack(&self) -> Option<StackKind> {
        if self.cman.is_some() {
            // Pacemaker evidence wins: with both, the Pacemaker stack is what runs (and the
            // roles say that rgmanager must not manage services beside it).
            let pacemaker = self.pacemaker.is_some()
                || self.fence_pcmk.is_some()
                || self.log_formats.iter().any(|f| {
                    matches!(
                        f,
                        LogFormat::Pacemaker11Detail | LogFormat::Pacemaker2Detail
                    )
                });
            return Some(if self.rgmanager.is_some() && !pacemaker {
                StackKind::CmanRgmanager
            } else {
                StackKind::Cman
            });
        }
        let plugin = self.plugin.as_ref().map(|p| {
            if p.value == 1 {
                StackKind::Plugin1
            } else {
                StackKind::Plugin0
            }
        });
        match self.corosync_target().map(|t| t.major_num()) {
            Some(2) => Some(StackKind::Corosync2),
            Some(3) => Some(StackKind::Corosync3),
            _ => plugin,
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
    /// Which config file it reads, in words.
    pub reads: Msg,
    /// The files it reads in this stack (for pictures); empty when it reads none itself.
    pub files: Vec<&'static str>,
    pub presence: Presence,
    /// What it means here, for this stack.
    pub here: Msg,
}

impl Component {
    /// The name to show: the catalog's `stack.<id>.name` where a language words it differently
    /// (the plugin), else the name the software calls itself.
    pub fn display_name(&self, lang: crate::i18n::Lang) -> String {
        crate::i18n::lookup(&format!("stack.{}.name", self.id), lang)
            .map(|s| s.into_owned())
            .unwrap_or_else(|| self.name.to_string())
    }
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

/// Release prefixes for corosync's version, most specific first.
const COROSYNC_PREFIXES: [&str; 6] = [
    "corosync-",
    "Corosync Cluster Engine ('",
    "Corosync Cluster Engine, version '",
    // 3.x: "Corosync Cluster Engine 3.1.7 starting up".
    "Corosync Cluster Engine ",
    "corosync ",
    "Corosync ",
];
const PACEMAKER_PREFIXES: [&str; 3] = ["pacemaker-", "Pacemaker ", "pacemaker "];
const DISTROS: [(&str, DistroFamily); 7] = [
    ("CentOS", DistroFamily::CentOs),
    ("Red Hat Enterprise Linux", DistroFamily::Rhel),
    ("RHEL", DistroFamily::Rhel),
    ("SLES", DistroFamily::Sles),
    ("Debian", DistroFamily::Debian),
    ("Ubuntu", DistroFamily::Ubuntu),
    ("Fedora", DistroFamily::Fedora),
];
/// Only Red Hat's RHEL 6 Pacemaker build (6.4+) prints this (logs.md §2.8).
const RHEL6_PLUGIN: &str = "The plugin is not supported in this environment";
/// cman's log subsystem, its package, and fenced's syslog ident.
const CMAN_SIGNS: [&str; 3] = ["[CMAN", "cman-3.", "fenced["];
/// rgmanager's syslog ident (RHEL 6) or clurgmgrd's (RHEL 5).
const RGMANAGER_SIGNS: [&str; 2] = ["rgmanager[", "clurgmgrd["];

/// One input's text with the first occurrence of every fixed needle of [`gather`] found in one
/// pass ([`text::first_of_each`]); later occurrences, and needles not in the pass, are searched
/// with `text::find` as before.
struct Scan<'a> {
    text: &'a str,
    first: Vec<(&'static str, Option<usize>)>,
}

impl<'a> Scan<'a> {
    /// The needles of the facts `f` still lacks (a fact found in an earlier input is not
    /// looked for again).
    fn new(text: &'a str, f: &Facts, threads: usize) -> Self {
        let mut needles: Vec<&'static str> = Vec::new();
        if f.corosync.is_none() {
            needles.extend(COROSYNC_PREFIXES);
        }
        if f.pacemaker.is_none() {
            needles.extend(PACEMAKER_PREFIXES);
        }
        if f.distro.is_none() {
            needles.extend(DISTROS.iter().map(|(n, _)| *n));
            needles.extend([".el", RHEL6_PLUGIN]);
        }
        if f.cman.is_none() {
            needles.extend(CMAN_SIGNS);
        }
        if f.rgmanager.is_none() {
            needles.extend(RGMANAGER_SIGNS);
        }
        let at = text::first_of_each_parallel(text, &needles, threads);
        Scan {
            text,
            first: needles.into_iter().zip(at).collect(),
        }
    }

    /// The first `needle` at or after byte `from` (`text::find` on the rest).
    fn find_from(&self, needle: &str, from: usize) -> Option<usize> {
        if from == 0 {
            if let Some(&(_, at)) = self.first.iter().find(|(n, _)| *n == needle) {
                return at;
            }
        }
        text::find(&self.text[from..], needle).map(|j| from + j)
    }

    /// The first of `needles` that occurs (in that order of preference), where it is.
    fn first_of(&self, needles: &[&str]) -> Option<usize> {
        needles.iter().find_map(|n| self.find_from(n, 0))
    }
}

/// Gather facts from every input: stated versions (package names, log banners), the
/// distribution, the plugin stanza, cman.
pub fn gather(
    inputs: &[Input],
    segs: &[Vec<Segment>],
    pinned: Option<Target>,
    threads: usize,
) -> Facts {
    let mut f = Facts {
        pinned,
        ..Facts::default()
    };
    for (i, input) in inputs.iter().enumerate() {
        let text = input.text;
        let scan = Scan::new(text, &f, threads);
        if f.corosync.is_none() {
            f.corosync = find_release(&scan, &COROSYNC_PREFIXES, i);
        }
        if f.pacemaker.is_none() {
            f.pacemaker = find_release(&scan, &PACEMAKER_PREFIXES, i);
        }
        if f.distro.is_none() {
            f.distro = find_distro(&scan, i);
        }
        if f.distro.is_none() {
            if let Some(at) = scan.find_from(RHEL6_PLUGIN, 0) {
                f.distro = Some(Fact {
                    value: Distro {
                        family: DistroFamily::Rhel,
                        major: 6,
                        minor: None,
                    },
                    file: i,
                    span: Span::new(at, at + RHEL6_PLUGIN.len()),
                });
            }
        }
        if f.cman.is_none() {
            if let Some(at) = scan.first_of(&CMAN_SIGNS) {
                f.cman = Some(Fact {
                    value: (),
                    file: i,
                    span: Span::new(at, at + 4),
                });
            }
        }
        if f.rgmanager.is_none() {
            if let Some(at) = scan.first_of(&RGMANAGER_SIGNS) {
                f.rgmanager = Some(Fact {
                    value: (),
                    file: i,
                    span: Span::new(at, at + 9),
                });
            }
        }
        for seg in segs.get(i).map(Vec::as_slice).unwrap_or(&[]) {
            if seg.kind == DocKind::ClusterConf {
                let body = &text[seg.span.start..seg.span.end];
                let fact = |needle: &str| {
                    text::find(body, needle).map(|j| Fact {
                        value: (),
                        file: i,
                        span: Span::new(seg.span.start + j, seg.span.start + j + needle.len()),
                    })
                };
                if f.rgmanager.is_none() {
                    f.rgmanager = fact("<rm>").or_else(|| fact("<rm "));
                }
                if f.fence_pcmk.is_none() {
                    f.fence_pcmk = fact("fence_pcmk");
                }
            }
            match seg.kind {
                DocKind::ClusterConf if f.cman.is_none() => {
                    let at = text[seg.span.start..seg.span.end]
                        .find("<cluster")
                        .map(|j| seg.span.start + j)
                        .unwrap_or(seg.span.start);
                    f.cman = Some(Fact {
                        value: (),
                        file: i,
                        span: Span::new(at, (at + 8).min(text.len())),
                    });
                }
                DocKind::Log(fmt) if !f.log_formats.contains(&fmt) => f.log_formats.push(fmt),
                DocKind::CorosyncConf | DocKind::ServiceFragment if f.plugin.is_none() => {
                    f.plugin = plugin_stanza(text, seg, i);
                }
                _ => {}
            }
        }
    }
    f
}

/// `service { name: pacemaker  ver: N }` in a config segment: N as corosync 1.x reads it
/// (`atoi`, default 0). The span is the `ver:` line, or the `name:` line without one.
fn plugin_stanza(text: &str, seg: &Segment, file: usize) -> Option<Fact<u8>> {
    let (body, range) = match &seg.reflow {
        Some(r) => (r.text.as_str(), Span::new(0, r.text.len())),
        None => (text, seg.span),
    };
    // No `service` word, no stanza: skip parsing the whole config a second time.
    text::find(&body[range.start..range.end], "service")?;
    let tree = syntax::parse(body, range, Dialect::Lenient);
    let conf = Conf::new(body, &tree);
    for s in conf.children_named(0, "service") {
        let Some(name) = conf.get(s.id, "name") else {
            continue;
        };
        if name.value != "pacemaker" {
            continue;
        }
        let ver = conf.get(s.id, "ver");
        let value = ver.map(|v| atoi(v.value)).unwrap_or(0);
        let span = ver.map(|v| v.line_span).unwrap_or(name.line_span);
        let trimmed = Span::new(
            span.start
                + (body[span.start..span.end].len()
                    - body[span.start..span.end].trim_start().len()),
            span.end,
        );
        let span = match &seg.reflow {
            Some(r) => r.to_original(trimmed),
            None => trimmed,
        };
        return Some(Fact {
            value: value.clamp(0, 255) as u8,
            file,
            span,
        });
    }
    None
}

/// C `atoi`: optional blanks and sign, then digits; anything else ends the number.
pub fn atoi(s: &str) -> i64 {
    let t = s.trim_start_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
    let (neg, digits) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let mut n: i64 = 0;
    for b in digits.bytes() {
        if !b.is_ascii_digit() {
            break;
        }
        n = n.saturating_mul(10).saturating_add(i64::from(b - b'0'));
    }
    if neg { -n } else { n }
}

/// The first `<prefix>X.Y.Z` in the text, e.g. `corosync-1.4.7-2.el6` or
/// `Corosync Cluster Engine ('1.4.7')`.
fn find_release(scan: &Scan, prefixes: &[&str], file: usize) -> Option<Fact<Release>> {
    let text = scan.text;
    let mut best: Option<Fact<Release>> = None;
    for p in prefixes {
        let mut from = 0;
        // Bounded: look at the first few occurrences of each prefix only.
        for _ in 0..64 {
            let Some(i) = scan.find_from(p, from) else {
                break;
            };
            let v = i + p.len();
            from = v;
            let digits_end = text[v..]
                .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                .map(|j| v + j)
                .unwrap_or(text.len());
            let cand = text[v..digits_end].trim_end_matches('.');
            if cand.matches('.').count() >= 1 {
                if let Some((r, _)) = Release::parse_prefix(cand) {
                    if (1..=3).contains(&r.0) && best.as_ref().is_none_or(|b| i < b.span.start) {
                        best = Some(Fact {
                            value: r,
                            file,
                            span: Span::new(i, v + cand.len()),
                        });
                    }
                    break;
                }
            }
        }
    }
    best
}

/// The distribution: `CentOS6.6`, `CentOS release 6.6`, `RHEL 6.4`, `Red Hat Enterprise Linux
/// Server release 6.5`, `.el6` in a package name, `SLES 11 SP3`, `Debian 12`, `Ubuntu 22.04`.
fn find_distro(scan: &Scan, file: usize) -> Option<Fact<Distro>> {
    let text = scan.text;
    for (name, family) in &DISTROS {
        // The first mention with a minor release wins; else the first mention.
        let mut best: Option<Fact<Distro>> = None;
        let mut from = 0;
        for _ in 0..32 {
            let Some(i) = scan.find_from(name, from) else {
                break;
            };
            from = i + name.len();
            // Skip words like "release", "Server", "Linux" and blanks before the number.
            let rest = &text[from..];
            let mut j = 0;
            for _ in 0..4 {
                let r = &rest[j..];
                let skip_ws = r.len() - r.trim_start_matches([' ', '-', '_']).len();
                let r2 = &r[skip_ws..];
                if r2.starts_with(|c: char| c.is_ascii_digit()) {
                    j += skip_ws;
                    break;
                }
                let word = r2
                    .find(|c: char| !c.is_ascii_alphabetic())
                    .unwrap_or(r2.len());
                if word == 0 || word > 12 {
                    break;
                }
                j += skip_ws + word;
            }
            let r = &rest[j..];
            let end = r
                .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                .unwrap_or(r.len());
            let num = r[..end].trim_end_matches('.');
            let mut parts = num.split('.');
            let Some(major) = parts.next().and_then(|m| m.parse::<u8>().ok()) else {
                continue;
            };
            let minor = parts.next().and_then(|m| m.parse::<u8>().ok());
            if major == 0 || major > 30 && *family != DistroFamily::Ubuntu {
                continue;
            }
            let cand = Fact {
                value: Distro {
                    family: *family,
                    major,
                    minor,
                },
                file,
                span: Span::new(i, from + j + num.len()),
            };
            if minor.is_some() {
                return Some(cand);
            }
            best.get_or_insert(cand);
        }
        if best.is_some() {
            return best;
        }
    }
    // `.el6` in a package file name.
    let mut from = 0;
    for _ in 0..64 {
        let Some(i) = scan.find_from(".el", from) else {
            break;
        };
        from = i + 3;
        let d = text[from..].bytes().take_while(u8::is_ascii_digit).count();
        if (1..=2).contains(&d) {
            if let Ok(major) = text[from..from + d].parse::<u8>() {
                if (5..=10).contains(&major) {
                    return Some(Fact {
                        value: Distro {
                            family: DistroFamily::Rhel,
                            major,
                            minor: None,
                        },
                        file,
                        span: Span::new(i + 1, from + d),
                    });
                }
            }
        }
    }
    None
}

/// The answer to "what does each component do here".
pub fn roles(facts: &Facts) -> Roles {
    let stack = facts.stack();
    let rhel6 = facts
        .distro
        .as_ref()
        .is_some_and(|d| d.value.family.is_rhel_like() && d.value.major == 6);
    let sk = match stack {
        Some(StackKind::Plugin0) => "plugin0",
        Some(StackKind::Plugin1) => "plugin1",
        Some(StackKind::Cman) => "cman",
        Some(StackKind::CmanRgmanager) => "cman_rgm",
        Some(StackKind::Corosync2) => "corosync2",
        Some(StackKind::Corosync3) => "corosync3",
        None => "unknown",
    };
    let corosync_v = facts.corosync.as_ref().map(|f| f.value.to_string());
    let pacemaker_v = facts.pacemaker.as_ref().map(|f| f.value.to_string());
    let distro = facts.distro.as_ref().map(|d| d.value.to_string());

    use Presence::*;
    // (id, name, presence for this stack)
    let table: &[(&'static str, &'static str, Presence)] = match stack {
        Some(StackKind::Plugin0) | Some(StackKind::Plugin1) => &[
            ("corosync", "corosync", InUse),
            ("pacemaker", "Pacemaker", InUse),
            ("plugin", "Pacemaker plugin (pcmk)", InUse),
            ("cman", "cman", if rhel6 { Recommended } else { NotUsed }),
            ("openais", "openais", NotUsed),
            ("votequorum", "votequorum", NotUsed),
            ("knet", "kronosnet (knet)", Absent),
        ],
        Some(StackKind::Cman) => &[
            ("corosync", "corosync", InUse),
            ("pacemaker", "Pacemaker", InUse),
            ("cman", "cman", InUse),
            (
                "rgmanager",
                "rgmanager",
                if facts.rgmanager.is_some() {
                    InUse
                } else {
                    NotUsed
                },
            ),
            ("plugin", "Pacemaker plugin (pcmk)", NotUsed),
            ("openais", "openais", NotUsed),
            ("votequorum", "votequorum", NotUsed),
            ("knet", "kronosnet (knet)", Absent),
        ],
        Some(StackKind::CmanRgmanager) => &[
            ("corosync", "corosync", InUse),
            ("rgmanager", "rgmanager", InUse),
            ("cman", "cman", InUse),
            ("pacemaker", "Pacemaker", NotUsed),
            ("plugin", "Pacemaker plugin (pcmk)", NotUsed),
            ("openais", "openais", NotUsed),
            ("votequorum", "votequorum", NotUsed),
            ("knet", "kronosnet (knet)", Absent),
        ],
        Some(StackKind::Corosync2) => &[
            ("corosync", "corosync", InUse),
            ("pacemaker", "Pacemaker", InUse),
            ("votequorum", "votequorum", InUse),
            ("cman", "cman", Absent),
            ("plugin", "Pacemaker plugin (pcmk)", Absent),
            ("openais", "openais", Absent),
            ("knet", "kronosnet (knet)", Absent),
        ],
        Some(StackKind::Corosync3) => &[
            ("corosync", "corosync", InUse),
            ("pacemaker", "Pacemaker", InUse),
            ("votequorum", "votequorum", InUse),
            ("knet", "kronosnet (knet)", InUse),
            ("cman", "cman", Absent),
            ("plugin", "Pacemaker plugin (pcmk)", Absent),
            ("openais", "openais", Absent),
        ],
        None => &[
            ("corosync", "corosync", NotUsed),
            ("pacemaker", "Pacemaker", NotUsed),
            ("cman", "cman", NotUsed),
            ("plugin", "Pacemaker plugin (pcmk)", NotUsed),
            ("votequorum", "votequorum", NotUsed),
            ("knet", "kronosnet (knet)", NotUsed),
            ("openais", "openais", NotUsed),
        ],
    };
    let components = table
        .iter()
        .map(|(id, name, presence)| Component {
            id,
            name,
            version: match *id {
                "corosync" => corosync_v.clone(),
                "pacemaker" | "plugin" => pacemaker_v.clone(),
                _ => None,
            },
            role: Msg::new(format!("stack.{id}.role")),
            reads: Msg::new(format!("stack.{id}.reads")),
            files: files_of(id, stack),
            presence: *presence,
            here: Msg::new(format!("stack.{id}.here.{}", here_stack(id, sk))),
        })
        .collect();

    // Version phrases: exact when stated somewhere, else the series the stack implies.
    let series = match stack {
        Some(StackKind::Corosync2) => "corosync 2.x",
        Some(StackKind::Corosync3) => "corosync 3.x",
        _ => "corosync 1.x",
    };
    let ver = |m: Msg| {
        m.arg(
            "corosync",
            corosync_v
                .as_ref()
                .map(|v| format!("corosync {v}"))
                .unwrap_or_else(|| series.into()),
        )
        .arg(
            "pacemaker",
            pacemaker_v
                .as_ref()
                .map(|v| format!("Pacemaker {v}"))
                .unwrap_or_else(|| "Pacemaker".into()),
        )
        .arg(
            "distro",
            distro.clone().unwrap_or_else(|| "RHEL/CentOS 6".into()),
        )
    };
    let headline_key = match (stack, rhel6) {
        (Some(StackKind::Plugin0 | StackKind::Plugin1), true) => {
            format!("stack.headline.{sk}.rhel6")
        }
        (None, _) => "stack.headline.unknown".to_string(),
        _ => format!("stack.headline.{sk}"),
    };
    let headline = ver(Msg::new(headline_key));

    let choice = |id: &'static str, recommended: bool| Choice {
        id,
        title: Msg::new(format!("stack.choice.{id}.title")),
        steps: Msg::new(format!("stack.choice.{id}.steps")),
        consequence: Msg::new(format!("stack.choice.{id}.consequence")),
        recommended,
    };
    let choices = match stack {
        Some(StackKind::Plugin0 | StackKind::Plugin1) if rhel6 => vec![
            choice("cman", true),
            choice("mcp", false),
            choice("corosync2", false),
        ],
        Some(StackKind::Plugin0) => vec![choice("mcp", true), choice("corosync2", false)],
        Some(StackKind::Plugin1) => vec![choice("corosync2", false)],
        Some(StackKind::Cman | StackKind::CmanRgmanager) => vec![choice("corosync2", false)],
        _ => Vec::new(),
    };
    Roles {
        stack,
        headline,
        components,
        choices,
    }
}

/// Whose "here" text a component uses: a cman + rgmanager cluster says what a cman cluster
/// says, except for the components whose part depends on the resource manager.
fn here_stack(id: &str, sk: &'static str) -> &'static str {
    let own = matches!(id, "pacemaker" | "cman" | "openais" | "rgmanager");
    if sk == "cman_rgm" && !own { "cman" } else { sk }
}

/// The files a component reads in a stack (corosync-conf.md §1.1, §5; cluster.conf(5)).
fn files_of(id: &str, stack: Option<StackKind>) -> Vec<&'static str> {
    const COROSYNC_CONF: &str = "/etc/corosync/corosync.conf";
    match (id, stack) {
        // cman_tool join feeds corosync cluster.conf; corosync.conf is not read.
        ("corosync", Some(StackKind::Cman | StackKind::CmanRgmanager)) => vec![],
        ("corosync", Some(StackKind::Plugin0 | StackKind::Plugin1)) => {
            vec![COROSYNC_CONF, "/etc/corosync/service.d/*"]
        }
        ("corosync" | "votequorum" | "knet" | "openais", _) => vec![COROSYNC_CONF],
        ("pacemaker", _) => vec!["cib.xml", "/etc/sysconfig/pacemaker"],
        ("cman", _) => vec!["/etc/cluster/cluster.conf", "/etc/sysconfig/cman"],
        ("plugin", _) => vec!["/etc/corosync/service.d/pcmk"],
        ("rgmanager", _) => vec!["/etc/cluster/cluster.conf"],
        _ => vec![],
    }
}

/// Tie the plugin stanza to the plugin log lines, both ways, so each explains the other.
pub fn correlate(diags: &mut [Diagnostic], records: &[Record]) {
    let plugin_cfg: Vec<usize> = diags
        .iter()
        .enumerate()
        .filter(|(_, d)| d.code == crate::rules::plugin::PLUGIN_CODE)
        .map(|(i, _)| i)
        .collect();
    if plugin_cfg.is_empty() {
        return;
    }
    let plugin_logs: Vec<&Record> = records
        .iter()
        .filter(|r| r.kb.is_some_and(|e| e.id.starts_with("pcmk-plugin")))
        .collect();
    for &ci in &plugin_cfg {
        let (cfile, cspan) = (diags[ci].file, diags[ci].span);
        for r in &plugin_logs {
            diags[ci].related.push(Related {
                file: r.file(),
                span: r.message(),
                note: Msg::new("stack.related.log-line"),
            });
            if let Some(ld) = diags
                .iter_mut()
                .find(|d| d.file == r.file() && d.span == r.message())
            {
                if !ld
                    .related
                    .iter()
                    .any(|x| x.file == cfile && x.span == cspan)
                {
                    ld.related.push(Related {
                        file: cfile,
                        span: cspan,
                        note: Msg::new("stack.related.config-line"),
                    });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atoi_like_c() {
        assert_eq!(atoi("0"), 0);
        assert_eq!(atoi(" 1"), 1);
        assert_eq!(atoi("1x"), 1);
        assert_eq!(atoi("x"), 0);
        assert_eq!(atoi("-3"), -3);
    }

    #[test]
    fn releases_and_distro_from_prose() {
        let t = "CentOS6.6 で corosync-1.4.7-2.el6.x86_64 pacemaker-1.1.12-8.el6.x86_64 を";
        let c = find_release(&Scan::new(t, &Facts::default(), 1), &["corosync-"], 0).unwrap();
        assert_eq!(c.value, Release(1, 4, 7));
        assert_eq!(&t[c.span.start..c.span.end], "corosync-1.4.7");
        let p = find_release(&Scan::new(t, &Facts::default(), 1), &["pacemaker-"], 0).unwrap();
        assert_eq!(p.value, Release(1, 1, 12));
        let d = find_distro(&Scan::new(t, &Facts::default(), 1), 0).unwrap();
        assert_eq!(
            d.value,
            Distro {
                family: DistroFamily::CentOs,
                major: 6,
                minor: Some(6)
            }
        );
        let d = find_distro(
            &Scan::new("pacemaker-1.1.12-8.el6.x86_64", &Facts::default(), 1),
            0,
        )
        .unwrap();
        assert_eq!(d.value.major, 6);
        assert!(find_distro(&Scan::new("nothing here", &Facts::default(), 1), 0).is_none());
        let d = find_distro(
            &Scan::new(
                "Red Hat Enterprise Linux Server release 6.5 (Santiago)",
                &Facts::default(),
                1,
            ),
            0,
        )
        .unwrap();
        assert_eq!(
            d.value,
            Distro {
                family: DistroFamily::Rhel,
                major: 6,
                minor: Some(5)
            }
        );
    }

    #[test]
    fn banner_version() {
        let t = "Aug 26 16:20:30 corosync [MAIN  ] Corosync Cluster Engine ('1.4.7'): started and ready to provide service.";
        assert_eq!(
            find_release(
                &Scan::new(t, &Facts::default(), 1),
                &["Corosync Cluster Engine ('"],
                0
            )
            .unwrap()
            .value,
            Release(1, 4, 7)
        );
    }
}
