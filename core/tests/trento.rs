//! The opt-in Trento profile (T1xx), against `tests/fixtures/trento/`: `<name>.conf` with one
//! `<name>.<profile>.expected` per profile (`CODE line:col` per finding). The T1xx findings
//! must equal the list; without a profile there must be none.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use corocheck_core::{Input, Options, Profile, Report, Target, analyze};

fn run(text: &str, profile: Option<Profile>) -> Report {
    analyze(
        &[Input {
            path: "corosync.conf".into(),
            text,
        }],
        &Options {
            target: Some(Target::major(3)),
            profile,
            ..Default::default()
        },
    )
}

fn t_codes(report: &Report, text: &str) -> BTreeSet<String> {
    report
        .diagnostics
        .iter()
        .filter(|d| d.code.starts_with('T'))
        .map(|d| {
            let (l, c) = report.files[0].lines.line_col(text, d.span.start);
            format!("{} {l}:{c}", d.code)
        })
        .collect()
}

#[test]
fn trento_fixtures_match_expected_findings() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/trento");
    let mut expected: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "expected"))
        .collect();
    expected.sort();
    assert!(expected.len() >= 5);
    let mut failures = Vec::new();
    for exp in expected {
        let stem = exp.file_stem().unwrap().to_string_lossy().into_owned();
        let (name, profile) = stem.split_once('.').expect("<name>.<profile>.expected");
        let profile = Profile::parse(profile).expect("a profile name");
        let text = fs::read_to_string(dir.join(format!("{name}.conf"))).unwrap();
        let want: BTreeSet<String> = fs::read_to_string(&exp)
            .unwrap()
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(String::from)
            .collect();
        let got = t_codes(&run(&text, Some(profile)), &text);
        if got != want {
            failures.push(format!("{}: expected {want:?}, got {got:?}", exp.display()));
        }
        assert!(
            t_codes(&run(&text, None), &text).is_empty(),
            "{name}: T1xx without a profile"
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
