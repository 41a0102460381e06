//! Log readers, glued-record search and the knowledge-base matcher on any text.
#![no_main]
use corocheck_core::Span;
use corocheck_core::logs;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for line in text.lines().take(64) {
        let _ = logs::detect_line(line);
        for s in logs::record_starts(line) {
            assert!(line.is_char_boundary(s));
        }
    }
    let recs = logs::read(text, Span::new(0, text.len()), 0);
    for r in &recs {
        assert!(r.span().end <= text.len() && r.message().end <= text.len());
    }
    let _ = logs::diagnose(&recs, text);
});
