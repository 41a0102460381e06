//! Upgrade steps (C810 and `Report::migrations`), against `tests/fixtures/migrate/`: each
//! `<name>.conf` has a `<name>.expected` with a `# target:` line, `step LINE` per step of the
//! migration section and `C810 LINE:COL` per finding.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use corocheck_core::{Input, Options, Target, analyze};

#[test]
fn migration_fixtures_match_expected_steps() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/migrate");
    let mut confs: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "conf"))
        .collect();
    confs.sort();
    assert!(!confs.is_empty());
    for conf in confs {
        let text = fs::read_to_string(&conf).unwrap();
        let exp = fs::read_to_string(conf.with_extension("expected")).unwrap();
        let mut target = None;
        let mut want = BTreeSet::new();
        for l in exp.lines().map(str::trim) {
            if let Some(t) = l.strip_prefix("# target:") {
                target = Target::parse(t.trim());
            } else if !l.is_empty() && !l.starts_with('#') {
                want.insert(l.to_string());
            }
        }
        let opts = Options {
            target,
            ..Default::default()
        };
        let input = [Input {
            path: "corosync.conf".into(),
            text: &text,
        }];
        let report = analyze(&input, &opts);
        let pos = |at: usize| report.files[0].lines.line_col(&text, at);
        let mut got: BTreeSet<String> = report
            .diagnostics
            .iter()
            .filter(|d| d.code == "C810")
            .map(|d| {
                let (l, c) = pos(d.span.start);
                format!("C810 {l}:{c}")
            })
            .collect();
        for m in &report.migrations {
            for (span, _) in &m.steps {
                got.insert(format!("step {}", pos(span.start).0));
            }
        }
        assert_eq!(got, want, "{}", conf.display());
        // The config's own series is not a migration.
        let same = analyze(
            &input,
            &Options {
                target: Some(Target::major(2)),
                ..Default::default()
            },
        );
        assert!(same.migrations.is_empty(), "{}", conf.display());
        assert!(!same.diagnostics.iter().any(|d| d.code == "C810"));
    }
}
