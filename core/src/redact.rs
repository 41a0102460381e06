//! Redaction before sharing: IP addresses, MAC addresses, host names and cluster names are
//! replaced consistently across all given texts (the same original gets the same replacement
//! everywhere), so the redacted files still describe the same cluster.
//!
//! - IPv4: each distinct /24 becomes a documentation /24 (RFC 5737: 192.0.2, 198.51.100,
//!   203.0.113, then 198.18.0.0/15 of RFC 2544), keeping the last octet, so subnets stay
//!   subnets; multicast goes to 233.252.0.0/24 (RFC 5771), then 239.255.x; 0.x, 127.x and
//!   255.x (netmasks) stay.
//! - IPv6 (RFC 4291 text forms, `::` and a dotted IPv4 tail): `2001:db8:<net>::<n>`
//!   (RFC 3849, one `<net>` per /64); link-local stays in `fe80::/10`, `::ffff:` mapped
//!   addresses map their IPv4; `::`, `::1` and multicast stay.
//! - MAC addresses (six hex pairs with `:` or `-`): `02:00:00:00:00:01`, … (locally
//!   administered).
//! - Host names: nodelist `name` / `ringX_addr` (when not an address), the qdevice `host`,
//!   cluster.conf `clusternode` / `altname` names, the host field of log prefixes, and the node
//!   of Pacemaker's `Node <name>[<id>]` / `Node <name> state is now`; replaced as whole
//!   tokens, and an FQDN whose first label is one of them gets the alias plus
//!   `example.com`, `example.net`, … for its domain. Cluster names: `totem.cluster_name`,
//!   cluster.conf `<cluster name=`: `cluster-a`, … (keeping what cman and pcs check: a
//!   longer name is padded to its length, and one with characters other than
//!   `a-z A-Z 0-9 _ -` gets `cluster.a`).
//!
//! Keys and section names of corosync.conf and XML element and attribute names are never
//! changed. One pass collects the names, one pass rewrites; both are linear.

use std::collections::HashMap;

use crate::{Input, Options};

/// The redacted texts (in the order given) and how many distinct originals were replaced.
#[derive(Debug, Default)]
pub struct Redacted {
    pub texts: Vec<String>,
    pub addresses: usize,
    pub macs: usize,
    pub hosts: usize,
    pub clusters: usize,
}

#[derive(Default)]
struct Maps {
    hosts: HashMap<String, String>,
    clusters: HashMap<String, String>,
    domains: HashMap<String, String>,
    v4: HashMap<[u8; 4], [u8; 4]>,
    nets: HashMap<[u8; 3], [u8; 3]>,
    mnets: usize,
    v6: HashMap<u128, u128>,
    nets6: HashMap<u64, usize>,
    macs: HashMap<String, String>,
}

/// `a`, `b`, … `z`, `aa`, `ab`, …
fn letters(mut n: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'a' + (n % 26) as u8);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

fn is_tok(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.')
}

fn ipv4(b: &[u8], i: usize) -> Option<(usize, [u8; 4])> {
    let mut o = [0u8; 4];
    let mut p = i;
    for (k, slot) in o.iter_mut().enumerate() {
        if k > 0 {
            if b.get(p) != Some(&b'.') {
                return None;
            }
            p += 1;
        }
        let start = p;
        let mut v = 0u32;
        while p < b.len() && b[p].is_ascii_digit() && p - start < 3 {
            v = v * 10 + u32::from(b[p] - b'0');
            p += 1;
        }
        if p == start || v > 255 {
            return None;
        }
        *slot = v as u8;
    }
    let next = b.get(p).copied().unwrap_or(b' ');
    let after = b.get(p + 1).copied().unwrap_or(b' ');
    if next.is_ascii_alphanumeric() || next == b'_' || (next == b'.' && after.is_ascii_digit()) {
        return None;
    }
    Some((p, o))
}

fn hex_group(b: &[u8], p: usize) -> Option<(usize, u16)> {
    let mut v = 0u16;
    let mut q = p;
    while q < b.len() && q - p < 4 {
        let Some(d) = (b[q] as char).to_digit(16) else {
            break;
        };
        v = (v << 4) | d as u16;
        q += 1;
    }
    (q > p).then_some((q, v))
}

/// An IPv6 address at `i`: eight groups, or fewer with one `::`, optionally ending in a dotted
/// IPv4 address.
fn ipv6(b: &[u8], i: usize) -> Option<(usize, u128)> {
    let (mut head, mut tail): (Vec<u16>, Vec<u16>) = (Vec::new(), Vec::new());
    let mut gap = false;
    let mut p = i;
    if b[p..].starts_with(b"::") {
        gap = true;
        p += 2;
    }
    loop {
        let n = head.len() + tail.len();
        let groups = if gap { &mut tail } else { &mut head };
        if (n == 6 || (gap && n < 6)) && (!groups.is_empty() || p > i) {
            if let Some((e, o)) = ipv4(b, p) {
                groups.push(u16::from_be_bytes([o[0], o[1]]));
                groups.push(u16::from_be_bytes([o[2], o[3]]));
                p = e;
                break;
            }
        }
        let Some((e, v)) = hex_group(b, p) else {
            if p > i && b[p - 1] == b':' && !b[..p].ends_with(b"::") {
                return None;
            }
            break;
        };
        groups.push(v);
        p = e;
        if head.len() + tail.len() > 8 {
            return None;
        }
        if b[p..].starts_with(b"::") {
            if gap {
                return None;
            }
            gap = true;
            p += 2;
        } else if b.get(p) == Some(&b':') && b.get(p + 1).is_some_and(u8::is_ascii_hexdigit) {
            p += 1;
        } else {
            break;
        }
    }
    let n = head.len() + tail.len();
    if (gap && n > 7) || (!gap && n != 8) {
        return None;
    }
    let next = b.get(p).copied().unwrap_or(b' ');
    let after = b.get(p + 1).copied().unwrap_or(b' ');
    if next.is_ascii_alphanumeric()
        || matches!(next, b'_' | b':')
        || (next == b'.' && after.is_ascii_alphanumeric())
    {
        return None;
    }
    let mut g = [0u16; 8];
    g[..head.len()].copy_from_slice(&head);
    g[8 - tail.len()..].copy_from_slice(&tail);
    Some((p, g.iter().fold(0u128, |v, x| (v << 16) | u128::from(*x))))
}

fn fmt6(v: u128, compress: bool, dotted: bool) -> String {
    let g: Vec<u16> = (0..8).map(|k| (v >> (112 - 16 * k)) as u16).collect();
    let n = if dotted { 6 } else { 8 };
    // The longest run of zero groups (the first of equal ones) becomes `::`.
    let (mut best, mut at, mut run) = ((0, 0), 0, 0);
    for (k, x) in g[..n].iter().enumerate() {
        if *x == 0 {
            if run == 0 {
                at = k;
            }
            run += 1;
            if run > best.1 {
                best = (at, run);
            }
        } else {
            run = 0;
        }
    }
    let hex = |r: &[u16]| {
        r.iter()
            .map(|x| format!("{x:x}"))
            .collect::<Vec<_>>()
            .join(":")
    };
    let mut s = if compress && best.1 > 0 {
        format!("{}::{}", hex(&g[..best.0]), hex(&g[best.0 + best.1..n]))
    } else {
        hex(&g[..n])
    };
    if dotted {
        let o = (v as u32).to_be_bytes();
        if !s.ends_with(':') {
            s.push(':');
        }
        s += &format!("{}.{}.{}.{}", o[0], o[1], o[2], o[3]);
    }
    s
}

fn mac(b: &[u8], i: usize) -> Option<usize> {
    let m = b.get(i..i + 17)?;
    let sep = m[2];
    if !matches!(sep, b':' | b'-') {
        return None;
    }
    for (k, c) in m.iter().enumerate() {
        let ok = if k % 3 == 2 {
            *c == sep
        } else {
            c.is_ascii_hexdigit()
        };
        if !ok {
            return None;
        }
    }
    let next = b.get(i + 17).copied().unwrap_or(b' ');
    (!(next.is_ascii_alphanumeric() || next == sep || next == b'_')).then_some(i + 17)
}

impl Maps {
    fn host(&mut self, name: &str) {
        let name = name.trim_matches(|c| c == '"' || c == '\'');
        let label = name.split('.').next().unwrap_or("");
        if label.len() < 2
            || !label.as_bytes()[0].is_ascii_alphanumeric()
            || label.bytes().all(|c| c.is_ascii_digit())
            || !label
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
            || label == "localhost"
            || ipv4(name.as_bytes(), 0).is_some()
            || name.contains(':')
        {
            return;
        }
        let n = self.hosts.len();
        self.hosts
            .entry(label.to_string())
            .or_insert_with(|| format!("node-{}", letters(n)));
    }

    fn cluster(&mut self, name: &str) {
        let name = name.trim_matches(|c| c == '"' || c == '\'');
        if name.is_empty() || !name.bytes().all(is_tok) {
            return;
        }
        // Keep what cman and pcs check of a cluster name (M103, C614): its length (a longer
        // name is padded with `0`), and characters other than `a-z A-Z 0-9 _ -`.
        let odd = !name
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-');
        let n = self.clusters.len();
        self.clusters.entry(name.to_string()).or_insert_with(|| {
            let mut a = format!("cluster{}{}", if odd { '.' } else { '-' }, letters(n));
            while a.len() < name.len() {
                a.push('0');
            }
            a
        });
    }

    fn v4(&mut self, o: [u8; 4]) -> Option<[u8; 4]> {
        if matches!(o[0], 0 | 127 | 255) {
            return None;
        }
        let net = [o[0], o[1], o[2]];
        let k = self.nets.len();
        let mnets = &mut self.mnets;
        let to = *self.nets.entry(net).or_insert_with(|| {
            if (224..240).contains(&o[0]) {
                *mnets += 1;
                if *mnets == 1 {
                    [233, 252, 0]
                } else {
                    [239, 255, (*mnets % 256) as u8]
                }
            } else {
                match k - *mnets {
                    0 => [192, 0, 2],
                    1 => [198, 51, 100],
                    2 => [203, 0, 113],
                    j => {
                        let j = (j - 3) % (238 * 256);
                        [198, 18 + (j / 256) as u8, (j % 256) as u8]
                    }
                }
            }
        });
        let new = [to[0], to[1], to[2], o[3]];
        self.v4.insert(o, new);
        Some(new)
    }

    fn v6(&mut self, v: u128) -> Option<u128> {
        if v <= 1 || v >> 120 == 0xff {
            return None;
        }
        if v >> 32 == 0xffff {
            let o = self.v4((v as u32).to_be_bytes())?;
            return Some(0xffff << 32 | u128::from(u32::from_be_bytes(o)));
        }
        let n = self.v6.len() as u128 + 1;
        let k = self.nets6.len() + 1;
        let net = *self.nets6.entry((v >> 64) as u64).or_insert(k) as u128;
        Some(*self.v6.entry(v).or_insert(if v >> 118 == 0x3fa {
            0xfe80 << 112 | n
        } else {
            0x2001_0db8 << 96 | net << 80 | n
        }))
    }

    fn domain(&mut self, d: &str) -> String {
        let n = self.domains.len();
        self.domains
            .entry(d.to_string())
            .or_insert_with(|| match n {
                0 => "example.com".into(),
                1 => "example.net".into(),
                2 => "example.org".into(),
                _ => format!("example{n}.com"),
            })
            .clone()
    }
}

/// Where the value of a corosync.conf `key: value` line starts (keys and section names are
/// never rewritten), or the whole line for a section header.
fn protected(line: &[u8]) -> usize {
    let s = line.iter().take_while(|b| b.is_ascii_whitespace()).count();
    let e = s + line[s..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
        .count();
    let t = e + line[e..]
        .iter()
        .take_while(|b| **b == b' ' || **b == b'\t')
        .count();
    match line.get(t) {
        Some(b':') if e > s => t + 1,
        Some(b'{') => line.len(),
        _ => 0,
    }
}

/// Collect node and cluster names from a text.
fn collect(text: &str, m: &mut Maps) {
    let mut sections: Vec<&str> = Vec::new();
    for line in text.lines() {
        let l = line.trim();
        if let Some(h) = l.strip_suffix('{') {
            sections.push(h.trim());
            continue;
        }
        if l == "}" {
            sections.pop();
            continue;
        }
        let sec = sections.last().copied().unwrap_or("");
        if let Some((k, v)) = l.split_once(':') {
            let (k, v) = (k.trim(), v.trim());
            let ring = k.strip_prefix("ring").and_then(|r| r.strip_suffix("_addr"));
            match (k, sec) {
                ("name", "node") | ("host", "net") => m.host(v),
                (_, "node") if ring.is_some_and(|r| r.bytes().all(|c| c.is_ascii_digit())) => {
                    m.host(v)
                }
                ("cluster_name", "totem") => m.cluster(v),
                _ => {}
            }
        }
        // Pacemaker: `Node <name>[<id>]`, `Node <name> state is now`.
        let mut rest = l;
        while let Some(p) = rest.find("ode ") {
            let after = &rest[p + 4..];
            if p > 0 && matches!(rest.as_bytes()[p - 1], b'N' | b'n') {
                let end = after.find(|c: char| !(c.is_ascii_alphanumeric() || "-_.".contains(c)));
                let (name, tail) = after.split_at(end.unwrap_or(after.len()));
                if tail.starts_with("[") || tail.starts_with(" state is now") {
                    m.host(name);
                }
            }
            rest = after;
        }
    }
    // cluster.conf: <cluster name=…>, <clusternode name=…>, <altname name=…>
    let mut rest = text;
    while let Some(p) = rest.find('<') {
        rest = &rest[p + 1..];
        let tag_end = rest.find('>').unwrap_or(rest.len());
        let tag = &rest[..tag_end];
        let el = tag
            .split(|c: char| c.is_ascii_whitespace())
            .next()
            .unwrap_or("");
        if matches!(el, "cluster" | "clusternode" | "altname") {
            if let Some(q) = tag.find(" name=").map(|q| &tag[q + 6..]) {
                // Only a quoted value is a name (the first character may be any character,
                // so no byte slicing here).
                let mut chars = q.chars();
                let v = match chars.next() {
                    Some(c @ ('"' | '\'')) => chars.as_str().split(c).next().unwrap_or(""),
                    _ => "",
                };
                if el == "cluster" {
                    m.cluster(v);
                } else {
                    m.host(v);
                }
            }
        }
        rest = &rest[tag_end..];
    }
}

/// Rewrite one text with the collected maps.
fn rewrite(text: &str, m: &mut Maps) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut i = 0;
    let mut keep_until = 0;
    while i < b.len() {
        if i == 0 || b[i - 1] == b'\n' {
            let end = b[i..]
                .iter()
                .position(|&c| c == b'\n')
                .map_or(b.len(), |e| i + e);
            keep_until = i + protected(&b[i..end]);
        }
        let prev = if i == 0 { b' ' } else { b[i - 1] };
        if i < keep_until || !is_tok(b[i]) && b[i] != b':' || is_tok(prev) {
            i += 1;
            continue;
        }
        let free = prev != b':';
        let mut put = |out: &mut String, end: usize, new: &str| {
            out.push_str(&text[copied..i]);
            out.push_str(new);
            copied = end;
        };
        if let Some(e) = mac(b, i).filter(|_| free) {
            let k = text[i..e].to_ascii_lowercase();
            let n = m.macs.len() + 1;
            let new = m
                .macs
                .entry(k)
                .or_insert_with(|| {
                    let v = (n as u64).to_be_bytes();
                    format!(
                        "02:{:02x}:{:02x}:{:02x}:{:02x}:{:02x}",
                        v[3], v[4], v[5], v[6], v[7]
                    )
                })
                .replace(':', &(b[i + 2] as char).to_string());
            put(&mut out, e, &new);
            i = e;
            continue;
        }
        if let Some((e, v)) = ipv6(b, i).filter(|_| free) {
            if let Some(new) = m.v6(v) {
                // The same text form: `::` or all eight groups (corosync reads them apart),
                // and a dotted IPv4 tail.
                let t = &text[i..e];
                put(&mut out, e, &fmt6(new, t.contains("::"), t.contains('.')));
            }
            i = e;
            continue;
        }
        if let Some((e, o)) = ipv4(b, i) {
            if let Some(n) = m.v4(o) {
                put(&mut out, e, &format!("{}.{}.{}.{}", n[0], n[1], n[2], n[3]));
            }
            i = e;
            continue;
        }
        if b[i] == b':' {
            i += 1;
            continue;
        }
        let mut e = i + b[i..].iter().take_while(|c| is_tok(**c)).count();
        while e > i + 1 && b[e - 1] == b'.' {
            e -= 1;
        }
        let tok = &text[i..e];
        // XML element and attribute names stay.
        let xml_name = matches!(prev, b'<' | b'/') || b.get(e) == Some(&b'=');
        if !xml_name {
            if let Some(new) = m.clusters.get(tok) {
                let new = new.clone();
                put(&mut out, e, &new);
            } else {
                let (label, domain) = tok.split_once('.').unwrap_or((tok, ""));
                if let Some(alias) = m.hosts.get(label).cloned() {
                    let new = if domain.is_empty() {
                        alias
                    } else {
                        format!("{alias}.{}", m.domain(domain))
                    };
                    put(&mut out, e, &new);
                }
            }
        }
        i = e;
    }
    out.push_str(&text[copied..]);
    out
}

/// Redact all `inputs` together (one mapping for all of them).
pub fn redact(inputs: &[Input]) -> Redacted {
    let mut m = Maps::default();
    for i in inputs {
        collect(i.text, &mut m);
    }
    let report = crate::analyze(inputs, &Options::default());
    for r in &report.records {
        if let Some(h) = crate::logs::field(inputs[r.file()].text, r.host) {
            m.host(h);
        }
    }
    let texts = inputs.iter().map(|i| rewrite(i.text, &mut m)).collect();
    Redacted {
        texts,
        addresses: m.v4.len() + m.v6.len(),
        macs: m.macs.len(),
        hosts: m.hosts.len(),
        clusters: m.clusters.len(),
    }
}
