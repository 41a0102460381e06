//! The share-link payload: several files (name + text) in one byte string, and base64url.
//!
//! Layout (version 1): the version byte `1`, then per file a name and a text, each as a
//! length (unsigned LEB128, at most 4 bytes, minimal) followed by that many UTF-8 bytes. The
//! pasted text has the empty name. The web page deflates these bytes (`CompressionStream`)
//! before [`base64url`]-encoding them into the URL fragment, and caps the inflated size while
//! it streams; decoding here is strict and total: every malformed input is an [`Error`].

/// The current payload version.
pub const VERSION: u8 = 1;
/// At most this many files in one link.
pub const MAX_FILES: usize = 64;
/// A file name longer than this is refused.
pub const MAX_NAME: usize = 255;

/// One file of a shared payload; `name` is empty for the pasted text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    pub name: String,
    pub text: String,
}

/// Why a link or payload could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Error {
    /// Nothing at all.
    Empty,
    /// A byte that is not base64url (at this position), or a length no encoder writes.
    Base64(usize),
    /// A payload version this page does not know.
    Version(u8),
    /// The bytes stop inside a length, a name or a text.
    Truncated,
    /// A length written with more bytes than needed, or over 4 bytes.
    Length,
    /// A name or text that is not UTF-8.
    Utf8,
    /// A name that is too long or holds control characters.
    Name,
    /// More than [`MAX_FILES`] files.
    TooMany,
}

impl Error {
    /// The catalog key of the message the page shows.
    pub fn key(self) -> &'static str {
        match self {
            Error::Empty => "ui.share.err.empty",
            Error::Base64(_) => "ui.share.err.base64",
            Error::Version(_) => "ui.share.err.version",
            Error::Truncated | Error::Length | Error::Utf8 | Error::Name | Error::TooMany => {
                "ui.share.err.payload"
            }
        }
    }
}

fn put_len(out: &mut Vec<u8>, mut n: usize) {
    loop {
        let b = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

/// The payload bytes of `files` (names longer than [`MAX_NAME`] are cut on a char boundary,
/// control characters in names become `_`, files past [`MAX_FILES`] are left out, so that
/// whatever is encoded decodes).
pub fn encode(files: &[File]) -> Vec<u8> {
    let mut out = vec![VERSION];
    for f in files.iter().take(MAX_FILES) {
        let mut name: String = f
            .name
            .chars()
            .map(|c| if c.is_control() { '_' } else { c })
            .collect();
        let mut cut = name.len().min(MAX_NAME);
        while !name.is_char_boundary(cut) {
            cut -= 1;
        }
        name.truncate(cut);
        for s in [name.as_str(), f.text.as_str()] {
            put_len(&mut out, s.len());
            out.extend_from_slice(s.as_bytes());
        }
    }
    out
}

/// Read a length at `*at`: minimal unsigned LEB128 of at most 4 bytes (up to 256 MiB).
fn get_len(b: &[u8], at: &mut usize) -> Result<usize, Error> {
    let mut n = 0usize;
    for i in 0..4 {
        let &x = b.get(*at).ok_or(Error::Truncated)?;
        *at += 1;
        n |= usize::from(x & 0x7f) << (7 * i);
        if x & 0x80 == 0 {
            // A last byte of 0 after others is an overlong form.
            return if x == 0 && i > 0 {
                Err(Error::Length)
            } else {
                Ok(n)
            };
        }
    }
    Err(Error::Length)
}

fn get_str<'a>(b: &'a [u8], at: &mut usize) -> Result<&'a str, Error> {
    let n = get_len(b, at)?;
    let s = b.get(*at..at.saturating_add(n)).ok_or(Error::Truncated)?;
    *at += n;
    std::str::from_utf8(s).map_err(|_| Error::Utf8)
}

/// The files of a payload; any malformed payload is an error, never a panic.
pub fn decode(b: &[u8]) -> Result<Vec<File>, Error> {
    let (&v, _) = b.split_first().ok_or(Error::Empty)?;
    if v != VERSION {
        return Err(Error::Version(v));
    }
    let mut at = 1;
    let mut files = Vec::new();
    while at < b.len() {
        if files.len() == MAX_FILES {
            return Err(Error::TooMany);
        }
        let name = get_str(b, &mut at)?;
        if name.len() > MAX_NAME || name.chars().any(char::is_control) {
            return Err(Error::Name);
        }
        let text = get_str(b, &mut at)?;
        files.push(File {
            name: name.to_string(),
            text: text.to_string(),
        });
    }
    Ok(files)
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// base64url without padding (RFC 4648 section 5).
pub fn base64url(b: &[u8]) -> String {
    let mut out = String::with_capacity(b.len().div_ceil(3) * 4);
    for c in b.chunks(3) {
        let n = (u32::from(c[0]) << 16)
            | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
            | u32::from(*c.get(2).unwrap_or(&0));
        for i in 0..=c.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
        }
    }
    out
}

/// Decode base64url without padding, strictly: only the 64 characters, no `=`, no length
/// that leaves 1 character over, and the unused low bits of the last character zero (so each
/// byte string has exactly one encoding).
pub fn from_base64url(s: &str) -> Result<Vec<u8>, Error> {
    if s.is_empty() {
        return Err(Error::Empty);
    }
    if s.len() % 4 == 1 {
        return Err(Error::Base64(s.len() - 1));
    }
    let mut out = Vec::with_capacity(s.len() / 4 * 3 + 2);
    let (mut acc, mut bits) = (0u32, 0u32);
    for (i, c) in s.bytes().enumerate() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => return Err(Error::Base64(i)),
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    if acc != 0 {
        return Err(Error::Base64(s.len() - 1));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(name: &str, text: &str) -> File {
        File {
            name: name.into(),
            text: text.into(),
        }
    }

    #[test]
    fn round_trip() {
        let files = vec![
            f("", "totem {\n}\n"),
            f("node2/corosync.conf", "ä\u{1F600}"),
            f("x", &"y".repeat(300)),
        ];
        let b = encode(&files);
        assert_eq!(decode(&b), Ok(files));
        for n in 1..40usize {
            let data: Vec<u8> = (0..n).map(|i| (i * 37 + n) as u8).collect();
            let s = base64url(&data);
            assert_eq!(s.len(), (n * 4).div_ceil(3));
            assert_eq!(
                from_base64url(&s).as_deref(),
                Ok(&data[..]) as Result<&[u8], _>
            );
        }
        assert_eq!(base64url(b"\xfb\xff"), "-_8");
    }

    #[test]
    fn malformed() {
        assert_eq!(decode(&[]), Err(Error::Empty));
        assert_eq!(decode(&[2]), Err(Error::Version(2)));
        assert_eq!(decode(&[1]), Ok(vec![]));
        assert_eq!(decode(&[1, 3, b'a']), Err(Error::Truncated));
        assert_eq!(decode(&[1, 0]), Err(Error::Truncated));
        assert_eq!(decode(&[1, 0x80, 0]), Err(Error::Length));
        assert_eq!(decode(&[1, 0xff, 0xff, 0xff, 0xff, 1]), Err(Error::Length));
        assert_eq!(decode(&[1, 0xff, 0xff, 0xff, 0x7f]), Err(Error::Truncated));
        assert_eq!(decode(&[1, 0, 1, 0xff]), Err(Error::Utf8));
        assert_eq!(decode(&[1, 1, b'\n', 0]), Err(Error::Name));
        let many = encode(&vec![f("a", ""); 70]);
        assert_eq!(decode(&many).map(|v| v.len()), Ok(MAX_FILES));
        let mut over = many.clone();
        over.extend_from_slice(&[1, b'a', 0]);
        assert_eq!(decode(&over), Err(Error::TooMany));
        assert_eq!(from_base64url(""), Err(Error::Empty));
        assert_eq!(from_base64url("AAAAA"), Err(Error::Base64(4)));
        assert_eq!(from_base64url("AA=="), Err(Error::Base64(2)));
        assert_eq!(from_base64url("AB"), Err(Error::Base64(1)));
        assert_eq!(from_base64url("A+"), Err(Error::Base64(1)));
        assert_eq!(from_base64url("ä"), Err(Error::Base64(0)));
        assert_eq!(from_base64url("AA"), Ok(vec![0]));
    }

    #[test]
    fn names_are_made_decodable() {
        let long = "é".repeat(200);
        let b = encode(&[f(&format!("a\u{7}{long}"), "t")]);
        let got = decode(&b).unwrap();
        assert!(got[0].name.starts_with("a_é") && got[0].name.len() <= MAX_NAME);
    }
}
