use super::{diag, releases, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// With votequorum (2.x/3.x), finds a quorum device (`quorum.device.model`) together with
    /// `last_man_standing`, `auto_tie_breaker` or `allow_downscale`.
    ///
    /// ## Why is this bad?
    /// These features change the vote arithmetic in ways the quorum device cannot follow. The
    /// quorum service refuses them and corosync exits, for example "configuration error:
    /// quorum.device is not compatible with last_man_standing" (verified on 3.1.7 with
    /// `last_man_standing`). `corosync -t` does not load services and accepts the file.
    ///
    /// ## Example
    /// ```corosync
    /// quorum {
    ///     provider: corosync_votequorum
    ///     last_man_standing: 1
    ///     device {
    ///         model: net
    ///     }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Remove `last_man_standing`, `auto_tie_breaker` and `allow_downscale` when you use a
    /// quorum device; the device's algorithm (`ffsplit`, `lms`) provides the behaviour.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §3.5.
    /// - corosync `exec/votequorum.c` `votequorum_readconfig` (v3.1.7); votequorum(5).
    pub static META = {
        code: "C305",
        name: "qdevice-incompatible",
        severity: Error,
        docs_ja: "## 何をするか
votequorum（2.x/3.x）で、クォーラムデバイス（`quorum.device.model`）と `last_man_standing`、`auto_tie_breaker`、`allow_downscale` の併用を検出します。

## なぜ問題か
これらの機能は投票の計算をクォーラムデバイスが追えない形で変えます。クォーラムサービスはこれを拒否し、corosync は \"configuration error: quorum.device is not compatible with last_man_standing\" などで終了します（3.1.7 で `last_man_standing` により確認済み）。`corosync -t` はサービスを読み込まないため、このファイルを受け付けます。

## 例
```corosync
quorum {
    provider: corosync_votequorum
    last_man_standing: 1
    device {
        model: net
    }
}
```

## 対処
クォーラムデバイスを使うなら `last_man_standing`、`auto_tie_breaker`、`allow_downscale` を削除してください。同様の動作はデバイスのアルゴリズム（`ffsplit`、`lms`）が担います。

## 参考
- `shared/reference/corosync-conf.md` §3.5
- corosync `exec/votequorum.c` の `votequorum_readconfig`（v3.1.7）、votequorum(5)",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) {
        return;
    }
    let m = ctx.model();
    if !m.votequorum() || m.qdevice().is_none() {
        return;
    }
    let rel = releases(ctx.target, ctx.target.from, ctx.target.to);
    for key in ["last_man_standing", "auto_tie_breaker", "allow_downscale"] {
        let Some((k, 1..)) = m.quorum_num(key) else {
            continue;
        };
        let msg = Msg::new("C305.message")
            .arg("key", key)
            .arg("releases", rel.clone())
            .arg(
                "says",
                format!("configuration error: quorum.device is not compatible with {key}"),
            );
        out.push(diag(
            &META,
            Severity::Error,
            k.key_span,
            msg,
            Msg::new("C305.help").arg("key", key),
        ));
    }
}
