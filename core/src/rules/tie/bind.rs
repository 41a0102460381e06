use super::{Cfg, Logs, node_list, numbers, on_log};
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::i18n::Msg;

declare_rule! {
    /// ## What it does
    /// Given a corosync.conf and logs together, ties the socket errors of the logs to the
    /// addresses and ports of the config: knet's "knet_link_set_config failed: …" and "udp:
    /// Unable to bind listener socket: …" (L206), and udp/udpu's "bind token socket failed: …",
    /// "Unable to bind the socket to receive multicast packets" and "Unable to bind UDP unicast
    /// socket" (L118). The address and port come from the "Configured link number N: local
    /// addr: A, port=P" line before it (knet), and the node with that address in the nodelist
    /// is named; the reason corosync prints (`Address already in use`, `Cannot assign requested
    /// address`) decides the advice.
    ///
    /// ## Why is this bad?
    /// A node that cannot bind its cluster socket cannot exchange packets on that link: with
    /// knet the link stays down and the node stays alone (or runs on its other links); udp and
    /// udpu retry and then exit ("Unable to create sockets, exiting"). "Address already in use"
    /// means another process holds the port (a second corosync, or another program on 5405);
    /// "Cannot assign requested address" means the address is not configured on this host
    /// (udp/udpu; knet binds with IP_FREEBIND and does not report it).
    ///
    /// ## Example
    /// The nodelist gives n1 `ring0_addr: 10.213.9.1`; n1 logs `Configured link number 0: local
    /// addr: 10.213.9.1, port=5405` then `udp: Unable to bind listener socket: Address already
    /// in use`.
    ///
    /// ## Fix
    /// For "already in use", find the process holding the port (`ss -ulpn | grep 5405`) and stop
    /// it, or move the cluster to a free port (`mcastport` in `totem.interface`, on every
    /// node). For "cannot assign", give the host its cluster address (`ip -brief address`) or
    /// correct the node's `ringX_addr` (or `bindnetaddr`) in corosync.conf on every node.
    ///
    /// ## References
    /// - corosync `exec/totemknet.c` (v3.1.7): "Configured link number %d: local addr: %s,
    ///   port=%d", "knet_link_set_config failed"; libknet `transport_udp.c`: "Unable to bind
    ///   listener socket"; corosync `exec/totemudpu.c`, `exec/totemudp.c`: "bind token socket
    ///   failed".
    /// - corosync.conf(5) (v3.1.7): `ringX_addr`, `mcastport`, `bindnetaddr`.
    /// - `shared/reference/logs.md` §2.1 #187, #24 and §2.5 #72;
    ///   `shared/reference/corosync-conf.md` §2 (mcastport).
    /// - `tests/fixtures/tie/bind-knet-in-use`, `bind-udpu-in-use`: real corosync 3.1.7 with the
    ///   port held by another process.
    pub static META = {
        code: "X004",
        name: "log-bind-failed",
        severity: Error,
        docs_ja: "## 何をするか
corosync.conf とログを一緒に受け取ったとき、ログのソケットのエラーを設定ファイルのアドレスとポートと結び付けます。対象は knet の \"knet_link_set_config failed: …\" と \"udp: Unable to bind listener socket: …\"（L206）、udp/udpu の \"bind token socket failed: …\"、\"Unable to bind the socket to receive multicast packets\"、\"Unable to bind UDP unicast socket\"（L118）です。アドレスとポートはその前の \"Configured link number N: local addr: A, port=P\" の行（knet）から読み、nodelist でそのアドレスを持つノードを示します。corosync が出力する理由（`Address already in use`、`Cannot assign requested address`）に応じて対処を示します。

## なぜ問題か
クラスタ用のソケットをバインドできないノードは、そのリンクでパケットをやり取りできません。knet ではリンクがダウンしたままになり、ノードは孤立します（他のリンクがあればそちらで動きます）。udp と udpu は再試行したあと終了します（\"Unable to create sockets, exiting\"）。\"Address already in use\" は別のプロセスがポートを使っていること（2 つ目の corosync や、5405 を使う別のプログラム）、\"Cannot assign requested address\" はそのアドレスがこのホストに設定されていないことを示します（udp/udpu の場合。knet は IP_FREEBIND でバインドするため報告しません）。

## 例
nodelist では n1 が `ring0_addr: 10.213.9.1` です。n1 のログに `Configured link number 0: local addr: 10.213.9.1, port=5405` に続いて `udp: Unable to bind listener socket: Address already in use` が出ています。

## 対処
\"already in use\" の場合は、ポートを使っているプロセスを調べて（`ss -ulpn | grep 5405`）停止するか、クラスタを空いているポートに移してください（`totem.interface` の `mcastport`、全ノードで）。\"cannot assign\" の場合は、ホストにクラスタのアドレスを設定するか（`ip -brief address`）、全ノードの corosync.conf でそのノードの `ringX_addr`（または `bindnetaddr`）を直してください。

## 参考
- corosync `exec/totemknet.c`（v3.1.7）: \"Configured link number %d: local addr: %s, port=%d\"、\"knet_link_set_config failed\"、libknet `transport_udp.c`: \"Unable to bind listener socket\"、corosync `exec/totemudpu.c`、`exec/totemudp.c`: \"bind token socket failed\"
- corosync.conf(5)（v3.1.7）: `ringX_addr`、`mcastport`、`bindnetaddr`
- `shared/reference/logs.md` §2.1 #187、#24、§2.5 #72、`shared/reference/corosync-conf.md` §2（mcastport）
- `tests/fixtures/tie/bind-knet-in-use`、`bind-udpu-in-use`: 実際の corosync 3.1.7 で、ポートを別のプロセスが使っている場合",
    }
}

/// Why the bind failed, from the end of the line: `Address already in use (98)`.
fn reason(text: &str) -> &str {
    let r = text.rsplit_once(": ").map_or("", |(_, r)| r);
    r.split(" (").next().unwrap_or(r).trim()
}

pub fn check(cfg: &Cfg, logs: &Logs, out: &mut Vec<Diagnostic>) {
    let m = cfg.ctx.model();
    // The last "Configured link number N: local addr: A, port=P" per file: (file, N, A, P).
    let mut link: Option<(usize, u64, &str, u64)> = None;
    let mut seen: Vec<(usize, &str)> = Vec::new();
    for r in logs.records {
        let code = r.kb.map_or("", |e| e.code.as_str());
        let text = logs.message(r);
        if code == "L210" {
            let addr = text
                .split_once("local addr: ")
                .and_then(|(_, t)| t.split(',').next())
                .unwrap_or("");
            let mut n = numbers(text);
            let number = n.next().unwrap_or(0);
            let port = text
                .rsplit_once("port=")
                .and_then(|(_, p)| numbers(p).next())
                .unwrap_or(0);
            link = Some((r.file, number, addr, port));
            continue;
        }
        if code != "L118" && code != "L206" {
            continue;
        }
        let why = reason(text);
        if seen.contains(&(r.file, why)) || seen.len() >= 64 {
            continue;
        }
        seen.push((r.file, why));
        let known = link.filter(|l| l.0 == r.file);
        let iface_port = |number: u64| {
            m.interfaces()
                .iter()
                .find(|i| u64::from(i.number) == number)
                .and_then(|i| i.get("mcastport"))
        };
        let mut rel = Vec::new();
        let msg = match known {
            Some((_, number, addr, _)) => {
                let node = m.nodes().iter().find_map(|n| {
                    n.rings()
                        .iter()
                        .find(|(_, k)| k.value == addr)
                        .map(|(l, k)| (n, *l, *k))
                });
                let msg = match node {
                    Some((n, l, k)) => {
                        rel.push(cfg.key(&k, Msg::new("X004.related.addr")));
                        Msg::new("X004.message")
                            .arg("node", n.label())
                            .arg("link", l)
                    }
                    None => Msg::new("X004.message.elsewhere"),
                };
                if let Some(k) = iface_port(number) {
                    rel.push(cfg.key(&k, Msg::new("X004.related.port")));
                }
                msg.arg("addr", addr)
            }
            None => {
                for n in m.nodes().iter().take(16) {
                    if let Some(k) = n.get("ring0_addr") {
                        rel.push(cfg.key(&k, Msg::new("X004.related.addr")));
                    }
                }
                for i in m.interfaces() {
                    for name in ["bindnetaddr", "mcastport"] {
                        if let Some(k) = i.get(name) {
                            rel.push(cfg.key(&k, Msg::new("X004.related.port")));
                        }
                    }
                }
                Msg::new("X004.message.noaddr").arg("nodes", node_list(cfg.ctx))
            }
        };
        let help = if why.contains("already in use") {
            "X004.help.in_use"
        } else if why.contains("assign requested") {
            "X004.help.not_here"
        } else {
            "X004.help"
        };
        let port = match known {
            Some(l) => l.3.to_string(),
            None => iface_port(0).map_or("5405", |k| k.value).to_string(),
        };
        let msg = msg
            .arg("reason", why)
            .arg("file", cfg.path)
            .arg("port", &port);
        let help = Msg::new(help)
            .arg("port", port)
            .arg("addr", known.map_or("", |l| l.2));
        out.push(on_log(&META, r, msg, help, rel).explain(Msg::new("X004.explain")));
    }
}
