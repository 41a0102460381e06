use super::{diag, value_span, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// In corosync 2.x/3.x, finds a `totem.cluster_name` that is longer than 32 characters or
    /// has characters other than `a-z A-Z 0-9 _ -`. This is pcs's policy, not corosync's:
    /// corosync itself takes any name that fits its line.
    ///
    /// ## Why is this bad?
    /// DLM and GFS2 use the corosync cluster name: a GFS2 file system's lock table is
    /// `<cluster_name>:<fs name>`, and with such a name the volumes cannot be mounted in the
    /// cluster. pcs refuses the name at `pcs cluster setup` and `pcs cluster rename` unless
    /// forced (`COROSYNC_CLUSTER_NAME_INVALID_FOR_GFS2`: "will prevent mounting GFS2 volumes in
    /// the cluster, use at most 32 of a-z A-Z 0-9 _- characters"). pcs's other limit, 1 to 256
    /// characters, is covered: a longer name is also over 32.
    ///
    /// ## Example
    /// ```corosync
    /// totem {
    ///     cluster_name: prod.cluster
    /// }
    /// ```
    ///
    /// ## Fix
    /// Use at most 32 letters, digits, `_` and `-` (`prod_cluster`), or ignore this if the
    /// cluster will never use GFS2. `pcs cluster rename` needs the cluster stopped.
    ///
    /// ## References
    /// - pcs `pcs/lib/corosync/config_validators.py` (`create`, `rename_cluster`) and
    ///   `pcs/lib/reports/messages.py` (`CorosyncClusterNameInvalidForGfs2`).
    /// - `shared/reference/peers.md` §1.2 (pcs 1, 2).
    pub static META = {
        code: "C614",
        name: "cluster-name-not-gfs2",
        severity: Warning,
        docs_ja: "## 何をするか
corosync 2.x/3.x で、32 文字を超える、または `a-z A-Z 0-9 _ -` 以外の文字を含む `totem.cluster_name` を検出します。これは pcs の方針で、corosync の制限ではありません。corosync 自体は行に収まる名前なら何でも受け付けます。

## なぜ問題か
DLM と GFS2 は corosync のクラスタ名を使います。GFS2 ファイルシステムのロックテーブルは `<cluster_name>:<ファイルシステム名>` で、このような名前ではクラスタ内でボリュームをマウントできません。pcs は `pcs cluster setup` と `pcs cluster rename` でこの名前を拒否します（強制しない限り。`COROSYNC_CLUSTER_NAME_INVALID_FOR_GFS2`: \"will prevent mounting GFS2 volumes in the cluster, use at most 32 of a-z A-Z 0-9 _- characters\"）。pcs のもう 1 つの制限（1〜256 文字）もこれで扱います。それより長い名前は 32 文字も超えるためです。

## 例
```corosync
totem {
    cluster_name: prod.cluster
}
```

## 対処
英数字、`_`、`-` の 32 文字以内にする（`prod_cluster`）か、GFS2 を使わないクラスタならこの警告は無視してください。`pcs cluster rename` はクラスタの停止が必要です。

## 参考
- pcs の `pcs/lib/corosync/config_validators.py`（`create`、`rename_cluster`）と `pcs/lib/reports/messages.py`（`CorosyncClusterNameInvalidForGfs2`）
- `shared/reference/peers.md` §1.2（pcs の 1、2）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) || ctx.major() < 2 {
        return;
    }
    let Some(k) = ctx.model().totem_key("cluster_name") else {
        return;
    };
    // Quotes and a trailing `# comment` are C609/C610; judge the name that was meant.
    let name = k.value.split(" #").next().unwrap_or("").trim_end();
    let name = name
        .strip_prefix('"')
        .and_then(|n| n.strip_suffix('"'))
        .unwrap_or(name);
    let chars = name.chars().count();
    let bad = name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '_' || *c == '-'));
    let (id, arg) = match bad {
        _ if chars > 32 => ("C614.message-long", chars.to_string()),
        Some(c) => ("C614.message", c.to_string()),
        None => return,
    };
    out.push(diag(
        &META,
        Severity::Warning,
        value_span(&k),
        Msg::new(id).arg("name", name).arg("what", arg),
        Msg::new("C614.help"),
    ));
}
