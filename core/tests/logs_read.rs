//! Log readers: one fixture per format (tests/fixtures/logs/), the founding case (a log file
//! and the mail-archive text whose line breaks were lost), diagnostics, and pathological input.

use corocheck_core::diagnostic::{Severity, Span};
use corocheck_core::logs::{self, LogFormat, Record};
use corocheck_core::text::LineIndex;

use LogFormat::*;

/// The founding case is read from `shared/samples/seed-case/` beside the repository (or
/// `SEED_CASE_DIR`), not copied into it: it is a user's real mail.
fn seed(name: &str) -> String {
    let dir = std::env::var("SEED_CASE_DIR").unwrap_or_else(|_| {
        format!(
            "{}/../../shared/samples/seed-case",
            env!("CARGO_MANIFEST_DIR")
        )
    });
    let path = format!("{dir}/{name}");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e} (set SEED_CASE_DIR)"))
}

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/../tests/fixtures/logs/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn read_all(text: &str) -> Vec<Record> {
    logs::read(text, Span::new(0, text.len()), 0)
}

/// The fields of a record as strings, for one-line comparisons.
type View<'a> = (
    LogFormat,
    Option<&'a str>, // timestamp
    Option<&'a str>, // host
    Option<&'a str>, // daemon
    Option<&'a str>, // subsystem
    Option<&'a str>, // level
    &'a str,         // message
    Option<&'a str>, // KB id
);

fn view<'a>(text: &'a str, r: &'a Record) -> View<'a> {
    (
        r.format,
        logs::field(text, r.timestamp),
        logs::field(text, r.host),
        logs::field(text, r.daemon),
        logs::field(text, r.subsystem),
        logs::field(text, r.level),
        &text[r.message().start..r.message().end],
        r.kb.map(|e| e.id.as_str()),
    )
}

fn function<'a>(text: &'a str, r: &Record) -> Option<&'a str> {
    r.function.get().map(|s| &text[s.start..s.end])
}

fn detail<'a>(text: &'a str, r: &Record) -> Option<&'a str> {
    r.detail.get().map(|s| &text[s.start..s.end])
}

/// Every record lies on its own line and inside the text.
fn spans_are_sane(text: &str, recs: &[Record]) {
    for r in recs {
        assert!(
            r.span().start <= r.message().start
                && r.message().end <= r.span().end
                && r.span().end <= text.len(),
            "{r:?}"
        );
        assert!(text.is_char_boundary(r.message().start) && text.is_char_boundary(r.message().end));
        assert!(!r.glued, "ordinary log line read as glued: {r:?}");
    }
}

#[test]
fn corosync1_logfile() {
    let t = fixture("corosync1-file.log");
    let r = read_all(&t);
    spans_are_sane(&t, &r);
    assert_eq!(r.len(), 11);
    assert!(r.iter().all(|r| r.format == Corosync1File
        && logs::field(&t, r.daemon) == Some("corosync")
        && r.host.is_none()));
    assert_eq!(
        view(&t, &r[0]),
        (
            Corosync1File,
            Some("Aug 26 16:20:30"),
            None,
            Some("corosync"),
            Some("MAIN"),
            None,
            "Corosync Cluster Engine ('1.4.7'): started and ready to provide service.",
            Some("corosync-started")
        )
    );
    assert_eq!(view(&t, &r[3]).4, Some("pcmk"));
    assert_eq!(view(&t, &r[3]).5, Some("ERROR"));
    assert_eq!(function(&t, &r[3]), Some("process_ais_conf"));
    assert_eq!(view(&t, &r[3]).7, Some("pcmk-plugin-unsupported"));
    assert_eq!(
        view(&t, &r[4]).6,
        "Please see Chapter 8 of 'Clusters from Scratch' (http://www.clusterlabs.org/doc) for details on using Pacemaker with CMAN"
    );
    assert_eq!(view(&t, &r[4]).7, Some("pcmk-plugin-see-cfs-ch8"));
    assert_eq!(
        (view(&t, &r[5]).5, view(&t, &r[5]).6, view(&t, &r[5]).7),
        (Some("info"), "CRM: Initialized", None)
    );
    // Space-padded and zero-padded days.
    assert_eq!(view(&t, &r[6]).1, Some("Aug  6 16:20:38"));
    assert_eq!(view(&t, &r[6]).7, Some("totem-processor-failed"));
    assert_eq!(view(&t, &r[7]).1, Some("Aug 06 16:20:38"));
    assert_eq!(view(&t, &r[7]).7, Some("quorum-members"));
    assert_eq!(view(&t, &r[8]).4, Some("CMAN"));
    assert_eq!(view(&t, &r[8]).7, Some("cman-quorum-lost"));
    // `fileline: on` puts `file.c:line` before the message.
    assert_eq!(
        view(&t, &r[9]).6,
        "A processor joined or left the membership and a new membership was formed."
    );
    assert_eq!(view(&t, &r[9]).7, Some("totem-membership-1x"));
    assert_eq!(function(&t, &r[10]), Some("pcmk_peer_update"));
    assert_eq!(view(&t, &r[10]).5, Some("notice"));
}

#[test]
fn corosync1_and_cman_syslog() {
    let t = fixture("corosync1-syslog.log");
    let r = read_all(&t);
    spans_are_sane(&t, &r);
    assert_eq!(r.len(), 8);
    assert!(
        r.iter()
            .all(|r| r.format == Syslog && logs::field(&t, r.host) == Some("node1"))
    );
    assert_eq!(
        view(&t, &r[0]),
        (
            Syslog,
            Some("Aug 26 16:20:37"),
            Some("node1"),
            Some("corosync"),
            Some("TOTEM"),
            None,
            "A processor failed, forming new configuration.",
            Some("totem-processor-failed")
        )
    );
    assert_eq!(r[0].pid, Some(2345));
    assert_eq!(
        view(&t, &r[1]),
        (
            Syslog,
            Some("Aug 26 16:20:38"),
            Some("node1"),
            Some("corosync"),
            Some("pcmk"),
            Some("info"),
            "Node 2/node2 is now: lost",
            Some("pcmk-plugin-node-lost")
        )
    );
    assert_eq!(view(&t, &r[2]).7, Some("cman-quorum-regained"));
    assert_eq!(
        view(&t, &r[3]),
        (
            Syslog,
            Some("Aug 26 16:20:40"),
            Some("node1"),
            Some("fenced"),
            None,
            None,
            "fencing node node2",
            Some("fenced-fencing-node")
        )
    );
    assert_eq!(view(&t, &r[4]).7, Some("fenced-agent-error"));
    assert_eq!(view(&t, &r[5]).7, Some("fenced-fence-failed"));
    assert_eq!(
        view(&t, &r[6]),
        (
            Syslog,
            Some("Aug 26 16:20:44"),
            Some("node1"),
            Some("kernel"),
            None,
            None,
            "dlm: closing connection to node 2",
            None
        )
    );
    assert_eq!(r[6].pid, None);
    assert_eq!(view(&t, &r[7]).3, Some("rsyslogd-2177"));
}

#[test]
fn corosync2_logfile_with_and_without_timestamp() {
    let t = fixture("corosync2-file.log");
    let r = read_all(&t);
    spans_are_sane(&t, &r);
    assert_eq!(r.len(), 6);
    assert!(r.iter().all(|r| r.format == Corosync23File));
    assert_eq!(
        view(&t, &r[0]),
        (
            Corosync23File,
            Some("Aug 26 16:20:37"),
            Some("node1"),
            Some("corosync"),
            Some("TOTEM"),
            Some("notice"),
            "A new membership (192.168.10.11:1284) was formed. Members left: 2",
            Some("totem-membership-2x")
        )
    );
    assert_eq!(view(&t, &r[1]).7, Some("quorum-lost"));
    assert_eq!(
        (view(&t, &r[2]).5, view(&t, &r[2]).7),
        (Some("warning"), Some("main-not-scheduled"))
    );
    // No timestamp: `corosync` and the priority are glued.
    assert_eq!(
        view(&t, &r[3]),
        (
            Corosync23File,
            None,
            Some("node1"),
            Some("corosync"),
            Some("TOTEM"),
            Some("notice"),
            "A processor failed, forming new configuration.",
            Some("totem-processor-failed")
        )
    );
    assert_eq!(r[3].pid, Some(2345));
    assert_eq!(
        (view(&t, &r[4]).2, view(&t, &r[4]).5, view(&t, &r[4]).7),
        (
            Some("node1.example.com"),
            Some("error"),
            Some("config-no-interfaces")
        )
    );
    assert_eq!(view(&t, &r[5]).7, Some("votequorum-wait-for-all"));
}

#[test]
fn corosync3_logfile_hires_and_knet() {
    let t = fixture("corosync3-file.log");
    let r = read_all(&t);
    spans_are_sane(&t, &r);
    assert_eq!(r.len(), 7);
    assert_eq!(
        view(&t, &r[1]),
        (
            Corosync23File,
            Some("Aug 26 16:20:37.512"),
            Some("node1.example.com"),
            Some("corosync"),
            Some("KNET"),
            Some("info"),
            "link: host: 2 link: 0 is down",
            Some("knet-link-down")
        )
    );
    let ids: Vec<_> = r.iter().map(|r| r.kb.map(|e| e.id.as_str())).collect();
    assert_eq!(
        ids,
        [
            Some("corosync-started"),
            Some("knet-link-down"),
            Some("knet-host-no-active-links"),
            Some("totem-membership-3x"),
            Some("quorum-sync-members"),
            Some("knet-link-up"),
            Some("knet-crypto-digest-mismatch"),
        ]
    );
}

#[test]
fn rsyslog_traditional_with_pacemaker_and_cl_log_payloads() {
    let t = fixture("syslog-rsyslog.log");
    let r = read_all(&t);
    spans_are_sane(&t, &r);
    assert_eq!(r.len(), 8);
    assert!(r.iter().all(|r| r.format == Syslog));
    // corosync's stderr copy in the journal/syslog: priority word before the subsystem.
    assert_eq!(
        view(&t, &r[0]),
        (
            Syslog,
            Some("Feb  1 15:57:00"),
            Some("ha-node1"),
            Some("corosync"),
            Some("MAIN"),
            Some("error"),
            "parse error in config: No interfaces defined",
            Some("config-no-interfaces")
        )
    );
    assert_eq!(view(&t, &r[1]).3, Some("systemd"));
    assert_eq!(
        view(&t, &r[2]),
        (
            Syslog,
            Some("Aug 26 16:20:37"),
            Some("node1"),
            Some("pacemaker-fenced"),
            None,
            Some("notice"),
            "Operation 'reboot' targeting node2 by node1 for pacemaker-controld.2410@node1: OK (complete)",
            Some("fencing-op-succeeded")
        )
    );
    assert_eq!(
        view(&t, &r[3]).6,
        "State transition S_IDLE -> S_POLICY_ENGINE"
    );
    assert_eq!(function(&t, &r[3]), None);
    // rsyslog's repeat wrapper is removed.
    assert_eq!(
        (view(&t, &r[4]).4, view(&t, &r[4]).6, view(&t, &r[4]).7),
        (
            Some("TOTEM"),
            "Retransmit List: 7c9a61",
            Some("totem-retransmit-list")
        )
    );
    // cl_log through syslog: `crmd: [PID]: level: function: msg`.
    assert_eq!(
        (r[5].pid, view(&t, &r[5]).5, function(&t, &r[5])),
        (Some(2410), Some("info"), Some("do_state_transition"))
    );
    assert!(
        view(&t, &r[5])
            .6
            .starts_with("State transition S_IDLE -> S_POLICY_ENGINE [ input=I_PE_CALC")
    );
    // Pacemaker 1.1.8–1.1.13 syslog: `prio: function: msg`.
    assert_eq!(function(&t, &r[6]), Some("do_state_transition"));
    assert_eq!(
        (function(&t, &r[7]), view(&t, &r[7]).7),
        (Some("unpack_rsc_op_failure"), Some("op-failed-recorded"))
    );
}

#[test]
fn rsyslog_high_precision_iso() {
    let t = fixture("syslog-iso.log");
    let r = read_all(&t);
    spans_are_sane(&t, &r);
    assert_eq!(r.len(), 3);
    assert!(r.iter().all(|r| r.format == SyslogIso));
    assert_eq!(view(&t, &r[0]).1, Some("2019-05-06T09:27:51.183498+02:00"));
    assert_eq!(view(&t, &r[0]).7, Some("totem-processor-failed"));
    assert_eq!(
        (view(&t, &r[1]).5, view(&t, &r[1]).7),
        (Some("warning"), Some("pacemaker-quorum-lost"))
    );
    assert_eq!(view(&t, &r[2]).1, Some("2019-05-06T09:27:53Z"));
}

#[test]
fn journalctl_modes() {
    let t = fixture("journal-short.log");
    let r = read_all(&t);
    spans_are_sane(&t, &r);
    // The `-- Logs begin …` and `-- Reboot --` lines are not records.
    assert_eq!(r.len(), 3);
    assert_eq!(
        view(&t, &r[0]),
        (
            Syslog,
            Some("Jul 07 06:30:28"),
            Some("virt2"),
            Some("corosync"),
            Some("TOTEM"),
            None,
            "Retransmit List: 7c9a61",
            Some("totem-retransmit-list")
        )
    );
    assert_eq!(view(&t, &r[1]).7, Some("knet-link-down"));

    let t = fixture("journal-short-iso.log");
    let r = read_all(&t);
    spans_are_sane(&t, &r);
    assert_eq!(r.len(), 3);
    assert!(r.iter().all(|r| r.format == SyslogIso));
    assert_eq!(view(&t, &r[1]).1, Some("2024-08-26T16:20:37+0200"));
    assert_eq!(view(&t, &r[2]).7, Some("node-will-be-fenced"));

    let t = fixture("journal-short-precise.log");
    let r = read_all(&t);
    spans_are_sane(&t, &r);
    assert_eq!(r.len(), 2);
    assert!(r.iter().all(|r| r.format == JournalPrecise));
    assert_eq!(view(&t, &r[0]).1, Some("Aug 26 16:20:37.123456"));
    assert_eq!(view(&t, &r[0]).7, Some("fencing-op-succeeded"));
    assert_eq!(view(&t, &r[1]).7, Some("totem-membership-3x"));

    let t = fixture("journal-short-full.log");
    let r = read_all(&t);
    assert_eq!(r.len(), 1);
    assert_eq!(
        (r[0].format, view(&t, &r[0]).1, view(&t, &r[0]).7),
        (
            JournalFull,
            Some("Mon 2024-08-26 16:20:37 CEST"),
            Some("quorum-lost")
        )
    );

    let t = fixture("journal-short-monotonic.log");
    let r = read_all(&t);
    assert_eq!(r.len(), 1);
    assert_eq!(
        (r[0].format, view(&t, &r[0]).1, view(&t, &r[0]).7),
        (
            JournalMonotonic,
            Some("[ 1234.567890]"),
            Some("totem-token-not-received")
        )
    );
}

#[test]
fn pacemaker_1_1_detail_log() {
    let t = fixture("pacemaker11-detail.log");
    let r = read_all(&t);
    spans_are_sane(&t, &r);
    assert_eq!(r.len(), 5);
    assert!(
        r.iter()
            .all(|r| r.format == Pacemaker11Detail && logs::field(&t, r.host) == Some("node1"))
    );
    assert_eq!(
        view(&t, &r[0]),
        (
            Pacemaker11Detail,
            Some("Aug 26 16:20:37"),
            Some("node1"),
            Some("crmd"),
            None,
            Some("notice"),
            "State transition S_IDLE -> S_POLICY_ENGINE [ input=I_PE_CALC cause=C_FSA_INTERNAL origin=abort_transition_graph ]",
            Some("controller-state-transition")
        )
    );
    assert_eq!(
        (r[0].pid, function(&t, &r[0])),
        (Some(2410), Some("do_state_transition"))
    );
    assert_eq!(
        (view(&t, &r[1]).3, view(&t, &r[1]).5, view(&t, &r[1]).7),
        (Some("pengine"), Some("warning"), Some("op-failed-recorded"))
    );
    assert_eq!(
        (view(&t, &r[2]).3, view(&t, &r[2]).7),
        (Some("stonith-ng"), Some("fencing-op-succeeded"))
    );
    // 1.1.15+: extended detail after ` | ` is not part of the message.
    assert_eq!(
        view(&t, &r[3]).6,
        "Result of monitor operation for p_ip on node1: 7 (not running)"
    );
    assert_eq!(
        detail(&t, &r[3]),
        Some("call=24 key=p_ip_monitor_10000 confirmed=false cib-update=54")
    );
    assert_eq!(view(&t, &r[3]).7, Some("op-result-failed"));
    // Tracing format `(file:line tag)` before the priority.
    assert_eq!(
        (function(&t, &r[4]), view(&t, &r[4]).7),
        (Some("pe_fence_node"), Some("node-will-be-fenced"))
    );
}

#[test]
fn pacemaker_2_detail_log() {
    let t = fixture("pacemaker2-detail.log");
    let r = read_all(&t);
    spans_are_sane(&t, &r);
    assert_eq!(r.len(), 4);
    assert!(r.iter().all(|r| r.format == Pacemaker2Detail));
    assert_eq!(
        view(&t, &r[0]),
        (
            Pacemaker2Detail,
            Some("Aug 26 16:20:37"),
            Some("node1"),
            Some("pacemaker-controld"),
            None,
            Some("notice"),
            "State transition S_IDLE -> S_POLICY_ENGINE",
            Some("controller-state-transition")
        )
    );
    assert_eq!(
        detail(&t, &r[0]),
        Some("input=I_PE_CALC cause=C_FSA_INTERNAL origin=abort_transition_graph")
    );
    assert_eq!(function(&t, &r[0]), Some("do_state_transition"));
    assert_eq!(
        (view(&t, &r[1]).1, view(&t, &r[1]).2, view(&t, &r[1]).5),
        (
            Some("Jul 30 09:26:32.234"),
            Some("hv97.partdp.ir"),
            Some("error")
        )
    );
    assert_eq!(
        view(&t, &r[1]).6,
        "Result of monitor operation for c_exportfs_exp1 on hv97: Timed Out after 20s (Resource agent did not complete within 20s)"
    );
    assert_eq!(view(&t, &r[1]).7, Some("op-timed-out"));
    // Trace format `(function@file:line)`, daemon glued to `[PID]`.
    assert_eq!(
        (view(&t, &r[2]).3, function(&t, &r[2]), view(&t, &r[2]).7),
        (
            Some("pacemaker-schedulerd"),
            Some("unpack_resources"),
            Some("no-stonith-resources")
        )
    );
    assert_eq!(r[2].pid, Some(14764));
    assert_eq!(view(&t, &r[3]).7, Some("failcount-updated"));
}

#[test]
fn openais_file_and_syslog() {
    let t = fixture("openais.log");
    let r = read_all(&t);
    spans_are_sane(&t, &r);
    assert_eq!(r.len(), 4);
    assert_eq!(
        view(&t, &r[0]),
        (
            Openais,
            Some("Aug 26 16:20:37.123456"),
            None,
            None,
            Some("TOTEM"),
            None,
            "The token was lost in the OPERATIONAL state.",
            Some("totem-token-lost")
        )
    );
    // `%e %k`: space-padded day and hour.
    assert_eq!(
        (r[1].format, view(&t, &r[1]).1, view(&t, &r[1]).4),
        (Openais, Some("Aug  6  9:05:03.123456"), Some("CLM"))
    );
    assert_eq!(view(&t, &r[1]).7, Some("openais-clm-config-change"));
    assert_eq!(
        (r[2].format, view(&t, &r[2]).3, view(&t, &r[2]).6),
        (Syslog, Some("openais"), "Members Left:")
    );
}

#[test]
fn rhel6_logthread_files() {
    let t = fixture("cman-logthread.log");
    let r = read_all(&t);
    spans_are_sane(&t, &r);
    assert_eq!(r.len(), 4);
    assert!(r.iter().all(|r| r.format == Logthread));
    assert_eq!(
        view(&t, &r[0]),
        (
            Logthread,
            Some("Aug 26 16:20:40"),
            None,
            Some("fenced"),
            None,
            None,
            "fencing node node2",
            Some("fenced-fencing-node")
        )
    );
    assert_eq!(view(&t, &r[1]).7, Some("fenced-fence-success"));
    assert_eq!(
        (view(&t, &r[2]).3, view(&t, &r[2]).7),
        (Some("dlm_controld"), Some("cluster-down-exiting"))
    );
    assert_eq!(view(&t, &r[3]).3, Some("gfs_controld"));
}

#[test]
fn heartbeat_cl_log_file() {
    let t = fixture("heartbeat-cl_log.log");
    let r = read_all(&t);
    spans_are_sane(&t, &r);
    assert_eq!(r.len(), 3);
    assert!(r.iter().all(|r| r.format == ClLog));
    assert_eq!(
        view(&t, &r[0]),
        (
            ClLog,
            Some("2011/08/26_16:20:37"),
            None,
            Some("heartbeat"),
            None,
            Some("WARN"),
            "node node2: is dead",
            Some("heartbeat-node-dead")
        )
    );
    assert_eq!(
        (view(&t, &r[1]).3, function(&t, &r[1]), view(&t, &r[1]).6),
        (
            Some("crmd"),
            Some("do_state_transition"),
            "State transition S_IDLE -> S_POLICY_ENGINE"
        )
    );
    // Heartbeat's own messages keep their first word.
    assert_eq!(view(&t, &r[2]).6, "Link node2:eth1 dead.");
}

#[test]
fn foreground_stderr_of_corosync_and_qdevice() {
    let t = fixture("stderr.log");
    let r = read_all(&t);
    spans_are_sane(&t, &r);
    assert_eq!(r.len(), 4);
    assert!(r.iter().all(|r| r.format == Stderr));
    assert_eq!(
        view(&t, &r[0]),
        (
            Stderr,
            Some("Aug 26 16:20:37"),
            None,
            None,
            Some("MAIN"),
            Some("notice"),
            "Corosync Cluster Engine 3.1.7 starting up",
            Some("corosync-started")
        )
    );
    assert_eq!(view(&t, &r[1]).7, Some("config-no-local-node-name"));
    assert_eq!(
        view(&t, &r[2]),
        (
            Stderr,
            Some("Nov 11 20:39:45"),
            None,
            None,
            None,
            Some("debug"),
            "Cast vote timer is now paused.",
            None
        )
    );
    assert_eq!(view(&t, &r[3]).7, Some("qdevice-cannot-connect"));

    let t = fixture("qdevice-syslog.log");
    let r = read_all(&t);
    spans_are_sane(&t, &r);
    assert_eq!(r.len(), 3);
    assert_eq!(
        (view(&t, &r[0]).3, view(&t, &r[0]).7),
        (Some("corosync-qdevice"), Some("qdevice-cannot-connect"))
    );
    assert_eq!(view(&t, &r[1]).7, Some("qdevice-no-echo-reply"));
    assert_eq!(view(&t, &r[2]).3, Some("corosync-qnetd"));
}

#[test]
fn collapsed_spaces_read_the_same() {
    let t = fixture("collapsed-spaces.log");
    let r = read_all(&t);
    spans_are_sane(&t, &r);
    assert_eq!(r.len(), 4);
    assert_eq!(
        view(&t, &r[0]),
        (
            Corosync1File,
            Some("Aug 26 16:20:37"),
            None,
            Some("corosync"),
            Some("pcmk"),
            Some("ERROR"),
            "You have configured a cluster using the Pacemaker plugin for Corosync. The plugin is not supported in this environment and will be removed very soon.",
            Some("pcmk-plugin-unsupported")
        )
    );
    assert_eq!(
        (r[1].format, view(&t, &r[1]).1, view(&t, &r[1]).7),
        (
            Syslog,
            Some("Aug 6 16:20:38"),
            Some("totem-processor-failed")
        )
    );
    assert_eq!(
        (r[2].format, view(&t, &r[2]).5, view(&t, &r[2]).7),
        (Corosync23File, Some("notice"), Some("quorum-members"))
    );
    assert_eq!(
        (r[3].format, view(&t, &r[3]).3, view(&t, &r[3]).6),
        (
            Pacemaker2Detail,
            Some("pacemaker-controld"),
            "State transition S_IDLE -> S_POLICY_ENGINE"
        )
    );
}

#[test]
fn detect_line_names_the_format() {
    let cases: [(&str, Option<LogFormat>); 12] = [
        (
            "Aug 26 16:20:37 corosync [pcmk  ] ERROR: process_ais_conf: x",
            Some(Corosync1File),
        ),
        ("  Aug 26 16:20:37 corosync [TOTEM ] x", Some(Corosync1File)),
        (
            "[2345] node1 corosyncnotice  [TOTEM ] x",
            Some(Corosync23File),
        ),
        (
            "Aug 26 16:20:37 node1 corosync[2345]:   [TOTEM ] x",
            Some(Syslog),
        ),
        (
            "2024-08-26T16:20:37+02:00 node1 corosync[2345]: x",
            Some(SyslogIso),
        ),
        (
            "Aug 26 16:20:37.123456 node1 corosync[2345]: x",
            Some(JournalPrecise),
        ),
        (
            "Aug 26 16:20:37 [2410] node1       crmd:   notice: f: x",
            Some(Pacemaker11Detail),
        ),
        ("heartbeat[1987]: 2011/08/26_16:20:37 WARN: x", Some(ClLog)),
        ("-- Logs begin at Mon 2024-08-26 10:00:01 CEST. --", None),
        ("totem {", None),
        ("Aug 26 16:20:37", None),
        ("", None),
    ];
    for (line, want) in cases {
        assert_eq!(logs::detect_line(line), want, "{line:?}");
    }
}

const PLUGIN_1: &str = "You have configured a cluster using the Pacemaker plugin for Corosync. The plugin is not supported in this environment and will be removed very soon.";
const PLUGIN_2: &str = "Please see Chapter 8 of 'Clusters from Scratch' (http://www.clusterlabs.org/doc) for details on using Pacemaker with CMAN";

#[test]
fn seed_case_corosync_log() {
    let t = seed("corosync.log");
    let r = read_all(&t);
    spans_are_sane(&t, &r);
    assert_eq!(r.len(), 2);
    for rec in &r {
        assert_eq!(
            (
                rec.format,
                logs::field(&t, rec.subsystem),
                logs::field(&t, rec.level)
            ),
            (Corosync1File, Some("pcmk"), Some("ERROR"))
        );
        assert_eq!(function(&t, rec), Some("process_ais_conf"));
    }
    assert_eq!(
        (view(&t, &r[0]).6, view(&t, &r[0]).7),
        (PLUGIN_1, Some("pcmk-plugin-unsupported"))
    );
    assert_eq!(
        (view(&t, &r[1]).6, view(&t, &r[1]).7),
        (PLUGIN_2, Some("pcmk-plugin-see-cfs-ch8"))
    );
}

#[test]
fn seed_case_glued_question() {
    let t = seed("question.txt");
    let long = t.lines().max_by_key(|l| l.len()).unwrap();
    let base = long.as_ptr() as usize - t.as_ptr() as usize;
    let starts = logs::record_starts(long);
    assert_eq!(starts.len(), 2, "{starts:?}");
    for s in &starts {
        assert!(
            long[*s..].starts_with("Aug 26 16:20:37 corosync [pcmk ] ERROR: process_ais_conf:"),
            "{}",
            &long[*s..*s + 60]
        );
    }
    assert!(
        logs::record_starts(t.lines().next().unwrap()).is_empty(),
        "the date header is not a record"
    );

    let r = read_all(&t);
    assert_eq!(r.len(), 2, "{r:#?}");
    assert_eq!(r[0].span().start, base + starts[0]);
    assert_eq!(r[1].span().start, base + starts[1]);
    for rec in &r {
        assert!(rec.glued);
        assert_eq!(
            (
                rec.format,
                logs::field(&t, rec.subsystem),
                logs::field(&t, rec.level)
            ),
            (Corosync1File, Some("pcmk"), Some("ERROR"))
        );
    }
    assert_eq!(
        (view(&t, &r[0]).6, view(&t, &r[0]).7),
        (PLUGIN_1, Some("pcmk-plugin-unsupported"))
    );
    assert_eq!(
        (view(&t, &r[1]).6, view(&t, &r[1]).7),
        (PLUGIN_2, Some("pcmk-plugin-see-cfs-ch8"))
    );
    // The second record stops before the Japanese text that follows it.
    let after = &t[r[1].span().end..];
    assert!(
        after.trim_start().starts_with("■マニュアル抜粋"),
        "{}",
        &after[..40.min(after.len())]
    );
    // The first one stops where the second starts.
    assert!(r[0].span().end <= r[1].span().start);
    assert!(t[r[0].span().end..r[1].span().start].trim().is_empty());
}

#[test]
fn glued_records_end_before_prose() {
    // English prose after a glued record: the message ends where its template match ends.
    let t = "log: Aug 26 16:20:43 node1 fenced[2100]: fence node2 failed and then it retried. Aug 26 16:20:45 node1 fenced[2100]: fence node2 success";
    let r = read_all(t);
    assert_eq!(r.len(), 2);
    assert_eq!(
        (
            &t[r[0].message().start..r[0].message().end],
            view(t, &r[0]).7
        ),
        ("fence node2 failed", Some("fenced-fence-failed"))
    );
    assert_eq!(
        (
            &t[r[1].message().start..r[1].message().end],
            view(t, &r[1]).7
        ),
        ("fence node2 success", Some("fenced-fence-success"))
    );
    // An unknown message in a glued line still stops at the first non-ASCII character.
    let t = "ログ Aug 26 16:20:43 node1 kernel: dlm: closing connection to node 2です。";
    let r = read_all(t);
    assert_eq!(r.len(), 1);
    assert_eq!(
        &t[r[0].message().start..r[0].message().end],
        "dlm: closing connection to node 2"
    );
    // In an ordinary line non-ASCII text is part of the message.
    let t = "Aug 26 16:20:43 node1 kernel: café";
    let r = read_all(t);
    assert_eq!(&t[r[0].message().start..r[0].message().end], "café");
    assert!(!r[0].glued);
}

#[test]
fn read_respects_the_range_and_gives_absolute_spans() {
    let head = "corosync.conf:\ntotem {\n}\n";
    let log = "Aug 26 16:20:37 corosync [TOTEM ] A processor failed, forming new configuration.\n";
    let t = format!(
        "{head}{log}Aug 26 16:20:38 corosync [TOTEM ] A processor failed, forming new configuration.\n"
    );
    let r = logs::read(&t, Span::new(head.len(), head.len() + log.len()), 3);
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].file(), 3);
    assert_eq!(r[0].span().start, head.len());
    assert_eq!(
        &t[r[0].message().start..r[0].message().end],
        "A processor failed, forming new configuration."
    );
    // Out-of-range and mid-character ranges are clamped, not a panic.
    let t = "é Aug 26 16:20:37 corosync [TOTEM ] x";
    let _ = logs::read(t, Span::new(1, 1000), 0);
    let _ = logs::read(t, Span::new(50, 10), 0);
}

#[test]
fn crlf_and_cr_line_ends() {
    let t = "Aug 26 16:20:37 corosync [TOTEM ] A processor failed, forming new configuration.\r\nAug 26 16:20:38 corosync [QUORUM] Members[1]: 1\rAug 26 16:20:39 corosync [QUORUM] Members[2]: 1 2\r\n";
    let r = read_all(t);
    assert_eq!(r.len(), 3);
    assert_eq!(
        &t[r[0].message().start..r[0].message().end],
        "A processor failed, forming new configuration."
    );
    assert_eq!(
        &t[r[2].message().start..r[2].message().end],
        "Members[2]: 1 2"
    );
    assert!(r.iter().all(|r| !r.glued));
}

#[test]
fn diagnose_points_at_the_message() {
    let t = seed("corosync.log");
    let r = read_all(&t);
    let d = logs::diagnose(&r, &t);
    assert_eq!(d.len(), 2);
    let idx = LineIndex::new(&t);
    assert_eq!(d[0].code, "L001");
    assert_eq!(d[0].severity, Severity::Warning);
    assert_eq!(d[0].span, r[0].message());
    let col = t.find("You have").unwrap() + 1;
    assert_eq!(idx.line_col(&t, d[0].span.start), (1, col));
    assert_eq!(col, 60);
    assert_eq!(d[0].message.key, "kb.pcmk-plugin-unsupported.summary");
    assert_eq!(
        d[0].help.as_ref().unwrap().key,
        "kb.pcmk-plugin-unsupported.action"
    );
    assert_eq!(
        d[0].explanation.as_ref().unwrap().key,
        "kb.pcmk-plugin-unsupported.meaning"
    );
    assert_eq!((d[1].code, d[1].severity), ("L002", Severity::Info));
    for lang in [corocheck_core::Lang::En, corocheck_core::Lang::Ja] {
        let s = d[0].message.render(lang);
        assert!(!s.starts_with("kb."), "{s}");
        assert!(!d[0].help.as_ref().unwrap().render(lang).starts_with("kb."));
    }
    // Unmatched records produce nothing.
    let t = "Aug 26 16:20:37 corosync [pcmk  ] info: pcmk_startup: CRM: Initialized\n";
    assert!(logs::diagnose(&read_all(t), t).is_empty());
}

fn print_elapsed(what: &str, start: std::time::Instant) {
    // A figure, not a verdict: speed is measured by `make bench-pathological`, where the
    // 1x/10x/100x curve shows whether a case is linear.
    println!("{what}: {:?}", start.elapsed());
}

#[test]
fn a_ten_megabyte_line_returns_promptly() {
    let start = std::time::Instant::now();
    // One record whose message is 10 MB.
    let mut t = String::from("Aug 26 16:20:37 corosync [TOTEM ] ");
    t.push_str(&"Retransmit List: 7c9a61 ".repeat(10 * 1024 * 1024 / 24));
    let r = read_all(&t);
    assert_eq!(r.len(), 1);
    assert!(r[0].kb.is_none(), "over-long messages are not matched");
    // Prose with many word boundaries and near-miss record starts (smaller: every candidate
    // runs the full nom prefix parser, which is slow in debug builds).
    let t = "Aug 26 corosync [pcmk ] [2345] a[1]: Mon 2024-08-26 x ".repeat(2 * 1024 * 1024 / 56);
    assert!(t.len() > 2_000_000);
    assert!(read_all(&t).is_empty());
    assert!(logs::record_starts(&t).is_empty());
    // Many glued records on one line.
    let t = "Aug 26 16:20:43 node1 fenced[2100]: fence node2 failed ".repeat(2 * 1024 * 1024 / 55);
    let n = t.len() / 55;
    assert_eq!(read_all(&t).len(), n);
    print_elapsed("long lines", start);
}

#[test]
fn random_bytes_do_not_panic() {
    // A simple xorshift generator: deterministic, no dependency.
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut bytes = Vec::with_capacity(2 * 1024 * 1024);
    for _ in 0..bytes.capacity() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        bytes.push((x >> 24) as u8);
    }
    let start = std::time::Instant::now();
    let t = String::from_utf8_lossy(&bytes);
    let r = read_all(&t);
    let _ = logs::diagnose(&r, &t);
    for line in t.lines().take(1000) {
        let _ = logs::detect_line(line);
        let _ = logs::record_starts(line);
    }
    // Log-like alphabet: digits, months, brackets and blanks make many near-misses.
    let alphabet = b"Aug 26 1:0[]pcmk corosync:\t\n.-|";
    let noisy: String = bytes
        .iter()
        .map(|b| alphabet[*b as usize % alphabet.len()] as char)
        .collect();
    let r = read_all(&noisy);
    let _ = logs::diagnose(&r, &noisy);
    print_elapsed("random input", start);
}

#[test]
fn a_large_log_is_read_whole() {
    let lines = [
        "Aug 26 16:20:37 node1 corosync[2345]:   [TOTEM ] A processor failed, forming new configuration.\n",
        "Aug 26 16:20:37.512 [2345] node1 corosync info    [KNET  ] link: host: 2 link: 0 is down\n",
        "Aug 26 16:20:37 node1 pacemaker-controld  [2410] (do_state_transition) \tnotice: State transition S_IDLE -> S_POLICY_ENGINE | input=I_PE_CALC\n",
        "Aug 26 16:20:37 node1 pacemaker-schedulerd[2409]:  warning: Unexpected result (not running) was recorded for monitor of p_ip on node2 at Aug 26 16:20:30 2024\n",
    ];
    let one: String = lines.concat();
    let small = one.repeat(1_000);
    let big = one.repeat(10_000);
    let t0 = std::time::Instant::now();
    let a = read_all(&small);
    let t1 = t0.elapsed();
    let t2 = std::time::Instant::now();
    let b = read_all(&big);
    let t3 = t2.elapsed();
    assert_eq!(a.len(), 4_000);
    assert_eq!(b.len(), 40_000);
    assert!(
        b.iter()
            .all(|r| !r.glued && r.kb.is_some() || r.format == Pacemaker2Detail)
    );
    println!("1x: {t1:?}, 10x: {t3:?}");
    print_elapsed("large log", t0);
}

#[test]
fn record_starts_skip_prefix_internals_and_find_every_glued_record() {
    // `[2345]` inside a corosync 3 prefix would start a timestamp-less record on its own.
    let l =
        "Aug 26 16:20:37.512 [2345] node1 corosync info    [KNET  ] link: host: 2 link: 0 is down";
    assert_eq!(logs::record_starts(l), [0]);
    let l = "x Aug 26 16:20:37 corosync [TOTEM ] a Aug 26 16:20:38 node1 corosync[1]: [QUORUM] b [2] n corosyncnotice [MAIN ] c";
    let s = logs::record_starts(l);
    assert_eq!(s.len(), 3, "{s:?}");
    assert_eq!(&l[s[0]..s[0] + 3], "Aug");
    assert_eq!(&l[s[2]..s[2] + 3], "[2]");
    // Not after a word character: `xAug 26 …` and `foo[2] …` are not record starts.
    assert!(logs::record_starts("xAug 26 16:20:37 corosync [TOTEM ] a").is_empty());
    // Mail quoting and indentation keep a single record an ordinary line.
    let t = ">  Aug 26 16:20:43 node1 kernel: café";
    let r = read_all(t);
    assert_eq!(r.len(), 1);
    assert!(!r[0].glued);
    assert_eq!(&t[r[0].message().start..r[0].message().end], "café");
}
