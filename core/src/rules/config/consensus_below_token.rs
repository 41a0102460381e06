use super::{diag, value_span, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Edit, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Finds an explicit `consensus` smaller than 1.2 × the token timeout corosync uses
    /// (including the `token_coefficient` addition for more than two nodes).
    ///
    /// ## Why is this bad?
    /// corosync.conf(5) says consensus must be at least 1.2 × token, but the code only enforces
    /// consensus ≥ join and ≥ 30 ms, so a smaller value is accepted silently. With consensus
    /// shorter than the token timeout, a new membership can be formed before a lost token is
    /// declared lost, which causes needless membership changes; the 1.x/2.x man pages call it
    /// safe only for two-node clusters. The default (1.2 × token) is right in almost all cases.
    ///
    /// ## Example
    /// ```corosync
    /// totem {
    ///     version: 2
    ///     token: 10000
    ///     consensus: 6000
    /// }
    /// ```
    ///
    /// ## Fix
    /// Remove `consensus` so corosync computes 1.2 × token, or raise it to at least that.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §3.3 ("Numeric rules for a validator"), Appendix B.
    /// - corosync.conf(5) (`consensus`), corosync `exec/totemconfig.c` (v3.1.7).
    pub static META = {
        code: "C104",
        name: "consensus-below-token",
        severity: Warning,
        docs_ja: "## 何をするか
明示的に書かれた `consensus` が、corosync が使う token タイムアウト（3 ノード以上なら `token_coefficient` の加算を含む）の 1.2 倍より小さいものを検出します。

## なぜ問題か
corosync.conf(5) は consensus を token の 1.2 倍以上にするよう求めていますが、コードが強制するのは consensus ≥ join と 30 ms 以上だけなので、小さい値も黙って受け付けられます。consensus が token より短いと、失われたトークンを失われたと判断する前に新しいメンバーシップが作られ、不要なメンバーシップ変更の原因になります。1.x/2.x の man ページは、これが安全なのは 2 ノードクラスタだけだとしています。ほとんどの場合は既定値（token の 1.2 倍）が適切です。

## 例
```corosync
totem {
    version: 2
    token: 10000
    consensus: 6000
}
```

## 対処
`consensus` を削除して corosync に token の 1.2 倍を計算させるか、その値以上にしてください。

## 参考
- `shared/reference/corosync-conf.md` §3.3（「Numeric rules for a validator」）、付録 B
- corosync.conf(5)（`consensus`）、corosync `exec/totemconfig.c`（v3.1.7）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) {
        return;
    }
    let m = ctx.model();
    let Some(k) = m.totem_key("consensus") else {
        return;
    };
    let newest = m.timers(ctx.target.to);
    if !newest.consensus_explicit || newest.consensus < newest.join {
        return;
    }
    let wanted = ((1.2 * f64::from(newest.token)) as f32) as i64;
    if i64::from(newest.consensus) >= wanted {
        return;
    }
    let msg = Msg::new("C104.message")
        .arg("consensus", newest.consensus)
        .arg("token", newest.token_formula())
        .arg("wanted", wanted)
        .arg("version", ctx.target);
    let d = diag(
        &META,
        Severity::Warning,
        value_span(&k),
        msg,
        Msg::new("C104.help").arg("wanted", wanted),
    );
    // The value corosync computes when `consensus` is absent (corosync-conf.md §2.1, §3.3).
    let fix = Msg::new("fix.value")
        .arg("from", newest.consensus)
        .arg("to", wanted);
    out.push(d.with_fix(fix, vec![Edit::replace(value_span(&k), wanted.to_string())]));
}
