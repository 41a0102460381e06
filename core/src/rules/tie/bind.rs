use super::{Cfg, Logs, msg, node_list, on_log};
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
    let r = text.rsplit_once(':').map_or("", |(_, r)| r);
    r.split('(').next().unwrap_or(r).trim()
}

/// "Configured link number N: local addr: A, port=P" as (N, A, P); A may be IPv6.
fn link_line(text: &str) -> (&str, &str, &str) {
    let (head, rest) = text.split_once(':').unwrap_or((text, ""));
    let number = head.rsplit(' ').next().unwrap_or("");
    let rest = rest.split_once(':').map_or("", |(_, r)| r.trim_start());
    let (addr, port) = rest.rsplit_once('=').unwrap_or((rest, ""));
    let addr = addr.rsplit_once(',').map_or(addr, |(a, _)| a);
    (number, addr, port.trim())
}

#[inline(never)]
pub fn check(cfg: &Cfg, logs: &Logs, out: &mut Vec<Diagnostic>) {
    let m = cfg.ctx.model();
    // The last "Configured link number N: local addr: A, port=P" of a file: (file, N, A, P).
    let mut link: Option<(usize, &str, &str, &str)> = None;
    let mut seen: Vec<(usize, &str)> = Vec::new();
    for r in logs.records {
        let code = r.kb.map_or("", |e| e.code.as_str());
        let text = logs.message(r);
        if code == "L210" {
            let (n, a, p) = link_line(text);
            link = Some((r.file(), n, a, p));
            continue;
        }
        if code != "L118" && code != "L206" {
            continue;
        }
        let why = reason(text);
        if seen.contains(&(r.file(), why)) || seen.len() >= 64 {
            continue;
        }
        seen.push((r.file(), why));
        let (number, addr, port) = match link.filter(|l| l.0 == r.file()) {
            Some((_, n, a, p)) => (n, a, p),
            None => ("0", "", ""),
        };
        let iface = m
            .interfaces()
            .iter()
            .find(|i| i.number.to_string() == number);
        let mcastport = iface.and_then(|i| i.get("mcastport"));
        let port = match (port, mcastport) {
            ("", Some(k)) => k.value,
            ("", None) => "5405",
            (p, _) => p,
        };
        let mut rel = Vec::new();
        let (mut key, mut node, mut ring) =
            ("X004.message.elsewhere", String::new(), String::new());
        if addr.is_empty() {
            key = "X004.message.noaddr";
            for n in m.nodes().iter().take(16) {
                if let Some(k) = n.get("ring0_addr") {
                    rel.push(cfg.key(&k, Msg::new("X004.related.addr")));
                }
            }
            if let Some(k) = iface.and_then(|i| i.get("bindnetaddr")) {
                rel.push(cfg.key(&k, Msg::new("X004.related.port")));
            }
        } else {
            for n in m.nodes() {
                if let Some((l, k)) = n.rings().iter().find(|(_, k)| k.value == addr) {
                    rel.push(cfg.key(k, Msg::new("X004.related.addr")));
                    (key, node, ring) = ("X004.message", n.label(), l.to_string());
                    break;
                }
            }
        }
        if let Some(k) = mcastport {
            rel.push(cfg.key(&k, Msg::new("X004.related.port")));
        }
        let help = if why.ends_with("in use") {
            "X004.help.in_use"
        } else if why.starts_with("Cannot assign") {
            "X004.help.not_here"
        } else {
            "X004.help"
        };
        let message = msg(
            key,
            &[
                ("addr", addr),
                ("port", port),
                ("reason", why),
                ("node", &node),
                ("link", &ring),
                ("nodes", &node_list(cfg.ctx)),
                ("file", cfg.path),
            ],
        );
        let help = msg(help, &[("port", port), ("addr", addr)]);
        out.push(on_log(&META, r, message, help, rel, "X004.explain"));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_the_link_line_and_the_reason() {
        let l = "Configured link number 0: local addr: 10.213.9.1, port=5405";
        assert_eq!(super::link_line(l), ("0", "10.213.9.1", "5405"));
        let l = "Configured link number 1: local addr: fd00::1, port=5406";
        assert_eq!(super::link_line(l), ("1", "fd00::1", "5406"));
        let r = "knet_link_set_config failed: Address already in use (98)";
        assert_eq!(super::reason(r), "Address already in use");
        assert_eq!(
            super::reason("udp: Unable to bind listener socket: Address already in use"),
            "Address already in use"
        );
    }
}
