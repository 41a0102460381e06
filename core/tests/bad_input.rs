//! Hostile and pathological input: every analysis returns, nothing panics, positions stay
//! inside the input. (Speed is measured by the bench, not asserted here.)

use corocheck_core::text::decode;
use corocheck_core::{Input, Options, Report, Target, analyze};

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

/// A small deterministic generator (no rand dependency).
fn bytes(n: usize, seed: u64) -> Vec<u8> {
    let mut x = seed;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

#[test]
fn random_bytes_are_reported_as_binary() {
    let d = decode(&bytes(200_000, 7));
    let r = run("blob", &d.text, None);
    assert!(
        r.diagnostics.iter().any(|d| d.code == "D001"),
        "binary input is named as such"
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
    let t = format!(
        "totem {{\n\tcluster_name: {}\n}}\n",
        "x".repeat(10 * 1024 * 1024)
    );
    let r = run("corosync.conf", &t, Some(Target::major(3)));
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
    let t = format!("{}{}", "totem {\n".repeat(n), "}\n".repeat(n));
    run("corosync.conf", &t, Some(Target::major(3)));
    let unclosed = "a {\n".repeat(n);
    let r = run("corosync.conf", &unclosed, Some(Target::major(3)));
    assert_eq!(
        r.diagnostics.iter().filter(|d| d.code == "E001").count(),
        n,
        "every unclosed section is reported"
    );
}

#[test]
fn a_million_short_lines() {
    let t = "totem {\n".to_string() + &"\ttoken: 3000\n".repeat(1_000_000) + "}\n";
    run("corosync.conf", &t, Some(Target::major(3)));
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
    let line = "Aug 26 16:20:37 corosync [TOTEM ] A processor failed, forming new configuration.\n";
    let t = line.repeat(50 * 1024 * 1024 / line.len());
    run("corosync.log", &t, None);
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
