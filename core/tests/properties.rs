//! Properties that hold for every input: the parser is lossless, findings stay inside their
//! input on char boundaries, and analysis never panics. Inputs are generated from corosync.conf
//! fragments, log lines and hostile characters, so they reach deep into every pass.

use corocheck_core::conf::{Dialect, syntax};
use corocheck_core::{Input, Lang, Options, Span, Target, analyze};
use proptest::prelude::*;

/// Pieces that make up realistic and broken configs and logs.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("totem {\n".to_string()),
        Just("nodelist {\n\tnode {\n".to_string()),
        Just("quorum {\n".to_string()),
        Just("service {\n\tname: pacemaker\n\tver: 0\n".to_string()),
        Just("}\n".to_string()),
        Just("}}\n".to_string()),
        Just("\tversion: 2\n".to_string()),
        Just("\ttransport: knet\n".to_string()),
        Just("\tring0_addr: 10.0.0.1\n".to_string()),
        Just("\tnodeid: 1\n".to_string()),
        Just("\ttoken: 3000ms # c\n".to_string()),
        Just("token = 3000\n".to_string()),
        Just("\u{FEFF}".to_string()),
        Just("\u{00A0}\u{3000}".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        Just("\0".to_string()),
        Just("{".to_string()),
        Just(":".to_string()),
        Just("#".to_string()),
        Just("Aug 26 16:20:37 corosync [pcmk  ] ERROR: process_ais_conf: You have configured a cluster using the Pacemaker plugin for Corosync. ".to_string()),
        Just("Aug 26 16:20:37.512 [2345] node1 corosync info    [KNET  ] link: host: 2 link: 0 is down\n".to_string()),
        Just("<cluster name=\"c\" config_version=\"1\">".to_string()),
        Just("■マニュアル抜粋 ".to_string()),
        Just("<clusternodes><clusternode name=\"a\" nodeid=\"1\">".to_string()),
        Just("<fence><method name=\"m\"><device name=\"p\" port=\"a\"/></method></fence>".to_string()),
        Just("</clusternode></clusternodes>".to_string()),
        Just("<fencedevices><fencedevice name=\"p\" agent=\"fence_pcmk\"/></fencedevices>".to_string()),
        Just("<cman two_node=\"1\" expected_votes=\"1\"/>".to_string()),
        Just("<rm><service name=\"s\"><ip address=\"10.0.0.9/24\"><fs name=\"f\" mountpoint=\"/m\">".to_string()),
        Just("</fs></ip></service></rm></cluster>".to_string()),
        Just("&amp;&#x1F600;&bogus;&".to_string()),
        Just("<!-- c -->".to_string()),
        Just("<!--".to_string()),
        Just("<![CDATA[x]]>".to_string()),
        Just("<!DOCTYPE c [<!ENTITY e \"x\">]>".to_string()),
        Just("<a b='c\"d'>".to_string()),
        Just("</".to_string()),
        Just("\"'<>=/".to_string()),
        "[ -~]{0,40}",
        any::<String>().prop_map(|s| s.chars().take(20).collect()),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..40).prop_map(|v| v.concat())
}

proptest! {
    // 400 cases by default; `PROPTEST_CASES=20000` for a longer search.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(400),
        ..ProptestConfig::default()
    })]

    #[test]
    fn printing_the_tree_gives_the_input_back(t in text()) {
        for d in [Dialect::Strict, Dialect::Lenient] {
            let tree = syntax::parse(&t, Span::new(0, t.len()), d);
            prop_assert_eq!(tree.print(&t), t.clone());
        }
    }

    #[test]
    fn findings_stay_inside_their_input(t in text(), name in prop_oneof![Just("corosync.conf"), Just("pasted"), Just("corosync.log"), Just("service.d/pcmk"), Just("cluster.conf")], v in prop_oneof![Just(None), Just(Some(1u8)), Just(Some(2)), Just(Some(3))]) {
        let target = v.map(Target::major);
        let r = analyze(&[Input { path: name.into(), text: &t }], &Options { target, ..Default::default() });
        for d in &r.diagnostics {
            prop_assert!(d.span.start <= d.span.end && d.span.end <= t.len(), "{} {:?}", d.code, d.span);
            prop_assert!(t.is_char_boundary(d.span.start) && t.is_char_boundary(d.span.end), "{}", d.code);
            for rel in &d.related {
                prop_assert!(rel.span.end <= t.len() && t.is_char_boundary(rel.span.start) && t.is_char_boundary(rel.span.end));
            }
            // Every message renders from the catalog in both languages.
            for lang in [Lang::En, Lang::Ja] {
                let m = d.message.render(lang);
                prop_assert!(!m.is_empty() && m != d.message.key.as_ref(), "{} has no text for {}", d.code, d.message.key);
            }
        }
        // The cluster.conf summary and conversion render in both languages.
        for c in &r.cman {
            for lang in [Lang::En, Lang::Ja] {
                let _ = c.conversion.corosync_conf(lang);
                let _ = c.conversion.pcs_script(lang);
                for m in &c.summary {
                    prop_assert!(!m.render(lang).is_empty());
                }
            }
        }
        for rec in &r.records {
            prop_assert!(rec.span().end <= t.len() && rec.message().end <= t.len());
        }
    }
}
