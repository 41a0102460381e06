use super::visible;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Finds a `service` section without a `name` key in a corosync 1.x config or
    /// service.d fragment.
    ///
    /// ## Why is this bad?
    /// corosync 1.x refuses to start: it logs "Service section defined in config file
    /// without name key" and then "Could not initialize default services", and exits with
    /// status 13.
    ///
    /// ## Example
    /// ```corosync
    /// service {
    ///     ver: 1
    /// }
    /// ```
    ///
    /// ## Fix
    /// Add `name: pacemaker` (or the plugin you mean), or delete the section.
    ///
    /// ## References
    /// - corosync v1.4.10 `exec/service.c` (`corosync_service_defaults_link_and_init`);
    ///   corosync-conf.md §2.7.
    pub static META = {
        code: "C503",
        name: "service-without-name",
        severity: Error,
        docs_ja: "## 何をするか
corosync 1.x の設定ファイルや service.d の設定断片で、`name` キーのない `service` セクションを検出します。

## なぜ問題か
corosync 1.x は起動しません。\"Service section defined in config file without name key\" に続いて \"Could not initialize default services\" を出力し、終了ステータス 13 で終了します。

## 例
```corosync
service {
    ver: 1
}
```

## 対処
`name: pacemaker`（または意図したプラグイン名）を追加するか、セクションを削除してください。

## 参考
- corosync v1.4.10 `exec/service.c`（`corosync_service_defaults_link_and_init`）、corosync-conf.md §2.7",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if ctx.major() != 1 {
        return;
    }
    for s in ctx.conf.children_named(0, "service") {
        if ctx.conf.get(s.id, "name").is_none() {
            out.push(
                META.diag(visible(ctx, s.line_span), msg!("C503.message"))
                    .help(msg!("C503.help"))
                    .explain(msg!("C503.explain")),
            );
        }
    }
}
