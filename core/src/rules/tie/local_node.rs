use super::{Cfg, Logs, msg, node_list, on_log};
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::i18n::Msg;
use crate::rules::config::model::literal_family;

declare_rule! {
    /// ## What it does
    /// Given a corosync.conf and logs together, ties "parse error in config: No valid name
    /// found for local host" (corosync 3.x; L402) and "configuration error: nodelist or
    /// quorum.expected_votes must be configured!" (votequorum, 2.x/3.x; L305) to the nodelist:
    /// it lists the nodes' names and addresses and, when the log line carries a host name,
    /// says whether that host is one of them.
    ///
    /// ## Why is this bad?
    /// corosync must find the node it runs on in the nodelist. corosync 3.x compares each
    /// node's `name` and `ring0_addr` with the host name (`uname -n`, then without its domain),
    /// then with the names and addresses of the host's interfaces, and last resolves each name
    /// and compares the addresses; with no match it stops at start-up. corosync 2.x finds the
    /// local node by address; when none matches, votequorum has no nodelist to count and, without
    /// `quorum.expected_votes`, refuses to start with a message that does not mention the
    /// nodelist at all (corosync#336). The classic cause on Debian and Ubuntu is `/etc/hosts`:
    /// the installer writes `127.0.1.1 <hostname>`, so a node name used as `ring0_addr` resolves
    /// to a loopback address that matches no cluster address (and corosync 2.x may bind to
    /// loopback, corosync#162).
    ///
    /// ## Example
    /// The nodelist names n1 (10.213.0.1) and n2 (10.213.0.2); host n3 logs `parse error in
    /// config: No valid name found for local host`.
    ///
    /// ## Fix
    /// Add this host to the nodelist, or make the `name` (or `ring0_addr`) of its node equal to
    /// `uname -n` or to one of its addresses (`ip -brief address`). On Debian and Ubuntu, map
    /// the host name to the cluster address in `/etc/hosts` instead of `127.0.1.1` (check with
    /// `getent hosts $(uname -n)`). Copy the same corosync.conf to every node.
    ///
    /// ## References
    /// - corosync `exec/totemconfig.c` (v3.1.7), `find_local_node` and `totem_config_validate`
    ///   ("No valid name found for local host").
    /// - corosync `exec/votequorum.c` (v2.4.x, v3.1.7): "nodelist or quorum.expected_votes must
    ///   be configured!".
    /// - `shared/reference/corosync-conf.md` §3.1 (3.x requires the local node in the nodelist);
    ///   `shared/reference/logs.md` §2.3 #44, §2.4 #62.
    /// - corosync/corosync#336 (Debian, `127.0.1.1 hostname` in /etc/hosts) and #162 (bound to
    ///   loopback); `shared/reference/peers.md` §5 #9.
    /// - `tests/fixtures/logs/lab/no-local-node`: real corosync 3.1.7 on n3 with a nodelist
    ///   of n1 and n2.
    pub static META = {
        code: "X003",
        name: "log-local-node-missing",
        severity: Error,
        docs_ja: "## 何をするか
corosync.conf とログを一緒に受け取ったとき、\"parse error in config: No valid name found for local host\"（corosync 3.x、L402）と \"configuration error: nodelist or quorum.expected_votes must be configured!\"（votequorum、2.x/3.x、L305）を nodelist と結び付けます。ノードの名前とアドレスを並べ、ログの行にホスト名があれば、そのホストがその中にあるかを示します。

## なぜ問題か
corosync は、自分が動いているノードを nodelist の中に見つける必要があります。corosync 3.x は各ノードの `name` と `ring0_addr` を、ホスト名（`uname -n`、次にドメインを除いたもの）、次にホストのインターフェースの名前とアドレスと比べ、最後に各名前を名前解決してアドレスを比べます。一致しなければ起動時に停止します。corosync 2.x はアドレスでローカルノードを探します。一致しない場合、votequorum は数えるべき nodelist がなく、`quorum.expected_votes` もなければ、nodelist に触れないメッセージで起動を拒否します（corosync#336）。Debian と Ubuntu でよくある原因は `/etc/hosts` です。インストーラが `127.0.1.1 <ホスト名>` を書くため、`ring0_addr` に使ったノード名がループバックアドレスに解決され、どのクラスタのアドレスとも一致しません（corosync 2.x はループバックにバインドすることもあります。corosync#162）。

## 例
nodelist には n1（10.213.0.1）と n2（10.213.0.2）があり、ホスト n3 のログに `parse error in config: No valid name found for local host` が出ています。

## 対処
このホストを nodelist に追加するか、そのノードの `name`（または `ring0_addr`）を `uname -n` かホストのアドレスのいずれか（`ip -brief address`）と同じにしてください。Debian と Ubuntu では、`/etc/hosts` でホスト名を `127.0.1.1` ではなくクラスタのアドレスに対応付けてください（`getent hosts $(uname -n)` で確認できます）。同じ corosync.conf を全ノードにコピーしてください。

## 参考
- corosync `exec/totemconfig.c`（v3.1.7）の `find_local_node` と `totem_config_validate`（\"No valid name found for local host\"）
- corosync `exec/votequorum.c`（v2.4.x、v3.1.7）: \"nodelist or quorum.expected_votes must be configured!\"
- `shared/reference/corosync-conf.md` §3.1（3.x ではローカルノードが nodelist に必要）、`shared/reference/logs.md` §2.3 #44、§2.4 #62
- corosync/corosync#336（Debian、/etc/hosts の `127.0.1.1 hostname`）、#162（ループバックへのバインド）、`shared/reference/peers.md` §5 #9
- `tests/fixtures/logs/lab/no-local-node`: 実際の corosync 3.1.7 で、nodelist が n1 と n2 だけのときの n3",
    }
}

const CODES: &[&str] = &["L402", "L305"];

/// The name without its domain.
fn short(s: &str) -> &str {
    s.split('.').next().unwrap_or(s)
}

#[inline(never)]
pub fn check(cfg: &Cfg, logs: &Logs, out: &mut Vec<Diagnostic>) {
    let m = cfg.ctx.model();
    let nodes = m.nodes();
    let mut rel = Vec::new();
    for n in nodes.iter().take(16) {
        if let Some(k) = n.get("name").or(n.get("ring0_addr")) {
            let note = msg("X003.related.node", &[("node", &n.label())]);
            rel.push(cfg.key(&k, note));
        }
    }
    if rel.is_empty() {
        let note = Msg::new("X003.related.quorum");
        rel.push(match m.quorum_key("provider") {
            Some(k) => cfg.key(&k, note),
            None => cfg.rel(m.totem_anchor(), note),
        });
    }
    let list = node_list(cfg.ctx);
    // Addresses written as host names: the /etc/hosts trap applies.
    let names = nodes.iter().any(|n| {
        n.get("ring0_addr")
            .is_some_and(|k| literal_family(k.value).is_none())
    });
    let mut seen: Vec<usize> = Vec::new();
    for (_, r) in logs.with_codes(CODES) {
        if seen.contains(&r.file()) {
            continue;
        }
        seen.push(r.file());
        let host = logs.host(r);
        let key = match host {
            _ if nodes.is_empty() => "X003.message.no_nodelist",
            None if names => "X003.message.names",
            None => "X003.message.anon",
            Some(h) => {
                let listed = nodes.iter().any(|n| {
                    n.keys.iter().any(|k| {
                        (k.name == "name" || k.name.starts_with("ring"))
                            && (k.value == h
                                || (literal_family(k.value).is_none()
                                    && short(k.value) == short(h)))
                    })
                });
                // corosync 3.x matches `uname -n` with the names: a listed host was found
                // unless it ran another file; 2.x matches addresses (name resolution).
                let v3 = r.kb.is_some_and(|e| e.code == "L402");
                if listed && v3 {
                    "X003.message.other"
                } else if listed {
                    "X003.message.listed"
                } else {
                    "X003.message"
                }
            }
        };
        let message = msg(
            key,
            &[
                ("host", host.unwrap_or("")),
                ("file", cfg.path),
                ("nodes", &list),
            ],
        );
        let help = Msg::new(if nodes.is_empty() {
            "X003.help.no_nodelist"
        } else {
            "X003.help"
        });
        out.push(on_log(&META, r, message, help, rel.clone(), "X003.explain"));
    }
}
