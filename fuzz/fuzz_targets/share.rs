//! The share-link decoder on arbitrary input: base64url text and payload bytes. Decoding never
//! panics, and whatever decodes is canonical: encoding it again gives the same text or bytes.
#![no_main]
use corocheck_core::share::{base64url, decode, encode, from_base64url};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        if let Ok(b) = from_base64url(s) {
            assert_eq!(base64url(&b), s);
        }
    }
    if let Ok(files) = decode(data) {
        assert_eq!(encode(&files), data);
    }
});
