//! Shared by the integration tests that run the real corosync 3.1.7 (`differential.rs`,
//! `mutation.rs`, `cman.rs`): one `corosync -t -c FILE` run, bounded and cleaned up.
//! (Each test crate includes this with `mod common;` and uses what it needs.)
#![allow(dead_code)]

use std::io::Read;

use corocheck_core::{Input, Lang, Options, Severity, Target, analyze};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The Debian package's binary (`apt-get install corosync`, done by `scripts/setup.sh`).
pub const COROSYNC: &str = "/usr/sbin/corosync";
/// `-t` answers in milliseconds; anything slower is stuck and gets killed.
pub const TIMEOUT: Duration = Duration::from_secs(5);

#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    Exit(i32),
    Signal(i32),
    Timeout,
    Failed(String),
}

impl Status {
    pub fn accepted(&self) -> bool {
        *self == Status::Exit(0)
    }
    /// A verdict of rejection: a non-zero exit or a signal (not a timeout or a failed spawn).
    pub fn rejected(&self) -> bool {
        matches!(self, Status::Exit(c) if *c != 0) || matches!(self, Status::Signal(_))
    }
    pub fn label(&self) -> String {
        match self {
            Status::Exit(c) => format!("rc {c}"),
            Status::Signal(s) => format!("signal {s}"),
            Status::Timeout => "TIMEOUT".into(),
            Status::Failed(e) => format!("FAILED {e}"),
        }
    }
}

/// What one run left: its status, its stderr and stdout, and `DIR/corosync.log` if the config
/// logs there.
pub struct Run {
    pub status: Status,
    pub stderr: Vec<u8>,
    pub stdout: Vec<u8>,
    pub logfile: Vec<u8>,
}

impl Run {
    /// stderr, stdout, then the log file, as text.
    pub fn text(&self) -> String {
        let mut t = String::new();
        for part in [&self.stderr, &self.stdout, &self.logfile] {
            t.push_str(&String::from_utf8_lossy(part));
        }
        t
    }

    /// The line named by `parser error: CONF:LINE:` for the main config, if any.
    pub fn parser_line(&self, conf: &Path) -> Option<usize> {
        let prefix = format!("parser error: {}:", conf.display());
        self.text().lines().find_map(|l| {
            let rest = &l[l.find(&prefix)? + prefix.len()..];
            let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
            digits.parse().ok()
        })
    }
}

fn read_all(mut r: impl Read) -> Vec<u8> {
    let mut v = Vec::new();
    let _ = r.read_to_end(&mut v);
    v
}

/// `corosync -t -c CONF` in `dir` (its working directory; the config's log file and keys live
/// there). Once more after a timeout: a name lookup stuck on a loaded machine (CI has two cores)
/// is not a verdict.
pub fn corosync_t(dir: &Path, conf: &Path) -> Run {
    let run = once(dir, conf);
    if run.status == Status::Timeout {
        let _ = std::fs::remove_file(dir.join("corosync.log"));
        return once(dir, conf);
    }
    run
}

fn once(dir: &Path, conf: &Path) -> Run {
    use std::os::unix::process::ExitStatusExt;
    let failed = |e: String| Run {
        status: Status::Failed(e),
        stderr: Vec::new(),
        stdout: Vec::new(),
        logfile: Vec::new(),
    };
    let child = Command::new(COROSYNC)
        .arg("-t")
        .arg("-c")
        .arg(conf)
        .current_dir(dir)
        .env("LC_ALL", "C")
        // Bound DNS lookups of unresolvable node addresses to one try of one second (glibc).
        .env("RES_OPTIONS", "timeout:1 attempts:1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) => return failed(e.to_string()),
    };
    let pid = child.id();
    let out = child
        .stdout
        .take()
        .map(|o| std::thread::spawn(move || read_all(o)));
    let err = child
        .stderr
        .take()
        .map(|e| std::thread::spawn(move || read_all(e)));
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(s)) => {
                break match (s.code(), s.signal()) {
                    (Some(c), _) => Status::Exit(c),
                    (None, Some(sig)) => Status::Signal(sig),
                    _ => Status::Failed("no exit status".into()),
                };
            }
            Ok(None) if start.elapsed() > TIMEOUT => {
                // Only this child, by its own handle.
                let _ = child.kill();
                let _ = child.wait();
                break Status::Timeout;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(2)),
            Err(e) => break Status::Failed(e.to_string()),
        }
    };
    // A killed corosync cannot remove its libqb blackbox from /dev/shm: remove what this child
    // (and only this child, by its pid) left behind.
    for part in ["data", "header"] {
        let _ = std::fs::remove_file(format!("/dev/shm/qb-corosync-{pid}-blackbox-{part}"));
    }
    Run {
        status,
        stderr: err.and_then(|h| h.join().ok()).unwrap_or_default(),
        stdout: out.and_then(|h| h.join().ok()).unwrap_or_default(),
        logfile: std::fs::read(dir.join("corosync.log")).unwrap_or_default(),
    }
}

/// One corocheck finding by lines (1-based), for comparing with corosync's verdict.
#[derive(Debug, Clone)]
pub struct Found {
    pub code: &'static str,
    pub severity: Severity,
    /// 1-based first and last line of the span, and lines of related spans.
    pub first: usize,
    pub last: usize,
    pub related: Vec<usize>,
    pub message: String,
}

impl Found {
    pub fn on_line(&self, line: usize) -> bool {
        (self.first..=self.last).contains(&line) || self.related.contains(&line)
    }
    pub fn label(&self) -> String {
        if self.first == self.last {
            format!("{}@{}", self.code, self.first)
        } else {
            format!("{}@{}-{}", self.code, self.first, self.last)
        }
    }
}

/// corocheck's findings on one config read as `corosync.conf`, target 3.x, in file 0.
pub fn run_corocheck(text: &str) -> Vec<Found> {
    let report = analyze(
        &[Input {
            path: "corosync.conf".into(),
            text,
        }],
        &Options {
            target: Some(Target::major(3)),
            ..Default::default()
        },
    );
    let lines = |span: corocheck_core::Span| {
        let idx = &report.files[0].lines;
        let first = idx.line_col(text, span.start).0;
        let last = if span.end > span.start {
            idx.line_col(text, span.end - 1).0
        } else {
            first
        };
        (first, last.max(first))
    };
    report
        .diagnostics
        .iter()
        .filter(|d| d.file == 0)
        .map(|d| {
            let (first, last) = lines(d.span);
            Found {
                code: d.code,
                severity: d.severity,
                first,
                last,
                related: d
                    .related
                    .iter()
                    .filter(|r| r.file == 0)
                    .map(|r| lines(r.span).0)
                    .collect(),
                message: d.message.render(Lang::En),
            }
        })
        .collect()
}
