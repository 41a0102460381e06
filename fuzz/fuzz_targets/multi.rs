//! Several inputs analysed together (the cross-file rules C801-C804 compare the configs of
//! one cluster). The bytes are cut into up to four inputs at 0xFF (never in UTF-8); each
//! finding points inside the input it names.
#![no_main]
use corocheck_core::text::decode;
use corocheck_core::{Input, Lang, Options, Target, analyze};
use libfuzzer_sys::fuzz_target;

const PATHS: [&str; 4] = [
    "node1/corosync.conf",
    "node2/corosync.conf",
    "pasted",
    "corosync.log",
];

fuzz_target!(|data: &[u8]| {
    let Some((&sel, rest)) = data.split_first() else {
        return;
    };
    let texts: Vec<String> = rest
        .split(|&b| b == 0xff)
        .take(4)
        .map(|p| decode(p).text)
        .collect();
    let inputs: Vec<Input> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Input {
            // Mostly configs; the selector turns some into other kinds.
            path: if sel & (1 << i) != 0 {
                PATHS[(i + 2) % 4]
            } else {
                PATHS[i % 2]
            }
            .into(),
            text: t,
        })
        .collect();
    let opts = Options {
        target: [None, Some(2), Some(3), None][usize::from(sel >> 4) % 4].map(Target::major),
        ..Default::default()
    };
    let r = analyze(&inputs, &opts);
    assert_eq!(r.files.len(), inputs.len());
    for x in &r.diagnostics {
        let t = &texts[x.file];
        assert!(
            x.span.end <= t.len()
                && t.is_char_boundary(x.span.start)
                && t.is_char_boundary(x.span.end),
            "{} {:?} in file {}",
            x.code,
            x.span,
            x.file
        );
        let _ = x.message.render(Lang::Ja);
    }
});
