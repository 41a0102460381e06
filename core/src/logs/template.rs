//! printf-style message templates, compiled once and matched without allocation.
//!
//! A template is the format string from the daemon's source (`logs.md` §2): literal text plus
//! holes. Holes:
//!
//! | hole | matches |
//! |---|---|
//! | `%s` (any width/flags) | any text, possibly empty (shortest match that lets the rest match) |
//! | `%.Ns` | 1 to N non-blank characters (Pacemaker's `%.8s` id prefixes) |
//! | `%d`, `%i`, `%ld`, `%lld` … | an optional `-` and one or more digits |
//! | `%u`, `%lu`, `%llu`, `%zu` … | one or more digits |
//! | `%x`, `%lx`, `%llx`, `%X` | one or more hex digits |
//! | `%f`, `%0.4f` … | digits and dots (at least one digit) |
//! | `%%` | a literal `%` |
//!
//! Whitespace: a run of blanks in the template matches one or more blanks (space or TAB) in the
//! message, so runs collapsed by mail archives or widened by padding still match. Leading and
//! trailing blanks of the message are ignored. Matching is anchored at both ends (the whole
//! message must match) unless [`Template::match_prefix`] is used.
//!
//! Cost: typed holes and literals are matched deterministically (greedy); only `%s` moves. A
//! group of literals and typed holes between two `%s` is placed at the leftmost position where
//! it matches, the last group is tried at each position where its first byte occurs. That is
//! `O(message × template)` in the worst case and `O(1)` for the usual case where the first
//! literal already differs; callers cap the message length (see `kb::MAX_MATCH_LEN`).

/// One piece of a group.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok {
    /// Literal bytes; a single `b' '` stands for one or more blanks.
    Lit(Box<[u8]>),
    Int,
    Uint,
    Hex,
    Float,
    /// `%.Ns`: 1..=N non-blank bytes.
    Short(u16),
}

/// A compiled template.
#[derive(Debug, Clone)]
pub struct Template {
    /// Groups separated by `%s`.
    groups: Vec<Vec<Tok>>,
    leading_any: bool,
    trailing_any: bool,
    /// Higher is more specific: literal bytes count twice, typed holes once.
    score: u32,
    /// Blank-free bytes every whole-message match ends with (the tail of the last literal
    /// after its last blank); empty when the template ends with a hole. A cheap first test.
    suffix: Box<[u8]>,
    /// The longest blank-free run of literal bytes, which every match contains (searched for
    /// first when the template starts with a hole and so has no leading literal to anchor on).
    needle: Option<memchr::memmem::Finder<'static>>,
}

/// A problem in a template's text (reported by the KB tests).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError(pub String);

fn is_blank(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

impl Template {
    /// Compile a printf-style template.
    pub fn compile(src: &str) -> Result<Template, TemplateError> {
        let src = src.trim();
        if src.is_empty() {
            return Err(TemplateError("empty template".into()));
        }
        let b = src.as_bytes();
        let mut groups: Vec<Vec<Tok>> = Vec::new();
        let mut cur: Vec<Tok> = Vec::new();
        let mut lit: Vec<u8> = Vec::new();
        let mut leading_any = false;
        let mut trailing_any = false;
        let mut score = 0u32;
        let mut i = 0;
        let flush_lit = |lit: &mut Vec<u8>, cur: &mut Vec<Tok>| {
            if !lit.is_empty() {
                cur.push(Tok::Lit(std::mem::take(lit).into_boxed_slice()));
            }
        };
        while i < b.len() {
            let c = b[i];
            if is_blank(c) {
                while i < b.len() && is_blank(b[i]) {
                    i += 1;
                }
                lit.push(b' ');
                score += 2;
                continue;
            }
            if c != b'%' {
                lit.push(c);
                score += 2;
                i += 1;
                continue;
            }
            // A conversion.
            i += 1;
            if i < b.len() && b[i] == b'%' {
                lit.push(b'%');
                score += 2;
                i += 1;
                continue;
            }
            let mut precision: Option<u16> = None;
            while i < b.len() && matches!(b[i], b'-' | b'+' | b'0'..=b'9' | b'#') {
                i += 1;
            }
            if i < b.len() && b[i] == b'.' {
                i += 1;
                let s = i;
                while i < b.len() && b[i].is_ascii_digit() {
                    i += 1;
                }
                precision = src[s..i].parse().ok();
            }
            while i < b.len() && matches!(b[i], b'h' | b'l' | b'z' | b'j' | b't' | b'L' | b'q') {
                i += 1;
            }
            let Some(&conv) = b.get(i) else {
                return Err(TemplateError(format!("dangling % in `{src}`")));
            };
            i += 1;
            let tok = match conv {
                b's' => match precision {
                    Some(n) if n > 0 => Tok::Short(n),
                    _ => {
                        flush_lit(&mut lit, &mut cur);
                        if groups.is_empty() && cur.is_empty() {
                            leading_any = true;
                        } else if !cur.is_empty() {
                            groups.push(std::mem::take(&mut cur));
                        } else {
                            return Err(TemplateError(format!("two %s in a row in `{src}`")));
                        }
                        if i >= b.len() {
                            trailing_any = true;
                        }
                        continue;
                    }
                },
                b'd' | b'i' => Tok::Int,
                b'u' => Tok::Uint,
                b'x' | b'X' => Tok::Hex,
                b'f' | b'g' | b'e' => Tok::Float,
                b'c' => Tok::Short(1),
                _ => {
                    return Err(TemplateError(format!(
                        "unsupported conversion %{} in `{src}`",
                        conv as char
                    )));
                }
            };
            flush_lit(&mut lit, &mut cur);
            cur.push(tok);
            score += 1;
        }
        flush_lit(&mut lit, &mut cur);
        if !cur.is_empty() {
            groups.push(cur);
        }
        if groups.is_empty() {
            return Err(TemplateError(format!(
                "template `{src}` has no literal text"
            )));
        }
        let suffix: Box<[u8]> = match groups.last().and_then(|g| g.last()) {
            Some(Tok::Lit(l)) if !trailing_any => {
                let from = l.iter().rposition(|&c| c == b' ').map_or(0, |i| i + 1);
                l[from..].into()
            }
            _ => Box::default(),
        };
        let needle = if leading_any {
            groups
                .iter()
                .flatten()
                .filter_map(|t| match t {
                    Tok::Lit(l) => l.split(|&c| c == b' ').max_by_key(|w| w.len()),
                    _ => None,
                })
                .max_by_key(|w| w.len())
                .filter(|w| w.len() >= 3)
                .map(|w| memchr::memmem::Finder::new(w).into_owned())
        } else {
            None
        };
        Ok(Template {
            groups,
            leading_any,
            trailing_any,
            score,
            suffix,
            needle,
        })
    }

    /// How specific the template is (longer literal text wins).
    pub fn score(&self) -> u32 {
        self.score
    }

    /// The literal text every matching message starts with (after leading blanks), if any;
    /// a `b' '` in it stands for one or more blanks.
    pub fn lead(&self) -> Option<&[u8]> {
        if self.leading_any {
            return None;
        }
        match self.groups.first()?.first()? {
            Tok::Lit(l) if l.first().is_some_and(|&b| b != b' ') => Some(l),
            _ => None,
        }
    }

    /// The first three bytes of the blank-free literal every match contains, for templates that
    /// start with a hole (see [`Grams`]).
    pub(crate) fn needle_gram(&self) -> Option<[u8; 3]> {
        let n = self.needle.as_ref()?.needle();
        Some([*n.first()?, *n.get(1)?, *n.get(2)?])
    }

    /// Does the whole message match?
    pub fn matches(&self, msg: &str) -> bool {
        let m = trim_blanks(msg.as_bytes());
        m.ends_with(&self.suffix)
            && self.needle.as_ref().is_none_or(|f| f.find(m).is_some())
            && self.run(m, true).is_some()
    }

    /// Does the message start with a match? Returns the length of the matched part (in bytes of
    /// `msg`, after its leading blanks, which are counted). A trailing `%s` takes the rest.
    pub fn match_prefix(&self, msg: &str) -> Option<usize> {
        let full = msg.as_bytes();
        let lead = full.len() - trim_start_blanks(full).len();
        let m = trim_blanks(full);
        if self.needle.as_ref().is_some_and(|f| f.find(m).is_none()) {
            return None;
        }
        self.run(m, false).map(|e| e + lead)
    }

    fn run(&self, m: &[u8], anchored_end: bool) -> Option<usize> {
        let n = self.groups.len();
        let mut pos = 0usize;
        for (gi, g) in self.groups.iter().enumerate() {
            let first = gi == 0 && !self.leading_any;
            let last = gi == n - 1 && !self.trailing_any;
            if first {
                let e = match_group(g, m, 0)?;
                if last && anchored_end {
                    return (e == m.len()).then_some(e);
                }
                pos = e;
                if last {
                    return Some(e);
                }
                continue;
            }
            if last && anchored_end {
                // Must end exactly at the end of the message.
                let mut p = pos;
                while p <= m.len() {
                    p = next_candidate(g, m, p)?;
                    if match_group(g, m, p) == Some(m.len()) {
                        return Some(m.len());
                    }
                    p += 1;
                }
                return None;
            }
            // Leftmost placement.
            let mut p = pos;
            loop {
                p = next_candidate(g, m, p)?;
                if let Some(e) = match_group(g, m, p) {
                    pos = e;
                    break;
                }
                p += 1;
                if p > m.len() {
                    return None;
                }
            }
            if last {
                return Some(pos);
            }
        }
        // A trailing `%s` takes the rest.
        Some(m.len())
    }
}

/// The next position `>= p` where group `g` could start (filters on its first literal byte).
fn next_candidate(g: &[Tok], m: &[u8], p: usize) -> Option<usize> {
    if p > m.len() {
        return None;
    }
    match g.first() {
        Some(Tok::Lit(l)) if !l.is_empty() && l[0] != b' ' => {
            let c = l[0];
            m[p..].iter().position(|&b| b == c).map(|i| p + i)
        }
        Some(Tok::Lit(_)) => m[p..].iter().position(|&b| is_blank(b)).map(|i| p + i),
        _ => Some(p),
    }
}

fn match_group(g: &[Tok], m: &[u8], mut p: usize) -> Option<usize> {
    for t in g {
        match t {
            Tok::Lit(l) => {
                for &c in l.iter() {
                    if c == b' ' {
                        let s = p;
                        while p < m.len() && is_blank(m[p]) {
                            p += 1;
                        }
                        if p == s {
                            return None;
                        }
                    } else {
                        if m.get(p) != Some(&c) {
                            return None;
                        }
                        p += 1;
                    }
                }
            }
            Tok::Int => {
                if m.get(p) == Some(&b'-') {
                    p += 1;
                }
                p = digits(m, p, |b| b.is_ascii_digit())?;
            }
            Tok::Uint => p = digits(m, p, |b| b.is_ascii_digit())?,
            Tok::Hex => p = digits(m, p, |b| b.is_ascii_hexdigit())?,
            Tok::Float => {
                let s = p;
                while p < m.len() && (m[p].is_ascii_digit() || m[p] == b'.') {
                    p += 1;
                }
                if !m[s..p].iter().any(|b| b.is_ascii_digit()) {
                    return None;
                }
            }
            Tok::Short(n) => {
                let s = p;
                while p < m.len() && p - s < *n as usize && !is_blank(m[p]) {
                    p += 1;
                }
                if p == s {
                    return None;
                }
            }
        }
    }
    Some(p)
}

fn digits(m: &[u8], mut p: usize, ok: impl Fn(u8) -> bool) -> Option<usize> {
    let s = p;
    while p < m.len() && ok(m[p]) {
        p += 1;
    }
    (p > s).then_some(p)
}

fn trim_start_blanks(m: &[u8]) -> &[u8] {
    let s = m.iter().position(|&b| !is_blank(b)).unwrap_or(m.len());
    &m[s..]
}

fn trim_blanks(m: &[u8]) -> &[u8] {
    let m = trim_start_blanks(m);
    let e = m
        .iter()
        .rposition(|&b| !is_blank(b))
        .map(|i| i + 1)
        .unwrap_or(0);
    &m[..e]
}

/// Which 3-byte sequences a message contains, as a 1024-bit set (a hash of each window). A
/// template that starts with a hole cannot be anchored on its first bytes, so every message
/// would try it; when the first three bytes of its needle are not in the set, it cannot match
/// and is skipped without searching. False positives only cost the search that was done
/// before; there are no false negatives.
pub(crate) struct Grams([u64; 16]);

impl Grams {
    fn slot(g: [u8; 3]) -> usize {
        let x = u32::from(g[0]) << 16 | u32::from(g[1]) << 8 | u32::from(g[2]);
        (x.wrapping_mul(0x9E37_79B1) >> 22) as usize
    }
    pub(crate) fn of(msg: &[u8]) -> Grams {
        let mut set = [0u64; 16];
        for w in msg.windows(3) {
            let k = Grams::slot([w[0], w[1], w[2]]);
            set[k / 64] |= 1 << (k % 64);
        }
        Grams(set)
    }
    pub(crate) fn may_have(&self, g: [u8; 3]) -> bool {
        let k = Grams::slot(g);
        self.0[k / 64] & (1 << (k % 64)) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Template {
        Template::compile(s).unwrap()
    }

    #[test]
    fn literal_and_blank_runs() {
        let x = t("A processor failed, forming new configuration.");
        assert!(x.matches("A processor failed, forming new configuration."));
        assert!(x.matches("  A  processor failed,\tforming new configuration.  "));
        assert!(!x.matches("A processor failed, forming new configuration: token timed out (3000ms), waiting 3600ms for consensus."));
        assert!(!x.matches("Aprocessor failed, forming new configuration."));
    }

    #[test]
    fn typed_holes() {
        let x = t("A new membership (%x.%llx) was formed. Members%s");
        assert!(x.matches("A new membership (1.2a) was formed. Members left: 2"));
        assert!(x.matches("A new membership (1.2a) was formed. Members"));
        assert!(!x.matches("A new membership (192.168.1.1:1284) was formed. Members left: 2"));
        let y = t("A new membership (%s:%lld) was formed. Members%s");
        assert!(y.matches("A new membership (192.168.1.1:1284) was formed. Members left: 2"));
        assert!(y.matches("A new membership (fe80::1:1284) was formed. Members joined: 2"));
        assert!(!y.matches("A new membership (1.2a) was formed. Members left: 2"));
        let z = t(
            "Corosync main process was not scheduled for %0.4f ms (threshold is %0.4f ms). Consider token timeout increase.",
        );
        assert!(z.matches("Corosync main process was not scheduled for 4987.3057 ms (threshold is 2400.0000 ms). Consider token timeout increase."));
        let w = t("Operation %s of %s by %s for %s@%s.%.8s: %s");
        assert!(w.matches("Operation reboot of node2 by node1 for crmd.2410@node1.a1b2c3d4: OK"));
        let p = t("The token warning parameter (%d%%) must be between 0 (disabled) and 100.");
        assert!(
            p.matches("The token warning parameter (120%) must be between 0 (disabled) and 100.")
        );
    }

    #[test]
    fn leading_and_trailing_any() {
        let x = t("%s resource %s might be active on %u nodes (%s)");
        assert!(
            x.matches("Critical resource p_ip might be active on 2 nodes (attempting recovery)")
        );
        assert!(
            !x.matches("Critical resource p_ip might be active on two nodes (attempting recovery)")
        );
        let y = t("Members[%d]:%s");
        assert!(y.matches("Members[3]: 1 2 3"));
        assert!(y.matches("Members[0]:"));
        assert_eq!(y.match_prefix("Members[3]: 1 2 3"), Some(17));
    }

    #[test]
    fn prefilters_agree_with_the_matcher() {
        // The suffix after the last blank, and the needle of a floating template, are only
        // shortcuts: blanks inside them, tabs and trailing blanks must not change the verdict.
        let x = t("Members[%d]: %s left now");
        assert_eq!(x.suffix.as_ref(), b"now");
        assert!(x.matches("Members[2]: 1 2 left\tnow \t"));
        assert!(!x.matches("Members[2]: 1 2 left nowhere"));
        let y = t("%s[%d] terminated with signal %d (%s)%s");
        assert!(y.needle.is_some());
        assert!(y.matches("pacemaker-fenced[12] terminated  with\tsignal 9 (core dumped)"));
        assert!(!y.matches("pacemaker-fenced[12] exited with status 9 (core dumped)"));
        assert_eq!(
            y.match_prefix("crmd[3] terminated with signal 6 (x) then prose"),
            Some(47)
        );
    }

    #[test]
    fn prefix_match_stops_after_the_template() {
        let x = t("fence %s failed");
        assert_eq!(
            x.match_prefix("fence node2 failed and then some prose"),
            Some(18)
        );
        assert_eq!(x.match_prefix("  fence node2 failed"), Some(20));
        assert!(!x.matches("fence node2 failed and then some prose"));
    }

    #[test]
    fn specificity_prefers_longer_literals() {
        let a = t("Service engine '%s' failed to load for reason '%s'");
        let b = t(
            "Service engine '%s' failed to load for reason 'configuration error: nodelist or quorum.expected_votes must be configured!'",
        );
        assert!(b.score() > a.score());
    }

    #[test]
    fn bad_templates_are_rejected() {
        assert!(Template::compile("").is_err());
        assert!(Template::compile("%s").is_err());
        assert!(Template::compile("abc %").is_err());
        assert!(Template::compile("abc %q").is_err());
        assert!(Template::compile("abc %s%s").is_err());
    }

    #[test]
    fn grams_have_no_false_negatives() {
        let msg = b"pacemaker-controld[2365]: notice: Result of monitor operation for vip: ok";
        let g = Grams::of(msg);
        for w in msg.windows(3) {
            assert!(g.may_have([w[0], w[1], w[2]]));
        }
        // A short message sets few bits: most grams are absent.
        let g = Grams::of(b"abc");
        assert!(g.may_have(*b"abc"));
        let absent = (b'a'..=b'z')
            .filter(|&c| !g.may_have([c, b'q', b'z']))
            .count();
        assert!(absent > 20, "{absent}");
    }

    #[test]
    fn long_messages_stay_cheap() {
        let x = t("%s: Node %s[%u] - state is now %s (was %s)");
        let msg = "a: ".repeat(1500);
        assert!(!x.matches(&msg));
    }
}
