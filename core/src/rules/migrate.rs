//! Upgrade steps (C810): when a config looks written for an older corosync series than the
//! target (for example a 2.x file checked with `--target-version 3`), list what to change for
//! THIS file, one step per line that needs it. The steps also form the report's "Migrating to
//! corosync N" section (`Report::migrations`).
//!
//! Facts: `shared/reference/corosync-conf.md` §2.1–§2.3 and §2.8 (deprecated, removed and
//! renamed), §5 (the 1.x Pacemaker plugin and cman); corosync 3.0.0 release notes (knet, link
//! instead of ring, the nodelist required).

use super::Ctx;
use crate::conf::{KeyRef, SectionRef};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Span};
use crate::i18n::Msg;

declare_rule! {
    /// ## What it does
    /// When a corosync.conf looks written for an older series than the target (its evidence
    /// says 2.x and 3.x is pinned, or 1.x and 2.x/3.x is pinned), lists the changes this file
    /// needs, one finding per line, and the same steps as the report's migration section.
    /// A line another rule already reports (C604, C605, C115, ...) gets no second finding.
    ///
    /// ## Why is this bad?
    /// corosync 3 starts with many 2.x files but does something else with them: `rrp_mode`,
    /// `ringnumber` and the `rrp_*` timers are ignored, the default transport is knet instead
    /// of multicast UDP, encryption is off unless `crypto_cipher`/`crypto_hash` are set (2.x
    /// encrypted with aes256/sha1 by default), the token default is 3000 ms instead of 1000
    /// ms (3.1.0+), and a nodelist with a nodeid for every node is required. A 1.x Pacemaker
    /// plugin stanza does nothing in corosync 2+.
    ///
    /// ## Example
    /// ```corosync
    /// totem {
    ///     version: 2
    ///     rrp_mode: passive
    ///     interface {
    ///         ringnumber: 0
    ///         bindnetaddr: 192.168.1.0
    ///         mcastaddr: 239.255.1.1
    ///     }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Apply the steps on one node's file, check it with corocheck and `corosync -t`, copy it
    /// to every node and restart the whole cluster: corosync 2 and 3 nodes cannot form one
    /// membership (different wire protocols), so a rolling upgrade across the series is not
    /// possible.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §2.1, §2.2, §2.3, §2.8, §5.
    /// - corosync v3.0.0 release notes and corosync.conf(5) of v2.4.6 and v3.1.7 (rrp_mode,
    ///   link_mode, linknumber, secauth, crypto_cipher, token).
    /// - corosync issues #355 and #387 (1.x and 2.x are wire incompatible: stop, upgrade,
    ///   start) and pull request #446 (3.x did not keep wire compatibility with 2.x).
    pub static META = {
        code: "C810",
        name: "upgrade-step",
        severity: Info,
        docs_ja: "## 何をするか
corosync.conf が対象より古い系列向けに見えるとき（根拠が 2.x で 3.x を指定、または 1.x で 2.x/3.x を指定）、このファイルに必要な変更を 1 行ごとに 1 件の指摘として挙げ、同じ手順をレポートの移行セクションにも示します。ほかのルール（C604、C605、C115 など）が指摘済みの行には重ねて指摘しません。

## なぜ問題か
corosync 3 は多くの 2.x のファイルで起動しますが、動作は変わります。`rrp_mode`、`ringnumber`、`rrp_*` のタイマーは無視され、既定のトランスポートはマルチキャスト UDP ではなく knet になり、`crypto_cipher`/`crypto_hash` を設定しない限り暗号化されません（2.x は既定で aes256/sha1 で暗号化していました）。token の既定値は 1000 ms から 3000 ms（3.1.0 以降）になり、全ノードに nodeid のあるノードリストが必要です。1.x の Pacemaker プラグインの記述は corosync 2 以降では何もしません。

## 例
```corosync
totem {
    version: 2
    rrp_mode: passive
    interface {
        ringnumber: 0
        bindnetaddr: 192.168.1.0
        mcastaddr: 239.255.1.1
    }
}
```

## 対処
1 台のファイルに手順を適用し、corocheck と `corosync -t` で確認してから全ノードにコピーし、クラスタ全体を再起動してください。corosync 2 と 3 のノードは通信方式が異なり 1 つのメンバーシップを作れないため、系列をまたぐローリングアップグレードはできません。

## 参考
- `shared/reference/corosync-conf.md` §2.1、§2.2、§2.3、§2.8、§5
- corosync v3.0.0 のリリースノート、v2.4.6 と v3.1.7 の corosync.conf(5)（rrp_mode、link_mode、linknumber、secauth、crypto_cipher、token）
- corosync の issue #355 と #387（1.x と 2.x は通信互換がなく、停止・アップグレード・起動が必要）、プルリクエスト #446（3.x は 2.x との通信互換を保っていません）",
    }
}

/// Keys of `totem.interface` that only multicast UDP reads.
const MULTICAST: &[&str] = &["mcastaddr", "mcastport", "ttl", "broadcast"];

struct Plan<'p> {
    steps: Vec<(Span, Msg)>,
    found: &'p mut Vec<Diagnostic>,
    /// Where the other rules' findings start, sorted.
    reported: Vec<usize>,
}

impl Plan<'_> {
    fn step(&mut self, span: Span, msg: Msg) {
        // A line another rule already reports keeps that finding only.
        if self.reported.binary_search(&span.start).is_err() {
            self.found
                .push(META.diag(span, msg.clone()).help(Msg::new("C810.help")));
        }
        self.steps.push((span, msg));
    }
    fn key(&mut self, k: KeyRef, step: &str) {
        let msg = Msg::new(format!("C810.step.{step}"))
            .arg("key", k.name)
            .arg("value", k.value);
        self.step(k.key_span, msg);
    }
}

/// The steps for one main corosync.conf written for series `from` (< the target's series).
/// Adds one C810 finding per step to `found` unless the line is already reported there.
pub fn plan(ctx: &Ctx, from: u8, found: &mut Vec<Diagnostic>) -> Vec<(Span, Msg)> {
    let mut reported: Vec<usize> = found.iter().map(|d| d.span.start).collect();
    crate::sort::sort(&mut reported);
    let mut p = Plan {
        steps: Vec::new(),
        found,
        reported,
    };
    let conf = ctx.conf;
    let to = ctx.major();
    let top: Vec<SectionRef> = conf.children(conf.root()).collect();
    let anchor = top
        .iter()
        .find(|s| s.name == "totem" || s.name == "network")
        .map(|s| s.name_span)
        .unwrap_or(Span::new(conf.tree.range.start, conf.tree.range.start));
    let totems: Vec<&SectionRef> = top
        .iter()
        .filter(|s| s.name == "totem" || s.name == "network")
        .collect();
    let totem_key = |name: &str| {
        totems
            .iter()
            .filter_map(|s| conf.get(s.id, name))
            .next_back()
    };

    if from == 1 {
        for s in &top {
            match s.name {
                "service" => p.step(s.name_span, Msg::new("C810.step.plugin")),
                "aisexec" | "amf" => p.step(
                    s.name_span,
                    Msg::new("C810.step.section_gone").arg("section", s.name),
                ),
                _ => {}
            }
        }
        let provider = conf.value(&["quorum"], "provider");
        if provider.map(|k| k.value) != Some("corosync_votequorum") {
            match provider {
                Some(k) => p.key(k, "quorum_provider"),
                None => p.step(anchor, Msg::new("C810.step.add_votequorum")),
            }
        }
        if totem_key("cluster_name").is_none() {
            p.step(anchor, Msg::new("C810.step.add_cluster_name"));
        }
    }

    // Interfaces as written (a 3.x model would merge them by linknumber).
    let mut has_members = false;
    for t in &totems {
        for i in conf.children_named(t.id, "interface") {
            for k in conf.keys(i.id) {
                if to >= 3 && k.name == "ringnumber" {
                    p.key(k, "ringnumber");
                } else if to >= 3 && MULTICAST.contains(&k.name) {
                    p.key(k, "multicast");
                } else if k.name == "bindnetaddr" {
                    p.key(k, "bindnetaddr");
                }
            }
            for m in conf.children_named(i.id, "member") {
                for k in conf.keys(m.id).filter(|k| k.name == "memberaddr") {
                    has_members = true;
                    p.key(k, "memberaddr");
                }
            }
        }
    }
    let nodelist = top.iter().find(|s| s.name == "nodelist");
    if nodelist.is_none() && (to >= 3 || has_members) {
        p.step(anchor, Msg::new("C810.step.add_nodelist"));
    }
    if to < 3 {
        crate::sort::sort_by_key(&mut p.steps, |(s, _)| s.start);
        return p.steps;
    }

    // 2.x → 3.x.
    match totem_key("transport") {
        Some(k) if k.value == "udp" || k.value == "udpu" => p.key(k, "transport"),
        Some(_) => {}
        None => p.step(anchor, Msg::new("C810.step.transport_default")),
    }
    if let Some(k) = totem_key("rrp_mode") {
        let step = match k.value {
            "active" => "rrp_mode_active",
            "passive" => "rrp_mode_passive",
            _ => "rrp_mode_none",
        };
        p.key(k, step);
    }
    let cipher = totem_key("crypto_cipher");
    match totem_key("secauth") {
        Some(k) if k.value == "on" && cipher.is_none() => p.key(k, "secauth_on"),
        Some(k) if k.value != "on" => p.key(k, "secauth_off"),
        None if cipher.is_none() && from == 2 => {
            p.step(anchor, Msg::new("C810.step.crypto_default"))
        }
        _ => {}
    }
    if let Some(k) = cipher.filter(|k| k.value == "3des") {
        p.key(k, "3des");
    }
    if totem_key("token").is_none() {
        p.step(anchor, Msg::new("C810.step.token_default"));
    }
    if let Some(k) = totem_key("nodeid") {
        p.key(k, "totem_nodeid");
    }
    for t in &totems {
        for k in conf
            .keys(t.id)
            .filter(|k| k.name.starts_with("rrp_problem"))
        {
            p.key(k, "rrp_timer");
        }
        for k in conf.keys(t.id).filter(|k| {
            matches!(
                k.name,
                "rrp_token_expired_timeout" | "rrp_autorecovery_check_timeout"
            )
        }) {
            p.key(k, "rrp_timer");
        }
    }
    if let Some(qb) = top.iter().find(|s| s.name == "qb") {
        p.step(qb.name_span, Msg::new("C810.step.qb"));
    }
    if let Some(nl) = nodelist {
        for node in conf.children_named(nl.id, "node") {
            if conf.get(node.id, "nodeid").is_none() {
                let label = conf
                    .get(node.id, "name")
                    .or_else(|| conf.get(node.id, "ring0_addr"))
                    .map(|k| k.value)
                    .unwrap_or("?");
                p.step(
                    node.name_span,
                    Msg::new("C810.step.nodeid").arg("node", label),
                );
            }
        }
    }
    crate::sort::sort_by_key(&mut p.steps, |(s, _)| s.start);
    p.steps
}
