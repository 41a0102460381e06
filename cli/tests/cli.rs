//! The command line as a user runs it: exit status, formats, languages, stdin, bad files.

use std::io::Write;
use std::process::{Command, Stdio};

fn corocheck(args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_corocheck"));
    cmd.args(args)
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    cmd.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    })
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("run corocheck");
    if let Some(s) = stdin {
        child.stdin.take().unwrap().write_all(s.as_bytes()).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

fn tmp(name: &str, content: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("corocheck-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, content).unwrap();
    p.to_string_lossy().into()
}

const GOOD3: &str = "totem {\n\tversion: 2\n\tcluster_name: c\n\ttransport: knet\n}\nnodelist {\n\tnode {\n\t\tring0_addr: 10.0.0.1\n\t\tname: a\n\t\tnodeid: 1\n\t}\n}\nquorum {\n\tprovider: corosync_votequorum\n}\n";
const BROKEN: &str = "totem {\n\tversion: 2\n\ttoken = 3000\n";
const PCMK: &str =
    "service {\n\t# Load the Pacemaker Cluster Resource Manager\n\tname: pacemaker\n\tver: 0\n}\n";

#[test]
fn exit_status_zero_one_two() {
    let good = tmp("good.conf", GOOD3.as_bytes());
    let (rc, out, _) = corocheck(&["check", "--target-version", "3", &good], None);
    assert_eq!(rc, 0, "{out}");
    let bad = tmp("bad.conf", BROKEN.as_bytes());
    let (rc, out, _) = corocheck(&["check", "--target-version", "3", &bad], None);
    assert_eq!(rc, 1, "{out}");
    assert!(
        out.contains("error[E006]") && out.contains("error[E001]"),
        "{out}"
    );
    let (rc, _, err) = corocheck(&["check", "--target-version", "9", &good], None);
    assert_eq!(rc, 2);
    assert!(err.contains("--target-version"));
    let (rc, _, _) = corocheck(&["check", "--format", "yaml", &good], None);
    assert_eq!(rc, 2);
    let (rc, _, _) = corocheck(&["frobnicate"], None);
    assert_eq!(rc, 2);
}

#[test]
fn rustc_style_text() {
    let bad = tmp("style.conf", BROKEN.as_bytes());
    let (_, out, _) = corocheck(&["check", "--target-version", "3", &bad], None);
    // path:line:column, the source line, a marker under the span, help.
    assert!(out.contains(&format!("--> {bad}:3:2")), "{out}");
    assert!(
        out.contains("3 | \ttoken = 3000") || out.contains("3 |  token = 3000"),
        "{out}"
    );
    assert!(out.contains("^^^^^^^^^^^^"), "{out}");
    assert!(out.contains("= help: "), "{out}");
}

#[test]
fn unreadable_file_is_reported_and_others_still_checked() {
    let bad = tmp("still.conf", BROKEN.as_bytes());
    let (rc, out, err) = corocheck(
        &[
            "check",
            "/nonexistent/corosync.conf",
            &bad,
            "--target-version",
            "3",
        ],
        None,
    );
    assert_eq!(rc, 2, "I/O problems win over findings");
    assert!(err.contains("/nonexistent/corosync.conf"), "{err}");
    assert!(
        out.contains("E006"),
        "the readable file was still checked: {out}"
    );
}

#[test]
fn stdin_and_json_contract() {
    let (rc, out, _) = corocheck(
        &["check", "--format", "json", "--target-version", "3", "-"],
        Some(BROKEN),
    );
    assert_eq!(rc, 1);
    let v: serde_json::Value = serde_json::from_str(&out).expect("one JSON object");
    let diags = v["diagnostics"].as_array().unwrap();
    assert!(!diags.is_empty());
    for d in diags {
        for k in [
            "code",
            "severity",
            "path",
            "line",
            "column",
            "end_line",
            "end_column",
            "message",
            "help",
            "explanation",
        ] {
            assert!(d.get(k).is_some(), "diagnostic lacks {k}: {d}");
        }
        assert!(["error", "warning", "info"].contains(&d["severity"].as_str().unwrap()));
        assert_eq!(d["path"], "<stdin>");
        assert!(d["line"].as_u64().unwrap() >= 1 && d["column"].as_u64().unwrap() >= 1);
    }
    let e006 = diags.iter().find(|d| d["code"] == "E006").unwrap();
    assert_eq!(
        (e006["line"].as_u64(), e006["column"].as_u64()),
        (Some(3), Some(2))
    );
    assert_eq!(
        (e006["end_line"].as_u64(), e006["end_column"].as_u64()),
        (Some(3), Some(14))
    );
    assert!(v["summary"]["errors"].as_u64().unwrap() >= 2);
}

#[test]
fn japanese_output() {
    let f = tmp("pcmk", PCMK.as_bytes());
    let (_, out, _) = corocheck(&["check", "--lang", "ja", &f], None);
    assert!(
        out.contains("[C501]") && out.contains("プラグイン"),
        "{out}"
    );
    let (_, out, _) = corocheck(&["check", "--format", "json", "--lang", "ja", &f], None);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let c501 = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "C501")
        .expect("C501");
    let m = c501["message"].as_str().unwrap();
    assert!(m.contains("デーモン") && m.ends_with("。"), "{m}");
    // LANG picks the language when --lang is absent.
    let out = Command::new(env!("CARGO_BIN_EXE_corocheck"))
        .args(["check", &f])
        .env("LANG", "ja_JP.UTF-8")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("プラグイン"));
}

#[test]
fn invalid_utf8_and_binary_files() {
    let f = tmp(
        "sjis.conf",
        b"totem {\n\tversion: 2\n\t# \x93\xfa\x96\x7b\n}\n",
    );
    let (_, out, _) = corocheck(&["check", "--format", "json", &f], None);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let d = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "D002")
        .expect("D002");
    assert_eq!(d["line"].as_u64(), Some(3));
    let blob: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 32) as u8).collect();
    let b = tmp("blob.gz", &blob);
    let (rc, out, _) = corocheck(&["check", &b], None);
    assert_eq!(rc, 1);
    assert!(out.contains("D001"), "{out}");
}

#[test]
fn explain_and_rules() {
    let (rc, out, _) = corocheck(&["explain", "C501"], None);
    assert_eq!(rc, 0);
    for h in [
        "## What it does",
        "## Why is this bad?",
        "## Example",
        "## Fix",
        "## References",
    ] {
        assert!(out.contains(h), "{h} missing");
    }
    let (rc, out, _) = corocheck(&["explain", "--lang", "ja", "E003"], None);
    assert_eq!(rc, 0);
    assert!(out.contains("## 何をするか"));
    let (rc, _, _) = corocheck(&["explain", "Z999"], None);
    assert_eq!(rc, 2);
    let (rc, out, _) = corocheck(&["rules"], None);
    assert_eq!(rc, 0);
    assert!(out.lines().count() >= 20 && out.contains("C501") && out.contains("E001"));
}

#[test]
fn readme_lists_every_code() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md")).unwrap();
    let (_, out, _) = corocheck(&["rules"], None);
    let missing: Vec<&str> = out
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|code| !readme.contains(&format!("`{code}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "README lacks {missing:?}: paste `corocheck rules --markdown` between the codes markers"
    );
}

fn fixture(name: &str) -> String {
    format!(
        "{}/../tests/fixtures/cman/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn check_cluster_conf_shows_summary_and_json() {
    let f = fixture("rgmanager-3node.conf");
    let (code, out, _) = corocheck(&["check", &f], None);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("Cluster `prodha`, config_version 42"), "{out}");
    assert!(out.contains("quorum is 2 votes"), "{out}");
    let (_, out, _) = corocheck(&["check", "--format", "json", &f], None);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let c = &v["cluster_conf"][0];
    assert!(c["summary"][0].as_str().unwrap().contains("prodha"));
    assert!(
        c["corosync_conf"]
            .as_str()
            .unwrap()
            .contains("cluster_name: prodha")
    );
    assert!(
        c["pcs_script"]
            .as_str()
            .unwrap()
            .contains("pcs cluster setup prodha")
    );

    let (code, out, _) = corocheck(&["check", &fixture("broken-pcmk.conf")], None);
    assert_eq!(code, 1);
    assert!(out.contains("warning[M115]"), "{out}");
    assert!(out.contains("error[M104]"), "{out}");
}

#[test]
fn convert_prints_writes_and_fails_cleanly() {
    let f = fixture("rhel6-pcmk.conf");
    let (code, out, _) = corocheck(&["convert", &f], None);
    assert_eq!(code, 0);
    let golden = std::fs::read_to_string(fixture("rhel6-pcmk.corosync.conf")).unwrap();
    assert!(out.contains(&golden), "{out}");
    assert!(out.contains("pcs cluster setup webcluster"));

    let (code, out, _) = corocheck(
        &["convert", "--format", "json", "-"],
        Some(&std::fs::read_to_string(&f).unwrap()),
    );
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["corosync_conf"].as_str().unwrap(), golden);

    let dir = std::env::temp_dir().join(format!("corocheck-conv-{}", std::process::id()));
    let d = dir.to_string_lossy().to_string();
    let (code, _, _) = corocheck(
        &[
            "convert",
            "--output-dir",
            &d,
            &fixture("rgmanager-3node.conf"),
        ],
        None,
    );
    assert_eq!(code, 0);
    let pcs = std::fs::read_to_string(dir.join("pcs-commands.sh")).unwrap();
    assert_eq!(
        pcs,
        std::fs::read_to_string(fixture("rgmanager-3node.pcs.sh")).unwrap()
    );
    assert!(dir.join("corosync.conf").exists());
    let _ = std::fs::remove_dir_all(&dir);

    // Errors in cluster.conf: still converted, findings on stderr, exit 1.
    let (code, out, err) = corocheck(&["convert", &fixture("broken-core.conf")], None);
    assert_eq!(code, 1);
    assert!(out.contains("nodelist {"));
    assert!(err.contains("[M109]"), "{err}");

    // Not a cluster.conf: nothing to convert.
    let (code, _, err) = corocheck(&["convert", "-"], Some(GOOD3));
    assert_eq!(code, 2);
    assert!(err.contains("no CMAN cluster.conf"), "{err}");
}

#[test]
fn rules_json_has_every_rule_docs_in_both_languages() {
    let (code, out, _) = corocheck(&["rules", "--json"], None);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("one JSON object");
    let obj = v.as_object().expect("an object keyed by code");
    let all = corocheck_core::rules::all_meta();
    let kb = corocheck_core::logs::kb::entries();
    assert_eq!(obj.len(), all.len() + kb.len());
    for e in kb {
        let r = &obj[e.code.as_str()];
        assert_eq!(r["name"], e.id.as_str());
        for lang in ["en", "ja"] {
            let md = r[lang].as_str().unwrap();
            assert!(
                md.contains("\n## ") && md.contains("```text\n"),
                "{} {lang}",
                e.code
            );
        }
    }
    for m in all {
        let r = &obj[m.code];
        assert_eq!(r["name"], m.name);
        assert!(
            r["en"].as_str().unwrap().starts_with("## What it does"),
            "{}",
            m.code
        );
        assert!(
            r["ja"].as_str().unwrap().starts_with("## 何をするか"),
            "{}",
            m.code
        );
    }
}

/// A file under tests/fixtures/.
fn fixture_path(rel: &str) -> String {
    format!("{}/../tests/fixtures/{rel}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn several_node_configs_are_compared() {
    let a = fixture_path("cluster/token-nodeid/node1.conf");
    let b = fixture_path("cluster/token-nodeid/node2.conf");
    let (rc, out, _) = corocheck(&["check", "--format", "json", &a, &b], None);
    assert_eq!(rc, 1, "the nodeid conflict is an error: {out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let diags = v["diagnostics"].as_array().unwrap();
    let c804 = diags.iter().find(|d| d["code"] == "C804").expect("C804");
    assert_eq!(c804["path"], b.as_str());
    assert_eq!(c804["line"], 19);
    assert_eq!(c804["related"][0]["path"], a.as_str());
    assert_eq!(c804["related"][0]["line"], 19);
    let msg = c804["message"].as_str().unwrap();
    assert!(
        msg.contains("`nodeid: 3`") && msg.contains("`nodeid: 2`"),
        "{msg}"
    );
    assert!(diags.iter().any(|d| d["code"] == "C801" && d["line"] == 5));
    // One file alone: nothing to compare.
    let (rc, out, _) = corocheck(&["check", "--format", "json", &b], None);
    assert_eq!(rc, 0, "{out}");
    assert!(!out.contains("\"C80"));
}

#[test]
fn profile_flag_turns_on_trento_checks() {
    let conf = fixture_path("trento/sap-azure.conf");
    let (_, out, _) = corocheck(&["check", &conf], None);
    assert!(!out.contains("[T1"), "{out}");
    let (_, out, _) = corocheck(&["check", "--profile", "trento-gcp", &conf], None);
    assert!(
        out.contains("warning[T101]") && out.contains("156F64"),
        "{out}"
    );
    assert!(out.contains("`20000`"), "{out}");
    let (_, out, _) = corocheck(&["check", "--profile", "trento-azure", &conf], None);
    assert!(!out.contains("[T1"), "{out}");
    let (rc, _, err) = corocheck(&["check", "--profile", "trento-mars", &conf], None);
    assert_eq!(rc, 2);
    assert!(err.contains("--profile"), "{err}");
}

#[test]
fn migration_plan_in_text_and_json() {
    let conf = fixture_path("migrate/rhel7-udpu.conf");
    let (_, out, _) = corocheck(&["check", "--target-version", "3", &conf], None);
    assert!(out.contains("from corosync 2.x to 3.x"), "{out}");
    assert!(out.contains("`link_mode: passive`"), "{out}");
    let (_, out, _) = corocheck(
        &["check", "--format", "json", "--target-version", "3", &conf],
        None,
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let m = &v["migrations"][0];
    assert_eq!(m["from"], "2.x");
    assert_eq!(m["to"], "3.x");
    assert_eq!(m["steps"].as_array().unwrap().len(), 8);
    // Checked for its own series, there is nothing to migrate.
    let (_, out, _) = corocheck(
        &["check", "--format", "json", "--target-version", "2", &conf],
        None,
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["migrations"].as_array().unwrap().len(), 0);
}

/// A 3.x config whose only errors have fixes: E004 (`}}`), E006 (`=`), C603 (quoted), with
/// CRLF line endings that must survive.
const FIXABLE: &str = "totem {\r\n\tversion: 2\r\n\tcluster_name: c\r\n\ttransport: knet\r\n\tcrypto_cipher: \"aes256\"\r\n\tcrypto_hash: sha256\r\n}\r\nnodelist {\r\n\tnode {\r\n\t\tring0_addr: 10.0.0.1\r\n\t\tname: a\r\n\t\tnodeid: 1\r\n}}\r\nquorum {\r\n\tprovider = corosync_votequorum\r\n}\r\n";
const FIXED: &str = "totem {\r\n\tversion: 2\r\n\tcluster_name: c\r\n\ttransport: knet\r\n\tcrypto_cipher: aes256\r\n\tcrypto_hash: sha256\r\n}\r\nnodelist {\r\n\tnode {\r\n\t\tring0_addr: 10.0.0.1\r\n\t\tname: a\r\n\t\tnodeid: 1\r\n\t}\r\n}\r\nquorum {\r\n\tprovider: corosync_votequorum\r\n}\r\n";

#[test]
fn diff_shows_the_fixes_and_writes_nothing() {
    let f = tmp("diff.conf", FIXABLE.as_bytes());
    let (rc, out, _) = corocheck(&["check", "--target-version", "3", "--diff", &f], None);
    assert_eq!(rc, 1, "the file still has its errors: {out}");
    assert!(out.starts_with(&format!("--- {f}\n+++ {f}\n@@ ")), "{out}");
    assert!(
        out.contains("-\tcrypto_cipher: \"aes256\"\r\n+\tcrypto_cipher: aes256\r\n"),
        "{out}"
    );
    assert!(out.contains("-}}\r\n+\t}\r\n+}\r\n"), "{out}");
    assert!(
        !out.contains("error["),
        "--diff prints only the diff: {out}"
    );
    assert_eq!(std::fs::read_to_string(&f).unwrap(), FIXABLE);
    assert!(!std::path::Path::new(&format!("{f}.orig")).exists());
}

#[test]
fn fix_writes_the_file_and_keeps_a_backup() {
    let f = tmp("fixme.conf", FIXABLE.as_bytes());
    let backup = format!("{f}.orig");
    let _ = std::fs::remove_file(&backup);
    let (rc, out, err) = corocheck(&["check", "--target-version", "3", "--fix", &f], None);
    assert_eq!(rc, 0, "nothing left after fixing: {out}{err}");
    assert!(err.contains(&format!("fixed 3 findings in {f}")), "{err}");
    assert_eq!(std::fs::read_to_string(&f).unwrap(), FIXED);
    assert_eq!(std::fs::read_to_string(&backup).unwrap(), FIXABLE);
    // Fixing again changes nothing and does not touch the backup.
    let (rc, _, err) = corocheck(&["check", "--target-version", "3", "--fix", &f], None);
    assert_eq!(rc, 0);
    assert!(!err.contains("fixed"), "{err}");
    // A new problem with an old backup in place: refused, file untouched, exit 2.
    std::fs::write(&f, FIXABLE).unwrap();
    std::fs::write(&backup, "older backup").unwrap();
    let (rc, _, err) = corocheck(&["check", "--target-version", "3", "--fix", &f], None);
    assert_eq!(rc, 2, "{err}");
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(std::fs::read_to_string(&f).unwrap(), FIXABLE);
    assert_eq!(std::fs::read_to_string(&backup).unwrap(), "older backup");
    // --force replaces the backup.
    let (rc, _, _) = corocheck(
        &["check", "--target-version", "3", "--fix", "--force", &f],
        None,
    );
    assert_eq!(rc, 0);
    assert_eq!(std::fs::read_to_string(&f).unwrap(), FIXED);
    assert_eq!(std::fs::read_to_string(&backup).unwrap(), FIXABLE);
}

#[test]
fn fix_never_rewrites_stdin_and_reports_what_remains() {
    let (rc, out, err) = corocheck(
        &["check", "--target-version", "3", "--fix", "-"],
        Some(FIXABLE),
    );
    assert_eq!(rc, 1, "stdin keeps its errors: {out}");
    assert!(err.contains("standard input is never rewritten"), "{err}");
    assert!(out.contains("error[E004]"), "{out}");
    // An unfixable error stays and sets the exit status after --fix.
    let f = tmp("half.conf", format!("{FIXABLE}junk line\r\n").as_bytes());
    let _ = std::fs::remove_file(format!("{f}.orig"));
    let (rc, out, _) = corocheck(&["check", "--target-version", "3", "--fix", &f], None);
    assert_eq!(rc, 1, "{out}");
    assert!(
        out.contains("error[E006]") && !out.contains("error[E004]"),
        "{out}"
    );
}

#[test]
fn json_carries_the_fix() {
    let (_, out, _) = corocheck(
        &["check", "--format", "json", "--target-version", "3", "-"],
        Some(FIXABLE),
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let d = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "C603")
        .expect("C603");
    assert_eq!(d["fix"]["title"], "write `aes256` instead of `\"aes256\"`");
    let e = &d["fix"]["edits"][0];
    assert_eq!(
        (e["line"].as_u64(), e["column"].as_u64()),
        (Some(5), Some(17))
    );
    assert_eq!(e["replacement"], "aes256");
    let start = e["start"].as_u64().unwrap() as usize;
    let end = e["end"].as_u64().unwrap() as usize;
    assert_eq!(&FIXABLE[start..end], "\"aes256\"");
    let unfixable = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .all(|d| d.get("fix").is_some());
    assert!(unfixable, "every finding has a `fix` key (null when none)");
}

/// Output cut short (`corocheck … | head -1`) ends the program quietly, never with a panic.
#[test]
fn a_closed_pipe_is_not_a_panic() {
    for args in [
        &["text", "ja"][..],
        &["explain", "C501"],
        &["explain", "L001"],
        &["rules", "--json"],
        &["rules"],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_corocheck"))
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run corocheck");
        // Close the read end before the program writes.
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("wait");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

/// The page's text files: one language each, every line `key<TAB>text`.
#[test]
fn text_packs_for_the_page() {
    let (code, en, _) = corocheck(&["text", "en"], None);
    assert_eq!(code, 0);
    assert!(en.starts_with("corocheck-text en\n"));
    assert!(en.lines().skip(1).all(|l| l.contains('\t')));
    assert!(en.contains("\nui.title\t"));
    let (_, ja, _) = corocheck(&["text", "ja"], None);
    assert!(ja.starts_with("corocheck-text ja\n"));
    assert_eq!(en.lines().count(), ja.lines().count());
    let (code, logs, _) = corocheck(&["text", "ja", "--part", "logs"], None);
    assert_eq!(code, 0);
    assert!(logs.starts_with("corocheck-logs ja\n"));
    assert!(logs.contains("\nkb.pcmk-plugin-unsupported.summary\t"));
    assert!(!en.contains("\nkb."));
    let (code, cman, _) = corocheck(&["text", "en", "--part", "cman"], None);
    assert_eq!(code, 0);
    assert!(cman.starts_with("corocheck-cman en\n") && cman.contains("\nM101.message\t"));
    assert!(!en.contains("\nM101."));
    let (code, _, err) = corocheck(&["text", "fr"], None);
    assert_eq!(code, 2);
    assert!(err.contains("expected en or ja"));
    let (code, _, err) = corocheck(&["text", "en", "--part", "kb"], None);
    assert_eq!(code, 2);
    assert!(err.contains("text, logs, cman or trento"));
}

#[test]
fn a_file_over_the_limit_is_named_and_read_only_up_to_it() {
    // A sparse file of 8 GiB: read whole, the test would take minutes and 8 GiB of memory.
    let dir = std::env::temp_dir().join(format!("corocheck-big-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("huge.log");
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(8 << 30).unwrap();
    let p = path.to_string_lossy().to_string();
    let (code, _, err) = corocheck(&["check", &p], None);
    std::fs::remove_dir_all(&dir).ok();
    assert!(
        err.contains(&format!("corocheck: {p}: 8192.0 MiB is more than corocheck analyses; only the first 256 MiB were read")),
        "{err}"
    );
    assert_eq!(code, 1, "NUL bytes: binary input (D001) is an error");
}

#[test]
fn repeated_findings_are_counted_exactly() {
    let conf = format!("totem {{\n{}}}\n", "\ttoken: 3000\n".repeat(250));
    let (_, out, _) = corocheck(&["check", "--format", "json", "-"], Some(&conf));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let d = v["diagnostics"].as_array().unwrap();
    let c607 = d.iter().filter(|d| d["code"] == "C607").count();
    let d007: Vec<_> = d.iter().filter(|d| d["code"] == "D007").collect();
    assert_eq!(c607, 100);
    assert_eq!(d007.len(), 1);
    assert!(
        d007[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("149 more C607"),
        "{}",
        d007[0]
    );
    assert_eq!(d007[0]["line"], 102, "at the first duplicate not listed");
    let others = d
        .iter()
        .filter(|d| d["severity"] == "warning" && d["code"] != "C607" && d["code"] != "D007")
        .count();
    assert_eq!(
        v["summary"]["warnings"],
        249 + others,
        "the summary counts every finding"
    );
}

/// Terminal columns count cells: Japanese labels take two each, and the incident timeline's
/// columns and the carets under a source line stay aligned after them.
#[test]
fn japanese_output_lines_up_by_terminal_cells() {
    let dir = format!(
        "{}/../tests/fixtures/logs/incidents/fencing",
        env!("CARGO_MANIFEST_DIR")
    );
    let (_, out, _) = corocheck(
        &[
            "check",
            "--lang",
            "ja",
            &format!("{dir}/node1.log"),
            &format!("{dir}/node2.log"),
        ],
        None,
    );
    let cell = |c: char| if (c as u32) >= 0x2E80 { 2 } else { 1 };
    // The code column (`L1xx`, `L6xx`, ...) starts at the same cell on every step line.
    let starts: Vec<usize> = out
        .lines()
        .filter(|l| l.contains("node1.log:") || l.contains("node2.log:"))
        .filter_map(|l| {
            let at = l.find(" L")?;
            Some(l[..at].chars().map(cell).sum())
        })
        .collect();
    assert!(starts.len() >= 5, "{out}");
    assert!(starts.iter().all(|&s| s == starts[0]), "{starts:?}\n{out}");
    assert!(out.contains("メンバーシップ"), "{out}");
    // Carets under a value written in fullwidth digits cover its four characters: 8 cells.
    let (_, out, _) = corocheck(
        &["check", "--lang", "ja", "-"],
        Some("totem {\n  version: 2\n  token: ５０００\n}\n"),
    );
    let src = out
        .lines()
        .position(|l| l.starts_with("3 |") && l.contains("token: ５０００"))
        .expect(&out);
    let carets = out.lines().nth(src + 1).unwrap();
    let col = carets.find('^').expect(carets);
    assert_eq!(carets.matches('^').count(), 8, "{out}");
    let line = out.lines().nth(src).unwrap();
    let before: usize = line[..line.find('５').unwrap()].chars().map(cell).sum();
    assert_eq!(
        carets[..col].chars().map(cell).sum::<usize>(),
        before,
        "{out}"
    );
}

/// `--jobs`: a log over 8 MiB (two parts of 4 MiB, the smallest a thread is given) gives the
/// same JSON read by one thread or by several, beside a second file; `--jobs 0` is a usage error.
#[test]
fn jobs_do_not_change_the_report() {
    let dir = format!("{}/../tests/fixtures/logs", env!("CARGO_MANIFEST_DIR"));
    let mut logs: Vec<Vec<u8>> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_file())
        .map(|e| std::fs::read(e.path()).unwrap())
        .collect();
    logs.sort();
    let mut big = Vec::new();
    while big.len() < 9 << 20 {
        for l in &logs {
            big.extend_from_slice(l);
        }
    }
    let big = tmp("jobs-big.log", &big);
    let small = tmp("jobs-small.log", &logs[0]);
    let (code1, one, _) = corocheck(
        &["check", "--format", "json", "--jobs", "1", &big, &small],
        None,
    );
    let (code4, four, _) = corocheck(
        &["check", "--format", "json", "-j", "4", &big, &small],
        None,
    );
    assert_eq!(code1, code4);
    assert!(
        one.len() > 1_000_000 && one.contains("\"records\""),
        "{}",
        one.len()
    );
    assert!(one == four, "--jobs 1 and --jobs 4 differ");
    let (code, _, err) = corocheck(&["check", "--jobs", "0", &small], None);
    assert_eq!(code, 2, "{err}");
}
