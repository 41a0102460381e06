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
    /// Finds an address that is neither an IP address nor a possible host name (empty, `-1`,
    /// `99999999999`): node addresses, and with udp (or 1.x/2.x) `bindnetaddr` and `mcastaddr`.
    ///
    /// ## Why is this bad?
    /// corosync cannot resolve it and stops, e.g. "failed to parse node address '-1'" (verified on
    /// 3.1.7). Well-formed host names are not reported: whether they resolve depends on the machine.
    ///
    /// ## Example
    /// ```corosync
    /// nodelist {
    ///     node { nodeid: 1  ring0_addr: -1 }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Write an IP address or host name.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §3.2; RFC 1123 §2.1.
    pub static META = {
        code: "C216",
        name: "malformed-address",
        severity: Error,
        docs_ja: "## 何をするか
IP アドレスでもホスト名でもあり得ないアドレス（空、`-1`、`99999999999`）を検出します。ノードのアドレスと、udp（または 1.x/2.x）の `bindnetaddr`、`mcastaddr` が対象です。

## なぜ問題か
corosync は解決できずに停止します（例: \"failed to parse node address '-1'\"、3.1.7 で確認済み）。形式の正しいホスト名は報告しません。解決できるかはマシンによるためです。

## 例
```corosync
nodelist {
    node { nodeid: 1  ring0_addr: -1 }
}
```

## 対処
IP アドレスかホスト名を書いてください。

## 参考
- `shared/reference/corosync-conf.md` §3.2、RFC 1123 §2.1",
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
