//! The corosync.conf parser: lossless on any text, in both dialects.
#![no_main]
use corocheck_core::Span;
use corocheck_core::conf::{Dialect, syntax};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for d in [Dialect::Strict, Dialect::Lenient] {
        let t = syntax::parse(text, Span::new(0, text.len()), d);
        assert_eq!(t.print(text), text);
    }
});
