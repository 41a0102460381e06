use super::{diag, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// With a `net` quorum device using the `ffsplit` algorithm (the default), finds a device
    /// that does not have exactly one vote: an explicit `quorum.device.votes` other than 1, or
    /// no `votes` in a cluster of more than two nodes (votequorum then gives the device
    /// nodes − 1 votes), or nodes with `quorum_votes` other than 1.
    ///
    /// ## Why is this bad?
    /// ffsplit gives its vote to exactly one half of a split cluster; it is meant for one vote
    /// per node and one vote for the device (corosync-qdevice(8)). With more device votes the
    /// partition the device favours can be quorate with fewer than half of the nodes, which
    /// is the behaviour of the `lms` algorithm. Nothing checks this at start-up; pcs always
    /// writes `votes: 1` for ffsplit.
    ///
    /// ## Example
    /// ```corosync
    /// quorum {
    ///     provider: corosync_votequorum
    ///     device {
    ///         model: net
    ///         votes: 2
    ///         net {
    ///             host: qnetd.example.com
    ///             algorithm: ffsplit
    ///         }
    ///     }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Set `votes: 1` in `quorum.device` for ffsplit, or choose `algorithm: lms` if the device
    /// should keep the last node running.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §3.5 (automatic device votes), §3.6 (setup rules).
    /// - `shared/reference/peers.md` §1.2 (pcs sets `votes: 1` for ffsplit).
    /// - corosync-qdevice(8) (v3.0.4); corosync `exec/votequorum.c` (v3.1.7).
    pub static META = {
        code: "C703",
        name: "qdevice-votes-for-algorithm",
        severity: Warning,
        docs_ja: "## 何をするか
`ffsplit` アルゴリズム（既定値）の `net` クォーラムデバイスで、デバイスの票がちょうど 1 でないものを検出します。`quorum.device.votes` に 1 以外を明示している場合、3 台以上のクラスタで `votes` がない場合（votequorum はデバイスに「ノード数 − 1」票を与えます）、`quorum_votes` が 1 以外のノードがある場合です。

## なぜ問題か
ffsplit は分断されたクラスタのちょうど片側に票を与えるアルゴリズムで、ノードごとに 1 票、デバイスに 1 票を前提にしています（corosync-qdevice(8)）。デバイスの票が多いと、デバイスが選んだ側は半数未満のノードでもクォーラムを持てます。これは `lms` アルゴリズムの動作です。起動時にこれを確認するものはなく、pcs は ffsplit では必ず `votes: 1` を書きます。

## 例
```corosync
quorum {
    provider: corosync_votequorum
    device {
        model: net
        votes: 2
        net {
            host: qnetd.example.com
            algorithm: ffsplit
        }
    }
}
```

## 対処
ffsplit では `quorum.device` に `votes: 1` を設定してください。最後の 1 台まで動かし続けたい場合は `algorithm: lms` を選んでください。

## 参考
- `shared/reference/corosync-conf.md` §3.5（デバイスの票の自動計算）、§3.6（構成の規則）
- `shared/reference/peers.md` §1.2（pcs は ffsplit で `votes: 1` を設定します）
- corosync-qdevice(8)（v3.0.4）、corosync `exec/votequorum.c`（v3.1.7）",
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
