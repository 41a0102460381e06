//! CMAN cluster.conf: the XML reader, the model, the rules and the conversion to corosync 3 and
//! pcs, on any text and any sub-range of it. Findings stay inside the range; the conversion
//! renders in both languages.
#![no_main]
use corocheck_core::text::decode;
use corocheck_core::{Lang, Span, cman};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&skip, rest)) = data.split_first() else {
        return;
    };
    let d = decode(rest);
    let text = d.text.as_str();
    let mut start = usize::from(skip % 16).min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    for range in [Span::new(0, text.len()), Span::new(start, text.len())] {
        let (diags, doc) = cman::analyze(text, range);
        for f in &diags {
            assert!(
                range.start <= f.span.start
                    && f.span.start <= f.span.end
                    && f.span.end <= range.end,
                "{} {:?} outside {:?}",
                f.code,
                f.span,
                range
            );
            assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
            let _ = f.message.render(Lang::Ja);
        }
        for m in &doc.summary {
            let _ = m.render(Lang::En);
        }
        for lang in [Lang::En, Lang::Ja] {
            let _ = doc.conversion.corosync_conf(lang);
            let _ = doc.conversion.pcs_script(lang);
        }
    }
});
