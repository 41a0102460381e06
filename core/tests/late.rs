//! The late part of the analysis (`corocheck_core::late`), which the web page loads only when
//! an input holds a log or a cluster.conf:
//! - its runner is called exactly when `late::needed` says so, so a page that skips loading it
//!   for other inputs shows the report `analyze` gives;
//! - a runner that does nothing leaves the report of other inputs as it is, and with a log or
//!   a cluster.conf leaves no records, cluster.conf summaries or incidents while the configs'
//!   findings stay;
//! - through the runner, the report is `analyze`'s.
//!
//! Every fixture alone, every fixture directory as one set of inputs, and a few mixes.

use std::path::Path;

use corocheck_core::late::{self, Job};
use corocheck_core::{Input, Options, analyze, analyze_late};

fn fixtures(dir: &Path, out: &mut Vec<Vec<(String, String)>>) {
    let mut here = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().flatten().collect();
    entries.sort_by_key(|e| e.path());
    for e in entries {
        let p = e.path();
        if p.is_dir() {
            fixtures(&p, out);
        } else if let Ok(text) = std::fs::read_to_string(&p) {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            if name.ends_with(".expect") || name == "expect.txt" {
                continue;
            }
            out.push(vec![(name.clone(), text.clone())]);
            here.push((name, text));
        }
    }
    if here.len() > 1 {
        out.push(here);
    }
}

#[test]
fn the_late_part_runs_exactly_when_needed_and_changes_nothing() {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures"));
    let mut sets = Vec::new();
    fixtures(root, &mut sets);
    // A config with a log pasted after it, and a cluster.conf, as one input each.
    let conf = "totem {\n version: 2\n cluster_name: c\n}\n";
    let log = "Aug 26 16:20:37 corosync [TOTEM ] A processor failed, forming new configuration.\n";
    sets.push(vec![("pasted".into(), format!("{conf}{log}"))]);
    sets.push(vec![(
        "cluster.conf".into(),
        "<cluster name=\"c\" config_version=\"1\"><clusternodes/></cluster>\n".into(),
    )]);
    assert!(sets.len() > 100, "{} sets", sets.len());
    let opts = Options::default();
    let (mut late_sets, mut config_sets) = (0, 0);
    for set in &sets {
        let inputs: Vec<Input> = set
            .iter()
            .map(|(path, text)| Input {
                path: path.clone(),
                text,
            })
            .collect();
        let needed = late::needed(&inputs);
        let full = format!("{:?}", analyze(&inputs, &opts));

        let mut jobs = 0;
        let through = analyze_late(&inputs, &opts, &mut |_, _| {}, &mut |job: Job| {
            jobs += 1;
            late::run(job)
        });
        assert_eq!(format!("{through:?}"), full, "{:?}", set[0].0);
        assert_eq!(
            jobs > 0,
            needed,
            "{:?}: needed {needed}, {jobs} jobs",
            set[0].0
        );

        let none = analyze_late(&inputs, &opts, &mut |_, _| {}, &mut |_| {});
        if needed {
            late_sets += 1;
            let whole = analyze(&inputs, &opts);
            assert!(none.records.is_empty() && none.incidents.is_empty() && none.cman.is_empty());
            // Every finding of the configs alone is one of the whole report's, on the same
            // place (the late part only adds findings and links). Not the D codes: an input
            // that starts like a log is classified with its records, which only the late part
            // reads.
            for d in none.diagnostics.iter().filter(|d| !d.code.starts_with('D')) {
                assert!(
                    whole
                        .diagnostics
                        .iter()
                        .any(|w| w.file == d.file && w.span == d.span && w.code == d.code),
                    "{:?}: {} at {:?} only without the late part",
                    set[0].0,
                    d.code,
                    d.span
                );
            }
        } else {
            config_sets += 1;
            assert_eq!(format!("{none:?}"), full, "{:?}", set[0].0);
        }
    }
    assert!(
        late_sets > 20 && config_sets > 20,
        "{late_sets} / {config_sets}"
    );
}
