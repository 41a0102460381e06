//! `analyze_with` reports progress the page's Web Worker can draw: from the start the same
//! total, never going back, ending at the total, a bounded number of times, and the report is
//! the one `analyze` gives.

use corocheck_core::{Input, Options, analyze, analyze_with};

#[test]
fn progress_runs_forward_to_the_end_and_changes_nothing() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures");
    let log = std::fs::read_to_string(format!("{root}/logs/corosync3-file.log")).unwrap();
    // About 6 MB of log, so the reader reports from inside the file too.
    let big = log.repeat(6_000_000 / log.len() + 1);
    let conf = "totem {\n version: 2\n cluster_name: c\n}\nnodelist {\n node {\n ring0_addr: 10.0.0.1\n nodeid: 1\n }\n}\n";
    let inputs = [
        Input {
            path: "corosync.conf".into(),
            text: conf,
        },
        Input {
            path: "corosync.log".into(),
            text: &big,
        },
    ];
    let mut seen: Vec<(u64, u64)> = Vec::new();
    let r = analyze_with(&inputs, &Options::default(), &mut |d, t| seen.push((d, t)));
    let total = seen[0].1;
    assert!(total > 0);
    assert!(seen.iter().all(|&(_, t)| t == total), "the total changed");
    assert!(
        seen.windows(2).all(|w| w[0].0 <= w[1].0),
        "progress went back"
    );
    assert_eq!(seen.last().unwrap().0, total);
    assert!(
        seen.len() >= 20 && seen.len() <= 400,
        "{} reports",
        seen.len()
    );
    // Reports arrive while the log is read, not only between the steps.
    let reading = seen
        .iter()
        .filter(|&&(d, _)| d > total / 4 && d < total * 3 / 4)
        .count();
    assert!(reading >= 10, "{reading} reports in the middle");

    let plain = analyze(&inputs, &Options::default());
    assert_eq!(r.records.len(), plain.records.len());
    assert!(r.records.len() > 10_000);
    let codes = |r: &corocheck_core::Report| {
        r.diagnostics
            .iter()
            .map(|d| (d.code, d.file, d.span))
            .collect::<Vec<_>>()
    };
    assert_eq!(codes(&r), codes(&plain));
    assert_eq!(r.incidents.len(), plain.incidents.len());
}

/// The records of several logs go into one vector allocated once, exactly (one record per
/// line at most), not grown by doubling; and a report can go to another thread.
#[test]
fn records_of_several_logs_are_allocated_once() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<corocheck_core::Report>();
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures");
    let log = std::fs::read_to_string(format!("{root}/logs/corosync3-file.log")).unwrap();
    let a = log.repeat(2000);
    let b = log.repeat(300);
    let inputs = [
        Input {
            path: "node1.log".into(),
            text: &a,
        },
        Input {
            path: "node2.log".into(),
            text: &b,
        },
    ];
    let r = analyze(&inputs, &Options::default());
    let lines = a.lines().count() + b.lines().count();
    assert!(r.records.len() > lines / 2, "{} records", r.records.len());
    assert!(
        r.records.capacity() <= lines + 2,
        "capacity {} for {lines} lines",
        r.records.capacity()
    );
}
