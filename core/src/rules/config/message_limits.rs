use super::model::Read;
use super::{diag, releases, value_span, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// In corosync 1.x, checks `totem.max_messages` against 1 MiB / `netmtu` (1048576 / 1500
    /// = 699 with the default MTU) and `totem.netmtu` against 10000.
    ///
    /// ## Why is this bad?
    /// corosync 1.x refuses both at start-up: "parse error in config: The max_messages
    /// parameter (%d messages) may not be greater than (%d messages)." and "parse error in
    /// config: This net_mtu parameter is greater than the maximum frame size". It checks
    /// max_messages first. Builds with `HAVE_SMALL_MEMORY_FOOTPRINT` allow at most 512
    /// messages instead; corocheck uses the normal limit. 2.x and 3.x do not check either.
    ///
    /// ## Example
    /// ```corosync
    /// totem {
    ///     version: 2
    ///     netmtu: 9000
    ///     max_messages: 200
    /// }
    /// ```
    ///
    /// ## Fix
    /// Lower `max_messages` to at most 1048576 / `netmtu`, and keep `netmtu` at or below 10000.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §2.1 (`netmtu`, `max_messages`), §3.3.
    /// - corosync `exec/totemconfig.c` `totem_config_validate`,
    ///   `include/corosync/totem/totem.h` (`MESSAGE_QUEUE_MAX`, `FRAME_SIZE_MAX`) (v1.4.10).
    pub static META = {
        code: "C120",
        name: "message-limits",
        severity: Error,
        docs_ja: "## 何をするか
corosync 1.x で、`totem.max_messages` が 1 MiB / `netmtu`（デフォルトの MTU では 1048576 / 1500 = 699）を、`totem.netmtu` が 10000 を超えていないか確認します。

## なぜ問題か
corosync 1.x は起動時にどちらも拒否します。\"parse error in config: The max_messages parameter (%d messages) may not be greater than (%d messages).\" と \"parse error in config: This net_mtu parameter is greater than the maximum frame size\" です。max_messages が先に確認されます。`HAVE_SMALL_MEMORY_FOOTPRINT` 付きのビルドでは上限は 512 メッセージですが、corocheck は通常の上限を使います。2.x と 3.x はどちらも確認しません。

## 例
```corosync
totem {
    version: 2
    netmtu: 9000
    max_messages: 200
}
```

## 対処
`max_messages` を 1048576 / `netmtu` 以下にし、`netmtu` は 10000 以下にしてください。

## 参考
- `shared/reference/corosync-conf.md` §2.1（`netmtu`、`max_messages`）、§3.3
- corosync `exec/totemconfig.c` の `totem_config_validate`、`include/corosync/totem/totem.h`（`MESSAGE_QUEUE_MAX`、`FRAME_SIZE_MAX`）（v1.4.10）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) || ctx.major() != 1 {
        return;
    }
    let m = ctx.model();
    let rel = releases(ctx.target, ctx.target.from, ctx.target.to);
    // 1.x reads both with atoi; 0 means the default.
    let mtu = match m.read_u32("netmtu") {
        Read::Value(v) if v != 0 => v,
        _ => 1500,
    };
    let limit = 1_048_576 / mtu;
    if let (Some(k), Read::Value(v)) = (m.totem_key("max_messages"), m.read_u32("max_messages")) {
        if v > limit {
            let msg = Msg::new("C120.message")
                .arg("value", k.value)
                .arg("limit", limit)
                .arg("mtu", mtu)
                .arg("releases", rel.clone())
                .arg(
                    "says",
                    format!(
                        "parse error in config: The max_messages parameter ({} messages) may not be greater than ({} messages).",
                        v as i32, limit as i32
                    ),
                );
            out.push(diag(
                &META,
                Severity::Error,
                value_span(&k),
                msg,
                Msg::new("C120.help").arg("limit", limit),
            ));
        }
    }
    if let Some(k) = m.totem_key("netmtu") {
        if mtu > 10_000 {
            let msg = Msg::new("C120.message.mtu")
                .arg("value", k.value)
                .arg("releases", rel)
                .arg(
                    "says",
                    "parse error in config: This net_mtu parameter is greater than the maximum frame size",
                );
            out.push(diag(
                &META,
                Severity::Error,
                value_span(&k),
                msg,
                Msg::new("C120.help.mtu"),
            ));
        }
    }
}
