//! Redaction (`corocheck_core::redact`) against `tests/fixtures/redact/<case>/`: every file of
//! `in/` is redacted together (one mapping for the case) and must equal the file of the same
//! name in `out/`. `REDACT_BLESS=1` writes `out/` from the current code (review the diff).
//!
//! And the property that makes redaction safe to share: a redacted config is read the same
//! way, with the same findings (codes and lines), for every config fixture.

use std::fs;
use std::path::{Path, PathBuf};

use corocheck_core::redact::redact;
use corocheck_core::{Input, Options, analyze};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests")
}

fn files(dir: &Path, ext: &[&str]) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| ext.is_empty() || p.extension().is_some_and(|x| ext.iter().any(|e| x == *e)))
        .collect();
    v.sort();
    v
}

#[test]
fn fixtures() {
    let bless = std::env::var_os("REDACT_BLESS").is_some();
    let cases = files(&root().join("fixtures/redact"), &[]);
    assert!(cases.len() >= 3);
    for case in cases {
        let paths = files(&case.join("in"), &[]);
        let texts: Vec<String> = paths
            .iter()
            .map(|p| fs::read_to_string(p).unwrap())
            .collect();
        let inputs: Vec<Input> = paths
            .iter()
            .zip(&texts)
            .map(|(p, t)| Input {
                path: p.file_name().unwrap().to_string_lossy().into(),
                text: t,
            })
            .collect();
        let r = redact(&inputs);
        for (p, got) in paths.iter().zip(&r.texts) {
            let out = case.join("out").join(p.file_name().unwrap());
            if bless {
                fs::create_dir_all(out.parent().unwrap()).unwrap();
                fs::write(&out, got).unwrap();
            }
            let want =
                fs::read_to_string(&out).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
            assert_eq!(got, &want, "{}", out.display());
        }
        // Consistency: redacting the output again finds nothing left to hide but the
        // replacements themselves, which map one to one (the same number of each kind).
        let again: Vec<Input> = paths
            .iter()
            .zip(&r.texts)
            .map(|(p, t)| Input {
                path: p.file_name().unwrap().to_string_lossy().into(),
                text: t,
            })
            .collect();
        let r2 = redact(&again);
        assert_eq!(
            (r2.addresses, r2.macs, r2.hosts, r2.clusters),
            (r.addresses, r.macs, r.hosts, r.clusters),
            "{}",
            case.display()
        );
        let counts = fs::read_to_string(case.join("counts")).unwrap_or_default();
        let got = format!("{} {} {} {}", r.addresses, r.macs, r.hosts, r.clusters);
        if bless {
            fs::write(case.join("counts"), format!("{got}\n")).unwrap();
        } else {
            assert_eq!(
                got,
                counts.trim(),
                "{}: addresses macs hosts clusters",
                case.display()
            );
        }
    }
}

fn findings(path: &str, text: &str) -> Vec<(&'static str, usize)> {
    let r = analyze(
        &[Input {
            path: path.into(),
            text,
        }],
        &Options::default(),
    );
    let f = &r.files[0];
    let mut v: Vec<(&'static str, usize)> = r
        .diagnostics
        .iter()
        .map(|d| (d.code, f.lines.line_col(text, d.span.start).0))
        .collect();
    v.sort();
    v
}

/// Findings that redaction removes on purpose: (file, code, why).
const CHANGES: &[(&str, &str, &str)] = &[
    (
        "v2-nodes.conf",
        "C206",
        "the explicit nodeid 167772161 equals 10.0.0.1 as a number, the id corosync generates for \
     the first node; with the address replaced the two ids differ",
    ),
    (
        "v3-dup-autogen.conf",
        "C206",
        "138.0.0.9 and 10.0.0.9 generate the same id once clear_node_high_bit drops the top bit; \
         their replacements (in different /24s) do not",
    ),
];

#[test]
fn redacted_configs_keep_their_findings() {
    let mut n = 0;
    for dir in [
        "fixtures/config",
        "fixtures/cman",
        "differential/bases",
        "fixtures/fix",
    ] {
        let d = root().join(dir);
        if !d.is_dir() {
            continue;
        }
        for p in files(&d, &["conf"]) {
            let text = fs::read_to_string(&p).unwrap();
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            let r = redact(&[Input {
                path: name.clone(),
                text: &text,
            }]);
            let gone = |f: &(&str, usize)| {
                !CHANGES
                    .iter()
                    .any(|(file, code, _)| *file == name && *code == f.0)
            };
            let mut before = findings(&name, &text);
            before.retain(gone);
            assert_eq!(findings(&name, &r.texts[0]), before, "{}", p.display());
            n += 1;
        }
    }
    assert!(n > 30, "only {n} configs");
}

/// Inputs the fuzzer found (`tests/fixtures/fuzz-regress/redact/`), split as the fuzz target
/// splits them (at 0xFF, into up to three inputs): redaction must not panic and must keep
/// every line break. The first one had a `<cluster name=` whose value starts with a
/// multi-byte character and no quote.
#[test]
fn fuzz_regressions() {
    let paths = ["corosync.conf", "cluster.conf", "messages"];
    let dir = root().join("fixtures/fuzz-regress/redact");
    let cases = files(&dir, &[]);
    assert!(!cases.is_empty());
    for case in cases {
        let data = fs::read(&case).unwrap();
        let texts: Vec<String> = data
            .split(|&b| b == 0xff)
            .take(3)
            .map(|p| corocheck_core::text::decode(p).text)
            .collect();
        let inputs: Vec<Input> = texts
            .iter()
            .zip(paths)
            .map(|(t, p)| Input {
                path: p.into(),
                text: t,
            })
            .collect();
        let r = redact(&inputs);
        for (a, b) in texts.iter().zip(&r.texts) {
            assert_eq!(
                a.matches('\n').count(),
                b.matches('\n').count(),
                "{}",
                case.display()
            );
        }
    }
}
