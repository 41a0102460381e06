use super::found;
use crate::cman::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::msg;

declare_rule! {
    /// ## What it does
    /// Finds a `config_version` that is not a positive whole number.
    ///
    /// ## Why is this bad?
    /// The version is read as an unsigned number and compared between nodes; `cman_tool version -r` only accepts a higher number. A value such as `1.2` or `v3` is read as something else than what it shows, and the nodes disagree about which file is newer.
    ///
    /// ## Example
    /// ```xml
    /// <cluster name="alpha" config_version="1.2">
    /// ```
    ///
    /// ## Fix
    /// Use a whole number greater than zero, and increase it with every change.
    ///
    /// ## References
    /// - cluster.conf(5) and cman(5) of the RHEL 6 cluster 3.x tree (github.com/beekhof/cluster, `config/man/cluster.conf.5`, `cman/man/cman.5`).
    /// - `cman/daemon/cnxman-socket.h` (`struct cl_version`: `unsigned int config`).
    pub static META = {
        code: "M105",
        name: "config-version-invalid",
        severity: Error,
        docs_ja: "## 何をするか
正の整数でない `config_version` を検出します。

## なぜ問題か
バージョンは符号なし整数として読まれ、ノード間で比較されます。`cman_tool version -r` はより大きい値しか受け付けません。`1.2` や `v3` のような値は見た目と違う値として読まれ、どちらのファイルが新しいかでノードの判断が食い違います。

## 例
```xml
<cluster name=\"alpha\" config_version=\"1.2\">
```

## 対処
0 より大きい整数にし、変更のたびに値を上げてください。

## 参考
- RHEL 6 の cluster 3.x ソースツリー（github.com/beekhof/cluster）の cluster.conf(5)（`config/man/cluster.conf.5`）と cman(5)（`cman/man/cman.5`）
- `cman/daemon/cnxman-socket.h`（`struct cl_version` の `unsigned int config`）",
    }
}

pub fn check(cx: &Cx, out: &mut Vec<Diagnostic>) {
    if let Some(v) = &cx.model.config_version {
        if v.positive().is_none() {
            out.push(found(
                &META,
                v.span,
                msg!("M105.message", value = v.value.as_str()),
            ));
        }
    }
}
