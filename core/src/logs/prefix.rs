//! Record prefixes (timestamp, host, daemon, pid, subsystem, priority) for every format of
//! `logs.md` §1, parsed with nom.
//!
//! Conventions (`logs.md` §1.1 and §5):
//! - a run of blanks (spaces or TABs) is one separator everywhere, so `[pcmk  ]` and `[pcmk ]`
//!   (mail archives collapse spaces), `Aug  6` and `Aug 6`, and right- or left-justified
//!   priorities all parse;
//! - the day of month may be space-padded, zero-padded or unpadded (`Aug  6`, `Aug 06`,
//!   `Aug 6`), the hour may be space-padded (openais prints `%k`), and the time may carry a
//!   `.mmm` (libqb hi-res) or `.uuuuuu` (journalctl short-precise, openais) fraction;
//! - every token has a length bound, so parsing one candidate costs at most about a kilobyte of
//!   input whatever follows (callers try many candidates on one long line).

use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::character::complete::char;
use nom::combinator::{opt, recognize, verify};
use nom::{IResult, Parser};

use super::LogFormat;

type R<'a, T> = IResult<&'a str, T>;

/// What a prefix parse found. All slices borrow from the parsed line.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Prefix<'a> {
    pub format: Option<LogFormat>,
    pub timestamp: Option<&'a str>,
    pub host: Option<&'a str>,
    pub daemon: Option<&'a str>,
    pub pid: Option<&'a str>,
    /// Trimmed.
    pub subsystem: Option<&'a str>,
    pub level: Option<&'a str>,
    pub function: Option<&'a str>,
    /// Everything after the prefix (the message, up to the end of the parsed slice).
    pub body: &'a str,
    /// Pacemaker message: the extended detail after ` | ` is not part of the message.
    pub pacemaker: bool,
    /// rsyslog `message repeated N times: [ … ]`: drop the closing `]`.
    pub repeated: bool,
    /// What [`parse`] still has to read of the body once the format is known (the fields it
    /// fills never change the format, so [`format_of`] skips it).
    rest: Rest,
}

/// The second half of a parse: the fields inside the body.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Rest {
    #[default]
    Done,
    /// [`corosync_body`].
    Corosync,
    /// [`payload`].
    Payload,
    /// [`strip_function`].
    Function,
    /// [`stderr_body`].
    Stderr,
}

/// What [`month_index`] knows, in order (the tests check it against this list).
#[cfg(test)]
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// Three letters as one number, so that a `match` on them is a few integer comparisons.
const fn key3(w: &[u8; 3]) -> u32 {
    u32::from_le_bytes([w[0], w[1], w[2], 0])
}

const JAN: u32 = key3(b"Jan");
const FEB: u32 = key3(b"Feb");
const MAR: u32 = key3(b"Mar");
const APR: u32 = key3(b"Apr");
const MAY: u32 = key3(b"May");
const JUN: u32 = key3(b"Jun");
const JUL: u32 = key3(b"Jul");
const AUG: u32 = key3(b"Aug");
const SEP: u32 = key3(b"Sep");
const OCT: u32 = key3(b"Oct");
const NOV: u32 = key3(b"Nov");
const DEC: u32 = key3(b"Dec");
const MON: u32 = key3(b"Mon");
const TUE: u32 = key3(b"Tue");
const WED: u32 = key3(b"Wed");
const THU: u32 = key3(b"Thu");
const FRI: u32 = key3(b"Fri");
const SAT: u32 = key3(b"Sat");
const SUN: u32 = key3(b"Sun");

/// The index (0 for `Jan`) of an English month abbreviation (every line's timestamp is tried
/// with it, some twice).
pub(crate) fn month_index(w: [u8; 3]) -> Option<usize> {
    Some(match key3(&w) {
        JAN => 0,
        FEB => 1,
        MAR => 2,
        APR => 3,
        MAY => 4,
        JUN => 5,
        JUL => 6,
        AUG => 7,
        SEP => 8,
        OCT => 9,
        NOV => 10,
        DEC => 11,
        _ => return None,
    })
}

/// One of the weekdays journalctl's short-full format starts with.
fn is_weekday(w: [u8; 3]) -> bool {
    matches!(key3(&w), MON | TUE | WED | THU | FRI | SAT | SUN)
}

/// libqb priority words (corosync 2/3, Pacemaker 1.1.8+, qdevice).
const LIBQB_PRIOS: [&str; 9] = [
    "emerg", "alert", "crit", "error", "warning", "notice", "info", "debug", "trace",
];
/// Pacemaker plugin and cluster-glue `cl_log` words (`debugN` handled separately).
const PLUGIN_LEVELS: [&str; 11] = [
    "EMERG", "ALERT", "CRIT", "ERROR", "WARN", "notice", "info", "debug", "crit", "error",
    "warning",
];

/// Daemons writing their own file through RHEL 6's liblogthread (`logs.md` §1.12).
const LOGTHREAD_DAEMONS: [&str; 4] = ["fenced", "dlm_controld", "gfs_controld", "groupd"];

/// Pacemaker daemon idents, 1.0 to 3.x (`logs.md` §1.9). Used to decide whether a syslog payload
/// is Pacemaker's (function prefix, extended detail).
pub(crate) const PACEMAKER_DAEMONS: [&str; 20] = [
    "pacemakerd",
    "crmd",
    "pengine",
    "stonithd",
    "stonith-ng",
    "cib",
    "lrmd",
    "attrd",
    "pacemaker_remoted",
    "pacemaker-controld",
    "pacemaker-schedulerd",
    "pacemaker-fenced",
    "pacemaker-based",
    "pacemaker-execd",
    "pacemaker-attrd",
    "pacemaker-remoted",
    "crm_resource",
    "stonith_admin",
    "crm_verify",
    "crm_simulate",
];

/// `m..=n` characters that satisfy `pred` (like nom's `take_while_m_n`, which decodes every
/// character; prefixes are almost all ASCII, so this tests bytes and decodes only the rest).
fn take_while_m_n<'a>(
    m: usize,
    n: usize,
    pred: impl Fn(char) -> bool,
) -> impl Fn(&'a str) -> R<'a, &'a str> {
    move |i: &'a str| {
        let b = i.as_bytes();
        let (mut pos, mut count) = (0, 0);
        while count < n && pos < b.len() {
            let x = b[pos];
            if x < 0x80 {
                if !pred(x as char) {
                    break;
                }
                pos += 1;
            } else {
                let c = i[pos..].chars().next().unwrap_or('\0');
                if !pred(c) {
                    break;
                }
                pos += c.len_utf8();
            }
            count += 1;
        }
        if count < m {
            return Err(nom::Err::Error(nom::error::Error::new(
                i,
                nom::error::ErrorKind::TakeWhileMN,
            )));
        }
        Ok((&i[pos..], &i[..pos]))
    }
}

/// [`take_while_m_n`] for a predicate that only ASCII bytes satisfy: `m..=n` such bytes,
/// tested as bytes (the same result, since no byte of a multi-byte character passes).
fn take_ascii<'a>(i: &'a str, m: usize, n: usize, pred: impl Fn(u8) -> bool) -> R<'a, &'a str> {
    let b = i.as_bytes();
    let k = b.iter().take(n).take_while(|&&c| pred(c)).count();
    if k < m {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::TakeWhileMN,
        )));
    }
    Ok((&i[k..], &i[..k]))
}

fn is_blank(c: u8) -> bool {
    c == b' ' || c == b'\t'
}

/// One or more blanks (bounded).
fn ws(i: &str) -> R<'_, &str> {
    take_ascii(i, 1, 64, is_blank)
}

fn ws0(i: &str) -> R<'_, &str> {
    take_ascii(i, 0, 64, is_blank)
}

fn digits(min: usize, max: usize) -> impl FnMut(&str) -> R<'_, &str> {
    move |i| take_ascii(i, min, max, |c| c.is_ascii_digit())
}

fn num_in(min: usize, max: usize, lo: u32, hi: u32) -> impl FnMut(&str) -> R<'_, &str> {
    move |i| {
        verify(digits(min, max), |s: &str| {
            s.parse::<u32>().is_ok_and(|n| (lo..=hi).contains(&n))
        })
        .parse(i)
    }
}

fn word_from<'s>(set: &'s [&'s str]) -> impl FnMut(&str) -> R<'_, &str> + 's {
    move |i| {
        verify(
            |i| take_ascii(i, 1, 8, |c| c.is_ascii_alphabetic()),
            |w: &str| set.contains(&w),
        )
        .parse(i)
    }
}

/// `HH:MM:SS` with a 1- or 2-digit hour, and an optional fraction.
fn clock(i: &str) -> R<'_, &str> {
    bytewise(i, clock_at(i.as_bytes(), 0))
}

/// `Aug 26 16:20:37`, `Aug  6 16:20:37.123`, `Aug 6  9:05:03.123456`.
fn ts_bsd(i: &str) -> R<'_, &str> {
    let b = i.as_bytes();
    // Exactly three letters, a month's.
    let end = match b {
        &[x, y, z, ref r @ ..] if !r.first().is_some_and(u8::is_ascii_alphabetic) => {
            month_index([x, y, z]).map(|_| 3)
        }
        _ => None,
    }
    .and_then(|p| blanks(b, p))
    .and_then(|p| {
        // The day: one or two digits, 1 to 31.
        let d = digit(b, p)?;
        let (v, p) = match digit(b, p + 1) {
            Some(e) => (d * 10 + e, p + 2),
            None => (d, p + 1),
        };
        (1..=31).contains(&v).then_some(p)
    })
    .and_then(|p| blanks(b, p))
    .and_then(|p| clock_at(b, p));
    bytewise(i, end)
}

// Byte-level forms of the combinators above for the timestamp every line is tried with (the
// nom forms were most of a line's cost). Same results: every byte they accept is ASCII.

/// How many bytes from `at` (at most `max`) satisfy `f`.
fn count(b: &[u8], at: usize, max: usize, f: impl Fn(&u8) -> bool) -> usize {
    b.get(at..)
        .map_or(0, |r| r.iter().take(max).take_while(|c| f(c)).count())
}

/// [`ws`]: one to 64 blanks.
pub(super) fn blanks(b: &[u8], at: usize) -> Option<usize> {
    let mut p = at;
    while p < b.len() && p - at < 64 && is_blank(b[p]) {
        p += 1;
    }
    (p > at).then_some(p)
}

fn byte_at(b: &[u8], at: usize, c: u8) -> Option<usize> {
    (b.get(at) == Some(&c)).then_some(at + 1)
}

/// The value of the digit at `b[at]`.
pub(super) fn digit(b: &[u8], at: usize) -> Option<u8> {
    b.get(at).map(|c| c.wrapping_sub(b'0')).filter(|&d| d < 10)
}

/// Two digits at `at` and their value, if at most `max`.
fn two_digits(b: &[u8], at: usize, max: u8) -> Option<usize> {
    let v = digit(b, at)? * 10 + digit(b, at + 1)?;
    (v <= max).then_some(at + 2)
}

/// [`clock`] from `at`: where it ends. (The digits read one by one: every line's timestamp
/// goes through here twice.)
fn clock_at(b: &[u8], at: usize) -> Option<usize> {
    let h = digit(b, at)?;
    let p = match digit(b, at + 1) {
        Some(l) if h * 10 + l <= 23 => at + 2,
        Some(_) => return None,
        None => at + 1,
    };
    let p = byte_at(b, p, b':')?;
    let p = two_digits(b, p, 59).and_then(|p| byte_at(b, p, b':'))?;
    let p = two_digits(b, p, 60)?;
    if b.get(p) != Some(&b'.') {
        return Some(p);
    }
    let frac = count(b, p + 1, 9, u8::is_ascii_digit);
    Some(if frac > 0 { p + 1 + frac } else { p })
}

/// A byte-level parse as a nom result: `end` splits `i` (recognize), or nothing matched.
fn bytewise(i: &str, end: Option<usize>) -> R<'_, &str> {
    match end {
        Some(e) => Ok((&i[e..], &i[..e])),
        None => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Verify,
        ))),
    }
}

fn date_iso(i: &str) -> R<'_, &str> {
    recognize((
        digits(4, 4),
        char('-'),
        num_in(2, 2, 1, 12),
        char('-'),
        num_in(2, 2, 1, 31),
    ))
    .parse(i)
}

/// RFC 3339 / ISO 8601: `2024-08-26T16:20:37+02:00`, `…37.123456+0200`, `…37Z`.
fn ts_iso(i: &str) -> R<'_, &str> {
    recognize((
        date_iso,
        char('T'),
        clock,
        opt(alt((
            recognize(char('Z')),
            recognize((
                alt((char('+'), char('-'))),
                digits(2, 2),
                opt(char(':')),
                digits(2, 2),
            )),
        ))),
    ))
    .parse(i)
}

/// journalctl short-full: `Mon 2024-08-26 16:20:37 CEST`.
fn ts_full(i: &str) -> R<'_, &str> {
    recognize((
        word_from(&WEEKDAYS),
        ws,
        date_iso,
        ws,
        clock,
        ws,
        alt((
            take_while_m_n(1, 6, |c: char| c.is_ascii_alphabetic()),
            recognize((alt((char('+'), char('-'))), digits(4, 4))),
        )),
    ))
    .parse(i)
}

/// journalctl short-monotonic: `[ 1234.567890]`.
fn ts_monotonic(i: &str) -> R<'_, &str> {
    recognize((
        char('['),
        ws0,
        digits(1, 12),
        char('.'),
        digits(6, 6),
        char(']'),
    ))
    .parse(i)
}

/// cluster-glue `cl_log` file timestamp: `2011/08/26_16:20:37`.
fn ts_cl_log(i: &str) -> R<'_, &str> {
    recognize((
        digits(4, 4),
        char('/'),
        num_in(2, 2, 1, 12),
        char('/'),
        num_in(2, 2, 1, 31),
        char('_'),
        clock,
    ))
    .parse(i)
}

fn bracket_pid(i: &str) -> R<'_, &str> {
    let (i, _) = char('[')(i)?;
    let (i, pid) = digits(1, 10)(i)?;
    let (i, _) = char(']')(i)?;
    Ok((i, pid))
}

/// A host name or other blank-free token.
fn token(i: &str) -> R<'_, &str> {
    take_while_m_n(1, 255, |c: char| !c.is_whitespace())(i)
}

/// A syslog tag / daemon name (no blank, `[` or `:`).
fn ident(i: &str) -> R<'_, &str> {
    take_while_m_n(1, 64, |c: char| {
        !c.is_whitespace() && c != '[' && c != ':' && c != ']'
    })(i)
}

fn daemon_name(i: &str) -> R<'_, &str> {
    take_ascii(i, 1, 48, |c| {
        c.is_ascii_alphanumeric() || c == b'-' || c == b'_' || c == b'.'
    })
}

/// `[TOTEM ]`, `[pcmk ]`, `[CLM  ]`: returns the trimmed tag.
fn subsys(i: &str) -> R<'_, &str> {
    let (i, _) = char('[')(i)?;
    let (i, _) = ws0(i)?;
    // Starts with a letter: `[2410]:` is a cl_log pid, not a subsystem.
    let (i, name) = verify(
        |i| {
            take_ascii(i, 1, 24, |c| {
                c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.' | b':')
            })
        },
        |n: &str| n.as_bytes()[0].is_ascii_alphabetic(),
    )
    .parse(i)?;
    let (i, _) = ws0(i)?;
    let (i, _) = char(']')(i)?;
    Ok((i, name))
}

fn libqb_prio(i: &str) -> R<'_, &str> {
    word_from(&LIBQB_PRIOS)(i)
}

/// Plugin / cl_log level words, including `debug2` etc.
fn plugin_level(i: &str) -> R<'_, &str> {
    alt((
        recognize((tag("debug"), digits(1, 2))),
        word_from(&PLUGIN_LEVELS),
    ))
    .parse(i)
}

/// A C function name as Pacemaker prints it before the message.
fn c_function(i: &str) -> R<'_, &str> {
    take_ascii(i, 1, 128, |c| c.is_ascii_alphanumeric() || c == b'_')
}

fn rest_after_ws(i: &str) -> &str {
    ws0(i).map(|(r, _)| r).unwrap_or(i)
}

/// A cheap byte test run before [`parse`] at every candidate position of a long line: can a
/// record start here at all? (A month or weekday name, an ISO date, `[` with a pid or uptime,
/// or a `name[pid]:` cl_log entity.) False positives are fine, false negatives are not.
pub(crate) fn may_start(b: &[u8]) -> bool {
    let Some(&c) = b.first() else { return false };
    match c {
        b'A'..=b'Z' => {
            let Some(&[x, y, z]) = b.get(..3) else {
                return false;
            };
            month_index([x, y, z]).is_some() || is_weekday([x, y, z])
        }
        b'0'..=b'9' => b.len() > 4 && b[..4].iter().all(u8::is_ascii_digit) && b[4] == b'-',
        b'[' => b.get(1).is_some_and(|&d| d.is_ascii_digit() || d == b' '),
        b'a'..=b'z' => {
            let n = b
                .iter()
                .take(49)
                .take_while(|&&d| d.is_ascii_alphanumeric() || matches!(d, b'-' | b'_' | b'.'))
                .count();
            b.get(n) == Some(&b'[') && b.get(n + 1).is_some_and(u8::is_ascii_digit)
        }
        _ => false,
    }
}

/// Can a record start anywhere in `b` at all? Every record [`may_start`] lets through holds
/// a clock (`H:MM:SS`, whose first colon has a digit before it and two after it, then a
/// colon) or a `[` before a digit or a blank (a pid, an uptime, a cl_log entity's pid): a line
/// whose rest holds neither has no record left in it. False positives are fine, false
/// negatives are not. (Most message bodies hold neither, and this looks at their colons and
/// brackets only.)
pub(crate) fn may_hold_start(b: &[u8]) -> bool {
    let digit = |k: usize| b.get(k).is_some_and(u8::is_ascii_digit);
    memchr::memchr2_iter(b':', b'[', b).any(|k| {
        if b[k] == b'[' {
            digit(k + 1) || b.get(k + 1) == Some(&b' ')
        } else {
            k > 0 && digit(k - 1) && digit(k + 1) && digit(k + 2) && b.get(k + 3) == Some(&b':')
        }
    })
}

/// Parse the prefix of the record that starts at the beginning of `s`.
pub(crate) fn parse(s: &str) -> Option<Prefix<'_>> {
    let mut p = head(s)?;
    match std::mem::take(&mut p.rest) {
        Rest::Done => {}
        Rest::Corosync => corosync_body(&mut p),
        Rest::Payload => payload(&mut p),
        Rest::Function => strip_function(&mut p),
        Rest::Stderr => stderr_body(&mut p),
    }
    Some(p)
}

/// The format of the record that starts at the beginning of `s`: [`parse`]'s, without reading
/// the fields inside the body (format detection looks at every line).
pub(crate) fn format_of(s: &str) -> Option<LogFormat> {
    head(s).and_then(|p| p.format)
}

/// [`parse`] up to the body: the format and the fields before the message.
fn head(s: &str) -> Option<Prefix<'_>> {
    let first = *s.as_bytes().first()?;
    match first {
        b'A'..=b'Z' => {
            if let Ok((rest, ts)) = ts_bsd(s) {
                // journalctl short-precise prints microseconds; rsyslog prints none.
                // The fraction is all digits and the only `.` of the timestamp.
                let frac = ts.len() > 7 && ts.as_bytes()[ts.len() - 7] == b'.';
                return after_bsd(rest, ts, frac);
            }
            if let Ok((rest, ts)) = ts_full(s) {
                return after_ts_syslog(rest, ts, LogFormat::JournalFull);
            }
            None
        }
        b'0'..=b'9' => {
            let (rest, ts) = ts_iso(s).ok()?;
            after_ts_syslog(rest, ts, LogFormat::SyslogIso)
        }
        b'[' => {
            if let Ok((rest, ts)) = ts_monotonic(s) {
                return after_ts_syslog(rest, ts, LogFormat::JournalMonotonic);
            }
            // corosync 2.x/3.x logfile without a timestamp.
            corosync23(s, None)
        }
        b'a'..=b'z' => cl_log_file(s),
        _ => None,
    }
}

/// After an `Mmm dd HH:MM:SS` timestamp.
fn after_bsd<'a>(rest: &'a str, ts: &'a str, frac: bool) -> Option<Prefix<'a>> {
    let (rest, _) = ws(rest).ok()?;
    if let Some(p) = corosync1(rest, ts) {
        return Some(p);
    }
    if rest.starts_with('[') {
        // corosync 2/3 and Pacemaker 1.1's detail log share `[PID] HOST `.
        if let Some((after, pid, host)) = pid_host(rest) {
            if let Some(p) = corosync23_after(after, Some(ts), pid, host) {
                return Some(p);
            }
            if let Some(p) = pacemaker11_after(after, ts, pid, host) {
                return Some(p);
            }
        }
        return openais(rest, ts);
    }
    // Pacemaker 2's detail log and syslog share `HOST `.
    if let Some((after, host)) = host_ws(rest) {
        if let Some(p) = pacemaker2_after(after, ts, host) {
            return Some(p);
        }
        let fmt = if frac {
            LogFormat::JournalPrecise
        } else {
            LogFormat::Syslog
        };
        if let Some(p) = syslog_after(after, ts, fmt, host) {
            return Some(p);
        }
    }
    if let Some(p) = stderr(rest, ts) {
        return Some(p);
    }
    logthread(rest, ts)
}

fn after_ts_syslog<'a>(rest: &'a str, ts: &'a str, fmt: LogFormat) -> Option<Prefix<'a>> {
    let (rest, _) = ws(rest).ok()?;
    let (after, host) = host_ws(rest)?;
    syslog_after(after, ts, fmt, host)
}

/// `HOST ` (a token and blanks): what follows, and the host.
fn host_ws(i: &str) -> Option<(&str, &str)> {
    let (i, host) = token(i).ok()?;
    let (i, _) = ws(i).ok()?;
    Some((i, host))
}

/// `[PID] HOST `: what follows, the pid and the host.
fn pid_host(i: &str) -> Option<(&str, &str, &str)> {
    let (i, pid) = bracket_pid(i).ok()?;
    let (i, _) = ws(i).ok()?;
    let (i, host) = host_ws(i)?;
    Some((i, pid, host))
}

/// corosync 1.x file: `corosync [TOTEM ] msg` (`logs.md` §1.3).
fn corosync1<'a>(i: &'a str, ts: &'a str) -> Option<Prefix<'a>> {
    let (i, daemon) = tag::<_, _, nom::error::Error<&str>>("corosync")
        .parse(i)
        .ok()?;
    let (i, _) = ws0(i).ok()?;
    let (i, sub) = subsys(i).ok()?;
    let p = Prefix {
        format: Some(LogFormat::Corosync1File),
        timestamp: Some(ts),
        daemon: Some(daemon),
        subsystem: Some(sub),
        body: rest_after_ws(i),
        rest: Rest::Corosync,
        ..Prefix::default()
    };
    Some(p)
}

/// corosync 2.x/3.x file: `[PID] HOST corosync PRIO [SUBSYS] msg`, priority glued to `corosync`
/// when there is no timestamp (`logs.md` §1.4).
fn corosync23<'a>(i: &'a str, ts: Option<&'a str>) -> Option<Prefix<'a>> {
    let (i, pid, host) = pid_host(i)?;
    corosync23_after(i, ts, pid, host)
}

/// [`corosync23`] after `[PID] HOST `.
fn corosync23_after<'a>(
    i: &'a str,
    ts: Option<&'a str>,
    pid: &'a str,
    host: &'a str,
) -> Option<Prefix<'a>> {
    let (i, daemon) = tag::<_, _, nom::error::Error<&str>>("corosync")
        .parse(i)
        .ok()?;
    let (i, _) = ws0(i).ok()?;
    let (i, level) = libqb_prio(i).ok()?;
    let (i, _) = ws(i).ok()?;
    let (i, sub) = subsys(i).ok()?;
    let p = Prefix {
        format: Some(LogFormat::Corosync23File),
        timestamp: ts,
        host: Some(host),
        daemon: Some(daemon),
        pid: Some(pid),
        subsystem: Some(sub),
        level: Some(level),
        body: rest_after_ws(i),
        rest: Rest::Corosync,
        ..Prefix::default()
    };
    Some(p)
}

/// Pacemaker 1.1.8–1.1.24 detail log: `[PID] NODE DAEMON: PRIO: FUNCTION: msg` (`logs.md` §1.7).
/// (After `[PID] HOST `, which [`corosync23`] reads too.)
fn pacemaker11_after<'a>(
    i: &'a str,
    ts: &'a str,
    pid: &'a str,
    host: &'a str,
) -> Option<Prefix<'a>> {
    let (i, daemon) = daemon_name(i).ok()?;
    let (i, _) = char::<_, nom::error::Error<&str>>(':').parse(i).ok()?;
    let (i, _) = ws(i).ok()?;
    // Tracing: `(file.c:  123 tag)` before the priority.
    let i = match (
        char::<_, nom::error::Error<&str>>('('),
        take_while_m_n(1, 96, |c: char| c != ')' && c != '\n'),
        char(')'),
    )
        .parse(i)
    {
        Ok((r, _)) => ws(r).ok()?.0,
        Err(_) => i,
    };
    let (i, level) = libqb_prio(i).ok()?;
    let (i, _) = char::<_, nom::error::Error<&str>>(':').parse(i).ok()?;
    let (i, _) = ws(i).ok()?;
    let (i, func) = c_function(i).ok()?;
    let (i, _) = char::<_, nom::error::Error<&str>>(':').parse(i).ok()?;
    Some(Prefix {
        format: Some(LogFormat::Pacemaker11Detail),
        timestamp: Some(ts),
        host: Some(host),
        daemon: Some(daemon),
        pid: Some(pid),
        level: Some(level),
        function: Some(func),
        body: rest_after_ws(i),
        pacemaker: true,
        ..Prefix::default()
    })
}

/// Pacemaker 2.x/3.x detail log: `NODE DAEMON [PID] (FUNCTION) PRIO: msg`, with `(f@file:line)`
/// when tracing (`logs.md` §1.8).
/// (After `HOST `, which [`syslog_after`] reads too.)
fn pacemaker2_after<'a>(i: &'a str, ts: &'a str, host: &'a str) -> Option<Prefix<'a>> {
    let (i, daemon) = daemon_name(i).ok()?;
    let (i, _) = ws0(i).ok()?;
    let (i, pid) = bracket_pid(i).ok()?;
    let (i, _) = ws(i).ok()?;
    let (i, _) = char::<_, nom::error::Error<&str>>('(').parse(i).ok()?;
    let (i, func_full) =
        take_while_m_n(1, 256, |c: char| c != ')' && !c.is_whitespace())(i).ok()?;
    let (i, _) = char::<_, nom::error::Error<&str>>(')').parse(i).ok()?;
    let (i, _) = ws(i).ok()?;
    let (i, level) = libqb_prio(i).ok()?;
    let (i, _) = char::<_, nom::error::Error<&str>>(':').parse(i).ok()?;
    let func = func_full.split('@').next().unwrap_or(func_full);
    Some(Prefix {
        format: Some(LogFormat::Pacemaker2Detail),
        timestamp: Some(ts),
        host: Some(host),
        daemon: Some(daemon),
        pid: Some(pid),
        level: Some(level),
        function: Some(func),
        body: rest_after_ws(i),
        pacemaker: true,
        ..Prefix::default()
    })
}

/// syslog and journal: `HOST IDENT[PID]: payload` (`logs.md` §1.10, §1.11).
/// (After `HOST `.)
fn syslog_after<'a>(i: &'a str, ts: &'a str, fmt: LogFormat, host: &'a str) -> Option<Prefix<'a>> {
    let (i, id) = ident(i).ok()?;
    let (i, pid) = opt(bracket_pid).parse(i).ok()?;
    let (i, _) = char::<_, nom::error::Error<&str>>(':').parse(i).ok()?;
    // `host ident:` must be followed by a blank or the end (not `ident:foo`).
    if !(i.is_empty() || i.starts_with([' ', '\t'])) {
        return None;
    }
    let p = Prefix {
        format: Some(fmt),
        timestamp: Some(ts),
        host: Some(host),
        daemon: Some(id),
        pid,
        body: i,
        rest: Rest::Payload,
        ..Prefix::default()
    };
    Some(p)
}

/// Foreground (`-f`) stderr of corosync 2/3 (`PRIO [SUBSYS] msg`) and of corosync-qdevice/qnetd
/// (`PRIO msg`) (`logs.md` §1.4, §1.13).
fn stderr<'a>(i: &'a str, ts: &'a str) -> Option<Prefix<'a>> {
    let (i, level) = libqb_prio(i).ok()?;
    let (i, _) = ws(i).ok()?;
    let p = Prefix {
        format: Some(LogFormat::Stderr),
        timestamp: Some(ts),
        level: Some(level),
        body: i,
        rest: Rest::Stderr,
        ..Prefix::default()
    };
    Some(p)
}

/// After [`stderr`]'s priority: corosync's `[SUBSYS]`, if there is one.
fn stderr_body(p: &mut Prefix<'_>) {
    if let Ok((r, sub)) = subsys(p.body) {
        p.subsystem = Some(sub);
        p.body = rest_after_ws(r);
        corosync_body(p);
    }
}

/// openais 0.80 file: `[SUBSYS] msg` right after the timestamp (`logs.md` §1.2).
fn openais<'a>(i: &'a str, ts: &'a str) -> Option<Prefix<'a>> {
    let (i, sub) = subsys(i).ok()?;
    let p = Prefix {
        format: Some(LogFormat::Openais),
        timestamp: Some(ts),
        subsystem: Some(sub),
        body: rest_after_ws(i),
        rest: Rest::Corosync,
        ..Prefix::default()
    };
    Some(p)
}

/// RHEL 6 liblogthread file: `fenced text` (`logs.md` §1.12).
fn logthread<'a>(i: &'a str, ts: &'a str) -> Option<Prefix<'a>> {
    let (i, name) = daemon_name(i).ok()?;
    if !LOGTHREAD_DAEMONS.contains(&name) {
        return None;
    }
    let (i, _) = ws(i).ok()?;
    Some(Prefix {
        format: Some(LogFormat::Logthread),
        timestamp: Some(ts),
        daemon: Some(name),
        body: i,
        ..Prefix::default()
    })
}

/// cluster-glue `cl_log` own file: `entity[PID]: 2011/08/26_16:20:37 level: msg` (`logs.md` §1.6).
fn cl_log_file(s: &str) -> Option<Prefix<'_>> {
    let (i, entity) = daemon_name(s).ok()?;
    let (i, pid) = bracket_pid(i).ok()?;
    let (i, _) = char::<_, nom::error::Error<&str>>(':').parse(i).ok()?;
    let (i, _) = ws(i).ok()?;
    let (i, ts) = ts_cl_log(i).ok()?;
    let (i, _) = ws(i).ok()?;
    let (i, level) = plugin_level(i).ok()?;
    let (i, _) = char::<_, nom::error::Error<&str>>(':').parse(i).ok()?;
    let mut p = Prefix {
        format: Some(LogFormat::ClLog),
        timestamp: Some(ts),
        daemon: Some(entity),
        pid: Some(pid),
        level: Some(level),
        body: rest_after_ws(i),
        pacemaker: PACEMAKER_DAEMONS.contains(&entity),
        ..Prefix::default()
    };
    if p.pacemaker {
        p.rest = Rest::Function;
    }
    Some(p)
}

/// The payload of a syslog/journal line: corosync `[SUBSYS]`, cl_log `[PID]: level:`, libqb
/// `prio:` (Pacemaker), or plain text.
fn payload(p: &mut Prefix<'_>) {
    let mut i = rest_after_ws(p.body);
    // rsyslog: `message repeated 2 times: [ payload]`.
    if let Ok((r, _)) = (
        tag::<_, _, nom::error::Error<&str>>("message repeated"),
        ws,
        digits(1, 10),
        ws,
        tag("times:"),
        ws0,
        char('['),
    )
        .parse(i)
    {
        p.repeated = true;
        i = rest_after_ws(r);
    }
    p.body = i;
    // corosync (also the stderr copy `error   [MAIN  ] …` and a `TS PRIO [SUBSYS]` prefix).
    let cs = (opt((ts_bsd, ws)), opt((libqb_prio, ws)), subsys).parse(i);
    if let Ok((r, (_, prio, sub))) = cs {
        p.subsystem = Some(sub);
        if let Some((lv, _)) = prio {
            p.level = Some(lv);
        }
        p.body = rest_after_ws(r);
        corosync_body(p);
        return;
    }
    let daemon_is_pcmk = p.daemon.is_some_and(|d| PACEMAKER_DAEMONS.contains(&d));
    // cl_log via syslog: `[PID]: level: msg`.
    if let Ok((r, (pid, _, _, level, _))) =
        (bracket_pid, char(':'), ws, plugin_level, char(':')).parse(i)
    {
        if p.pid.is_none() {
            p.pid = Some(pid);
        }
        p.level = Some(level);
        p.body = rest_after_ws(r);
        p.pacemaker = daemon_is_pcmk;
        if p.pacemaker {
            strip_function(p);
        }
        return;
    }
    // libqb (Pacemaker 1.1.8+ and 2.x/3.x): `prio: msg`, 1.1.8–1.1.13 `prio: function: msg`.
    if let Ok((r, (level, _, _))) = (libqb_prio, char(':'), ws).parse(i) {
        p.level = Some(level);
        p.body = r;
        p.pacemaker = true;
        strip_function(p);
        return;
    }
    if daemon_is_pcmk {
        p.pacemaker = true;
        strip_function(p);
    }
}

/// Inside corosync output: the Pacemaker plugin's `LEVEL: function: msg` (subsystem `pcmk`, or
/// `crm` in SLE 11 GA), and a `file.c:123 ` inserted by `fileline: on`.
fn corosync_body(p: &mut Prefix<'_>) {
    let i = p.body;
    if let Ok((r, _)) = (
        take_while_m_n(1, 64, |c: char| {
            c.is_ascii_alphanumeric() || c == '_' || c == '-'
        }),
        tag(".c:"),
        digits(1, 6),
        ws,
    )
        .parse(i)
    {
        p.body = r;
    }
    let Some(sub) = p.subsystem else { return };
    if !(sub.eq_ignore_ascii_case("pcmk") || sub == "crm") {
        return;
    }
    let i = p.body;
    if let Ok((r, (level, _, _))) = (plugin_level, char(':'), ws).parse(i) {
        p.level = Some(level);
        p.body = r;
        let f: R<'_, (&str, char)> = (c_function, char(':')).parse(r);
        let f = f
            .ok()
            .filter(|(r2, _)| r2.is_empty() || r2.starts_with([' ', '\t']));
        if let Some((r2, (func, _))) = f {
            p.function = Some(func);
            p.body = rest_after_ws(r2);
        }
    }
}

/// Pacemaker's `function: ` before the message (1.1.8–1.1.13 syslog, cl_log lines): a
/// lower-case C identifier with a colon and a blank. Messages themselves start with a capital
/// letter or a non-identifier, so this does not eat message text.
fn strip_function(p: &mut Prefix<'_>) {
    let i = p.body;
    let r: R<'_, (&str, char, &str)> = (
        verify(c_function, |f: &str| {
            f.len() >= 2
                && f.as_bytes()[0].is_ascii_lowercase()
                && f.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        }),
        char(':'),
        ws,
    )
        .parse(i);
    if let Ok((rest, (func, _, _))) = r {
        if p.function.is_none() {
            p.function = Some(func);
        }
        p.body = rest;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The nom forms the byte-level `clock` and `ts_bsd` replaced, as the reference.
    fn clock_nom(i: &str) -> R<'_, &str> {
        recognize((
            num_in(1, 2, 0, 23),
            char(':'),
            num_in(2, 2, 0, 59),
            char(':'),
            num_in(2, 2, 0, 60),
            opt((char('.'), digits(1, 9))),
        ))
        .parse(i)
    }
    fn ts_bsd_nom(i: &str) -> R<'_, &str> {
        recognize((word_from(&MONTHS), ws, num_in(1, 2, 1, 31), ws, clock_nom)).parse(i)
    }

    #[test]
    fn month_index_is_the_position_in_months() {
        for (k, m) in MONTHS.iter().enumerate() {
            let w: [u8; 3] = m.as_bytes().try_into().unwrap();
            assert_eq!(month_index(w), Some(k), "{m}");
        }
        for w in WEEKDAYS.iter().chain(["aug", "AUG", "Aux", "Ju "].iter()) {
            let w: [u8; 3] = w.as_bytes().try_into().unwrap();
            assert_eq!(month_index(w), None);
        }
    }

    #[test]
    fn may_start_knows_every_month_and_weekday() {
        for w in MONTHS.iter().chain(WEEKDAYS.iter()) {
            assert!(may_start(w.as_bytes()), "{w}");
        }
        assert!(!may_start(b"Aux 26"));
    }

    #[test]
    fn bytewise_timestamps_agree_with_nom_near_valid_ones() {
        let subs = [" ", "\t", "0", "1", "3", "6", "9", ":", ".", "x", "é", ""];
        for ts in [
            "Aug 26 16:20:37",
            "Aug  6 16:20:37.123",
            "Aug 6  9:05:03.123456789012",
            "Dec 31 23:59:60.1 x",
        ] {
            let mut cases = vec![ts.to_string()];
            for (i, _) in ts.char_indices() {
                cases.push(ts[..i].to_string());
                for r in subs {
                    let next = ts[i..].chars().next().map_or(i, |c| i + c.len_utf8());
                    cases.push(format!("{}{r}{}", &ts[..i], &ts[next..]));
                }
            }
            for s in &cases {
                assert_eq!(ts_bsd(s).ok(), ts_bsd_nom(s).ok(), "{s:?}");
                let t = s.get(4..).unwrap_or("").trim_start();
                assert_eq!(clock(t).ok(), clock_nom(t).ok(), "{t:?}");
            }
            assert!(ts_bsd(ts).is_ok());
        }
    }

    proptest::proptest! {
        #[test]
        fn bytewise_timestamps_agree_with_nom(
            pick in proptest::collection::vec(0usize..16, 0..40),
            month in 0usize..13,
        ) {
            const PIECES: [&str; 16] = [
                " ", "\t", "0", "1", "2", "5", "9", ":", ".", "6", "3", "x", "é", "Aug", "  ", "60",
            ];
            let mut s = MONTHS.get(month).map_or(String::new(), |m| m.to_string());
            for k in pick {
                s.push_str(PIECES[k]);
            }
            proptest::prop_assert_eq!(ts_bsd(&s).ok(), ts_bsd_nom(&s).ok(), "{:?}", s);
            proptest::prop_assert_eq!(clock(&s).ok(), clock_nom(&s).ok(), "{:?}", s);
            let t = s.trim_start_matches(|c: char| c.is_ascii_alphabetic() || c == ' ');
            proptest::prop_assert_eq!(clock(t).ok(), clock_nom(t).ok(), "{:?}", t);
        }
    }

    /// [`format_of`] skips the body's fields; the format must be [`parse`]'s on every format
    /// and on lines cut or spoiled anywhere.
    #[test]
    fn format_of_agrees_with_parse() {
        let lines = [
            "Aug 26 16:20:37 corosync [pcmk ] ERROR: process_ais_conf:  Please see",
            "Aug 26 16:20:37 node1 corosync[2345]:   [TOTEM ] A processor failed",
            "Aug 26 16:20:37.512 [2345] node1 corosync info    [KNET  ] link: host: 2 link: 0 is down",
            "[2345] node1 corosyncnotice  [MAIN  ] Corosync Cluster Engine exiting normally",
            "Aug 26 16:20:40 [2360] node1 crmd:   notice: do_state_transition: State transition",
            "Aug 26 16:20:41 node1 pacemaker-fenced    [2361] (remote_op_done)  notice: Operation",
            "Aug 26 16:20:42 node1 pacemaker-controld[2365]:  notice: Result of monitor",
            "Aug 26 16:20:42 node1 crmd[2410]: [2410]: info: do_lrm_rsc_op: Performing",
            "Aug 26 16:20:42 node1 rsyslogd: message repeated 2 times: [ [TOTEM ] Retransmit]",
            "2024-08-26T16:20:37.183498+02:00 node1 corosync[2345]: [QUORUM] Members[1]: 1",
            "Mon 2024-08-26 16:20:37 CEST node1 corosync[2345]: [TOTEM ] A new membership",
            "[ 1234.567890] node1 corosync[2345]: [TOTEM ] A new membership",
            "Aug 26 16:20:37 error   [MAIN  ] Corosync Cluster Engine exiting with status 8",
            "Aug 26 16:20:37 [TOTEM] The network interface is down.",
            "Aug 26 16:20:37 fenced fencing node node2",
            "crmd[2410]: 2011/08/26_16:20:37 info: do_state_transition: State",
            "Aug 26 16:20:37.123456 node1 corosync[2345]: [KNET  ] link down",
        ];
        let mut checked = 0;
        for line in lines {
            assert!(parse(line).is_some(), "{line}");
            let mut cases = vec![line.to_string()];
            for (i, _) in line.char_indices() {
                cases.push(line[..i].to_string());
                cases.push(format!("{}x{}", &line[..i], &line[i + 1..]));
                cases.push(format!("{} {}", &line[..i], &line[i..]));
            }
            for c in &cases {
                assert_eq!(format_of(c), parse(c).and_then(|p| p.format), "{c:?}");
                checked += usize::from(format_of(c).is_some());
            }
        }
        assert!(checked > 1000, "{checked}");
    }

    fn pf(s: &str) -> Prefix<'_> {
        parse(s).unwrap_or_else(|| panic!("no prefix: {s}"))
    }

    #[test]
    fn timestamps() {
        assert!(ts_bsd("Aug 26 16:20:37").is_ok());
        assert!(ts_bsd("Aug  6 16:20:37.123").is_ok());
        assert!(ts_bsd("Aug 6  9:05:03.123456").is_ok());
        assert!(ts_bsd("Aug 06 16:20:37").is_ok());
        assert!(ts_bsd("Aug 32 16:20:37").is_err());
        assert!(ts_bsd("Aug 26 24:20:37").is_err());
        assert!(ts_bsd("Foo 26 16:20:37").is_err());
        assert!(ts_iso("2024-08-26T16:20:37+02:00").is_ok());
        assert!(ts_iso("2019-05-06T09:27:51.183498+0200").is_ok());
        assert!(ts_full("Mon 2024-08-26 16:20:37 CEST").is_ok());
        assert!(ts_monotonic("[ 1234.567890]").is_ok());
    }

    #[test]
    fn plugin_prefix_with_one_space() {
        let p = pf("Aug 26 16:20:37 corosync [pcmk ] ERROR: process_ais_conf:  Please see");
        assert_eq!(p.format, Some(LogFormat::Corosync1File));
        assert_eq!(p.subsystem, Some("pcmk"));
        assert_eq!(p.level, Some("ERROR"));
        assert_eq!(p.function, Some("process_ais_conf"));
        assert_eq!(p.body, "Please see");
    }

    #[test]
    fn function_strip_keeps_message_words() {
        let p = pf(
            "Aug 26 16:20:37 node1 crmd[2410]:   notice: State transition S_IDLE -> S_POLICY_ENGINE",
        );
        assert_eq!(p.function, None);
        assert_eq!(p.body, "State transition S_IDLE -> S_POLICY_ENGINE");
        let p =
            pf("Aug 26 16:20:37 node1 crmd[2410]:   notice: do_state_transition: State transition");
        assert_eq!(p.function, Some("do_state_transition"));
        assert_eq!(p.body, "State transition");
    }

    #[test]
    fn not_a_prefix() {
        for s in [
            "",
            "hello",
            "Aug 26",
            "Aug 26 16:20:37",
            "[x] a b",
            "Aug 26 16:20:37 2024 | rc=7",
            "-- Logs begin at Mon 2024-08-26 16:20:37 CEST, end at",
        ] {
            assert!(parse(s).is_none(), "{s}");
        }
    }
}
