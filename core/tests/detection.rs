//! What was pasted: documents, formats, versions and evidence, as a user pastes them.

use corocheck_core::detect::DocKind;
use corocheck_core::logs::LogFormat;
use corocheck_core::{Input, Options, Target, analyze};

fn kinds(path: &str, text: &str) -> Vec<DocKind> {
    let r = analyze(
        &[Input {
            path: path.into(),
            text,
        }],
        &Options::default(),
    );
    r.files[0]
        .documents
        .iter()
        .map(|d| d.kind)
        .filter(|k| *k != DocKind::Prose)
        .collect()
}

#[test]
fn config_then_log_lines() {
    let t = "totem {\n\tversion: 2\n\ttransport: knet\n}\nnodelist {\n\tnode {\n\t\tring0_addr: 10.0.0.1\n\t\tnodeid: 1\n\t}\n}\n\
             \n\
             Aug 26 16:20:37.512 [2345] node1 corosync info    [KNET  ] link: host: 2 link: 0 is down\n\
             Aug 26 16:20:39.871 [2345] node1 corosync notice  [TOTEM ] A new membership (1.2a) was formed. Members left: 2\n";
    let r = analyze(
        &[Input {
            path: "pasted".into(),
            text: t,
        }],
        &Options::default(),
    );
    let docs = &r.files[0].documents;
    assert_eq!(docs[0].kind, DocKind::CorosyncConf);
    assert_eq!(docs[0].target, Some(Target::major(3)), "knet means 3.x");
    assert!(!docs[0].evidence.is_empty());
    assert!(
        docs.iter()
            .any(|d| d.kind == DocKind::Log(LogFormat::Corosync23File)),
        "{docs:?}"
    );
    assert_eq!(r.records.len(), 2);
}

#[test]
fn each_common_log_format_is_detected() {
    let cases: &[(&str, LogFormat)] = &[
        (
            "Aug 26 16:20:37 corosync [TOTEM ] A processor failed, forming new configuration.",
            LogFormat::Corosync1File,
        ),
        (
            "Aug 26 16:20:37 node1 corosync[2345]:   [TOTEM ] A processor failed, forming new configuration.",
            LogFormat::Syslog,
        ),
        (
            "Aug 26 16:20:37 [2345] node1 corosync notice  [TOTEM ] A new membership (192.168.10.11:1284) was formed. Members left: 2",
            LogFormat::Corosync23File,
        ),
        (
            "2024-08-26T16:20:37+0200 node1 corosync[2345]:   [QUORUM] Members[1]: 1",
            LogFormat::SyslogIso,
        ),
        (
            "Aug 26 16:20:37.123456 node1 corosync[2345]:   [QUORUM] Members[1]: 1",
            LogFormat::JournalPrecise,
        ),
        (
            "Aug 26 16:20:40 [2360] node1       crmd:   notice: do_state_transition: State transition S_IDLE -> S_POLICY_ENGINE",
            LogFormat::Pacemaker11Detail,
        ),
        (
            "Aug 26 16:20:41 node1 pacemaker-controld  [2365] (do_state_transition)  notice: State transition S_IDLE -> S_POLICY_ENGINE",
            LogFormat::Pacemaker2Detail,
        ),
    ];
    for (line, want) in cases {
        let text = format!("{line}\n{line}\n");
        let k = kinds("pasted", &text);
        assert!(k.contains(&DocKind::Log(*want)), "{line}: got {k:?}");
    }
}

#[test]
fn cluster_conf_pasted_with_logs() {
    let t = "<?xml version=\"1.0\"?>\n<cluster name=\"web\" config_version=\"4\">\n  <cman two_node=\"1\" expected_votes=\"1\"/>\n  <clusternodes>\n    <clusternode name=\"n1\" nodeid=\"1\"><fence><method name=\"pcmk-redirect\"><device name=\"pcmk\" port=\"n1\"/></method></fence></clusternode>\n    <clusternode name=\"n2\" nodeid=\"2\"/>\n  </clusternodes>\n  <fencedevices><fencedevice name=\"pcmk\" agent=\"fence_pcmk\"/></fencedevices>\n</cluster>\n\
             Aug 26 16:20:38 corosync [CMAN  ] quorum lost, blocking activity\n";
    let r = analyze(
        &[Input {
            path: "pasted".into(),
            text: t,
        }],
        &Options::default(),
    );
    let k: Vec<DocKind> = r.files[0].documents.iter().map(|d| d.kind).collect();
    assert_eq!(k[0], DocKind::ClusterConf, "{k:?}");
    assert!(k.iter().any(|k| matches!(k, DocKind::Log(_))), "{k:?}");
    let d = r
        .diagnostics
        .iter()
        .find(|d| d.code == "D003")
        .expect("D003");
    let m = d.message.render(corocheck_core::Lang::En);
    assert!(
        m.contains("`web`")
            && m.contains("2 nodes")
            && m.contains("fence_pcmk")
            && m.contains("not read"),
        "{m}"
    );
    assert_eq!(
        r.facts.stack(),
        Some(corocheck_core::stack::StackKind::Cman)
    );
}

#[test]
fn prose_around_a_config_is_not_checked() {
    let t = "Hello list,\n\nhere is my config:\n\ntotem {\n\tversion: 2\n}\n\nThanks, Koichi\n";
    let r = analyze(
        &[Input {
            path: "mail".into(),
            text: t,
        }],
        &Options::default(),
    );
    assert!(
        r.diagnostics.iter().all(|d| d.code != "E006"),
        "prose is not a config error: {:?}",
        r.diagnostics.iter().map(|d| d.code).collect::<Vec<_>>()
    );
    assert!(
        r.files[0]
            .documents
            .iter()
            .any(|d| d.kind == DocKind::CorosyncConf)
    );
}

#[test]
fn glued_log_records_without_config() {
    let t = "see below Aug 26 16:20:37 node1 corosync[2345]: [TOTEM ] A processor failed, forming new configuration. Aug 26 16:20:38 node1 corosync[2345]: [QUORUM] Members[1]: 1 and then nothing worked";
    let r = analyze(
        &[Input {
            path: "pasted".into(),
            text: t,
        }],
        &Options::default(),
    );
    assert_eq!(r.records.len(), 2, "{:?}", r.files[0].documents);
    assert!(r.diagnostics.iter().any(|d| d.code == "D004"));
    for rec in &r.records {
        assert!(t[rec.span().start..rec.span().end].starts_with("Aug 26"));
    }
}

#[test]
fn version_guesses() {
    let guess = |t: &str| {
        let r = analyze(
            &[Input {
                path: "pasted".into(),
                text: t,
            }],
            &Options::default(),
        );
        r.files[0]
            .documents
            .iter()
            .find(|d| d.kind.is_config())
            .and_then(|d| d.target)
    };
    assert_eq!(
        guess(
            "totem {\n\tversion: 2\n\trrp_mode: passive\n}\nnodelist {\n\tnode {\n\t\tring0_addr: a\n\t}\n}\n"
        ),
        Some(Target::major(2))
    );
    assert_eq!(
        guess("compatibility: whitetank\ntotem {\n\tversion: 2\n}\n"),
        Some(Target::major(1))
    );
    assert_eq!(
        guess("totem {\n\tversion: 2\n\tlink_mode: passive\n}\n"),
        Some(Target::major(3))
    );
}
