//! Fixes: the data tests in `tests/fixtures/fix/` and the properties every fix must have.
//!
//! Fixtures: `<vN>-<name>.conf` is fixed for corosync N (`fix::fix_all`) and must give
//! `<vN>-<name>.fixed` byte for byte. `UPDATE_FIXED=1` rewrites the `.fixed` files (review
//! the diff before committing).
//!
//! Properties (generated and mutated configs):
//! - every edit is inside its input, on char boundaries, and a fix's edits do not overlap;
//! - fixing twice equals fixing once;
//! - after one round of fixes, no finding with the same code stands at a fixed place.

use std::fs;
use std::path::{Path, PathBuf};

use corocheck_core::fix::{apply, fix_all};
use corocheck_core::{Fix, Input, Lang, Options, Report, Target, analyze};
use proptest::prelude::*;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/fix")
}

fn opts(target: Option<Target>) -> Options {
    Options {
        target,
        ..Options::default()
    }
}

fn input(text: &str) -> Vec<Input<'_>> {
    vec![Input {
        path: "corosync.conf".into(),
        text,
    }]
}

fn target_of(name: &str) -> Target {
    let major = name.as_bytes().get(1).copied().unwrap_or(b'3') - b'0';
    Target::major(major)
}

#[test]
fn fixtures_fix_to_their_expected_text() {
    let mut names: Vec<String> = fs::read_dir(dir())
        .expect("tests/fixtures/fix")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".conf"))
        .collect();
    names.sort();
    assert!(names.len() >= 5, "too few fix fixtures: {names:?}");
    let mut failures = Vec::new();
    for name in &names {
        let path = dir().join(name);
        let bytes = fs::read(&path).unwrap();
        let text = String::from_utf8(bytes).expect("fixtures are UTF-8");
        let o = opts(Some(target_of(name)));
        let fixed = fix_all(&input(&text), &o).remove(0);
        assert!(fixed.applied > 0, "{name}: no fix applied");
        let expected_path = path.with_extension("fixed");
        if std::env::var_os("UPDATE_FIXED").is_some() {
            fs::write(&expected_path, &fixed.text).unwrap();
        }
        let expected = fs::read_to_string(&expected_path)
            .unwrap_or_else(|e| panic!("{}: {e}", expected_path.display()));
        if fixed.text != expected {
            failures.push(format!(
                "{name}: fixed text differs\n--- got ---\n{}\n--- expected ---\n{}",
                fixed.text, expected
            ));
            continue;
        }
        // The fixed file has no fixable finding left, and fixing it again changes nothing.
        let again = fix_all(&input(&fixed.text), &o).remove(0);
        assert_eq!(again.text, fixed.text, "{name}: fixing twice differs");
        assert_eq!(again.applied, 0, "{name}");
        let report = analyze(&input(&fixed.text), &o);
        let before = analyze(&input(&text), &o);
        for d in report.diagnostics.iter().filter(|d| d.fix.is_some()) {
            failures.push(format!("{name}: fixable {} left after fixing", d.code));
        }
        // Every code that had a fix before is gone or fewer.
        for d in before.diagnostics.iter().filter(|d| d.fix.is_some()) {
            let n0 = before
                .diagnostics
                .iter()
                .filter(|x| x.code == d.code)
                .count();
            let n1 = report
                .diagnostics
                .iter()
                .filter(|x| x.code == d.code)
                .count();
            if n1 >= n0 {
                failures.push(format!("{name}: {} not reduced ({n0} -> {n1})", d.code));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn apply_skips_overlapping_fixes_and_keeps_order() {
    use corocheck_core::{Edit, Msg, Span};
    let fix = |edits: Vec<Edit>| Fix {
        title: Msg::new("fix.nul"),
        edits,
    };
    let a = fix(vec![Edit::replace(Span::new(0, 3), "ABC")]);
    let b = fix(vec![Edit::replace(Span::new(2, 4), "x")]); // overlaps a
    let c = fix(vec![Edit::insert(4, "+"), Edit::delete(Span::new(5, 6))]);
    let d = fix(vec![Edit::insert(4, "-")]); // same start as c's insertion
    let e = fix(vec![Edit::replace(Span::new(9, 12), "!")]); // out of bounds
    let (out, applied) = apply("abcdefg", &[&a, &b, &c, &d, &e]);
    assert_eq!(out, "ABCd+eg");
    assert_eq!(applied, vec![0, 2]);
    // A fix whose own edits overlap is skipped as a whole.
    let bad = fix(vec![
        Edit::delete(Span::new(0, 2)),
        Edit::delete(Span::new(1, 3)),
    ]);
    assert_eq!(apply("abcd", &[&bad]), ("abcd".to_string(), vec![]));
    // An insertion strictly inside a replacement, and a replacement around an insertion.
    let r = fix(vec![Edit::replace(Span::new(0, 3), "X")]);
    let i = fix(vec![Edit::insert(1, "y")]);
    assert_eq!(apply("abcd", &[&r, &i]), ("Xd".to_string(), vec![0]));
    assert_eq!(apply("abcd", &[&i, &r]), ("aybcd".to_string(), vec![0]));
    // Adjacent edits are fine.
    let i3 = fix(vec![Edit::insert(3, "+")]);
    assert_eq!(apply("abcd", &[&r, &i3]), ("X+d".to_string(), vec![0, 1]));
    // Not on a char boundary.
    let mid = fix(vec![Edit::delete(Span::new(1, 2))]);
    assert_eq!(apply("é", &[&mid]).1, Vec::<usize>::new());
}

// ---- properties -----------------------------------------------------------------------------

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("totem {\n".to_string()),
        Just("totem {\r\n".to_string()),
        Just("  interface {\n".to_string()),
        Just("nodelist {\n\tnode {\n".to_string()),
        Just("quorum {\n".to_string()),
        Just("logging {\n".to_string()),
        Just("}\n".to_string()),
        Just("}\r\n".to_string()),
        Just("}}\n".to_string()),
        Just("} # end\n".to_string()),
        Just("\tversion: 2\n".to_string()),
        Just("\tversion: 3\n".to_string()),
        Just("\ttransport: knet\n".to_string()),
        Just("\tring0_addr: 10.0.0.1\n".to_string()),
        Just("\tnodeid: 1\n".to_string()),
        Just("\ttoken: 3000ms # c\n".to_string()),
        Just("\ttoken: 0x100\n".to_string()),
        Just("\tconsensus: 1000\n".to_string()),
        Just("\tringnumber: 0\n".to_string()),
        Just("\ttwo_nodes: 1\n".to_string()),
        Just("\ttwo_node: yes\n".to_string()),
        Just("\tto_file: yes\n".to_string()),
        Just("\tsyslog_level: info\n".to_string()),
        Just("\tdebug: true\n".to_string()),
        Just("\tcrypto_cipher: \"aes256\"\n".to_string()),
        Just("\tknet_compression_model: none\n".to_string()),
        Just("\ttransport: KNET\n".to_string()),
        Just("quorum { provider: corosync_votequorum }\n".to_string()),
        Just("totem {}\n".to_string()),
        Just("token = 3000\n".to_string()),
        Just("\u{FEFF}".to_string()),
        Just("\u{00A0}".to_string()),
        Just("\u{3000}".to_string()),
        Just("\u{200B}".to_string()),
        Just("\r".to_string()),
        Just("\0".to_string()),
        Just("{".to_string()),
        Just("}".to_string()),
        Just(":".to_string()),
        Just("#".to_string()),
        "[ -~]{0,12}",
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..24).prop_map(|v| v.concat())
}

fn target() -> impl Strategy<Value = Option<Target>> {
    prop_oneof![
        Just(None),
        Just(Some(Target::major(1))),
        Just(Some(Target::major(2))),
        Just(Some(Target::major(3))),
    ]
}

fn fixes_of(r: &Report) -> Vec<(&'static str, usize, &Fix)> {
    r.diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref().map(|f| (d.code, d.span.start, f)))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(256),
        ..ProptestConfig::default()
    })]

    #[test]
    fn edits_are_inside_their_input_and_do_not_overlap(t in text(), tg in target()) {
        let r = analyze(&input(&t), &opts(tg));
        for (code, _, f) in fixes_of(&r) {
            prop_assert!(!f.edits.is_empty(), "{code}: empty fix");
            prop_assert!(!f.title.render(Lang::En).starts_with("fix."), "{code}: title key missing");
            prop_assert!(!f.title.render(Lang::Ja).starts_with("fix."), "{code}");
            let mut end = 0;
            for (i, e) in f.edits.iter().enumerate() {
                prop_assert!(e.span.start <= e.span.end && e.span.end <= t.len(), "{code}: {e:?}");
                prop_assert!(t.is_char_boundary(e.span.start) && t.is_char_boundary(e.span.end));
                prop_assert!(i == 0 || e.span.start > end || (e.span.start == end && f.edits[i - 1].span.end > f.edits[i - 1].span.start), "{code}: overlapping edits {:?}", f.edits);
                end = e.span.end;
            }
        }
    }

    #[test]
    fn fixing_twice_equals_fixing_once(t in text(), tg in target()) {
        let once = fix_all(&input(&t), &opts(tg)).remove(0);
        let twice = fix_all(&input(&once.text), &opts(tg)).remove(0);
        prop_assert_eq!(&twice.text, &once.text, "input {:?}", t);
    }

    #[test]
    fn a_fixed_place_has_no_finding_of_that_code(t in text(), tg in target()) {
        let o = opts(tg);
        let r = analyze(&input(&t), &o);
        let fixes = fixes_of(&r);
        let refs: Vec<&Fix> = fixes.iter().map(|(_, _, f)| *f).collect();
        let (new, applied) = apply(&t, &refs);
        // Where each finding's start moved to: shift by every applied edit before it.
        let edits: Vec<_> = applied.iter().flat_map(|&i| refs[i].edits.iter()).collect();
        let moved = |p: usize| -> usize {
            let mut q = p as isize;
            for e in &edits {
                if e.span.end <= p && !(e.span.is_empty() && e.span.start == p) {
                    q += e.replacement.len() as isize - e.span.len() as isize;
                }
            }
            q as usize
        };
        let after = analyze(&input(&new), &o);
        for &i in &applied {
            let (code, start, _) = fixes[i];
            let was = &t[start..r.diagnostics.iter().find(|d| d.code == code && d.span.start == start).map_or(start, |d| d.span.end)];
            let p = moved(start);
            // The same finding (code, place and text) must be gone; a neighbour may slide in.
            let left = after.diagnostics.iter().find(|d| d.code == code && d.span.start == p && new.get(d.span.start..d.span.end) == Some(was));
            prop_assert!(left.is_none(), "{code} still at {p} after its fix; input {:?}, fixed {:?}", t, new);
        }
    }
}
