use super::visible;
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::msg;
use crate::rules::Ctx;
use crate::stack::atoi;

declare_rule! {
    /// ## What it does
    /// Finds `service { name: pacemaker … }` in a corosync 1.x config or
    /// `/etc/corosync/service.d/` fragment: the Pacemaker plugin for corosync, and says what its
    /// `ver` means here.
    ///
    /// ## Why is this bad?
    /// The stanza loads Pacemaker's plugin into corosync 1.x. With `ver: 0` (or no `ver`, or
    /// any value corosync's `atoi` reads as something other than 1) the plugin also forks and
    /// respawns every Pacemaker daemon from inside corosync; with `ver: 1` (Pacemaker 1.1.3+)
    /// it only provides membership, quorum and messaging, and `pacemakerd` must be started by
    /// its init script after corosync.
    ///
    /// On **RHEL/CentOS 6** the supported Pacemaker stack is cman + Pacemaker. Red Hat's
    /// Pacemaker build (from RHEL 6.4) logs, at ERROR level but without stopping anything:
    /// "You have configured a cluster using the Pacemaker plugin for Corosync. The plugin is
    /// not supported in this environment and will be removed very soon." followed by a
    /// pointer to chapter 8 of *Clusters from Scratch* ("Adding CMAN Support"). That text is a
    /// downstream patch, not upstream Pacemaker. Elsewhere (SLES 11, Debian 7, Ubuntu 12.04)
    /// the plugin was the normal stack, but `ver: 0` has known problems: forking inside the
    /// multi-threaded corosync, and no staggered shutdown.
    ///
    /// ## Example
    /// ```corosync
    /// service {
    ///     # Load the Pacemaker Cluster Resource Manager
    ///     name: pacemaker
    ///     ver: 0
    /// }
    /// ```
    ///
    /// ## Fix
    /// On RHEL/CentOS 6: switch to cman + Pacemaker (Clusters from Scratch 1.1, ch. 8):
    /// stop corosync and pacemaker everywhere, delete `/etc/corosync/service.d/pcmk`, install
    /// cman (and ccs/pcs), set `CMAN_QUORUM_TIMEOUT=0` in `/etc/sysconfig/cman`, write
    /// `/etc/cluster/cluster.conf` with every node and a `fence_pcmk` redirect, check it with
    /// `ccs_config_validate`, then `service cman start` and `service pacemaker start`.
    /// As a stopgap, or on other distributions: `ver: 1` and start Pacemaker with
    /// `service pacemaker start` after corosync. For the long term: corosync 2+ with
    /// votequorum on a newer OS (no plugin, no cman).
    ///
    /// ## References
    /// - Pacemaker-1.1.12 `lib/ais/plugin.c` (`process_ais_conf`, MCP mode); commit
    ///   d05878167a (MCP, Pacemaker 1.1.3).
    /// - Clusters from Scratch 1.1, "Adding CMAN Support"; A. Beekhof, "Pacemaker on RHEL6.4"
    ///   (2013).
    /// - corosync-conf.md §5; logs.md §2.8 and §4.1.
    pub static META = {
        code: "C501",
        name: "pacemaker-plugin",
        severity: Warning,
        docs_ja: "## 何をするか
corosync 1.x の設定ファイルや `/etc/corosync/service.d/` の設定断片にある `service { name: pacemaker … }`（corosync 用 Pacemaker プラグイン）を検出し、その `ver` がこの環境で何を意味するかを説明します。

## なぜ問題か
この設定は Pacemaker のプラグインを corosync 1.x に読み込みます。`ver: 0`（`ver` がない場合や、corosync の `atoi` で 1 以外になる値の場合も同じ）では、プラグインが corosync の中からすべての Pacemaker デーモンを fork して起動し、終了すれば再起動します。`ver: 1`（Pacemaker 1.1.3 以降）では、プラグインはメンバーシップ・クォーラム・メッセージングだけを提供します。`pacemakerd` は、corosync の後に init スクリプトで起動する必要があります。

**RHEL/CentOS 6** でサポートされる Pacemaker の構成は cman + Pacemaker です。Red Hat がビルドした Pacemaker（RHEL 6.4 以降）は、ERROR レベルで（ただし何も停止させずに）\"You have configured a cluster using the Pacemaker plugin for Corosync. The plugin is not supported in this environment and will be removed very soon.\" と出力し、続けて *Clusters from Scratch* 第 8 章（\"Adding CMAN Support\"）を案内します。この文言はディストリビューション側のパッチによるもので、upstream の Pacemaker にはありません。ほかのディストリビューション（SLES 11、Debian 7、Ubuntu 12.04）ではプラグインが標準の構成でした。ただし `ver: 0` には、マルチスレッドの corosync の中で fork する問題と、デーモンを順番に停止できない問題が知られています。

## 例
```corosync
service {
    # Load the Pacemaker Cluster Resource Manager
    name: pacemaker
    ver: 0
}
```

## 対処
RHEL/CentOS 6 では、cman + Pacemaker に切り替えてください（Clusters from Scratch 1.1 第 8 章）。手順は次のとおりです。全ノードで corosync と pacemaker を停止し、`/etc/corosync/service.d/pcmk` を削除します。cman（と ccs/pcs）をインストールし、`/etc/sysconfig/cman` に `CMAN_QUORUM_TIMEOUT=0` を設定します。全ノードと `fence_pcmk` へのリダイレクトを書いた `/etc/cluster/cluster.conf` を作成し、`ccs_config_validate` で確認します。最後に `service cman start`、`service pacemaker start` の順に実行します。
暫定策として、またはほかのディストリビューションでは、`ver: 1` にして、corosync の後に `service pacemaker start` で Pacemaker を起動してください。長期的には、新しい OS で corosync 2 以降と votequorum を使う構成（プラグインも cman も使いません）に移行してください。

## 参考
- Pacemaker-1.1.12 `lib/ais/plugin.c`（`process_ais_conf`、MCP モード）、コミット d05878167a（MCP、Pacemaker 1.1.3）
- Clusters from Scratch 1.1 \"Adding CMAN Support\"、A. Beekhof \"Pacemaker on RHEL6.4\"（2013）
- corosync-conf.md §5、logs.md §2.8・§4.1",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    // The plugin exists only in corosync 1.x; in 2.x/3.x the section is a leftover (C502).
    if ctx.major() != 1 {
        return;
    }
    let conf = ctx.conf;
    let rhel6 = ctx
        .facts
        .distro
        .as_ref()
        .is_some_and(|d| d.value.family.is_rhel_like() && d.value.major == 6);
    let cman = ctx.facts.cman.is_some();
    for s in conf.children_named(0, "service") {
        let Some(name) = conf.get(s.id, "name") else {
            continue;
        };
        if name.value != "pacemaker" {
            continue;
        }
        let ver = conf.get(s.id, "ver");
        let n = ver.map(|v| atoi(v.value)).unwrap_or(0);
        // Without a `ver` line corosync reads 0; the message says so in words of its own.
        let shown = ver
            .map(|v| v.value.to_string())
            .unwrap_or_else(|| "0".into());
        let span = visible(ctx, ver.map(|v| v.line_span).unwrap_or(name.line_span));
        let mode = if n == 1 { "mcp" } else { "fork" };
        let (key, sev) = match (cman, rhel6, n == 1) {
            (true, _, _) => ("cman", Severity::Error),
            (false, true, false) => ("rhel6.fork", Severity::Error),
            (false, true, true) => ("rhel6.mcp", Severity::Error),
            (false, false, false) => ("fork", Severity::Warning),
            (false, false, true) => ("mcp", Severity::Info),
        };
        let distro = ctx
            .facts
            .distro
            .as_ref()
            .map(|d| d.value.to_string())
            .unwrap_or_else(|| "RHEL/CentOS 6".into());
        let mut d = META
            .diag(
                span,
                msg!(
                    format!(
                        "C501.message.{key}{}",
                        if ver.is_none() && n != 1 && !cman {
                            ".nover"
                        } else {
                            ""
                        }
                    ),
                    ver = shown.clone(),
                    read = n,
                    distro = distro.clone()
                ),
            )
            .help(msg!(
                format!("C501.help.{key}"),
                ver = shown,
                distro = distro
            ))
            .explain(msg!(format!("C501.explain.{mode}")));
        d.severity = sev;
        out.push(d);
    }
}
