use super::model::Transport;
use super::{diag, releases, value_span, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;
use crate::version::Release;

declare_rule! {
    /// ## What it does
    /// In corosync 3.x with the knet transport, finds a `nodeid` of 65536 or more.
    ///
    /// ## Why is this bad?
    /// libknet addresses at most 65536 hosts (ids 0–65535). corosync 3.1.5+ refuses to start:
    /// "Knet requires nodeid to be less than 65536 for address '127.0.0.1'." (verified on
    /// 3.1.7). Earlier 3.x releases accept the config, but libknet cannot add the host, so the
    /// node never joins.
    ///
    /// ## Example
    /// ```corosync
    /// nodelist {
    ///     node {
    ///         ring0_addr: 10.0.0.1
    ///         nodeid: 100001
    ///     }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Renumber the nodes from 1 to at most 65535.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §2.3, §3.2, §6 (commit 23db6cba, 3.1.5), Appendix A
    ///   (`knet_nodeid_65536`).
    /// - corosync `exec/totemconfig.c` `put_nodelist_members_to_config` (v3.1.7); libknet
    ///   `KNET_MAX_HOST`.
    pub static META = {
        code: "C204",
        name: "knet-nodeid-too-large",
        severity: Error,
        docs_ja: "## 何をするか
corosync 3.x の knet トランスポートで、65536 以上の `nodeid` を検出します。

## なぜ問題か
libknet が扱えるホストは最大 65536 台（ID 0〜65535）です。corosync 3.1.5 以降は \"Knet requires nodeid to be less than 65536 for address '127.0.0.1'.\" で起動しません（3.1.7 で確認済み）。それより前の 3.x は設定を受け付けますが、libknet がホストを追加できないため、そのノードはクラスタに参加できません。

## 例
```corosync
nodelist {
    node {
        ring0_addr: 10.0.0.1
        nodeid: 100001
    }
}
```

## 対処
ノード ID を 1〜65535 の範囲で振り直してください。

## 参考
- `shared/reference/corosync-conf.md` §2.3、§3.2、§6（コミット 23db6cba、3.1.5）、付録 A（`knet_nodeid_65536`）
- corosync `exec/totemconfig.c` の `put_nodelist_members_to_config`（v3.1.7）、libknet の `KNET_MAX_HOST`",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) || ctx.major() < 3 {
        return;
    }
    let m = ctx.model();
    if m.transport() != Transport::Knet {
        return;
    }
    let t = ctx.target;
    let since = Release(3, 1, 5);
    for n in m.nodes() {
        let Some((k, Some(id))) = n.nodeid() else {
            continue;
        };
        if id < 65536 {
            continue;
        }
        let addr = n
            .first_addr()
            .map(|a| a.value.to_string())
            .unwrap_or_default();
        let (sev, msg) = if t.any_at_least(since) {
            (
                Severity::Error,
                Msg::new("C204.message")
                    .arg("id", id)
                    .arg("releases", releases(t, since, super::schema::V3_TO))
                    .arg(
                        "says",
                        format!("Knet requires nodeid to be less than 65536 for address '{addr}'."),
                    ),
            )
        } else {
            (
                Severity::Warning,
                Msg::new("C204.message.old").arg("id", id).arg("version", t),
            )
        };
        out.push(diag(&META, sev, value_span(&k), msg, Msg::new("C204.help")));
    }
}
