use super::schema::V2_FROM;
use super::{diag, releases, value_span, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;
use crate::version::Release;

declare_rule! {
    /// ## What it does
    /// With votequorum in corosync 2.0–2.3.x, finds `wait_for_all: 1` together with a quorum
    /// device (`quorum.device.model`).
    ///
    /// ## Why is this bad?
    /// Before 2.4.0 votequorum refused a quorum device together with wait_for_all and stopped
    /// with "configuration error: quorum.device is not compatible with wait_for_all". 2.4.0
    /// (commit e41b256c) removed this restriction, so the same file starts on 2.4.x and 3.x.
    /// (`two_node: 1`, which also switches wait_for_all on, is reported by C302.)
    ///
    /// ## Example
    /// ```corosync
    /// quorum {
    ///     provider: corosync_votequorum
    ///     wait_for_all: 1
    ///     device {
    ///         model: net
    ///     }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Remove `wait_for_all` on 2.3.x and older, or upgrade to corosync 2.4.0 or newer.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §3.5 ("Before 2.4.0"), §6 (e41b256c).
    /// - corosync `exec/votequorum.c` `votequorum_readconfig` (v2.3.6).
    pub static META = {
        code: "C311",
        name: "qdevice-with-wait-for-all",
        severity: Error,
        docs_ja: "## 何をするか
corosync 2.0〜2.3.x の votequorum で、`wait_for_all: 1` とクォーラムデバイス（`quorum.device.model`）が一緒に設定されている場合を検出します。

## なぜ問題か
2.4.0 より前の votequorum は、クォーラムデバイスと wait_for_all の組み合わせを受け付けず、\"configuration error: quorum.device is not compatible with wait_for_all\" で停止しました。2.4.0（コミット e41b256c）でこの制限はなくなったため、同じファイルでも 2.4.x と 3.x では起動します（wait_for_all を有効にする `two_node: 1` は C302 が報告します）。

## 例
```corosync
quorum {
    provider: corosync_votequorum
    wait_for_all: 1
    device {
        model: net
    }
}
```

## 対処
2.3.x 以前では `wait_for_all` を削除するか、corosync 2.4.0 以降に更新してください。

## 参考
- `shared/reference/corosync-conf.md` §3.5（「Before 2.4.0」）、§6（e41b256c）
- corosync `exec/votequorum.c` の `votequorum_readconfig`（v2.3.6）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let last = Release(2, 3, 255);
    if !whole_file(ctx) || !ctx.target.overlaps(V2_FROM, last) {
        return;
    }
    let m = ctx.model();
    if !m.votequorum() || m.qdevice().is_none() {
        return;
    }
    let Some((k, v)) = m.quorum_num("wait_for_all") else {
        return;
    };
    if v == 0 {
        return;
    }
    let (sev, rel) = if ctx.target.to <= last {
        (Severity::Error, releases(ctx.target, V2_FROM, last))
    } else {
        (Severity::Warning, "2.0–2.3.x".to_string())
    };
    let msg = Msg::new("C311.message").arg("releases", rel).arg(
        "says",
        "configuration error: quorum.device is not compatible with wait_for_all",
    );
    out.push(diag(&META, sev, value_span(&k), msg, Msg::new("C311.help")));
}
