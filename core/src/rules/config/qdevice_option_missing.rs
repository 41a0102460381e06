use super::{diag, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// For a quorum device (`quorum.device`, 2.x/3.x), finds settings that corosync-qdevice
    /// requires but the file lacks: `quorum.device.model`, and for the `net` model
    /// `quorum.device.net.host` and `totem.cluster_name`.
    ///
    /// ## Why is this bad?
    /// corosync-qdevice is a separate daemon that reads `quorum.device.*` when it starts;
    /// neither corosync nor `corosync -t` checks these keys. Without a model votequorum does
    /// not even see a device, and the daemon stops with "Can't read quorum.device.model cmap
    /// key."; without the qnetd host it stops with "Qdevice net daemon address is not defined
    /// (quorum.device.net.host)"; without a cluster name, with "Cluster name
    /// (totem.cluster_name) has to be defined." The cluster then runs without the device's
    /// vote.
    ///
    /// ## Example
    /// ```corosync
    /// quorum {
    ///     provider: corosync_votequorum
    ///     device {
    ///         model: net
    ///         net {
    ///             algorithm: ffsplit
    ///         }
    ///     }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Add `model: net` to `quorum.device`, `host: <qnetd address>` to `quorum.device.net`, and
    /// `cluster_name` to `totem`.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §2.5, §3.6 (corosync-qdevice).
    /// - `shared/reference/peers.md` §1.2 (pcs check 54).
    /// - corosync-qdevice v3.0.4 `qdevices/qdevice-instance.c`, `qdevice-net-instance.c`;
    ///   corosync-qdevice(8).
    pub static META = {
        code: "C701",
        name: "qdevice-option-missing",
        severity: Error,
        docs_ja: "## 何をするか
クォーラムデバイス（`quorum.device`、2.x/3.x）について、corosync-qdevice が必要とする設定の欠落を検出します。`quorum.device.model`、および `net` モデルでは `quorum.device.net.host` と `totem.cluster_name` です。

## なぜ問題か
corosync-qdevice は起動時に `quorum.device.*` を読む別のデーモンで、corosync も `corosync -t` もこれらのキーを確認しません。model がなければ votequorum はデバイスを認識すらせず、デーモンは \"Can't read quorum.device.model cmap key.\" で停止します。qnetd のホストがなければ \"Qdevice net daemon address is not defined (quorum.device.net.host)\"、クラスタ名がなければ \"Cluster name (totem.cluster_name) has to be defined.\" で停止します。その結果、クラスタはデバイスの票なしで動きます。

## 例
```corosync
quorum {
    provider: corosync_votequorum
    device {
        model: net
        net {
            algorithm: ffsplit
        }
    }
}
```

## 対処
`quorum.device` に `model: net`、`quorum.device.net` に `host: <qnetd のアドレス>`、`totem` に `cluster_name` を追加してください。

## 参考
- `shared/reference/corosync-conf.md` §2.5、§3.6（corosync-qdevice）
- `shared/reference/peers.md` §1.2（pcs の検査 54）
- corosync-qdevice v3.0.4 `qdevices/qdevice-instance.c`、`qdevice-net-instance.c`、corosync-qdevice(8)",
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
