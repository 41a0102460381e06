//! Several corosync.conf of one cluster compared (C8xx), against `tests/fixtures/cluster/`.
//!
//! Each case is a folder with `node*.conf` (analysed together, in name order) and `expected`:
//! one line per C8xx finding, `FILE CODE line:col severity -> FILE line` (the first related
//! place). The set of C8xx findings must equal the expected set.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use corocheck_core::i18n::Lang;
use corocheck_core::{Input, Options, analyze};

fn cases() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/cluster");
    let mut v: Vec<PathBuf> = fs::read_dir(dir)
        .expect("tests/fixtures/cluster exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    v.sort();
    v
}

fn expected(dir: &Path) -> BTreeSet<String> {
    fs::read_to_string(dir.join("expected"))
        .expect("expected file")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect()
}

#[test]
fn cluster_fixtures_match_expected_findings() {
    let all = cases();
    assert!(all.len() >= 4, "found {} cases", all.len());
    let mut failures = Vec::new();
    for dir in all {
        let mut files: Vec<PathBuf> = fs::read_dir(&dir)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "conf"))
            .collect();
        files.sort();
        assert!(
            files.len() >= 2,
            "{}: fewer than two configs",
            dir.display()
        );
        let texts: Vec<(String, String)> = files
            .iter()
            .map(|p| {
                (
                    p.file_name().unwrap().to_string_lossy().into_owned(),
                    fs::read_to_string(p).unwrap(),
                )
            })
            .collect();
        let inputs: Vec<Input> = texts
            .iter()
            .map(|(p, t)| Input {
                path: p.clone(),
                text: t,
            })
            .collect();
        let report = analyze(&inputs, &Options::default());
        let pos = |file: usize, at: usize| report.files[file].lines.line_col(inputs[file].text, at);
        let got: BTreeSet<String> = report
            .diagnostics
            .iter()
            .filter(|d| d.code.starts_with("C80"))
            .map(|d| {
                let (l, c) = pos(d.file, d.span.start);
                let rel = d
                    .related
                    .first()
                    .map(|r| {
                        format!(
                            " -> {} {}",
                            inputs[r.file].path,
                            pos(r.file, r.span.start).0
                        )
                    })
                    .unwrap_or_default();
                format!(
                    "{} {} {l}:{c} {}{rel}",
                    inputs[d.file].path,
                    d.code,
                    d.severity.as_str()
                )
            })
            .collect();
        let want = expected(&dir);
        if got != want {
            let msgs: Vec<String> = report
                .diagnostics
                .iter()
                .filter(|d| d.code.starts_with("C80"))
                .map(|d| format!("    {} {}", d.code, d.message.render(Lang::En)))
                .collect();
            failures.push(format!(
                "{}:\n  expected {want:?}\n  got      {got:?}\n{}",
                dir.display(),
                msgs.join("\n")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// A single file is never compared, and neither are logs given with it.
#[test]
fn one_config_is_not_compared() {
    let text = "totem {\n\tversion: 2\n\ttoken: 5000\n}\n";
    let log = "Nov 26 00:00:00 node1 corosync[1]:   [TOTEM ] token: 3000\n";
    let report = analyze(
        &[
            Input {
                path: "corosync.conf".into(),
                text,
            },
            Input {
                path: "corosync.log".into(),
                text: log,
            },
        ],
        &Options::default(),
    );
    assert!(!report.diagnostics.iter().any(|d| d.code.starts_with("C80")));
}

/// The comparison is linear: two files with 20,000 differing keys and nodes each finish fast.
#[test]
fn large_files_compare_in_linear_time() {
    let big = |tag: &str| {
        let mut s = String::from("totem {\n\tversion: 2\n");
        for i in 0..20_000 {
            s.push_str(&format!("\tk{i}: {tag}\n"));
        }
        s.push_str("}\nnodelist {\n");
        for i in 0..20_000 {
            s.push_str(&format!(
                "\tnode {{\n\t\tname: n{i}\n\t\tnodeid: {}\n\t\tring0_addr: {tag}\n\t}}\n",
                i + 1
            ));
        }
        s.push_str("}\n");
        s
    };
    let (a, b) = (big("a"), big("b"));
    let start = std::time::Instant::now();
    let report = analyze(
        &[
            Input {
                path: "a.conf".into(),
                text: &a,
            },
            Input {
                path: "b.conf".into(),
                text: &b,
            },
        ],
        &Options::default(),
    );
    let n = |code: &str| report.diagnostics.iter().filter(|d| d.code == code).count();
    assert_eq!(n("C801"), 20_000);
    assert_eq!(n("C804"), 20_000);
    // Time is a figure for the bench (`make bench-pathological`), not a verdict here.
    println!("20 000 nodes in two files: {:?}", start.elapsed());
}

/// A different `totem.key` is an error, and the key itself is never printed.
#[test]
fn secret_key_is_compared_but_not_shown() {
    let a = "totem {\n\tversion: 2\n\tkey: secretAAAA\n}\n";
    let b = "totem {\n\tversion: 2\n\tkey: secretBBBB\n}\n";
    let report = analyze(
        &[
            Input {
                path: "a.conf".into(),
                text: a,
            },
            Input {
                path: "b.conf".into(),
                text: b,
            },
        ],
        &Options::default(),
    );
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.code == "C801")
        .expect("C801");
    assert_eq!(d.severity, corocheck_core::Severity::Error);
    for lang in [Lang::En, Lang::Ja] {
        let m = d.message.render(lang);
        assert!(!m.contains("secret"), "{m}");
    }
}
