use super::num::{self, Atoi};
use super::schema::{self, Bad, IntTy, KeyDef, Ty};
use super::{checked_places, diag, place_keys, releases, value_span, word_list};
use crate::conf::KeyRef;
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Edit, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;
use crate::text::did_you_mean;
use crate::version::Release;

declare_rule! {
    /// ## What it does
    /// Checks each value against what corosync accepts for that key in the targeted release:
    /// integers (and their ranges), fixed words such as `transport`, `crypto_cipher`,
    /// `link_mode`, `ip_version` or the logging switches, and `ip_dscp`.
    ///
    /// ## Why is this bad?
    /// corosync 2.x and 3.x read integers with `strtoll` in base 10 and then check the range:
    /// `+3000` is fine, but `3000ms`, `0x100`, `-5`, `"3000"` or `3000 # comment` stop corosync
    /// with "Value of key ... is expected to be integer in range ...". Most word-valued keys stop
    /// it too ("Invalid cipher type", "unknown value for debug", ...). Quotes are never removed,
    /// `#` after a value is part of the value, and `syslog_facility` is case-sensitive in 2.x/3.x.
    /// Some keys are not checked at all and silently fall back to a default (`transport` in 2.x
    /// and 3.0.x, `block_unlisted_ips`, `secauth`, `clear_node_high_bit`).
    ///
    /// corosync 1.x converts numbers with `atoi` when it uses them and never complains:
    /// `3000ms` becomes 3000, `abc` becomes 0 (which for most timers means "the default"), and a
    /// negative number wraps around. The finding says which number 1.x will really use.
    ///
    /// `knet_compression_model: none` is the documented default but is not a libknet model:
    /// corosync 3.1.3+ rejects it when written explicitly.
    ///
    /// ## Example
    /// ```corosync
    /// totem {
    ///     token: 3000ms
    ///     crypto_cipher: "aes256"
    /// }
    /// quorum {
    ///     two_node: yes
    /// }
    /// ```
    ///
    /// ## Fix
    /// Write plain decimal numbers without units, write words exactly as listed in
    /// corosync.conf(5) without quotes, put comments on lines of their own, and leave out
    /// `knet_compression_model` instead of writing `none`.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §1.6 (values the parser checks), §2.1–§2.6, §2.4
    ///   (logging values), Appendix A (corosync 3.1.7 `-t` results: `hex_int`, `plus_int`,
    ///   `two_node_yes`, `quoted_enum`, `log_facility_upper`, `compress_none`, ...).
    /// - corosync `exec/coroparse.c` (`safe_atoq`, `main_config_parser_cb`), `exec/logconfig.c`,
    ///   `exec/totemconfig.c`, v2.4.6 and v3.1.7; commit 4e9716ed (strict integers, 2.3.4).
    pub static META = {
        code: "C603",
        name: "invalid-value",
        severity: Error,
        docs_ja: "## 何をするか
各値を、対象の corosync リリースがそのキーに受け付ける値と照合します。整数（とその範囲）、`transport`・`crypto_cipher`・`link_mode`・`ip_version` やログ設定のような決まった語、`ip_dscp` が対象です。

## なぜ問題か
corosync 2.x と 3.x は整数を 10 進の `strtoll` で読み、範囲を確認します。`+3000` は受け付けますが、`3000ms`・`0x100`・`-5`・`\"3000\"`・`3000 # コメント` は \"Value of key ... is expected to be integer in range ...\" で停止します。語で指定するキーの多くも誤った値で停止します（\"Invalid cipher type\"、\"unknown value for debug\" など）。引用符は取り除かれず、値の後ろの `#` も値の一部です。2.x/3.x の `syslog_facility` は大文字と小文字を区別します。一方、検査されずに黙って既定値が使われるキーもあります（2.x と 3.0.x の `transport`、`block_unlisted_ips`、`secauth`、`clear_node_high_bit`）。

corosync 1.x は値を使う時点で `atoi` で数値に変換し、エラーにはしません。`3000ms` は 3000、`abc` は 0（多くのタイマーでは「既定値」の意味）になり、負の数は桁あふれして巨大な値になります。この検査は 1.x が実際に使う数値を示します。

`knet_compression_model: none` は文書上の既定値ですが libknet の圧縮方式ではないため、corosync 3.1.3 以降では明示的に書くと起動できません。

## 例
```corosync
totem {
    token: 3000ms
    crypto_cipher: \"aes256\"
}
quorum {
    two_node: yes
}
```

## 対処
数値は単位を付けずに 10 進で書き、語は corosync.conf(5) に載っている綴りのまま引用符なしで書いてください。コメントは別の行に書き、`knet_compression_model` は `none` と書かずに行ごと省いてください。

## 参考
- `shared/reference/corosync-conf.md` §1.6（パーサが検査する値）、§2.1〜§2.6、§2.4（ログ設定の値）、付録 A（corosync 3.1.7 の `-t` の結果: `hex_int`、`plus_int`、`two_node_yes`、`quoted_enum`、`log_facility_upper`、`compress_none` など）
- corosync `exec/coroparse.c`（`safe_atoq`、`main_config_parser_cb`）、`exec/logconfig.c`、`exec/totemconfig.c`（v2.4.6、v3.1.7）、コミット 4e9716ed（2.3.4 で整数の検査を厳格化）",
    }
}

/// Keys for which 0 means "use the default" (corosync-conf.md §3.3).
const ZERO_IS_DEFAULT: &[&str] = &[
    "token",
    "token_retransmit",
    "hold",
    "token_retransmits_before_loss_const",
    "join",
    "consensus",
    "merge",
    "downcheck",
    "fail_recv_const",
    "seqno_unchanged_const",
    "max_network_delay",
    "window_size",
    "max_messages",
    "miss_count_const",
    "netmtu",
    "rrp_problem_count_timeout",
    "rrp_problem_count_threshold",
    "rrp_problem_count_mcast_threshold",
    "rrp_token_expired_timeout",
    "rrp_autorecovery_check_timeout",
];

/// What is wrong with one value for one row.
#[derive(Debug, Clone, PartialEq)]
enum Problem {
    /// 2.x/3.x: not an integer in range.
    Int { min: i64, max: i64, says: String },
    /// 1.x: atoi gives something other than what was written.
    Atoi { used: i64, how: &'static str },
    /// Non-number on a 64-bit key: assertion abort (before 3.1.10).
    U64Abort,
    /// Non-number on a 64-bit key (3.1.10+).
    U64 { says: String },
    /// Negative on a 64-bit key: wraps.
    U64Wrap { used: u64 },
    /// Not one of the words; corosync stops.
    Stops {
        says: String,
        allowed: &'static [&'static str],
        nocase: bool,
    },
    /// Not one of the words; the service fails at start.
    StopsAtStart {
        says: String,
        allowed: &'static [&'static str],
    },
    /// Not one of the words; corosync uses something else.
    Uses {
        what: &'static str,
        allowed: &'static [&'static str],
    },
    /// An integer out of the range corosync enforces later.
    Range { lo: i64, hi: i64, says: String },
    /// An integer out of range that corosync replaces with its default.
    RangeUses {
        lo: i64,
        hi: i64,
        what: &'static str,
    },
    /// `knet_compression_model: none`.
    CompressionNone { says: String },
}

impl Problem {
    fn severity(&self) -> Severity {
        match self {
            Problem::Atoi { .. } | Problem::U64Wrap { .. } | Problem::Uses { .. } => {
                Severity::Warning
            }
            _ => Severity::Error,
        }
    }
}

/// The name corosync puts in "Value of key ..." messages: 3.x the full cmap path (with the
/// node index for nodes), 2.x the bare key.
fn cmap_name(ctx: &Ctx, k: &KeyRef, path: &str, pos: usize) -> String {
    if ctx.major() == 2 {
        return k.name.to_string();
    }
    if path == "nodelist.node" {
        return format!("nodelist.node.{pos}.{}", k.name);
    }
    if path.is_empty() {
        k.name.to_string()
    } else {
        format!("{path}.{}", k.name)
    }
}

fn int_message(ctx: &Ctx, name: &str, value: &str, min: i64, max: i64) -> String {
    if ctx.major() == 2 && !ctx.target.any_at_least(Release(2, 3, 4)) {
        format!("Value of key \"{name}\" must be integer, but \"{value}\" was given")
    } else {
        format!(
            "Value of key \"{name}\" is expected to be integer in range ({min}..{max}), but \"{value}\" was given"
        )
    }
}

fn check_int(ctx: &Ctx, k: &KeyRef, path: &str, pos: usize, ty: IntTy) -> Option<Problem> {
    let (min, max) = ty.range();
    if ctx.major() == 1 {
        let a = num::atoi(k.value);
        let v = i64::from(a.value());
        let stored = if ty == IntTy::I32 {
            v
        } else {
            i64::from(a.value() as u32)
        };
        return match a {
            Atoi::Clean(_) if stored == v => None,
            Atoi::Clean(_) => Some(Problem::Atoi {
                used: stored,
                how: "wrap",
            }),
            Atoi::Trailing(_) => Some(Problem::Atoi {
                used: stored,
                how: "trailing",
            }),
            Atoi::NoDigits => Some(Problem::Atoi {
                used: 0,
                how: if ZERO_IS_DEFAULT.contains(&k.name) {
                    "zero_default"
                } else {
                    "zero"
                },
            }),
        };
    }
    match num::strtoll_strict(k.value) {
        Some(v) if (min..=max).contains(&v) => None,
        _ => Some(Problem::Int {
            min,
            max,
            says: int_message(ctx, &cmap_name(ctx, k, path, pos), k.value, min, max),
        }),
    }
}

/// `strtol(str, &end, 0)` with the whole-string check, for `ip_dscp`.
fn strtol_base0(s: &str) -> Option<i64> {
    let t = s.trim_start_matches([' ', '\t', '\n', '\u{b}', '\u{c}', '\r']);
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let (radix, digits) = if let Some(h) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
        (16, h)
    } else if t.len() > 1 && t.starts_with('0') {
        (8, &t[1..])
    } else {
        (10, t)
    };
    if digits.is_empty() {
        // strtol consumed nothing: end == str, and the check is only `*end == '\0'`.
        return if s.is_empty() { Some(0) } else { None };
    }
    let v = i64::from_str_radix(digits, radix).ok()?;
    Some(if neg { -v } else { v })
}

const DSCP_NAMES: &[&str] = &[
    "cs0", "cs1", "cs2", "cs3", "cs4", "cs5", "cs6", "cs7", "af11", "af12", "af13", "af21", "af22",
    "af23", "af31", "af32", "af33", "af41", "af42", "af43", "ef",
];

fn check_row(ctx: &Ctx, k: &KeyRef, path: &str, pos: usize, row: &KeyDef) -> Option<Problem> {
    match row.ty {
        Ty::Str => None,
        Ty::Int(ty) => check_int(ctx, k, path, pos, ty),
        Ty::U64 => {
            if ctx.major() == 1 {
                return None;
            }
            match num::strtoull_strict(k.value) {
                None if row.from >= Release(3, 1, 10) => Some(Problem::U64 {
                    says: format!(
                        "Value of key \"{}\" is expected to be unsigned integer, but \"{}\" was given",
                        cmap_name(ctx, k, path, pos),
                        k.value
                    ),
                }),
                None => Some(Problem::U64Abort),
                Some(v) if k.value.trim_start().starts_with('-') && v != 0 => {
                    Some(Problem::U64Wrap { used: v })
                }
                Some(_) => None,
            }
        }
        Ty::IntIn { ty, lo, hi, bad } => {
            if let Some(p) = check_int(ctx, k, path, pos, ty) {
                return Some(p);
            }
            let v = if ctx.major() == 1 {
                i64::from(num::atoi(k.value).value())
            } else {
                num::strtoll_strict(k.value)?
            };
            if (lo..=hi).contains(&v) {
                return None;
            }
            match bad {
                Bad::Stops(s) | Bad::StopsAtStart(s) => Some(Problem::Range {
                    lo,
                    hi,
                    says: s.replace("{value}", &v.to_string()),
                }),
                Bad::Uses(what) => Some(Problem::RangeUses { lo, hi, what }),
            }
        }
        Ty::Enum {
            values,
            nocase,
            bad,
        } => {
            let ok = values.iter().any(|v| {
                if nocase {
                    v.eq_ignore_ascii_case(k.value)
                } else {
                    *v == k.value
                }
            });
            if ok {
                return None;
            }
            // totem_config_read copies link_mode into a 64-byte buffer first.
            if path == "totem" && k.name == "link_mode" && k.value.len() >= 64 {
                return Some(Problem::Stops {
                    says: "totem.link_mode is too long".into(),
                    allowed: values,
                    nocase,
                });
            }
            if path == "totem" && k.name == "rrp_mode" && k.value.len() >= 64 && ctx.major() == 2 {
                return Some(Problem::Stops {
                    says: "totem.rrp_mode is too long".into(),
                    allowed: values,
                    nocase,
                });
            }
            if path == "totem"
                && k.name == "knet_compression_model"
                && k.value == "none"
                && let Bad::Stops(s) = bad
            {
                return Some(Problem::CompressionNone {
                    says: s.to_string(),
                });
            }
            Some(match bad {
                Bad::Stops(s) => Problem::Stops {
                    says: s.replace("{value}", k.value),
                    allowed: values,
                    nocase,
                },
                Bad::StopsAtStart(s) => Problem::StopsAtStart {
                    says: s.replace("{value}", k.value),
                    allowed: values,
                },
                Bad::Uses(what) => Problem::Uses {
                    what,
                    allowed: values,
                },
            })
        }
        Ty::Dscp => {
            if DSCP_NAMES.contains(&k.value)
                || strtol_base0(k.value).is_some_and(|v| (0..=63).contains(&v))
            {
                return None;
            }
            Some(Problem::Stops {
                says: format!(
                    "Value of key \"{}\" is expected to be number (0..63) or symbolical dscp value, but \"{}\" was given",
                    cmap_name(ctx, k, path, pos),
                    k.value
                ),
                allowed: DSCP_NAMES,
                nocase: false,
            })
        }
    }
}

/// A better spelling of `value`, and how it was found.
fn suggestion(
    value: &str,
    valid: &dyn Fn(&str) -> bool,
    allowed: &[&'static str],
) -> Option<(&'static str, String)> {
    let unquoted = value
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')));
    if let Some(u) = unquoted
        && valid(u)
    {
        return Some(("unquote", u.to_string()));
    }
    if let Some(i) = value.find('#') {
        let before = value[..i].trim_end_matches([' ', '\t']);
        if !before.is_empty() && valid(before) {
            return Some(("comment", before.to_string()));
        }
    }
    if let Some(a) = allowed.iter().find(|a| a.eq_ignore_ascii_case(value)) {
        return Some(("case", a.to_string()));
    }
    if let Some(b) = bool_word(value) {
        for (t, f) in [("yes", "no"), ("on", "off")] {
            if allowed.contains(&t) && allowed.contains(&f) {
                return Some(("suggest", (if b { t } else { f }).to_string()));
            }
        }
    }
    if let Some(a) = did_you_mean(value, allowed.iter().copied()) {
        return Some(("suggest", a.to_string()));
    }
    None
}

/// A decimal rewrite of an integer value that corosync rejects, when one is obvious.
/// Words people write for a yes/no setting.
fn bool_word(value: &str) -> Option<bool> {
    match value.to_ascii_lowercase().as_str() {
        "yes" | "on" | "true" | "y" | "enable" | "enabled" | "1" => Some(true),
        "no" | "off" | "false" | "n" | "disable" | "disabled" | "0" => Some(false),
        _ => None,
    }
}

/// Integer keys that are switches (0 off, 1 on) in votequorum (votequorum(5)).
const SWITCHES: &[&str] = &[
    "two_node",
    "wait_for_all",
    "last_man_standing",
    "auto_tie_breaker",
    "allow_downscale",
];

/// The fix for a suggestion, when the replacement is certain: the value without quotes, the
/// comment on its own line, the exact spelling, the decimal number, the number without `ms`,
/// the accepted word for a yes/no spelling, or the only close word.
fn suggestion_fix(
    ctx: &Ctx,
    k: &KeyRef,
    how: &str,
    to: &str,
    allowed: &[&'static str],
) -> Option<(Msg, Vec<Edit>)> {
    let replace = |title: Msg| Some((title, vec![Edit::replace(k.value_span, to)]));
    let value = || Msg::new("fix.value").arg("from", k.value).arg("to", to);
    match how {
        "unquote" | "case" | "hex" => replace(value()),
        "unit" => {
            let unit = k
                .value
                .trim()
                .trim_start_matches(|c: char| c.is_ascii_digit() || c == '+');
            unit.eq_ignore_ascii_case("ms").then_some(())?;
            replace(value())
        }
        "suggest" => {
            let certain = bool_word(k.value).is_some()
                || crate::text::did_you_mean_unique(k.value, allowed) == Some(to);
            certain.then_some(())?;
            replace(value())
        }
        "comment" => {
            let i = k.value.find('#')?;
            let conf = &ctx.conf;
            let above = [
                crate::fix::indent(conf, k.line),
                &k.value[i..],
                crate::fix::eol(conf, k.line),
            ]
            .concat();
            Some((
                Msg::new("fix.move-comment").arg("to", to),
                vec![
                    Edit::insert(k.line_span.start, above),
                    Edit::replace(k.value_span, to),
                ],
            ))
        }
        _ => None,
    }
}

fn int_suggestion(value: &str, min: i64, max: i64) -> Option<(&'static str, String)> {
    let valid = |s: &str| num::strtoll_strict(s).is_some_and(|v| (min..=max).contains(&v));
    if let Some(s) = suggestion(value, &valid, &[]) {
        return Some(s);
    }
    let t = value.trim();
    if let Some(h) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X"))
        && let Ok(v) = i64::from_str_radix(h, 16)
        && (min..=max).contains(&v)
    {
        return Some(("hex", v.to_string()));
    }
    if let Atoi::Trailing(v) = num::atoi(t) {
        let rest = t.trim_start_matches(|c: char| c.is_ascii_digit() || c == '+');
        if rest.chars().all(|c| c.is_ascii_alphabetic()) && (min..=max).contains(&i64::from(v)) {
            return Some(("unit", v.to_string()));
        }
    }
    None
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let t = ctx.target;
    // The node index corosync puts in `nodelist.node.<i>.<key>` (per nodelist section).
    let mut node_counters: std::collections::HashMap<usize, usize> =
        std::collections::HashMap::new();
    for place in checked_places(ctx) {
        let pos = match place.section {
            Some(s) if place.path == "nodelist.node" => {
                let c = node_counters.entry(s.parent.unwrap_or(0)).or_default();
                *c += 1;
                *c - 1
            }
            _ => 0,
        };
        for k in place_keys(ctx, &place) {
            let mut fails: Vec<(&KeyDef, Problem)> = Vec::new();
            for row in schema::key_rows(&place.path, k.name).filter(|r| t.overlaps(r.from, r.to)) {
                if let Some(p) = check_row(ctx, &k, &place.path, pos, row) {
                    fails.push((row, p));
                }
            }
            let worst = fails.iter().map(|(_, p)| p.severity()).min();
            if worst.is_some_and(|w| !ctx.listed(META.code, w, value_span(&k))) {
                continue;
            }
            if let Some(d) = report(ctx, &k, fails) {
                out.push(d);
            }
        }
    }
}

fn report(ctx: &Ctx, k: &KeyRef, fails: Vec<(&KeyDef, Problem)>) -> Option<Diagnostic> {
    let worst = fails.iter().map(|(_, p)| p.severity()).min()?;
    // Rows with the same problem form a group; report the harshest group (an abort over a
    // message), then the newest one, with the releases of that group.
    let mut groups: Vec<(Problem, Release, Release)> = Vec::new();
    for (row, p) in fails.iter().filter(|(_, p)| p.severity() == worst) {
        match groups.iter_mut().find(|(g, ..)| g == p) {
            Some(g) => {
                g.1 = g.1.min(row.from);
                g.2 = g.2.max(row.to);
            }
            None => groups.push((p.clone(), row.from, row.to)),
        }
    }
    let harsh = |p: &Problem| u8::from(matches!(p, Problem::U64Abort));
    let (problem, from, to) = groups
        .into_iter()
        .max_by_key(|(p, _, to)| (harsh(p), *to))?;
    let problem = &problem;
    let rel = releases(ctx.target, from, to);
    let base = |key: &str| {
        Msg::new(format!("C603.{key}"))
            .arg("key", k.name)
            .arg("value", k.value)
            .arg("releases", rel.clone())
    };
    let (message, help) = match problem {
        Problem::Int { min, max, says } => {
            let m = base("message.int")
                .arg("min", min)
                .arg("max", max)
                .arg("says", says);
            let h = match int_suggestion(k.value, *min, *max) {
                Some((how, s)) => base(&format!("help.{how}")).arg("suggest", s),
                None => base("help.int").arg("min", min).arg("max", max),
            };
            (m, h)
        }
        Problem::Atoi { used, how } => {
            let m = base(&format!("message.atoi_{how}")).arg("used", used);
            let h = match num::atoi(k.value) {
                Atoi::Trailing(v) if v >= 0 => base("help.suggest").arg("suggest", v),
                _ => base("help.atoi"),
            };
            (m, h)
        }
        Problem::U64Abort => (base("message.u64_abort"), base("help.u64")),
        Problem::U64 { says } => (base("message.stops").arg("says", says), base("help.u64")),
        Problem::U64Wrap { used } => (base("message.u64_wrap").arg("used", used), base("help.u64")),
        Problem::RangeUses { lo, hi, what } => (
            base(&format!("message.uses_{}", what.replace('-', "_")))
                .arg("min", lo)
                .arg("max", hi),
            base("help.int").arg("min", lo).arg("max", hi),
        ),
        Problem::Range { lo, hi, says } => (
            base("message.range")
                .arg("says", says)
                .arg("min", lo)
                .arg("max", hi),
            base("help.int").arg("min", lo).arg("max", hi),
        ),
        Problem::CompressionNone { says } => (
            base("message.compression_none").arg("says", says),
            base("help.compression_none"),
        ),
        Problem::Stops {
            says,
            allowed,
            nocase,
        } => {
            let nocase = *nocase;
            let valid = move |s: &str| {
                allowed.iter().any(|a| {
                    if nocase {
                        a.eq_ignore_ascii_case(s)
                    } else {
                        *a == s
                    }
                })
            };
            let m = base("message.stops").arg("says", says);
            (m, enum_help(&base, k.value, &valid, allowed))
        }
        Problem::StopsAtStart { says, allowed } => {
            let valid = |s: &str| allowed.contains(&s);
            (
                base("message.stops_at_start").arg("says", says),
                enum_help(&base, k.value, &valid, allowed),
            )
        }
        Problem::Uses { what, allowed } => {
            let valid = |s: &str| allowed.contains(&s);
            (
                base(&format!("message.uses_{}", what.replace('-', "_"))),
                enum_help(&base, k.value, &valid, allowed),
            )
        }
    };
    let span = value_span(k);
    let mut d = diag(&META, worst, span, message, help);
    if let Some((title, edits)) = problem_fix(ctx, k, problem) {
        d.set_fix(title, edits);
    }
    Some(d)
}

fn problem_fix(ctx: &Ctx, k: &KeyRef, problem: &Problem) -> Option<(Msg, Vec<Edit>)> {
    if k.value_span.is_empty() {
        return None;
    }
    let switch = || {
        let b = bool_word(k.value).filter(|_| SWITCHES.contains(&k.name))?;
        let to = if b { "1" } else { "0" };
        Some((
            Msg::new("fix.value").arg("from", k.value).arg("to", to),
            vec![Edit::replace(k.value_span, to)],
        ))
    };
    match problem {
        Problem::Int { min, max, .. } => switch().or_else(|| {
            let (how, s) = int_suggestion(k.value, *min, *max)?;
            suggestion_fix(ctx, k, how, &s, &[])
        }),
        Problem::Atoi { how: "zero", .. } => switch(),
        Problem::CompressionNone { .. } => Some((
            Msg::new("fix.delete-line").arg("line", ctx.conf.slice(k.line_span).trim()),
            vec![crate::fix::delete_line(&ctx.conf, k.line)],
        )),
        Problem::Stops {
            allowed, nocase, ..
        } => {
            let nocase = *nocase;
            let valid = move |s: &str| {
                allowed.iter().any(|a| {
                    if nocase {
                        a.eq_ignore_ascii_case(s)
                    } else {
                        *a == s
                    }
                })
            };
            let (how, s) = suggestion(k.value, &valid, allowed)?;
            suggestion_fix(ctx, k, how, &s, allowed)
        }
        Problem::StopsAtStart { allowed, .. } | Problem::Uses { allowed, .. } => {
            let valid = |s: &str| allowed.contains(&s);
            let (how, s) = suggestion(k.value, &valid, allowed)?;
            suggestion_fix(ctx, k, how, &s, allowed)
        }
        _ => None,
    }
}

fn enum_help(
    base: &dyn Fn(&str) -> Msg,
    value: &str,
    valid: &dyn Fn(&str) -> bool,
    allowed: &[&'static str],
) -> Msg {
    match suggestion(value, valid, allowed) {
        Some((how, s)) => base(&format!("help.{how}"))
            .arg("suggest", s)
            .arg("allowed", word_list(allowed)),
        None => base("help").arg("allowed", word_list(allowed)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dscp_numbers_like_strtol_base0() {
        assert_eq!(strtol_base0("46"), Some(46));
        assert_eq!(strtol_base0("0x2e"), Some(46));
        assert_eq!(strtol_base0("056"), Some(46));
        assert_eq!(strtol_base0(""), Some(0));
        assert_eq!(strtol_base0("ef1"), None);
        assert_eq!(strtol_base0("0"), Some(0));
    }

    #[test]
    fn int_suggestions() {
        assert_eq!(
            int_suggestion("3000ms", 0, u32::MAX as i64),
            Some(("unit", "3000".into()))
        );
        assert_eq!(
            int_suggestion("0x100", 0, u32::MAX as i64),
            Some(("hex", "256".into()))
        );
        assert_eq!(
            int_suggestion("\"3000\"", 0, u32::MAX as i64),
            Some(("unquote", "3000".into()))
        );
        assert_eq!(
            int_suggestion("3000 # c", 0, u32::MAX as i64),
            Some(("comment", "3000".into()))
        );
        assert_eq!(int_suggestion("-5", 0, u32::MAX as i64), None);
    }
}
