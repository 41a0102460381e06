use super::{diag, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// For `quorum.device`, finds what corosync-qdevice requires but is missing: `model`, and for
    /// `model: net` also `net.host` and `totem.cluster_name`; in 2.x, a nodelist.
    ///
    /// ## Why is this bad?
    /// corosync and `corosync -t` never read these keys; the corosync-qdevice daemon stops ("Can't
    /// read quorum.device.model cmap key.", "Qdevice net daemon address is not defined", "Cluster
    /// name (totem.cluster_name) has to be defined.") and the cluster runs without the device's vote.
    /// corosync-qdevice 3.0.1+ also needs the nodelist: "No configured nodes found -
    /// configuration without node list is not supported". corosync 3.x itself needs one (C202);
    /// a 2.x config can lack it, and the qdevice shipped in corosync 2.4.x does not check this
    /// (a warning there).
    ///
    /// ## Example
    /// ```corosync
    /// quorum {
    ///     device {
    ///         model: net
    ///         net { algorithm: ffsplit }
    ///     }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Add the missing key.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §3.6.
    /// - corosync-qdevice v3.0.4 `qdevices/qdevice-instance.c`, `qdevice-net-instance.c`,
    ///   `qdevice-cmap.c` (nodelist, from 3.0.1: d99c195); corosync v2.4.6 `qdevices/qdevice-cmap.c`.
    pub static META = {
        code: "C701",
        name: "qdevice-option-missing",
        severity: Error,
        docs_ja: "## 何をするか
`quorum.device` について、corosync-qdevice が必要とするのに欠けているものを検出します。`model`、`model: net` ではさらに `net.host` と `totem.cluster_name` です。

## なぜ問題か
corosync も `corosync -t` もこれらのキーを読みません。corosync-qdevice デーモンが停止し（\"Can't read quorum.device.model cmap key.\"、\"Qdevice net daemon address is not defined\"、\"Cluster name (totem.cluster_name) has to be defined.\"）、クラスタはデバイスの票なしで動きます。

## 例
```corosync
quorum {
    device {
        model: net
        net { algorithm: ffsplit }
    }
}
```

corosync-qdevice 3.0.1 以降はノードリストも必要とします（\"No configured nodes found - configuration without node list is not supported\"）。corosync 3.x 自体もノードリストを必要としますが（C202）、2.x の設定にはノードリストがないことがあり、corosync 2.4.x に同梱の qdevice はこれを確認しません（そのため警告です）。

## 対処
欠けているキーを追加してください。

## 参考
- `shared/reference/corosync-conf.md` §3.6
- corosync-qdevice v3.0.4 `qdevices/qdevice-instance.c`、`qdevice-net-instance.c`、`qdevice-cmap.c`（ノードリスト、3.0.1 以降: d99c195）、corosync v2.4.6 `qdevices/qdevice-cmap.c`",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) {
        return;
    }
    let m = ctx.model();
    let devices = m.device_sections();
    let Some(dev) = devices.first() else { return };
    if let (2, false, Some(model)) = (ctx.major(), m.has_nodelist(), m.qdevice()) {
        out.push(diag(
            &META,
            Severity::Warning,
            model.key_span,
            Msg::new("C701.message.nodelist").arg(
                "says",
                "No configured nodes found - configuration without node list is not supported",
            ),
            Msg::new("C701.help.nodelist"),
        ));
    }
    let mut push = |span, key: &str, says: &str| {
        out.push(diag(
            &META,
            Severity::Error,
            span,
            Msg::new("C701.message").arg("key", key).arg("says", says),
            Msg::new("C701.help").arg("key", key),
        ));
    };
    let Some(model) = m.device_key(None, "model").filter(|k| !k.value.is_empty()) else {
        push(
            dev.name_span,
            "quorum.device.model",
            "Can't read quorum.device.model cmap key.",
        );
        return;
    };
    if model.value != "net" {
        return;
    }
    if m.device_key(Some("net"), "host")
        .is_none_or(|k| k.value.is_empty())
    {
        let span = ctx
            .conf
            .sections_at(&["quorum", "device", "net"])
            .first()
            .map_or(model.key_span, |s| s.name_span);
        push(
            span,
            "quorum.device.net.host",
            "Qdevice net daemon address is not defined (quorum.device.net.host)",
        );
    }
    if m.totem_key("cluster_name")
        .is_none_or(|k| k.value.is_empty())
    {
        push(
            model.key_span,
            "totem.cluster_name",
            "Cluster name (totem.cluster_name) has to be defined.",
        );
    }
}
