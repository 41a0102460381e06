//! The late part of the analysis: reading logs and cluster.conf files, and what joins the
//! documents (the plugin stanza to its log lines, the ties X0xx, the incidents). One entry
//! point, [`run`], takes one [`Job`] at a time.
//!
//! [`crate::analyze`] calls [`run`] directly. The web page calls
//! [`crate::report::analyze_late`] with a runner of its own that calls [`run`] in a second
//! wasm, fetched only when an input holds a log or a cluster.conf ([`needed`]): a visit that
//! checks a corosync.conf never downloads the log reader, the knowledge base, the incidents or
//! the cluster.conf analysis (README, "Size"; `web/src/late.rs`).
//!
//! Invariants (`core/tests/late.rs`, on every fixture and fixture directory):
//! `analyze_late(…, &mut run)` is `analyze_with`; the runner is called exactly when
//! [`needed`] is true; and for other inputs a runner that does nothing changes nothing.

use crate::cman::CmanDoc;
use crate::conf::{self, Conf};
use crate::detect::{self, Counted, DocKind, Reflow};
use crate::diagnostic::{Diagnostic, Span};
use crate::logs::{self, Record};
use crate::report::{INCIDENT_WORK, Input};
use crate::rules::{self, ConfRole, Ctx};
use crate::stack::{self, Facts};
use crate::version::Target;

/// One piece of the late analysis, with where its results go.
pub enum Job<'a> {
    /// Append the log records of `range` of `text` to `records`
    /// ([`logs::read_into_parallel`]).
    Read {
        text: &'a str,
        range: Span,
        file: usize,
        records: &'a mut Vec<Record>,
        progress: &'a mut dyn FnMut(usize),
        threads: usize,
    },
    /// One log document's findings (past the cap only counted in `counted`), and for each of
    /// its records whether it is a start-up line that is no finding (appended to `quiet`).
    Log {
        text: &'a str,
        records: &'a mut [Record],
        found: &'a mut Vec<Diagnostic>,
        counted: &'a mut Vec<Counted>,
        quiet: &'a mut Vec<bool>,
    },
    /// One cluster.conf document: its findings and its summary.
    Cman {
        text: &'a str,
        range: Span,
        found: &'a mut Vec<Diagnostic>,
        doc: &'a mut Option<CmanDoc>,
    },
    /// Across documents, once every one was read (only with log records).
    Join(Join<'a>),
}

/// What [`Job::Join`] reads and writes.
pub struct Join<'a> {
    pub inputs: &'a [Input<'a>],
    /// Whether the target version was pinned (`Options::target`).
    pub pinned: bool,
    pub facts: &'a Facts,
    /// The first main corosync.conf: its input, text, tree, target and reflow.
    pub main: Option<(usize, &'a str, &'a conf::Tree, Target, &'a Option<Reflow>)>,
    pub records: &'a [Record],
    pub quiet: &'a [bool],
    pub diagnostics: &'a mut Vec<Diagnostic>,
    pub incidents: &'a mut Vec<logs::incident::Incident>,
    /// Units of work done, `bytes * (1 + INCIDENT_WORK)` in all.
    pub progress: &'a mut dyn FnMut(u64),
    /// The inputs' bytes.
    pub bytes: u64,
    /// Threads the incidents may use (`Options::threads`).
    pub threads: usize,
}

/// Do `job`.
pub fn run(job: Job) {
    match job {
        Job::Read {
            text,
            range,
            file,
            records,
            progress,
            threads,
        } => logs::read_into_parallel(text, range, file, records, progress, threads),
        Job::Log {
            text,
            records,
            found,
            counted,
            quiet,
        } => {
            let skip = logs::startup_links(records, text);
            *found = logs::diagnose_quiet(records, &skip, Some(counted));
            quiet.extend(skip);
        }
        Job::Cman {
            text,
            range,
            found,
            doc,
        } => {
            *found = detect::cluster_conf_findings(text, range);
            let (diags, d) = crate::cman::analyze(text, range);
            found.extend(diags);
            *doc = Some(d);
        }
        Job::Join(j) => join(j),
    }
}

/// The plugin stanza tied to its log lines, then the first main corosync.conf against every
/// log record (X0xx), then the incidents.
fn join(j: Join) {
    let Join {
        inputs,
        pinned,
        facts,
        main,
        records,
        quiet,
        diagnostics,
        incidents,
        progress,
        bytes,
        threads,
    } = j;
    stack::correlate(diagnostics, records);
    progress(bytes / 2);
    let texts: Vec<&str> = inputs.iter().map(|i| i.text).collect();
    if let Some((file, text, tree, target, reflow)) = main {
        let ctx = Ctx::new(Conf::new(text, tree), target, pinned, ConfRole::Main, facts);
        let back = |s: Span| reflow.as_ref().map_or(s, |r| r.to_original(s));
        let cfg = rules::tie::Cfg {
            ctx: &ctx,
            file,
            path: &inputs[file].path,
            back: &back,
        };
        let logs = rules::tie::Logs {
            records,
            texts: &texts,
        };
        let (mut ties, mut links) = (Vec::new(), Vec::new());
        rules::tie::run(&cfg, &logs, &mut ties, &mut links);
        // A log line that agrees with the config: its own finding points at the setting.
        for l in &links {
            if let Some(d) = diagnostics
                .iter_mut()
                .find(|d| d.file == l.file && d.span == l.span)
            {
                d.related.extend(l.related.iter().cloned());
            }
        }
        rules::tie::link_back(diagnostics, &links, file);
        rules::tie::link_back(diagnostics, &ties, file);
        diagnostics.append(&mut ties);
    }
    let paths: Vec<&str> = inputs.iter().map(|i| i.path.as_str()).collect();
    progress(bytes - bytes / 2);
    // Incidents: their steps by the records read, the rest at the end.
    let per_record = bytes as f64 * (INCIDENT_WORK - 1) as f64 / records.len().max(1) as f64;
    *incidents = logs::incident::build_with(
        records,
        &texts,
        &paths,
        quiet,
        &mut |n| progress((n as f64 * per_record) as u64),
        threads,
    );
}

/// Whether any input holds a log or a cluster.conf, as `analyze` will classify it: the inputs
/// for which [`crate::report::analyze_late`] calls its runner. The page loads the late part of
/// its wasm first when it does.
pub fn needed(inputs: &[Input]) -> bool {
    inputs.iter().any(|input| {
        detect::line_range(&input.path, input.text).is_some()
            || detect::segment(&input.path, input.text)
                .0
                .iter()
                .any(|s| matches!(s.kind, DocKind::Log(_) | DocKind::ClusterConf))
    })
}
