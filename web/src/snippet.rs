//! Pure text helpers for the page: UTF-16 offsets for the textarea, the line-number gutter and
//! sizes (the source line around a span is `corocheck_core::snippet`, re-exported here). No DOM
//! here, so they are unit-tested natively.

use corocheck_core::snippet::floor_boundary;
pub use corocheck_core::snippet::{Snippet, snippet};

/// Offset in UTF-16 code units (what `HTMLTextAreaElement.setSelectionRange` takes) of a
/// byte offset.
pub fn utf16_offset(text: &str, byte: usize) -> u32 {
    let b = floor_boundary(text, byte);
    let n: usize = text[..b].chars().map(char::len_utf16).sum();
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The text of the line-number gutter: `1\n2\n…`, at most `max` numbers.
pub fn gutter_text(line_count: usize, max: usize) -> String {
    let n = line_count.clamp(1, max);
    let mut s = String::with_capacity(n * 6);
    for i in 1..=n {
        if i > 1 {
            s.push('\n');
        }
        s.push_str(&i.to_string());
    }
    if line_count > max {
        s.push_str("\n…");
    }
    s
}

/// Number of lines as the textarea shows them (a final newline starts an empty line).
pub fn line_count(text: &str) -> usize {
    text.bytes().filter(|b| *b == b'\n').count() + 1
}

/// Human-readable byte size (B, KB, MB with one decimal, rounded), in integer arithmetic
/// (float formatting costs the wasm about 11 KB).
pub fn human_size(bytes: usize) -> String {
    let one_decimal = |unit: usize, name: &str| {
        let tenths = (bytes as u64 * 10 + unit as u64 / 2) / unit as u64;
        format!("{}.{} {name}", tenths / 10, tenths % 10)
    };
    if bytes < 1024 {
        format!("{bytes} B")
    } else if bytes < 1024 * 1024 {
        one_decimal(1024, "KB")
    } else {
        one_decimal(1024 * 1024, "MB")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_count_surrogate_pairs() {
        let t = "aé😀b";
        assert_eq!(utf16_offset(t, 0), 0);
        assert_eq!(utf16_offset(t, 1), 1);
        assert_eq!(utf16_offset(t, 3), 2); // after é (2 bytes, 1 unit)
        assert_eq!(utf16_offset(t, 7), 4); // after 😀 (4 bytes, 2 units)
        assert_eq!(utf16_offset(t, 5), 2); // inside 😀: floor to its start
        assert_eq!(utf16_offset(t, 100), 5);
    }

    #[test]
    fn gutter_is_capped() {
        assert_eq!(gutter_text(3, 10), "1\n2\n3");
        assert_eq!(gutter_text(0, 10), "1");
        assert_eq!(gutter_text(12, 2), "1\n2\n…");
        assert_eq!(line_count("a\nb\n"), 3);
    }

    #[test]
    fn sizes_read_well() {
        assert_eq!(human_size(10), "10 B");
        assert_eq!(human_size(2048), "2.0 KB");
        assert_eq!(human_size(10 * 1024 * 1024), "10.0 MB");
        assert_eq!(human_size(1536 + 52), "1.6 KB");
        assert_eq!(human_size(1024 * 1024 - 1), "1024.0 KB");
    }
}
