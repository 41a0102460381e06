//! Redaction on arbitrary inputs (cut into up to three at 0xFF, never in UTF-8): it never
//! panics, returns one text per input, and keeps every line break (replacements never span
//! or add one).
#![no_main]
use corocheck_core::Input;
use corocheck_core::redact::redact;
use corocheck_core::text::decode;
use libfuzzer_sys::fuzz_target;

const PATHS: [&str; 3] = ["corosync.conf", "cluster.conf", "messages"];

fuzz_target!(|data: &[u8]| {
    let texts: Vec<String> = data.split(|&b| b == 0xff).take(3).map(|p| decode(p).text).collect();
    let inputs: Vec<Input> = texts
        .iter()
        .zip(PATHS)
        .map(|(t, p)| Input { path: p.into(), text: t })
        .collect();
    let r = redact(&inputs);
    assert_eq!(r.texts.len(), texts.len());
    for (a, b) in texts.iter().zip(&r.texts) {
        assert_eq!(a.matches('\n').count(), b.matches('\n').count());
    }
});
