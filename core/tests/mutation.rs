//! Mutation corpus: corocheck against the real corosync 3.1.7 `corosync -t`, on configs made by
//! mutating valid ones mechanically.
//!
//! The bases are every `tests/differential/bases/*.conf` (valid 3.x configs: knet with one to
//! three nodes and two links, crypto, udpu, udp multicast, two_node, a quorum device, ...). From
//! each, the test derives, deterministically and without hand-picking:
//! - `drop`: each line removed in turn (keys, section openers, closing braces);
//! - `value:<how>`: each value replaced by an empty value, `-1`, a huge number, a word, or the
//!   value with a junk suffix;
//! - `misspell`: each key name with its last two letters swapped (or a letter added);
//! - `dup-section`: each section written twice in a row;
//! - `transport:<t>`: `transport` set to each of knet, udp, udpu;
//! - `no-brace`: the `{` of each section line removed.
//!
//! Each mutant runs through `corosync -t -c FILE` in a private directory and through
//! `corocheck_core::analyze` with target 3.x. What must hold:
//! 1. every config corosync rejects gets at least one Error (except the machine-dependent
//!    rejections listed in [`MACHINE`]: an analyser of the text cannot know them);
//! 2. when corosync names a line (`parser error: FILE:LINE:`), one of corocheck's Errors is on
//!    that line (or points to it);
//! 3. every config corosync accepts gets no Error, except for the (mutation, code) pairs of
//!    [`ACCEPTED_BUT_WRONG`]: things `corosync -t` does not check but corosync or its daemons
//!    refuse later, each with the reason.
//!
//! `cargo test -p corocheck-core --test mutation -- --nocapture` prints the figures. Needs the
//! Debian `corosync` package (`/usr/sbin/corosync`, 3.1.7).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use corocheck_core::Severity;

mod common;
use common::{COROSYNC, Found, Status, corosync_t, run_corocheck};

/// corosync -t spends part of its time waiting; three runs at once suit two cores.
const WORKERS: usize = 3;
const DIR: &str = "@DIR@";

/// corosync rejections that depend on the machine, not on the text: (message part, why).
const MACHINE: &[(&str, &str)] = &[
    (
        "failed to parse node address",
        "a name that does not resolve here (a host name elsewhere)",
    ),
    (
        "failed to parse bindnet address",
        "a name that does not resolve here",
    ),
    (
        "failed to parse mcast address",
        "a name that does not resolve here",
    ),
    (
        "An IPV6 network requires that a node ID be specified for address",
        "udpu: a name that does not resolve here has no IPv4 address to generate a node id from",
    ),
    (
        "No valid name found for local host",
        "no node entry matches this machine's names and addresses",
    ),
    (
        "Can't open logfile",
        "a log file path that cannot be created here",
    ),
    (
        "Cannot chdir to state directory",
        "a directory missing here",
    ),
    ("Could not open", "an authkey or keyfile missing here"),
    ("is not found in /etc/", "a user or group missing here"),
];

/// Errors corocheck gives on configs `corosync -t` accepts, on purpose: (mutation kind prefix,
/// code, text the message must contain, why). Every entry is a check that corosync or one of its daemons makes after the point
/// where `-t` exits (corosync-conf.md §3.1, §3.5, §3.6, §4).
const ACCEPTED_BUT_WRONG: &[(&str, &str, &str, &str)] = &[
    (
        "value:",
        "C603",
        "Invalid quorum provider",
        "`quorum.provider` is checked when the quorum service loads (\"Invalid quorum provider\"), after -t exits",
    ),
    (
        "",
        "C301",
        "",
        "votequorum without nodelist or expected_votes stops the quorum service, after -t exits",
    ),
    (
        "",
        "C302",
        "",
        "two_node with a quorum device stops the quorum service, after -t exits",
    ),
    (
        "",
        "C305",
        "",
        "a quorum device with LMS/ATB/allow_downscale stops the quorum service, after -t exits",
    ),
    (
        "",
        "C306",
        "",
        "ATB + LMS in an odd-sized cluster without wait_for_all stops the quorum service, after -t exits",
    ),
    (
        "",
        "C307",
        "",
        "device votes votequorum cannot compute or accept stop the quorum service, after -t exits",
    ),
    (
        "value:",
        "C612",
        "",
        "`system.priority` is read after -t exits (\"Priority value ... is invalid\")",
    ),
    (
        "",
        "C701",
        "",
        "corosync-qdevice, a separate daemon, stops without model, net.host or cluster_name; -t never reads quorum.device",
    ),
    (
        "",
        "C702",
        "",
        "corosync-qdevice stops on a value it refuses; the corosync parser stores these as strings",
    ),
    (
        "",
        "C105",
        "3.0.0–3.0.1",
        "3.0.0 and 3.0.1 ignore `secauth`, so a cipher without an explicit hash has none there; the message names those releases (3.1.7 accepts)",
    ),
];

// ---------------------------------------------------------------------------------------------
// Mutations
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone)]
struct Mutant {
    base: String,
    kind: String,
    /// 1-based line of the base the mutation touches (0: none).
    line: usize,
    text: String,
}

fn bases() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/differential/bases");
    let mut v: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("read tests/differential/bases")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "conf"))
        .map(|p| {
            (
                p.file_stem().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).expect("read a base"),
            )
        })
        .collect();
    v.sort();
    v
}

/// `key: value` split of a config line, or `None`.
fn key_value(line: &str) -> Option<(&str, &str)> {
    let t = line.trim();
    if t.starts_with('#') || t.contains('{') || t.contains('}') {
        return None;
    }
    let (k, v) = t.split_once(':')?;
    Some((k.trim(), v.trim()))
}

fn indent(line: &str) -> &str {
    &line[..line.len() - line.trim_start().len()]
}

fn join(lines: &[String]) -> String {
    let mut s = lines.join("\n");
    s.push('\n');
    s
}

fn misspell(key: &str) -> String {
    let b: Vec<char> = key.chars().collect();
    let n = b.len();
    if n >= 2 && b[n - 1] != b[n - 2] {
        let mut c = b.clone();
        c.swap(n - 1, n - 2);
        c.into_iter().collect()
    } else {
        format!("{key}s")
    }
}

/// The line index of the `}` that closes the section opened at `open`.
fn close_of(lines: &[String], open: usize) -> Option<usize> {
    let mut depth = 0i32;
    for (i, l) in lines.iter().enumerate().skip(open) {
        let t = l.trim();
        if t.starts_with('#') {
            continue;
        }
        if t.contains('{') {
            depth += 1;
        } else if t.contains('}') && !t.contains(':') {
            depth -= 1;
            if depth == 0 {
                return Some(i);
            }
        }
    }
    None
}

fn mutants() -> Vec<Mutant> {
    let mut out = Vec::new();
    for (base, text) in bases() {
        let lines: Vec<String> = text.lines().map(str::to_string).collect();
        // The base itself: corosync must accept it and corocheck report no error.
        out.push(Mutant {
            base: base.clone(),
            kind: "base".into(),
            line: 0,
            text: join(&lines),
        });
        let mut push = |kind: String, line: usize, ls: Vec<String>| {
            out.push(Mutant {
                base: base.clone(),
                kind,
                line,
                text: join(&ls),
            });
        };
        for (i, l) in lines.iter().enumerate() {
            let t = l.trim();
            if t.is_empty() || t.starts_with('#') {
                continue;
            }
            // drop the line
            let mut ls = lines.clone();
            ls.remove(i);
            push("drop".into(), i + 1, ls);

            if let Some((k, v)) = key_value(l) {
                if k == "state_dir" || k == "logfile" || k == "keyfile" {
                    // Paths: the outcome depends on the machine; covered by the differential
                    // test's Appendix A cases.
                    continue;
                }
                let junk = format!("{v}x");
                let all = [
                    ("empty", ""),
                    ("negative", "-1"),
                    ("huge", "99999999999"),
                    ("word", "bogus"),
                    ("suffix", junk.as_str()),
                ];
                // Two of the five per key, rotating with the line, so that every kind meets
                // every section while the run stays short.
                for (how, nv) in [all[i % 5], all[(i + 2) % 5]] {
                    let mut ls = lines.clone();
                    ls[i] = format!("{}{k}: {nv}", indent(l));
                    push(format!("value:{how}"), i + 1, ls);
                }
                let mut ls = lines.clone();
                ls[i] = format!("{}{}: {v}", indent(l), misspell(k));
                push("misspell".into(), i + 1, ls);
            } else if t.contains('{') {
                if let Some(c) = close_of(&lines, i) {
                    let mut ls = lines.clone();
                    let copy: Vec<String> = lines[i..=c].to_vec();
                    for (j, x) in copy.into_iter().enumerate() {
                        ls.insert(c + 1 + j, x);
                    }
                    push("dup-section".into(), i + 1, ls);
                }
                let mut ls = lines.clone();
                ls[i] = l.replacen('{', "", 1).trim_end().to_string();
                push("no-brace".into(), i + 1, ls);
            }
        }
        // swap transports
        for tr in ["knet", "udp", "udpu"] {
            let mut ls = lines.clone();
            if let Some(i) = ls
                .iter()
                .position(|l| key_value(l).is_some_and(|(k, _)| k == "transport"))
            {
                if key_value(&ls[i]).is_some_and(|(_, v)| v == tr) {
                    continue;
                }
                ls[i] = format!("{}transport: {tr}", indent(&lines[i]));
                push(format!("transport:{tr}"), i + 1, ls);
            } else if let Some(i) = ls.iter().position(|l| l.trim() == "totem {") {
                ls.insert(i + 1, format!("\ttransport: {tr}"));
                push(format!("transport:{tr}"), i + 2, ls);
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Running corosync and corocheck
// ---------------------------------------------------------------------------------------------

struct Outcome {
    status: Status,
    text: String,
    parser_line: Option<usize>,
}

fn run_corosync(dir: &Path, conf: &Path) -> Outcome {
    let run = corosync_t(dir, conf);
    Outcome {
        parser_line: run.parser_line(conf),
        text: run.text().replace(&dir.display().to_string(), "DIR"),
        status: run.status,
    }
}

/// A corosync-keygen-sized key; the content does not matter to `-t`.
fn authkey() -> Vec<u8> {
    (0..256u32)
        .map(|i| (i.wrapping_mul(151) >> 1) as u8)
        .collect()
}

struct Row {
    m: Mutant,
    out: Outcome,
    found: Vec<Found>,
}

struct Scratch(PathBuf);
impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn mutants_agree_with_corosync_t() {
    assert!(
        Path::new(COROSYNC).exists(),
        "{COROSYNC} is missing: install the Debian corosync package (3.1.7)"
    );
    let ms = mutants();
    let root = std::env::temp_dir().join(format!("corocheck-mutation-{}", std::process::id()));
    std::fs::create_dir_all(&root).expect("scratch directory");
    let scratch = Scratch(root);
    let started = Instant::now();
    let next = AtomicUsize::new(0);
    let rows: Mutex<Vec<Option<Row>>> = Mutex::new((0..ms.len()).map(|_| None).collect());
    std::thread::scope(|s| {
        for _ in 0..WORKERS {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    let Some(m) = ms.get(i) else { break };
                    let dir = scratch.0.join(format!("{i:04}"));
                    std::fs::create_dir_all(dir.join("state")).expect("case directory");
                    std::fs::write(dir.join("authkey"), authkey()).expect("authkey");
                    let text = m.text.replace(DIR, &dir.display().to_string());
                    let conf = dir.join("corosync.conf");
                    std::fs::write(&conf, &text).expect("write config");
                    let out = run_corosync(&dir, &conf);
                    let found = run_corocheck(&text);
                    let _ = std::fs::remove_dir_all(&dir);
                    rows.lock().unwrap()[i] = Some(Row {
                        m: m.clone(),
                        out,
                        found,
                    });
                }
            });
        }
    });
    let rows: Vec<Row> = rows.into_inner().unwrap().into_iter().flatten().collect();
    let elapsed = started.elapsed();

    let mut fails: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let (mut rejected, mut flagged, mut named, mut on_line) = (0, 0, 0, 0);
    let (mut accepted, mut false_errors, mut allowed) = (0, 0, 0);
    let mut machine: BTreeMap<&str, usize> = BTreeMap::new();
    let mut allowed_by: BTreeMap<&str, usize> = BTreeMap::new();
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    for r in &rows {
        let id = format!("{}/{}@{}", r.m.base, r.m.kind, r.m.line);
        *kinds
            .entry(r.m.kind.split(':').next().unwrap_or("").to_string())
            .or_default() += 1;
        let errors: Vec<_> = r
            .found
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .collect();
        let first = r
            .out
            .text
            .lines()
            .find(|l| !l.trim().is_empty() && !l.contains("exiting"))
            .unwrap_or("")
            .to_string();
        match &r.out.status {
            Status::Timeout | Status::Failed(_) => {
                fails
                    .entry("harness: no verdict from corosync")
                    .or_default()
                    .push(id);
            }
            Status::Exit(0) if r.m.kind == "base" => {
                let noisy: Vec<&str> = r
                    .found
                    .iter()
                    .filter(|f| f.severity == Severity::Error)
                    .map(|f| f.code)
                    .collect();
                if !noisy.is_empty() {
                    fails
                        .entry("harness: a base gets an error")
                        .or_default()
                        .push(format!("{id}: {noisy:?}"));
                }
            }
            _ if r.m.kind == "base" => {
                fails
                    .entry("harness: corosync rejects a base")
                    .or_default()
                    .push(format!("{id}: {first}"));
            }
            Status::Exit(0) => {
                accepted += 1;
                let bad: Vec<&str> = errors
                    .iter()
                    .filter(|e| {
                        !ACCEPTED_BUT_WRONG.iter().any(|(k, c, says, _)| {
                            *c == e.code && r.m.kind.starts_with(k) && e.message.contains(says)
                        })
                    })
                    .map(|e| e.code)
                    .collect();
                if !bad.is_empty() {
                    false_errors += 1;
                    fails
                        .entry("(3) corosync accepts, corocheck reports an error")
                        .or_default()
                        .push(format!("{id}: {bad:?}"));
                } else if !errors.is_empty() {
                    allowed += 1;
                    for e in &errors {
                        *allowed_by.entry(e.code).or_default() += 1;
                    }
                }
            }
            _ => {
                if let Some((m, _)) = MACHINE.iter().find(|(m, _)| r.out.text.contains(m))
                    && errors.is_empty()
                {
                    *machine.entry(m).or_default() += 1;
                    continue;
                }
                rejected += 1;
                if errors.is_empty() {
                    fails
                        .entry("(1) corosync rejects, corocheck reports no error")
                        .or_default()
                        .push(format!("{id}: {first}"));
                } else {
                    flagged += 1;
                }
                if let Some(l) = r.out.parser_line {
                    named += 1;
                    if errors.iter().any(|e| e.on_line(l)) {
                        on_line += 1;
                    } else {
                        let got: Vec<String> = errors.iter().map(|e| e.label()).collect();
                        fails
                            .entry("(2) corosync names a line, no corocheck error on it")
                            .or_default()
                            .push(format!("{id}: line {l}: {first} | {got:?}"));
                    }
                }
            }
        }
    }

    println!(
        "\nmutation corpus: {} mutants of {} bases in {:.1} s",
        rows.len(),
        bases().len(),
        elapsed.as_secs_f64()
    );
    println!("  by kind: {kinds:?}");
    println!(
        "  rejected by corosync -t: {rejected}; flagged with an error by corocheck: {flagged}"
    );
    println!("  corosync names a line: {named}; corocheck error on that line: {on_line}/{named}");
    println!(
        "  accepted by corosync -t: {accepted}; false errors: {false_errors}; documented accepted-but-wrong: {allowed} {allowed_by:?}"
    );
    println!("  machine-dependent rejections (not counted): {machine:?}");
    for (k, v) in &fails {
        println!("\n{k} ({}):", v.len());
        for x in v.iter().take(40) {
            println!("  {x}");
        }
    }
    drop(scratch);
    assert!(rows.len() >= 300, "only {} mutants", rows.len());
    assert!(fails.is_empty(), "disagreements: see the listing above");
}
