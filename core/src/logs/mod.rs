//! Log readers: every format of `logs.md` §1, one record per line (or per glued record), and
//! the link from each record to the knowledge base ([`kb`]).
//!
//! # Formats
//!
//! See [`LogFormat`]. The prefix of a record (timestamp, host, daemon, pid, subsystem, priority,
//! function) is parsed with nom in `prefix.rs`; a run of blanks counts as one separator
//! everywhere, so `[pcmk  ]` and `[pcmk ]` (mail archives collapse spaces), `Aug  6`, `Aug 06`
//! and `Aug 6` all read the same.
//!
//! # The message
//!
//! [`Record::message`] is the text after the prefix, with these parts moved out of it:
//! - the Pacemaker plugin's `LEVEL: function:` and Pacemaker's `function: ` (1.1 detail logs,
//!   1.1.8–1.1.13 syslog, cl_log lines) go to [`Record::level`] / [`Record::function`];
//! - Pacemaker's extended detail after ` | ` (1.1.15+, `logs.md` §1.7) goes to
//!   [`Record::detail`];
//! - rsyslog's `message repeated N times: [ … ]` wrapper is removed.
//!
//! The knowledge base is matched against that message.
//!
//! # Glued records (text whose line breaks were lost)
//!
//! Web mail archives join a whole mail into one line, so several log records and prose share a
//! line (see the founding case). A line is *glued* when it holds a record start after other
//! text (blanks and mail quoting `>` do not count), or more than one record start
//! ([`record_starts`]). In a glued line a record's message
//! ends
//! 1. at the next record start, and
//! 2. before the first non-ASCII character: corosync, Pacemaker, cman and knet messages are
//!    ASCII, and in the archives we read the prose around them is Japanese (`■マニュアル抜粋`);
//! 3. when the message still does not match a KB template as a whole but starts with one, at the
//!    end of that template match (English prose right after a record).
//!
//! In an ordinary line none of this applies: the message runs to the end of the line.
//!
//! # Cost
//!
//! Linear in the input. A record start is only tried at a word boundary, and each try reads a
//! bounded prefix (about a kilobyte at most); no allocation happens per line except the
//! [`Record`] itself and its small strings. Messages longer than [`kb::MAX_MATCH_LEN`] are not
//! matched against the KB.

pub mod clock;
pub mod incident;
pub mod kb;
mod prefix;
pub mod template;

use crate::diagnostic::{Diagnostic, Span};
use crate::i18n::Msg;

/// Which writer produced a line (`logs.md` §1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum LogFormat {
    /// `Aug 26 16:20:37 corosync [TOTEM ] msg` (corosync 1.x logfile, §1.3)
    Corosync1File,
    /// `Aug 26 16:20:37 [2345] node1 corosync notice  [TOTEM ] msg`, also hi-res `.123` and
    /// without timestamp `[2345] node1 corosyncnotice  [TOTEM ] msg` (corosync 2.x/3.x, §1.4)
    Corosync23File,
    /// `Aug 26 16:20:37 node1 ident[pid]: msg` (rsyslog traditional format, /var/log/messages,
    /// /var/log/syslog; journalctl `short` prints the same shape, §1.10, §1.11)
    Syslog,
    /// `2024-08-26T16:20:37+02:00 node1 ident[pid]: msg` (rsyslog high-precision format,
    /// journalctl `short-iso` and `short-iso-precise`)
    SyslogIso,
    /// `Aug 26 16:20:37.123456 node1 ident[pid]: msg` (journalctl `short-precise`)
    JournalPrecise,
    /// `Mon 2024-08-26 16:20:37 CEST node1 ident[pid]: msg` (journalctl `short-full`)
    JournalFull,
    /// `[ 1234.567890] node1 ident[pid]: msg` (journalctl `short-monotonic`)
    JournalMonotonic,
    /// `Aug 26 16:20:37 notice  [TOTEM ] msg` (corosync 2/3 in the foreground) and
    /// `Nov 11 20:39:45 debug   msg` (corosync-qdevice/qnetd in the foreground, §1.13)
    Stderr,
    /// `Aug 26 16:20:37.123456 [TOTEM] msg` (openais 0.80 logfile, RHEL 5 / SLES 11 GA, §1.2)
    Openais,
    /// `Aug 26 16:20:37 [2410] node1       crmd:   notice: function: msg` (Pacemaker
    /// 1.1.8–1.1.24 detail log, §1.7)
    Pacemaker11Detail,
    /// `Aug 26 16:20:37 node1 pacemaker-controld  [2410] (function) notice: msg` (Pacemaker
    /// 2.x/3.x detail log, §1.8)
    Pacemaker2Detail,
    /// `heartbeat[1987]: 2011/08/26_16:20:37 WARN: msg` (cluster-glue `cl_log` file: Heartbeat,
    /// Pacemaker ≤ 1.1.7, §1.6)
    ClLog,
    /// `Aug 26 16:20:40 fenced fencing node node2` (RHEL 6 fenced/dlm_controld/gfs_controld own
    /// files, §1.12)
    Logthread,
}

impl LogFormat {
    /// Every format, for front ends that list them.
    pub const ALL: [LogFormat; 13] = [
        LogFormat::Corosync1File,
        LogFormat::Corosync23File,
        LogFormat::Syslog,
        LogFormat::SyslogIso,
        LogFormat::JournalPrecise,
        LogFormat::JournalFull,
        LogFormat::JournalMonotonic,
        LogFormat::Stderr,
        LogFormat::Openais,
        LogFormat::Pacemaker11Detail,
        LogFormat::Pacemaker2Detail,
        LogFormat::ClLog,
        LogFormat::Logthread,
    ];

    /// Stable kebab-case name.
    pub fn name(self) -> &'static str {
        match self {
            LogFormat::Corosync1File => "corosync1-file",
            LogFormat::Corosync23File => "corosync23-file",
            LogFormat::Syslog => "syslog",
            LogFormat::SyslogIso => "syslog-iso",
            LogFormat::JournalPrecise => "journal-precise",
            LogFormat::JournalFull => "journal-full",
            LogFormat::JournalMonotonic => "journal-monotonic",
            LogFormat::Stderr => "stderr",
            LogFormat::Openais => "openais",
            LogFormat::Pacemaker11Detail => "pacemaker11-detail",
            LogFormat::Pacemaker2Detail => "pacemaker2-detail",
            LogFormat::ClLog => "cl-log",
            LogFormat::Logthread => "logthread",
        }
    }
}

/// One log record.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// The input it was read from ([`Record::file`]).
    file: u32,
    /// The whole record (prefix, message and extended detail): [`Record::span`].
    span: OptSpan,
    /// The message text (after the prefix, the plugin's `LEVEL: function:` and Pacemaker's
    /// `function: `; before Pacemaker's ` | ` extended detail): [`Record::message`].
    message: OptSpan,
    pub format: LogFormat,
    /// The prefix fields are spans in the same text as `span` (read them with [`field`]).
    /// The timestamp as printed (`Aug 26 16:20:37`, `2024-08-26T16:20:37+02:00`, …).
    pub timestamp: OptSpan,
    pub host: OptSpan,
    /// `corosync`, `pacemakerd`, `crmd`, … (the syslog tag, or the name the format prints).
    pub daemon: OptSpan,
    /// `TOTEM`, `pcmk`, `KNET`, ... (trimmed)
    pub subsystem: OptSpan,
    /// As printed (`ERROR`, `notice`, ...), if any.
    pub level: OptSpan,
    /// The knowledge-base entry the message matched.
    pub kb: Option<&'static kb::Entry>,
    /// The process id, when printed.
    pub pid: Option<u32>,
    /// The C function name Pacemaker printed before the message, if any.
    pub function: OptSpan,
    /// Pacemaker's extended detail (after ` | `), if any.
    pub detail: OptSpan,
    /// The record shares its line with other records or prose (see the module docs).
    pub glued: bool,
}

impl Record {
    /// The index of the input it was read from.
    pub fn file(&self) -> usize {
        self.file as usize
    }

    /// The whole record (prefix, message and extended detail).
    pub fn span(&self) -> Span {
        self.span.get().unwrap_or_default()
    }

    /// The message text (after the prefix, the plugin's `LEVEL: function:` and Pacemaker's
    /// `function: `; before Pacemaker's ` | ` extended detail).
    pub fn message(&self) -> Span {
        self.message.get().unwrap_or_default()
    }

    /// Move every span of the record through `f` (text with restored line breaks → input).
    pub(crate) fn map_spans(&mut self, f: &dyn Fn(Span) -> Span) {
        for s in [
            &mut self.span,
            &mut self.message,
            &mut self.timestamp,
            &mut self.host,
            &mut self.daemon,
            &mut self.subsystem,
            &mut self.level,
            &mut self.function,
            &mut self.detail,
        ] {
            *s = s.get().map(f).into();
        }
    }
}

/// An optional span in 8 bytes: a record has nine (its whole span and its message are always
/// set), and a log of a million lines has a million records. Offsets fit in `u32` (an input is
/// read up to 256 MiB, `crate::detect::MAX_INPUT`); a span that would not is stored as none
/// rather than cut (and [`Record::span`] would read it as empty).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct OptSpan {
    start: u32,
    end: u32,
}

impl OptSpan {
    pub const NONE: OptSpan = OptSpan {
        start: u32::MAX,
        end: u32::MAX,
    };
    pub fn get(self) -> Option<Span> {
        (self.start != u32::MAX).then(|| Span::new(self.start as usize, self.end as usize))
    }
    pub fn is_some(self) -> bool {
        self.start != u32::MAX
    }
    pub fn is_none(self) -> bool {
        !self.is_some()
    }
}

impl From<Option<Span>> for OptSpan {
    fn from(s: Option<Span>) -> Self {
        match s {
            Some(s) if s.end < u32::MAX as usize && s.start <= s.end => OptSpan {
                start: s.start as u32,
                end: s.end as u32,
            },
            _ => OptSpan::NONE,
        }
    }
}

impl From<OptSpan> for Option<Span> {
    fn from(s: OptSpan) -> Self {
        s.get()
    }
}

impl std::fmt::Debug for OptSpan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.get().fmt(f)
    }
}

/// The text of a record's field (`field(text, r.host)`); `text` is the input the record's spans
/// point into.
pub fn field(text: &str, f: impl Into<Option<Span>>) -> Option<&str> {
    f.into().and_then(|s| text.get(s.start..s.end))
}

/// The message text of a record, `texts[f]` being the text of input `f` ("" when out of range).
pub(crate) fn message_of<'a>(texts: &[&'a str], r: &Record) -> &'a str {
    texts
        .get(r.file())
        .and_then(|t| field(t, Some(r.message())))
        .unwrap_or("")
}

/// The format of a single line, if it starts with a log record (leading blanks allowed).
pub fn detect_line(line: &str) -> Option<LogFormat> {
    let t = line.trim_start_matches([' ', '\t']);
    if !prefix::may_start(t.as_bytes()) {
        return None;
    }
    prefix::format_of(t)
}

/// Offsets in `line` where a log record starts (for text whose line breaks were lost): a
/// recognised record prefix at a word boundary. Includes the start of the line when the line
/// itself starts with a record. Positions inside a record's prefix are skipped.
pub fn record_starts(line: &str) -> Vec<usize> {
    Starts::new(line).map(|(p, _)| p).collect()
}

/// Iterator over record starts in one line, with the parsed prefix.
struct Starts<'a> {
    line: &'a str,
    pos: usize,
}

impl<'a> Starts<'a> {
    fn new(line: &'a str) -> Self {
        Starts { line, pos: 0 }
    }
}

/// [`BYTE_CLASS`] flag: a byte that continues a word (or `[`); a record cannot start right
/// after one.
const AFTER: u8 = 1;
/// [`BYTE_CLASS`] flag: a byte a record can start with (a letter, a digit or `[`).
const START: u8 = 2;
/// [`BYTE_CLASS`] flag: a byte of a cl_log entity name (`name[pid]:`): a letter, a digit, `-`,
/// `_` or `.` ([`prefix::may_start`]'s lowercase case).
const ENTITY: u8 = 4;

/// The [`AFTER`], [`START`] and [`ENTITY`] flags of every byte (one table lookup per byte of a
/// line, which [`Starts`] scans whole).
static BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        let alnum = b.is_ascii_alphanumeric();
        if alnum
            || matches!(
                b,
                b'_' | b'-' | b'.' | b'/' | b'@' | b'=' | b'%' | b'\'' | b'"' | b'#' | b'['
            )
        {
            t[i] |= AFTER;
        }
        if alnum || b == b'[' {
            t[i] |= START;
        }
        if alnum || matches!(b, b'-' | b'_' | b'.') {
            t[i] |= ENTITY;
        }
        i += 1;
    }
    t
};

/// The longest cl_log entity name [`prefix::may_start`] accepts before its `[`.
const ENTITY_MAX: usize = 49;

impl<'a> Iterator for Starts<'a> {
    type Item = (usize, prefix::Prefix<'a>);

    /// The candidates are the word starts [`prefix::may_start`] accepts: the scan goes word by
    /// word (no record starts inside a word), reading each word once. A lowercase word can only
    /// start a cl_log `name[pid]:`, which the same read of the word decides.
    fn next(&mut self) -> Option<Self::Item> {
        let b = self.line.as_bytes();
        let class = |p: usize| BYTE_CLASS[b[p] as usize];
        // The end of the word that goes on at `p` (every byte from `p` that continues a word).
        let word_end = |p: usize| {
            let rest = b.get(p..).unwrap_or_default();
            p + rest
                .iter()
                .take_while(|&&c| BYTE_CLASS[c as usize] & AFTER != 0)
                .count()
        };
        let mut p = self.pos;
        // Most lines hold one record: once it is read, the rest is searched only when it
        // could hold another.
        if !prefix::may_hold_start(b.get(p..).unwrap_or_default()) {
            self.pos = b.len();
            return None;
        }
        if p > 0 && p <= b.len() && class(p - 1) & AFTER != 0 {
            p = word_end(p);
        }
        while p < b.len() {
            // Here no word byte comes right before `p`.
            let k = class(p);
            if k & START == 0 {
                // `/`, `@`, ... continue a word without starting one.
                p = if k & AFTER != 0 {
                    word_end(p + 1)
                } else {
                    p + 1
                };
                continue;
            }
            let c = b[p];
            // Where the scan goes on if no record starts at `p`: after the word `p` starts.
            let mut next = p + 1;
            let candidate = if c.is_ascii_lowercase() {
                // may_start's lowercase case: an entity name, then `[` and a digit.
                let q = p
                    + 1
                    + b[p + 1..]
                        .iter()
                        .take(ENTITY_MAX - 1)
                        .take_while(|&&c| BYTE_CLASS[c as usize] & ENTITY != 0)
                        .count();
                next = q;
                b.get(q) == Some(&b'[') && b.get(q + 1).is_some_and(u8::is_ascii_digit)
            } else {
                prefix::may_start(&b[p..])
            };
            debug_assert_eq!(candidate, prefix::may_start(&b[p..]));
            if candidate {
                if let Some(pf) = prefix::parse(&self.line[p..]) {
                    // Continue after the prefix: nothing inside it starts a record.
                    let body = offset_in(self.line, pf.body);
                    self.pos = body.max(p + 1);
                    return Some((p, pf));
                }
            }
            p = word_end(next);
        }
        self.pos = b.len();
        None
    }
}

/// Byte offset of `sub` inside `base` (`sub` must borrow from `base`).
fn offset_in(base: &str, sub: &str) -> usize {
    (sub.as_ptr() as usize)
        .saturating_sub(base.as_ptr() as usize)
        .min(base.len())
}

fn is_blank(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

/// `end` moved left over blanks, not before `start`.
fn trim_end(b: &[u8], start: usize, mut end: usize) -> usize {
    while end > start && is_blank(b[end - 1]) {
        end -= 1;
    }
    end
}

/// Clamp a span to the text and to char boundaries.
fn clamp(text: &str, s: Span) -> Span {
    let mut a = s.start.min(text.len());
    let mut e = s.end.min(text.len()).max(a);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    while !text.is_char_boundary(e) {
        e += 1;
    }
    Span::new(a, e)
}

/// Read every record in `text[range]`. Spans in the records are absolute offsets in `text`.
pub fn read(text: &str, range: Span, file: usize) -> Vec<Record> {
    let mut out = Vec::with_capacity(lines_hint(text, range));
    read_into(text, range, file, &mut out, &mut |_| {});
    out
}

/// [`read`], appending to `out` (the records of every file go into one vector; the caller
/// makes room first, one record per line: [`lines_hint`], as `report` does for all logs), and
/// telling `progress` how many bytes of the range were read, about every [`PROGRESS_STEP`].
pub fn read_into(
    text: &str,
    range: Span,
    file: usize,
    out: &mut Vec<Record>,
    progress: &mut dyn FnMut(usize),
) {
    let range = clamp(text, range);
    let body = &text[range.start..range.end];
    let mut last = Memo::for_bytes(body.len());
    // Lines end at LF or CR (a CRLF leaves an empty line between them, which reads as
    // nothing). memchr, not `str::split` with a char set: that decodes every character, and
    // was a quarter of a log's time in the browser.
    let mut from = 0;
    let mut told = 0;
    let ends = memchr::memchr2_iter(b'\n', b'\r', body.as_bytes());
    for end in ends.chain(std::iter::once(body.len())) {
        read_line(&body[from..end], range.start + from, file, out, &mut last);
        from = (end + 1).min(body.len());
        if from - told >= PROGRESS_STEP {
            progress(from - told);
            told = from;
        }
    }
    progress(body.len().saturating_sub(told));
}

/// [`read_into`] with the range cut at line ends into up to `threads` parts of about
/// [`PARALLEL_MIN`] bytes or more, read at the same time (`std::thread::scope`; not on wasm32, which has
/// no threads: there it is [`read_into`]). A record never crosses a line end and the
/// knowledge-base memo only saves work, so the records are exactly those of [`read_into`], in
/// the same order: the first part is read into `out`, each other into a vector of its own,
/// appended in order. `progress` hears of the first part as it is read and of the others when
/// they are done.
pub fn read_into_parallel(
    text: &str,
    range: Span,
    file: usize,
    out: &mut Vec<Record>,
    progress: &mut dyn FnMut(usize),
    threads: usize,
) {
    read_in_parts(text, range, file, out, progress, threads, PARALLEL_MIN)
}

/// [`read_into_parallel`] with parts of at least `min` bytes (tests cut small texts).
fn read_in_parts(
    text: &str,
    range: Span,
    file: usize,
    out: &mut Vec<Record>,
    progress: &mut dyn FnMut(usize),
    threads: usize,
    min: usize,
) {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let range = clamp(text, range);
        let cuts = line_cuts(&text.as_bytes()[range.start..range.end], threads, min);
        if cuts.len() > 2 {
            let parts: Vec<Span> = cuts
                .windows(2)
                .map(|w| Span::new(range.start + w[0], range.start + w[1]))
                .collect();
            let rest = crate::text::alongside(
                || read_into(text, parts[0], file, out, progress),
                &parts[1..],
                |part| read(text, part, file),
            );
            for (mut v, part) in rest.into_iter().zip(&parts[1..]) {
                out.append(&mut v);
                progress(part.len());
            }
            return;
        }
    }
    let _ = (threads, min);
    read_into(text, range, file, out, progress)
}

/// The smallest part [`read_into_parallel`] gives a thread of its own.
pub const PARALLEL_MIN: usize = 4 << 20;

/// Offsets that cut `body` into at most `threads` parts, as many as leave each about `min`
/// bytes or more: each cut is the first line end (LF or CR) at or after its share of the
/// body, and falls just after it (a long line makes its part longer and the next one
/// shorter); 0 and `body.len()` are the first and last.
#[cfg(not(target_arch = "wasm32"))]
fn line_cuts(body: &[u8], threads: usize, min: usize) -> Vec<usize> {
    let n = threads.min(body.len() / min.max(1)).max(1);
    let mut cuts = vec![0];
    for k in 1..n {
        // The first line end at or after byte `want - 1`: a cut just after it.
        let want = body.len() / n * k;
        if want <= *cuts.last().unwrap_or(&0) {
            continue;
        }
        match memchr::memchr2(b'\n', b'\r', &body[want - 1..]) {
            Some(j) if want + j < body.len() => cuts.push(want + j),
            _ => break,
        }
    }
    cuts.push(body.len());
    cuts
}

/// The records [`read_into`] makes room for in `range` of `text`: one per line.
pub fn lines_hint(text: &str, range: Span) -> usize {
    let range = clamp(text, range);
    memchr::memchr_iter(b'\n', &text.as_bytes()[range.start..range.end]).count() + 1
}

/// How often (bytes read) [`read_into`] reports progress.
pub const PROGRESS_STEP: usize = 1 << 18;

/// Knowledge-base lookups already made in this range: a direct-mapped table of (message,
/// subsystem, daemon) → entry. Logs repeat their messages (a flapping link, a retry loop,
/// `Members[3]: 1 2 3` on every change), so most lines are matched once per text, not once per
/// line. `kb::match_message` depends on nothing else, so a hit gives what a new match would.
/// A slot holds the latest message that hashed to it; a hit compares the whole key.
struct Memo<'t> {
    slots: Vec<Option<MemoSlot<'t>>>,
}

type MemoSlot<'t> = (
    &'t str,
    Option<&'t str>,
    Option<&'t str>,
    Option<&'static kb::Entry>,
);

impl<'t> Memo<'t> {
    /// Table size from the range's length (one slot per 256 bytes, a power of two, at most
    /// 1024 slots of 56 bytes = 56 KiB), so that the many tiny ranges of mixed text stay cheap.
    fn for_bytes(len: usize) -> Self {
        let n = (len / 256).clamp(1, 1024).next_power_of_two();
        Memo {
            slots: vec![None; n],
        }
    }

    fn lookup(&mut self, msg: &'t str, origin: kb::Origin<'t>) -> Option<&'static kb::Entry> {
        let k = (hash(msg.as_bytes()) as usize) & (self.slots.len() - 1);
        match self.slots[k] {
            Some((m, s, d, e)) if m == msg && s == origin.subsystem && d == origin.daemon => e,
            _ => {
                let e = kb::match_message(msg, origin);
                self.slots[k] = Some((msg, origin.subsystem, origin.daemon, e));
                e
            }
        }
    }
}

/// A quick 64-bit hash of a message, eight bytes at a time (only spreads messages over
/// [`Memo`]'s slots: a hit still compares the text).
fn hash(b: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mix = |h: u64, w: u64| (h ^ w).wrapping_mul(K).rotate_left(31);
    let mut h = b.len() as u64;
    let mut words = b.chunks_exact(8);
    for w in &mut words {
        h = mix(
            h,
            u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]),
        );
    }
    let mut tail = [0u8; 8];
    tail[..words.remainder().len()].copy_from_slice(words.remainder());
    h = mix(h, u64::from_le_bytes(tail));
    h ^ h >> 29
}

fn read_line<'t>(
    line: &'t str,
    base: usize,
    file: usize,
    out: &mut Vec<Record>,
    last: &mut Memo<'t>,
) {
    let mut starts = Starts::new(line).peekable();
    let Some(&(first, _)) = starts.peek() else {
        return;
    };
    // Indentation and mail quoting (`> `) before the only record do not make a line glued.
    let lead_is_blank = line.as_bytes()[..first]
        .iter()
        .all(|&b| is_blank(b) || b == b'>');
    let mut index = 0usize;
    while let Some((p, pf)) = starts.next() {
        let next = starts.peek().map(|&(n, _)| n);
        let glued = !lead_is_blank || index > 0 || next.is_some();
        index += 1;
        out.push(make_record(
            line,
            base,
            file,
            p,
            &pf,
            next.unwrap_or(line.len()),
            glued,
            last,
        ));
    }
}

#[allow(clippy::too_many_arguments)]
fn make_record<'t>(
    line: &'t str,
    base: usize,
    file: usize,
    start: usize,
    pf: &prefix::Prefix<'t>,
    seg_end: usize,
    glued: bool,
    last: &mut Memo<'t>,
) -> Record {
    let b = line.as_bytes();
    let body = offset_in(line, pf.body).min(seg_end);
    let mut end = seg_end;
    let non_ascii = if glued {
        b[body..end].iter().position(|&c| c >= 0x80)
    } else {
        None
    };
    if let Some(k) = non_ascii {
        end = body + k;
    }
    end = trim_end(b, body, end);
    if pf.repeated && end > body && b[end - 1] == b']' {
        end = trim_end(b, body, end - 1);
    }
    let mut msg_end = end;
    let mut detail = None;
    let bar = if pf.pacemaker {
        find(&b[body..end], b" | ")
    } else {
        None
    };
    if let Some(k) = bar {
        msg_end = trim_end(b, body, body + k);
        let d = body + k + 3;
        let d = d + b[d..end].iter().take_while(|&&c| is_blank(c)).count();
        detail = Some(Span::new(base + d, base + end.max(d)));
    }
    let origin = kb::Origin {
        subsystem: pf.subsystem,
        daemon: pf.daemon,
    };
    let msg = &line[body..msg_end];
    let mut entry = last.lookup(msg, origin);
    let prefix_match = if entry.is_none() && glued {
        kb::match_prefix(&line[body..msg_end], origin)
    } else {
        None
    };
    if let Some((e, len)) = prefix_match {
        entry = Some(e);
        msg_end = trim_end(b, body, (body + len).min(msg_end));
        // Holes count bytes; never end a span inside a character.
        while !line.is_char_boundary(msg_end) {
            msg_end -= 1;
        }
        end = msg_end;
        detail = None;
    }
    // Every field of the prefix borrows from `line`.
    let at = |f: &str| {
        let s = offset_in(line, f);
        debug_assert!(s + f.len() <= line.len() && f.as_ptr() as usize >= line.as_ptr() as usize);
        Span::new(base + s, base + s + f.len())
    };
    Record {
        file: u32::try_from(file).unwrap_or(u32::MAX),
        span: Some(Span::new(base + start, base + end.max(start))).into(),
        message: Some(Span::new(base + body, base + msg_end)).into(),
        format: pf.format.unwrap_or(LogFormat::Syslog),
        timestamp: pf.timestamp.map(at).into(),
        host: pf.host.map(at).into(),
        daemon: pf.daemon.map(at).into(),
        subsystem: pf.subsystem.map(at).into(),
        level: pf.level.map(at).into(),
        kb: entry,
        pid: pf.pid.and_then(|p| p.parse().ok()),
        function: pf.function.map(at).into(),
        detail: detail.into(),
        glued,
    }
}

/// First occurrence of `needle` in `hay`.
fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    let first = needle[0];
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        match hay[i..hay.len() - needle.len() + 1]
            .iter()
            .position(|&c| c == first)
        {
            Some(k) => {
                i += k;
                if &hay[i..i + needle.len()] == needle {
                    return Some(i);
                }
                i += 1;
            }
            None => return None,
        }
    }
    None
}

/// One diagnostic per record that matched a KB entry: the entry's code and severity, the span
/// of the message, `kb.<id>.summary` as message, the first action as help and the meaning as
/// explanation. Unmatched records produce nothing, and neither do knet's start-up lines that
/// [`startup_links`] sets aside.
pub fn diagnose(records: &[Record], text: &str) -> Vec<Diagnostic> {
    diagnose_quiet(records, &startup_links(records, text), None)
}

/// [`diagnose`] with the start-up lines already found (`skip[i]`: record `i` is no finding).
/// With `counted`, findings past [`crate::detect::MAX_SAME_CODE`] of a code are only counted
/// there (see [`crate::detect::cap_repeats`]), not built.
pub(crate) fn diagnose_quiet(
    records: &[Record],
    skip: &[bool],
    mut counted: Option<&mut Vec<crate::detect::Counted>>,
) -> Vec<Diagnostic> {
    records
        .iter()
        .zip(skip.iter().copied())
        .filter_map(|(r, skip)| {
            let e = r.kb.filter(|_| !skip)?;
            if let Some(c) = counted.as_deref_mut() {
                if !crate::detect::listed(c, e.code.as_str(), e.severity, r.message()) {
                    return None;
                }
            }
            let [summary, action, meaning] = e.msg_keys();
            let mut d =
                Diagnostic::new(e.code.as_str(), e.severity, r.message(), Msg::new(summary))
                    .help(Msg::new(action));
            // Without the `docs` feature the KB carries no meaning (see core/build.rs).
            if !e.meaning.en.is_empty() {
                d = d.explain(Msg::new(meaning));
            }
            d.file = r.file();
            Some(d)
        })
        .collect()
}

/// Which records are no finding: on every real corosync 3 start (`scripts/lab.sh`) knet
/// prints "host: host: N has no active links" (L203) for each peer while it configures the
/// links, before any link to that peer came up. Until a link to N was up in this corosync
/// process (same pid), such lines are not a loss: they are set aside, except the first one of
/// a peer that never comes up (a peer that stays unreachable). A host named in a membership
/// line (L107) of that process, such as the node itself (knet may print the line for the
/// local host too), was reachable: its start-up line is set aside as well.
///
/// The same goes for the end: once the process said it is stopping ("Node was shut down by a
/// signal" L411, "…by sysadmin" L412, "exiting normally" L410), knet tearing its links down
/// may print the line again (seen in the lab: `host: 2 has no active links` between the
/// services unloading and "exiting normally"). That is this node leaving, not a peer lost.
pub(crate) fn startup_links(records: &[Record], text: &str) -> Vec<bool> {
    let mut skip = vec![false; records.len()];
    // Hosts of the current process: (id, reached, index of the kept start-up L203). At most
    // 64 are followed, so the scan stays short; past that every line is kept.
    let mut peers: Vec<(u32, bool, Option<usize>)> = Vec::new();
    let mut pid = None;
    // The current process said it is stopping.
    let mut stopping = false;
    for (i, r) in records.iter().enumerate() {
        let code = r.kb.map_or("", |e| e.code.as_str());
        if !matches!(code, "L107" | "L202" | "L203" | "L410" | "L411" | "L412") {
            continue;
        }
        // (Only corosync's own lines: other daemons' in the same syslog have other pids.)
        if r.pid != pid {
            peers.clear();
            pid = r.pid;
            stopping = false;
        }
        let msg = text.get(r.message().start..r.message().end).unwrap_or("");
        let ids = match code {
            "L107" => msg.find("Members").map_or("", |k| &msg[k..]),
            "L203" if stopping => {
                skip[i] = true;
                continue;
            }
            "L202" | "L203" => msg,
            "L410" | "L411" | "L412" => {
                stopping = true;
                continue;
            }
            _ => continue,
        };
        let mut n: Option<u32> = None;
        for &b in ids.as_bytes().iter().chain(b" ") {
            if b.is_ascii_digit() {
                n = Some(
                    n.unwrap_or(0)
                        .wrapping_mul(10)
                        .wrapping_add(u32::from(b - b'0')),
                );
                continue;
            }
            let Some(id) = n.take() else { continue };
            let k = match peers.iter().position(|p| p.0 == id) {
                Some(k) => k,
                None if peers.len() < 64 => {
                    peers.push((id, false, None));
                    peers.len() - 1
                }
                None => break,
            };
            let p = &mut peers[k];
            if code == "L203" && !p.1 {
                skip[i] = p.2.is_some();
                p.2 = p.2.or(Some(i));
            } else if code != "L203" {
                p.1 = true;
                if let Some(j) = p.2.take() {
                    skip[j] = true;
                }
            }
            // In L202 and L203 the first number is the host.
            if code != "L107" {
                break;
            }
        }
    }
    skip
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`Starts`] as it was first written: every word start [`prefix::may_start`] accepts is
    /// parsed, in order, skipping the prefix of each record found.
    fn record_starts_plain(line: &str) -> Vec<usize> {
        let b = line.as_bytes();
        let (mut out, mut pos, mut after_word) = (Vec::new(), 0, false);
        while pos < b.len() {
            let p = pos;
            pos += 1;
            let class = BYTE_CLASS[b[p] as usize];
            let blocked = after_word;
            after_word = class & AFTER != 0;
            if class & START == 0 || blocked || !prefix::may_start(&b[p..]) {
                continue;
            }
            if let Some(pf) = prefix::parse(&line[p..]) {
                out.push(p);
                pos = offset_in(line, pf.body).max(p + 1);
                after_word = pos > 0 && BYTE_CLASS[b[pos - 1] as usize] & AFTER != 0;
            }
        }
        out
    }

    #[test]
    fn record_starts_are_the_plain_scans() {
        let lines = [
            "Aug 26 16:20:37 node1 corosync[2345]:   [TOTEM ] A processor failed",
            "crmd[2410]: 2011/08/26_16:20:37 info: do_state_transition: State",
            "Aug 26 16:20:40 [2360] node1 crmd:   notice: do_state_transition: S_IDLE",
            "[ 1234.567890] node1 corosync[2345]: [TOTEM ] A new membership",
            // Neither a clock nor `[` and a digit: the uptime's `[ ` alone.
            "[ 1234.567890] node1 kernel: e1000e eth1 link is down",
            "2024-08-26T16:20:37.183498+02:00 node1 corosync[2345]: [QUORUM] Members[1]: 1",
            "Mon 2024-08-26 16:20:37 CEST node1 corosync[2345]: [TOTEM ] A new membership",
            "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuv[1]: 2011/08/26_16:20:37 info: x",
            "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvw[1]: 2011/08/26_16:20:37 info: x",
            "a.b-c_d[12]: 2011/08/26_16:20:37 error: f: x/y[1]: 2011/08/26_16:20:37 info: g",
        ];
        let mut cases: Vec<String> = Vec::new();
        for a in lines {
            for b in lines {
                for glue in ["", " ", "x", "/", " > ", "[", "é"] {
                    cases.push(format!("{a}{glue}{b}"));
                }
            }
            for (i, _) in a.char_indices() {
                for r in ["", " ", "x", "[", "1", "/", "-"] {
                    cases.push(format!("{}{r}{}", &a[..i], &a[i..]));
                    let next = a[i..].chars().next().map_or(i, |c| i + c.len_utf8());
                    cases.push(format!("{}{r}{}", &a[..i], &a[next..]));
                }
            }
        }
        // Every line of the fixture logs, alone and glued to the next.
        fn logs(dir: &std::path::Path, out: &mut Vec<String>) {
            for e in std::fs::read_dir(dir).unwrap().flatten() {
                let p = e.path();
                if p.is_dir() {
                    logs(&p, out);
                } else if p.extension().is_some_and(|x| x == "log") {
                    out.push(crate::text::decode(&std::fs::read(&p).unwrap()).text);
                }
            }
        }
        let mut texts = Vec::new();
        logs(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/logs"),
            &mut texts,
        );
        let fixture_lines: Vec<&str> = texts.iter().flat_map(|t| t.lines()).collect();
        assert!(fixture_lines.len() > 500, "{}", fixture_lines.len());
        for w in fixture_lines.windows(2) {
            cases.push(w[0].to_string());
            cases.push(format!("{}{}", w[0], w[1]));
            cases.push(format!("{} {}", w[0], w[1]));
        }
        let mut glued = 0;
        for c in &cases {
            let want = record_starts_plain(c);
            glued += usize::from(want.len() > 1);
            assert_eq!(record_starts(c), want, "{c:?}");
        }
        // The cases exercise what matters: lines with several records.
        assert!(glued > 200, "{glued} glued lines in {}", cases.len());
    }

    /// A log read in parts by several threads gives the records of one read, in order: every
    /// fixture (logs and the rest), with CRLF and CR line ends and glued lines, cut into 2 to 4
    /// parts of at least 1, 40, 200 and 1000 bytes; the cuts fall after an LF, between a CR and
    /// its LF, and after a lone CR.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn parts_read_as_one() {
        fn files(dir: &std::path::Path, out: &mut Vec<String>) {
            for e in std::fs::read_dir(dir).unwrap().flatten() {
                let p = e.path();
                if p.is_dir() {
                    files(&p, out);
                } else if let Ok(b) = std::fs::read(&p) {
                    out.push(crate::text::decode(&b).text);
                }
            }
        }
        let mut texts = Vec::new();
        files(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures"),
            &mut texts,
        );
        assert!(texts.len() > 200, "{}", texts.len());
        let (mut cut, mut records) = (0, 0);
        for t in &texts {
            for t in [
                t.clone(),
                t.replace('\n', "\r\n"),
                t.replace('\n', "\r"),
                t.replace("\n", " "),
            ] {
                let range = Span::new(0, t.len());
                let want = read(&t, range, 3);
                records += want.len();
                for threads in 2..=4 {
                    for min in [1, 40, 200, 1000] {
                        let mut got = Vec::new();
                        let mut told = 0;
                        read_in_parts(&t, range, 3, &mut got, &mut |n| told += n, threads, min);
                        assert_eq!(got, want, "{threads} threads, parts of {min}: {t:?}");
                        assert_eq!(told, t.len());
                        cut += usize::from(line_cuts(t.as_bytes(), threads, min).len() > 2);
                    }
                }
            }
        }
        // The texts were cut, and had records to compare.
        assert!(
            cut > 2000 && records > 5_000,
            "{cut} cut, {records} records"
        );
    }

    /// Cuts are increasing, at most one per thread, each just after an LF or a CR, for every
    /// thread count and part size on a body with LF, CRLF and CR line ends.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn line_cuts_fall_after_line_ends() {
        let body = b"aaaa\nbbbb\r\ncccc\rdddd";
        for threads in 1..=6 {
            for min in 1..=body.len() + 1 {
                let cuts = line_cuts(body, threads, min);
                assert_eq!(cuts.first(), Some(&0));
                assert_eq!(cuts.last(), Some(&body.len()));
                assert!(cuts.len() <= threads + 1, "{cuts:?}");
                assert!(cuts.windows(2).all(|w| w[0] < w[1]), "{cuts:?}");
                for &c in &cuts[1..cuts.len() - 1] {
                    assert!(matches!(body[c - 1], b'\n' | b'\r'), "{cuts:?}");
                }
            }
        }
        assert_eq!(line_cuts(body, 2, 4), vec![0, 10, body.len()]);
        assert_eq!(line_cuts(body, 4, 4), vec![0, 5, 10, 16, body.len()]);
    }

    #[test]
    fn find_works() {
        assert_eq!(find(b"a | b", b" | "), Some(1));
        assert_eq!(find(b"a |b", b" | "), None);
        assert_eq!(find(b"", b" | "), None);
    }

    /// A log of a million lines holds a million records: the record stays small (it was 232
    /// bytes with `Option<Span>` fields, more than twice the line it describes, and 120 with
    /// `usize` offsets for its span, message and file).
    #[test]
    #[cfg(target_pointer_width = "64")]
    fn records_stay_small() {
        assert_eq!(std::mem::size_of::<OptSpan>(), 8);
        assert!(
            std::mem::size_of::<Record>() <= 96,
            "{}",
            std::mem::size_of::<Record>()
        );
    }

    #[test]
    fn opt_span_round_trips_and_refuses_what_does_not_fit() {
        for s in [None, Some(Span::new(0, 0)), Some(Span::new(3, 70_000_000))] {
            assert_eq!(OptSpan::from(s).get(), s);
        }
        assert!(OptSpan::from(Some(Span::new(1, u32::MAX as usize))).is_none());
        assert!(OptSpan::from(Some(Span::new(5, 4))).is_none());
    }

    /// The byte table is the predicate it replaced, for every byte.
    #[test]
    fn byte_class_is_the_word_and_start_tests() {
        for b in 0..=255u8 {
            let word = b.is_ascii_alphanumeric()
                || matches!(
                    b,
                    b'_' | b'-' | b'.' | b'/' | b'@' | b'=' | b'%' | b'\'' | b'"' | b'#'
                );
            let class = BYTE_CLASS[b as usize];
            assert_eq!(class & AFTER != 0, word || b == b'[', "{b}");
            assert_eq!(
                class & START != 0,
                b.is_ascii_alphanumeric() || b == b'[',
                "{b}"
            );
        }
    }

    /// A memoised lookup gives what a new match gives, whatever the table size (one slot: every
    /// message evicts the last), the order, and the origin (which narrows `only:` entries).
    #[test]
    fn memo_gives_what_a_new_match_gives() {
        let msgs = [
            "A processor failed, forming new configuration.",
            "link: host: 2 link: 0 is down",
            "Members[3]: 1 2 3",
            "A processor failed, forming new configuration.",
            "not a known message at all",
            "Members[3]: 1 2 3",
            "",
            "link: host: 2 link: 0 is down",
        ];
        let origins = [
            kb::Origin::default(),
            kb::Origin {
                subsystem: Some("TOTEM"),
                daemon: Some("corosync"),
            },
            kb::Origin {
                subsystem: Some("KNET"),
                daemon: None,
            },
            kb::Origin {
                subsystem: None,
                daemon: Some("pacemaker-controld"),
            },
        ];
        for size in [0, 300, 1 << 30] {
            let mut memo = Memo::for_bytes(size);
            assert!(memo.slots.len().is_power_of_two() && memo.slots.len() <= 1024);
            for round in 0..3 {
                for (i, m) in msgs.iter().enumerate() {
                    let o = origins[(i + round) % origins.len()];
                    let got = memo.lookup(m, o).map(|e| e.id.as_str());
                    let want = kb::match_message(m, o).map(|e| e.id.as_str());
                    assert_eq!(got, want, "{m:?} {o:?} size {size}");
                }
            }
        }
        // The messages above do match something, so the comparison means something.
        assert!(kb::match_message(msgs[0], origins[1]).is_some());
        assert_ne!(hash(b"Members[3]: 1 2 3"), hash(b"Members[3]: 1 2 4"));
    }

    #[test]
    fn clamp_keeps_char_boundaries() {
        let t = "aé";
        assert_eq!(clamp(t, Span::new(2, 99)), Span::new(1, 3));
    }
}
