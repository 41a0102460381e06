use super::{Cfg, Logs, msg, on_log};
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::i18n::Msg;

declare_rule! {
    /// ## What it does
    /// Given a corosync.conf and logs together, ties the crypto errors of the logs to the
    /// crypto settings of the config. Packets that fail authentication or decryption (corosync
    /// 2.x "Received message has invalid digest", "Digest does not match", "Incoming packet has
    /// different crypto type"; knet "nsscrypto: Digest does not match", "PK11_DigestFinal
    /// (decrypt) failed", "rx: Unable to decrypt packet from A:P"; L501–L504, L506–L508, L512)
    /// and an authkey that cannot be read ("Could not open …", "Could only read N bits …";
    /// L509, L510) are explained with the cipher and hash corosync uses (`crypto_cipher`,
    /// `crypto_hash`, `secauth` and the version's defaults) and the key file (`keyfile`, else
    /// `/etc/corosync/authkey`). When the line names the sender's address, the node with that
    /// address in the nodelist is named. A short key is reported with the bits corosync read
    /// and needs. A key path in the log other than the one this config makes corosync read
    /// means the node ran another config (or, in 1.x/2.x without `keyfile` or `key`, had
    /// `COROSYNC_TOTEM_AUTHKEY_FILE` set).
    ///
    /// ## Why is this bad?
    /// With crypto on, each node encrypts and signs every packet with the authkey and the
    /// configured cipher and hash. A node reads a peer's packets only when both have the same
    /// key bytes and the same `crypto_cipher` and `crypto_hash`; otherwise every packet is
    /// dropped, the nodes never form one membership, and each side may fence the other. An
    /// authkey that cannot be read stops corosync at start-up (exit status 8).
    ///
    /// ## Example
    /// corosync.conf has `crypto_cipher: aes256`, `crypto_hash: sha256` and
    /// `keyfile: /etc/corosync/authkey`; node n3 logs `rx: Unable to decrypt packet from
    /// 10.213.0.2:5405 (size 80)!` because its authkey was generated separately.
    ///
    /// ## Fix
    /// Generate the key once (`corosync-keygen`, or `pcs cluster setup`), copy the same file to
    /// every node (owner root, mode 0400; compare `sha256sum /etc/corosync/authkey` on each
    /// node), make `crypto_cipher` and `crypto_hash` the same in every corosync.conf, then
    /// restart corosync on the nodes you changed (the key is read only at start-up). For a short
    /// key, generate a new one the same way. For a key path other than the config's, start
    /// that node with this corosync.conf, or set `keyfile` to that path everywhere.
    ///
    /// ## References
    /// - corosync.conf(5) (v3.1.7): `crypto_cipher`, `crypto_hash`, `secauth`, `keyfile`;
    ///   corosync-keygen(8).
    /// - corosync `exec/totemconfig.c` (v3.1.7), `totem_get_crypto`: `secauth: on` means aes256
    ///   and sha256 unless set explicitly; the default is none.
    /// - `shared/reference/logs.md` §2.2 #25–#39; `shared/reference/corosync-conf.md` §2
    ///   (secauth, keyfile, key) and §3.2 (authkey errors).
    /// - `tests/fixtures/logs/lab/authkey-mismatch` and `crypto-mismatch`: real corosync 3.1.7
    ///   with a different key, and with aes128 against aes256.
    pub static META = {
        code: "X002",
        name: "log-crypto-failure",
        severity: Error,
        docs_ja: "## 何をするか
corosync.conf とログを一緒に受け取ったとき、ログの暗号化エラーを設定ファイルの暗号化の設定と結び付けます。認証または復号に失敗したパケット（corosync 2.x の \"Received message has invalid digest\"、\"Digest does not match\"、\"Incoming packet has different crypto type\"、knet の \"nsscrypto: Digest does not match\"、\"PK11_DigestFinal (decrypt) failed\"、\"rx: Unable to decrypt packet from A:P\"。L501〜L504、L506〜L508、L512）と、読めない認証キー（\"Could not open …\"、\"Could only read N bits …\"。L509、L510）を、corosync が使う暗号方式とハッシュ（`crypto_cipher`、`crypto_hash`、`secauth` とバージョンごとの既定値）およびキーファイル（`keyfile`、なければ `/etc/corosync/authkey`）とともに説明します。行に送信元のアドレスがあれば、nodelist でそのアドレスを持つノードを示します。キーが短い場合は corosync が読めたビット数と必要なビット数を示します。ログに出たキーのパスが、この設定で corosync が読むパスと異なる場合は、その行を出力したノードが別の設定で動いていたこと（1.x/2.x で `keyfile` も `key` もなければ、環境変数 `COROSYNC_TOTEM_AUTHKEY_FILE` が設定されていた可能性も）を示します。

## なぜ問題か
暗号化が有効なとき、各ノードはすべてのパケットを認証キーと設定された暗号方式・ハッシュで暗号化し署名します。相手のパケットを読めるのは、キーのバイト列が同じで、`crypto_cipher` と `crypto_hash` も同じ場合だけです。そうでなければパケットはすべて破棄され、ノードは 1 つのメンバーシップを形成できず、互いにフェンシングすることもあります。認証キーを読めない場合、corosync は起動時に停止します（終了ステータス 8）。

## 例
corosync.conf は `crypto_cipher: aes256`、`crypto_hash: sha256`、`keyfile: /etc/corosync/authkey` です。ノード n3 の認証キーだけ別に生成されたため、n3 のログに `rx: Unable to decrypt packet from 10.213.0.2:5405 (size 80)!` が出ています。

## 対処
キーを 1 回だけ生成し（`corosync-keygen` または `pcs cluster setup`）、同じファイルを全ノードにコピーしてください（所有者 root、モード 0400。各ノードで `sha256sum /etc/corosync/authkey` を比べてください）。`crypto_cipher` と `crypto_hash` を全ノードの corosync.conf で同じにし、変更したノードの corosync を再起動してください（キーは起動時にだけ読まれます）。短いキーの場合も同じ方法で新しく作成してください。ログのキーのパスが設定と異なる場合は、そのノードをこの corosync.conf で起動するか、全ノードで `keyfile` をそのパスに設定してください。

## 参考
- corosync.conf(5)（v3.1.7）: `crypto_cipher`、`crypto_hash`、`secauth`、`keyfile`、corosync-keygen(8)
- corosync `exec/totemconfig.c`（v3.1.7）の `totem_get_crypto`: `secauth: on` は明示しない限り aes256 と sha256、既定は none
- `shared/reference/logs.md` §2.2 #25〜#39、`shared/reference/corosync-conf.md` §2（secauth、keyfile、key）、§3.2（認証キーのエラー）
- `tests/fixtures/logs/lab/authkey-mismatch`、`crypto-mismatch`: 実際の corosync 3.1.7 で、キーが異なる場合と aes128 と aes256 が混在する場合",
    }
}

const CODES: &[&str] = &[
    "L501", "L502", "L503", "L504", "L506", "L507", "L508", "L509", "L510", "L512",
];

#[inline(never)]
pub fn check(cfg: &Cfg, logs: &Logs, out: &mut Vec<Diagnostic>) {
    let m = cfg.ctx.model();
    let (cipher, hash) = m
        .crypto(cfg.ctx.target.to)
        .unwrap_or_else(|| ("?".into(), "?".into()));
    let key = match (m.totem_key("keyfile"), m.totem_key("key")) {
        (Some(k), _) => k.value,
        (None, Some(_)) => "totem.key",
        (None, None) => "/etc/corosync/authkey",
    };
    let off = cipher == "none" && hash == "none";
    let mut rel = Vec::new();
    for name in ["crypto_cipher", "crypto_hash", "secauth"] {
        if let Some(k) = m.totem_key(name) {
            rel.push(cfg.key(&k, Msg::new("X002.related.setting")));
        }
    }
    match m.totem_key("keyfile").or(m.totem_key("key")) {
        Some(k) => rel.push(cfg.key(&k, Msg::new("X002.related.key"))),
        None if rel.is_empty() => {
            let note = msg(
                "X002.related.default",
                &[("cipher", &cipher), ("hash", &hash)],
            );
            rel.push(cfg.rel(m.totem_anchor(), note));
        }
        None => {}
    }
    // One finding per log file, kind (a key file problem, or packets that fail) and sender;
    // a line without a sender only when no line of that file names one.
    let mut found: Vec<(&crate::logs::Record, bool, Option<&str>)> = Vec::new();
    for (_, r) in logs.with_codes(CODES) {
        let code = r.kb.map_or("", |e| e.code.as_str());
        let keyfile = code == "L509" || code == "L510";
        // The sender, when the line names it (knet: "from 10.0.0.2:5405").
        let mut words = logs.message(r).split(' ');
        let from = words
            .by_ref()
            .find(|w| *w == "from")
            .and_then(|_| words.next())
            .and_then(|a| a.rsplit_once(':'))
            .map(|(a, _)| a)
            .filter(|a| !a.is_empty() && !keyfile && !off);
        if found.len() < 64
            && !found
                .iter()
                .any(|(o, k, f)| o.file() == r.file() && *k == keyfile && *f == from)
        {
            found.push((r, keyfile, from));
        }
    }
    for &(r, keyfile, from) in &found {
        if from.is_none()
            && !keyfile
            && found
                .iter()
                .any(|(o, k, f)| o.file() == r.file() && !k && f.is_some())
        {
            continue;
        }
        let mut rel = rel.clone();
        // What the key file line says: the path corosync tried, and for a short key the bits
        // it read and needs.
        let problem = if keyfile && !off {
            key_problem(logs.message(r))
        } else {
            None
        };
        // A key file other than the one this config makes corosync read: with `keyfile`, the
        // node ran another config; with an inline `key`, it read no file at all; with neither,
        // corosync 1.x/2.x also take COROSYNC_TOTEM_AUTHKEY_FILE from the environment.
        let other_path = problem.as_ref().filter(|p| p.path != key).map(|p| p.path);
        let short = problem.as_ref().and_then(|p| p.bits);
        let has_keyfile = m.totem_key("keyfile").is_some();
        let version_known = cfg.ctx.pinned || cfg.ctx.facts.corosync_target().is_some();
        let mut key_msg = if off {
            "X002.message.off"
        } else if other_path.is_some() && has_keyfile {
            "X002.message.key.path"
        } else if other_path.is_some() && key == "totem.key" {
            "X002.message.key.inline"
        } else if other_path.is_some() && (cfg.ctx.target.to.0 < 3 || !version_known) {
            // Without `keyfile` or `key`, 1.x/2.x also read COROSYNC_TOTEM_AUTHKEY_FILE; when
            // nothing told the version (3 is then only assumed), that stays possible.
            "X002.message.key.env"
        } else if other_path.is_some() {
            "X002.message.key.default"
        } else if short.is_some() {
            "X002.message.short"
        } else if keyfile {
            "X002.message.key"
        } else {
            "X002.message"
        };
        let mut node = String::new();
        if let Some(addr) = from {
            key_msg = "X002.message.stranger";
            for n in m.nodes() {
                if let Some(k) = n.rings().values().find(|k| k.value == addr) {
                    rel.push(cfg.key(k, Msg::new("X002.related.sender")));
                    key_msg = "X002.message.from";
                    node = n.label();
                    break;
                }
            }
        }
        let message = msg(
            key_msg,
            &[
                ("addr", from.unwrap_or("")),
                ("node", &node),
                ("file", cfg.path),
                ("cipher", &cipher),
                ("hash", &hash),
                ("key", key),
                ("path", other_path.unwrap_or("")),
                ("bits", &short.map_or(String::new(), |b| b.0.to_string())),
                ("need", &short.map_or(String::new(), |b| b.1.to_string())),
            ],
        );
        let help = match key_msg {
            "X002.message.short" => "X002.help.short",
            "X002.message.key.env" => "X002.help.key.env",
            "X002.message.key.inline" => "X002.help.key.inline",
            "X002.message.key.path" | "X002.message.key.default" => "X002.help.key.path",
            _ if keyfile => "X002.help.key",
            _ => "X002.help",
        };
        let help = msg(help, &[("key", key), ("path", other_path.unwrap_or(""))]);
        out.push(on_log(&META, r, message, help, rel, "X002.explain"));
    }
}

/// What corosync said about its key file: the path it tried and, for a short key, the bits it
/// read and the bits it needs.
struct KeyProblem<'a> {
    path: &'a str,
    bits: Option<(u32, u32)>,
}

/// Reads "Could not open PATH: REASON" (L509) and "Could only read N bits of [minimum ]M bits
/// from PATH." (L510; `exec/totemconfig.c`, 1.x/2.x print "of 1024 bits", 3.x "of minimum N
/// bits").
fn key_problem(m: &str) -> Option<KeyProblem<'_>> {
    if let Some(rest) = m.strip_prefix("Could not open ") {
        let (path, _) = rest.rsplit_once(": ")?;
        return Some(KeyProblem { path, bits: None });
    }
    let rest = m.strip_prefix("Could only read ")?;
    let (read, rest) = rest.split_once(" bits of ")?;
    let rest = rest.strip_prefix("minimum ").unwrap_or(rest);
    let (need, path) = rest.split_once(" bits from ")?;
    let bits = (read.trim().parse().ok()?, need.trim().parse().ok()?);
    Some(KeyProblem {
        path: path.trim_end().trim_end_matches('.'),
        bits: Some(bits),
    })
}

#[cfg(test)]
mod tests {
    use super::key_problem;

    #[test]
    fn key_lines_give_path_and_bits() {
        let p =
            key_problem("Could not open /etc/corosync/authkey: No such file or directory").unwrap();
        assert_eq!((p.path, p.bits), ("/etc/corosync/authkey", None));
        let p = key_problem(
            "Could only read 512 bits of minimum 1024 bits from /etc/corosync/authkey.",
        )
        .unwrap();
        assert_eq!(
            (p.path, p.bits),
            ("/etc/corosync/authkey", Some((512, 1024)))
        );
        let p = key_problem("Could only read 80 bits of 1024 bits from /etc/ais/authkey.").unwrap();
        assert_eq!((p.path, p.bits), ("/etc/ais/authkey", Some((80, 1024))));
        assert!(key_problem("Could only read lots of bits").is_none());
    }
}
