//! What corosync.conf may contain, per corosync release: sections, keys, value types, allowed
//! values, and which keys are deprecated or ignored. Data, not prose.
//!
//! Source: `shared/reference/corosync-conf.md` §1.6 (values the parser checks), §2 (keys per
//! version), §2.8 (deprecated/removed/renamed), and the corosync sources it cites
//! (`exec/coroparse.c`, `exec/totemconfig.c`, `exec/logconfig.c`, `exec/mainconfig.c` of
//! v1.4.10, v2.4.6, v3.1.7, v3.1.10).
//!
//! A key can have several rows when its meaning changed between releases; each row holds for an
//! inclusive range of releases. Release `x.255.255` stands for "the end of series x".
//!
//! Integer rows ([`Ty::Int`]) are typed by the 2.x/3.x parser (strtoll base 10, then a range
//! check; failure stops corosync) and read with `atoi` by 1.x (never an error).

use crate::version::Release;

const fn r(a: u8, b: u8, c: u8) -> Release {
    Release(a, b, c)
}

/// The first and last release of each series, and frequently used ranges.
pub const V1_FROM: Release = r(1, 0, 0);
pub const V1_TO: Release = r(1, 255, 255);
pub const V2_FROM: Release = r(2, 0, 0);
pub const V2_TO: Release = r(2, 255, 255);
pub const V3_FROM: Release = r(3, 0, 0);
pub const V3_TO: Release = r(3, 255, 255);

/// Is this release the open end of a series (`x.255.255`)?
pub fn is_series_end(rel: Release) -> bool {
    rel.1 == 255 && rel.2 == 255
}

/// Integer widths the 2.x/3.x parser knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntTy {
    U8,
    U16,
    U32,
    I32,
}

impl IntTy {
    pub fn range(self) -> (i64, i64) {
        match self {
            IntTy::U8 => (0, u8::MAX as i64),
            IntTy::U16 => (0, u16::MAX as i64),
            IntTy::U32 => (0, u32::MAX as i64),
            IntTy::I32 => (i32::MIN as i64, i32::MAX as i64),
        }
    }
}

/// What corosync does with a value it does not accept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bad {
    /// It stops at start-up (and `corosync -t` fails) with this text (`{value}` = the value).
    Stops(&'static str),
    /// It stops when the service starts; `corosync -t` does not notice. Text as printed.
    StopsAtStart(&'static str),
    /// It accepts the value silently and behaves as described (a short English phrase,
    /// translated through the catalog key `C603.uses.<this>`).
    Uses(&'static str),
}

/// The type of a value, as corosync checks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ty {
    /// Any text (paths, names, addresses). Not checked here.
    Str,
    /// An integer (see the module docs for 1.x vs 2.x/3.x).
    Int(IntTy),
    /// `strtoull`: `-1` wraps around; a non-number aborts corosync before 3.1.10.
    U64,
    /// An integer the parser types as `ty`, that corosync later requires to be in `lo..=hi`.
    IntIn {
        ty: IntTy,
        lo: i64,
        hi: i64,
        bad: Bad,
    },
    /// One of a list of words.
    Enum {
        values: &'static [&'static str],
        nocase: bool,
        bad: Bad,
    },
    /// `ip_dscp`: 0..63 (decimal, 0x hex, 0 octal) or a DSCP name.
    Dscp,
}

/// How current a key or section is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Works as documented.
    Ok,
    /// Still works, but is deprecated.
    Deprecated,
    /// Accepted but has no effect.
    Ignored,
}

/// How a key name is matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pat {
    Exact(&'static str),
    /// `ring<digits>_addr`
    RingAddr,
    /// A name starting with this prefix (e.g. `exec_`).
    Prefix(&'static str),
}

impl Pat {
    pub fn matches(self, name: &str) -> bool {
        match self {
            Pat::Exact(s) => s == name,
            Pat::RingAddr => ring_addr_number(name).is_some(),
            Pat::Prefix(p) => name.len() > p.len() && name.starts_with(p),
        }
    }
    /// A name to show in suggestions.
    pub fn display(self) -> &'static str {
        match self {
            Pat::Exact(s) => s,
            Pat::RingAddr => "ring0_addr",
            Pat::Prefix(p) => p,
        }
    }
}

/// `ring12_addr` → 12 (as corosync's `sscanf("ring%u%s")` reads it: digits, then `_addr`).
pub fn ring_addr_number(name: &str) -> Option<u32> {
    let rest = name.strip_prefix("ring")?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || &rest[digits..] != "_addr" {
        return None;
    }
    rest[..digits].parse().ok()
}

/// One row of the key table.
#[derive(Debug, Clone, Copy)]
pub struct KeyDef {
    /// Dotted section path: `totem`, `totem.interface`, `nodelist.node`, `""` for top level.
    pub section: &'static str,
    pub key: Pat,
    pub from: Release,
    pub to: Release,
    pub ty: Ty,
    pub status: Status,
    /// What to use instead (for deprecated or ignored keys), or `""`.
    pub replacement: &'static str,
    /// The warning corosync itself prints about this key, or `""`.
    pub says: &'static str,
}

/// What kind of section it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionKind {
    /// Keys and subsections are checked against the tables.
    Normal,
    /// Belongs to the stack rules (C5xx): skipped entirely here.
    Stack,
}

#[derive(Debug, Clone, Copy)]
pub struct SectionDef {
    pub path: &'static str,
    pub from: Release,
    pub to: Release,
    pub kind: SectionKind,
    pub status: Status,
    pub replacement: &'static str,
}

const fn sec(path: &'static str, from: Release, to: Release) -> SectionDef {
    SectionDef {
        path,
        from,
        to,
        kind: SectionKind::Normal,
        status: Status::Ok,
        replacement: "",
    }
}
const fn stack(path: &'static str) -> SectionDef {
    SectionDef {
        path,
        from: V1_FROM,
        to: V3_TO,
        kind: SectionKind::Stack,
        status: Status::Ok,
        replacement: "",
    }
}
const fn sec_gone(
    path: &'static str,
    from: Release,
    to: Release,
    replacement: &'static str,
) -> SectionDef {
    SectionDef {
        path,
        from,
        to,
        kind: SectionKind::Normal,
        status: Status::Ignored,
        replacement,
    }
}

/// Sections per release. Top-level `service`, `aisexec`, `amf` and `event` belong to the stack
/// rules; they are listed so that no other rule reports them.
pub static SECTIONS: &[SectionDef] = &[
    sec("totem", V1_FROM, V3_TO),
    sec("network", V1_FROM, V1_TO),
    sec_gone("network", V2_FROM, V3_TO, "totem"),
    sec("totem.interface", V1_FROM, V3_TO),
    sec("totem.interface.member", V1_FROM, V1_TO),
    SectionDef {
        path: "totem.interface.member",
        from: V2_FROM,
        to: V3_TO,
        kind: SectionKind::Normal,
        status: Status::Deprecated,
        replacement: "nodelist",
    },
    sec("network.interface", V1_FROM, V1_TO),
    sec("network.interface.member", V1_FROM, V1_TO),
    sec("logging", V1_FROM, V3_TO),
    sec("logging.logger_subsys", V1_FROM, V3_TO),
    sec("logging.logging_daemon", V1_FROM, V3_TO),
    sec("quorum", V1_FROM, V3_TO),
    sec("quorum.device", V2_FROM, V3_TO),
    sec("quorum.device.net", V2_FROM, V3_TO),
    sec("quorum.device.heuristics", r(2, 4, 3), V3_TO),
    sec("nodelist", V2_FROM, V3_TO),
    sec("nodelist.node", V2_FROM, V3_TO),
    sec("uidgid", V1_FROM, V3_TO),
    sec("resources", V2_FROM, V3_TO),
    sec("resources.system", V2_FROM, V3_TO),
    sec("resources.system.memory_used", V2_FROM, V3_TO),
    sec("resources.system.load_15min", V2_FROM, V3_TO),
    sec("resources.process", V2_FROM, V3_TO),
    sec("resources.process.memory_used", V2_FROM, V3_TO),
    sec("qb", r(2, 1, 1), V2_TO),
    sec_gone("qb", V3_FROM, V3_TO, "system"),
    sec("system", V3_FROM, V3_TO),
    sec("nozzle", r(3, 0, 2), V3_TO),
    sec("pload", V1_FROM, V3_TO),
    stack("service"),
    stack("aisexec"),
    stack("amf"),
    stack("event"),
];

// ---- value sets -------------------------------------------------------------------------

const ON_OFF: &[&str] = &["on", "off"];
const YES_NO_ON_OFF: &[&str] = &["yes", "no", "on", "off"];
const PRIORITIES: &[&str] = &[
    "alert", "crit", "debug", "emerg", "err", "error", "info", "notice", "warning",
];
const FACILITIES_1: &[&str] = &[
    "auth", "cron", "daemon", "kern", "lpr", "mail", "news", "syslog", "user", "uucp", "local0",
    "local1", "local2", "local3", "local4", "local5", "local6", "local7",
];
const FACILITIES_QB: &[&str] = &[
    "auth", "authpriv", "cron", "daemon", "ftp", "kern", "lpr", "mail", "news", "syslog", "user",
    "uucp", "local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7",
];
const TRANSPORTS_12: &[&str] = &["udp", "udpu", "iba"];
const TRANSPORTS_3: &[&str] = &["knet", "udpu", "udp"];
const CIPHERS_OLD: &[&str] = &["none", "aes256", "aes192", "aes128", "3des"];
const CIPHERS: &[&str] = &["none", "aes256", "aes192", "aes128"];
const HASHES: &[&str] = &["none", "md5", "sha1", "sha256", "sha384", "sha512"];
/// libknet crypto models; which ones a build has depends on how libknet was built.
const CRYPTO_MODELS: &[&str] = &["nss", "openssl", "gcrypt"];
/// libknet compression models (Debian 12's libknet has all of them); `none` is not one.
const COMPRESS_MODELS: &[&str] = &["zlib", "lz4", "lz4hc", "lzo2", "lzma", "bzip2", "zstd"];
const LINK_MODES: &[&str] = &["passive", "active", "rr"];
const RRP_MODES: &[&str] = &["none", "active", "passive"];
const IP_VERSIONS_2: &[&str] = &["ipv4", "ipv6"];
const IP_VERSIONS_3: &[&str] = &["ipv4", "ipv6", "ipv4-6", "ipv6-4"];
const KNET_TRANSPORTS: &[&str] = &["udp", "sctp"];
const QB_IPC: &[&str] = &["native", "shm", "socket"];
const YES_NO: &[&str] = &["yes", "no"];
const YES_NO_AUTO: &[&str] = &["yes", "no", "auto"];
const PROVIDERS_1: &[&str] = &[
    "corosync_votequorum",
    "testquorum",
    "corosync_quorum_ykd",
    "quorum_cman",
];
const PROVIDERS: &[&str] = &["corosync_votequorum", "corosync_ykd"];
const CRYPTO_TYPES_1: &[&str] = &["sober", "nss"];
const CRYPTO_TYPES_2: &[&str] = &["nss", "aes256", "aes192", "aes128", "3des"];
const CRYPTO_ACCEPT: &[&str] = &["old", "new"];
const VSFTYPES: &[&str] = &["ykd", "none"];

// ---- row constructors ---------------------------------------------------------------------

const fn k(section: &'static str, key: &'static str, from: Release, to: Release, ty: Ty) -> KeyDef {
    KeyDef {
        section,
        key: Pat::Exact(key),
        from,
        to,
        ty,
        status: Status::Ok,
        replacement: "",
        says: "",
    }
}
const fn dep(
    section: &'static str,
    key: &'static str,
    from: Release,
    to: Release,
    ty: Ty,
    replacement: &'static str,
    says: &'static str,
) -> KeyDef {
    KeyDef {
        section,
        key: Pat::Exact(key),
        from,
        to,
        ty,
        status: Status::Deprecated,
        replacement,
        says,
    }
}
const fn gone(
    section: &'static str,
    key: &'static str,
    from: Release,
    to: Release,
    ty: Ty,
    replacement: &'static str,
    says: &'static str,
) -> KeyDef {
    KeyDef {
        section,
        key: Pat::Exact(key),
        from,
        to,
        ty,
        status: Status::Ignored,
        replacement,
        says,
    }
}
const fn e(values: &'static [&'static str], bad: Bad) -> Ty {
    Ty::Enum {
        values,
        nocase: false,
        bad,
    }
}
const fn ei(values: &'static [&'static str], bad: Bad) -> Ty {
    Ty::Enum {
        values,
        nocase: true,
        bad,
    }
}

const S: Ty = Ty::Str;
const U8: Ty = Ty::Int(IntTy::U8);
const U16: Ty = Ty::Int(IntTy::U16);
const U32: Ty = Ty::Int(IntTy::U32);
const I32: Ty = Ty::Int(IntTy::I32);
const A: Release = V1_FROM;
/// Keys of the monitored resources (`resources.system.memory_used`, `...load_15min`,
/// `resources.process.memory_used`).
pub const RESOURCE: &str = "resources|leaf";
/// Keys valid at the top of `logging` and in `logger_subsys` / `logging_daemon` sections.
pub const SUBSYS: &str = "logging|subsys";
const Z: Release = V3_TO;

/// Every key corosync knows, per release.
pub static KEYS: &[KeyDef] = &[
    // ---- totem ------------------------------------------------------------------------
    k("totem", "version", A, Z, U32),
    k("totem", "cluster_name", V2_FROM, Z, S),
    // Written by pcs (0.11+) to identify the cluster; corosync stores it and does not read it.
    k("totem", "cluster_uuid", V2_FROM, Z, S),
    k("totem", "config_version", r(2, 1, 0), r(3, 1, 9), Ty::U64),
    k("totem", "config_version", r(3, 1, 10), Z, Ty::U64),
    k("totem", "nodeid", A, V1_TO, U32),
    dep(
        "totem",
        "nodeid",
        V2_FROM,
        V2_TO,
        U32,
        "nodelist.node.nodeid",
        "",
    ),
    dep(
        "totem",
        "nodeid",
        V3_FROM,
        r(3, 1, 4),
        U32,
        "nodelist.node.nodeid",
        "",
    ),
    gone(
        "totem",
        "nodeid",
        r(3, 1, 5),
        Z,
        U32,
        "nodelist.node.nodeid",
        "nodeid in totem section is deprecated and ignored. Nodelist (or autogenerated) nodeid is going to be used.",
    ),
    k(
        "totem",
        "clear_node_high_bit",
        A,
        Z,
        e(YES_NO, Bad::Uses("no")),
    ),
    k(
        "totem",
        "secauth",
        A,
        V1_TO,
        e(ON_OFF, Bad::Uses("secauth-on")),
    ),
    dep(
        "totem",
        "secauth",
        V2_FROM,
        V2_TO,
        e(ON_OFF, Bad::Uses("secauth-on")),
        "crypto_cipher, crypto_hash",
        "",
    ),
    gone(
        "totem",
        "secauth",
        V3_FROM,
        r(3, 0, 1),
        S,
        "crypto_cipher, crypto_hash",
        "",
    ),
    k(
        "totem",
        "secauth",
        r(3, 0, 2),
        Z,
        e(ON_OFF, Bad::Uses("secauth-off")),
    ),
    k(
        "totem",
        "crypto_type",
        A,
        V1_TO,
        e(CRYPTO_TYPES_1, Bad::Uses("sober")),
    ),
    gone(
        "totem",
        "crypto_type",
        V2_FROM,
        V2_TO,
        e(CRYPTO_TYPES_2, Bad::Stops("Invalid crypto type")),
        "crypto_cipher, crypto_hash",
        "",
    ),
    gone(
        "totem",
        "crypto_type",
        V3_FROM,
        Z,
        S,
        "crypto_cipher, crypto_hash",
        "",
    ),
    k(
        "totem",
        "crypto_accept",
        A,
        V1_TO,
        e(CRYPTO_ACCEPT, Bad::Uses("old")),
    ),
    gone(
        "totem",
        "crypto_accept",
        V2_FROM,
        Z,
        S,
        "crypto_cipher, crypto_hash",
        "",
    ),
    k(
        "totem",
        "crypto_cipher",
        V2_FROM,
        V2_TO,
        e(CIPHERS_OLD, Bad::Stops("Invalid cipher type")),
    ),
    k(
        "totem",
        "crypto_cipher",
        V3_FROM,
        r(3, 0, 1),
        e(CIPHERS_OLD, Bad::Stops("Invalid cipher type")),
    ),
    k(
        "totem",
        "crypto_cipher",
        r(3, 0, 2),
        Z,
        e(
            CIPHERS,
            Bad::Stops("Invalid cipher type. Should be none, aes256, aes192 or aes128"),
        ),
    ),
    k(
        "totem",
        "crypto_hash",
        V2_FROM,
        r(3, 0, 1),
        e(HASHES, Bad::Stops("Invalid hash type")),
    ),
    k(
        "totem",
        "crypto_hash",
        r(3, 0, 2),
        Z,
        e(
            HASHES,
            Bad::Stops("Invalid hash type. Should be none, md5, sha1, sha256, sha384 or sha512"),
        ),
    ),
    k(
        "totem",
        "crypto_model",
        V3_FROM,
        r(3, 0, 1),
        e(
            &["nss", "openssl"],
            Bad::Stops("crypto_model should be 'nss' or 'openssl'"),
        ),
    ),
    k(
        "totem",
        "crypto_model",
        r(3, 0, 2),
        r(3, 1, 2),
        e(
            &["nss", "openssl"],
            Bad::Stops("Invalid crypto model. Should be nss or openssl"),
        ),
    ),
    k(
        "totem",
        "crypto_model",
        r(3, 1, 3),
        Z,
        e(
            CRYPTO_MODELS,
            Bad::Stops("Invalid crypto model. Should be nss or openssl"),
        ),
    ),
    k("totem", "keyfile", A, Z, S),
    k("totem", "key", A, Z, S),
    k(
        "totem",
        "rrp_mode",
        A,
        V2_TO,
        e(
            RRP_MODES,
            Bad::Stops(
                "parse error in config: The RRP mode \"{value}\" specified is invalid.  It must be none, active, or passive.",
            ),
        ),
    ),
    gone("totem", "rrp_mode", V3_FROM, Z, S, "link_mode", ""),
    k(
        "totem",
        "link_mode",
        V3_FROM,
        Z,
        e(
            LINK_MODES,
            Bad::Stops(
                "parse error in config: The Knet link mode \"{value}\" specified is invalid.  It must be active, passive or rr.",
            ),
        ),
    ),
    k("totem", "netmtu", A, Z, U32),
    k("totem", "threads", A, V2_TO, U32),
    gone("totem", "threads", V3_FROM, Z, U32, "", ""),
    k(
        "totem",
        "vsftype",
        A,
        r(1, 3, 255),
        e(VSFTYPES, Bad::Uses("none")),
    ),
    gone("totem", "vsftype", r(1, 4, 0), V1_TO, S, "", ""),
    gone("totem", "vsftype", V2_FROM, Z, S, "", ""),
    k(
        "totem",
        "ip_version",
        r(2, 1, 1),
        V2_TO,
        e(IP_VERSIONS_2, Bad::Stops("Invalid ip_version type")),
    ),
    k(
        "totem",
        "ip_version",
        V3_FROM,
        Z,
        e(IP_VERSIONS_3, Bad::Stops("Invalid ip_version type")),
    ),
    k("totem", "ip_dscp", r(3, 1, 10), Z, Ty::Dscp),
    k(
        "totem",
        "transport",
        A,
        V1_TO,
        e(
            TRANSPORTS_12,
            Bad::Stops("parse error in config: transport type {value} is unsupported"),
        ),
    ),
    k(
        "totem",
        "transport",
        V2_FROM,
        V2_TO,
        e(TRANSPORTS_12, Bad::Uses("udp")),
    ),
    k(
        "totem",
        "transport",
        V3_FROM,
        r(3, 0, 4),
        e(TRANSPORTS_3, Bad::Uses("knet")),
    ),
    k(
        "totem",
        "transport",
        r(3, 1, 0),
        Z,
        e(
            TRANSPORTS_3,
            Bad::Stops("Invalid transport type. Should be udpu, udp or knet"),
        ),
    ),
    k("totem", "token_coefficient", r(2, 3, 4), Z, U32),
    k(
        "totem",
        "token_warning",
        V3_FROM,
        Z,
        Ty::IntIn {
            ty: IntTy::U32,
            lo: 0,
            hi: 100,
            bad: Bad::Stops(
                "parse error in config: The token warning parameter ({value}%) must be between 0 (disabled) and 100.",
            ),
        },
    ),
    k("totem", "token", A, Z, U32),
    k("totem", "token_retransmit", A, Z, U32),
    k("totem", "hold", A, Z, U32),
    k("totem", "token_retransmits_before_loss_const", A, Z, U32),
    k("totem", "join", A, Z, U32),
    k("totem", "send_join", A, Z, U32),
    k("totem", "consensus", A, Z, U32),
    k("totem", "merge", A, Z, U32),
    k("totem", "downcheck", A, Z, U32),
    k("totem", "fail_recv_const", A, Z, U32),
    k("totem", "seqno_unchanged_const", A, Z, U32),
    k("totem", "heartbeat_failures_allowed", A, Z, U32),
    k("totem", "max_network_delay", A, Z, U32),
    k("totem", "window_size", A, Z, U32),
    k("totem", "max_messages", A, Z, U32),
    k("totem", "miss_count_const", A, Z, U32),
    k("totem", "rrp_problem_count_timeout", A, V2_TO, U32),
    k("totem", "rrp_problem_count_threshold", A, V2_TO, U32),
    k("totem", "rrp_problem_count_mcast_threshold", A, V2_TO, U32),
    k("totem", "rrp_token_expired_timeout", A, V2_TO, U32),
    k("totem", "rrp_autorecovery_check_timeout", A, V2_TO, U32),
    gone(
        "totem",
        "rrp_problem_count_timeout",
        V3_FROM,
        r(3, 1, 9),
        U32,
        "knet_ping_interval, knet_ping_timeout, knet_pong_count",
        "",
    ),
    gone(
        "totem",
        "rrp_problem_count_threshold",
        V3_FROM,
        r(3, 1, 9),
        U32,
        "knet_ping_interval, knet_ping_timeout, knet_pong_count",
        "",
    ),
    gone(
        "totem",
        "rrp_problem_count_mcast_threshold",
        V3_FROM,
        r(3, 1, 9),
        U32,
        "knet_ping_interval, knet_ping_timeout, knet_pong_count",
        "",
    ),
    gone(
        "totem",
        "rrp_token_expired_timeout",
        V3_FROM,
        r(3, 1, 9),
        U32,
        "knet_ping_interval, knet_ping_timeout, knet_pong_count",
        "",
    ),
    gone(
        "totem",
        "rrp_autorecovery_check_timeout",
        V3_FROM,
        r(3, 1, 9),
        U32,
        "knet_ping_interval, knet_ping_timeout, knet_pong_count",
        "",
    ),
    gone(
        "totem",
        "rrp_problem_count_timeout",
        r(3, 1, 10),
        Z,
        S,
        "knet_ping_interval, knet_ping_timeout, knet_pong_count",
        "",
    ),
    gone(
        "totem",
        "rrp_problem_count_threshold",
        r(3, 1, 10),
        Z,
        S,
        "knet_ping_interval, knet_ping_timeout, knet_pong_count",
        "",
    ),
    gone(
        "totem",
        "rrp_problem_count_mcast_threshold",
        r(3, 1, 10),
        Z,
        S,
        "knet_ping_interval, knet_ping_timeout, knet_pong_count",
        "",
    ),
    gone(
        "totem",
        "rrp_token_expired_timeout",
        r(3, 1, 10),
        Z,
        S,
        "knet_ping_interval, knet_ping_timeout, knet_pong_count",
        "",
    ),
    gone(
        "totem",
        "rrp_autorecovery_check_timeout",
        r(3, 1, 10),
        Z,
        S,
        "knet_ping_interval, knet_ping_timeout, knet_pong_count",
        "",
    ),
    k(
        "totem",
        "block_unlisted_ips",
        r(2, 4, 5),
        Z,
        e(YES_NO, Bad::Uses("yes")),
    ),
    k(
        "totem",
        "cancel_token_hold_on_retransmit",
        r(2, 4, 6),
        Z,
        e(YES_NO, Bad::Uses("no")),
    ),
    k("totem", "knet_pmtud_interval", V3_FROM, Z, U32),
    k("totem", "knet_mtu", r(3, 1, 7), Z, U32),
    k("totem", "knet_compression_model", V3_FROM, r(3, 1, 2), S),
    k(
        "totem",
        "knet_compression_model",
        r(3, 1, 3),
        Z,
        e(
            COMPRESS_MODELS,
            Bad::Stops(
                "Invalid compression model. Should be zlib, lz4, lz4hc, lzo2, lzma, bzip2 or zstd",
            ),
        ),
    ),
    k("totem", "knet_compression_threshold", V3_FROM, Z, U32),
    k("totem", "knet_compression_level", V3_FROM, Z, I32),
    // ---- totem.interface -----------------------------------------------------------------
    k("totem.interface", "ringnumber", A, V2_TO, U8),
    gone(
        "totem.interface",
        "ringnumber",
        V3_FROM,
        Z,
        S,
        "linknumber",
        "",
    ),
    k("totem.interface", "linknumber", V3_FROM, Z, U8),
    k("totem.interface", "bindnetaddr", A, Z, S),
    k("totem.interface", "mcastaddr", A, Z, S),
    k("totem.interface", "mcastport", A, Z, U16),
    k(
        "totem.interface",
        "broadcast",
        A,
        Z,
        e(YES_NO, Bad::Uses("no")),
    ),
    // 1.x reads ttl with atoi and checks the range when validating.
    k(
        "totem.interface",
        "ttl",
        A,
        V1_TO,
        Ty::IntIn {
            ty: IntTy::U8,
            lo: 0,
            hi: 255,
            bad: Bad::Stops("parse error in config: Invalid TTL (should be 0..255)"),
        },
    ),
    k("totem.interface", "ttl", V2_FROM, Z, U8),
    k("totem.interface", "knet_link_priority", V3_FROM, Z, U8),
    k("totem.interface", "knet_ping_interval", V3_FROM, Z, U32),
    k("totem.interface", "knet_ping_timeout", V3_FROM, Z, U32),
    k("totem.interface", "knet_ping_precision", V3_FROM, Z, U32),
    k("totem.interface", "knet_pong_count", V3_FROM, Z, U32),
    k(
        "totem.interface",
        "knet_transport",
        V3_FROM,
        Z,
        e(
            KNET_TRANSPORTS,
            Bad::Stops("Unrecognised knet_transport. expected 'udp' or 'sctp'"),
        ),
    ),
    k("totem.interface.member", "memberaddr", A, Z, S),
    // ---- nodelist ------------------------------------------------------------------------
    KeyDef {
        section: "nodelist.node",
        key: Pat::RingAddr,
        from: V2_FROM,
        to: Z,
        ty: S,
        status: Status::Ok,
        replacement: "",
        says: "",
    },
    k("nodelist.node", "nodeid", V2_FROM, Z, U32),
    k("nodelist.node", "name", V2_FROM, Z, S),
    k("nodelist.node", "quorum_votes", V2_FROM, Z, U32),
    k("nodelist.node", "datacenterid", V2_FROM, Z, S),
    // ---- logging -------------------------------------------------------------------------
    k(
        "logging",
        "fileline",
        A,
        Z,
        e(
            ON_OFF,
            Bad::Stops("parse error in config: unknown value for fileline."),
        ),
    ),
    k(
        "logging",
        "function_name",
        A,
        Z,
        e(
            ON_OFF,
            Bad::Stops("parse error in config: unknown value for function_name."),
        ),
    ),
    k(
        "logging",
        "timestamp",
        A,
        V2_TO,
        e(
            ON_OFF,
            Bad::Stops("parse error in config: unknown value for timestamp."),
        ),
    ),
    k(
        "logging",
        "timestamp",
        V3_FROM,
        Z,
        e(
            &["on", "off", "hires"],
            Bad::Stops("parse error in config: unknown value for timestamp."),
        ),
    ),
    k(
        "logging",
        "blackbox",
        r(2, 4, 4),
        Z,
        e(
            ON_OFF,
            Bad::Stops("parse error in config: unknown value for blackbox."),
        ),
    ),
    gone(SUBSYS, "tags", A, V1_TO, S, "", ""),
    k(
        SUBSYS,
        "to_stderr",
        A,
        Z,
        e(
            YES_NO_ON_OFF,
            Bad::Stops("parse error in config: unknown value for to_stderr."),
        ),
    ),
    k(
        SUBSYS,
        "to_syslog",
        A,
        Z,
        e(
            YES_NO_ON_OFF,
            Bad::Stops("parse error in config: unknown value for to_syslog."),
        ),
    ),
    k(
        SUBSYS,
        "to_logfile",
        A,
        Z,
        e(
            YES_NO_ON_OFF,
            Bad::Stops("parse error in config: unknown value for to_logfile."),
        ),
    ),
    dep(
        SUBSYS,
        "to_file",
        A,
        V1_TO,
        e(
            YES_NO_ON_OFF,
            Bad::Stops("parse error in config: unknown value for to_file."),
        ),
        "to_logfile",
        "Warning: the to_file config paramater has been obsoleted. See corosync.conf man page to_logfile directive.",
    ),
    dep(
        SUBSYS,
        "to_file",
        V2_FROM,
        Z,
        e(
            YES_NO_ON_OFF,
            Bad::Stops("parse error in config: unknown value for to_file."),
        ),
        "to_logfile",
        "Warning: the to_file config parameter has been obsoleted. See corosync.conf man page to_logfile directive.",
    ),
    k(SUBSYS, "logfile", A, Z, S),
    k(
        SUBSYS,
        "logfile_priority",
        A,
        Z,
        ei(
            PRIORITIES,
            Bad::Stops("parse error in config: unknown logfile priority specified."),
        ),
    ),
    k(
        SUBSYS,
        "syslog_priority",
        A,
        Z,
        ei(
            PRIORITIES,
            Bad::Stops("parse error in config: unknown syslog priority specified."),
        ),
    ),
    dep(
        SUBSYS,
        "syslog_level",
        A,
        V1_TO,
        ei(
            PRIORITIES,
            Bad::Stops("parse error in config: unknown syslog level specified."),
        ),
        "syslog_priority",
        "Warning: the syslog_level config paramater has been obsoleted. See corosync.conf man page syslog_priority directive.",
    ),
    dep(
        SUBSYS,
        "syslog_level",
        V2_FROM,
        Z,
        ei(
            PRIORITIES,
            Bad::Stops("parse error in config: unknown syslog level specified."),
        ),
        "syslog_priority",
        "Warning: the syslog_level config parameter has been obsoleted. See corosync.conf man page syslog_priority directive.",
    ),
    k(
        SUBSYS,
        "syslog_facility",
        A,
        V1_TO,
        ei(
            FACILITIES_1,
            Bad::Stops("parse error in config: unknown syslog facility specified."),
        ),
    ),
    k(
        SUBSYS,
        "syslog_facility",
        V2_FROM,
        Z,
        e(
            FACILITIES_QB,
            Bad::Stops("parse error in config: unknown syslog facility specified."),
        ),
    ),
    k(
        SUBSYS,
        "debug",
        A,
        Z,
        e(
            &["on", "off", "trace"],
            Bad::Stops("parse error in config: unknown value for debug."),
        ),
    ),
    k("logging.logger_subsys", "subsys", A, Z, S),
    k("logging.logging_daemon", "name", A, Z, S),
    k("logging.logging_daemon", "subsys", A, Z, S),
    // ---- quorum --------------------------------------------------------------------------
    k(
        "quorum",
        "provider",
        A,
        V1_TO,
        e(PROVIDERS_1, Bad::Uses("no-provider")),
    ),
    k(
        "quorum",
        "provider",
        V2_FROM,
        Z,
        e(PROVIDERS, Bad::StopsAtStart("Invalid quorum provider")),
    ),
    k("quorum", "expected_votes", A, Z, U32),
    k("quorum", "votes", A, Z, U32),
    k("quorum", "two_node", A, Z, U8),
    k("quorum", "leaving_timeout", A, V1_TO, U32),
    gone("quorum", "leaving_timeout", V2_FROM, Z, U32, "", ""),
    k("quorum", "quorumdev_poll", A, V1_TO, U32),
    gone(
        "quorum",
        "quorumdev_poll",
        V2_FROM,
        Z,
        S,
        "quorum.device",
        "",
    ),
    k("quorum", "disallowed", A, V1_TO, U32),
    gone("quorum", "disallowed", V2_FROM, Z, S, "", ""),
    k("quorum", "wait_for_all", V2_FROM, Z, U8),
    k("quorum", "last_man_standing", V2_FROM, Z, U8),
    k("quorum", "last_man_standing_window", V2_FROM, Z, U32),
    k("quorum", "auto_tie_breaker", V2_FROM, Z, U8),
    k("quorum", "auto_tie_breaker_node", r(2, 3, 4), Z, S),
    k("quorum", "allow_downscale", V2_FROM, Z, U8),
    k("quorum", "expected_votes_tracking", r(2, 3, 3), Z, U8),
    k("quorum.device", "model", V2_FROM, Z, S),
    k("quorum.device", "votes", V2_FROM, Z, U32),
    k("quorum.device", "timeout", V2_FROM, Z, U32),
    k("quorum.device", "sync_timeout", V2_FROM, Z, U32),
    gone("quorum.device", "master_wins", V2_FROM, Z, U8, "", ""),
    k("quorum.device.net", "host", V2_FROM, Z, S),
    k("quorum.device.net", "port", V2_FROM, Z, S),
    k("quorum.device.net", "tls", V2_FROM, Z, S),
    k("quorum.device.net", "algorithm", V2_FROM, Z, S),
    k("quorum.device.net", "tie_breaker", V2_FROM, Z, S),
    k("quorum.device.net", "connect_timeout", V2_FROM, Z, S),
    k("quorum.device.net", "force_ip_version", V2_FROM, Z, S),
    k(
        "quorum.device.net",
        "keep_active_partition_tie_breaker",
        V3_FROM,
        Z,
        S,
    ),
    k("quorum.device.heuristics", "mode", r(2, 4, 3), Z, S),
    k("quorum.device.heuristics", "timeout", r(2, 4, 3), Z, S),
    k("quorum.device.heuristics", "sync_timeout", r(2, 4, 3), Z, S),
    k("quorum.device.heuristics", "interval", r(2, 4, 3), Z, S),
    KeyDef {
        section: "quorum.device.heuristics",
        key: Pat::Prefix("exec_"),
        from: r(2, 4, 3),
        to: Z,
        ty: S,
        status: Status::Ok,
        replacement: "",
        says: "",
    },
    // ---- uidgid, resources, qb, system, nozzle, pload --------------------------------------
    k("uidgid", "uid", A, Z, S),
    k("uidgid", "gid", A, Z, S),
    k("resources", "watchdog_device", r(2, 3, 6), Z, S),
    k(
        "resources",
        "watchdog_timeout",
        V2_FROM,
        Z,
        Ty::IntIn {
            ty: IntTy::U32,
            lo: 2,
            hi: 120,
            bad: Bad::Uses("watchdog-range"),
        },
    ),
    k(RESOURCE, "recovery", V2_FROM, Z, S),
    k(RESOURCE, "max", V2_FROM, Z, S),
    k(RESOURCE, "poll_period", V2_FROM, r(3, 1, 9), Ty::U64),
    k(RESOURCE, "poll_period", r(3, 1, 10), Z, Ty::U64),
    k(
        "qb",
        "ipc_type",
        r(2, 1, 1),
        V2_TO,
        e(QB_IPC, Bad::Stops("Invalid qb ipc_type")),
    ),
    gone("qb", "ipc_type", V3_FROM, Z, S, "system.qb_ipc_type", ""),
    k(
        "system",
        "qb_ipc_type",
        V3_FROM,
        Z,
        e(QB_IPC, Bad::Stops("Invalid system.qb_ipc_type")),
    ),
    k(
        "system",
        "sched_rr",
        V3_FROM,
        Z,
        e(YES_NO, Bad::Stops("Invalid system.sched_rr value")),
    ),
    k("system", "priority", V3_FROM, Z, S),
    k(
        "system",
        "move_to_root_cgroup",
        V3_FROM,
        r(3, 1, 4),
        e(YES_NO, Bad::Stops("Invalid system.move_to_root_cgroup")),
    ),
    k(
        "system",
        "move_to_root_cgroup",
        r(3, 1, 5),
        Z,
        e(
            YES_NO_AUTO,
            Bad::Stops("Invalid system.move_to_root_cgroup"),
        ),
    ),
    k(
        "system",
        "allow_knet_handle_fallback",
        r(3, 1, 1),
        Z,
        e(
            YES_NO,
            Bad::Stops("Invalid system.allow_knet_handle_fallback"),
        ),
    ),
    k("system", "state_dir", V3_FROM, Z, S),
    k("nozzle", "name", r(3, 0, 2), Z, S),
    k("nozzle", "ipaddr", r(3, 0, 2), Z, S),
    k("nozzle", "ipprefix", r(3, 0, 2), Z, S),
    k("nozzle", "macaddr", r(3, 0, 2), Z, S),
    k("pload", "count", A, Z, S),
    k("pload", "size", A, Z, S),
];

/// Top-level keys owned by the stack rules.
pub const STACK_TOP_KEYS: &[&str] = &["compatibility"];

/// The schema's name for a section path: 1.x's `network` is an alias of `totem`.
pub fn canonical_section(path: &str) -> std::borrow::Cow<'_, str> {
    match path.strip_prefix("network") {
        Some(rest) if rest.is_empty() || rest.starts_with('.') => {
            std::borrow::Cow::Owned(format!("totem{rest}"))
        }
        _ => std::borrow::Cow::Borrowed(path),
    }
}

/// Does a row's section apply to a section path?
pub fn section_matches(row: &str, path: &str) -> bool {
    row == path
        || (row == SUBSYS
            && matches!(
                path,
                "logging" | "logging.logger_subsys" | "logging.logging_daemon"
            ))
}

/// Rows with an exact key name, indexed by name; rows with a pattern, listed.
struct KeyIndex {
    exact: std::collections::HashMap<&'static str, Vec<&'static KeyDef>, NameHash>,
    patterns: Vec<&'static KeyDef>,
}

/// A multiply-rotate hash (as FxHash) for [`KeyIndex`]: every key is looked up there several
/// times, and SipHash was a tenth of the time on a million keys. The table holds our names only,
/// so input cannot flood it.
type NameHash = std::hash::BuildHasherDefault<NameHasher>;

#[derive(Default)]
struct NameHasher(u64);

impl std::hash::Hasher for NameHasher {
    fn write(&mut self, bytes: &[u8]) {
        for c in bytes.chunks(8) {
            let mut w = [0u8; 8];
            w[..c.len()].copy_from_slice(c);
            self.0 =
                (self.0.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

fn key_index() -> &'static KeyIndex {
    static INDEX: std::sync::OnceLock<KeyIndex> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut exact: std::collections::HashMap<_, Vec<&'static KeyDef>, NameHash> =
            Default::default();
        let mut patterns = Vec::new();
        for d in KEYS {
            match d.key {
                Pat::Exact(name) => exact.entry(name).or_default().push(d),
                _ => patterns.push(d),
            }
        }
        KeyIndex { exact, patterns }
    })
}

/// Every row for a section path and key name.
pub fn key_rows<'a>(
    section: &'a str,
    key: &'a str,
) -> impl Iterator<Item = &'static KeyDef> + Clone + 'a {
    let ix = key_index();
    let exact: &'static [&'static KeyDef] = ix.exact.get(key).map(|v| v.as_slice()).unwrap_or(&[]);
    exact
        .iter()
        .chain(ix.patterns.iter())
        .copied()
        .filter(move |d| section_matches(d.section, section) && d.key.matches(key))
}

/// Every row for a section path.
pub fn section_rows(path: &str) -> impl Iterator<Item = &'static SectionDef> + '_ {
    SECTIONS.iter().filter(move |d| d.path == path)
}

/// Key names valid in a section for a release range (for "did you mean").
pub fn key_names(section: &str, from: Release, to: Release) -> Vec<&'static str> {
    let mut v: Vec<&'static str> = KEYS
        .iter()
        .filter(|d| {
            section_matches(d.section, section)
                && d.from <= to
                && from <= d.to
                && d.status != Status::Ignored
        })
        .map(|d| d.key.display())
        .collect();
    crate::sort::sort(&mut v);
    v.dedup();
    v
}

/// Names of the subsections valid directly below `parent` for a release range.
pub fn subsection_names(parent: &str, from: Release, to: Release) -> Vec<&'static str> {
    let mut v: Vec<&'static str> = SECTIONS
        .iter()
        .filter(|d| d.from <= to && from <= d.to && d.status != Status::Ignored)
        .filter_map(|d| {
            let rest = if parent.is_empty() {
                Some(d.path)
            } else {
                d.path
                    .strip_prefix(parent)
                    .and_then(|r| r.strip_prefix('.'))
            };
            rest.filter(|r| !r.contains('.'))
        })
        .collect();
    crate::sort::sort(&mut v);
    v.dedup();
    v
}

/// What corosync-qdevice accepts for a `quorum.device` value (it reads them itself; the corosync
/// parser stores them as strings). Source: corosync-conf.md §3.6; corosync-qdevice v3.0.4
/// `qdevices/qdevice-instance.c`, `qdevice-net-instance.c`, `utils.c`.
#[derive(Debug, Clone, Copy)]
pub enum QdVal {
    /// One of the words (case-insensitive when the flag is set).
    Words(&'static [&'static str], bool),
    /// A number in `lo..=hi` (milliseconds or a port).
    Num(i64, i64),
    /// `lowest`, `highest` or a node id.
    TieBreaker,
}

/// `(section under quorum.device ("" = the device itself), key, accepted, corosync-qdevice's
/// message)`.
pub const QDEVICE_VALUES: &[(&str, &str, QdVal, &str)] = &[
    (
        "",
        "model",
        QdVal::Words(&["net"], false),
        "Configured device model {value} is not supported.",
    ),
    (
        "net",
        "port",
        QdVal::Num(1, 65535),
        "quorum.device.net.port must be in range 1-65535",
    ),
    (
        "net",
        "tls",
        QdVal::Words(&["on", "off", "yes", "no", "1", "0", "required"], true),
        "quorum.device.net.tls value is not valid.",
    ),
    (
        "net",
        "algorithm",
        QdVal::Words(&["ffsplit", "lms", "2nodelms"], false),
        "Unknown decision algorithm {value}",
    ),
    (
        "net",
        "tie_breaker",
        QdVal::TieBreaker,
        "tie_breaker must be lowest|highest|valid_node_id",
    ),
    (
        "net",
        "connect_timeout",
        QdVal::Num(1000, 120_000),
        "connect_timeout must be valid number in range <1000,120000>",
    ),
    (
        "net",
        "force_ip_version",
        QdVal::Words(&["0", "4", "6"], false),
        "force_ip_version must be one of 0|4|6",
    ),
    (
        "net",
        "keep_active_partition_tie_breaker",
        QdVal::Words(&["on", "off", "yes", "no", "1", "0"], true),
        "quorum.device.net.keep_active_partition_tie_breaker value is not valid.",
    ),
    (
        "heuristics",
        "mode",
        QdVal::Words(&["off", "on", "sync", "yes", "no", "1", "0"], true),
        "quorum.device.heuristics.mode value is not valid.",
    ),
    (
        "heuristics",
        "timeout",
        QdVal::Num(1000, 120_000),
        "heuristics.timeout must be valid number in range <1000,120000>",
    ),
    (
        "heuristics",
        "sync_timeout",
        QdVal::Num(1000, 120_000),
        "heuristics.sync_timeout must be valid number in range <1000,120000>",
    ),
    (
        "heuristics",
        "interval",
        QdVal::Num(1000, 3_600_000),
        "heuristics.interval must be valid number in range <1000,3600000>",
    ),
];

/// The most `exec_` heuristics corosync-qdevice runs (more disables heuristics).
pub const QDEVICE_MAX_EXECS: usize = 32;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_well_formed() {
        for d in KEYS {
            assert!(d.from <= d.to, "{}.{:?}: empty range", d.section, d.key);
            assert!(
                d.section == SUBSYS
                    || d.section == RESOURCE
                    || SECTIONS.iter().any(|s| s.path == d.section),
                "{}: key in an unknown section",
                d.section
            );
            if let Ty::Enum { values, .. } = d.ty {
                assert!(!values.is_empty());
            }
        }
        for s in SECTIONS {
            assert!(s.from <= s.to, "{}: empty range", s.path);
        }
    }

    #[test]
    fn rows_of_one_key_do_not_overlap() {
        for (i, a) in KEYS.iter().enumerate() {
            for b in &KEYS[i + 1..] {
                if a.section == b.section && a.key == b.key {
                    assert!(
                        a.to < b.from || b.to < a.from,
                        "{}.{:?} has overlapping rows",
                        a.section,
                        a.key
                    );
                }
            }
        }
    }

    #[test]
    fn ring_addr_names() {
        assert_eq!(ring_addr_number("ring0_addr"), Some(0));
        assert_eq!(ring_addr_number("ring12_addr"), Some(12));
        assert_eq!(ring_addr_number("ring_addr"), None);
        assert_eq!(ring_addr_number("ring0_address"), None);
        assert_eq!(ring_addr_number("ringx_addr"), None);
    }

    #[test]
    fn names_per_version() {
        let v3 = key_names("totem", V3_FROM, V3_TO);
        assert!(v3.contains(&"link_mode") && !v3.contains(&"rrp_mode"));
        assert!(key_names("logging.logger_subsys", V3_FROM, V3_TO).contains(&"debug"));
        assert!(!key_names("logging.logger_subsys", V3_FROM, V3_TO).contains(&"fileline"));
        let v2 = key_names("totem", V2_FROM, V2_TO);
        assert!(v2.contains(&"rrp_mode") && !v2.contains(&"link_mode"));
        let top1 = subsection_names("", V1_FROM, V1_TO);
        assert!(top1.contains(&"network") && !top1.contains(&"nodelist"));
        let top3 = subsection_names("", V3_FROM, V3_TO);
        assert!(top3.contains(&"nodelist") && top3.contains(&"system") && !top3.contains(&"qb"));
    }
}

/// The releases where something in this table changes (a key or section appears, changes
/// meaning or goes away), plus the ones the totem timer model knows (`model::timer_segments`):
/// the choices worth pinning. Sorted, without the start of each series.
pub fn change_releases() -> Vec<Release> {
    // A row that ends before its series does is followed by one that starts at the next
    // release, so the starts are enough.
    let mut v: Vec<Release> = KEYS
        .iter()
        .map(|k| k.from)
        .chain(SECTIONS.iter().map(|s| s.from))
        .collect();
    for (from, _) in super::model::timer_segments(crate::version::Target::major(3)) {
        v.push(from);
    }
    v.retain(|r| (r.1 != 0 || r.2 != 0) && r.1 != 255 && r.2 != 255);
    crate::sort::sort(&mut v);
    v.dedup();
    v
}

#[cfg(test)]
mod change_tests {
    use super::*;

    #[test]
    fn change_releases_name_the_known_turning_points() {
        let v = change_releases();
        for r in [r(3, 0, 2), r(3, 1, 3), r(3, 1, 5), r(3, 1, 10)] {
            assert!(v.contains(&r), "{r} missing from {v:?}");
        }
        assert!(!v.contains(&r(3, 0, 0)), "series starts are not listed");
        assert!(v.windows(2).all(|w| w[0] < w[1]));
    }
}

#[cfg(test)]
mod rows_tests {
    /// `rules::config::key_state` keeps a key's rows in a buffer of 8.
    #[test]
    fn a_key_has_at_most_eight_rows() {
        let ix = super::key_index();
        let most = ix.exact.values().map(Vec::len).max().unwrap_or(0);
        assert!(
            most + ix.patterns.len() <= 8,
            "{most} + {}",
            ix.patterns.len()
        );
    }
}
