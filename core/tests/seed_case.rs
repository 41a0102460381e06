//! The founding case (shared/samples/seed-case): CentOS 6.6, corosync 1.4.7, pacemaker 1.1.12,
//! `service { name: pacemaker ver: 0 }` in /etc/corosync/service.d/pcmk, and the two plugin
//! lines in corosync.log. Given as files, and as the mail-archive text with lost line breaks.

use corocheck_core::stack::{self, Presence, StackKind};
use corocheck_core::{Diagnostic, Input, Lang, Options, Report, Severity, analyze};
use std::path::PathBuf;

fn seed_dir() -> PathBuf {
    match std::env::var_os("SEED_CASE_DIR") {
        Some(d) => PathBuf::from(d),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/samples/seed-case"),
    }
}

fn read(name: &str) -> String {
    let p = seed_dir().join(name);
    std::fs::read_to_string(&p).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (set SEED_CASE_DIR to shared/samples/seed-case)",
            p.display()
        )
    })
}

fn pos(r: &Report, inputs: &[Input], d: &Diagnostic) -> (usize, usize) {
    r.files[d.file]
        .lines
        .line_col(inputs[d.file].text, d.span.start)
}

#[test]
fn fragment_and_log_files() {
    let (frag, log) = (read("service.d-pcmk"), read("corosync.log"));
    let inputs = [
        Input {
            path: "/etc/corosync/service.d/pcmk".into(),
            text: &frag,
        },
        Input {
            path: "corosync.log".into(),
            text: &log,
        },
    ];
    let r = analyze(&inputs, &Options::default());

    let c501: Vec<&Diagnostic> = r.diagnostics.iter().filter(|d| d.code == "C501").collect();
    assert_eq!(c501.len(), 1, "{:#?}", r.diagnostics);
    let d = c501[0];
    assert_eq!(
        (d.file, pos(&r, &inputs, d)),
        (0, (4, 2)),
        "on the `ver: 0` line"
    );
    assert_eq!(&frag[d.span.start..d.span.end], "ver: 0");
    // The RHEL 6 notice in the log tells us the distribution: unsupported, so an error.
    assert_eq!(d.severity, Severity::Error);
    let en = d.message.render(Lang::En);
    assert!(en.contains("not support"), "{en}");
    let ja = d.message.render(Lang::Ja);
    assert!(ja.contains("サポートされていません"), "{ja}");

    // Both log lines recognised, on their own lines, tied to the config line.
    let logs: Vec<&Diagnostic> = r.diagnostics.iter().filter(|d| d.file == 1).collect();
    assert_eq!(logs.len(), 2, "{:#?}", logs);
    for (i, l) in logs.iter().enumerate() {
        assert!(l.code.starts_with("L0"), "{}", l.code);
        assert_eq!(pos(&r, &inputs, l).0, i + 1);
        assert!(
            l.related.iter().any(|x| x.file == 0 && x.span == d.span),
            "log line {} not tied to the config line",
            i + 1
        );
        assert!(
            d.related.iter().any(|x| x.file == 1 && x.span == l.span),
            "config line not tied to log line {}",
            i + 1
        );
        let ex = l
            .explanation
            .as_ref()
            .map(|e| e.render(Lang::En))
            .unwrap_or_default();
        assert!(!ex.is_empty() && !ex.starts_with("kb."), "{ex}");
    }
    assert_eq!(r.facts.stack(), Some(StackKind::Plugin0));
}

#[test]
fn main_config_plus_fragment() {
    let (conf, frag) = (read("corosync.conf"), read("service.d-pcmk"));
    let inputs = [
        Input {
            path: "corosync.conf".into(),
            text: &conf,
        },
        Input {
            path: "service.d/pcmk".into(),
            text: &frag,
        },
    ];
    let r = analyze(&inputs, &Options::default());
    // A working CentOS 6 config: nothing wrong in it for corosync 1.x.
    let bad: Vec<_> = r
        .diagnostics
        .iter()
        .filter(|d| d.file == 0 && d.severity == Severity::Error)
        .collect();
    assert!(bad.is_empty(), "{bad:#?}");
    assert_eq!(
        r.files[0].documents[0].target.map(|t| t.major_num()),
        Some(1)
    );
    assert!(
        r.diagnostics
            .iter()
            .any(|d| d.file == 1 && d.code == "C501")
    );
    // The config's own comment names the versions and the OS.
    assert_eq!(
        r.facts.corosync.as_ref().map(|f| f.value.to_string()),
        Some("1.4.7".into())
    );
    assert!(r.facts.distro.as_ref().is_some_and(|d| d.value.major == 6));
}

#[test]
fn whole_question_as_archived() {
    let q = read("question.txt");
    let inputs = [Input {
        path: "pasted".into(),
        text: &q,
    }];
    let r = analyze(&inputs, &Options::default());

    // Versions and OS from the prose.
    assert_eq!(
        r.facts.corosync.as_ref().map(|f| f.value.to_string()),
        Some("1.4.7".into())
    );
    assert_eq!(
        r.facts.pacemaker.as_ref().map(|f| f.value.to_string()),
        Some("1.1.12".into())
    );
    assert_eq!(
        r.facts.distro.as_ref().map(|f| f.value.to_string()),
        Some("CentOS 6.6".into())
    );

    // The glued `service { … ver: 0 }` was rebuilt and the finding points into the original.
    let d = r
        .diagnostics
        .iter()
        .find(|d| d.code == "C501")
        .expect("C501 on the glued ver: 0");
    assert_eq!(&q[d.span.start..d.span.end], "ver: 0");
    assert_eq!(d.severity, Severity::Error);
    assert!(
        r.diagnostics.iter().any(|d| d.code == "D004"),
        "line breaks restored is reported"
    );

    // Both glued log records recognised, at their place in the original text.
    let logs: Vec<&Diagnostic> = r
        .diagnostics
        .iter()
        .filter(|d| d.code.starts_with("L0"))
        .collect();
    assert_eq!(logs.len(), 2, "{:#?}", r.diagnostics);
    assert!(
        q[logs[0].span.start..logs[0].span.end]
            .contains("You have configured a cluster using the Pacemaker plugin")
    );
    assert!(
        q[logs[1].span.start..logs[1].span.end].contains("Chapter 8 of 'Clusters from Scratch'")
    );
    assert!(
        !q[logs[1].span.start..logs[1].span.end].contains('■'),
        "record stops before the prose"
    );
    for l in &logs {
        assert!(l.related.iter().any(|x| x.span == d.span));
    }

    // Who does what, for this stack.
    let roles = stack::roles(&r.facts);
    assert_eq!(roles.stack, Some(StackKind::Plugin0));
    let ids: Vec<&str> = roles.components.iter().map(|c| c.id).collect();
    for id in [
        "corosync",
        "pacemaker",
        "cman",
        "plugin",
        "openais",
        "votequorum",
    ] {
        assert!(ids.contains(&id), "{id} missing from roles");
    }
    let cman = roles.components.iter().find(|c| c.id == "cman").unwrap();
    assert_eq!(cman.presence, Presence::Recommended);
    assert!(roles.choices[0].recommended && roles.choices[0].id == "cman");
    assert!(
        roles.choices.iter().any(|c| c.id == "mcp")
            && roles.choices.iter().any(|c| c.id == "corosync2")
    );
    for lang in [Lang::En, Lang::Ja] {
        let h = roles.headline.render(lang);
        assert!(
            h.contains("1.4.7") && h.contains("1.1.12") && h.contains("CentOS 6.6"),
            "{h}"
        );
        for c in &roles.components {
            for m in [&c.role, &c.reads, &c.here] {
                let s = m.render(lang);
                assert!(
                    !s.is_empty() && !s.starts_with("stack."),
                    "untranslated {s}"
                );
            }
        }
    }
}
