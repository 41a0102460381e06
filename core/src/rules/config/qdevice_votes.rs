use super::{diag, releases, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// With votequorum and a quorum device (2.x/3.x), checks the device's votes the way
    /// votequorum does when its service starts: `quorum.device.votes` is required when
    /// `quorum.expected_votes` is set or when not every node has exactly one vote, and
    /// `expected_votes` minus the device's votes must be at least 2.
    ///
    /// ## Why is this bad?
    /// Without `device.votes` votequorum can only compute the device's votes (nodes − 1) from
    /// a nodelist in which every node votes once. Otherwise, and when the device would hold
    /// nearly all votes, the quorum service refuses the configuration and corosync exits
    /// ("configuration error: quorum.device.votes must be specified when
    /// quorum.expected_votes is set", verified on 3.1.7). `corosync -t` does not load
    /// services and accepts the file.
    ///
    /// ## Example
    /// ```corosync
    /// quorum {
    ///     provider: corosync_votequorum
    ///     expected_votes: 3
    ///     device {
    ///         model: net
    ///     }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Set `votes` in `quorum.device` (for the `ffsplit` algorithm: 1), or remove
    /// `expected_votes` and the per-node `quorum_votes` so that votequorum computes it; keep
    /// `expected_votes` at least 2 above the device's votes.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §3.5 (votequorum, not run by `-t`).
    /// - corosync `exec/votequorum.c` `votequorum_readconfig` (v3.1.7); votequorum(5).
    pub static META = {
        code: "C307",
        name: "qdevice-votes-required",
        severity: Error,
        docs_ja: "## 何をするか
votequorum とクォーラムデバイスを使う構成（2.x/3.x）で、votequorum がサービス起動時に行うのと同じようにデバイスの投票数を確認します。`quorum.expected_votes` を設定している場合や、各ノードの投票数がちょうど 1 でない場合は `quorum.device.votes` が必要で、`expected_votes` からデバイスの投票数を引いた値は 2 以上でなければなりません。

## なぜ問題か
`device.votes` がない場合、votequorum がデバイスの投票数（ノード数 − 1）を計算できるのは、全ノードが 1 票ずつ持つノードリストがあるときだけです。それ以外の場合や、デバイスがほぼすべての票を持つ場合、クォーラムサービスは設定を拒否し、corosync は終了します（\"configuration error: quorum.device.votes must be specified when quorum.expected_votes is set\"、3.1.7 で確認済み）。`corosync -t` はサービスを読み込まないため、このファイルを受け付けます。

## 例
```corosync
quorum {
    provider: corosync_votequorum
    expected_votes: 3
    device {
        model: net
    }
}
```

## 対処
`quorum.device` に `votes` を設定するか（`ffsplit` アルゴリズムでは 1）、`expected_votes` とノードごとの `quorum_votes` を削除して votequorum に計算させてください。`expected_votes` はデバイスの投票数より 2 以上大きくしてください。

## 参考
- `shared/reference/corosync-conf.md` §3.5（votequorum。`-t` では実行されません）
- corosync `exec/votequorum.c` の `votequorum_readconfig`（v3.1.7）、votequorum(5)",
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
