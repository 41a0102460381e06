//! The configuration as corosync will use it: which sections count, the transport, the
//! interfaces and nodes after merging, the crypto settings and the effective totem timers.
//!
//! Source: `exec/totemconfig.c` (`totem_config_read`, `totem_volatile_config_read`,
//! `totem_volatile_config_validate`, `totem_config_validate`) of v1.4.10, v2.4.6 and v3.1.7, as
//! summarised in `shared/reference/corosync-conf.md` §1.4, §3.2–§3.4.

use std::net::{Ipv4Addr, Ipv6Addr};

use crate::vecmap::VecMap;

use super::num;
use super::schema::ring_addr_number;
use crate::conf::{Conf, KeyRef, SectionRef};
use crate::rules::Ctx;
use crate::version::{Release, Target};

/// `1000 / HZ` in corosync, HZ = 100.
pub const TICK: i64 = 10;
/// `MINIMUM_TIMEOUT`: 3 ticks.
pub const MIN_TIMEOUT: u32 = 30;
/// `MINIMUM_TIMEOUT_HOLD` (3.0.2+): `(int)(30 * 0.8 - 10)`.
pub const MIN_HOLD_302: u32 = 14;
/// `RRP_PROBLEM_COUNT_THRESHOLD_MIN` (1.x/2.x).
pub const RRP_THRESHOLD_MIN: u32 = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transport {
    Udp,
    Udpu,
    Iba,
    Knet,
}

impl Transport {
    pub fn name(self) -> &'static str {
        match self {
            Transport::Udp => "udp",
            Transport::Udpu => "udpu",
            Transport::Iba => "iba",
            Transport::Knet => "knet",
        }
    }
}

/// A numeric key as corosync reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Read {
    Absent,
    /// The parser rejects it (2.x/3.x); another rule reports that.
    Invalid,
    Value(u32),
}

/// One `totem.interface`, after corosync merged the sections with the same number.
#[derive(Debug, Clone)]
pub struct Iface<'a> {
    /// `ringnumber` (1.x/2.x) or `linknumber` (3.x); 0 when absent.
    pub number: u32,
    pub sections: Vec<SectionRef<'a>>,
    /// Every key line of those sections, in file order.
    pub keys: Vec<KeyRef<'a>>,
    /// `member { memberaddr }` values.
    pub members: Vec<KeyRef<'a>>,
}

impl<'a> Iface<'a> {
    pub fn get(&self, name: &str) -> Option<KeyRef<'a>> {
        self.keys.iter().rev().find(|k| k.name == name).copied()
    }
    pub fn first_section(&self) -> SectionRef<'a> {
        self.sections[0]
    }
}

/// One `nodelist.node`, merged by position across `nodelist` sections (2.x/3.x).
#[derive(Debug, Clone)]
pub struct Node<'a> {
    /// 0-based position (corosync's `nodelist.node.<pos>`).
    pub pos: usize,
    pub sections: Vec<SectionRef<'a>>,
    pub keys: Vec<KeyRef<'a>>,
    /// `ringX_addr` keys by X (last one wins).
    rings: VecMap<u32, KeyRef<'a>>,
}

impl<'a> Node<'a> {
    pub fn get(&self, name: &str) -> Option<KeyRef<'a>> {
        self.keys.iter().rev().find(|k| k.name == name).copied()
    }
    /// `ringX_addr` keys by X (last one wins).
    pub fn rings(&self) -> &VecMap<u32, KeyRef<'a>> {
        &self.rings
    }
    fn index_rings(&mut self) {
        let rings = self.keys.iter();
        let rings = rings.filter_map(|k| ring_addr_number(k.name).map(|n| (n, *k)));
        self.rings = VecMap::from_pairs(rings.collect());
    }
    pub fn section(&self) -> SectionRef<'a> {
        self.sections[0]
    }
    /// The explicit nodeid as the 2.x/3.x parser reads it.
    pub fn nodeid(&self) -> Option<(KeyRef<'a>, Option<u32>)> {
        self.get("nodeid").map(|k| {
            (
                k,
                num::strtoll_strict(k.value).and_then(|v| u32::try_from(v).ok()),
            )
        })
    }
    /// How to name the node in a message: its `name`, else `ring0_addr`, else its position.
    pub fn label(&self) -> String {
        if let Some(k) = self.get("name") {
            return k.value.to_string();
        }
        if let Some(k) = self.get("ring0_addr") {
            return k.value.to_string();
        }
        format!("#{}", self.pos + 1)
    }
    /// The address corosync names in per-node messages: the first `ringX_addr` in cmap key
    /// order (alphabetical), which is `ring0_addr` when present.
    pub fn first_addr(&self) -> Option<KeyRef<'a>> {
        let mut by_name: Vec<KeyRef<'a>> = self.rings.values().copied().collect();
        crate::sort::sort_by(&mut by_name, |a, b| a.name.cmp(b.name));
        by_name.first().copied()
    }
}

/// The configuration as corosync reads it.
pub struct Model<'a> {
    pub conf: Conf<'a>,
    pub major: u8,
    pub target: Target,
    /// The sections read as `totem` (1.x: the first `network`, else the first `totem`; 2.x/3.x:
    /// every `totem`, merged).
    pub totem: Vec<SectionRef<'a>>,
    /// Every top-level `nodelist` section (2.x/3.x).
    pub nodelists: Vec<SectionRef<'a>>,
    interfaces: std::cell::OnceCell<Vec<Iface<'a>>>,
    nodes: std::cell::OnceCell<(Vec<Node<'a>>, VecMap<u32, usize>)>,
}

impl<'a> Model<'a> {
    pub fn new(ctx: &Ctx<'a>) -> Model<'a> {
        let conf = ctx.conf;
        let major = ctx.major();
        let top: Vec<SectionRef<'a>> = conf.children(conf.root()).collect();
        let totem: Vec<SectionRef<'a>> = if major == 1 {
            top.iter()
                .find(|s| s.name == "network")
                .or_else(|| top.iter().find(|s| s.name == "totem"))
                .copied()
                .into_iter()
                .collect()
        } else {
            top.iter().filter(|s| s.name == "totem").copied().collect()
        };
        let nodelists = if major >= 2 {
            top.iter()
                .filter(|s| s.name == "nodelist")
                .copied()
                .collect()
        } else {
            Vec::new()
        };
        Model {
            conf,
            major,
            target: ctx.target,
            totem,
            nodelists,
            interfaces: std::cell::OnceCell::new(),
            nodes: std::cell::OnceCell::new(),
        }
    }

    /// The `totem.interface` sections, merged by number in 2.x/3.x (computed on first use).
    pub fn interfaces(&self) -> &[Iface<'a>] {
        self.interfaces.get_or_init(|| {
            let conf = self.conf;
            let major = self.major;
            let mut interfaces: Vec<Iface<'a>> = Vec::new();
            let mut by_number: std::collections::HashMap<u32, usize> =
                std::collections::HashMap::new();
            for t in &self.totem {
                for sec in conf.children_named(t.id, "interface") {
                    let keys: Vec<KeyRef<'a>> = conf.keys(sec.id).collect();
                    let members: Vec<KeyRef<'a>> = conf
                        .children_named(sec.id, "member")
                        .flat_map(|m| {
                            conf.keys(m.id)
                                .filter(|k| k.name == "memberaddr")
                                .collect::<Vec<_>>()
                        })
                        .collect();
                    let num_key = if major >= 3 {
                        "linknumber"
                    } else {
                        "ringnumber"
                    };
                    let number = match keys.iter().rev().find(|k| k.name == num_key) {
                        None => 0,
                        Some(k) if major == 1 => num::atoi(k.value).value() as u32,
                        Some(k) => num::strtoll_strict(k.value)
                            .filter(|v| (0..=255).contains(v))
                            .unwrap_or(0) as u32,
                    };
                    match by_number.get(&number).copied().filter(|_| major >= 2) {
                        Some(i) => {
                            interfaces[i].sections.push(sec);
                            interfaces[i].keys.extend(keys);
                            interfaces[i].members.extend(members);
                        }
                        None => {
                            by_number.insert(number, interfaces.len());
                            interfaces.push(Iface {
                                number,
                                sections: vec![sec],
                                keys,
                                members,
                            });
                        }
                    }
                }
            }
            interfaces
        })
    }

    fn node_data(&self) -> &(Vec<Node<'a>>, VecMap<u32, usize>) {
        self.nodes.get_or_init(|| {
            let conf = self.conf;
            let mut nodes: Vec<Node<'a>> = Vec::new();
            for nl in &self.nodelists {
                for (pos, sec) in conf.children_named(nl.id, "node").enumerate() {
                    let keys: Vec<KeyRef<'a>> = conf.keys(sec.id).collect();
                    if pos < nodes.len() {
                        nodes[pos].sections.push(sec);
                        nodes[pos].keys.extend(keys);
                    } else {
                        nodes.push(Node {
                            pos,
                            sections: vec![sec],
                            keys,
                            rings: VecMap::new(),
                        });
                    }
                }
            }
            // Link number -> how many nodes have it (counted in ascending order: appends).
            let mut links: Vec<u32> = Vec::new();
            for n in &mut nodes {
                n.index_rings();
                links.extend(n.rings.keys());
            }
            crate::sort::sort(&mut links);
            let mut members: VecMap<u32, usize> = VecMap::new();
            for l in links {
                *members.get_or_default(l) += 1;
            }
            (nodes, members)
        })
    }

    /// The nodes of the nodelist, merged by position across `nodelist` sections (2.x/3.x).
    pub fn nodes(&self) -> &[Node<'a>] {
        &self.node_data().0
    }

    /// The value corosync uses for `totem.<key>` (last one wins).
    pub fn totem_key(&self, key: &str) -> Option<KeyRef<'a>> {
        self.totem
            .iter()
            .filter_map(|s| self.conf.get(s.id, key))
            .next_back()
    }

    /// The span to blame when something is missing from `totem`: its first line, else the
    /// start of the file.
    pub fn totem_anchor(&self) -> crate::diagnostic::Span {
        match self.totem.first() {
            Some(s) => s.name_span,
            None => {
                crate::diagnostic::Span::new(self.conf.tree.range.start, self.conf.tree.range.start)
            }
        }
    }

    /// A numeric totem key as corosync reads it.
    pub fn read_u32(&self, key: &str) -> Read {
        match self.totem_key(key) {
            None => Read::Absent,
            Some(k) => read_u32_value(self.major, k.value),
        }
    }

    /// The transport corosync uses (an invalid value counts as the default; 3.1+ and 1.x
    /// stop on it, which another rule reports).
    pub fn transport(&self) -> Transport {
        let default = if self.major >= 3 {
            Transport::Knet
        } else {
            Transport::Udp
        };
        match self.totem_key("transport").map(|k| k.value) {
            Some("udp") => Transport::Udp,
            Some("udpu") => Transport::Udpu,
            Some("iba") if self.major <= 2 => Transport::Iba,
            Some("knet") if self.major >= 3 => Transport::Knet,
            _ => default,
        }
    }

    /// Is there a nodelist corosync uses? 3.x: node 0 has `name` or `ring0_addr`; 2.x: node 0
    /// has `ring0_addr`.
    pub fn has_nodelist(&self) -> bool {
        match self.nodes().first() {
            None => false,
            Some(n) => {
                n.get("ring0_addr").is_some() || (self.major >= 3 && n.get("name").is_some())
            }
        }
    }

    /// Nodes that have `ringX_addr`.
    pub fn members_of_link(&self, link: u32) -> usize {
        self.nodes()
            .iter()
            .filter(|n| n.rings().contains_key(&link))
            .count()
    }

    /// Keys that make corosync 3.x read an interface section as a link.
    fn iface_has_link_keys(&self, i: &Iface) -> bool {
        const PER_LINK: &[&str] = &[
            "bindnetaddr",
            "mcastaddr",
            "broadcast",
            "mcastport",
            "ttl",
            "knet_link_priority",
            "knet_ping_interval",
            "knet_ping_timeout",
            "knet_ping_precision",
            "knet_pong_count",
            "knet_transport",
        ];
        if self.major >= 3 && self.transport() != Transport::Udp {
            i.keys.iter().any(|k| PER_LINK.contains(&k.name))
        } else {
            i.get("bindnetaddr").is_some()
        }
    }

    /// Interface sections corosync reads (3.x: with a per-link key, udp: with bindnetaddr;
    /// 2.x: with bindnetaddr or a local ring address from the nodelist; 1.x: all).
    pub fn active_interfaces(&self) -> Vec<&Iface<'a>> {
        self.interfaces()
            .iter()
            .filter(|i| match self.major {
                1 => true,
                2 => {
                    i.get("bindnetaddr").is_some()
                        || (self.has_nodelist() && self.members_of_link(i.number) > 0)
                }
                _ => {
                    self.iface_has_link_keys(i)
                        || (self.has_nodelist() && self.members_of_link(i.number) > 0)
                }
            })
            .collect()
    }

    /// The links (3.x) or rings (1.x/2.x) corosync configures, by number.
    pub fn configured_links(&self) -> Vec<u32> {
        let mut links: Vec<u32> = self.active_interfaces().iter().map(|i| i.number).collect();
        if self.major >= 2 && self.has_nodelist() {
            links.extend(self.node_data().1.keys().copied());
        }
        // Higher numbers stop corosync before the links are counted (C109, C210).
        let max = if self.major >= 3 { 7 } else { 1 };
        links.retain(|l| *l <= max);
        crate::sort::sort(&mut links);
        links.dedup();
        links
    }

    /// The (cipher, hash) corosync uses at a release. `None` for 1.x (which has neither) and when
    /// `crypto_cipher` or `crypto_hash` has a value the parser rejects.
    pub fn crypto(&self, at: Release) -> Option<(String, String)> {
        if self.major == 1 {
            return None;
        }
        let secauth = self.totem_key("secauth").map(|k| k.value);
        let (mut cipher, mut hash) = if self.major == 2 {
            if secauth == Some("off") {
                ("none", "none")
            } else {
                ("aes256", "sha1")
            }
        } else if at >= Release(3, 0, 2) && secauth == Some("on") {
            ("aes256", "sha256")
        } else {
            ("none", "none")
        };
        let ciphers: &[&str] = if at >= Release(3, 0, 2) {
            &["none", "aes256", "aes192", "aes128"]
        } else {
            &["none", "aes256", "aes192", "aes128", "3des"]
        };
        // A value the parser rejects stops corosync before crypto matters: nothing to say.
        if let Some(k) = self.totem_key("crypto_cipher") {
            cipher = ciphers.iter().find(|c| **c == k.value)?;
        }
        if let Some(k) = self.totem_key("crypto_hash") {
            hash = ["none", "md5", "sha1", "sha256", "sha384", "sha512"]
                .iter()
                .find(|h| **h == k.value)?;
        }
        Some((cipher.to_string(), hash.to_string()))
    }

    /// Is votequorum the quorum provider (2.x/3.x)?
    pub fn votequorum(&self) -> bool {
        self.major >= 2
            && self.quorum_key("provider").map(|k| k.value) == Some("corosync_votequorum")
    }

    /// The value corosync uses for `quorum.<key>` (2.x/3.x merge `quorum` sections).
    pub fn quorum_key(&self, key: &str) -> Option<KeyRef<'a>> {
        self.conf.value(&["quorum"], key)
    }

    /// A numeric `quorum.<key>` as the 2.x/3.x parser reads it (`None` when absent or invalid).
    pub fn quorum_num(&self, key: &str) -> Option<(KeyRef<'a>, u32)> {
        let k = self.quorum_key(key)?;
        match read_u32_value(self.major, k.value) {
            Read::Value(v) => Some((k, v)),
            _ => None,
        }
    }

    /// The `quorum.device` section, when a device model is configured (votequorum's test).
    pub fn qdevice(&self) -> Option<KeyRef<'a>> {
        self.conf
            .value(&["quorum", "device"], "model")
            .filter(|k| !k.value.is_empty())
    }

    /// The sum of the nodes' `quorum_votes` (default 1), as votequorum computes expected votes.
    pub fn node_votes(&self) -> u64 {
        self.nodes()
            .iter()
            .map(|n| {
                match n
                    .get("quorum_votes")
                    .map(|k| read_u32_value(self.major, k.value))
                {
                    Some(Read::Value(v)) => u64::from(v),
                    _ => 1,
                }
            })
            .sum()
    }

    /// The effective totem timers at one release.
    pub fn timers(&self, at: Release) -> Timers {
        Timers::compute(self, at)
    }
}

/// Quorum and quorum-device facts that votequorum and corosync-qdevice read (§3.5, §3.6).
impl<'a> Model<'a> {
    /// A numeric `quorum.<key>` set to a non-zero value.
    pub fn quorum_on(&self, key: &str) -> bool {
        self.quorum_num(key).is_some_and(|(_, v)| v != 0)
    }

    /// `quorum.device[.<sub>].<key>` as corosync-qdevice reads it (merged, last one wins).
    pub fn device_key(&self, sub: Option<&str>, key: &str) -> Option<KeyRef<'a>> {
        match sub {
            None => self.conf.value(&["quorum", "device"], key),
            Some(s) => self.conf.value(&["quorum", "device", s], key),
        }
    }

    /// Every `quorum.device` section (2.x/3.x).
    pub fn device_sections(&self) -> Vec<SectionRef<'a>> {
        if self.major < 2 {
            return Vec::new();
        }
        self.conf.sections_at(&["quorum", "device"])
    }
}

/// A value of a uint32 key as a corosync of this major version reads it.
pub fn read_u32_value(major: u8, value: &str) -> Read {
    if major == 1 {
        return Read::Value(num::atoi(value).value() as u32);
    }
    match num::strtoll_strict(value) {
        Some(v) if (0..=i64::from(u32::MAX)).contains(&v) => Read::Value(v as u32),
        _ => Read::Invalid,
    }
}

/// The IP family of a literal address, `None` for a host name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    V4,
    V6,
}

pub fn literal_family(s: &str) -> Option<Family> {
    if s.parse::<Ipv4Addr>().is_ok() {
        return Some(Family::V4);
    }
    let base = s.split('%').next().unwrap_or(s);
    if base.parse::<Ipv6Addr>().is_ok() {
        return Some(Family::V6);
    }
    None
}

/// Is a literal address multicast? `None` for a host name.
pub fn literal_is_multicast(s: &str) -> Option<bool> {
    if let Ok(a) = s.parse::<Ipv4Addr>() {
        return Some(a.is_multicast());
    }
    let base = s.split('%').next().unwrap_or(s);
    base.parse::<Ipv6Addr>().ok().map(|a| a.is_multicast())
}

/// The node id corosync generates from an IPv4 `ring0_addr` (UDP/UDPU): the address as a
/// big-endian number, with bit 31 cleared when `clear_node_high_bit: yes`.
pub fn autogenerated_nodeid(addr: &str, clear_high_bit: bool) -> Option<u32> {
    let a: Ipv4Addr = addr.parse().ok()?;
    let id = u32::from(a);
    Some(if clear_high_bit { id & 0x7FFF_FFFF } else { id })
}

/// The `key` of the consensus ≥ join check.
pub const CONSENSUS_VS_JOIN: &str = "consensus<join";

/// One timer check that fails.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// The key whose value is too small (`consensus` for the consensus/join check).
    pub key: &'static str,
    /// The value corosync checks.
    pub value: i64,
    /// The minimum it requires.
    pub min: i64,
    /// Whether the value was computed (not written in the file).
    pub computed: bool,
    /// corosync's own message, exactly.
    pub says: String,
}

/// The totem timers corosync uses, computed in its order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timers {
    pub at: Release,
    pub token_retransmits_before_loss_const: u32,
    /// `token` as configured (after the default).
    pub token_configured: u32,
    /// `token` + (nodes − 2) × `token_coefficient`, when that applies.
    pub token: u32,
    /// (nodes, coefficient) when the coefficient was added.
    pub coefficient: Option<(usize, u32)>,
    pub token_retransmit: u32,
    pub token_retransmit_explicit: bool,
    /// The hold value; `i64` because corosync computes it as `int` and it can go negative.
    pub hold: i64,
    pub hold_explicit: bool,
    pub join: u32,
    pub consensus: u32,
    pub consensus_explicit: bool,
    pub merge: u32,
    pub downcheck: u32,
    pub max_network_delay: u32,
    pub rrp_problem_count_timeout: u32,
    pub rrp_problem_count_threshold: u32,
    pub rrp_problem_count_mcast_threshold: u32,
    pub rrp_token_expired_timeout: u32,
    /// Which of the rrp values were written (the others are computed or defaults).
    pub rrp_mcast_threshold_explicit: bool,
    pub rrp_token_expired_explicit: bool,
}

impl Timers {
    /// Default token timeout: 1000 ms before 3.1.0, 3000 ms from 3.1.0 (commit 8221f780).
    pub fn default_token(at: Release) -> u32 {
        if at >= Release(3, 1, 0) { 3000 } else { 1000 }
    }

    fn compute(m: &Model, at: Release) -> Timers {
        // A key counts when set to a non-zero value; 0 means "the default" for these timers.
        let get = |key: &str| match m.read_u32(key) {
            Read::Value(v) if v != 0 => Some(v),
            _ => None,
        };
        let present = |key: &str| matches!(m.read_u32(key), Read::Value(_));
        let retrans = get("token_retransmits_before_loss_const").unwrap_or(4);
        let token_configured = get("token").unwrap_or_else(|| Self::default_token(at));
        let mut token = token_configured;
        let mut coefficient = None;
        if at >= Release(2, 3, 4) && m.major >= 2 {
            let nodes = if m.has_nodelist() {
                m.members_of_link(0)
            } else if m.major == 2 {
                m.interfaces()
                    .iter()
                    .find(|i| i.number == 0)
                    .map(|i| i.members.len())
                    .unwrap_or(0)
            } else {
                0
            };
            if nodes > 2 {
                let coef = match m.read_u32("token_coefficient") {
                    Read::Value(v) => v,
                    _ => 650,
                };
                token = token.wrapping_add(((nodes - 2) as u32).wrapping_mul(coef));
                coefficient = Some((nodes, coef));
            }
        }
        let computed_retransmit = (f64::from(token) / (f64::from(retrans) + 0.2)) as i64 as u32;
        let token_retransmit = get("token_retransmit").unwrap_or(computed_retransmit);
        let computed_hold = (f64::from(token_retransmit) * 0.8 - TICK as f64) as i64;
        let hold = get("hold").map(i64::from).unwrap_or(computed_hold);
        let join = get("join").unwrap_or(50);
        let computed_consensus = ((1.2 * f64::from(token)) as f32) as i64 as u32;
        let consensus = get("consensus").unwrap_or(computed_consensus);
        let rrp_threshold = get("rrp_problem_count_threshold").unwrap_or(10);
        Timers {
            at,
            token_retransmits_before_loss_const: retrans,
            token_configured,
            token,
            coefficient,
            token_retransmit,
            token_retransmit_explicit: present("token_retransmit"),
            hold,
            hold_explicit: get("hold").is_some(),
            join,
            consensus,
            consensus_explicit: get("consensus").is_some(),
            merge: get("merge").unwrap_or(200),
            downcheck: get("downcheck").unwrap_or(1000),
            max_network_delay: get("max_network_delay").unwrap_or(50),
            rrp_problem_count_timeout: get("rrp_problem_count_timeout").unwrap_or(2000),
            rrp_problem_count_threshold: rrp_threshold,
            rrp_problem_count_mcast_threshold: get("rrp_problem_count_mcast_threshold")
                .unwrap_or(rrp_threshold.wrapping_mul(10)),
            rrp_token_expired_timeout: get("rrp_token_expired_timeout").unwrap_or(token_retransmit),
            rrp_mcast_threshold_explicit: get("rrp_problem_count_mcast_threshold").is_some(),
            rrp_token_expired_explicit: get("rrp_token_expired_timeout").is_some(),
        }
    }

    /// The minimum hold corosync enforces at this release.
    pub fn hold_minimum(&self) -> i64 {
        if self.at >= Release(3, 0, 2) {
            i64::from(MIN_HOLD_302)
        } else {
            i64::from(MIN_TIMEOUT)
        }
    }

    /// The timer checks that fail, in corosync's order, with its messages.
    pub fn violations(&self, major: u8) -> Vec<Violation> {
        let mut v = Vec::new();
        let min = i64::from(MIN_TIMEOUT);
        fn below(
            v: &mut Vec<Violation>,
            key: &'static str,
            what: &str,
            value: i64,
            minimum: i64,
            computed: bool,
        ) {
            if value < minimum {
                v.push(Violation {
                    key,
                    value,
                    min: minimum,
                    computed,
                    says: format!("parse error in config: The {what} parameter ({value} ms) may not be less than ({minimum} ms)."),
                });
            }
        }
        below(
            &mut v,
            "max_network_delay",
            "max_network_delay",
            i64::from(self.max_network_delay),
            min,
            false,
        );
        below(
            &mut v,
            "token",
            "token timeout",
            i64::from(self.token),
            min,
            false,
        );
        let tr = i64::from(self.token_retransmit);
        if tr < min {
            if self.token_retransmit_explicit || self.at < Release(3, 0, 2) {
                below(
                    &mut v,
                    "token_retransmit",
                    "token retransmit timeout",
                    tr,
                    min,
                    !self.token_retransmit_explicit,
                );
            } else {
                v.push(Violation {
                    key: "token_retransmit",
                    value: tr,
                    min,
                    computed: true,
                    says: "parse error in config: Not appropriate token or token_retransmits_before_loss_const value set".to_string(),
                });
            }
        }
        // corosync stores hold in an unsigned int: a negative computed value wraps around and
        // passes the check.
        if self.hold >= 0 {
            below(
                &mut v,
                "hold",
                "token hold timeout",
                self.hold,
                self.hold_minimum(),
                !self.hold_explicit,
            );
        }
        below(
            &mut v,
            "join",
            "join timeout",
            i64::from(self.join),
            min,
            false,
        );
        below(
            &mut v,
            "consensus",
            "consensus timeout",
            i64::from(self.consensus),
            min,
            !self.consensus_explicit,
        );
        if self.consensus < self.join {
            v.push(Violation {
                key: CONSENSUS_VS_JOIN,
                value: i64::from(self.consensus),
                min: i64::from(self.join),
                computed: !self.consensus_explicit,
                says: format!(
                    "parse error in config: The consensus timeout parameter ({} ms) may not be less than join timeout ({} ms).",
                    self.consensus, self.join
                ),
            });
        }
        below(
            &mut v,
            "merge",
            "merge timeout",
            i64::from(self.merge),
            min,
            false,
        );
        below(
            &mut v,
            "downcheck",
            "downcheck timeout",
            i64::from(self.downcheck),
            min,
            false,
        );
        if major <= 2 {
            below(
                &mut v,
                "rrp_problem_count_timeout",
                "RRP problem count timeout",
                i64::from(self.rrp_problem_count_timeout),
                min,
                false,
            );
            let th = i64::from(RRP_THRESHOLD_MIN);
            for (key, what, value, computed) in [
                (
                    "rrp_problem_count_threshold",
                    "RRP problem count threshold",
                    self.rrp_problem_count_threshold,
                    false,
                ),
                (
                    "rrp_problem_count_mcast_threshold",
                    "RRP multicast problem count threshold",
                    self.rrp_problem_count_mcast_threshold,
                    !self.rrp_mcast_threshold_explicit,
                ),
            ] {
                if i64::from(value) < th {
                    v.push(Violation {
                        key,
                        value: i64::from(value),
                        min: th,
                        computed,
                        says: format!("parse error in config: The {what} ({value} problem count) may not be less than ({th} problem count)."),
                    });
                }
            }
            below(
                &mut v,
                "rrp_token_expired_timeout",
                "RRP token expired timeout",
                i64::from(self.rrp_token_expired_timeout),
                min,
                !self.rrp_token_expired_explicit,
            );
        }
        v
    }
}

/// Release ranges of a target inside which corosync's timer rules do not change: the token
/// coefficient (2.3.4), the hold minimum and retransmit message (3.0.2), the token default
/// (3.1.0). Each is (first release, last release), clamped to the target.
pub fn timer_segments(t: Target) -> Vec<(Release, Release)> {
    const BREAKS: &[(Release, Release)] = &[
        (Release(2, 3, 4), Release(2, 3, 3)),
        (Release(3, 0, 2), Release(3, 0, 1)),
        (Release(3, 1, 0), Release(3, 0, 4)),
    ];
    let mut segs = Vec::new();
    let mut start = t.from;
    for (first_new, last_old) in BREAKS {
        if *first_new > start && *first_new <= t.to {
            segs.push((start, *last_old));
            start = *first_new;
        }
    }
    segs.push((start, t.to));
    segs
}

impl Timers {
    /// How the effective token was computed, e.g. `3000 + (5 − 2) × 650 = 4950`.
    pub fn token_formula(&self) -> String {
        match self.coefficient {
            Some((n, c)) => format!(
                "{} + ({n} − 2) × {c} = {}",
                self.token_configured, self.token
            ),
            None => self.token.to_string(),
        }
    }
    /// How a computed value came about (for messages).
    pub fn formula(&self, key: &str) -> String {
        match key {
            "token_retransmit" => format!(
                "token {} / (token_retransmits_before_loss_const {} + 0.2)",
                self.token_formula(),
                self.token_retransmits_before_loss_const
            ),
            "hold" => format!("token_retransmit {} × 0.8 − 10", self.token_retransmit),
            "consensus" => format!("1.2 × token {}", self.token_formula()),
            _ => String::new(),
        }
    }
}

/// The timer checks that fail somewhere in the target, as corosync would report them: in each
/// release range the first failing check (the one corosync prints) plus every other check on a
/// value written explicitly; grouped by check, with the releases where it fails and the
/// numbers of the newest of them.
pub fn timer_violations(m: &Model, t: Target) -> Vec<(Violation, Timers, Release, Release)> {
    let mut out: Vec<(Violation, Timers, Release, Release)> = Vec::new();
    for (from, to) in timer_segments(t) {
        let timers = m.timers(from);
        let all = timers.violations(m.major);
        for (i, v) in all.into_iter().enumerate() {
            if i > 0 && v.computed {
                continue;
            }
            match out.iter_mut().find(|(o, ..)| o.key == v.key) {
                Some(entry) => {
                    entry.0 = v;
                    entry.1 = timers.clone();
                    entry.3 = to;
                }
                None => out.push((v, timers.clone(), from, to)),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families_and_multicast() {
        assert_eq!(literal_family("10.0.0.1"), Some(Family::V4));
        assert_eq!(literal_family("fe80::1%eth0"), Some(Family::V6));
        assert_eq!(literal_family("node1.example.com"), None);
        assert_eq!(literal_is_multicast("239.255.1.1"), Some(true));
        assert_eq!(literal_is_multicast("10.0.0.1"), Some(false));
        assert_eq!(literal_is_multicast("ff15::1"), Some(true));
    }

    #[test]
    fn autogenerated_ids() {
        assert_eq!(
            autogenerated_nodeid("192.168.1.10", false),
            Some(0xC0A8_010A)
        );
        assert_eq!(
            autogenerated_nodeid("192.168.1.10", true),
            Some(0x40A8_010A)
        );
        assert_eq!(autogenerated_nodeid("::1", false), None);
    }
}
