//! Format detection and segmentation: documents stay inside the input, on char boundaries, in
//! order; a restored-line-break view maps back inside its document. Also: decoding the bytes
//! in chunks (`text::Decoder`, cut where the selector byte says) equals decoding them whole.
#![no_main]
use corocheck_core::Span;
use corocheck_core::detect::{self, DocKind};
use corocheck_core::text::{Decoder, decode};
use libfuzzer_sys::fuzz_target;

const PATHS: [&str; 6] = [
    "pasted",
    "corosync.conf",
    "/etc/corosync/service.d/pcmk",
    "cluster.conf",
    "corosync.log",
    "messages",
];

fn inside(text: &str, s: Span) -> bool {
    s.start <= s.end
        && s.end <= text.len()
        && text.is_char_boundary(s.start)
        && text.is_char_boundary(s.end)
}

fuzz_target!(|data: &[u8]| {
    let Some((&sel, rest)) = data.split_first() else {
        return;
    };
    let d = decode(rest);
    // The same bytes in chunks of 1 + sel % 7 bytes, so every cut of a character is reached.
    let mut chunked = Decoder::with_capacity(0);
    for c in rest.chunks(1 + usize::from(sel) % 7) {
        chunked.push(c);
    }
    assert_eq!(chunked.finish(), d, "decoding in chunks differs");
    let text = d.text.as_str();
    for f in detect::encoding_findings(&d) {
        assert!(inside(text, f.span), "{} {:?}", f.code, f.span);
    }
    let (segs, diags) = detect::segment(PATHS[usize::from(sel) % PATHS.len()], text);
    let mut prev_end = 0;
    for s in &segs {
        assert!(inside(text, s.span), "segment {:?}", s.span);
        assert!(s.span.start >= prev_end, "segments overlap");
        prev_end = s.span.end;
        for m in &s.evidence {
            let _ = m.render(corocheck_core::Lang::Ja);
        }
        if let Some(r) = &s.reflow {
            for (at, orig, len) in &r.pieces {
                assert!(r.text.get(*at..at + len).is_some());
                assert!(orig + len <= text.len());
            }
            let whole = r.to_original(Span::new(0, r.text.len()));
            assert!(whole.end <= text.len());
        }
        if s.kind == DocKind::ClusterConf {
            for f in detect::cluster_conf_findings(text, s.span) {
                assert!(inside(text, f.span), "{} {:?}", f.code, f.span);
            }
        }
    }
    for f in &diags {
        assert!(inside(text, f.span), "{} {:?}", f.code, f.span);
    }
});
