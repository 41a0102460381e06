use super::{diag, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// For `quorum.device`, finds what corosync-qdevice requires but is missing: `model`, and for
    /// `model: net` also `net.host` and `totem.cluster_name`.
    ///
    /// ## Why is this bad?
    /// corosync and `corosync -t` never read these keys; the corosync-qdevice daemon stops ("Can't
    /// read quorum.device.model cmap key.", "Qdevice net daemon address is not defined", "Cluster
    /// name (totem.cluster_name) has to be defined.") and the cluster runs without the device's vote.
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
    /// - corosync-qdevice v3.0.4 `qdevices/qdevice-instance.c`, `qdevice-net-instance.c`.
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

## 対処
欠けているキーを追加してください。

## 参考
- `shared/reference/corosync-conf.md` §3.6
- corosync-qdevice v3.0.4 `qdevices/qdevice-instance.c`、`qdevice-net-instance.c`",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) {
        return;
    }
    let m = ctx.model();
    let devices = m.device_sections();
    let Some(dev) = devices.first() else { return };
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
