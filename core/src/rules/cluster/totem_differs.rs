use super::{Doc, Setting, compare_settings};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};

declare_rule! {
    /// ## What it does
    /// Given the corosync.conf of two or more nodes of one cluster, compares every `totem`
    /// setting and every `totem.interface` setting (per ring or link number) with the first
    /// file: cluster_name, transport, crypto_cipher, crypto_hash, secauth, ip_version, the
    /// timers (token, consensus, join, ...), link_mode, the knet options and the multicast
    /// address and port. `totem.nodeid` and `bindnetaddr` may differ per node and are skipped.
    ///
    /// ## Why is this bad?
    /// Every node reads its own copy of corosync.conf, and the copies are meant to be the same
    /// (pcs and crmsh write one file and copy it to all nodes). Different
    /// transport, crypto or multicast settings mean the nodes cannot read each other's packets:
    /// the logs then show "Received message has invalid digest" or knet decryption errors and
    /// the nodes form separate memberships (error). Different timers make nodes declare token
    /// loss at different times, and whoever edits one file forgets the others (warning).
    ///
    /// ## Example
    /// node1.conf has `token: 5000`, node2.conf has `token: 3000`.
    ///
    /// ## Fix
    /// Make the files identical: edit one, copy it to every node (`pcs cluster sync`,
    /// `crm cluster copy /etc/corosync/corosync.conf`), then reload (`corosync-cfgtool -R`) or
    /// restart corosync where the setting cannot be reloaded.
    ///
    /// ## References
    /// - corosync.conf(5) (v3.1.7); `shared/reference/corosync-conf.md` §2.1, §2.2.
    /// - `shared/reference/peers.md` §6.1: Trento check BA215C "corosync.conf files are identical".
    /// - `shared/reference/logs.md` (crypto mismatch lines L501–L508).
    pub static META = {
        code: "C801",
        name: "cluster-totem-differs",
        severity: Error,
        docs_ja: "## 何をするか
同じクラスタの 2 台以上のノードの corosync.conf を受け取ったとき、`totem` のすべての設定と `totem.interface` の設定（リング番号またはリンク番号ごと）を最初のファイルと比べます。対象は cluster_name、transport、crypto_cipher、crypto_hash、secauth、ip_version、タイマー（token、consensus、join など）、link_mode、knet のオプション、マルチキャストのアドレスとポートです。`totem.nodeid` と `bindnetaddr` はノードごとに異なってよいため比べません。

## なぜ問題か
各ノードは自分の corosync.conf を読み、その内容は全ノードで同じであることが前提です（pcs や crmsh は 1 つのファイルを書いて全ノードにコピーします）。transport、暗号、マルチキャストの設定が異なると、ノードは互いのパケットを読めません。ログには \"Received message has invalid digest\" や knet の復号エラーが出て、ノードは別々のメンバーシップを作ります（エラー）。タイマーが異なると、トークン喪失を判定する時刻がノードごとにずれます。また、1 台だけ編集して他を忘れたことを示しています（警告）。

## 例
node1.conf は `token: 5000`、node2.conf は `token: 3000` です。

## 対処
ファイルを同じにしてください。1 つを編集して全ノードにコピーし（`pcs cluster sync`、`crm cluster copy /etc/corosync/corosync.conf`）、再読み込み（`corosync-cfgtool -R`）してください。再読み込みできない設定は corosync を再起動してください。

## 参考
- corosync.conf(5)（v3.1.7）、`shared/reference/corosync-conf.md` §2.1、§2.2
- `shared/reference/peers.md` §6.1: Trento のチェック BA215C「corosync.conf files are identical」
- `shared/reference/logs.md`（暗号の不一致 L501〜L508）",
    }
}

/// Settings whose difference stops the nodes from talking to each other.
const WIRE: &[&str] = &[
    "transport",
    "crypto_cipher",
    "crypto_hash",
    "crypto_model",
    "secauth",
    "key",
    "version",
    "ip_version",
    "mcastaddr",
    "mcastport",
    "broadcast",
    "knet_transport",
    "knet_compression_model",
];

/// Per-node keys: they legitimately differ.
const PER_NODE: &[&str] = &["nodeid", "bindnetaddr", "ringnumber", "linknumber"];

fn severity(name: &str) -> Severity {
    let key = name.rsplit('.').next().unwrap_or(name);
    if WIRE.contains(&key) {
        Severity::Error
    } else {
        Severity::Warning
    }
}

pub fn check(docs: &[Doc], out: &mut Vec<Diagnostic>) {
    let mut settings: Vec<Vec<Setting>> = Vec::with_capacity(docs.len());
    let mut anchors = Vec::with_capacity(docs.len());
    for d in docs {
        let m = d.ctx.model();
        let conf = d.ctx.conf;
        let mut v: Vec<Setting> = Vec::new();
        for t in &m.totem {
            for k in conf.keys(t.id) {
                if !PER_NODE.contains(&k.name) {
                    v.push((format!("totem.{}", k.name), k));
                }
            }
        }
        for i in m.interfaces() {
            for k in &i.keys {
                if !PER_NODE.contains(&k.name) {
                    v.push((format!("totem.interface[{}].{}", i.number, k.name), *k));
                }
            }
        }
        settings.push(v);
        anchors.push(m.totem_anchor());
    }
    compare_settings(&META, docs, &settings, &anchors, severity, out);
}
