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
    /// cluster.conf(5): "The name of the cluster can be up to 15 characters long (16 including terminating null)"; libcman and `cman_tool` size it the same way (`MAX_CLUSTER_NAME_LEN` 16 in `cnxman-socket.h`, "Cluster name must be < 16 characters long"). The cman daemon refuses a name over 16 bytes at startup with "Cannot start, cluster name is too long or other CCS error"; a 16-byte name is already past the documented limit.
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
    /// - `cman/daemon/cnxman-socket.h` (`MAX_CLUSTER_NAME_LEN`), `cman/daemon/commands.c` (the length check), `cman/daemon/cmanconfig.c` (the startup message), `cman/cman_tool/main.c`.
    pub static META = {
        code: "M103",
        name: "cluster-name-too-long",
        severity: Error,
        docs_ja: "## 何をするか
15 バイトより長いクラスタ名を検出します。

## なぜ問題か
cluster.conf(5) には「The name of the cluster can be up to 15 characters long (16 including terminating null)」とあります。libcman と `cman_tool` も同じ大きさを前提にしています（`cnxman-socket.h` の `MAX_CLUSTER_NAME_LEN` が 16、「Cluster name must be < 16 characters long」）。cman デーモンは 16 バイトを超える名前を起動時に「Cannot start, cluster name is too long or other CCS error」で拒否します。16 バイトの名前も、文書化された上限をすでに超えています。

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
