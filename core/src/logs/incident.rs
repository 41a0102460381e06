//! Incidents: the records of all logs correlated into events, each with a kind, the nodes
//! involved, the probable root cause and the evidence lines, plus the sequences (patterns) that
//! no single line shows.
//!
//! # How
//!
//! 1. Every record that matched a KB entry gets a [`Stage`] from its code (token loss,
//!    membership change, quorum, fencing, resource, link, crypto, start-up, stall, …); records
//!    without one are ignored. Knet's start-up "has no active links" lines that
//!    [`super::diagnose`] sets aside are ignored here too.
//! 2. The steps are ordered by time ([`super::clock`]: the printed timestamp in UTC, with its
//!    zone when it names one and the year inferred when it prints none; a record without one
//!    takes the time of the record before it in its file), then by file and position.
//! 3. A warning or error step opens an incident, or joins the open one when it comes within
//!    [`GAP_MS`] of its last step; an info step (a membership formed, quorum regained, a
//!    resource started) only joins an open incident: it is recovery, not trouble.
//! 4. The kind and root cause come from the evidence of the whole incident, most specific
//!    first ([`Kind`]): a crypto error names the key or the cipher, a start-up error the
//!    config, a scheduling stall the stalled node, a membership change the node that left (and
//!    whether it also saw the others leave, a partition, or said nothing, lost).
//! 5. Patterns are counted per node over all records ([`PatternKind`]): each needs a number of
//!    lines ([`PatternKind::threshold`]) within [`PATTERN_WINDOW_MS`] of each other.
//!
//! All passes are linear except one sort of the steps; the per-node and per-link state is
//! capped at [`MAX_KEYS`] entries so that hostile input stays cheap.

use std::sync::Arc;

use super::Record;
use super::clock::Clock;
use crate::diagnostic::Severity;
use crate::i18n::Msg;

/// Steps further apart than this start a new incident (2 minutes: Pacemaker's fencing and
/// recovery after a token loss take tens of seconds, an unrelated event minutes).
pub const GAP_MS: u64 = 120_000;
/// A pattern's lines must each come within this time of the previous one (10 minutes).
pub const PATTERN_WINDOW_MS: u64 = 600_000;
/// At most this many nodes or links are followed for patterns.
const MAX_KEYS: usize = 64;

/// What a step is, in the order a cluster incident usually unfolds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum Stage {
    Link,
    Crypto,
    Startup,
    Stall,
    Token,
    Retransmit,
    Membership,
    Quorum,
    Election,
    Fencing,
    Resource,
    Daemon,
    Shutdown,
}

impl Stage {
    pub fn name(self) -> &'static str {
        match self {
            Stage::Link => "link",
            Stage::Crypto => "crypto",
            Stage::Startup => "startup",
            Stage::Stall => "stall",
            Stage::Token => "token",
            Stage::Retransmit => "retransmit",
            Stage::Membership => "membership",
            Stage::Quorum => "quorum",
            Stage::Election => "election",
            Stage::Fencing => "fencing",
            Stage::Resource => "resource",
            Stage::Daemon => "daemon",
            Stage::Shutdown => "shutdown",
        }
    }
    /// Catalog key of the short label (`incident.stage.<name>`).
    pub fn label(self) -> Msg {
        Msg::new(format!("incident.stage.{}", self.name()))
    }
    /// The stage of a KB code by its number (`L107` → 107, [`super::kb::Entry::number`]), if
    /// the code takes part in incidents.
    pub fn of(n: u16) -> Option<Stage> {
        Some(match n {
            201..=203 | 207 | 114..=117 => Stage::Link,
            501..=512 => Stage::Crypto,
            4 | 9 | 12 | 118 | 206 | 305..=308 | 401..=407 => Stage::Startup,
            111 | 112 | 408 => Stage::Stall,
            101..=104 | 110 | 113 => Stage::Token,
            109 => Stage::Retransmit,
            7 | 10 | 105..=108 | 709 => Stage::Membership,
            301 | 302 | 304 | 309..=315 => Stage::Quorum,
            708 | 710 => Stage::Election,
            601..=617 => Stage::Fencing,
            701..=707 | 711..=713 => Stage::Resource,
            5 | 6 | 8 | 13 => Stage::Daemon,
            410..=412 => Stage::Shutdown,
            _ => return None,
        })
    }
}

/// The kind of an incident, most specific first: the first kind whose evidence is present wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum Kind {
    /// Packets fail authentication (digest): the nodes use different authkeys.
    AuthkeyMismatch,
    /// Packets fail decryption or carry another crypto/hash type: different crypto settings.
    CryptoMismatch,
    /// A daemon refused to start or exited on a configuration or start-up error.
    StartupFailure,
    /// corosync was not scheduled (paused VM, SIGSTOP, CPU starvation).
    Stall,
    /// Both sides saw the other leave: the network split the cluster.
    Partition,
    /// A node left the membership and logged nothing of it (crash, kill, power loss).
    NodeLost,
    /// A node left after a clean shutdown.
    NodeShutdown,
    /// Links went down (or flapped) without a membership change.
    LinkFailure,
    /// The token was lost or retransmissions grew without a membership change in the logs.
    TokenLoss,
    QuorumLost,
    Fencing,
    ResourceFailure,
    /// Pacemaker's DC elections repeat or time out.
    Election,
    /// A cluster daemon crashed or was respawned.
    DaemonFailure,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::AuthkeyMismatch => "authkey-mismatch",
            Kind::CryptoMismatch => "crypto-mismatch",
            Kind::StartupFailure => "startup-failure",
            Kind::Stall => "stall",
            Kind::Partition => "partition",
            Kind::NodeLost => "node-lost",
            Kind::NodeShutdown => "node-shutdown",
            Kind::LinkFailure => "link-failure",
            Kind::TokenLoss => "token-loss",
            Kind::QuorumLost => "quorum-lost",
            Kind::Fencing => "fencing",
            Kind::ResourceFailure => "resource-failure",
            Kind::Election => "election",
            Kind::DaemonFailure => "daemon-failure",
        }
    }
}

/// Kinds whose cause names a node (`incident.cause.<kind>` has `{node}`; `.anon` has not).
const CULPRIT_KINDS: [Kind; 7] = [
    Kind::AuthkeyMismatch,
    Kind::CryptoMismatch,
    Kind::StartupFailure,
    Kind::Stall,
    Kind::Partition,
    Kind::NodeLost,
    Kind::NodeShutdown,
];

/// One line of an incident.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// Index into `Report::records` (the evidence line).
    pub record: usize,
    /// The record's file (`Record::file`), for the order of steps with the same time.
    file: u32,
    /// The record's time, milliseconds since 1970 UTC ([`super::clock`]; inherited when it has
    /// no timestamp).
    pub time: u64,
    /// Shared by every step of that node (a log of millions of lines has as many steps).
    pub node: Option<Arc<str>>,
    /// The KB entry the record matched (its code and id: [`Step::code`], [`Step::kb`]). One
    /// pointer, not two strings: a log of millions of lines has as many steps.
    pub entry: &'static super::kb::Entry,
    pub stage: Stage,
    pub severity: Severity,
    /// The step supports the incident's cause (its record is in [`Incident::evidence`]).
    pub evidence: bool,
}

impl Step {
    /// The KB entry's code (`L101`).
    pub fn code(&self) -> &'static str {
        &self.entry.code
    }

    /// The KB entry's id.
    pub fn kb(&self) -> &'static str {
        &self.entry.id
    }
}

/// Sequences that only many lines show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum PatternKind {
    /// A knet link to one host goes down again and again (L201).
    FlappingLink,
    /// Consecutive "Retransmit List" lines (L109) name more and more messages.
    RetransmitGrowth,
    /// Pacemaker's election trigger pops again and again (L710).
    ElectionLoop,
    /// "A processor failed, forming new configuration" (GATHER) again and again (L101, L102).
    RepeatedGather,
    /// A Pacemaker daemon is respawned again and again (L005).
    Respawn,
}

impl PatternKind {
    pub fn name(self) -> &'static str {
        match self {
            PatternKind::FlappingLink => "flapping-link",
            PatternKind::RetransmitGrowth => "retransmit-growth",
            PatternKind::ElectionLoop => "election-loop",
            PatternKind::RepeatedGather => "repeated-gather",
            PatternKind::Respawn => "respawn",
        }
    }
    /// How many lines (in a row, each within [`PATTERN_WINDOW_MS`]) make the pattern.
    pub fn threshold(self) -> usize {
        match self {
            PatternKind::Respawn => 2,
            _ => 3,
        }
    }
    /// The pattern a KB entry's lines make, by its code's number.
    fn of(e: &super::kb::Entry) -> Option<PatternKind> {
        Some(match e.number()? {
            201 => PatternKind::FlappingLink,
            109 => PatternKind::RetransmitGrowth,
            710 => PatternKind::ElectionLoop,
            101 | 102 => PatternKind::RepeatedGather,
            5 => PatternKind::Respawn,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    pub kind: PatternKind,
    pub node: Option<String>,
    /// How many lines in the run (at least the threshold).
    pub count: usize,
    pub threshold: usize,
    /// The lines of the run (record indices), in time order.
    pub records: Vec<usize>,
    /// What it means, with the count and the node.
    pub message: Msg,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Incident {
    pub kind: Kind,
    /// Time keys of the first and last step.
    pub start: u64,
    pub end: u64,
    /// Every node with a step, then nodes named by the evidence (a node that left), sorted.
    pub nodes: Vec<String>,
    /// The node the root cause points at, if one.
    pub culprit: Option<String>,
    /// The probable root cause.
    pub cause: Msg,
    /// The steps that support the cause (record indices).
    pub evidence: Vec<usize>,
    /// In time order.
    pub steps: Vec<Step>,
    pub patterns: Vec<Pattern>,
}

/// Node ids in a list such as `Members joined: 1 2 left: 3` after `label`, up to the next word.
fn ids_after(msg: &str, label: &str) -> Vec<u32> {
    // (Not `str::find`, which prepares a two-way search on every call: the incidents ask this
    // of every membership line, whose message is short, as is the label.)
    let (m, l) = (msg.as_bytes(), label.as_bytes());
    let Some(&first) = l.first() else {
        return Vec::new();
    };
    let Some(k) = (0..m.len()).find(|&k| m[k] == first && m[k..].starts_with(l)) else {
        return Vec::new();
    };
    msg[k + label.len()..]
        .split_whitespace()
        .map_while(|w| w.parse().ok())
        .take(MAX_KEYS)
        .collect()
}

/// The node name of a record: its host, or the file name without directory and extension
/// when several files were given and the line names no host.
fn node_of<'a>(r: &Record, texts: &[&'a str], paths: &[&'a str]) -> Option<&'a str> {
    if let Some(h) = texts.get(r.file()).and_then(|t| super::field(t, r.host)) {
        return Some(h);
    }
    let p = paths.get(r.file()).filter(|_| paths.len() > 1)?;
    let base = p.rsplit(['/', '\\']).next().unwrap_or(p);
    let stem = base.split('.').next().unwrap_or(base);
    (!stem.is_empty()).then_some(stem)
}

/// Build the incidents of `records`. `texts[f]` is the text of file `f` (record spans point
/// into it), `paths[f]` its name, `quiet[i]` marks records that are no finding (knet start-up).
pub fn build(records: &[Record], texts: &[&str], paths: &[&str], quiet: &[bool]) -> Vec<Incident> {
    build_with(records, texts, paths, quiet, &mut |_| {}, 1)
}

/// [`build`], telling `progress` how many records were read (every 65,536, and all of them once
/// their steps are sorted and grouped). With `threads` > 1 (not on wasm32, which has no
/// threads) the patterns are found on a thread of their own while the incidents are
/// explained; the incidents are the same.
pub fn build_with(
    records: &[Record],
    texts: &[&str],
    paths: &[&str],
    quiet: &[bool],
    progress: &mut dyn FnMut(usize),
    threads: usize,
) -> Vec<Incident> {
    build_in(
        records,
        texts,
        paths,
        quiet,
        progress,
        threads,
        PARALLEL_MIN,
    )
}

/// The fewest records for which [`build_with`] finds the patterns on a thread of their own.
const PARALLEL_MIN: usize = 1 << 16;

/// [`build_with`], using a second thread from `min` records on (tests build small logs).
fn build_in(
    records: &[Record],
    texts: &[&str],
    paths: &[&str],
    quiet: &[bool],
    progress: &mut dyn FnMut(usize),
    threads: usize,
    min: usize,
) -> Vec<Incident> {
    let msg = |r: &Record| super::message_of(texts, r);
    // Every record's time, read once here for the steps and the patterns; the steps (the
    // records with a stage); the records that can make a pattern, with its kind.
    let (mut times, mut steps, mut lines) =
        (Vec::with_capacity(records.len()), Vec::new(), Vec::new());
    read_steps(
        records,
        (texts, paths, quiet),
        Clock::new(records, texts),
        (&mut times, &mut steps, &mut lines),
        progress,
    );
    // Node id → name: a node's first membership line that names one node only is its own.
    let mut ids: Vec<(u32, String)> = Vec::new();
    let mut seen_hosts: Vec<&str> = Vec::new();
    for s in steps.iter().filter(|s| s.code() == "L107") {
        if let Some(n) = s.node.as_deref().filter(|n| !seen_hosts.contains(n)) {
            let j = ids_after(msg(&records[s.record]), "joined:");
            if j.len() == 1 && !ids.iter().any(|x| x.0 == j[0]) && ids.len() < MAX_KEYS {
                ids.push((j[0], n.to_string()));
            }
            if seen_hosts.len() < MAX_KEYS {
                seen_hosts.push(n);
            }
        }
    }
    drop(seen_hosts);
    // Each file's steps are in time order already; several files' are merged. The merged
    // order is read into a new vector (two or three sequential streams), not swapped into
    // place (a cache miss per step); one file keeps its vector.
    let order = crate::sort::order_by_key(&steps, |s| (s.time, s.file, s.record));
    if order.iter().enumerate().any(|(k, &i)| i as usize != k) {
        // Moved, not cloned: a clone would count each node name's references up and down.
        let mut from: Vec<Option<Step>> = steps.into_iter().map(Some).collect();
        steps = order
            .iter()
            .filter_map(|&i| from.get_mut(i as usize).and_then(Option::take))
            .collect();
    }
    drop(order);
    let name = |id: u32| {
        ids.iter()
            .find(|x| x.0 == id)
            .map_or_else(|| format!("nodeid {id}"), |x| x.1.clone())
    };

    // Group: each group is a run of the sorted steps (start, end).
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut open = false;
    for (k, s) in steps.iter().enumerate() {
        let trouble = s.severity != Severity::Info;
        match runs.last_mut() {
            Some(g) if open && s.time <= steps[g.1 - 1].time.saturating_add(GAP_MS) => g.1 = k + 1,
            _ if trouble => {
                runs.push((k, k + 1));
                open = true;
            }
            _ => open = false,
        }
    }
    // Cut the runs out from the back, so no step is copied more than once and the first run
    // (a log that is one long incident) keeps the vector itself.
    let mut groups: Vec<Vec<Step>> = Vec::with_capacity(runs.len());
    for (k, &(start, end)) in runs.iter().enumerate().rev() {
        steps.truncate(end);
        let mut g = if k == 0 {
            steps.drain(..start);
            std::mem::take(&mut steps)
        } else {
            steps.split_off(start)
        };
        // The first run keeps the vector of all steps: not its room for them when it is short.
        if g.capacity() > 2 * g.len() {
            g.shrink_to_fit();
        }
        groups.push(g);
    }
    drop(steps);
    groups.reverse();
    progress(records.len() % 65_536);

    // The patterns are found while the incidents are explained.
    let mut out: Vec<Incident> = Vec::new();
    let explain_all = |out: &mut Vec<Incident>| {
        *out = groups
            .into_iter()
            .map(|steps| explain(steps, records, texts, &name))
            .collect()
    };
    let find = || find_patterns(records, &lines, &times, texts, paths);
    #[cfg(not(target_arch = "wasm32"))]
    let patterns = if threads > 1 && records.len() >= min {
        crate::text::alongside(|| explain_all(&mut out), &[()], |()| find())
            .pop()
            .unwrap_or_default()
    } else {
        explain_all(&mut out);
        find()
    };
    #[cfg(target_arch = "wasm32")]
    let patterns = {
        let _ = (threads, min);
        explain_all(&mut out);
        find()
    };
    // Record → incident, so that each pattern finds its incident in one step.
    let mut home = vec![usize::MAX; records.len()];
    for (k, inc) in out.iter().enumerate() {
        for s in &inc.steps {
            home[s.record] = k;
        }
    }
    for p in patterns {
        if let Some(inc) = out.get_mut(home[p.records[0]]) {
            inc.patterns.push(p);
        }
    }
    out
}

/// The times of `records` (appended to `times`), their steps (to `steps`) and the records
/// that can make a pattern, each with its kind (to `lines`), read with `clock`; `progress`
/// hears of every 65,536 records.
fn read_steps<'a>(
    records: &[Record],
    (texts, paths, quiet): (&[&'a str], &[&'a str], &[bool]),
    mut clock: Clock<'a>,
    (times, steps, lines): (
        &mut Vec<u64>,
        &mut Vec<Step>,
        &mut Vec<(usize, PatternKind)>,
    ),
    progress: &mut dyn FnMut(usize),
) {
    // Node names, one allocation each, shared by their steps; the last one found first.
    let mut names: Vec<Arc<str>> = Vec::new();
    let mut shared = |n: &str| -> Arc<str> {
        if let Some(k) = names.iter().rposition(|x| &**x == n) {
            let x = names[k].clone();
            let last = names.len() - 1;
            names.swap(k, last);
            return x;
        }
        let x: Arc<str> = Arc::from(n);
        if names.len() < MAX_KEYS {
            names.push(x.clone());
        }
        x
    };
    for (i, r) in records.iter().enumerate() {
        if i % 65_536 == 65_535 {
            progress(65_536);
        }
        let time = clock.time(r, texts);
        times.push(time);
        let Some(e) = r.kb else { continue };
        if let Some(kind) = PatternKind::of(e) {
            lines.push((i, kind));
        }
        let Some(stage) = e.number().and_then(Stage::of) else {
            continue;
        };
        if quiet.get(i) == Some(&true) {
            continue;
        }
        steps.push(Step {
            record: i,
            file: u32::try_from(r.file()).unwrap_or(u32::MAX),
            time,
            node: node_of(r, texts, paths).map(&mut shared),
            entry: e,
            stage,
            severity: e.severity,
            evidence: false,
        });
    }
}

/// `codes.contains(&code)` without a `memcmp` call per pair (KB codes are four bytes, `L107`;
/// an incident's story compares every step with several lists).
fn code_in(code: &str, codes: &[&str]) -> bool {
    let four = |s: &str| <[u8; 4]>::try_from(s.as_bytes()).ok();
    match four(code) {
        Some(k) => codes.iter().any(|c| four(c) == Some(k)),
        None => codes.contains(&code),
    }
}

fn explain(
    mut steps: Vec<Step>,
    records: &[Record],
    texts: &[&str],
    name: &dyn Fn(u32) -> String,
) -> Incident {
    let msg = |r: &Record| super::message_of(texts, r);
    // The first step of each KB entry (a few dozen at most; a step's stage is its entry's):
    // one pass, where each question below would read every step of a long incident again.
    let mut present: Vec<&Step> = Vec::new();
    for s in &steps {
        if !present.iter().any(|p| std::ptr::eq(p.entry, s.entry)) {
            present.push(s);
        }
    }
    let has = |codes: &[&str]| present.iter().any(|s| code_in(s.code(), codes));
    let staged = |st: Stage| present.iter().any(|s| s.stage == st);
    let ev = |codes: &[&str]| -> Vec<usize> {
        steps
            .iter()
            .filter(|s| code_in(s.code(), codes))
            .map(|s| s.record)
            .collect()
    };
    let stage_ev = |st: &[Stage]| -> Vec<usize> {
        steps
            .iter()
            .filter(|s| st.contains(&s.stage) && s.severity != Severity::Info)
            .map(|s| s.record)
            .collect()
    };
    let first_node = |codes: &[&str]| {
        steps
            .iter()
            .find(|s| code_in(s.code(), codes))
            .and_then(|s| s.node.as_deref().map(str::to_string))
    };
    // Who saw whom leave: (reporter, left ids).
    let mut left: Vec<(Option<&str>, u32)> = Vec::new();
    for s in steps
        .iter()
        .filter(|s| s.code() == "L107" || s.code() == "L108")
    {
        let label = if s.code() == "L107" {
            "left:"
        } else {
            "failed:"
        };
        for id in ids_after(msg(&records[s.record]), label) {
            if left.len() < MAX_KEYS && !left.contains(&(s.node.as_deref(), id)) {
                left.push((s.node.as_deref(), id));
            }
        }
    }
    // The node most often seen leaving, if one stands out.
    let mut lost: Vec<(u32, usize)> = Vec::new();
    for &(_, id) in &left {
        match lost.iter_mut().find(|x| x.0 == id) {
            Some(x) => x.1 += 1,
            None => lost.push((id, 1)),
        }
    }
    let top = lost.iter().map(|x| x.1).max().unwrap_or(0);
    let culprit_id = match lost.iter().filter(|x| x.1 == top).count() {
        1 => lost.iter().find(|x| x.1 == top).map(|x| x.0),
        _ => None,
    };
    let culprit_name = culprit_id.map(name);
    let from_culprit = |codes: &[&str]| {
        steps.iter().any(|s| {
            code_in(s.code(), codes)
                && s.node.is_some()
                && s.node.as_deref() == culprit_name.as_deref()
        })
    };

    let digest = ["L501", "L503", "L506"];
    let cipher = ["L504", "L505", "L507", "L512"];
    let startup = [
        "L004", "L009", "L012", "L118", "L206", "L305", "L306", "L307", "L308", "L401", "L402",
        "L403", "L404", "L405", "L406", "L407",
    ];
    let stall = ["L111", "L112", "L408"];
    let (kind, culprit, evidence) = if has(&digest) {
        (
            Kind::AuthkeyMismatch,
            odd_one_out(&steps, records, texts),
            ev(&digest),
        )
    } else if has(&cipher) {
        (
            Kind::CryptoMismatch,
            odd_one_out(&steps, records, texts),
            ev(&cipher),
        )
    } else if has(&startup) {
        (Kind::StartupFailure, first_node(&startup), ev(&startup))
    } else if has(&stall) {
        (Kind::Stall, first_node(&stall), ev(&stall))
    } else if culprit_name.is_some() && from_culprit(&["L107", "L108", "L301"]) {
        let e = ev(&["L101", "L102", "L103", "L107", "L108", "L201", "L301"]);
        (Kind::Partition, culprit_name.clone(), e)
    } else if culprit_name.is_some() && from_culprit(&["L410", "L411", "L412"]) {
        (
            Kind::NodeShutdown,
            culprit_name.clone(),
            ev(&["L107", "L410", "L411", "L412"]),
        )
    } else if !left.is_empty() {
        let e = ev(&["L101", "L102", "L103", "L107", "L108"]);
        (Kind::NodeLost, culprit_name.clone(), e)
    } else if has(&["L201", "L203", "L114", "L116"]) {
        (Kind::LinkFailure, None, stage_ev(&[Stage::Link]))
    } else if has(&["L101", "L102", "L103", "L104", "L109", "L110", "L113"]) {
        (
            Kind::TokenLoss,
            None,
            stage_ev(&[Stage::Token, Stage::Retransmit]),
        )
    } else if has(&["L301", "L304", "L309", "L314", "L315"]) {
        (Kind::QuorumLost, None, stage_ev(&[Stage::Quorum]))
    } else if staged(Stage::Fencing) {
        (Kind::Fencing, None, stage_ev(&[Stage::Fencing]))
    } else if staged(Stage::Resource) {
        (Kind::ResourceFailure, None, stage_ev(&[Stage::Resource]))
    } else if staged(Stage::Election) {
        (Kind::Election, None, stage_ev(&[Stage::Election]))
    } else {
        (
            Kind::DaemonFailure,
            None,
            stage_ev(&[Stage::Daemon, Stage::Shutdown]),
        )
    };
    let mut nodes: Vec<String> = Vec::new();
    let mut add = |n: &str| {
        if !nodes.iter().any(|x| x == n) && nodes.len() < MAX_KEYS {
            nodes.push(n.to_string());
        }
    };
    // A node's steps come in runs: each run's name is compared once.
    let mut last: Option<&Arc<str>> = None;
    for n in steps.iter().filter_map(|s| s.node.as_ref()) {
        if !last.is_some_and(|l| Arc::ptr_eq(l, n)) {
            add(n);
            last = Some(n);
        }
    }
    for x in &left {
        add(&name(x.1));
    }
    if let Some(c) = &culprit {
        add(c);
    }
    crate::sort::sort(&mut nodes);
    let anon = if culprit.is_none() && CULPRIT_KINDS.contains(&kind) {
        ".anon"
    } else {
        ""
    };
    let cause = Msg::new(format!("incident.cause.{}{anon}", kind.name()))
        .arg("node", culprit.as_deref().unwrap_or(""));
    // Evidence is collected in step order, so one merge pass marks the steps.
    let mut e = evidence.iter().peekable();
    for s in &mut steps {
        if e.peek() == Some(&&s.record) {
            s.evidence = true;
            e.next();
        }
    }
    Incident {
        kind,
        start: steps.first().map_or(0, |s| s.time),
        end: steps.last().map_or(0, |s| s.time),
        nodes,
        culprit,
        cause,
        evidence,
        steps,
        patterns: Vec::new(),
    }
}

/// For crypto errors: the node that cannot read packets from the most distinct peers (the
/// sources in "Unable to decrypt packet from …", L508), if one stands out. With three nodes and
/// one wrong key, that node fails with both peers, each of the others with one.
fn odd_one_out(steps: &[Step], records: &[Record], texts: &[&str]) -> Option<String> {
    let msg = |r: &Record| super::message_of(texts, r);
    let mut per: Vec<(&str, Vec<&str>)> = Vec::new();
    for s in steps.iter().filter(|s| s.code() == "L508") {
        let (Some(n), Some(src)) = (
            s.node.as_deref(),
            msg(&records[s.record]).split(" from ").nth(1),
        ) else {
            continue;
        };
        let src = src.split([':', ' ']).next().unwrap_or(src);
        match per.iter().position(|p| p.0 == n) {
            Some(k) if !per[k].1.contains(&src) && per[k].1.len() < MAX_KEYS => per[k].1.push(src),
            Some(_) => {}
            None if per.len() < MAX_KEYS => per.push((n, vec![src])),
            None => {}
        }
    }
    let top = per.iter().map(|p| p.1.len()).max()?;
    let mut best = per.iter().filter(|p| p.1.len() == top);
    let first = best.next()?;
    (best.next().is_none() && per.len() > 1).then(|| first.0.to_string())
}

/// Runs of pattern lines per (pattern, node, key), in time order. `lines` are the records
/// that can make a pattern, each with its kind, in order; `times[i]` is record `i`'s time.
fn find_patterns<'a>(
    records: &[Record],
    lines: &[(usize, PatternKind)],
    times: &[u64],
    texts: &[&'a str],
    paths: &[&'a str],
) -> Vec<Pattern> {
    let msg = |r: &Record| super::message_of(texts, r);
    struct Run<'a> {
        kind: PatternKind,
        node: Option<&'a str>,
        /// The link for flapping (`host: 3 link: 0`); empty otherwise.
        key: String,
        last_time: u64,
        /// Length of the last retransmit list.
        last_len: usize,
        records: Vec<usize>,
    }
    let mut runs: Vec<Run> = Vec::new();
    let mut done: Vec<Pattern> = Vec::new();
    let finish = |r: &mut Run, done: &mut Vec<Pattern>| {
        let recs = std::mem::take(&mut r.records);
        let t = r.kind.threshold();
        if recs.len() >= t {
            let node = r.node.map(str::to_string);
            done.push(Pattern {
                kind: r.kind,
                count: recs.len(),
                threshold: t,
                message: Msg::new(format!("incident.pattern.{}", r.kind.name()))
                    .arg("node", node.as_deref().unwrap_or("?"))
                    .arg("count", recs.len())
                    .arg("link", &r.key),
                node,
                records: recs,
            });
        }
    };
    // Time order within each file is input order; across files the runs are separate anyway
    // (one node per file), so input order is enough here.
    for &(i, kind) in lines {
        let (r, time) = (&records[i], times[i]);
        let m = msg(r);
        let node = node_of(r, texts, paths);
        // The link of a flapping line, `host/link` (`link: host: 3 link: 0 is down` → `3/0`).
        let key = match kind {
            PatternKind::FlappingLink => m
                .split_whitespace()
                .filter(|w| w.bytes().all(|b| b.is_ascii_digit()))
                .take(2)
                .collect::<Vec<_>>()
                .join("/"),
            _ => String::new(),
        };
        // A retransmit list's length (the other kinds do not grow).
        let len = match kind {
            PatternKind::RetransmitGrowth => m.split_whitespace().count(),
            _ => 0,
        };
        let k = match runs
            .iter()
            .position(|x| x.kind == kind && x.node == node && x.key == key)
        {
            Some(k) => k,
            None if runs.len() < MAX_KEYS => {
                runs.push(Run {
                    kind,
                    node,
                    key,
                    last_time: time,
                    last_len: 0,
                    records: Vec::new(),
                });
                runs.len() - 1
            }
            None => continue,
        };
        let run = &mut runs[k];
        let broken = time > run.last_time.saturating_add(PATTERN_WINDOW_MS)
            || time < run.last_time
            || (kind == PatternKind::RetransmitGrowth && len <= run.last_len);
        if broken {
            finish(run, &mut done);
        }
        run.last_time = time;
        run.last_len = len;
        run.records.push(i);
    }
    for r in &mut runs {
        finish(r, &mut done);
    }
    done
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Incidents built with a second thread are those of one: every directory of fixture logs
    /// (one node per file), every run of three fixture logs in name order (mixed formats, hosts
    /// in several files), each with its files in reverse order too. `progress` hears of every
    /// record.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn threads_build_as_one() {
        fn logs(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            for e in std::fs::read_dir(dir).unwrap().flatten() {
                let p = e.path();
                if p.is_dir() {
                    logs(&p, out);
                } else if p.extension().is_some_and(|x| x == "log") {
                    out.push(p);
                }
            }
        }
        let mut all = Vec::new();
        logs(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures"),
            &mut all,
        );
        crate::sort::sort(&mut all);
        let mut groups: Vec<Vec<std::path::PathBuf>> = Vec::new();
        for p in &all {
            match groups.last_mut() {
                Some(g) if g[0].parent() == p.parent() => g.push(p.clone()),
                _ => groups.push(vec![p.clone()]),
            }
        }
        groups.retain(|g| g.len() > 1);
        groups.extend(all.windows(3).map(<[_]>::to_vec));
        for g in groups.clone() {
            groups.push(g.into_iter().rev().collect());
        }
        let (mut incidents, mut patterns) = (0, 0);
        for g in &groups {
            let texts: Vec<String> = g
                .iter()
                .map(|p| crate::text::decode(&std::fs::read(p).unwrap()).text)
                .collect();
            let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
            let paths: Vec<&str> = g.iter().map(|p| p.to_str().unwrap()).collect();
            let (mut records, mut quiet) = (Vec::new(), Vec::new());
            for (f, t) in texts.iter().enumerate() {
                let r = super::super::read(t, crate::Span::new(0, t.len()), f);
                quiet.extend(super::super::startup_links(&r, t));
                records.extend(r);
            }
            let want = build(&records, &texts, &paths, &quiet);
            incidents += want.len();
            patterns += want.iter().map(|i| i.patterns.len()).sum::<usize>();
            let mut told = 0;
            let got = build_in(&records, &texts, &paths, &quiet, &mut |n| told += n, 2, 1);
            // (Not `assert_eq!`: an incident prints its KB entries whole.)
            let differs = (0..got.len().max(want.len())).find(|&k| got.get(k) != want.get(k));
            assert!(differs.is_none(), "incident {differs:?} of {paths:?}");
            assert_eq!(told, records.len());
        }
        assert!(
            incidents > 100 && patterns > 5,
            "{incidents} incidents, {patterns} patterns"
        );
    }

    #[test]
    fn code_in_is_contains() {
        let codes = ["L107", "L108", "L12", "L1070"];
        for c in ["L107", "L108", "L109", "L12", "L1070", "", "l107"] {
            assert_eq!(code_in(c, &codes), codes.contains(&c), "{c}");
        }
    }

    /// A log of millions of lines has as many steps: the KB entry is one pointer (two string
    /// slices made a step 72 bytes), and grouping moves every step once.
    #[test]
    #[cfg(target_pointer_width = "64")]
    fn steps_stay_small() {
        assert!(
            std::mem::size_of::<Step>() <= 48,
            "{}",
            std::mem::size_of::<Step>()
        );
    }

    #[test]
    fn ids_lists() {
        let m = "A new membership (1.9) was formed. Members joined: 1 2 left: 3";
        assert_eq!(ids_after(m, "joined:"), vec![1, 2]);
        assert_eq!(ids_after(m, "left:"), vec![3]);
        assert!(ids_after(m, "failed:").is_empty());
        // The label's first byte, and the label without its colon, before it.
        assert_eq!(ids_after("lé left left: 4 5 x 6", "left:"), vec![4, 5]);
        assert!(ids_after("left:", "left:").is_empty());
        assert!(ids_after("lef", "left:").is_empty());
        assert!(ids_after(m, "").is_empty());
    }
}
