use super::{diag, releases, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Checks that corosync will find at least one network to use: an interface section
    /// (1.x; 2.x with `bindnetaddr`; 3.x with a per-link key) or a node address in the
    /// nodelist (2.x/3.x).
    ///
    /// ## Why is this bad?
    /// Without one, corosync refuses to start: "parse error in config: No interfaces defined"
    /// (verified on 3.1.7 with an empty file, with no nodelist, and with a node that has only a
    /// `name`).
    ///
    /// ## Example
    /// ```corosync
    /// totem {
    ///     version: 2
    ///     cluster_name: mycluster
    /// }
    /// ```
    ///
    /// ## Fix
    /// 2.x/3.x: add a `nodelist` with a `node { ring0_addr: ... nodeid: ... }` per node.
    /// 1.x: add an `interface` section with `ringnumber`, `bindnetaddr`, `mcastaddr` and
    /// `mcastport`.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §3.1, §3.3, Appendix A (`empty_file`,
    ///   `no_nodelist`, `node_name_only`).
    /// - corosync `exec/totemconfig.c` `totem_config_validate` (v1.4.10, v2.4.6, v3.1.7).
    pub static META = {
        code: "C201",
        name: "no-interfaces",
        severity: Error,
        docs_ja: "## 何をするか
corosync が使うネットワークが少なくとも 1 つ見つかるかを確認します。interface セクション（1.x、`bindnetaddr` のある 2.x、リンクごとのキーのある 3.x）か、ノードリストのノードのアドレス（2.x/3.x）が必要です。

## なぜ問題か
どちらもないと corosync は \"parse error in config: No interfaces defined\" で起動しません（3.1.7 で、空のファイル、ノードリストなし、`name` しかないノードにより確認済み）。

## 例
```corosync
totem {
    version: 2
    cluster_name: mycluster
}
```

## 対処
2.x/3.x ではノードごとに `node { ring0_addr: ... nodeid: ... }` を持つ `nodelist` を追加してください。1.x では `ringnumber`、`bindnetaddr`、`mcastaddr`、`mcastport` を持つ `interface` セクションを追加してください。

## 参考
- `shared/reference/corosync-conf.md` §3.1、§3.3、付録 A（`empty_file`、`no_nodelist`、`node_name_only`）
- corosync `exec/totemconfig.c` の `totem_config_validate`（v1.4.10、v2.4.6、v3.1.7）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) {
        return;
    }
    let m = ctx.model();
    let none = match ctx.major() {
        1 => m.interfaces().is_empty(),
        2 => m.active_interfaces().is_empty() && !m.has_nodelist(),
        _ => m.configured_links().is_empty(),
    };
    if !none {
        return;
    }
    let span = m
        .nodelists
        .first()
        .map(|s| s.name_span)
        .unwrap_or_else(|| m.totem_anchor());
    let msg = Msg::new("C201.message")
        .arg(
            "releases",
            releases(ctx.target, ctx.target.from, ctx.target.to),
        )
        .arg("says", "parse error in config: No interfaces defined");
    let help = if ctx.major() == 1 {
        "C201.help.v1"
    } else {
        "C201.help"
    };
    out.push(diag(&META, Severity::Error, span, msg, Msg::new(help)));
}
