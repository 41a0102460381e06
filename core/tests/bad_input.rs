//! Hostile and pathological input: every analysis returns, nothing panics, positions stay
//! inside the input. (Speed is measured by the bench, not asserted here.)

use corocheck_core::text::decode;
use corocheck_core::{Input, Options, Report, Severity, Target, analyze};

#[path = "common/pathological.rs"]
mod pathological;

/// A pathological case at the size the issue names (scale 100), decoded.
fn full(name: &str) -> (String, &'static str) {
    let c = pathological::CASES
        .iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no case {name}"));
    (decode(&(c.make)(100)).text, c.path)
}

/// Findings of a code: those listed plus those a D007 counts for it (its `n`).
fn count(r: &Report, code: &str) -> usize {
    let listed = r.diagnostics.iter().filter(|d| d.code == code).count();
    let arg = |d: &corocheck_core::Diagnostic, name: &str| {
        d.message
            .args
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let counted: usize = r
        .diagnostics
        .iter()
        .filter(|d| d.code == "D007" && arg(d, "code") == code)
        .map(|d| arg(d, "n").parse::<usize>().unwrap())
        .sum();
    if counted > 0 {
        assert_eq!(
            listed,
            corocheck_core::detect::MAX_SAME_CODE,
            "{code}: the first ones listed"
        );
    }
    listed + counted
}

fn run(path: &str, text: &str, target: Option<Target>) -> Report {
    let r = analyze(
        &[Input {
            path: path.into(),
            text,
        }],
        &Options {
            target,
            ..Default::default()
        },
    );
    for d in &r.diagnostics {
        assert!(
            d.span.start <= d.span.end && d.span.end <= text.len(),
            "{} span {:?} outside input of {}",
            d.code,
            d.span,
            text.len()
        );
        assert!(
            text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end),
            "{} span not on char boundaries",
            d.code
        );
        let _ = d.message.render(corocheck_core::Lang::Ja);
    }
    r
}

#[test]
fn random_bytes_are_reported_as_binary() {
    let d = decode(&pathological::noise(200_000, 7));
    let r = run("blob", &d.text, None);
    assert!(
        r.diagnostics.iter().any(|d| d.code == "D001"),
        "binary input is named as such"
    );
    let (t, path) = full("10 MB of binary data");
    let r = run(path, &t, None);
    assert!(
        count(&r, "D001") > 0,
        "10 MB of binary data is named as such"
    );
}

#[test]
fn invalid_utf8_gives_a_position() {
    let mut b = b"totem {\n\tversion: 2\n\t# \x93\xfa\x96\x7b comment\n}\n".to_vec();
    b.extend_from_slice(b"\xff\xfe");
    let d = decode(&b);
    assert_eq!(d.first_invalid, Some(23));
    let f = corocheck_core::detect::encoding_findings(&d);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].code, "D002");
    run("corosync.conf", &d.text, Some(Target::major(3)));
}

#[test]
fn nul_bytes_and_control_characters() {
    let t = "totem {\n\tversion: 2\0\n\ttoken:\x0b3000\n}\n";
    let r = run("corosync.conf", t, Some(Target::major(3)));
    assert!(r.diagnostics.iter().any(|d| d.code == "E008"));
}

#[test]
fn one_ten_megabyte_line() {
    let (t, path) = full("one 10 MB line");
    let r = run(path, &t, Some(Target::major(3)));
    assert!(
        r.diagnostics.iter().any(|d| d.code == "E007"),
        "line too long reported"
    );
    let t = "a".repeat(10 * 1024 * 1024);
    run("pasted", &t, None);
}

#[test]
fn hundred_thousand_nested_sections() {
    let n = 100_000;
    let (t, path) = full("100 000 nested sections");
    let r = run(path, &t, Some(Target::major(3)));
    assert_eq!(count(&r, "E001"), 0, "every section is closed");
    let (unclosed, path) = full("100 000 unclosed sections");
    let r = run(path, &unclosed, Some(Target::major(3)));
    assert_eq!(count(&r, "E001"), n, "every unclosed section is counted");
}

#[test]
fn a_million_short_lines() {
    let (t, path) = full("1 000 000 short lines");
    let r = run(path, &t, Some(Target::major(3)));
    // The same key a million times: every line but the last one is a duplicate. The first 100
    // are listed, one D007 counts the rest, and the totals stay exact.
    assert_eq!(count(&r, "C607"), 999_999);
    assert_eq!(r.count(Severity::Warning), 999_999);
    let d7: Vec<_> = r.diagnostics.iter().filter(|d| d.code == "D007").collect();
    assert_eq!(d7.len(), 1);
    assert_eq!(
        d7[0].severity,
        Severity::Warning,
        "D007 takes the severity it counts"
    );
    // At the 101st duplicate: line 102 (line 1 is `totem {`).
    assert_eq!(r.files[0].lines.line_col(&t, d7[0].span.start).0, 102);
}

#[test]
fn a_million_lines_of_nul_bytes_and_invalid_utf8() {
    let c = pathological::CASES
        .iter()
        .find(|c| c.name.starts_with("NUL bytes"))
        .expect("case");
    let d = decode(&(c.make)(100));
    assert!(d.invalid_count >= 1_000_000, "{}", d.invalid_count);
    let f = corocheck_core::detect::encoding_findings(&d);
    assert!(f.iter().any(|f| f.code == "D002"));
    let r = run(c.path, &d.text, Some(Target::major(3)));
    // One line in three has a NUL byte.
    assert_eq!(count(&r, "E008"), 333_334);
    assert!(
        r.diagnostics.len() < 1000,
        "{} findings listed",
        r.diagnostics.len()
    );
}

#[test]
fn ten_thousand_node_nodelist() {
    let (t, path) = full("10 000-node nodelist");
    let r = run(path, &t, Some(Target::major(3)));
    let errors: Vec<_> = r
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.code)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn a_log_of_one_repeated_line() {
    let (t, path) = full("50 MB log of one repeated line");
    let r = run(path, &t, None);
    assert_eq!(r.records.len(), t.lines().count(), "every line is a record");
    let kb = r
        .diagnostics
        .iter()
        .find(|d| d.code != "D007")
        .expect("a finding")
        .code;
    assert_eq!(
        count(&r, kb),
        t.lines().count(),
        "one finding per line, counted"
    );
}

#[test]
fn ten_megabytes_of_log_records_without_line_breaks() {
    let (t, path) = full("10 MB log line, no line breaks");
    let r = run(path, &t, None);
    let n = t.matches("Aug 26").count();
    assert_eq!(r.records.len(), n, "every glued record is found");
}

#[test]
fn cluster_conf_deeply_nested_and_with_ten_thousand_nodes() {
    let (t, path) = full("cluster.conf, 100 000 nested elements");
    let r = run(path, &t, None);
    assert_eq!(r.cman.len(), 1);
    let (t, path) = full("cluster.conf, 10 000 nodes");
    let r = run(path, &t, None);
    assert_eq!(r.cman.len(), 1);
    assert_eq!(r.cman[0].model.nodes.len(), 10_000);
    let conf = r.cman[0].conversion.corosync_conf(corocheck_core::Lang::En);
    assert_eq!(
        conf.matches("nodeid: ").count(),
        10_000,
        "every node converted"
    );
}

#[test]
fn hostile_html_is_just_text() {
    let t =
        "totem {\n\tcluster_name: <script>alert(1)</script>\n\t<img src=x onerror=alert(1)>\n}\n";
    let r = run("corosync.conf", t, Some(Target::major(3)));
    // The text comes back verbatim inside messages; escaping is the renderer's job.
    assert!(r.diagnostics.iter().any(|d| d.code == "E006"));
}

#[test]
fn fifty_megabytes_of_log_returns() {
    // The corosync 1.x file format (the repeated-line case above is syslog).
    let line = "Aug 26 16:20:37 corosync [TOTEM ] A processor failed, forming new configuration.\n";
    let t = line.repeat(10 * 1024 * 1024 / line.len());
    let r = run("corosync.log", &t, None);
    assert_eq!(r.records.len(), t.lines().count());
}

#[test]
fn over_the_limit_is_cut_with_a_message() {
    let limit = corocheck_core::detect::MAX_INPUT;
    let line = "# padding padding padding padding padding padding padding padding\n";
    let t = line.repeat(limit / line.len() + 10);
    let r = run("corosync.conf", &t, None);
    let d = r
        .diagnostics
        .iter()
        .find(|d| d.code == "D006")
        .expect("D006");
    assert!(d.span.start <= limit);
}

#[test]
fn multibyte_character_right_before_a_glued_section() {
    // Found by the property test: the word before `{` started after a 3-byte character.
    let t = format!(
        "{}ழservice {{ name: pacemaker ver: 0 }} {}",
        "x ".repeat(100),
        "y ".repeat(100)
    );
    run("pasted", &t, None);
}
