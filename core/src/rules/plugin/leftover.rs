use super::visible;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Finds corosync 1.x-only items in a corosync 2.x or 3.x config: `service` sections
    /// (plugins such as `name: pacemaker`), `aisexec`, `amf`, `event` and the top-level
    /// `compatibility` key.
    ///
    /// ## Why is this bad?
    /// corosync 2.0 removed the plugin loader and `service.d` (1.99.0). These items are
    /// silently stored and never read, so the config suggests something that is not
    /// happening: Pacemaker is **not** started by corosync 2.x/3.x, whatever the `service`
    /// section says. Pacemaker must be started on its own (`systemctl start pacemaker`); it
    /// talks to corosync through CPG and the quorum API.
    ///
    /// ## Example
    /// ```corosync
    /// service {
    ///     name: pacemaker
    ///     ver: 1
    /// }
    /// ```
    ///
    /// ## Fix
    /// Delete the section or key, and enable Pacemaker as its own service
    /// (`systemctl enable --now pacemaker`, or `pcs cluster start`).
    ///
    /// ## References
    /// - corosync commit 0e2ca7ed (1.99.0: "plugins are gone"); corosync-conf.md §2.7, §2.8, §5.
    /// - corosync issues #710 and #751 (maintainers: `service` is not valid in 3.x).
    pub static META = {
        code: "C502",
        name: "corosync1-leftover",
        severity: Warning,
        docs_ja: "## 何をするか
corosync 2.x/3.x の設定にある corosync 1.x 専用の項目を検出します。`service` セクション（`name: pacemaker` などのプラグイン）、`aisexec`、`amf`、`event`、トップレベルの `compatibility` キーです。

## なぜ問題か
corosync 2.0（1.99.0）で、プラグインの読み込み機能と `service.d` は廃止されました。これらの項目は警告なしに格納されるだけで読まれないため、設定を見ると、実際には行われていない動作が行われているように見えます。`service` セクションに何が書いてあっても、corosync 2.x/3.x は Pacemaker を起動**しません**。Pacemaker は別途起動する必要があり（`systemctl start pacemaker`）、CPG とクォーラム API を通じて corosync と連携します。

## 例
```corosync
service {
    name: pacemaker
    ver: 1
}
```

## 対処
そのセクションやキーを削除し、Pacemaker を独立したサービスとして有効にしてください（`systemctl enable --now pacemaker` または `pcs cluster start`）。

## 参考
- corosync コミット 0e2ca7ed（1.99.0: \"plugins are gone\"）、corosync-conf.md §2.7・§2.8・§5
- corosync issue #710・#751（メンテナの見解: 3.x では `service` は無効）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if ctx.major() < 2 {
        return;
    }
    let conf = ctx.conf;
    for s in conf.children(0) {
        if !matches!(s.name, "service" | "aisexec" | "amf" | "event") {
            continue;
        }
        let is_pcmk = s.name == "service"
            && conf
                .get(s.id, "name")
                .is_some_and(|n| n.value == "pacemaker");
        let key = if is_pcmk {
            "C502.message.pacemaker"
        } else {
            "C502.message"
        };
        let help = if is_pcmk {
            "C502.help.pacemaker"
        } else {
            "C502.help"
        };
        out.push(
            META.diag(
                visible(ctx, s.line_span),
                msg!(key, item = s.name, version = ctx.target),
            )
            .help(msg!(help, item = s.name))
            .explain(msg!("C502.explain")),
        );
    }
    if let Some(k) = conf.get(0, "compatibility") {
        out.push(
            META.diag(
                visible(ctx, k.line_span),
                msg!("C502.message", item = "compatibility", version = ctx.target),
            )
            .help(msg!("C502.help", item = "compatibility"))
            .explain(msg!("C502.explain")),
        );
    }
}
