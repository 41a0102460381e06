use super::{diag, value_span, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Finds a `ringX_addr` that is written like an IPv4 address but is not one, such as
    /// `999.1.1.1` or `10.0.0`.
    ///
    /// ## Why is this bad?
    /// corosync resolves every node address when it reads the nodelist. A dotted number that
    /// is not a valid IPv4 address is not a valid host name either (a top-level label cannot
    /// be all digits), so the lookup fails: corosync 3.x stops with "failed to parse node
    /// address '999.1.1.1'" (verified on 3.1.7). It is almost always a typo.
    ///
    /// ## Example
    /// ```corosync
    /// nodelist {
    ///     node {
    ///         ring0_addr: 10.0.0.256
    ///         nodeid: 1
    ///     }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Correct the address: four numbers from 0 to 255, or a host name that resolves on every
    /// node.
    ///
    /// ## References
    /// - corosync-conf.md §3.2 ("failed to parse node address '%s'"); corosync
    ///   `exec/totemconfig.c` (`totemip_parse`).
    /// - RFC 3696 §2 (a top-level domain is not all-numeric).
    pub static META = {
        code: "C213",
        name: "invalid-node-address",
        severity: Error,
        docs_ja: "## 何をするか
`999.1.1.1` や `10.0.0` のように、IPv4 アドレスの形で書かれているのに正しい IPv4 アドレスではない `ringX_addr` を検出します。

## なぜ問題か
corosync は nodelist を読むときにすべてのノードのアドレスを解決します。正しい IPv4 アドレスではない数字の並びはホスト名としても正しくない（トップレベルのラベルは数字だけにできない）ため、名前解決に失敗します。corosync 3.x は \"failed to parse node address '999.1.1.1'\" で停止します（3.1.7 で確認済み）。ほとんどの場合は入力ミスです。

## 例
```corosync
nodelist {
    node {
        ring0_addr: 10.0.0.256
        nodeid: 1
    }
}
```

## 対処
アドレスを修正してください。0〜255 の 4 つの数字か、全ノードで名前解決できるホスト名にします。

## 参考
- corosync-conf.md §3.2（\"failed to parse node address '%s'\"）、corosync `exec/totemconfig.c`（`totemip_parse`）
- RFC 3696 §2（トップレベルドメインは数字だけにできない）",
    }
}

/// Looks like a dotted-decimal IPv4 address (only digits and dots, at least one dot) but is not.
pub(crate) fn bad_dotted_quad(s: &str) -> bool {
    if s.is_empty() || !s.contains('.') || !s.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return false;
    }
    s.parse::<std::net::Ipv4Addr>().is_err()
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) || ctx.major() < 2 {
        return;
    }
    for n in ctx.model().nodes() {
        for k in n.rings().values() {
            if bad_dotted_quad(k.value) {
                out.push(diag(
                    &META,
                    Severity::Error,
                    value_span(k),
                    Msg::new("C213.message")
                        .arg("key", k.name)
                        .arg("value", k.value),
                    Msg::new("C213.help").arg("key", k.name),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn dotted_quads() {
        use super::bad_dotted_quad as b;
        assert!(b("999.1.1.1") && b("10.0.0") && b("10.0.0.256") && b("1..2.3"));
        assert!(!b("10.0.0.1") && !b("node1") && !b("fe80::1") && !b("node1.example.com"));
    }
}
