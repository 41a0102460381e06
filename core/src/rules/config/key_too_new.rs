use super::{SecClass, State, checked_places, diag, place_keys, section_state, walk_sections};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Finds keys and sections that only later corosync releases understand, for the targeted
    /// version: for example `knet_mtu` (3.1.7+), `ip_dscp` (3.1.10+), `link_mode` or
    /// `crypto_model` (3.x) in a 2.x config, `cluster_name` or `nodelist` in a 1.x config,
    /// `block_unlisted_ips` before 2.4.5, `nozzle` before 3.0.2.
    ///
    /// ## Why is this bad?
    /// An older corosync treats these as unknown: it stores them and ignores them without a
    /// message. The config looks right but the feature is not there. This usually means the
    /// config was written for a newer corosync than the one installed, or the target version
    /// given to corocheck is wrong.
    ///
    /// ## Example
    /// ```corosync
    /// # corosync 2.4
    /// totem {
    ///     link_mode: passive
    /// }
    /// ```
    ///
    /// ## Fix
    /// Upgrade corosync to the release the finding names, or use the setting of your version
    /// (for 2.x: `rrp_mode` instead of `link_mode`).
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §2 (the versions columns), §2.8.
    pub static META = {
        code: "C606",
        name: "key-too-new",
        severity: Warning,
        docs_ja: "## 何をするか
対象のバージョンより後の corosync リリースだけが解釈するキーとセクションを検出します。たとえば `knet_mtu`（3.1.7 以降）、`ip_dscp`（3.1.10 以降）、2.x の設定にある `link_mode` や `crypto_model`（3.x）、1.x の設定にある `cluster_name` や `nodelist`、2.4.5 より前の `block_unlisted_ips`、3.0.2 より前の `nozzle` です。

## なぜ問題か
古い corosync はこれらを不明な設定として保存するだけで、メッセージを出さずに無視します。設定が正しく見えても、その機能は使われません。多くの場合、インストールされている corosync より新しい版向けに書かれた設定か、corocheck に指定した対象バージョンが誤っています。

## 例
```corosync
# corosync 2.4
totem {
    link_mode: passive
}
```

## 対処
検査結果が示すリリースに corosync をアップグレードするか、お使いのバージョンの設定を使ってください（2.x では `link_mode` ではなく `rrp_mode`）。

## 参考
- `shared/reference/corosync-conf.md` §2（バージョンごとの列）、§2.8",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let t = ctx.target;
    for place in checked_places(ctx) {
        for k in place_keys(ctx, &place) {
            if let State::TooNew(since) = super::state_at(ctx, &place, &k) {
                let m = Msg::new("C606.message")
                    .arg("key", k.name)
                    .arg("since", since)
                    .arg("version", t);
                let h = Msg::new("C606.help").arg("key", k.name).arg("since", since);
                out.push(diag(&META, Severity::Warning, k.key_span, m, h));
            }
        }
    }
    walk_sections(ctx, |s, path, class| {
        if class != SecClass::NotRead {
            return;
        }
        if let State::TooNew(since) = section_state(t, path) {
            let m = Msg::new("C606.message.section")
                .arg("section", s.name)
                .arg("since", since)
                .arg("version", t);
            let h = Msg::new("C606.help.section")
                .arg("section", s.name)
                .arg("since", since);
            out.push(diag(&META, Severity::Warning, s.name_span, m, h));
        }
    });
}
