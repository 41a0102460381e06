//! Config and logs together (X0xx): each case under `tests/fixtures/tie/` is a corosync.conf
//! and the logs given with it, and `expect.txt` says which findings the tie produces, on which
//! line, with which words and which related places (the format is in that directory's
//! README.md). Every case directory must have an expect.txt, and every expectation is checked.

use std::path::{Path, PathBuf};

use corocheck_core::i18n::Lang;
use corocheck_core::report::{Input, Options, Report, analyze};
use corocheck_core::version::Target;

fn cases() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/tie")
}

/// (file name, 1-based line) of a byte offset.
fn place(report: &Report, texts: &[String], file: usize, offset: usize) -> (String, usize) {
    let f = &report.files[file];
    (f.path.clone(), f.lines.line_col(&texts[file], offset).0)
}

fn parse_place(s: &str) -> (String, usize) {
    let (f, l) = s.rsplit_once(':').expect("FILE:LINE");
    (f.to_string(), l.parse().expect("a line number"))
}

fn run_case(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".conf") || n.ends_with(".log"))
        .collect();
    names.sort_by_key(|n| (!n.ends_with(".conf"), n.clone()));
    let texts: Vec<String> = names
        .iter()
        .map(|n| std::fs::read_to_string(dir.join(n)).unwrap())
        .collect();
    let expect = std::fs::read_to_string(dir.join("expect.txt"))
        .unwrap_or_else(|_| panic!("{}: no expect.txt", dir.display()));
    let mut opts = Options::default();
    for l in expect.lines() {
        if let Some(t) = l.strip_prefix("target ") {
            opts.target = Target::parse(t.trim());
        }
    }
    let inputs: Vec<Input> = names
        .iter()
        .zip(&texts)
        .map(|(n, t)| Input {
            path: n.clone(),
            text: t,
        })
        .collect();
    let report = analyze(&inputs, &opts);
    let at = |code: &str, want: &(String, usize)| {
        report
            .diagnostics
            .iter()
            .find(|d| d.code == code && place(&report, &texts, d.file, d.span.start) == *want)
    };
    let case = dir.file_name().unwrap().to_string_lossy().into_owned();
    let mut failures = Vec::new();
    let mut checked = 0;
    for raw in expect.lines() {
        let l = raw.trim();
        if l.is_empty() || l.starts_with('#') || l.starts_with("target ") {
            continue;
        }
        checked += 1;
        let f: Vec<&str> = l.split_whitespace().collect();
        let ok = match f.as_slice() {
            ["count", code, n] => {
                let got = report
                    .diagnostics
                    .iter()
                    .filter(|d| d.code == *code)
                    .count();
                got == n.parse::<usize>().unwrap()
            }
            ["help", code, p, words @ ..] => at(code, &parse_place(p)).is_some_and(|d| {
                let h = d
                    .help
                    .as_ref()
                    .map(|h| h.render(Lang::En))
                    .unwrap_or_default();
                words.iter().all(|w| h.contains(w))
            }),
            [code, p, "->", q] => {
                let want = parse_place(q);
                at(code, &parse_place(p)).is_some_and(|d| {
                    d.related
                        .iter()
                        .any(|r| place(&report, &texts, r.file, r.span.start) == want)
                })
            }
            [code, p, words @ ..] => at(code, &parse_place(p)).is_some_and(|d| {
                let m = d.message.render(Lang::En);
                words.iter().all(|w| m.contains(w))
            }),
            _ => panic!("{case}/expect.txt: cannot read {l:?}"),
        };
        if !ok {
            failures.push(format!("{case}: {l}"));
        }
    }
    assert!(checked > 0, "{case}: expect.txt checks nothing");
    if !failures.is_empty() {
        for d in report
            .diagnostics
            .iter()
            .filter(|d| d.code.starts_with(['X', 'L', 'C']))
        {
            let (f, line) = place(&report, &texts, d.file, d.span.start);
            let rel: Vec<String> = d
                .related
                .iter()
                .map(|r| {
                    let (f, l) = place(&report, &texts, r.file, r.span.start);
                    format!("{f}:{l}")
                })
                .collect();
            eprintln!(
                "  {case}: {} {f}:{line} {} -> {rel:?}",
                d.code,
                d.message.render(Lang::En)
            );
        }
    }
    failures
}

#[test]
fn tie_cases() {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(cases())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 10, "the tie cases are missing");
    let failures: Vec<String> = dirs.iter().flat_map(|d| run_case(d)).collect();
    assert!(failures.is_empty(), "failed:\n{}", failures.join("\n"));
}
