//! The opt-in Trento profile (T1xx): the corosync.conf checks of Trento
//! (`trento-project/checks`, group "Corosync", commit 694f8535, 2024-10-17), with the expected
//! values per cloud provider. They run only with `Options::profile` set (`--profile trento`,
//! `trento-azure`, `trento-aws`, `trento-gcp`; the select on the page).
//!
//! | code | Trento check | setting | expected (default / Azure / AWS / GCP) |
//! |---|---|---|---|
//! | T101 | 156F64 | `totem.token` | 5000 / 30000 / 30000 / 20000 |
//! | T102 | A1244C | `totem.consensus` | 6000 / 36000 / 36000 / 24000 |
//! | T103 | 24ABCB | `totem.join` | 60 |
//! | T104 | 845CC9 | `totem.max_messages` | 20 |
//! | T105 | 21FCA6 | `totem.token_retransmits_before_loss_const` | 10 / 10 / 6 / 10 |
//! | T106 | 33403D | `totem.transport` | udpu |
//! | T107 | 6E9B82 | `quorum.two_node` | 1 with two nodes, 0 with more |
//! | T108 | C620DC | `quorum.expected_votes` | the number of nodes |
//! | T109 | DA114A | ring addresses per node | 2 / 1 / 2 / 1 |
//!
//! Trento reads the values as written in corosync.conf (its `corosync.conf@v1` gatherer), so a
//! missing key does not pass a check that expects a value.

use super::{Ctx, RuleMeta};
use crate::conf::KeyRef;
use crate::diagnostic::{Diagnostic, Span};
use crate::i18n::Msg;
use crate::report::Profile;

pub mod consensus;
pub mod expected_votes;
pub mod join;
pub mod max_messages;
pub mod rings;
pub mod token;
pub mod token_retransmits;
pub mod transport;
pub mod two_node;

type Check = fn(&Ctx, Profile, &mut Vec<Diagnostic>);

fn checks() -> [(&'static RuleMeta, Check); 9] {
    [
        (&token::META, token::check),
        (&consensus::META, consensus::check),
        (&join::META, join::check),
        (&max_messages::META, max_messages::check),
        (&token_retransmits::META, token_retransmits::check),
        (&transport::META, transport::check),
        (&two_node::META, two_node::check),
        (&expected_votes::META, expected_votes::check),
        (&rings::META, rings::check),
    ]
}

pub fn metas() -> Vec<&'static RuleMeta> {
    checks().iter().map(|(m, _)| *m).collect()
}

/// Run the profile's checks on one main corosync.conf.
pub fn run(ctx: &Ctx, profile: Profile, out: &mut Vec<Diagnostic>) {
    for (_, check) in checks() {
        check(ctx, profile, out);
    }
}

/// Pick the expected value for the profile's platform.
pub(crate) fn per_cloud<T>(p: Profile, default: T, azure: T, aws: T, gcp: T) -> T {
    match p {
        Profile::Trento => default,
        Profile::TrentoAzure => azure,
        Profile::TrentoAws => aws,
        Profile::TrentoGcp => gcp,
    }
}

/// Report `key` unless it is written with the expected value. `at` is where a missing key is
/// reported; `section` names where to add it.
#[allow(clippy::too_many_arguments)]
pub(crate) fn expect_value(
    meta: &'static RuleMeta,
    check: &str,
    profile: Profile,
    key: &str,
    section: &str,
    found: Option<KeyRef>,
    at: Span,
    expected: &str,
    out: &mut Vec<Diagnostic>,
) {
    let (span, msg) = match found {
        Some(k) if k.value == expected => return,
        Some(k) => (
            super::config::value_span(&k),
            Msg::new(format!("{}.message", meta.code)).arg("value", k.value),
        ),
        None => (at, Msg::new(format!("{}.message.unset", meta.code))),
    };
    let msg = msg
        .arg("key", key)
        .arg("check", check)
        .arg("profile", profile.name())
        .arg("expected", expected);
    let help = Msg::new(format!("{}.help", meta.code))
        .arg("key", key)
        .arg("section", section)
        .arg("expected", expected);
    out.push(meta.diag(span, msg).help(help));
}

/// A `totem` key checked against a value.
pub(crate) fn expect_totem(
    ctx: &Ctx,
    meta: &'static RuleMeta,
    check: &str,
    profile: Profile,
    key: &str,
    expected: &str,
    out: &mut Vec<Diagnostic>,
) {
    let m = ctx.model();
    expect_value(
        meta,
        check,
        profile,
        key,
        "totem",
        m.totem_key(key),
        m.totem_anchor(),
        expected,
        out,
    );
}
