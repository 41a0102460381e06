//! Config rules: unknown keys, value types, deprecations, cross-key checks.
//!
//! Codes (stable, never reused):
//!
//! | code | name | meaning |
//! |---|---|---|
//! | C101 | totem-version-not-2 | `totem.version` missing or not 2 |
//! | C102 | consensus-below-join | `consensus` smaller than `join` |
//! | C103 | timeout-below-minimum | a totem timer below corosync's minimum |
//! | C104 | consensus-below-token | `consensus` below 1.2 × the effective token |
//! | C105 | cipher-without-hash | encryption without authentication |
//! | C106 | crypto-without-knet | crypto on udp/udpu (3.x) |
//! | C107 | ttl-without-multicast | `ttl` on a non-multicast transport |
//! | C108 | link-priority-without-knet | `knet_link_priority` on udp/udpu |
//! | C109 | interface-number-too-high | `ringnumber` > 1 / `linknumber` > 7 |
//! | C110 | too-many-interfaces | more rings/links than the transport or rrp_mode allows |
//! | C111 | multicast-address-missing | udp without `mcastaddr` and `cluster_name` |
//! | C112 | multicast-address-invalid | `mcastaddr` not multicast, or family mismatch |
//! | C113 | multicast-port-missing | no `mcastport` (1.x) or port 0 (1.x/2.x) |
//! | C114 | multicast-pair-clash | two rings on the same address with ports 1 apart |
//! | C115 | bindnetaddr-with-nodelist | `bindnetaddr` ignored because of the nodelist |
//! | C116 | bind-family-mix | rings bound to different IP families (1.x/2.x) |
//! | C201 | no-interfaces | neither interfaces nor node addresses |
//! | C202 | nodelist-missing | 3.x without a nodelist |
//! | C203 | knet-nodeid-missing | knet node without a non-zero `nodeid` |
//! | C204 | knet-nodeid-too-large | knet `nodeid` ≥ 65536 |
//! | C205 | ipv6-nodeid-missing | IPv6 node without `nodeid` on udp/udpu |
//! | C206 | duplicate-nodeid | two nodes with the same (possibly generated) id |
//! | C207 | multilink-node-without-name | several links but a node has no `name` |
//! | C208 | link-count-mismatch | nodes with different numbers of links |
//! | C209 | link-family-mix | IPv4 and IPv6 addresses on one link |
//! | C210 | ring-address-number-too-high | `ringX_addr` with X above the maximum |
//! | C211 | node-without-ring0-addr | a node with no `ring0_addr` |
//! | C301 | votequorum-without-expected-votes | votequorum with neither nodelist nor `expected_votes` |
//! | C302 | two-node-with-qdevice | `two_node` together with a quorum device |
//! | C303 | two-node-with-auto-tie-breaker | `two_node` together with `auto_tie_breaker` |
//! | C304 | two-node-with-more-nodes | `two_node` with more than two nodes (ignored) |
//! | C305 | qdevice-incompatible | quorum device with LMS, ATB or allow_downscale |
//! | C306 | auto-tie-breaker-odd-without-wait | ATB in an odd-sized cluster without wait_for_all |
//! | C401 | logger-subsys-without-subsys | `logger_subsys` without `subsys` |
//! | C402 | logging-daemon-without-name | `logging_daemon` without `name` |
//! | C601 | unknown-section | a section corosync does not read |
//! | C602 | unknown-key | a key corosync does not read |
//! | C603 | invalid-value | a value of the wrong type, range or spelling |
//! | C604 | deprecated-key | a deprecated key or section |
//! | C605 | ignored-key | a key or section removed or ignored in this version |
//! | C606 | key-too-new | a key or section from a later release |
//! | C118 | knet-ping-half-set | only one of `knet_ping_interval`/`knet_ping_timeout` |
//! | C119 | broadcast-with-mcastaddr | `broadcast: yes` makes `mcastaddr` unused |
//! | C120 | message-limits | 1.x `max_messages` above 1 MiB / `netmtu`, `netmtu` above 10000 |
//! | C121 | knet-sctp-deprecated | `knet_transport: sctp` (deprecated, 3.1.10 warns) |
//! | C214 | duplicate-node-address | two nodes with the same address |
//! | C215 | duplicate-node-name | two nodes with the same `name` |
//! | C216 | malformed-address | an address that is neither an IP nor a host name |
//! | C307 | qdevice-votes-required | device votes votequorum cannot compute or accept |
//! | C309 | auto-tie-breaker-node-invalid | `auto_tie_breaker_node` invalid or unused |
//! | C310 | lms-window-without-lms | `last_man_standing_window` without LMS |
//! | C311 | qdevice-with-wait-for-all | `wait_for_all` with a quorum device before 2.4.0 |
//! | C312 | qdevice-tie-breaker-unknown-node | `tie_breaker` node id not in the nodelist |
//! | C607 | duplicate-key | a key twice in one section (the last wins) |
//! | C608 | duplicate-section | a top-level section twice (1.x ignores, 2.x/3.x merge) |
//! | C609 | quoted-value | quotes kept as part of a text value |
//! | C610 | comment-in-value | `#` after a text value is part of it |
//! | C611 | plus-sign-number | `+3000` |
//! | C612 | system-priority-invalid | `system.priority` not max, min or a number |
//! | C701 | qdevice-option-missing | qdevice without model, net.host or cluster_name |
//! | C702 | qdevice-invalid-value | a value corosync-qdevice refuses |
//! | C703 | qdevice-votes-for-algorithm | ffsplit device without exactly one vote |
//! | C704 | heuristics-without-exec | heuristics on without commands (or over 32) |
//! | C130 | compression-without-knet | `knet_compression_*` on udp/udpu (ignored) |
//! | C131 | duplicate-interface-number | two `interface` sections with one number merge |
//! | C220 | address-ip-version-mismatch | a node address of a family `ip_version` refuses |
//! | C613 | nozzle-invalid | a `nozzle` section corosync will not create |
//! | C614 | cluster-name-not-gfs2 | `cluster_name` GFS2/DLM cannot use (pcs policy) |
//!
//! Severity: Error when a targeted release refuses to start (for a range, when any release in
//! it does; the message names which); Warning when corosync accepts the config but does not do
//! what it says; Info for advice. Whether a key exists, is deprecated or ignored is judged for
//! the newest release of the target range.

use super::{ConfRole, Ctx, Rule, RuleMeta};
use crate::conf::{KeyRef, SectionRef};
use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::i18n::Msg;
use crate::version::{Release, Target};

pub mod model;
pub mod num;
pub mod schema;

pub mod address_ip_version_mismatch;
pub mod auto_tie_breaker_node_invalid;
pub mod auto_tie_breaker_odd_without_wait;
pub mod bind_family_mix;
pub mod bindnetaddr_with_nodelist;
pub mod broadcast_with_mcastaddr;
pub mod cipher_without_hash;
pub mod cluster_name_not_gfs2;
pub mod comment_in_value;
pub mod compression_without_knet;
pub mod consensus_below_join;
pub mod consensus_below_token;
pub mod crypto_without_knet;
pub mod deprecated_key;
pub mod duplicate_interface_number;
pub mod duplicate_key;
pub mod duplicate_node_address;
pub mod duplicate_node_name;
pub mod duplicate_nodeid;
pub mod duplicate_nodelist;
pub mod duplicate_section;
pub mod heuristics_without_exec;
pub mod ignored_key;
pub mod interface_number_too_high;
pub mod invalid_node_address;
pub mod invalid_value;
pub mod ipv6_nodeid_missing;
pub mod key_length;
pub mod key_too_new;
pub mod knet_nodeid_missing;
pub mod knet_nodeid_too_large;
pub mod knet_ping_half_set;
pub mod knet_sctp_deprecated;
pub mod link_count_mismatch;
pub mod link_family_mix;
pub mod link_priority_without_knet;
pub mod lms_window_without_lms;
pub mod logger_subsys_without_subsys;
pub mod logging_daemon_without_name;
pub mod malformed_address;
pub mod message_limits;
pub mod multicast_address_invalid;
pub mod multicast_address_missing;
pub mod multicast_pair_clash;
pub mod multicast_port_missing;
pub mod multilink_node_without_name;
pub mod no_interfaces;
pub mod node_without_ring0_addr;
pub mod nodelist_missing;
pub mod nozzle_invalid;
pub mod plus_sign_number;
pub mod qdevice_incompatible;
pub mod qdevice_invalid_value;
pub mod qdevice_option_missing;
pub mod qdevice_tie_breaker_unknown_node;
pub mod qdevice_votes;
pub mod qdevice_votes_for_algorithm;
pub mod qdevice_wait_for_all;
pub mod quoted_value;
pub mod ring_address_number_too_high;
pub mod system_priority_invalid;
pub mod timeout_below_minimum;
pub mod too_many_interfaces;
pub mod totem_version;
pub mod ttl_without_multicast;
pub mod two_node_with_auto_tie_breaker;
pub mod two_node_with_more_nodes;
pub mod two_node_with_qdevice;
pub mod unknown_key;
pub mod unknown_section;
pub mod votequorum_without_expected_votes;

macro_rules! rule {
    ($m:ident) => {
        Rule {
            meta: &$m::META,
            check: $m::check,
        }
    };
}

pub fn rules() -> Vec<Rule> {
    vec![
        rule!(totem_version),
        rule!(consensus_below_join),
        rule!(timeout_below_minimum),
        rule!(consensus_below_token),
        rule!(cipher_without_hash),
        rule!(crypto_without_knet),
        rule!(ttl_without_multicast),
        rule!(link_priority_without_knet),
        rule!(interface_number_too_high),
        rule!(too_many_interfaces),
        rule!(multicast_address_missing),
        rule!(multicast_address_invalid),
        rule!(multicast_port_missing),
        rule!(multicast_pair_clash),
        rule!(bindnetaddr_with_nodelist),
        rule!(bind_family_mix),
        rule!(no_interfaces),
        rule!(nodelist_missing),
        rule!(knet_nodeid_missing),
        rule!(knet_nodeid_too_large),
        rule!(ipv6_nodeid_missing),
        rule!(duplicate_nodeid),
        rule!(duplicate_nodelist),
        rule!(invalid_node_address),
        rule!(key_length),
        rule!(multilink_node_without_name),
        rule!(link_count_mismatch),
        rule!(link_family_mix),
        rule!(ring_address_number_too_high),
        rule!(node_without_ring0_addr),
        rule!(votequorum_without_expected_votes),
        rule!(two_node_with_qdevice),
        rule!(two_node_with_auto_tie_breaker),
        rule!(two_node_with_more_nodes),
        rule!(qdevice_incompatible),
        rule!(auto_tie_breaker_odd_without_wait),
        rule!(logger_subsys_without_subsys),
        rule!(logging_daemon_without_name),
        rule!(unknown_section),
        rule!(unknown_key),
        rule!(invalid_value),
        rule!(deprecated_key),
        rule!(ignored_key),
        rule!(key_too_new),
        rule!(knet_ping_half_set),
        rule!(broadcast_with_mcastaddr),
        rule!(message_limits),
        rule!(knet_sctp_deprecated),
        rule!(duplicate_node_address),
        rule!(duplicate_node_name),
        rule!(malformed_address),
        rule!(qdevice_votes),
        rule!(auto_tie_breaker_node_invalid),
        rule!(lms_window_without_lms),
        rule!(qdevice_wait_for_all),
        rule!(qdevice_tie_breaker_unknown_node),
        rule!(duplicate_key),
        rule!(duplicate_section),
        rule!(quoted_value),
        rule!(comment_in_value),
        rule!(plus_sign_number),
        rule!(system_priority_invalid),
        rule!(qdevice_option_missing),
        rule!(qdevice_invalid_value),
        rule!(qdevice_votes_for_algorithm),
        rule!(heuristics_without_exec),
        rule!(compression_without_knet),
        rule!(duplicate_interface_number),
        rule!(address_ip_version_mismatch),
        rule!(nozzle_invalid),
        rule!(cluster_name_not_gfs2),
    ]
}

/// The releases of `[from, to]` that the target holds, for messages: the target itself when
/// all of it, else `3.0.2+`, `3.0.0–3.0.1`, `3.1.7`.
pub(crate) fn releases(t: Target, from: Release, to: Release) -> String {
    let f = from.max(t.from);
    let e = to.min(t.to);
    if f <= t.from && e >= t.to {
        return t.to_string();
    }
    if f == e {
        return f.to_string();
    }
    if e == t.to && e.2 == 255 {
        return format!("{f}+");
    }
    format!("{f}–{e}")
}

/// Is the newest release of the target in `[from, to]`?
pub(crate) fn newest_in(t: Target, from: Release, to: Release) -> bool {
    from <= t.to && t.to <= to
}

/// Rules that look at the whole file (missing sections, cross-key checks) run only on a main
/// corosync.conf, not on a `service.d` fragment.
pub(crate) fn whole_file(ctx: &Ctx) -> bool {
    ctx.role == ConfRole::Main
}

/// A related place at a section's closing `}`: where corosync notices a problem with the
/// section and names that line.
pub(crate) fn at_close_brace(
    ctx: &Ctx,
    section: crate::conf::SectionId,
) -> Option<crate::diagnostic::Related> {
    let close = ctx.conf.tree.sections[section].close_line?;
    Some(crate::diagnostic::Related {
        file: 0,
        span: ctx.conf.tree.lines[close].span,
        note: Msg::new("rules.related.close-brace"),
    })
}

/// `logging.<section>` subsections that lack their identifying `key`: corosync stops with
/// `says` and names the section's closing brace. Shared by C401 and C402.
pub(crate) fn logging_subsection_without_key(
    ctx: &Ctx,
    out: &mut Vec<Diagnostic>,
    meta: &'static RuleMeta,
    section: &str,
    key: &str,
    says: &'static str,
) {
    let conf = ctx.conf;
    let rel = releases(ctx.target, ctx.target.from, ctx.target.to);
    for logging in conf.children_named(conf.root(), "logging") {
        for s in conf.children_named(logging.id, section) {
            if conf.get(s.id, key).is_some() {
                continue;
            }
            let msg = Msg::new(format!("{}.message", meta.code))
                .arg("releases", rel.clone())
                .arg("says", says);
            let mut d = diag(
                meta,
                Severity::Error,
                s.name_span,
                msg,
                Msg::new(format!("{}.help", meta.code)),
            );
            d.related.extend(at_close_brace(ctx, s.id));
            out.push(d);
        }
    }
}

/// Build a diagnostic with a severity other than the rule's default.
pub(crate) fn diag(
    meta: &'static RuleMeta,
    severity: Severity,
    span: Span,
    message: Msg,
    help: Msg,
) -> Diagnostic {
    let mut d = meta.diag(span, message).help(help);
    d.severity = severity;
    d
}

/// The span of a key's value, or of its name when the value is empty.
pub(crate) fn value_span(k: &KeyRef) -> Span {
    if k.value_span.is_empty() {
        k.key_span
    } else {
        k.value_span
    }
}

/// Quote a list of words for a message: `a`, `b` or `c`.
pub(crate) fn word_list(words: &[&str]) -> String {
    let quoted: Vec<String> = words.iter().map(|w| format!("`{w}`")).collect();
    quoted.join(", ")
}

/// How the rules treat a section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SecClass {
    /// Known in the target: its keys and subsections are checked.
    Checked,
    /// Belongs to the stack rules (C5xx): nothing here looks at it.
    Stack,
    /// Known to corosync, but not read by the newest targeted release (removed, ignored or too
    /// new): C605/C606 report the section, its contents are not checked.
    NotRead,
    /// Not a corosync section (C601).
    Unknown,
}

/// Classify a dotted section path for a target.
pub(crate) fn section_class(t: Target, path: &str) -> SecClass {
    let raw: Vec<&schema::SectionDef> = schema::section_rows(path).collect();
    let rows: Vec<&schema::SectionDef> = if raw.is_empty() {
        schema::section_rows(&schema::canonical_section(path)).collect()
    } else {
        raw
    };
    if rows.is_empty() {
        return SecClass::Unknown;
    }
    if rows.iter().any(|r| r.kind == schema::SectionKind::Stack) {
        return SecClass::Stack;
    }
    let current = rows.iter().find(|r| newest_in(t, r.from, r.to));
    match current {
        Some(r) if r.status == schema::Status::Ignored => SecClass::NotRead,
        Some(_) => SecClass::Checked,
        None => SecClass::NotRead,
    }
}

/// A section whose keys the value/key rules look at: `None` is the top level.
#[derive(Debug, Clone)]
pub(crate) struct Place<'a> {
    pub section: Option<SectionRef<'a>>,
    /// The schema's path (`network` read as `totem` in 1.x).
    pub path: String,
}

/// Every section below the root, with its path and class, top-down; contents of sections that
/// are not [`SecClass::Checked`] are not visited. The callback also gets the parent's path.
pub(crate) fn walk_sections<'a>(ctx: &Ctx<'a>, mut f: impl FnMut(SectionRef<'a>, &str, SecClass)) {
    let conf = ctx.conf;
    let mut stack: Vec<(SectionRef<'a>, String)> = conf
        .children(conf.root())
        .map(|s| (s, s.name.to_string()))
        .collect();
    stack.reverse();
    while let Some((s, path)) = stack.pop() {
        let class = section_class(ctx.target, &path);
        f(s, &path, class);
        if class == SecClass::Checked && !is_foreign_logging_daemon(ctx, s, &path) {
            let mut kids: Vec<(SectionRef<'a>, String)> = conf
                .children(s.id)
                .map(|c| (c, format!("{path}.{}", c.name)))
                .collect();
            kids.reverse();
            stack.extend(kids);
        }
    }
}

/// A `logging_daemon` section for a daemon other than corosync: corosync only stores it.
pub(crate) fn is_foreign_logging_daemon(ctx: &Ctx, s: SectionRef, path: &str) -> bool {
    path == "logging.logging_daemon"
        && ctx.conf.get(s.id, "name").map(|k| k.value) != Some("corosync")
}

/// The places whose keys are checked: the top level and every checked section.
pub(crate) fn checked_places<'a>(ctx: &Ctx<'a>) -> Vec<Place<'a>> {
    let mut v = vec![Place {
        section: None,
        path: String::new(),
    }];
    walk_sections(ctx, |s, path, class| {
        if class == SecClass::Checked && !is_foreign_logging_daemon(ctx, s, path) {
            v.push(Place {
                section: Some(s),
                path: schema::canonical_section(path).into_owned(),
            });
        }
    });
    v
}

/// Keys directly in a place (an iterator: a section of a million keys is not copied).
pub(crate) fn place_keys<'a, 'c>(
    ctx: &'c Ctx<'a>,
    p: &Place<'a>,
) -> impl Iterator<Item = KeyRef<'a>> + 'c {
    let id = p.section.map(|s| s.id).unwrap_or(0);
    ctx.conf.keys(id)
}

/// Where a key or section stands in the newest targeted release.
#[derive(Debug, Clone, Copy)]
pub(crate) enum State<T: 'static> {
    /// No corosync knows it.
    Unknown,
    /// The row that holds for the newest targeted release.
    Current(&'static T),
    /// Only later releases know it; the first one that does.
    TooNew(Release),
    /// Only earlier releases know it; the last one that did.
    Gone(Release),
}

fn state_of<T>(
    t: Target,
    rows: impl Iterator<Item = &'static T> + Clone,
    range: impl Fn(&T) -> (Release, Release),
) -> State<T> {
    if rows.clone().next().is_none() {
        return State::Unknown;
    }
    if let Some(r) = rows.clone().find(|r| {
        let (f, e) = range(r);
        newest_in(t, f, e)
    }) {
        return State::Current(r);
    }
    let since = rows.clone().map(|r| range(r).0).min().unwrap_or(t.to);
    if since > t.to {
        return State::TooNew(since);
    }
    let until = rows
        .map(|r| range(r).1)
        .filter(|e| *e < t.to)
        .max()
        .unwrap_or(t.from);
    State::Gone(until)
}

/// The state of a key in a section (schema path) for a target.
pub(crate) fn key_state(t: Target, path: &str, name: &str) -> State<schema::KeyDef> {
    // `state_of` reads the rows up to four times: find them once (a key has at most 8, a
    // schema test checks it).
    let mut buf = [None; 8];
    for (slot, r) in buf.iter_mut().zip(schema::key_rows(path, name)) {
        *slot = Some(r);
    }
    state_of(t, buf.iter().flatten().copied(), |r| (r.from, r.to))
}

/// [`key_state`] of key `k` of a checked place, found once per key for every rule that asks
/// (three rules ask it of every key; a config of a million keys made three million lookups).
pub(crate) fn state_at(ctx: &Ctx, place: &Place, k: &KeyRef) -> State<schema::KeyDef> {
    // (key line, state) for the keys only, sorted by line: a file of blank lines costs nothing.
    let states = ctx.key_states.get_or_init(|| {
        let mut v = Vec::new();
        for p in checked_places(ctx) {
            for key in place_keys(ctx, &p) {
                v.push((key.line, key_state(ctx.target, &p.path, key.name)));
            }
        }
        crate::sort::sort_by_key(&mut v, |e| e.0);
        v
    });
    // The rules walk the keys in the order the list was filled, which is nearly line order:
    // the entry after the last one found is almost always the next one asked for.
    let next = ctx.key_state_next.get();
    let found = match states.get(next) {
        Some(e) if e.0 == k.line => Some(next),
        _ => states.binary_search_by_key(&k.line, |e| e.0).ok(),
    };
    match found {
        Some(i) => {
            ctx.key_state_next.set(i + 1);
            states[i].1
        }
        None => key_state(ctx.target, &place.path, k.name),
    }
}

/// The state of a section (dotted path) for a target.
pub(crate) fn section_state(t: Target, path: &str) -> State<schema::SectionDef> {
    let raw: Vec<&'static schema::SectionDef> = schema::section_rows(path).collect();
    let rows = if raw.is_empty() {
        schema::section_rows(&schema::canonical_section(path)).collect()
    } else {
        raw
    };
    state_of(t, rows.into_iter(), |r| (r.from, r.to))
}

/// Rename key `k` (in schema section `path`) to `to` as a fix, when `to` is a plain key the
/// newest targeted release reads in the same section and the section does not set it yet.
pub(crate) fn rename_in_place(
    ctx: &Ctx,
    path: &str,
    k: &KeyRef,
    to: &str,
    title: Msg,
    d: &mut Diagnostic,
) {
    let plain = !to.is_empty() && to.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    let read = matches!(key_state(ctx.target, path, to), State::Current(r) if r.status == schema::Status::Ok);
    if plain && read && ctx.conf.get(k.section, to).is_none() {
        d.set_fix(
            title,
            vec![crate::diagnostic::Edit::replace(k.key_span, to)],
        );
    }
}
