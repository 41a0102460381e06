//! Incidents (`logs::incident`): the cases in `tests/fixtures/logs/incidents/expect.txt` (the
//! lab's real logs and synthetic multi-node logs; the format is described there), and edge
//! cases: no timestamps, one node, out-of-order lines, gaps, recovery without trouble.

use std::path::Path;

use corocheck_core::logs::incident::{Incident, Kind, Stage};
use corocheck_core::report::{Input, Options, Report, analyze};

fn run(files: &[(&str, &str)]) -> Report {
    let inputs: Vec<Input> = files
        .iter()
        .map(|(p, t)| Input {
            path: p.to_string(),
            text: t,
        })
        .collect();
    analyze(&inputs, &Options::default())
}

fn stage_name(s: Stage) -> &'static str {
    s.name()
}

/// What one `incident` line asks, checked against `inc`; problems are pushed as text.
fn check(case: &str, inc: &Incident, want: &[&str], patterns: &[Vec<&str>], out: &mut Vec<String>) {
    let field = |name: &str| {
        want.iter()
            .find_map(|w| w.strip_prefix(name).and_then(|v| v.strip_prefix('=')))
            .unwrap_or_else(|| panic!("{case}: `{name}=` missing"))
            .replace('_', " ")
    };
    if inc.kind.name() != want[0] {
        out.push(format!(
            "{case}: kind {} (want {})",
            inc.kind.name(),
            want[0]
        ));
    }
    let culprit = inc.culprit.clone().unwrap_or_else(|| "-".into());
    if culprit != field("culprit") {
        out.push(format!(
            "{case}: culprit {culprit} (want {})",
            field("culprit")
        ));
    }
    if inc.nodes.join(",") != field("nodes") {
        out.push(format!(
            "{case}: nodes {:?} (want {})",
            inc.nodes,
            field("nodes")
        ));
    }
    let mut last = 0;
    for st in field("order").split(',') {
        match inc.steps.iter().position(|s| stage_name(s.stage) == st) {
            Some(k) if k >= last => last = k,
            Some(k) => out.push(format!(
                "{case}: first {st} step at {k}, before an earlier stage"
            )),
            None => out.push(format!("{case}: no {st} step")),
        }
    }
    let got: Vec<String> = inc
        .patterns
        .iter()
        .map(|p| {
            format!(
                "{} node={} count={}",
                p.kind.name(),
                p.node.as_deref().unwrap_or("-"),
                p.count
            )
        })
        .collect();
    let want_p: Vec<String> = patterns.iter().map(|p| p.join(" ")).collect();
    if got != want_p {
        out.push(format!("{case}: patterns {got:?} (want {want_p:?})"));
    }
    for p in &inc.patterns {
        assert!(
            p.count >= p.threshold && p.records.len() == p.count,
            "{case}: {p:?}"
        );
    }
}

#[test]
fn incidents_match_expect_file() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/logs");
    let spec = std::fs::read_to_string(root.join("incidents/expect.txt")).unwrap();
    // (dir, [(incident words, [pattern words])])
    let mut cases: Vec<(String, Vec<(Vec<&str>, Vec<Vec<&str>>)>)> = Vec::new();
    for line in spec
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let words: Vec<&str> = line.split_whitespace().collect();
        if let Some(dir) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            cases.push((dir.to_string(), Vec::new()));
            continue;
        }
        let case = &mut cases.last_mut().expect("a [dir] first").1;
        match words[0] {
            "incident" => case.push((words[1..].to_vec(), Vec::new())),
            "pattern" => case
                .last_mut()
                .expect("an incident first")
                .1
                .push(words[1..].to_vec()),
            w => panic!("unknown line {w}"),
        }
    }
    assert!(
        cases.len() >= 12,
        "the expect file lists the lab and synthetic cases"
    );
    let mut problems = Vec::new();
    for (dir, want) in &cases {
        let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
            .unwrap_or_else(|e| panic!("{dir}: {e}"))
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "log"))
            .collect();
        paths.sort();
        let texts: Vec<(String, String)> = paths
            .iter()
            .map(|p| (p.display().to_string(), std::fs::read_to_string(p).unwrap()))
            .collect();
        let files: Vec<(&str, &str)> = texts
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .collect();
        let report = run(&files);
        if report.incidents.len() != want.len() {
            problems.push(format!(
                "{dir}: {} incidents (want {}): {:?}",
                report.incidents.len(),
                want.len(),
                report
                    .incidents
                    .iter()
                    .map(|i| i.kind.name())
                    .collect::<Vec<_>>()
            ));
            continue;
        }
        for (inc, (w, pats)) in report.incidents.iter().zip(want) {
            check(dir, inc, w, pats, &mut problems);
            // Every step and every piece of evidence is a record of the report, in time order.
            assert!(
                inc.steps.windows(2).all(|s| s[0].time <= s[1].time),
                "{dir}: steps out of order"
            );
            let marked: Vec<usize> = inc
                .steps
                .iter()
                .filter(|s| s.evidence)
                .map(|s| s.record)
                .collect();
            assert_eq!(marked, inc.evidence, "{dir}: the evidence steps are marked");
            assert!(!inc.evidence.is_empty(), "{dir}: a cause without evidence");
        }
    }
    assert!(
        problems.is_empty(),
        "incident problems:\n{}",
        problems.join("\n")
    );
}

const LOST: &str = "A processor failed, forming new configuration.";

#[test]
fn without_timestamps_the_order_of_the_lines_counts() {
    let text = format!(
        "[2345] node1 corosyncnotice  [TOTEM ] A new membership (1.5) was formed. Members joined: 1\n\
         [2345] node1 corosyncnotice  [TOTEM ] {LOST}\n\
         [2345] node1 corosyncnotice  [TOTEM ] A new membership (1.9) was formed. Members left: 2\n"
    );
    let r = run(&[("corosync.log", &text)]);
    assert_eq!(r.incidents.len(), 1, "{:?}", r.incidents);
    let inc = &r.incidents[0];
    assert_eq!(inc.kind, Kind::NodeLost);
    assert_eq!(inc.culprit.as_deref(), Some("nodeid 2"));
    let stages: Vec<Stage> = inc.steps.iter().map(|s| s.stage).collect();
    assert_eq!(stages, [Stage::Token, Stage::Membership]);
}

#[test]
fn one_node_without_host_names() {
    // corosync in the foreground prints no host: one file, so no node name from the file either.
    let text = format!(
        "Aug 26 16:20:37 notice  [TOTEM ] {LOST}\n\
         Aug 26 16:20:39 notice  [TOTEM ] A new membership (1.9) was formed. Members left: 2\n"
    );
    let r = run(&[("/var/log/corosync.log", &text)]);
    assert_eq!(r.incidents.len(), 1);
    assert!(r.incidents[0].steps.iter().all(|s| s.node.is_none()));
    assert_eq!(r.incidents[0].nodes, ["nodeid 2"]);
    // Two files without host names: each file is named after its node.
    let r = run(&[("logs/alpha.log", &text), ("logs/beta.log", &text)]);
    assert_eq!(r.incidents[0].nodes, ["alpha", "beta", "nodeid 2"]);
}

#[test]
fn out_of_order_lines_and_files_are_sorted_by_time() {
    let a = format!(
        "Aug 26 16:20:39 node1 corosync[1]:   [TOTEM ] A new membership (1:9) was formed. Members left: 2\n\
         Aug 26 16:20:37 node1 corosync[1]:   [TOTEM ] {LOST}\n"
    );
    let b = format!("Aug 26 16:20:36 node3 corosync[1]:   [TOTEM ] {LOST}\n");
    let r = run(&[("a.log", &a), ("b.log", &b)]);
    assert_eq!(r.incidents.len(), 1);
    let steps = &r.incidents[0].steps;
    let nodes: Vec<_> = steps.iter().map(|s| s.node.as_deref().unwrap()).collect();
    assert_eq!(nodes, ["node3", "node1", "node1"]);
    assert_eq!(steps[2].stage, Stage::Membership);
}

#[test]
fn a_long_gap_starts_a_new_incident_and_recovery_alone_is_none() {
    let text = format!(
        "Aug 26 16:00:00 node1 corosync[1]:   [TOTEM ] A new membership (1:4) was formed. Members joined: 1 2\n\
         Aug 26 16:20:37 node1 corosync[1]:   [TOTEM ] {LOST}\n\
         Aug 26 16:30:37 node1 corosync[1]:   [TOTEM ] {LOST}\n"
    );
    let r = run(&[("n.log", &text)]);
    assert_eq!(r.incidents.len(), 2, "ten minutes apart");
    // The membership line before any trouble is start-up, not part of an incident.
    assert!(r.incidents.iter().all(|i| i.steps.len() == 1));
    assert_eq!(r.incidents[0].kind, Kind::TokenLoss);
    let quiet = "Aug 26 16:00:00 node1 corosync[1]:   [TOTEM ] A new membership (1:4) was formed. Members joined: 1 2\n";
    assert!(run(&[("n.log", quiet)]).incidents.is_empty());
}

/// Two nodes logging in different zones (one in JST with `+09:00`, one in UTC with `Z`): read as
/// printed they are nine hours apart and make two incidents; in UTC they are one, interleaved.
#[test]
fn zones_put_nodes_on_one_time_line() {
    let n1 = "2024-08-26T16:20:35.000+09:00 node1 corosync[2345]: [TOTEM ] A processor failed, forming new configuration.\n\
              2024-08-26T16:20:37.000+09:00 node1 corosync[2345]: [TOTEM ] A new membership (1:12) was formed. Members left: 2\n";
    let n2 = "2024-08-26T07:20:36.000Z node2 corosync[2211]: [TOTEM ] A processor failed, forming new configuration.\n\
              2024-08-26T07:20:38.000Z node2 corosync[2211]: [TOTEM ] A new membership (2:12) was formed. Members left: 1\n";
    let r = run(&[("node1.log", n1), ("node2.log", n2)]);
    assert_eq!(r.incidents.len(), 1, "{:#?}", r.incidents);
    let nodes: Vec<&str> = r.incidents[0]
        .steps
        .iter()
        .map(|s| s.node.as_deref().unwrap_or("-"))
        .collect();
    assert_eq!(nodes, ["node1", "node2", "node1", "node2"]);
    let times: Vec<u64> = r.incidents[0].steps.iter().map(|s| s.time).collect();
    // 2024-08-26T07:20:35Z and one second apart after it.
    assert_eq!(
        times,
        [
            1_724_656_835_000,
            1_724_656_836_000,
            1_724_656_837_000,
            1_724_656_838_000
        ]
    );
}

/// A syslog file without years that crosses New Year stays in order.
#[test]
fn a_year_without_years_turns_over() {
    let log = "Dec 31 23:59:58 node1 corosync[2345]:   [TOTEM ] A processor failed, forming new configuration.\n\
               Jan  1 00:00:01 node1 corosync[2345]:   [TOTEM ] A new membership (1:12) was formed. Members left: 2\n";
    let r = run(&[("node1.log", log)]);
    assert_eq!(r.incidents.len(), 1, "{:#?}", r.incidents);
    let s = &r.incidents[0].steps;
    assert_eq!(s[1].time - s[0].time, 3000);
}
