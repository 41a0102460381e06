use super::invalid_node_address::bad_dotted_quad;
use super::model::{Transport, literal_family};
use super::{diag, value_span, whole_file};
use crate::conf::KeyRef;
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Finds an address that is neither an IP address nor a possible host name: an empty
    /// `ringX_addr`, or one such as `-1`, `99999999999` or `node_1!`; with the udp transport
    /// (or in 1.x/2.x) the same for `bindnetaddr` and `mcastaddr`. Dotted numbers that are not
    /// IPv4 addresses are C213, quoted values C609, `#` after a value C610.
    ///
    /// ## Why is this bad?
    /// corosync resolves every address when it reads the config. A value that cannot be an
    /// address or a host name never resolves, so corosync stops, for example with "failed to
    /// parse node address '-1'", "failed to parse mcast address ''" or, with udpu, "An IPV6
    /// network requires that a node ID be specified for address '-1'." (verified with
    /// corosync 3.1.7 `-t`). A well-formed host name is not reported: whether it resolves
    /// depends on the machine.
    ///
    /// ## Example
    /// ```corosync
    /// nodelist {
    ///     node {
    ///         nodeid: 1
    ///         ring0_addr:
    ///     }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Write the node's IP address or host name.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §3.2 ("failed to parse node address", "failed to
    ///   parse bindnet address", "failed to parse mcast address").
    /// - corosync `exec/totemconfig.c`, `exec/totemip.c` (v3.1.7); RFC 1123 §2.1 (host names).
    pub static META = {
        code: "C216",
        name: "malformed-address",
        severity: Error,
        docs_ja: "## 何をするか
IP アドレスでもホスト名でもあり得ないアドレスを検出します。空の `ringX_addr` や、`-1`、`99999999999`、`node_1!` のような値です。udp トランスポート（または 1.x/2.x）では `bindnetaddr` と `mcastaddr` も対象です。IPv4 アドレスではない数字とドットの並びは C213、引用符付きの値は C609、値の後ろの `#` は C610 が扱います。

## なぜ問題か
corosync は設定を読む時点ですべてのアドレスを解決します。アドレスにもホスト名にもなり得ない値は解決できないため、corosync は \"failed to parse node address '-1'\"、\"failed to parse mcast address ''\"、udpu では \"An IPV6 network requires that a node ID be specified for address '-1'.\" などで停止します（corosync 3.1.7 の `-t` で確認済み）。形式の正しいホスト名は報告しません。解決できるかどうかはマシンによるためです。

## 例
```corosync
nodelist {
    node {
        nodeid: 1
        ring0_addr:
    }
}
```

## 対処
ノードの IP アドレスかホスト名を書いてください。

## 参考
- `shared/reference/corosync-conf.md` §3.2（\"failed to parse node address\"、\"failed to parse bindnet address\"、\"failed to parse mcast address\"）
- corosync `exec/totemconfig.c`、`exec/totemip.c`（v3.1.7）、RFC 1123 §2.1（ホスト名）",
    }
}

/// Could `s` be a host name (RFC 1123 labels; `_` tolerated as resolvers do)?
fn host_name(s: &str) -> bool {
    let s = s.strip_suffix('.').unwrap_or(s);
    if s.is_empty() || s.len() > 253 || s.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return false;
    }
    s.split('.').all(|l| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    })
}

fn malformed(v: &str) -> bool {
    literal_family(v).is_none() && !bad_dotted_quad(v) && !host_name(v)
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) {
        return;
    }
    let m = ctx.model();
    let mut keys: Vec<KeyRef> = Vec::new();
    if ctx.major() >= 2 {
        for n in m.nodes() {
            keys.extend(n.rings().values().copied());
        }
    }
    if ctx.major() < 3 || m.transport() == Transport::Udp {
        for i in m.interfaces() {
            keys.extend(i.get("bindnetaddr"));
            keys.extend(i.get("mcastaddr"));
        }
    }
    for k in keys {
        // Quotes and `#` after the value have rules of their own (C609, C610).
        if !malformed(k.value) || k.value.contains(['"', '\'', '#']) {
            continue;
        }
        out.push(diag(
            &META,
            Severity::Error,
            value_span(&k),
            Msg::new("C216.message")
                .arg("key", k.name)
                .arg("value", k.value),
            Msg::new("C216.help").arg("key", k.name),
        ));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn shapes() {
        use super::malformed as m;
        assert!(m("") && m("-1") && m("99999999999") && m("node 1") && m("a..b") && m("x!"));
        assert!(!m("10.0.0.1") && !m("fe80::1%eth0") && !m("node1") && !m("n-1.example.com."));
        assert!(!m("127.0.0.1x") && !m("999.1.1.1"));
    }
}
