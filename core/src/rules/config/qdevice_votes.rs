use super::{diag, releases, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// With votequorum and a quorum device, checks the device votes as votequorum does at start-up:
    /// `quorum.device.votes` is required with `expected_votes` or when not every node has one vote,
    /// and `expected_votes` must exceed it by at least 2.
    ///
    /// ## Why is this bad?
    /// Otherwise the quorum service refuses the config and corosync exits ("configuration error:
    /// quorum.device.votes must be specified when quorum.expected_votes is set", verified on 3.1.7).
    /// `corosync -t` does not load services and accepts it.
    ///
    /// ## Example
    /// ```corosync
    /// quorum {
    ///     provider: corosync_votequorum
    ///     expected_votes: 3
    ///     device { model: net }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Set `votes` in `quorum.device` (1 for ffsplit), or remove `expected_votes` and `quorum_votes`.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §3.5.
    /// - corosync `exec/votequorum.c` (v3.1.7).
    pub static META = {
        code: "C307",
        name: "qdevice-votes-required",
        severity: Error,
        docs_ja: "## 何をするか
votequorum とクォーラムデバイスの構成で、votequorum が起動時に行うとおりにデバイスの票を確認します。`expected_votes` がある場合や 1 票でないノードがある場合は `quorum.device.votes` が必要で、`expected_votes` はそれより 2 以上大きくなければなりません。

## なぜ問題か
そうでないとクォーラムサービスが設定を拒否し、corosync は終了します（\"configuration error: quorum.device.votes must be specified when quorum.expected_votes is set\"、3.1.7 で確認済み）。`corosync -t` はサービスを読み込まないため受け付けます。

## 例
```corosync
quorum {
    provider: corosync_votequorum
    expected_votes: 3
    device { model: net }
}
```

## 対処
`quorum.device` に `votes` を設定するか（ffsplit では 1）、`expected_votes` と `quorum_votes` を削除してください。

## 参考
- `shared/reference/corosync-conf.md` §3.5
- corosync `exec/votequorum.c`（v3.1.7）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) {
        return;
    }
    let m = ctx.model();
    if !m.votequorum() {
        return;
    }
    let Some(model) = m.qdevice() else { return };
    let rel = releases(ctx.target, ctx.target.from, ctx.target.to);
    let expected = m.quorum_num("expected_votes").filter(|(_, v)| *v != 0);
    let votes = m.device_key(None, "votes");
    let says = |s: &str| format!("configuration error: quorum.device.votes {s}");
    let mut push = |span, key: &str, says: String| {
        let sfx = if key.is_empty() {
            String::new()
        } else {
            format!(".{key}")
        };
        let msg = Msg::new(format!("C307.message{sfx}"))
            .arg("releases", rel.clone())
            .arg("says", says);
        out.push(diag(
            &META,
            Severity::Error,
            span,
            msg,
            Msg::new(format!("C307.help{sfx}")),
        ));
    };
    match votes {
        None => {
            if let Some((k, _)) = expected {
                push(
                    k.key_span,
                    "",
                    says("must be specified when quorum.expected_votes is set"),
                );
            } else if m.has_nodelist() && m.node_votes() != m.nodes().len() as u64 {
                push(
                    model.key_span,
                    "uneven",
                    says("must be specified when not all nodes votes 1"),
                );
            }
        }
        Some(k) => {
            let v = match super::model::read_u32_value(ctx.major(), k.value) {
                super::model::Read::Value(v) => v,
                _ => return,
            };
            if let Some((_, ev)) = expected
                && v > 0
                && i64::from(ev) - i64::from(v) < 2
            {
                push(
                    k.key_span,
                    "high",
                    says("is too high or expected_votes is too low"),
                );
            }
        }
    }
}
