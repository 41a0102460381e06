//! Timestamps as printed, read into one time line so that the records of several nodes' logs
//! can be ordered together.
//!
//! - A timestamp with a zone (`2024-08-26T16:20:37+02:00`, `…Z`, journalctl's
//!   `Mon 2024-08-26 16:20:37 CEST`) is converted to UTC. A zone abbreviation counts only when
//!   it names one offset (`JST`, `CEST`, `EST`, …); `CST`, `IST` and `BST` name several and are
//!   ignored, as is a missing zone: such a time is read as UTC, which orders the lines of one
//!   cluster correctly as long as its nodes log in the same zone.
//! - A timestamp without a year (syslog's `Aug 26 16:20:37`, corosync's own files) takes the
//!   year of the first timestamp with one in any file, moved by one when its month is more
//!   than six months away (a file that starts in December next to one that starts in January);
//!   without any, 1970. Within a file, a month more than six months before the previous
//!   line's starts a new year (December → January).
//! - journalctl's monotonic seconds (`[ 1234.567890]`) are kept as they are.
//!
//! The result is milliseconds since 1970-01-01 UTC. Hostile numbers saturate, never overflow.

use super::Record;

/// A printed timestamp, read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stamp {
    /// Seconds since boot, as milliseconds.
    Monotonic(u64),
    Calendar {
        year: Option<u64>,
        month: u64,
        day: u64,
        /// Milliseconds since midnight.
        ms: u64,
        /// Minutes east of UTC, when the timestamp names its zone.
        offset: Option<i64>,
    },
}

/// Zone abbreviations with one meaning (minutes east of UTC).
const ZONES: [(&str, i64); 24] = [
    ("UTC", 0),
    ("GMT", 0),
    ("Z", 0),
    ("WET", 0),
    ("WEST", 60),
    ("CET", 60),
    ("CEST", 120),
    ("EET", 120),
    ("EEST", 180),
    ("MSK", 180),
    ("HKT", 480),
    ("SGT", 480),
    ("AWST", 480),
    ("JST", 540),
    ("KST", 540),
    ("AEST", 600),
    ("AEDT", 660),
    ("NZST", 720),
    ("EST", -300),
    ("EDT", -240),
    ("MST", -420),
    ("MDT", -360),
    ("PST", -480),
    ("PDT", -420),
];

/// Read a timestamp as printed: month names, ISO 8601 (with or without `T`, fraction and
/// zone), `2011/08/26_16:20:37` (Pacemaker 1.0's cl_log), journalctl's forms and monotonic
/// seconds. `None` when it holds no clock.
pub fn read(ts: &str) -> Option<Stamp> {
    read_bsd(ts.as_bytes()).or_else(|| read_any(ts))
}

/// [`read`] of any shape.
fn read_any(ts: &str) -> Option<Stamp> {
    let b = ts.as_bytes();
    let mut month = None;
    let mut zone = None;
    // (value, digits, the byte before); no allocation: this runs for every log line.
    let mut buf = [(0u64, 0usize, 0u8); 12];
    let mut n = 0;
    let mut i = 0;
    while i < b.len() && n < buf.len() {
        let nums = &buf[..n];
        let s = i;
        if b[i].is_ascii_digit() {
            let mut v: u64 = 0;
            while i < b.len() && b[i].is_ascii_digit() {
                v = v.saturating_mul(10).saturating_add(u64::from(b[i] - b'0'));
                i += 1;
            }
            buf[n] = (v, i - s, if s > 0 { b[s - 1] } else { 0 });
            n += 1;
        } else if b[i].is_ascii_alphabetic() {
            while i < b.len() && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            let word = &ts[s..i];
            // Month names are three letters: compared as arrays, not through `memcmp`.
            let month_at = match word.as_bytes() {
                &[x, y, z] => super::prefix::month_index([x, y, z]),
                _ => None,
            };
            if let Some(m) = month_at {
                month = Some(m as u64 + 1);
            } else if nums.len() >= 5 || (month.is_some() && nums.len() >= 4) {
                // After the time: `CEST`, `Z` (a `T` between date and time is no zone).
                zone = ZONES.iter().find(|(z, _)| *z == word).map(|(_, o)| *o);
            }
        } else if (b[i] == b'+' || b[i] == b'-') && nums.len() >= 5 && month.is_none() {
            // A numeric offset after the time: `+02:00`, `+0200`, `-05`.
            let sign = if b[i] == b'-' { -1 } else { 1 };
            let digits: Vec<u8> = b[i + 1..]
                .iter()
                .take(6)
                .copied()
                .filter(|c| *c != b':')
                .take_while(|c| c.is_ascii_digit())
                .collect();
            if digits.len() == 2 || digits.len() == 4 {
                let n =
                    |k: usize| i64::from(digits[k] - b'0') * 10 + i64::from(digits[k + 1] - b'0');
                let mins = n(0) * 60 + if digits.len() == 4 { n(2) } else { 0 };
                zone = Some(sign * mins.min(24 * 60));
            }
            break;
        } else {
            i += 1;
        }
    }
    let nums = &buf[..n];
    let frac = |n: Option<&(u64, usize, u8)>| match n {
        Some(&(v, d, sep)) if sep == b'.' || sep == b',' => fraction_ms(v, d),
        _ => 0,
    };
    let (year, month, rest) = match (month, nums.first()) {
        (Some(m), _) => {
            // A month name comes with day and time; a 4-digit number after the time
            // (`Mon Aug 26 16:20:37 2024`, ctime style) is the year.
            let year = nums
                .iter()
                .skip(4)
                .find(|n| n.1 == 4 && n.2 == b' ')
                .map(|n| n.0);
            (year, m, nums)
        }
        (None, Some(&(y, 4, _))) if nums.len() >= 6 => (Some(y), nums[1].0, &nums[2..]),
        (None, Some(&(s, _, _))) if nums.len() <= 2 => {
            return Some(Stamp::Monotonic(
                s.saturating_mul(1000).saturating_add(frac(nums.get(1))),
            ));
        }
        _ => return None,
    };
    if rest.len() < 4 {
        return None;
    }
    let ms = rest[1]
        .0
        .saturating_mul(60)
        .saturating_add(rest[2].0)
        .saturating_mul(60)
        .saturating_add(rest[3].0)
        .saturating_mul(1000)
        .saturating_add(frac(rest.get(4)));
    Some(Stamp::Calendar {
        year,
        month,
        day: rest[0].0,
        ms,
        offset: zone,
    })
}

/// Milliseconds in a fraction of a second of `d` digits whose value is `v`.
fn fraction_ms(mut v: u64, d: usize) -> u64 {
    for _ in 3..d.min(19) {
        v /= 10;
    }
    for _ in d..3 {
        v *= 10;
    }
    v
}

/// [`read`] of the one shape almost every log line has, `Mmm dd HH:MM:SS[.fff]` with nothing
/// after (syslog, corosync's and Pacemaker's files), in one pass over its bytes; anything else
/// is `None` and goes through the general reader, which gives the same stamp for this shape.
fn read_bsd(b: &[u8]) -> Option<Stamp> {
    let &[x, y, z, ..] = b else { return None };
    use super::prefix::{blanks, digit};
    let month = super::prefix::month_index([x, y, z])? as u64 + 1;
    // (More than 64 blanks in a row is another shape for `blanks`: the general reader's.)
    let blanks = |i: usize| blanks(b, i);
    // Up to `max` digits from `i` (at least one): their value and where they end.
    let num = |i: usize, max: usize| {
        let (mut v, mut k) = (0u64, i);
        while let Some(d) = digit(b, k).filter(|_| k < i + max) {
            v = v * 10 + u64::from(d);
            k += 1;
        }
        (k > i).then_some((v, k))
    };
    let colon = |i: usize| (b.get(i) == Some(&b':')).then_some(i + 1);
    let (day, i) = num(blanks(3)?, 2)?;
    let (h, i) = num(blanks(i)?, 2)?;
    let (m, i) = num(colon(i)?, 2)?;
    let (sec, i) = num(colon(i)?, 2)?;
    let (frac, i) = match b.get(i) {
        Some(b'.') => {
            let (v, k) = num(i + 1, 9)?;
            (fraction_ms(v, k - i - 1), k)
        }
        _ => (0, i),
    };
    // A third digit anywhere, or anything after, is another shape.
    if i != b.len() {
        return None;
    }
    Some(Stamp::Calendar {
        year: None,
        month,
        day,
        ms: ((h * 60 + m) * 60 + sec) * 1000 + frac,
        offset: None,
    })
}

/// Days from 1970-01-01 to a civil date (proleptic Gregorian; month and day clamped to their
/// ranges, the year to 0..=9999).
fn days(year: u64, month: u64, day: u64) -> i64 {
    let y = year.min(9999) as i64 - i64::from(month <= 2);
    let m = month.clamp(1, 12) as i64;
    let d = day.clamp(1, 31) as i64;
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Milliseconds since 1970 UTC of a calendar time in `year` (negative times count as 0).
fn epoch_ms(year: u64, month: u64, day: u64, ms: u64, offset: Option<i64>) -> u64 {
    let t = (days(year, month, day) as i128) * 86_400_000 + i128::from(ms.min(1 << 50))
        - i128::from(offset.unwrap_or(0)) * 60_000;
    t.clamp(0, i128::from(u64::MAX)) as u64
}

/// A timestamp alone as milliseconds since 1970 UTC (a missing year is 1970): the tests' way
/// to name a time.
#[cfg(test)]
fn time_key(ts: &str) -> Option<u64> {
    Some(match read(ts)? {
        Stamp::Monotonic(ms) => ms,
        Stamp::Calendar {
            year,
            month,
            day,
            ms,
            offset,
        } => epoch_ms(year.unwrap_or(1970), month, day, ms, offset),
    })
}

/// Each file's time line: the year inferred for timestamps without one, and the last time (a
/// record without a timestamp takes the time of the record before it in its file, 0 before
/// the first).
#[derive(Clone)]
pub struct Clock<'a> {
    /// The year and month of the first timestamp with a year, in any file.
    base: Option<(u64, u64)>,
    /// (file, last time, current year, last month)
    files: Vec<(usize, u64, Option<u64>, u64)>,
    /// The last timestamp read: many lines share a second, each is read once.
    last: Option<(&'a str, Option<Stamp>)>,
    /// The last (year, month, day, offset) turned into a time, and its midnight: many lines
    /// share a day.
    day: Option<(Day, u64)>,
}

/// (year, month, day, minutes east of UTC).
type Day = (u64, u64, u64, Option<i64>);

impl<'a> Clock<'a> {
    /// A clock for `records` (whose fields point into `texts`): looks at the first timestamp
    /// of each file for a year.
    pub fn new(records: &[Record], texts: &[&str]) -> Clock<'a> {
        let mut seen: Vec<usize> = Vec::new();
        let mut base = None;
        for r in records {
            // Every file's first timestamp seen: no later record has another.
            if seen.len() >= texts.len().min(64) {
                break;
            }
            if seen.contains(&r.file()) {
                continue;
            }
            let Some(ts) = texts
                .get(r.file())
                .and_then(|t| super::field(t, r.timestamp))
            else {
                continue;
            };
            seen.push(r.file());
            if let Some(Stamp::Calendar {
                year: Some(y),
                month,
                ..
            }) = read(ts)
            {
                base = Some((y, month));
                break;
            }
        }
        Clock {
            base,
            files: Vec::new(),
            last: None,
            day: None,
        }
    }

    /// The time of `r` in milliseconds since 1970 UTC (see the module docs).
    pub fn time(&mut self, r: &Record, texts: &[&'a str]) -> u64 {
        let ts = texts
            .get(r.file())
            .and_then(|t| super::field(t, r.timestamp));
        let stamp = match (ts, self.last) {
            (Some(ts), Some((last, st))) if ts == last => st,
            (Some(ts), _) => {
                let st = read(ts);
                self.last = Some((ts, st));
                st
            }
            (None, _) => None,
        };
        let k = match self.files.iter().position(|f| f.0 == r.file()) {
            Some(k) => k,
            None => {
                self.files.push((r.file(), 0, None, 0));
                self.files.len() - 1
            }
        };
        let f = &mut self.files[k];
        let t = match stamp {
            None => return f.1,
            Some(Stamp::Monotonic(ms)) => ms,
            Some(Stamp::Calendar {
                year,
                month,
                day,
                ms,
                offset,
            }) => {
                let y = match (year, f.2) {
                    (Some(y), _) => y,
                    (None, Some(y)) if month + 6 <= f.3 => y.saturating_add(1),
                    (None, Some(y)) => y,
                    (None, None) => match self.base {
                        Some((by, bm)) if month > bm + 6 => by.saturating_sub(1),
                        Some((by, bm)) if month + 6 < bm => by.saturating_add(1),
                        Some((by, _)) => by,
                        None => 1970,
                    },
                };
                f.2 = Some(y);
                f.3 = month;
                let key = (y, month, day, offset);
                let midnight = match self.day {
                    Some((k, t)) if k == key => t,
                    _ => {
                        let t = epoch_ms(y, month, day, 0, offset);
                        self.day = Some((key, t));
                        t
                    }
                };
                // `epoch_ms` clamps at 0: a day whose midnight (with its zone) falls before 1970
                // takes the slow way.
                if midnight > 0 {
                    midnight.saturating_add(ms.min(1 << 50))
                } else {
                    epoch_ms(y, month, day, ms, offset)
                }
            }
        };
        f.1 = t;
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Span;
    use crate::logs::{LogFormat, OptSpan};

    #[test]
    fn the_bsd_shape_reads_as_the_general_reader_does() {
        let subs = [
            " ", "\t", "0", "1", "5", "9", ":", ".", ",", "x", "+", "é", "",
        ];
        let mut fast = 0;
        for ts in [
            "Aug 26 16:20:37",
            "Dec  6 9:05:03.123",
            "Jan 1  0:00:00.123456789",
            "Feb 29 23:59:60.1",
            "Sep 06 16:20:37.1234567890",
        ] {
            let mut cases = vec![ts.to_string(), format!("{ts} 2024"), format!("{ts}Z")];
            for (i, _) in ts.char_indices() {
                cases.push(ts[..i].to_string());
                for r in subs {
                    let next = ts[i..].chars().next().map_or(i, |c| i + c.len_utf8());
                    cases.push(format!("{}{r}{}", &ts[..i], &ts[next..]));
                    cases.push(format!("{}{r}{}", &ts[..i], &ts[i..]));
                }
            }
            for c in &cases {
                if let Some(st) = read_bsd(c.as_bytes()) {
                    fast += 1;
                    assert_eq!(Some(st), read_any(c), "{c:?}");
                }
                assert_eq!(read(c), read_any(c), "{c:?}");
            }
        }
        // The fast path is taken, not just agreed with.
        assert!(fast > 100, "{fast}");
    }

    #[test]
    fn every_format_on_one_time_line() {
        let a = time_key("Nov 26 03:26:37.513").unwrap();
        let b = time_key("Nov 26 03:26:37.6").unwrap();
        assert_eq!(b - a, 87);
        assert_eq!(time_key("Aug  6 16:20:37"), time_key("Aug 06 16:20:37"));
        let iso = time_key("2024-08-26T16:20:37.250+02:00").unwrap();
        assert_eq!(time_key("2024-08-26T16:20:38+02:00").unwrap() - iso, 750);
        // The real epoch: 2024-08-26T14:20:37.250Z.
        assert_eq!(iso, 1_724_682_037_250);
        assert_eq!(time_key("2024-08-26T14:20:37.250Z"), Some(iso));
        assert_eq!(time_key("2024-08-26T16:20:37.250+0200"), Some(iso));
        assert_eq!(time_key("2024-08-26T09:20:37.250-05:00"), Some(iso));
        assert_eq!(time_key("Mon 2024-08-26 23:20:37.250 JST"), Some(iso));
        assert_eq!(
            time_key("Mon 2024-08-26 16:20:37 CEST"),
            time_key("2024-08-26T16:20:37+02:00")
        );
        // An ambiguous abbreviation is no zone.
        assert_eq!(
            time_key("Mon 2024-08-26 16:20:37 CST"),
            time_key("2024-08-26T16:20:37")
        );
        assert_eq!(
            time_key("2011/08/26_16:20:37"),
            time_key("2011-08-26T16:20:37")
        );
        assert_eq!(time_key("[ 1234.567890]"), Some(1_234_567));
        assert!(time_key("Aug 31 23:59:59").unwrap() < time_key("Sep 1 00:00:00").unwrap());
        assert!(time_key("Feb 28 23:59:59").unwrap() < time_key("Mar 1 00:00:00").unwrap());
        assert_eq!(time_key("no clock"), None);
        assert_eq!(time_key(""), None);
        // Hostile digits saturate instead of overflowing.
        let huge = "9999-99999999999999-999999999999 99999999999:9999999999:99999999999";
        assert!(time_key(huge).is_some());
        assert!(time_key(&"9".repeat(500)).is_some());
        assert!(time_key("2024-08-26T16:20:37+99:99").is_some());
        assert!(time_key("0000-01-01T00:00:00+14:00").is_some());
    }

    /// A record of `file` whose timestamp is the whole of `texts[file]`'s line `line`.
    fn rec(file: usize, span: (usize, usize)) -> Record {
        Record {
            file: file as u32,
            span: Some(Span::new(span.0, span.1)).into(),
            message: Some(Span::new(span.1, span.1)).into(),
            format: LogFormat::Corosync1File,
            timestamp: Some(Span::new(span.0, span.1)).into(),
            host: OptSpan::NONE,
            daemon: OptSpan::NONE,
            subsystem: OptSpan::NONE,
            level: OptSpan::NONE,
            kb: None,
            pid: None,
            function: OptSpan::NONE,
            detail: OptSpan::NONE,
            glued: false,
        }
    }

    /// Records for (file, timestamp) pairs, with the texts their spans point into.
    fn records(stamps: &[(usize, &str)]) -> (Vec<Record>, Vec<String>) {
        let mut texts = vec![String::new(); 2];
        let recs = stamps
            .iter()
            .map(|(f, ts)| {
                let start = texts[*f].len();
                texts[*f].push_str(ts);
                texts[*f].push('\n');
                rec(*f, (start, start + ts.len()))
            })
            .collect();
        (recs, texts)
    }

    fn times(stamps: &[(usize, &str)]) -> Vec<u64> {
        let (recs, texts) = records(stamps);
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        let mut c = Clock::new(&recs, &texts);
        recs.iter().map(|r| c.time(r, &texts)).collect()
    }

    /// The clock keeps the last day's midnight: each line's time is still its timestamp's,
    /// on the same day, in another zone, on another day, and around 1970 (where the time of
    /// midnight clamps at 0).
    #[test]
    fn a_day_kept_gives_the_same_times() {
        let stamps = [
            "2024-08-26T16:20:37+02:00",
            "2024-08-26T16:20:38.5+02:00",
            "2024-08-26T16:20:39Z",
            "2024-08-26T23:59:59.999-05:00",
            "2024-08-27T00:00:00-05:00",
            "1970-01-01T00:00:00Z",
            "1970-01-01T00:00:01Z",
            "1970-01-01T05:00:00+09:00",
            "1970-01-01T10:00:00+09:00",
            "1969-12-31T23:00:00-02:00",
            "1969-12-31T23:30:00-02:00",
            "0000-01-01T00:00:00+14:00",
            "9999-12-31T23:59:60.999-12:00",
            "9999-12-31T23:59:59Z",
        ];
        let list: Vec<(usize, &str)> = stamps.iter().map(|s| (0, *s)).collect();
        let want: Vec<u64> = stamps.iter().map(|s| time_key(s).unwrap()).collect();
        assert_eq!(times(&list), want);
        assert_eq!(want[6] - want[5], 1000);
        assert_eq!(want[8], 3_600_000);
        assert_eq!(want[10] - want[9], 1_800_000);
    }

    #[test]
    fn years_are_inferred_across_new_year_and_files() {
        // File 0 has no year and crosses New Year; file 1 prints ISO times with a zone.
        let t = times(&[
            (1, "2024-12-31T23:59:58+09:00"),
            (0, "Dec 31 14:59:59"),
            (0, "Jan  1 00:00:01"),
            (1, "2025-01-01T09:00:02+09:00"),
        ]);
        assert_eq!(t[0], time_key("2024-12-31T14:59:58Z").unwrap());
        assert_eq!(t[1], time_key("2024-12-31T14:59:59Z").unwrap());
        assert_eq!(t[2], time_key("2025-01-01T00:00:01Z").unwrap());
        assert_eq!(t[3], time_key("2025-01-01T00:00:02Z").unwrap());
        // A file that starts in December next to one whose first year-stamped line is in
        // January belongs to the year before.
        let t = times(&[(0, "2025-01-02T00:00:00Z"), (1, "Dec 30 10:00:00")]);
        assert_eq!(t[1], time_key("2024-12-30T10:00:00Z").unwrap());
        // No year anywhere: 1970; the same printed time twice reads the same.
        let t = times(&[(0, "Aug 26 16:20:37"), (0, "Aug 26 16:20:37")]);
        assert_eq!(t, [time_key("1970-08-26T16:20:37").unwrap(); 2]);
        // A record without a time takes the one before it in its file.
        let (mut recs, texts) = records(&[(0, "Aug 26 16:20:37"), (0, "x")]);
        recs[1].timestamp = OptSpan::NONE;
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        let mut c = Clock::new(&recs, &texts);
        let first = c.time(&recs[0], &texts);
        assert_eq!(c.time(&recs[1], &texts), first);
        // A month back by less than half a year (lines slightly out of order) is no new year.
        let t = times(&[(0, "Sep  1 00:00:01"), (0, "Aug 31 23:59:59")]);
        assert_eq!(t[0] - t[1], 2000);
    }
}
