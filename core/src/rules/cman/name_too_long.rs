use super::found;
use crate::cman::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::msg;

/// The longest name cman accepts: `MAX_CLUSTER_NAME_LEN` (16) minus the terminating NUL.
const MAX: usize = 15;

declare_rule! {
    /// ## What it does
    /// Finds a cluster name longer than 15 bytes.
    ///
    /// ## Why is this bad?
    /// cman keeps the cluster name in a 16-byte buffer (`MAX_CLUSTER_NAME_LEN` 16 in `cnxman-socket.h`); cluster.conf(5): "The name of the cluster can be up to 15 characters long (16 including terminating null)". A longer name stops cman at startup with "Cannot start, cluster name is too long or other CCS error".
    ///
    /// ## Example
    /// ```xml
    /// <cluster name="production-database-cluster" config_version="1">
    /// ```
    ///
    /// ## Fix
    /// Use a name of at most 15 characters. Every node must use the same name.
    ///
    /// ## References
    /// - cluster.conf(5) and cman(5) of the RHEL 6 cluster 3.x tree (github.com/beekhof/cluster, `config/man/cluster.conf.5`, `cman/man/cman.5`).
    /// - `cman/daemon/cnxman-socket.h` (`MAX_CLUSTER_NAME_LEN`), `cman/daemon/commands.c`, `cman/daemon/cmanconfig.c`.
    pub static META = {
        code: "M103",
        name: "cluster-name-too-long",
        severity: Error,
        docs_ja: "## 何をするか
15 バイトより長いクラスタ名を検出します。

## なぜ問題か
cman はクラスタ名を 16 バイトのバッファに格納します（`cnxman-socket.h` の `MAX_CLUSTER_NAME_LEN` が 16）。cluster.conf(5) には「The name of the cluster can be up to 15 characters long (16 including terminating null)」とあります。これより長いと、cman は起動時に「Cannot start, cluster name is too long or other CCS error」で停止します。

## 例
```xml
<cluster name=\"production-database-cluster\" config_version=\"1\">
```

## 対処
15 文字以内の名前にしてください。すべてのノードで同じ名前を使います。

## 参考
- RHEL 6 の cluster 3.x ソースツリー（github.com/beekhof/cluster）の cluster.conf(5)（`config/man/cluster.conf.5`）と cman(5)（`cman/man/cman.5`）
- `cman/daemon/cnxman-socket.h`（`MAX_CLUSTER_NAME_LEN`）、`cman/daemon/commands.c`、`cman/daemon/cmanconfig.c`",
    }
}

pub fn check(cx: &Cx, out: &mut Vec<Diagnostic>) {
    if let Some(n) = &cx.model.name {
        let len = n.value.len();
        if len > MAX {
            out.push(found(
                &META,
                n.span,
                msg!(
                    "M103.message",
                    name = n.value.as_str(),
                    len = len,
                    max = MAX
                ),
            ));
        }
    }
}
