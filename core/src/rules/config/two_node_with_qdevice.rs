use super::{diag, releases, value_span, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// With votequorum (2.x/3.x), finds `two_node: 1` together with a quorum device
    /// (`quorum.device.model`).
    ///
    /// ## Why is this bad?
    /// Both solve the same problem in incompatible ways (two_node lets either node keep quorum
    /// alone; the device gives the tie-breaking vote). The quorum service refuses the
    /// combination and corosync exits: "configuration error: two_node and quorum device cannot
    /// be configured at the same time!". `corosync -t` does not load services and accepts the
    /// file (verified on 3.1.7).
    ///
    /// ## Example
    /// ```corosync
    /// quorum {
    ///     provider: corosync_votequorum
    ///     two_node: 1
    ///     device {
    ///         model: net
    ///         net {
    ///             host: qnetd.example.com
    ///         }
    ///     }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Remove `two_node` when you use a quorum device (`pcs quorum device add` does this).
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §3.5, Appendix A (`two_node_qdevice`).
    /// - corosync `exec/votequorum.c` `votequorum_readconfig` (v3.1.7); votequorum(5).
    pub static META = {
        code: "C302",
        name: "two-node-with-qdevice",
        severity: Error,
        docs_ja: "## 何をするか
votequorum（2.x/3.x）で、`two_node: 1` とクォーラムデバイス（`quorum.device.model`）の併用を検出します。

## なぜ問題か
どちらも同じ問題を互いに相容れない方法で解決します（two_node はどちらのノードも単独でクォーラムを保てるようにし、デバイスはタイブレークの票を与えます）。クォーラムサービスはこの組み合わせを拒否し、corosync は \"configuration error: two_node and quorum device cannot be configured at the same time!\" で終了します。`corosync -t` はサービスを読み込まないため、このファイルを受け付けます（3.1.7 で確認済み）。

## 例
```corosync
quorum {
    provider: corosync_votequorum
    two_node: 1
    device {
        model: net
        net {
            host: qnetd.example.com
        }
    }
}
```

## 対処
クォーラムデバイスを使うなら `two_node` を削除してください（`pcs quorum device add` はそうします）。

## 参考
- `shared/reference/corosync-conf.md` §3.5、付録 A（`two_node_qdevice`）
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
    let Some((k, v)) = m.quorum_num("two_node") else {
        return;
    };
    if v == 0 {
        return;
    }
    let msg = Msg::new("C302.message")
        .arg("releases", releases(ctx.target, ctx.target.from, ctx.target.to))
        .arg("says", "configuration error: two_node and quorum device cannot be configured at the same time!");
    out.push(diag(
        &META,
        Severity::Error,
        value_span(&k),
        msg,
        Msg::new("C302.help"),
    ));
}
