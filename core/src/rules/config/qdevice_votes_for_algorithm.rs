use super::{diag, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Finds an `ffsplit` quorum device (the default algorithm) that does not have exactly one vote,
    /// including the nodes − 1 votes votequorum computes when `votes` is absent, or nodes that do not
    /// have one vote each.
    ///
    /// ## Why is this bad?
    /// ffsplit is meant for one vote per node and one for the device (corosync-qdevice(8)); with more,
    /// the side the device favours can be quorate with a minority, which is `lms` behaviour. pcs
    /// always writes `votes: 1` for ffsplit.
    ///
    /// ## Example
    /// ```corosync
    /// device {
    ///     model: net
    ///     votes: 2
    ///     net { algorithm: ffsplit }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Set `votes: 1`, or use `algorithm: lms`.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §3.5, §3.6.
    /// - corosync-qdevice(8) (v3.0.4).
    pub static META = {
        code: "C703",
        name: "qdevice-votes-for-algorithm",
        severity: Warning,
        docs_ja: "## 何をするか
ちょうど 1 票でない `ffsplit`（既定のアルゴリズム）のクォーラムデバイスを検出します。`votes` がないときに votequorum が計算する「ノード数 − 1」票や、1 票ずつでないノードも対象です。

## なぜ問題か
ffsplit はノードごとに 1 票、デバイスに 1 票を前提にしています（corosync-qdevice(8)）。それより多いと、デバイスが選んだ側は少数派でもクォーラムを持てます。これは `lms` の動作です。pcs は ffsplit では必ず `votes: 1` を書きます。

## 例
```corosync
device {
    model: net
    votes: 2
    net { algorithm: ffsplit }
}
```

## 対処
`votes: 1` にするか、`algorithm: lms` を使ってください。

## 参考
- `shared/reference/corosync-conf.md` §3.5、§3.6
- corosync-qdevice(8)（v3.0.4）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) {
        return;
    }
    let m = ctx.model();
    if !m.votequorum() {
        return;
    }
    let Some(model) = m.qdevice().filter(|k| k.value == "net") else {
        return;
    };
    if m.device_key(Some("net"), "algorithm")
        .is_some_and(|k| k.value != "ffsplit")
    {
        return;
    }
    let nodes = m.nodes().len() as u64;
    let (span, votes) = match m.device_key(None, "votes") {
        Some(k) => match super::model::read_u32_value(ctx.major(), k.value) {
            super::model::Read::Value(v) => (k.key_span, u64::from(v)),
            _ => return,
        },
        None => {
            // votequorum computes nodes − 1 only when every node has one vote and no
            // expected_votes is set (C307 covers the other cases).
            if !m.has_nodelist()
                || m.node_votes() != nodes
                || m.quorum_num("expected_votes").is_some_and(|(_, v)| v != 0)
            {
                return;
            }
            (model.key_span, nodes.saturating_sub(1))
        }
    };
    let uneven = m.has_nodelist() && m.node_votes() != nodes;
    if votes == 1 && !uneven {
        return;
    }
    let key = if uneven { "message.nodes" } else { "message" };
    out.push(diag(
        &META,
        Severity::Warning,
        span,
        Msg::new(format!("C703.{key}")).arg("votes", votes),
        Msg::new("C703.help"),
    ));
}
