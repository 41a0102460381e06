//! The whole analysis on arbitrary bytes, under every path kind and target version.
#![no_main]
use corocheck_core::{Input, Options, Target, analyze, text::decode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&sel, rest)) = data.split_first() else {
        return;
    };
    let d = decode(rest);
    let path = [
        "corosync.conf",
        "pasted",
        "corosync.log",
        "service.d/pcmk",
        "cluster.conf",
    ][usize::from(sel) % 5];
    let target = [None, Some(1), Some(2), Some(3)][usize::from(sel >> 3) % 4].map(Target::major);
    let r = analyze(
        &[Input {
            path: path.into(),
            text: &d.text,
        }],
        &Options {
            target,
            ..Default::default()
        },
    );
    for x in &r.diagnostics {
        assert!(
            x.span.end <= d.text.len()
                && d.text.is_char_boundary(x.span.start)
                && d.text.is_char_boundary(x.span.end)
        );
        let _ = x.message.render(corocheck_core::Lang::Ja);
    }
    let _ = corocheck_core::detect::encoding_findings(&d);
});
