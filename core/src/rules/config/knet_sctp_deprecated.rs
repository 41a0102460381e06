use super::model::Transport;
use super::schema::V3_TO;
use super::{diag, releases, value_span, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;
use crate::version::Release;

declare_rule! {
    /// ## What it does
    /// With the knet transport, finds `knet_transport: sctp` in a `totem.interface` (link).
    ///
    /// ## Why is this bad?
    /// SCTP in knet is deprecated. From 3.1.10 corosync logs "WARNING SCTP transport is
    /// deprecated and will be removed in a future release." at start-up, and its man page says
    /// SCTP will be removed in kronosnet 2.0; with a kronosnet built without SCTP corosync
    /// accepts only `udp` and stops. pcs warns about the same value.
    ///
    /// ## Example
    /// ```corosync
    /// totem {
    ///     version: 2
    ///     transport: knet
    ///     interface {
    ///         linknumber: 0
    ///         knet_transport: sctp
    ///     }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Use `knet_transport: udp` (the default), or remove the key.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §2.2 (`knet_transport`);
    ///   `shared/reference/peers.md` §1.2 (pcs check 27).
    /// - corosync `exec/totemconfig.c` `totem_config_read`, `man/corosync.conf.5`
    ///   (`knet_transport`), commits e97c9121 and 07c9488e (v3.1.10).
    pub static META = {
        code: "C121",
        name: "knet-sctp-deprecated",
        severity: Warning,
        docs_ja: "## 何をするか
knet トランスポートで、`totem.interface`（リンク）の `knet_transport: sctp` を検出します。

## なぜ問題か
knet の SCTP は非推奨です。3.1.10 以降の corosync は起動時に \"WARNING SCTP transport is deprecated and will be removed in a future release.\" を出力し、man ページには kronosnet 2.0 で SCTP が削除されると書かれています。SCTP なしでビルドされた kronosnet では corosync は `udp` しか受け付けず、停止します。pcs も同じ値に警告を出します。

## 例
```corosync
totem {
    version: 2
    transport: knet
    interface {
        linknumber: 0
        knet_transport: sctp
    }
}
```

## 対処
`knet_transport: udp`（デフォルト）を使うか、このキーを削除してください。

## 参考
- `shared/reference/corosync-conf.md` §2.2（`knet_transport`）、`shared/reference/peers.md` §1.2（pcs のチェック 27）
- corosync `exec/totemconfig.c` の `totem_config_read`、`man/corosync.conf.5`（`knet_transport`）、コミット e97c9121 と 07c9488e（v3.1.10）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let since = Release(3, 1, 10);
    if !whole_file(ctx) || ctx.major() < 3 || !ctx.target.any_at_least(since) {
        return;
    }
    let m = ctx.model();
    if m.transport() != Transport::Knet {
        return;
    }
    for i in m.interfaces() {
        let Some(k) = i.get("knet_transport") else {
            continue;
        };
        if k.value != "sctp" {
            continue;
        }
        let msg = Msg::new("C121.message")
            .arg("link", i.number)
            .arg("releases", releases(ctx.target, since, V3_TO))
            .arg(
                "says",
                "WARNING SCTP transport is deprecated and will be removed in a future release.",
            );
        out.push(diag(
            &META,
            Severity::Warning,
            value_span(&k),
            msg,
            Msg::new("C121.help"),
        ));
    }
}
