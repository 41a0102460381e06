//! Config rules (C1xx, C2xx, C6xx) against the fixtures in `tests/fixtures/config/`.
//!
//! Each `<name>.conf` has a `<name>.expected`: a `# target: N` header (the corosync version to
//! analyse for) and one line per expected finding, `CODE line:col`. The set of findings of the
//! config rules must equal the expected set exactly. Findings of other rule families (syntax,
//! stack) are not compared here.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use corocheck_core::i18n::{Lang, lookup};
use corocheck_core::{Input, Options, Report, Severity, Target, analyze};

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/config")
}

/// The codes these fixtures speak for: config rules and stack rules (syntax has its own tests).
fn config_codes() -> BTreeSet<&'static str> {
    corocheck_core::rules::config::rules()
        .iter()
        .chain(corocheck_core::rules::plugin::rules().iter())
        .map(|r| r.meta.code)
        .collect()
}

struct Expected {
    target: Target,
    findings: BTreeSet<String>,
}

fn read_expected(path: &Path) -> Expected {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut target = None;
    let mut findings = BTreeSet::new();
    for line in text.lines() {
        let line = line.trim();
        if let Some(t) = line.strip_prefix("# target:") {
            target = Some(
                Target::parse(t.trim())
                    .unwrap_or_else(|| panic!("{}: bad target {t:?}", path.display())),
            );
        } else if line.is_empty() || line.starts_with('#') {
            continue;
        } else {
            findings.insert(line.to_string());
        }
    }
    Expected {
        target: target.unwrap_or_else(|| panic!("{}: no `# target:` line", path.display())),
        findings,
    }
}

fn run(text: &str, target: Target) -> Report {
    analyze(
        &[Input {
            path: "corosync.conf".into(),
            text,
        }],
        &Options {
            target: Some(target),
            ..Default::default()
        },
    )
}

fn found(report: &Report, text: &str) -> BTreeSet<String> {
    let codes = config_codes();
    let lines = &report.files[0].lines;
    report
        .diagnostics
        .iter()
        .filter(|d| codes.contains(d.code))
        .map(|d| {
            let (l, c) = lines.line_col(text, d.span.start);
            format!("{} {l}:{c}", d.code)
        })
        .collect()
}

fn describe(report: &Report, text: &str) -> String {
    let lines = &report.files[0].lines;
    report
        .diagnostics
        .iter()
        .map(|d| {
            let (l, c) = lines.line_col(text, d.span.start);
            format!(
                "  {} {l}:{c} [{}] {}",
                d.code,
                d.severity.as_str(),
                d.message.render(Lang::En)
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn fixtures() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(fixtures_dir())
        .expect("tests/fixtures/config exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "conf"))
        .collect();
    v.sort();
    v
}

#[test]
fn fixtures_match_expected_findings() {
    let all = fixtures();
    assert!(
        all.len() >= 5,
        "expected the fixture set, found {}",
        all.len()
    );
    let mut failures = Vec::new();
    for conf in all {
        let text = fs::read_to_string(&conf).expect("readable fixture");
        let exp = read_expected(&conf.with_extension("expected"));
        let report = run(&text, exp.target);
        let got = found(&report, &text);
        if got != exp.findings {
            let missing: Vec<_> = exp.findings.difference(&got).collect();
            let extra: Vec<_> = got.difference(&exp.findings).collect();
            failures.push(format!(
                "{} (target {}):\n missing {missing:?}\n unexpected {extra:?}\n all findings:\n{}",
                conf.file_name().unwrap_or_default().to_string_lossy(),
                exp.target,
                describe(&report, &text)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Every finding renders in both languages from real catalog entries, with every placeholder
/// filled.
#[test]
fn fixture_messages_render_in_both_languages() {
    for conf in fixtures() {
        let text = fs::read_to_string(&conf).expect("readable fixture");
        let exp = read_expected(&conf.with_extension("expected"));
        let report = run(&text, exp.target);
        for d in report
            .diagnostics
            .iter()
            .filter(|d| config_codes().contains(d.code))
        {
            let mut msgs = vec![&d.message];
            msgs.extend(d.help.as_ref());
            for m in msgs {
                for lang in [Lang::En, Lang::Ja] {
                    assert!(
                        lookup(&m.key, lang).is_some(),
                        "{}: catalog lacks {}",
                        conf.display(),
                        m.key
                    );
                    let r = m.render(lang);
                    let tmpl = lookup(&m.key, lang).unwrap_or_default();
                    for p in corocheck_core::i18n::placeholders(&tmpl) {
                        assert!(
                            m.args.iter().any(|(n, _)| *n == p),
                            "{}: {} lacks argument {p}",
                            conf.display(),
                            m.key
                        );
                    }
                    assert!(!r.is_empty());
                }
            }
        }
    }
}

/// The valid real-world configs produce nothing at all from the config rules, and the
/// severity of each finding is the one documented for its case.
#[test]
fn severities_follow_the_policy() {
    let cases: &[(&str, &str, &str, Severity)] = &[
        // (target, config, code, severity)
        (
            "3",
            "totem {\n version: 2\n token: 3000ms\n}\n",
            "C603",
            Severity::Error,
        ),
        (
            "1",
            "totem {\n version: 2\n token: 3000ms\n}\n",
            "C603",
            Severity::Warning,
        ),
        (
            "3",
            "totem {\n version: 2\n Token: 10\n}\n",
            "C602",
            Severity::Warning,
        ),
        (
            "3",
            "totem {\n version: 2\n rrp_mode: passive\n}\n",
            "C605",
            Severity::Warning,
        ),
        (
            "2",
            "totem {\n version: 2\n transport: knet\n}\n",
            "C603",
            Severity::Warning,
        ),
        (
            "3.1",
            "totem {\n version: 2\n transport: tcp\n}\n",
            "C603",
            Severity::Error,
        ),
        (
            "3.0",
            "totem {\n version: 2\n transport: tcp\n}\n",
            "C603",
            Severity::Warning,
        ),
    ];
    for (target, text, code, sev) in cases {
        let t = Target::parse(target).expect("target");
        let report = run(text, t);
        let d = report
            .diagnostics
            .iter()
            .find(|d| d.code == *code)
            .unwrap_or_else(|| panic!("{target} {text:?}: no {code}\n{}", describe(&report, text)));
        assert_eq!(d.severity, *sev, "{target} {text:?}: {code}");
    }
}

/// Messages name the releases a finding holds for when only part of the target is affected.
#[test]
fn messages_name_the_affected_releases() {
    let text = "totem {\n version: 2\n crypto_cipher: 3des\n crypto_hash: sha1\n}\n";
    let report = run(text, Target::parse("3").expect("target"));
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.code == "C603")
        .expect("3des is rejected from 3.0.2");
    let en = d.message.render(Lang::En);
    assert!(en.contains("3.0.2+"), "{en}");
    assert!(
        en.contains("Invalid cipher type. Should be none, aes256, aes192 or aes128"),
        "{en}"
    );
    let report = run(text, Target::parse("3.0.1").expect("target"));
    assert!(
        report.diagnostics.iter().all(|d| d.code != "C603"),
        "3.0.1 still accepts 3des"
    );
}

/// Effective timers: what corosync computes, in its order.
#[test]
fn effective_timers_are_computed_like_corosync() {
    let text = "totem {\n version: 2\n token: 100\n token_retransmits_before_loss_const: 10\n}\n";
    let report = run(text, Target::parse("3.1.7").expect("target"));
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.code == "C103")
        .expect("retransmit too small");
    let en = d.message.render(Lang::En);
    assert!(
        en.contains("Not appropriate token or token_retransmits_before_loss_const value set"),
        "{en}"
    );
    assert!(en.contains("= 9 ms"), "{en}");
    // 2.x: the same config fails on the retransmit sentence instead.
    let report = run(text, Target::parse("2").expect("target"));
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.code == "C103")
        .expect("2.x too");
    assert!(
        d.message.render(Lang::En).contains(
            "The token retransmit timeout parameter (9 ms) may not be less than (30 ms)."
        )
    );
}

/// `CC_FILE=path CC_TARGET=3 cargo test -p corocheck-core --test config_rules dump -- --ignored
/// --nocapture` prints every finding for one file (a development aid).
#[test]
#[ignore]
fn dump() {
    let path = std::env::var("CC_FILE").expect("CC_FILE");
    let target = Target::parse(&std::env::var("CC_TARGET").unwrap_or_else(|_| "3".into()))
        .expect("CC_TARGET");
    let text = fs::read_to_string(&path).expect("readable");
    let started = std::time::Instant::now();
    let report = run(&text, target);
    if std::env::var("CC_QUIET").is_ok() {
        println!(
            "{} findings in {:?}",
            report.diagnostics.len(),
            started.elapsed()
        );
        return;
    }
    println!("{}", describe(&report, &text));
    for d in &report.diagnostics {
        if let Some(h) = &d.help {
            println!(
                "  {} help: {} / {}",
                d.code,
                h.render(Lang::En),
                h.render(Lang::Ja)
            );
        }
        println!("  {} ja: {}", d.code, d.message.render(Lang::Ja));
    }
}

/// `CC_FILE=path cargo test --release -p corocheck-core --test config_rules time_rules --
/// --ignored --nocapture`: time each config rule on one file (a development aid).
#[test]
#[ignore]
fn time_rules() {
    use corocheck_core::Span;
    use corocheck_core::conf::{Conf, Dialect, syntax};
    use corocheck_core::rules::{ConfRole, Ctx};
    let path = std::env::var("CC_FILE").expect("CC_FILE");
    let text = fs::read_to_string(&path).expect("readable");
    let tree = syntax::parse(&text, Span::new(0, text.len()), Dialect::Strict);
    let facts = corocheck_core::stack::Facts::default();
    let ctx = Ctx::new(
        Conf::new(&text, &tree),
        Target::major(3),
        true,
        ConfRole::Main,
        &facts,
    );
    for r in corocheck_core::rules::config::rules() {
        let started = std::time::Instant::now();
        let mut out = Vec::new();
        (r.check)(&ctx, &mut out);
        println!(
            "{} {:>8} findings {:?}",
            r.meta.code,
            out.len(),
            started.elapsed()
        );
    }
}

/// No panics and sane spans on mangled input: every fixture, cut at many places, with lines
/// dropped and duplicated, analysed for several targets.
#[test]
fn mangled_fixtures_do_not_panic() {
    let targets: Vec<Target> = ["1", "2", "2.3.4", "3", "3.0.1", "3.1.7"]
        .iter()
        .filter_map(|t| Target::parse(t))
        .collect();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for conf in fixtures() {
        let text = fs::read_to_string(&conf).expect("readable fixture");
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        let mut variants = vec![text.clone()];
        for _ in 0..6 {
            let cut = (next() as usize) % (text.len() + 1);
            let cut = (0..=cut)
                .rev()
                .find(|i| text.is_char_boundary(*i))
                .unwrap_or(0);
            variants.push(text[..cut].to_string());
            let mut v = String::new();
            for l in &lines {
                match next() % 7 {
                    0 => {}
                    1 => {
                        v.push_str(l);
                        v.push_str(l);
                    }
                    _ => v.push_str(l),
                }
            }
            variants.push(v);
        }
        for v in &variants {
            for t in &targets {
                let report = run(v, *t);
                for d in &report.diagnostics {
                    assert!(
                        d.span.start <= d.span.end && d.span.end <= v.len(),
                        "{}: bad span",
                        conf.display()
                    );
                    assert!(v.is_char_boundary(d.span.start) && v.is_char_boundary(d.span.end));
                    let _ = d.message.render(Lang::Ja);
                }
            }
        }
    }
}
