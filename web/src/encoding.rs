//! Japanese legacy encodings for opened and dropped files.
//!
//! Configs and logs copied off older Japanese systems are often Shift_JIS (Windows, RHEL 5/6
//! with `LANG=ja_JP.SJIS`) or EUC-JP (older Linux defaults). The core reads UTF-8; when a file
//! is not valid UTF-8, the page asks the browser's own `TextDecoder` (no decoding tables in the
//! wasm) for a strict Shift_JIS and EUC-JP reading and keeps the one that decodes without error
//! and reads most like Japanese text.

use web_sys::{TextDecoder, TextDecoderOptions};

/// A strict decode with the browser's decoder for `label`, or `None` on any invalid byte.
fn strict(label: &str, bytes: &[u8]) -> Option<String> {
    let opts = TextDecoderOptions::new();
    opts.set_fatal(true);
    TextDecoder::new_with_label_and_options(label, &opts)
        .ok()?
        .decode_with_u8_array(bytes)
        .ok()
}

/// How Japanese a decoded text looks: kana and kanji count for it; half-width katakana, which a
/// wrong guess between the two encodings produces in runs, count against it.
pub fn score(text: &str) -> i64 {
    text.chars()
        .map(|c| match c as u32 {
            0x3040..=0x30FF | 0x4E00..=0x9FFF | 0x3000..=0x303F | 0xFF01..=0xFF5E => 2,
            0xFF61..=0xFF9F => -3,
            0xFFFD => -10,
            _ => 0,
        })
        .sum()
}

/// The text of `bytes` in Shift_JIS or EUC-JP, with the encoding's name, when one of them
/// decodes it cleanly; `None` when neither does.
pub fn japanese(bytes: &[u8]) -> Option<(&'static str, String)> {
    [("Shift_JIS", "shift_jis"), ("EUC-JP", "euc-jp")]
        .into_iter()
        .filter_map(|(name, label)| strict(label, bytes).map(|t| (name, t)))
        .max_by_key(|(_, t)| score(t))
}

#[cfg(test)]
mod tests {
    use super::score;

    #[test]
    fn score_prefers_kana_and_kanji_over_halfwidth_katakana() {
        // "クラスタ設定" read right, and the EUC-JP bytes of it misread as Shift_JIS
        // (half-width katakana and odd kanji).
        assert!(score("クラスタ設定") > score("･ｯ･鬣ｹ･ｿﾀﾟﾄｪ"));
        assert_eq!(score("totem { }"), 0);
    }
}
