//! The one entry point: inputs in, [`Report`] out.

use crate::conf::{self, Conf, Dialect};
use crate::detect::{self, DocKind, Segment};
use crate::diagnostic::{Diagnostic, Span};
use crate::late::{Job, Join};
use crate::logs;
use crate::rules::{self, ConfRole, Ctx};
use crate::stack::{self, Facts};
use crate::text::LineIndex;
use crate::version::Target;

/// One text to analyse: a file, stdin, or the page's editor.
#[derive(Debug, Clone)]
pub struct Input<'a> {
    /// Shown in findings; the file name also helps detection (`service.d/pcmk`, `cluster.conf`).
    pub path: String,
    pub text: &'a str,
}

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Pin the corosync version (`--target-version`). `None`: infer it from the inputs.
    pub target: Option<Target>,
    /// An opt-in profile of best-practice rules (`--profile`), e.g. Trento's (T1xx).
    pub profile: Option<Profile>,
    /// Threads a large log may be read with ([`logs::read_into_parallel`]); 0 and 1 read on
    /// the caller's thread only, as on wasm32 whatever the value. The CLI gives the number of
    /// CPUs it may use (`--jobs`). The report is the same for any value.
    pub threads: usize,
}

/// Opt-in rule profiles. Their rules run only when the profile is chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Profile {
    /// Trento's corosync checks with the values for an unnamed platform (on premises, KVM...).
    Trento,
    TrentoAzure,
    TrentoAws,
    TrentoGcp,
}

impl Profile {
    pub const ALL: [Profile; 4] = [
        Profile::Trento,
        Profile::TrentoAzure,
        Profile::TrentoAws,
        Profile::TrentoGcp,
    ];
    pub fn name(self) -> &'static str {
        match self {
            Profile::Trento => "trento",
            Profile::TrentoAzure => "trento-azure",
            Profile::TrentoAws => "trento-aws",
            Profile::TrentoGcp => "trento-gcp",
        }
    }
    pub fn parse(s: &str) -> Option<Profile> {
        Profile::ALL.into_iter().find(|p| p.name() == s)
    }
}

/// The steps to move one config to a later corosync series (see `rules::migrate`).
#[derive(Debug, Clone)]
pub struct Migration {
    /// Index into the inputs.
    pub file: usize,
    /// The series the config is written for.
    pub from: u8,
    pub to: Target,
    /// Each step: where it applies (mapped to the input text) and what to do.
    pub steps: Vec<(Span, crate::i18n::Msg)>,
}

/// What one input turned out to contain.
#[derive(Debug, Clone)]
pub struct FileInfo {
    pub path: String,
    pub documents: Vec<Segment>,
    pub lines: LineIndex,
}

#[derive(Debug, Clone)]
pub struct Report {
    pub files: Vec<FileInfo>,
    /// Sorted by file, then position.
    pub diagnostics: Vec<Diagnostic>,
    /// Versions, distribution and stack inferred from everything given.
    pub facts: Facts,
    /// Log records that were recognised, across all files, in input order.
    pub records: Vec<logs::Record>,
    /// Each CMAN cluster.conf: what it defines and its corosync 3 / pcs conversion.
    pub cman: Vec<crate::cman::CmanDoc>,
    /// Upgrade plans, one per config written for an older series than the target.
    pub migrations: Vec<Migration>,
    /// Nodes × links and the quorum arithmetic of each main corosync.conf with a nodelist.
    pub topologies: Vec<crate::topology::Topology>,
    /// Findings counted in a D007 instead of listed, by severity (error, warning, info).
    pub not_listed: [usize; 3],
    /// The log records correlated into incidents, in time order (`logs::incident`).
    pub incidents: Vec<logs::incident::Incident>,
}

impl Report {
    /// The parts of the text a report is shown with: the log part with log records (the KB, the
    /// incidents, the X codes), the cluster.conf part with a cluster.conf or an `M` code, the Trento
    /// part with a `T` code (a finding's help and notes share its code's part).
    pub fn parts(&self) -> Vec<crate::i18n::Part> {
        use crate::i18n::Part;
        let r = self;
        let code = |c: u8| {
            r.diagnostics
                .iter()
                .any(|d| d.code.as_bytes().first() == Some(&c))
        };
        let mut parts = vec![Part::Text];
        if !r.records.is_empty() || !r.incidents.is_empty() {
            parts.push(Part::Logs);
        }
        if !r.cman.is_empty() || code(b'M') {
            parts.push(Part::Cman);
        }
        if code(b'T') {
            parts.push(Part::Trento);
        }
        parts
    }

    /// Findings of a severity, exactly: those listed plus those counted in D007 (which is
    /// itself not counted).
    pub fn count(&self, s: crate::Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == s && d.code != detect::REPEATS.code)
            .count()
            + self.not_listed[s as usize]
    }
    pub fn errors(&self) -> usize {
        self.count(crate::Severity::Error)
    }
}

/// Units of work per input byte, about as the time goes for a large log: detection 3, facts 1,
/// reading the documents [`READ_WORK`], config↔log ties 1, incidents [`INCIDENT_WORK`].
const WORK_PER_BYTE: u64 = 20;
const READ_WORK: u64 = 11;
pub(crate) const INCIDENT_WORK: u64 = 4;

/// Progress reports, about every half percent.
struct Progress<'a> {
    f: &'a mut dyn FnMut(u64, u64),
    done: u64,
    total: u64,
    next: u64,
}

impl Progress<'_> {
    fn add(&mut self, n: u64) {
        self.done = (self.done + n).min(self.total);
        if self.done >= self.next {
            (self.f)(self.done, self.total);
            self.next = self.done + self.total / 200 + 1;
        }
    }
    fn finish(&mut self) {
        self.done = self.total;
        (self.f)(self.total, self.total);
    }
}

/// Analyse everything together. Never panics; bad input becomes findings.
pub fn analyze(inputs: &[Input], opts: &Options) -> Report {
    analyze_with(inputs, opts, &mut |_, _| {})
}

/// [`analyze`], telling `progress(done, total)` how far it is (in units of work, `total`
/// fixed from the start, `done` never going back; `total` is 0 when there is no input), a few
/// hundred times at most. The page's Web Worker draws its progress bar from it.
pub fn analyze_with(
    inputs: &[Input],
    opts: &Options,
    progress: &mut dyn FnMut(u64, u64),
) -> Report {
    analyze_late(inputs, opts, progress, &mut crate::late::run)
}

/// [`analyze_with`], with the reading of logs and cluster.conf files and what joins documents
/// (ties, incidents) done by `late` ([`crate::late`]). [`analyze`] passes [`crate::late::run`];
/// the web page passes the part of its wasm it loads only for such inputs
/// ([`crate::late::needed`]). A `late` that does nothing gives the configs' findings and no
/// records, cluster.conf summaries, log findings, ties or incidents (an input that starts
/// like a log is then classified without its records).
pub fn analyze_late(
    inputs: &[Input],
    opts: &Options,
    progress: &mut dyn FnMut(u64, u64),
    late: &mut dyn FnMut(Job),
) -> Report {
    let bytes: u64 = inputs.iter().map(|i| i.text.len() as u64).sum();
    let mut prog = Progress {
        f: progress,
        done: 0,
        total: bytes * WORK_PER_BYTE,
        next: 0,
    };
    let mut files = Vec::with_capacity(inputs.len());
    let mut diagnostics = Vec::new();
    let mut records = Vec::new();
    let mut quiet = Vec::new();
    let mut cman_docs = Vec::new();
    let mut migrations = Vec::new();
    let mut topologies = Vec::new();
    let mut not_listed = [0; 3];
    // Main corosync.conf documents kept for the cross-file comparison.
    let mut kept: Vec<(usize, usize, &str, conf::Tree, Target)> = Vec::new();

    // 1. What is each input? An input that starts like a log has its records read first and
    // the line-by-line classification uses them ([`detect::segment_with`]), so each line's
    // prefix is parsed once. The others are classified first (no record is read for a config)
    // and their log documents read after. Room for every record first (one per line), so the
    // vector is allocated once and never copied.
    let read_first: Vec<Option<usize>> = inputs
        .iter()
        .map(|input| detect::line_range(&input.path, input.text))
        .collect();
    let mut classified: Vec<Option<(Vec<Segment>, Vec<Diagnostic>)>> = inputs
        .iter()
        .zip(&read_first)
        .map(|(input, pre)| {
            pre.is_none()
                .then(|| detect::segment(&input.path, input.text))
        })
        .collect();
    let is_log = |s: &Segment| matches!(s.kind, DocKind::Log(_));
    let lines: usize = inputs
        .iter()
        .zip(read_first.iter().zip(&classified))
        .map(|(input, (pre, segs))| match (pre, segs) {
            (Some(end), _) => logs::lines_hint(input.text, Span::new(0, *end)),
            (None, Some((segs, _))) => segs
                .iter()
                .filter(|s| is_log(s))
                .map(|seg| match &seg.reflow {
                    Some(r) => logs::lines_hint(&r.text, Span::new(0, r.text.len())),
                    None => logs::lines_hint(input.text, seg.span),
                })
                .sum(),
            (None, None) => 0,
        })
        .sum();
    records.reserve_exact(lines);
    let mut segmented: Vec<Vec<Segment>> = Vec::with_capacity(inputs.len());
    // For each input and document, where its records are in `records`.
    let mut log_records: Vec<Vec<Option<(usize, usize)>>> = Vec::with_capacity(inputs.len());
    for (i, input) in inputs.iter().enumerate() {
        let first = records.len();
        let pre = read_first[i];
        let (segs, mut diags) = match (pre, classified[i].take()) {
            (Some(end), _) => {
                late(Job::Read {
                    text: input.text,
                    range: Span::new(0, end),
                    file: i,
                    records: &mut records,
                    progress: &mut |n| prog.add(n as u64 * READ_WORK),
                    threads: opts.threads,
                });
                detect::segment_with(&input.path, input.text, Some(&records[first..]))
            }
            // Classified above.
            (None, done) => done.unwrap_or_default(),
        };
        for d in &mut diags {
            d.file = i;
        }
        diagnostics.extend(diags);
        let mut at = vec![None; segs.len()];
        if pre.is_some() && !segs.iter().any(|s| is_log(s) && s.reflow.is_some()) {
            // Keep the records of the log documents (whole lines, so the records a read of
            // each would find), in place.
            let (mut w, mut r, n) = (first, first, records.len());
            for (si, seg) in segs.iter().enumerate().filter(|(_, s)| is_log(s)) {
                while r < n && records[r].span().start < seg.span.start {
                    r += 1;
                }
                let a = w;
                while r < n && records[r].span().start < seg.span.end {
                    records.swap(w, r);
                    w += 1;
                    r += 1;
                }
                at[si] = Some((a, w));
            }
            records.truncate(w);
        } else {
            // Each log document read from its own text (rebuilt when glued lines had to be).
            // The bytes of an input read whole were counted then.
            records.truncate(first);
            for (si, seg) in segs.iter().enumerate().filter(|(_, s)| is_log(s)) {
                let (text, range) = match &seg.reflow {
                    Some(r) => (r.text.as_str(), Span::new(0, r.text.len())),
                    None => (input.text, seg.span),
                };
                let a = records.len();
                late(Job::Read {
                    text,
                    range,
                    file: i,
                    records: &mut records,
                    progress: &mut |n| {
                        if pre.is_none() {
                            prog.add(n as u64 * READ_WORK)
                        }
                    },
                    threads: opts.threads,
                });
                at[si] = Some((a, records.len()));
            }
        }
        log_records.push(at);
        segmented.push(segs);
        prog.add(input.text.len() as u64 * 3);
    }

    // 2. Facts from all inputs together (versions, distribution, stack).
    let facts = stack::gather(inputs, &segmented, opts.target, opts.threads);
    prog.add(bytes);

    // 3. Configs and logs.
    for (i, input) in inputs.iter().enumerate() {
        for (si, seg) in segmented[i].iter().enumerate() {
            let (text, back): (&str, &dyn Fn(Span) -> Span) = match &seg.reflow {
                Some(r) => (r.text.as_str(), &|s: Span| r.to_original(s)),
                None => (input.text, &|s: Span| s),
            };
            let range = match &seg.reflow {
                Some(r) => Span::new(0, r.text.len()),
                None => seg.span,
            };
            let mut found = Vec::new();
            let mut counted = Vec::new();
            match seg.kind {
                DocKind::CorosyncConf | DocKind::ServiceFragment => {
                    let target = opts
                        .target
                        .or(facts.corosync_target())
                        .or(seg.target)
                        .unwrap_or(Target::major(3));
                    let dialect = if target.major_num() >= 3 {
                        Dialect::Strict
                    } else {
                        Dialect::Lenient
                    };
                    let tree = conf::syntax::parse(text, range, dialect);
                    let role = if seg.kind == DocKind::ServiceFragment {
                        ConfRole::ServiceFragment
                    } else {
                        ConfRole::Main
                    };
                    let ctx = Ctx::new(
                        Conf::new(text, &tree),
                        target,
                        opts.target.is_some(),
                        role,
                        &facts,
                    );
                    found = rules::run(&ctx);
                    if role == ConfRole::Main {
                        topologies.extend(crate::topology::build(ctx.model(), i));
                        if let Some(p) = opts.profile {
                            rules::trento::run(&ctx, p, &mut found);
                        }
                        let from = seg.target.map(|t| t.major_num());
                        if let Some(from) = from.filter(|f| *f < target.major_num()) {
                            let steps = rules::migrate::plan(&ctx, from, &mut found);
                            if !steps.is_empty() {
                                migrations.push(Migration {
                                    file: i,
                                    from,
                                    to: target,
                                    steps: steps.into_iter().map(|(s, m)| (back(s), m)).collect(),
                                });
                            }
                        }
                    }
                    counted = ctx.counted.take();
                    drop(ctx);
                    if role == ConfRole::Main {
                        kept.push((i, si, text, tree, target));
                    }
                }
                DocKind::Log(_) => {
                    let (a, b) = log_records[i][si].unwrap_or((0, 0));
                    let recs = &mut records[a..b];
                    late(Job::Log {
                        text,
                        records: recs,
                        found: &mut found,
                        counted: &mut counted,
                        quiet: &mut quiet,
                    });
                    if seg.reflow.is_some() {
                        for r in recs {
                            r.map_spans(back);
                        }
                    }
                }
                DocKind::ClusterConf => {
                    let mut doc = None;
                    late(Job::Cman {
                        text,
                        range,
                        found: &mut found,
                        doc: &mut doc,
                    });
                    if let Some(mut doc) = doc {
                        doc.file = i;
                        doc.span = back(doc.span);
                        cman_docs.push(doc);
                    }
                }
                DocKind::Prose | DocKind::Unknown => {}
            }
            // (A log document's bytes counted as it was read.)
            if read_first[i].is_none() && !matches!(seg.kind, DocKind::Log(_)) {
                prog.add((range.end - range.start) as u64 * READ_WORK);
            }
            let (found, left_out) = detect::cap_repeats(found, counted);
            for (sev, n) in left_out {
                not_listed[sev as usize] += n;
            }
            for mut d in found {
                d.file = i;
                d.span = back(d.span);
                // Edits in rebuilt text (line breaks restored) do not map back to the original.
                if seg.reflow.is_some() {
                    d.fix = None;
                }
                for r in &mut d.related {
                    r.file = i;
                    r.span = back(r.span);
                }
                diagnostics.push(d);
            }
        }
        files.push(FileInfo {
            path: input.path.clone(),
            documents: segmented[i].clone(),
            lines: LineIndex::new(input.text),
        });
    }

    // 4. Compare the corosync.conf files of one cluster (C8xx).
    if kept.len() >= 2 {
        let docs: Vec<rules::cluster::Doc> = kept
            .iter()
            .map(|(i, _, text, tree, target)| rules::cluster::Doc {
                path: &inputs[*i].path,
                ctx: Ctx::new(
                    Conf::new(text, tree),
                    *target,
                    opts.target.is_some(),
                    ConfRole::Main,
                    &facts,
                ),
            })
            .collect();
        let mut found = Vec::new();
        rules::cluster::run(&docs, &mut found);
        // Findings carry the document index; map them to files and original offsets.
        let back = |doc: usize, span: Span| -> (usize, Span) {
            let (file, si, ..) = kept[doc];
            match &segmented[file][si].reflow {
                Some(r) => (file, r.to_original(span)),
                None => (file, span),
            }
        };
        for mut d in found {
            (d.file, d.span) = back(d.file, d.span);
            for r in &mut d.related {
                (r.file, r.span) = back(r.file, r.span);
            }
            diagnostics.push(d);
        }
    }

    // 5. Tie findings across documents (config line ↔ the log lines it causes), then the
    // incidents ([`join`]).
    let mut incidents = Vec::new();
    if !records.is_empty() {
        let main = kept.first().map(|(file, si, text, tree, target)| {
            (*file, *text, tree, *target, &segmented[*file][*si].reflow)
        });
        late(Job::Join(Join {
            inputs,
            pinned: opts.target.is_some(),
            facts: &facts,
            main,
            records: &records,
            quiet: &quiet,
            diagnostics: &mut diagnostics,
            incidents: &mut incidents,
            progress: &mut |n| prog.add(n),
            bytes,
            threads: opts.threads,
        }));
    }
    if records.is_empty() {
        prog.add(bytes);
    }
    prog.finish();
    crate::sort::sort_by(&mut diagnostics, |a, b| {
        (a.file, a.span.start, a.code).cmp(&(b.file, b.span.start, b.code))
    });
    diagnostics.dedup_by(|a, b| a.file == b.file && a.span == b.span && a.code == b.code);
    Report {
        files,
        diagnostics,
        facts,
        records,
        cman: cman_docs,
        migrations,
        topologies,
        not_listed,
        incidents,
    }
}
