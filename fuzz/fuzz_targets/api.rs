//! The JavaScript API (`api/`) without JavaScript: options given as JSON text, read by the
//! same rules as the object `check`/`checkFiles` receive, then the JSON report. Input: the
//! options text, then the texts, separated by 0xFF (never in UTF-8); one text goes through
//! `check`, several through `checkFiles`. A refusal is a `corocheck: ...` message, never a
//! panic; a report names every file and its JSON prints.
#![no_main]
use corocheck_api::{check_file_list, check_text, options_from_json};
use corocheck_core::text::decode;
use libfuzzer_sys::fuzz_target;

const NAMES: [&str; 4] = ["corosync.conf", "corosync.log", "cluster.conf", "pasted"];

fuzz_target!(|data: &[u8]| {
    let mut parts = data.split(|&b| b == 0xff);
    let opts_text = decode(parts.next().unwrap_or_default()).text;
    let texts: Vec<String> = parts.take(4).map(|p| decode(p).text).collect();
    // Text that is not JSON is read as a JSON string (which the reader must refuse).
    let v = serde_json::from_str(&opts_text).unwrap_or(serde_json::Value::String(opts_text));
    let o = match options_from_json(&v) {
        Ok(o) => o,
        Err(e) => {
            assert!(e.starts_with("corocheck: options"), "{e}");
            return;
        }
    };
    // `check` shows its one text under options.path (or "input").
    let single = texts.len() == 1;
    let files: Vec<(String, String)> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| match &o.path {
            _ if !single => (NAMES[i].to_string(), t.clone()),
            Some(p) => (p.clone(), t.clone()),
            None => (corocheck_api::DEFAULT_PATH.to_string(), t.clone()),
        })
        .collect();
    let r = if single {
        check_text(files[0].1.clone(), &o)
    } else {
        check_file_list(&files, &o)
    };
    match r {
        Ok(v) => {
            let listed = v["files"].as_array().map_or(0, Vec::len);
            assert_eq!(listed, files.len());
            for d in v["diagnostics"].as_array().into_iter().flatten() {
                let path = d["path"].as_str().unwrap_or_default();
                let (_, text) = files.iter().find(|(n, _)| n == path).expect("a named file");
                let end = d["end"].as_u64().unwrap_or(u64::MAX);
                assert!(end <= text.len() as u64, "{d}");
                assert!(d["line"].as_u64().is_some_and(|l| l >= 1), "{d}");
            }
            assert!(serde_json::to_string(&v).is_ok());
        }
        Err(e) => assert!(e.starts_with("corocheck: options."), "{e}"),
    }
});
