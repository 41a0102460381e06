use super::{diag, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Related, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Finds a `totem.interface` that sets both `broadcast: yes` and `mcastaddr`.
    ///
    /// ## Why is this bad?
    /// With `broadcast: yes` corosync sends to the broadcast address 255.255.255.255 and
    /// ignores `mcastaddr` without a message, so the file names a multicast group that is
    /// never used. pcs refuses the combination (`PREREQUISITE_OPTION_MUST_BE_DISABLED`).
    ///
    /// ## Example
    /// ```corosync
    /// totem {
    ///     transport: udp
    ///     interface {
    ///         bindnetaddr: 10.0.0.0
    ///         broadcast: yes
    ///         mcastaddr: 239.255.1.1
    ///     }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Remove `mcastaddr` to use broadcast, or remove `broadcast: yes` to use multicast.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §2.2 (`broadcast`).
    /// - `shared/reference/peers.md` §1.2 (pcs check 23).
    /// - corosync `exec/totemconfig.c` (v1.4.10, v2.4.6, v3.1.7); corosync.conf(5).
    pub static META = {
        code: "C119",
        name: "broadcast-with-mcastaddr",
        severity: Warning,
        docs_ja: "## 何をするか
`totem.interface` に `broadcast: yes` と `mcastaddr` の両方を設定しているものを検出します。

## なぜ問題か
`broadcast: yes` のとき corosync はブロードキャストアドレス 255.255.255.255 に送信し、`mcastaddr` は何も出力せずに無視します。設定ファイルには使われないマルチキャストグループが書かれていることになります。pcs はこの組み合わせを拒否します（`PREREQUISITE_OPTION_MUST_BE_DISABLED`）。

## 例
```corosync
totem {
    transport: udp
    interface {
        bindnetaddr: 10.0.0.0
        broadcast: yes
        mcastaddr: 239.255.1.1
    }
}
```

## 対処
ブロードキャストを使うなら `mcastaddr` を、マルチキャストを使うなら `broadcast: yes` を削除してください。

## 参考
- `shared/reference/corosync-conf.md` §2.2（`broadcast`）
- `shared/reference/peers.md` §1.2（pcs の検査 23）
- corosync `exec/totemconfig.c`（v1.4.10、v2.4.6、v3.1.7）、corosync.conf(5)",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) {
        return;
    }
    for i in ctx.model().interfaces() {
        let (Some(b), Some(a)) = (i.get("broadcast"), i.get("mcastaddr")) else {
            continue;
        };
        if b.value != "yes" {
            continue;
        }
        let mut d = diag(
            &META,
            Severity::Warning,
            a.key_span,
            Msg::new("C119.message").arg("value", a.value),
            Msg::new("C119.help"),
        );
        d.related.push(Related {
            file: 0,
            span: b.line_span,
            note: Msg::new("C119.related"),
        });
        out.push(d);
    }
}
