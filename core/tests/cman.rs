//! cluster.conf (M0xx/M1xx) against the fixtures in `tests/fixtures/cman/`, the conversion
//! against its golden files, real `corosync -t` on the generated corosync.conf, and hostile XML.
//!
//! Each `<name>.conf` has a `<name>.expected` with one `CODE line:col` per expected `M` finding;
//! the set must be equal. `<name>.corosync.conf` and `<name>.pcs.sh`, where present, are the
//! expected conversion output (English comments). Regenerate them with `BLESS=1`.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use corocheck_core::{Input, Lang, Options, Report, Severity, analyze};

mod common;
use common::{COROSYNC, corosync_t};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/cman")
}

fn run(text: &str) -> Report {
    analyze(
        &[Input {
            path: "cluster.conf".into(),
            text,
        }],
        &Options::default(),
    )
}

fn m_findings(r: &Report, text: &str) -> BTreeSet<String> {
    r.diagnostics
        .iter()
        .filter(|d| d.code.starts_with('M'))
        .map(|d| {
            let (l, c) = r.files[0].lines.line_col(text, d.span.start);
            format!("{} {l}:{c}", d.code)
        })
        .collect()
}

fn fixtures() -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = fs::read_dir(dir())
        .expect("fixtures dir")
        .filter_map(|e| {
            let p = e.ok()?.path();
            let n = p.file_name()?.to_str()?.to_string();
            let stem = n.strip_suffix(".conf")?;
            if stem.ends_with(".corosync") {
                return None;
            }
            Some((stem.to_string(), fs::read_to_string(&p).ok()?))
        })
        .collect();
    v.sort();
    v
}

#[test]
fn fixtures_give_the_expected_findings() {
    let all = fixtures();
    assert!(all.len() >= 6, "fixtures missing");
    let mut failures = String::new();
    for (name, text) in &all {
        let exp_path = dir().join(format!("{name}.expected"));
        let exp = fs::read_to_string(&exp_path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let want: BTreeSet<String> = exp
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_string)
            .collect();
        let r = run(text);
        let got = m_findings(&r, text);
        if got != want {
            failures.push_str(&format!(
                "{name}:\n  missing {:?}\n  unexpected {:?}\n",
                want.difference(&got).collect::<Vec<_>>(),
                got.difference(&want).collect::<Vec<_>>()
            ));
        }
        // Every span on char boundaries and inside the text.
        for d in &r.diagnostics {
            assert!(d.span.end <= text.len() && text.is_char_boundary(d.span.start));
            assert!(text.is_char_boundary(d.span.end));
        }
    }
    assert!(failures.is_empty(), "{failures}");
}

#[test]
fn conversion_matches_the_golden_files() {
    let bless = std::env::var_os("BLESS").is_some();
    let mut checked = 0;
    for (name, text) in fixtures() {
        let r = run(&text);
        let Some(doc) = r.cman.first() else { continue };
        if doc.conversion.is_empty() || name.starts_with("broken") || name.starts_with("not") {
            continue;
        }
        for (ext, out) in [
            ("corosync.conf", doc.conversion.corosync_conf(Lang::En)),
            ("pcs.sh", doc.conversion.pcs_script(Lang::En)),
        ] {
            let p = dir().join(format!("{name}.{ext}"));
            if bless {
                fs::write(&p, &out).unwrap();
            }
            let want = fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            assert_eq!(out, want, "{name}.{ext} differs (BLESS=1 to regenerate)");
            checked += 1;
        }
        // Japanese comments render too, with the same commands.
        let ja = doc.conversion.pcs_script(Lang::Ja);
        let en = doc.conversion.pcs_script(Lang::En);
        let cmds = |s: &str| -> Vec<String> {
            s.lines()
                .filter(|l| !l.starts_with('#') || l.starts_with("#!"))
                .map(str::to_string)
                .collect()
        };
        assert_eq!(cmds(&ja), cmds(&en));
    }
    assert!(checked >= 4, "golden files missing");
}

#[test]
fn generated_corosync_conf_has_no_corocheck_error() {
    for (name, text) in fixtures() {
        let r = run(&text);
        let Some(doc) = r.cman.first() else { continue };
        if doc.conversion.is_empty() || r.errors() > 0 {
            continue;
        }
        let conf = doc.conversion.corosync_conf(Lang::En);
        let rep = analyze(
            &[Input {
                path: "corosync.conf".into(),
                text: &conf,
            }],
            &Options::default(),
        );
        let errors: Vec<String> = rep
            .diagnostics
            .iter()
            .filter(|d| d.severity != Severity::Info)
            .map(|d| format!("{} {}", d.code, d.message.render(Lang::En)))
            .collect();
        assert!(
            errors.is_empty(),
            "{name}: corocheck finds {errors:?} in\n{conf}"
        );
    }
}

/// Real corosync 3.1.7 accepts every generated config. Node names do not resolve here, so the
/// test writes addresses for them (as the generated comment tells the administrator to), and
/// points the key and log file into a private directory.
#[test]
fn real_corosync_accepts_generated_configs() {
    assert!(Path::new(COROSYNC).exists(), "corosync is not installed");
    let root = std::env::temp_dir().join(format!("corocheck-cman-{}", std::process::id()));
    let mut tested = 0;
    for (name, text) in fixtures() {
        let r = run(&text);
        let Some(doc) = r.cman.first() else { continue };
        if doc.conversion.is_empty() || r.errors() > 0 {
            continue;
        }
        let d = root.join(&name);
        fs::create_dir_all(&d).unwrap();
        fs::write(d.join("authkey"), vec![7u8; 256]).unwrap();
        let mut conf = String::new();
        let mut n = 0;
        for line in doc.conversion.corosync_conf(Lang::En).lines() {
            let t = line.trim_start();
            let indent = &line[..line.len() - t.len()];
            if t.starts_with("ring0_addr:") || t.starts_with("ring1_addr:") {
                // Node 1 must be this host: corosync -t looks for its own address.
                let (link, host) = if t.starts_with("ring0") {
                    n += 1;
                    (0, n)
                } else {
                    (1, n)
                };
                conf.push_str(&format!(
                    "{indent}{} 127.0.{link}.{host}\n",
                    &t[..t.find(':').unwrap() + 1]
                ));
            } else if t.starts_with("logfile:") {
                conf.push_str(&format!("{indent}logfile: {}/corosync.log\n", d.display()));
            } else if t == "crypto_hash: sha256" {
                conf.push_str(line);
                conf.push('\n');
                conf.push_str(&format!("{indent}keyfile: {}/authkey\n", d.display()));
            } else {
                conf.push_str(line);
                conf.push('\n');
            }
        }
        let p = d.join("corosync.conf");
        fs::write(&p, &conf).unwrap();
        let run = corosync_t(&d, &p);
        assert!(
            run.status.accepted(),
            "{name}: corosync -t rejects the generated config ({}):\n{}\n{conf}",
            run.status.label(),
            run.text()
        );
        tested += 1;
    }
    let _ = fs::remove_dir_all(&root);
    assert!(tested >= 2);
}

#[test]
fn hostile_xml_is_linear_and_bounded() {
    // Deep nesting, closed and unclosed.
    let n = 100_000;
    let deep = format!(
        "<cluster name=\"d\" config_version=\"1\">{}{}</cluster>",
        "<rm>".repeat(n),
        "</rm>".repeat(n)
    );
    let t = Instant::now();
    let r = run(&deep);
    println!("100 000 nested <rm>: {:?}", t.elapsed());
    assert!(r.diagnostics.iter().any(|d| d.code == "M116"));
    let open = "<cluster><service>".repeat(n);
    let r = run(&open);
    assert!(r.diagnostics.iter().any(|d| d.code == "M001"));

    // Billion laughs: declared entities are never expanded, references are undefined.
    let mut dtd = String::from("<!DOCTYPE cluster [\n<!ENTITY l0 \"lol\">\n");
    for i in 1..10 {
        let prev = format!("&l{};", i - 1);
        dtd.push_str(&format!("<!ENTITY l{i} \"{}\">\n", prev.repeat(10)));
    }
    dtd.push_str("]>\n<cluster name=\"&l9;\" config_version=\"1\"/>\n");
    let r = run(&dtd);
    let doc = &r.cman[0];
    assert_eq!(doc.model.name.as_ref().unwrap().value, "&l9;");
    assert!(r.diagnostics.iter().any(|d| d.code == "M002"));
    assert!(r.diagnostics.iter().any(|d| d.code == "M001"));

    // Many attributes and many errors stay bounded.
    let attrs: String = (0..20_000).map(|i| format!(" a{i}=\"&x;\"")).collect();
    let r = run(&format!("<cluster{attrs}/>"));
    assert!(r.diagnostics.iter().filter(|d| d.code == "M001").count() <= 20);

    // Garbage never panics.
    for s in [
        "<",
        "<<>>",
        "<a b",
        "<a b=",
        "<a b='",
        "&",
        "<!DOCTYPE",
        "<![CDATA[",
        "<?",
        "</",
    ] {
        let _ = run(s);
    }
}

/// Every generated pcs script is valid shell, and quoting keeps odd values as one word.
#[test]
fn pcs_scripts_are_valid_shell() {
    let odd = "<cluster name=\"c\" config_version=\"1\"><clusternodes>\
        <clusternode name=\"a\" nodeid=\"1\"><fence><method name=\"1\"><device name=\"d\"/></method></fence></clusternode>\
        <clusternode name=\"b\" nodeid=\"2\"><fence><method name=\"1\"><device name=\"d\"/></method></fence></clusternode>\
        </clusternodes><fencedevices><fencedevice name=\"d\" agent=\"fence_ipmilan\" ipaddr=\"10.0.0.1\" passwd=\"it's $(rm -rf /) `x` ; &quot;\"/></fencedevices>\
        <rm><service name=\"s p\"><script name=\"x\" file=\"/etc/init.d/a b\"/></service></rm></cluster>";
    let mut texts: Vec<(String, String)> = fixtures();
    texts.push(("odd".into(), odd.into()));
    for (name, text) in texts {
        let r = run(&text);
        let Some(doc) = r.cman.first() else { continue };
        if doc.conversion.is_empty() {
            continue;
        }
        let script = doc.conversion.pcs_script(Lang::Ja);
        let out = Command::new("sh")
            .arg("-n")
            .arg("-c")
            .arg(&script)
            .output()
            .expect("run sh -n");
        assert!(
            out.status.success(),
            "{name}: {}\n{script}",
            String::from_utf8_lossy(&out.stderr)
        );
        if name == "odd" {
            // The password reaches pcs as one argument, unexpanded.
            let line = script
                .lines()
                .find(|l| l.starts_with("pcs stonith create"))
                .unwrap();
            let echo = line.replacen("pcs stonith create", "printf '%s\\n'", 1);
            let out = Command::new("sh").arg("-c").arg(&echo).output().unwrap();
            let args = String::from_utf8_lossy(&out.stdout);
            assert!(
                args.lines()
                    .any(|a| a == "password=it's $(rm -rf /) `x` ; \""),
                "{args}"
            );
        }
    }
}

/// "Who does what" follows what the cluster.conf configures: rgmanager services without
/// Pacemaker make a cman + rgmanager stack; a `fence_pcmk` redirect means Pacemaker on cman.
#[test]
fn roles_tell_rgmanager_from_pacemaker_on_cman() {
    use corocheck_core::stack::{self, Presence, StackKind};
    let presence = |roles: &stack::Roles, id: &str| {
        roles
            .components
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.presence)
    };
    let read = |name: &str| fs::read_to_string(dir().join(name)).expect("fixture");

    let rgm = read("rgmanager-3node.conf");
    let roles = stack::roles(&run(&rgm).facts);
    assert_eq!(roles.stack, Some(StackKind::CmanRgmanager));
    assert_eq!(presence(&roles, "rgmanager"), Some(Presence::InUse));
    assert_eq!(presence(&roles, "pacemaker"), Some(Presence::NotUsed));
    assert!(roles.headline.render(Lang::En).contains("rgmanager"));
    for c in &roles.components {
        for lang in [Lang::En, Lang::Ja] {
            let here = c.here.render(lang);
            assert!(!here.starts_with("stack."), "{}: no text for {here}", c.id);
        }
    }
    assert!(!roles.headline.render(Lang::En).contains("fence_pcmk"));

    let pcmk = read("rhel6-pcmk.conf");
    let roles = stack::roles(&run(&pcmk).facts);
    assert_eq!(roles.stack, Some(StackKind::Cman));
    assert_eq!(presence(&roles, "pacemaker"), Some(Presence::InUse));
    assert_eq!(presence(&roles, "rgmanager"), Some(Presence::NotUsed));

    // Both configured: Pacemaker is the stack, and rgmanager is flagged as in use beside it.
    let both = rgm.replacen(
        "<fencedevices>",
        "<fencedevices>\n    <fencedevice name=\"pcmk\" agent=\"fence_pcmk\"/>",
        1,
    );
    let roles = stack::roles(&run(&both).facts);
    assert_eq!(roles.stack, Some(StackKind::Cman));
    assert_eq!(presence(&roles, "rgmanager"), Some(Presence::InUse));
    let here = roles
        .components
        .iter()
        .find(|c| c.id == "rgmanager")
        .unwrap()
        .here
        .render(Lang::En);
    assert!(here.contains("Only one resource manager"), "{here}");
}
