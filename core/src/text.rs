//! Text plumbing: decoding outside bytes, byte offset ↔ line/column, and `lines` (as
//! `str::lines`, with memchr).

use crate::diagnostic::Span;

/// Maps byte offsets to 1-based line and column (columns count Unicode scalar values).
#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Byte offset where each line starts. Lines end at `\n` (a preceding `\r` stays in the line).
    starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        // Counted first (memchr is fast), so a large log's index is allocated once and exactly.
        let lines = memchr::memchr_iter(b'\n', text.as_bytes()).count();
        let mut starts = Vec::with_capacity(lines + 1);
        starts.push(0);
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex {
            starts,
            len: text.len(),
        }
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// 0-based line containing `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.len);
        match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// Byte span of 0-based line `line`, without its `\n` (and without a `\r` before it).
    pub fn line_span(&self, text: &str, line: usize) -> Span {
        let start = self.starts[line];
        let mut end = self.starts.get(line + 1).map(|s| s - 1).unwrap_or(self.len);
        if end > start && text.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        Span::new(start, end)
    }

    /// 1-based (line, column) of a byte offset. `offset` is clamped to the text and to a char
    /// boundary at or before it.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_of(offset);
        let col = text[self.starts[line]..offset].chars().count() + 1;
        (line + 1, col)
    }
}

/// How outside bytes became text.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Decoded {
    pub text: String,
    /// Byte offset (in the original bytes) of the first invalid UTF-8 sequence, if any.
    pub first_invalid: Option<usize>,
    /// How many invalid sequences were replaced with U+FFFD.
    pub invalid_count: usize,
    /// Number of NUL bytes (kept in the text; the parser reports them).
    pub nul_count: usize,
    /// Looks like binary data rather than text.
    pub binary: bool,
}

/// Decode bytes as UTF-8, replacing invalid sequences with U+FFFD and recording where.
pub fn decode(bytes: &[u8]) -> Decoded {
    let mut d = Decoder::with_capacity(bytes.len());
    d.push(bytes);
    d.finish()
}

/// [`decode`] in pieces: push the bytes of a file chunk by chunk (the page's Web Worker reads a
/// large file so, never holding it twice) and get the same [`Decoded`] as `decode` of the
/// whole, wherever the chunks split a character.
#[derive(Debug, Default)]
pub struct Decoder {
    text: String,
    /// The start of a character the last chunk cut (a valid prefix, at most 3 bytes).
    carry: [u8; 4],
    carry_len: usize,
    /// Input offset of the next byte not yet decoded (where `carry` starts).
    consumed: usize,
    first_invalid: Option<usize>,
    invalid_count: usize,
    nul_count: usize,
    /// Control bytes among the first [`SAMPLE`] bytes, and how many were seen.
    control: usize,
    sampled: usize,
}

/// The bytes looked at to tell binary data from text.
const SAMPLE: usize = 8192;

impl Decoder {
    /// A decoder whose text is allocated once for `bytes` bytes of valid UTF-8.
    pub fn with_capacity(bytes: usize) -> Self {
        Decoder {
            text: String::with_capacity(bytes),
            ..Decoder::default()
        }
    }

    pub fn push(&mut self, mut bytes: &[u8]) {
        self.nul_count += memchr::memchr_iter(0, bytes).count();
        if self.sampled < SAMPLE {
            let take = (SAMPLE - self.sampled).min(bytes.len());
            self.control += bytes[..take]
                .iter()
                .filter(|b| matches!(**b, 0..=8 | 14..=31) && **b != 0x1b)
                .count();
            self.sampled += take;
        }
        if self.carry_len > 0 {
            // Complete the character the last chunk cut, or find it invalid.
            let width = match self.carry[0] {
                0xF0.. => 4,
                0xE0.. => 3,
                _ => 2,
            };
            let need = (width - self.carry_len).min(bytes.len());
            let mut buf = self.carry;
            buf[self.carry_len..self.carry_len + need].copy_from_slice(&bytes[..need]);
            match std::str::from_utf8(&buf[..self.carry_len + need]) {
                Ok(s) => {
                    self.text.push_str(s);
                    self.consumed += self.carry_len + need;
                    self.carry_len = 0;
                    bytes = &bytes[need..];
                }
                Err(e) if e.error_len().is_none() => {
                    // Still cut (this chunk was shorter than the character).
                    self.carry = buf;
                    self.carry_len += need;
                    return;
                }
                Err(e) => {
                    // The carried bytes were a valid start and a byte of this chunk broke it:
                    // the invalid sequence is the carried bytes and any of this chunk that
                    // still continued it; the byte that broke it is read again below.
                    let n = e.error_len().unwrap_or(self.carry_len).max(self.carry_len);
                    self.invalid(n);
                    bytes = &bytes[(n - self.carry_len).min(bytes.len())..];
                    self.carry_len = 0;
                }
            }
        }
        loop {
            match std::str::from_utf8(bytes) {
                Ok(s) => {
                    self.text.push_str(s);
                    self.consumed += bytes.len();
                    return;
                }
                Err(e) => {
                    let good = e.valid_up_to();
                    // from_utf8 just told us this prefix is valid.
                    self.text
                        .push_str(std::str::from_utf8(&bytes[..good]).unwrap_or_default());
                    self.consumed += good;
                    match e.error_len() {
                        Some(n) => {
                            self.invalid(n);
                            bytes = &bytes[good + n..];
                        }
                        None => {
                            // A character cut at the end of the chunk: keep its start.
                            let tail = &bytes[good..];
                            self.carry[..tail.len()].copy_from_slice(tail);
                            self.carry_len = tail.len();
                            return;
                        }
                    }
                }
            }
        }
    }

    /// True once the first 8 KiB have been pushed and they look like binary data (control
    /// characters): [`Decoder::finish`] will say `binary`, so a caller may stop keeping the
    /// text.
    pub fn sample_is_binary(&self) -> bool {
        self.sampled >= SAMPLE && self.control * 10 > self.sampled
    }

    /// One invalid sequence of `len` bytes at `self.consumed`.
    fn invalid(&mut self, len: usize) {
        self.text.push('\u{FFFD}');
        self.first_invalid.get_or_insert(self.consumed);
        self.invalid_count += 1;
        self.consumed += len;
    }

    pub fn finish(mut self) -> Decoded {
        if self.carry_len > 0 {
            // The input ended inside a character.
            self.invalid(self.carry_len);
        }
        let binary = self.sampled > 0
            && (self.control * 10 > self.sampled
                || (self.invalid_count * 4 > self.text.chars().count().max(1)));
        Decoded {
            text: self.text,
            first_invalid: self.first_invalid,
            invalid_count: self.invalid_count,
            nul_count: self.nul_count,
            binary,
        }
    }
}

/// Length of the longest common prefix-free edit distance, used for "did you mean".
/// Plain Levenshtein over chars, bounded: returns `None` when the distance exceeds `max`.
pub fn edit_distance(a: &str, b: &str, max: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            // transposition counts as one edit
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cur[j] = cur[j].min(prev[j - 1]); // approximate Damerau via previous diagonal
            }
            row_min = row_min.min(cur[j]);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[b.len()];
    (d <= max).then_some(d)
}

/// The closest candidate to `word` within a distance that scales with its length.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    closest(word, &mut candidates.into_iter()).map(|(c, _)| c)
}

/// Like [`did_you_mean`], but only when no other candidate is as close: a suggestion safe to
/// apply without asking.
pub fn did_you_mean_unique<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    closest(word, &mut candidates.iter().copied())
        .filter(|(_, unique)| *unique)
        .map(|(c, _)| c)
}

/// The first closest candidate, and whether no other one is as close.
fn closest<'a>(
    word: &str,
    candidates: &mut dyn Iterator<Item = &'a str>,
) -> Option<(&'a str, bool)> {
    let max = match word.chars().count() {
        0..=3 => 1,
        4..=8 => 2,
        _ => 3,
    };
    let lower = word.to_ascii_lowercase();
    let mut best: Option<(usize, &'a str, bool)> = None;
    for c in candidates {
        if c == word {
            continue;
        }
        let d = if c.eq_ignore_ascii_case(word) {
            Some(0)
        } else {
            edit_distance(&lower, c, max)
        };
        if let Some(d) = d {
            match best {
                Some((bd, _, _)) if d > bd => {}
                Some((bd, b, _)) if d == bd => best = Some((bd, b, false)),
                _ => best = Some((d, c, true)),
            }
        }
    }
    best.map(|(_, c, unique)| (c, unique))
}

/// The lines of `s` exactly as `str::lines` gives them (each ends at LF, a CR before that LF
/// is dropped, no empty line after a final LF), found with memchr: `str::lines` looks for each
/// LF with a byte loop, which was a tenth of a million-line config's detection.
pub fn lines(s: &str) -> impl Iterator<Item = &str> {
    let mut from = 0;
    let mut ends = memchr::memchr_iter(b'\n', s.as_bytes());
    std::iter::from_fn(move || {
        if from >= s.len() {
            return None;
        }
        let line = match ends.next() {
            Some(end) => {
                let l = &s[from..end];
                from = end + 1;
                l.strip_suffix('\r').unwrap_or(l)
            }
            None => {
                let l = &s[from..];
                from = s.len();
                l
            }
        };
        Some(line)
    })
}

#[cfg(test)]
mod tests {

    #[test]
    fn lines_are_str_lines() {
        for t in [
            "",
            "\n",
            "\n\n",
            "a",
            "a\n",
            "a\nb",
            "a\r\nb\r\n",
            "a\r",
            "\r",
            "\r\n",
            "a\rb\n",
            "a\n\r\n\nb",
            "é\r\nü",
            "x\r\r\n",
        ] {
            assert_eq!(
                lines(t).collect::<Vec<_>>(),
                t.lines().collect::<Vec<_>>(),
                "{t:?}"
            );
        }
    }

    use super::*;

    #[test]
    fn line_col_counts_chars_and_lines() {
        let t = "ab\nこんにちは x\r\nlast";
        let ix = LineIndex::new(t);
        assert_eq!(ix.line_col(t, 0), (1, 1));
        assert_eq!(ix.line_col(t, 3), (2, 1));
        let x = t.find('x').unwrap();
        assert_eq!(ix.line_col(t, x), (2, 7));
        assert_eq!(ix.line_span(t, 1), Span::new(3, x + 1));
        assert_eq!(ix.line_col(t, t.len()), (3, 5));
    }

    /// Every way of cutting these bytes into two or three chunks decodes as the whole does:
    /// characters cut at any byte, invalid sequences cut, a cut character at the very end.
    #[test]
    fn decoding_in_chunks_equals_decoding_the_whole() {
        let cases: [&[u8]; 8] = [
            "aé日本語😀z".as_bytes(),
            b"ok\xff\xfezz\x00",
            b"\xe6\x97",
            b"ab\xe6\x97\x41\xf0\x9f\x98",
            b"\xf0\x9f\x98\x80\xf0\x9f\x98\x80",
            b"\xc3\xc3\xa9\xed\xa0\x80\xf4\x90\x80\x80",
            b"\x01\x02\x03abc\x80\x80\x80",
            b"",
        ];
        for bytes in cases {
            let whole = decode(bytes);
            for i in 0..=bytes.len() {
                for j in i..=bytes.len() {
                    let mut d = Decoder::with_capacity(0);
                    d.push(&bytes[..i]);
                    d.push(&bytes[i..j]);
                    d.push(&bytes[j..]);
                    assert_eq!(d.finish(), whole, "{bytes:x?} cut at {i} and {j}");
                }
            }
        }
        // Binary data is known from its first 8 KiB, as `finish` will say.
        let mut d = Decoder::with_capacity(0);
        d.push(&[1u8; 8191]);
        assert!(!d.sample_is_binary());
        d.push(&[1u8; 2]);
        assert!(d.sample_is_binary());
        assert!(d.finish().binary);
        let mut d = Decoder::with_capacity(0);
        d.push("text\n".repeat(2000).as_bytes());
        assert!(!d.sample_is_binary());
        // The cases hold what they are meant to: a cut at a character, an invalid byte.
        assert_eq!(decode(b"\xe6\x97").invalid_count, 1);
        assert_eq!(
            decode(b"ab\xe6\x97\x41\xf0\x9f\x98").text,
            "ab\u{FFFD}A\u{FFFD}"
        );
    }

    #[test]
    fn decode_reports_first_invalid_byte() {
        let d = decode(b"ok\xff\xfezz\x00");
        assert_eq!(d.first_invalid, Some(2));
        assert_eq!(d.invalid_count, 2);
        assert_eq!(d.nul_count, 1);
        assert!(d.text.starts_with("ok\u{FFFD}"));
    }

    /// The text cut in two and searched by two threads: each answer is `find`'s, whether the
    /// needle occurs before the cut, across it, just after it or only in the second half, and
    /// with a multi-byte character at the cut.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn first_of_each_halves_is_find_for_each() {
        let needles = [
            "Corosync ",
            "Corosync Cluster Engine ",
            "[CMAN",
            "é[CMAN",
            "absent",
            "",
        ];
        let base = "x".repeat(300);
        let mut checked = 0;
        for n in needles.iter().filter(|n| !n.is_empty()) {
            for at in 130..170 {
                for filler in ["x", "é"] {
                    let mut hay = base.replace('x', filler);
                    let at = (0..=at.min(hay.len()))
                        .rev()
                        .find(|&i| hay.is_char_boundary(i))
                        .unwrap_or(0);
                    hay.insert_str(at, n);
                    if at % 3 == 0 {
                        hay.push_str(n);
                    }
                    let want: Vec<Option<usize>> = needles.iter().map(|n| find(&hay, n)).collect();
                    for threads in [1, 2, 8] {
                        assert_eq!(
                            first_of_each_halves(&hay, &needles, threads, 0),
                            want,
                            "{n:?} at {at}, {threads} threads"
                        );
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 500);
    }

    /// One pass for many needles answers what `find` answers for each: matches that cross a
    /// block's end, at the very end, repeated, absent, the empty needle, and needles that start
    /// with others (present and absent ones).
    #[test]
    fn first_of_each_is_find_for_each() {
        let block = 1 << 16;
        let needles = [
            "[CMAN",
            "fenced[",
            "absent!",
            "",
            "x",
            "The plugin is not",
            "end",
            "The plugin",
            "absent!!",
            "x end [CMAN",
            "x end [CMAN!",
        ];
        for cut in [0usize, 1, 2, 3, 4, 5, 16] {
            let mut hay = "a".repeat(3 * block + 100);
            // "[CMAN" crossing the first block's end by `cut` bytes, "fenced[" the second's,
            // the long one the third's, "end" at the very end.
            let at = |k: usize, n: &str| (k * block).saturating_sub(cut).min(k * block + n.len());
            for (k, n) in [(1, "[CMAN"), (2, "fenced["), (3, "The plugin is not")] {
                let p = at(k, n);
                hay.replace_range(p..p + n.len(), n);
            }
            hay.push_str("x end [CMAN");
            let got = first_of_each(&hay, &needles);
            let want: Vec<Option<usize>> = needles.iter().map(|n| find(&hay, n)).collect();
            assert_eq!(got, want, "cut {cut}");
            assert!(got[0].is_some() && got[2].is_none());
            assert!(got[8].is_none() && got[9].is_some() && got[10].is_none());
        }
        // A short text takes the plain path.
        assert_eq!(first_of_each("ab[CMAN", &needles[..2]), vec![Some(2), None]);
    }

    #[test]
    fn did_you_mean_finds_close_keys() {
        let keys = ["two_node", "wait_for_all", "expected_votes"];
        assert_eq!(did_you_mean("two_nodes", keys), Some("two_node"));
        assert_eq!(did_you_mean("expected_vote", keys), Some("expected_votes"));
        assert_eq!(did_you_mean("banana", keys), None);
        assert_eq!(did_you_mean_unique("two_nodes", &keys), Some("two_node"));
        // `ab` is one edit from both: no unique suggestion.
        assert_eq!(did_you_mean_unique("ab", &["aa", "bb"]), None);
        assert_eq!(did_you_mean("ab", ["aa", "bb"]), Some("aa"));
    }
}

/// Byte offset of the first `needle` in `hay` (a fast substring search for whole inputs).
pub fn find(hay: &str, needle: &str) -> Option<usize> {
    memchr::memmem::find(hay.as_bytes(), needle.as_bytes())
}

/// [`first_of_each`] with `hay` cut in two, searched at the same time when `threads` > 1 and
/// it is large (not on wasm32, which has no threads). The first half is searched up to the
/// longest needle's reach past the cut, so an occurrence that starts before the cut is found
/// there; one that starts after it is the second half's first, unless the first half saw it
/// too. Either way each answer is `find`'s.
pub fn first_of_each_parallel(hay: &str, needles: &[&str], threads: usize) -> Vec<Option<usize>> {
    first_of_each_halves(hay, needles, threads, 2 * crate::logs::PARALLEL_MIN)
}

/// [`first_of_each_parallel`] for a `hay` of at least `min` bytes (tests cut small texts).
fn first_of_each_halves(
    hay: &str,
    needles: &[&str],
    threads: usize,
    min: usize,
) -> Vec<Option<usize>> {
    #[cfg(not(target_arch = "wasm32"))]
    if threads > 1 && hay.len() >= min {
        let reach = needles.iter().map(|n| n.len()).max().unwrap_or(0);
        let mut cut = hay.len() / 2;
        while !hay.is_char_boundary(cut) {
            cut += 1;
        }
        let mut head_end = (cut + reach).min(hay.len());
        while !hay.is_char_boundary(head_end) {
            head_end += 1;
        }
        let mut head = Vec::new();
        let tail = alongside(
            || head = first_of_each(&hay[..head_end], needles),
            &[cut],
            |c| first_of_each(&hay[c..], needles),
        );
        return head
            .into_iter()
            .zip(tail.into_iter().flatten()) // one argument, one result
            .map(|(h, t)| h.or(t.map(|j| cut + j)))
            .collect();
    }
    let _ = (threads, min);
    first_of_each(hay, needles)
}

/// Run `here` on this thread while `f` runs on each of `args`, each on a scoped thread of its
/// own, and return `f`'s results in the order of `args`. An argument whose thread cannot be
/// started is handled here, after `here`; a panic in a thread goes on in the caller. Not on
/// wasm32, which has no threads. Used by [`first_of_each_parallel`] and
/// `logs::read_into_parallel`.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn alongside<A: Copy + Send, T: Send>(
    here: impl FnOnce(),
    args: &[A],
    f: impl Fn(A) -> T + Sync,
) -> Vec<T> {
    let f = &f;
    std::thread::scope(|s| {
        let handles: Vec<_> = args
            .iter()
            .map(|&a| {
                std::thread::Builder::new()
                    .spawn_scoped(s, move || f(a))
                    .map_err(|_| a)
            })
            .collect();
        here();
        handles
            .into_iter()
            .map(|h| match h {
                Ok(h) => h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)),
                Err(a) => f(a),
            })
            .collect()
    })
}

/// The first occurrence of each of `needles` in `hay` (`find` for each, in one pass): the text
/// is searched block by block, every needle still missing in each block while the block is in
/// the cache. Searching a 100 MB log for twenty facts that are not there read it twenty times
/// from memory; now once. A match that crosses a block's end is found in that block's window
/// (the block plus the longest needle but one byte), so the answers are `find`'s.
pub fn first_of_each(hay: &str, needles: &[&str]) -> Vec<Option<usize>> {
    /// Small enough for the L2 cache of a CPU of the last decade, large enough that setting up
    /// each search is noise.
    const BLOCK: usize = 1 << 16;
    let h = hay.as_bytes();
    if h.len() <= BLOCK {
        return needles.iter().map(|n| find(hay, n)).collect();
    }
    // A needle that starts with another (`Corosync Cluster Engine ` and `Corosync `) first
    // occurs at or after the other's first occurrence: it is searched from there after the
    // pass, and not at all when the other does not occur.
    let within: Vec<Option<usize>> = needles
        .iter()
        .map(|n| {
            (0..needles.len())
                .filter(|&k| !needles[k].is_empty() && needles[k].len() < n.len())
                .filter(|&k| n.starts_with(needles[k]))
                .max_by_key(|&k| needles[k].len())
        })
        .collect();
    let finders: Vec<memchr::memmem::Finder<'_>> = needles
        .iter()
        .map(|n| memchr::memmem::Finder::new(n.as_bytes()))
        .collect();
    let reach = needles
        .iter()
        .map(|n| n.len())
        .max()
        .unwrap_or(0)
        .saturating_sub(1);
    let mut at: Vec<Option<usize>> = needles.iter().map(|n| n.is_empty().then_some(0)).collect();
    let mut left = at
        .iter()
        .zip(&within)
        .filter(|(a, w)| a.is_none() && w.is_none())
        .count();
    let mut start = 0;
    while start < h.len() && left > 0 {
        let end = (start + BLOCK).min(h.len());
        let window = &h[start..(end + reach).min(h.len())];
        for (k, f) in finders.iter().enumerate() {
            if at[k].is_some() || within[k].is_some() {
                continue;
            }
            // A first match at or after `end` belongs to the next block (which sees it too).
            if let Some(j) = f.find(window).filter(|&j| start + j < end) {
                at[k] = Some(start + j);
                left -= 1;
            }
        }
        start = end;
    }
    // Each needle once the one it starts with is known (that one is shorter: a chain of them
    // is resolved in at most as many rounds as there are needles).
    let mut known: Vec<bool> = within.iter().map(Option::is_none).collect();
    while known.contains(&false) {
        for k in 0..needles.len() {
            match within[k] {
                Some(w) if !known[k] && known[w] => {
                    at[k] = at[w].and_then(|a| finders[k].find(&h[a..]).map(|j| a + j));
                    known[k] = true;
                }
                _ => {}
            }
        }
    }
    at
}
