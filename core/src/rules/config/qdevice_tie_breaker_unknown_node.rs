use super::num::strtoll_strict;
use super::{diag, value_span, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// With a quorum device, finds `quorum.device.net.tie_breaker` set to a node id that no
    /// node in the nodelist has (checked only when every node has an explicit `nodeid`).
    ///
    /// ## Why is this bad?
    /// corosync-qdevice accepts any number from 1 to 4294967295 and passes it to qnetd, which
    /// in a tie prefers the partition whose membership contains that node id. A node id that
    /// is not in the cluster is in no partition, so the tie-breaker never picks one. pcs
    /// refuses such a value ("tie_breaker" must be `lowest`, `highest` or an existing node
    /// id).
    ///
    /// ## Example
    /// ```corosync
    /// quorum {
    ///     provider: corosync_votequorum
    ///     device {
    ///         model: net
    ///         net {
    ///             host: qnetd.example.com
    ///             tie_breaker: 9
    ///         }
    ///     }
    /// }
    /// nodelist {
    ///     node {
    ///         nodeid: 1
    ///         ring0_addr: 10.0.0.1
    ///     }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Set `tie_breaker` to the `nodeid` of a node in the nodelist, or to `lowest` or
    /// `highest`.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §2.5, §3.6; `shared/reference/peers.md` §1.2
    ///   (pcs check 55).
    /// - corosync `qdevices/qdevice-net-instance.c` (tie_breaker parsing) and
    ///   `qdevices/qnetd-algo-ffsplit.c` `qnetd_algo_ffsplit_is_preferred_partition` (v2.4.6).
    pub static META = {
        code: "C312",
        name: "qdevice-tie-breaker-unknown-node",
        severity: Warning,
        docs_ja: "## 何をするか
クォーラムデバイスで、`quorum.device.net.tie_breaker` にノードリストのどのノードも持たないノード ID が設定されている場合を検出します（すべてのノードに `nodeid` が明示されている場合だけ確認します）。

## なぜ問題か
corosync-qdevice は 1〜4294967295 の任意の数値を受け付けて qnetd に渡します。qnetd は同数で分断したとき、そのノード ID をメンバーシップに含むパーティションを優先します。クラスタにないノード ID はどのパーティションにも含まれないため、タイブレーカーはどのパーティションも選びません。pcs はこのような値を拒否します（`tie_breaker` は `lowest`、`highest`、または既存のノード ID でなければなりません）。

## 例
```corosync
quorum {
    provider: corosync_votequorum
    device {
        model: net
        net {
            host: qnetd.example.com
            tie_breaker: 9
        }
    }
}
nodelist {
    node {
        nodeid: 1
        ring0_addr: 10.0.0.1
    }
}
```

## 対処
`tie_breaker` にノードリストにあるノードの `nodeid` を設定するか、`lowest` または `highest` を設定してください。

## 参考
- `shared/reference/corosync-conf.md` §2.5、§3.6、`shared/reference/peers.md` §1.2（pcs のチェック 55）
- corosync `qdevices/qdevice-net-instance.c`（tie_breaker の読み取り）と `qdevices/qnetd-algo-ffsplit.c` の `qnetd_algo_ffsplit_is_preferred_partition`（v2.4.6）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) || ctx.major() < 2 {
        return;
    }
    let m = ctx.model();
    if m.qdevice().is_none() || m.nodes().is_empty() {
        return;
    }
    let Some(k) = m.device_key(Some("net"), "tie_breaker") else {
        return;
    };
    let Some(id) = strtoll_strict(k.value).filter(|v| (1..=i64::from(u32::MAX)).contains(v)) else {
        return; // lowest/highest, or invalid (C702)
    };
    let mut ids = Vec::new();
    for n in m.nodes() {
        match n.nodeid() {
            Some((_, Some(v))) if v != 0 => ids.push(i64::from(v)),
            _ => return, // a generated id: not checked
        }
    }
    if ids.contains(&id) {
        return;
    }
    let msg = Msg::new("C312.message").arg("value", k.value);
    out.push(diag(
        &META,
        Severity::Warning,
        value_span(&k),
        msg,
        Msg::new("C312.help"),
    ));
}
