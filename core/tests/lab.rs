//! The real-cluster lab: logs written by three real corosync 3 nodes with one induced fault per
//! scenario (`scripts/lab.sh`), and what corocheck must find in them: each fault, the node and
//! the order (`tests/fixtures/logs/lab/expect.txt`, the format is described there).
//!
//! - `lab_excerpts` checks the excerpts committed under `tests/fixtures/logs/lab/` (always).
//! - `lab_live` checks a fresh run: the logs in `$CORO_LAB_DIR` (written by `scripts/lab.sh`,
//!   as `scripts/test.sh` does), or, with `CORO_LAB=1`, runs `scripts/lab.sh` itself. Without
//!   either it prints why it did nothing.

use std::path::{Path, PathBuf};

use corocheck_core::diagnostic::Severity;
use corocheck_core::logs::Record;
use corocheck_core::report::{Input, Options, Report, analyze};

const NODES: [&str; 3] = ["n1", "n2", "n3"];

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// One line of expect.txt.
#[derive(Debug)]
enum Line {
    Quiet,
    /// phase (None = any time), nodes, code, text
    Step(Option<u32>, Vec<String>, String, String),
    Absent(Vec<String>, String, String),
}

fn parse_expect(text: &str) -> Vec<(String, Vec<Line>)> {
    let mut out: Vec<(String, Vec<Line>)> = Vec::new();
    for (no, raw) in text.lines().enumerate() {
        let l = raw.trim();
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        if let Some(name) = l.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
            out.push((name.to_string(), Vec::new()));
            continue;
        }
        let cur = &mut out
            .last_mut()
            .unwrap_or_else(|| panic!("expect.txt:{}: line before a [scenario]", no + 1))
            .1;
        if l == "quiet" {
            cur.push(Line::Quiet);
            continue;
        }
        let mut f = l.splitn(4, ' ');
        let (p, nodes, code) = (f.next(), f.next(), f.next());
        let (Some(p), Some(nodes), Some(code)) = (p, nodes, code) else {
            panic!("expect.txt:{}: too few fields: {l}", no + 1);
        };
        let nodes: Vec<String> = if nodes == "*" {
            NODES.iter().map(|s| s.to_string()).collect()
        } else {
            nodes.split(',').map(str::to_string).collect()
        };
        assert!(
            nodes.iter().all(|n| NODES.contains(&n.as_str())),
            "expect.txt:{}: unknown node in {l}",
            no + 1
        );
        let text = f.next().unwrap_or("").to_string();
        let code = code.to_string();
        cur.push(match p {
            "!" => Line::Absent(nodes, code, text),
            "~" => Line::Step(None, nodes, code, text),
            n => Line::Step(
                Some(
                    n.parse()
                        .unwrap_or_else(|_| panic!("expect.txt:{}: bad phase {n}", no + 1)),
                ),
                nodes,
                code,
                text,
            ),
        });
    }
    out
}

/// `Nov 26 03:22:09.123` → a number that orders within one year (month, day, milliseconds).
fn time_key(ts: &str) -> u64 {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let f: Vec<&str> = ts.split_whitespace().collect();
    assert_eq!(f.len(), 3, "unexpected timestamp {ts}");
    let month = MONTHS.iter().position(|m| *m == f[0]).expect("month") as u64;
    let day: u64 = f[1].parse().expect("day");
    let (hms, frac) = f[2].split_once('.').unwrap_or((f[2], "0"));
    let hms: Vec<u64> = hms.split(':').map(|x| x.parse().expect("time")).collect();
    let ms: u64 = format!("{frac:0<3}")[..3].parse().expect("fraction");
    (((month * 32 + day) * 24 + hms[0]) * 60 + hms[1]) * 60_000 + hms[2] * 1000 + ms
}

/// A finding with what the test needs: node index, code, severity, line text, time, position.
struct Found {
    node: usize,
    code: &'static str,
    severity: Severity,
    line: String,
    host: Option<String>,
    time: u64,
    pos: usize,
}

fn findings(report: &Report, texts: &[String]) -> Vec<Found> {
    let mut out = Vec::new();
    for d in &report.diagnostics {
        let rec: Option<&Record> = report
            .records
            .iter()
            .find(|r| r.file() == d.file && r.message() == d.span);
        let rec = rec.unwrap_or_else(|| panic!("{} in n{} has no log record", d.code, d.file + 1));
        let text = &texts[d.file];
        let line = &text[rec.span().start..rec.span().end];
        out.push(Found {
            node: d.file,
            code: d.code,
            severity: d.severity,
            line: line.to_string(),
            host: corocheck_core::logs::field(text, rec.host).map(str::to_string),
            time: time_key(corocheck_core::logs::field(text, rec.timestamp).expect("timestamp")),
            pos: d.span.start,
        });
    }
    out
}

fn node_index(n: &str) -> usize {
    NODES.iter().position(|x| *x == n).expect("node")
}

/// Check one scenario's logs in `dir` against its expectations; returns the problems found.
fn check_scenario(dir: &Path, name: &str, lines: &[Line]) -> Vec<String> {
    let texts: Vec<String> = NODES
        .iter()
        .map(|n| {
            let p = dir.join(format!("{n}.log"));
            std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
        })
        .collect();
    let inputs: Vec<Input> = NODES
        .iter()
        .zip(&texts)
        .map(|(n, t)| Input {
            path: format!("{name}/{n}.log"),
            text: t,
        })
        .collect();
    let report = analyze(&inputs, &Options::default());
    let found = findings(&report, &texts);
    let mut problems = Vec::new();
    let matches = |f: &Found, nodes: &[String], code: &str, text: &str| {
        f.code == code && f.line.contains(text) && nodes.iter().any(|n| node_index(n) == f.node)
    };

    // Phases in order; within a phase every step is matched after the previous phases.
    let mut phases: Vec<u32> = lines
        .iter()
        .filter_map(|l| match l {
            Line::Step(Some(p), ..) => Some(*p),
            _ => None,
        })
        .collect();
    phases.sort_unstable();
    phases.dedup();
    // Lower bound (time) and, per node, the position after which the next phase starts.
    let mut bound_time = 0u64;
    let mut bound_pos = [0usize; 3];
    let mut earliest: Option<u64> = None;
    for phase in phases {
        let mut next_time = bound_time;
        let mut next_pos = bound_pos;
        // Steps of one phase on the same node are ordered as listed.
        let mut cur_pos = bound_pos;
        for l in lines {
            let Line::Step(Some(p), nodes, code, text) = l else {
                continue;
            };
            if *p != phase {
                continue;
            }
            let hit = found
                .iter()
                .filter(|f| matches(f, nodes, code, text))
                .filter(|f| f.time >= bound_time && f.pos >= cur_pos[f.node])
                .min_by_key(|f| (f.time, f.pos));
            match hit {
                Some(f) => {
                    next_time = next_time.max(f.time);
                    next_pos[f.node] = next_pos[f.node].max(f.pos + 1);
                    if nodes.len() == 1 {
                        cur_pos[f.node] = f.pos + 1;
                    }
                    earliest = Some(earliest.map_or(f.time, |e| e.min(f.time)));
                    check_host(f, &mut problems);
                }
                None => problems.push(format!(
                    "{name}: phase {phase}: no {code} \"{text}\" on {} after the previous phase",
                    nodes.join(",")
                )),
            }
        }
        bound_time = next_time;
        bound_pos = next_pos;
    }
    for l in lines {
        match l {
            Line::Step(None, nodes, code, text) => {
                let hit = found
                    .iter()
                    .filter(|f| matches(f, nodes, code, text))
                    .min_by_key(|f| (f.time, f.pos));
                match hit {
                    Some(f) => {
                        earliest = Some(earliest.map_or(f.time, |e| e.min(f.time)));
                        check_host(f, &mut problems);
                    }
                    None => problems.push(format!(
                        "{name}: no {code} \"{text}\" on {}",
                        nodes.join(",")
                    )),
                }
            }
            Line::Absent(nodes, code, text) => {
                for f in found.iter().filter(|f| matches(f, nodes, code, text)) {
                    problems.push(format!(
                        "{name}: unexpected {code} on {}: {}",
                        NODES[f.node], f.line
                    ));
                }
            }
            _ => {}
        }
    }
    if lines.iter().any(|l| matches!(l, Line::Quiet)) {
        let start = earliest.expect("quiet needs at least one step");
        for f in &found {
            if f.time < start && f.severity != Severity::Info {
                problems.push(format!(
                    "{name}: {} before the fault on {}: {}",
                    f.code, NODES[f.node], f.line
                ));
            }
        }
    }
    problems
}

/// The finding names its node: the record's host is the node whose log it is.
fn check_host(f: &Found, problems: &mut Vec<String>) {
    if f.host.as_deref() != Some(NODES[f.node]) {
        problems.push(format!(
            "{} on {}: host read as {:?}: {}",
            f.code, NODES[f.node], f.host, f.line
        ));
    }
}

fn expectations() -> Vec<(String, Vec<Line>)> {
    let p = repo().join("tests/fixtures/logs/lab/expect.txt");
    parse_expect(&std::fs::read_to_string(&p).expect("expect.txt"))
}

/// Check every scenario in `root`; a scenario the lab skipped (a `SKIPPED` file) is reported.
fn check_all(root: &Path, require_all: bool) {
    let mut problems = Vec::new();
    let mut checked = 0;
    for (name, lines) in expectations() {
        let dir = root.join(&name);
        if dir.join("SKIPPED").exists() {
            eprintln!("lab {name}: skipped by the lab");
            continue;
        }
        if !dir.join("n1.log").exists() {
            if require_all {
                problems.push(format!("{name}: no logs in {}", dir.display()));
            }
            continue;
        }
        problems.extend(check_scenario(&dir, &name, &lines));
        checked += 1;
    }
    // A scenario with logs but no expectations yet (lossy: netem was missing where the lab
    // was written, so its real logs were never seen) is named, not checked.
    let known: Vec<String> = expectations().into_iter().map(|(n, _)| n).collect();
    if let Ok(dirs) = std::fs::read_dir(root) {
        for d in dirs.flatten() {
            let name = d.file_name().to_string_lossy().into_owned();
            if d.path().join("n1.log").exists() && !known.contains(&name) {
                eprintln!("lab {name}: logs collected, no expectations in expect.txt");
            }
        }
    }
    assert!(checked > 0, "no scenario checked in {}", root.display());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    eprintln!("lab: {checked} scenarios checked in {}", root.display());
}

#[test]
fn lab_excerpts() {
    check_all(&repo().join("tests/fixtures/logs/lab"), true);
}

#[test]
fn lab_live() {
    let dir = match (std::env::var_os("CORO_LAB_DIR"), std::env::var("CORO_LAB")) {
        // A relative path is taken from the repository root (cargo runs tests in core/).
        (Some(d), _) => repo().join(d),
        (None, Ok(v)) if v == "1" => {
            let out = std::env::temp_dir().join(format!("corocheck-lab-{}", std::process::id()));
            let st = std::process::Command::new(repo().join("scripts/lab.sh"))
                .arg("--out")
                .arg(&out)
                .status()
                .expect("run scripts/lab.sh");
            assert!(st.success(), "scripts/lab.sh failed: {st}");
            out
        }
        _ => {
            eprintln!("lab_live: skipped (set CORO_LAB=1 or CORO_LAB_DIR=<scripts/lab.sh output>)");
            return;
        }
    };
    check_all(&dir, true);
    if std::env::var_os("CORO_LAB_DIR").is_none() {
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[test]
fn expect_file_is_well_formed() {
    let all = expectations();
    let names: Vec<&str> = all.iter().map(|(n, _)| n.as_str()).collect();
    for s in [
        "kill",
        "pause",
        "link-cut",
        "authkey-mismatch",
        "crypto-mismatch",
        "no-local-node",
    ] {
        assert!(names.contains(&s), "expect.txt has no [{s}]");
    }
    assert_eq!(
        time_key("Nov 26 03:22:09.123") + 877,
        time_key("Nov 26 03:22:10")
    );
    assert!(time_key("Nov 30 23:59:59.999") < time_key("Dec  1 00:00:00"));
}
