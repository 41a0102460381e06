//! Pinning a release changes the verdict where corosync's behaviour changed. Data in
//! `tests/fixtures/pins/`: each `<name>.conf` has a `<name>.pins` with lines
//! `VERSION: CODE line:col severity ...` (nothing after the colon: no finding). The config
//! rules' findings (C1xx–C6xx) for that pinned version must equal the list.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use corocheck_core::{Input, Options, Target, analyze};

#[test]
fn pinned_releases_change_the_verdict() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/pins");
    let mut pins: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "pins"))
        .collect();
    pins.sort();
    assert!(pins.len() >= 5);
    let mut failures = Vec::new();
    let mut changes = 0;
    for pin in pins {
        let text = fs::read_to_string(pin.with_extension("conf")).unwrap();
        let mut verdicts = BTreeSet::new();
        for line in fs::read_to_string(&pin).unwrap().lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (version, want) = line.split_once(':').expect("VERSION: findings");
            let target = Target::parse(version).expect("a version");
            let report = analyze(
                &[Input {
                    path: "corosync.conf".into(),
                    text: &text,
                }],
                &Options {
                    target: Some(target),
                    ..Default::default()
                },
            );
            let lines = &report.files[0].lines;
            let got: Vec<String> = report
                .diagnostics
                .iter()
                .filter(|d| d.code.starts_with('C') && d.code < "C7")
                .map(|d| {
                    let (l, c) = lines.line_col(&text, d.span.start);
                    format!("{} {l}:{c} {}", d.code, d.severity.as_str())
                })
                .collect();
            let got = got.join(" ");
            verdicts.insert(got.clone());
            if got != want.trim() {
                failures.push(format!(
                    "{} at {version}: expected {:?}, got {got:?}",
                    pin.display(),
                    want.trim()
                ));
            }
        }
        if verdicts.len() > 1 {
            changes += 1;
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Each fixture exists to show a change between releases.
    assert!(changes >= 5, "only {changes} fixtures change verdict");
}

/// The releases offered for pinning (the page's select) are the schema's turning points.
#[test]
fn change_releases_are_listed() {
    let v = corocheck_core::rules::config::schema::change_releases();
    let shown: Vec<String> = v.iter().map(|r| r.to_string()).collect();
    eprintln!("{}", shown.join(" "));
    assert!(shown.contains(&"3.1.3".to_string()));
}
