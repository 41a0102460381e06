//! How corosync turns text into numbers, emulated exactly.
//!
//! - 2.x/3.x parser: `strtoll(value, &end, 10)`, then "the whole value was consumed", then a
//!   range check (`exec/coroparse.c` `safe_atoq`). `strtoll` skips leading C whitespace and takes
//!   an optional sign, so `+3000` and `<VT>3000` are accepted; `0x100`, `3000ms`, `""` are not.
//! - 64-bit keys: `strtoull`, which also accepts a leading `-` and wraps around.
//! - 1.x: `atoi` when the value is used: leading digits are taken, the rest is ignored, no
//!   digits give 0; never an error.

/// C `isspace` in the C locale.
fn c_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// Split `[ws][sign]digits rest` as strtol does. Returns (negative, digits, rest).
fn split(s: &str) -> (bool, &str, &str) {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() && c_space(b[i]) {
        i += 1;
    }
    let mut neg = false;
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        neg = b[i] == b'-';
        i += 1;
    }
    let start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    (neg, &s[start..i], &s[i..])
}

/// `strtoll` base 10 with the whole-string check: `None` when corosync's parser rejects the
/// text as a number (before the range check).
pub fn strtoll_strict(s: &str) -> Option<i64> {
    let (neg, digits, rest) = split(s);
    if digits.is_empty() || !rest.is_empty() {
        return None;
    }
    // ERANGE outside i64.
    let mag: i128 = digits.bytes().try_fold(0i128, |acc, d| {
        let v = acc * 10 + i128::from(d - b'0');
        (v <= i128::from(i64::MAX) + 1).then_some(v)
    })?;
    let v = if neg { -mag } else { mag };
    i64::try_from(v).ok()
}

/// `strtoull` base 10 with the whole-string check (a leading `-` negates modulo 2^64).
pub fn strtoull_strict(s: &str) -> Option<u64> {
    let (neg, digits, rest) = split(s);
    if digits.is_empty() || !rest.is_empty() {
        return None;
    }
    let mag: u64 = digits.bytes().try_fold(0u64, |acc, d| {
        acc.checked_mul(10)?.checked_add(u64::from(d - b'0'))
    })?;
    Some(if neg { mag.wrapping_neg() } else { mag })
}

/// What `atoi` made of a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Atoi {
    /// The whole value is a plain number.
    Clean(i32),
    /// Leading digits, then other text that atoi ignores.
    Trailing(i32),
    /// No digits at all: 0.
    NoDigits,
}

impl Atoi {
    pub fn value(self) -> i32 {
        match self {
            Atoi::Clean(v) | Atoi::Trailing(v) => v,
            Atoi::NoDigits => 0,
        }
    }
}

/// glibc `atoi` = `(int) strtol(s, NULL, 10)`: out-of-range values saturate to the `long` limits
/// and are then truncated to 32 bits.
pub fn atoi(s: &str) -> Atoi {
    let (neg, digits, rest) = split(s);
    if digits.is_empty() {
        return Atoi::NoDigits;
    }
    let mut mag: i128 = 0;
    for d in digits.bytes() {
        mag = (mag * 10 + i128::from(d - b'0')).min(i128::from(i64::MAX) + 1);
    }
    let long = if neg {
        (-mag).max(i128::from(i64::MIN))
    } else {
        mag.min(i128::from(i64::MAX))
    };
    let v = long as i64 as i32;
    if rest.is_empty() {
        Atoi::Clean(v)
    } else {
        Atoi::Trailing(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strtoll_like_corosync() {
        assert_eq!(strtoll_strict("3000"), Some(3000));
        assert_eq!(strtoll_strict("+3000"), Some(3000));
        assert_eq!(strtoll_strict("\u{b}3000"), Some(3000));
        assert_eq!(strtoll_strict("-5"), Some(-5));
        assert_eq!(strtoll_strict("0x100"), None);
        assert_eq!(strtoll_strict("3000ms"), None);
        assert_eq!(strtoll_strict("3000 # c"), None);
        assert_eq!(strtoll_strict(""), None);
        assert_eq!(strtoll_strict("+"), None);
        assert_eq!(strtoll_strict("\"3000\""), None);
        assert_eq!(strtoll_strict("99999999999999999999"), None);
        assert_eq!(strtoll_strict("4294967296"), Some(4294967296));
    }

    #[test]
    fn strtoull_wraps_negative() {
        assert_eq!(strtoull_strict("-1"), Some(u64::MAX));
        assert_eq!(strtoull_strict("18446744073709551616"), None);
        assert_eq!(strtoull_strict("abc"), None);
    }

    #[test]
    fn atoi_like_glibc() {
        assert_eq!(atoi("3000ms"), Atoi::Trailing(3000));
        assert_eq!(atoi("3000"), Atoi::Clean(3000));
        assert_eq!(atoi("abc"), Atoi::NoDigits);
        assert_eq!(atoi("-5"), Atoi::Clean(-5));
        assert_eq!(atoi(" 12 "), Atoi::Trailing(12));
        assert_eq!(atoi("4294967296"), Atoi::Clean(0));
        assert_eq!(atoi("99999999999999999999"), Atoi::Clean(-1));
    }
}
