//! Applying every fix of a report (`fix_all`): never panics, and its output is again text the
//! whole analysis reads without panicking, with findings inside it. An input no fix applied to
//! comes back byte-identical.
#![no_main]
use corocheck_core::fix::fix_all;
use corocheck_core::text::decode;
use corocheck_core::{Input, Options, Target, analyze};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&sel, rest)) = data.split_first() else {
        return;
    };
    let d = decode(rest);
    let path = ["corosync.conf", "pasted", "service.d/pcmk"][usize::from(sel) % 3];
    let opts = Options {
        target: [None, Some(1), Some(2), Some(3)][usize::from(sel >> 2) % 4].map(Target::major),
        ..Default::default()
    };
    let input = [Input {
        path: path.into(),
        text: &d.text,
    }];
    let out = fix_all(&input, &opts);
    assert_eq!(out.len(), 1);
    let f = &out[0];
    if f.applied == 0 {
        assert_eq!(f.text, d.text, "no fix applied but the text changed");
    }
    let again = [Input {
        path: path.into(),
        text: &f.text,
    }];
    let r = analyze(&again, &opts);
    for x in &r.diagnostics {
        assert!(
            x.span.end <= f.text.len()
                && f.text.is_char_boundary(x.span.start)
                && f.text.is_char_boundary(x.span.end),
            "{} {:?}",
            x.code,
            x.span
        );
    }
});
