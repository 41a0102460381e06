use super::{Cfg, Logs, msg, numbers, on_log};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Span};
use crate::i18n::Msg;

declare_rule! {
    /// ## What it does
    /// Given a corosync.conf and logs together, reads each "A processor failed, forming new
    /// configuration: token timed out (N ms), waiting M ms for consensus." line (corosync
    /// 2.4.6 and 3.1.0+; L102) and compares N and M with the token and consensus timeouts that
    /// corosync computes from the config: `token` (default 3000 ms from 3.1.0, 1000 ms
    /// before), plus `token_coefficient` (default 650 ms) for every node beyond the second when
    /// the nodelist has three nodes or more; consensus is `consensus` or 1.2 × that token.
    /// When the numbers agree, the log line and the `token` line are only linked (no finding).
    ///
    /// ## Why is this bad?
    /// corosync prints the timeouts it runs with. A different number means that the node that
    /// wrote the log did not run this file: the file was edited after the event, another node
    /// has another copy, or the value was changed at run time (`corosync-cmapctl`). Tuning
    /// `token` in this file then does not change what the cluster does. The most common
    /// surprise is `token_coefficient`: with three nodes and `token: 1000` corosync waits
    /// 1650 ms, not 1000 ms, and each added node adds 650 ms more.
    ///
    /// ## Example
    /// corosync.conf has `token: 3000` and three nodes (3000 + 650 = 3650 ms); the log says
    /// `token timed out (1650ms), waiting 1980ms for consensus` (a node that ran `token: 1000`).
    ///
    /// ## Fix
    /// On the node that wrote the log, read `corosync-cmapctl -g runtime.config.totem.token`.
    /// Make corosync.conf the same on every node (`pcs cluster sync`, `crm cluster copy`) and
    /// apply it (`corosync-cfgtool -R`). Set `token_coefficient: 0` only if you want the
    /// token timeout not to grow with the number of nodes.
    ///
    /// ## References
    /// - corosync `exec/totemsrp.c` (v3.1.7), `timer_function_orf_token_timeout`: the line prints
    ///   `token_timeout` and `consensus_timeout`.
    /// - corosync `exec/totemconfig.c` (v3.1.7), `totem_volatile_config_read`: token +
    ///   (member count − 2) × token_coefficient when link 0 has more than 2 members; consensus
    ///   1.2 × token; the result is `runtime.config.totem.token`.
    /// - corosync.conf(5) (v3.1.7): `token`, `token_coefficient`, `consensus`.
    /// - `shared/reference/logs.md` §2.1 #2 and §4.3; `shared/reference/corosync-conf.md` §2
    ///   (token, token_coefficient).
    /// - `tests/fixtures/logs/lab/kill`: real corosync 3.1.7, `token: 1000`, three nodes, prints
    ///   `token timed out (1650ms), waiting 1980ms for consensus`.
    pub static META = {
        code: "X001",
        name: "log-token-differs",
        severity: Warning,
        docs_ja: "## 何をするか
corosync.conf とログを一緒に受け取ったとき、\"A processor failed, forming new configuration: token timed out (N ms), waiting M ms for consensus.\" の行（corosync 2.4.6 と 3.1.0 以降、L102）の N と M を、corosync が設定ファイルから計算するトークンタイムアウトとコンセンサスタイムアウトと比べます。トークンタイムアウトは `token`（3.1.0 以降の既定は 3000 ms、それより前は 1000 ms）に、nodelist が 3 ノード以上なら 2 台を超えるノード 1 台ごとに `token_coefficient`（既定 650 ms）を足した値です。コンセンサスは `consensus`、なければそのトークンタイムアウトの 1.2 倍です。値が一致するときは、ログの行と `token` の行を関連付けるだけです（検出結果は出しません）。

## なぜ問題か
corosync は実際に使っているタイムアウトを出力します。値が違うなら、ログを出したノードはこの設定ファイルで動いていませんでした。事象のあとでファイルが編集された、別のノードが別の内容を持っている、または実行中に値が変更された（`corosync-cmapctl`）のいずれかです。この場合、このファイルの `token` を調整してもクラスタの動作は変わりません。特に見落としやすいのが `token_coefficient` です。3 ノードで `token: 1000` なら corosync は 1000 ms ではなく 1650 ms 待ち、ノードを 1 台増やすごとに 650 ms 増えます。

## 例
corosync.conf は `token: 3000` で 3 ノードです（3000 + 650 = 3650 ms）。ログには `token timed out (1650ms), waiting 1980ms for consensus` と出ています（`token: 1000` で動いていたノードです）。

## 対処
ログを出したノードで `corosync-cmapctl -g runtime.config.totem.token` を確認してください。corosync.conf を全ノードで同じにし（`pcs cluster sync`、`crm cluster copy`）、反映してください（`corosync-cfgtool -R`）。ノード数に応じてトークンタイムアウトを増やしたくない場合に限り、`token_coefficient: 0` を設定してください。

## 参考
- corosync `exec/totemsrp.c`（v3.1.7）の `timer_function_orf_token_timeout`: この行は `token_timeout` と `consensus_timeout` を出力します。
- corosync `exec/totemconfig.c`（v3.1.7）の `totem_volatile_config_read`: リンク 0 のメンバーが 2 を超えると token + (メンバー数 − 2) × token_coefficient、consensus は token の 1.2 倍。結果は `runtime.config.totem.token` です。
- corosync.conf(5)（v3.1.7）: `token`、`token_coefficient`、`consensus`
- `shared/reference/logs.md` §2.1 #2、§4.3、`shared/reference/corosync-conf.md` §2（token、token_coefficient）
- `tests/fixtures/logs/lab/kill`: 実際の corosync 3.1.7 で `token: 1000`、3 ノードのとき `token timed out (1650ms), waiting 1980ms for consensus` と出力されます。",
    }
}

const CODES: &[&str] = &["L102"];

#[inline(never)]
pub fn check(cfg: &Cfg, logs: &Logs, out: &mut Vec<Diagnostic>, links: &mut Vec<Diagnostic>) {
    let m = cfg.ctx.model();
    let t = m.timers(cfg.ctx.target.to);
    let (token, consensus) = (t.token.to_string(), t.consensus.to_string());
    // How the token timeout came about, naming token_coefficient when it counts.
    let (nodes, coef) = t.coefficient.unwrap_or((0, 0));
    let (nodes, coef) = (nodes.to_string(), coef.to_string());
    let formula = match t.coefficient {
        Some(_) => format!(
            "{} + ({nodes} − 2) × {coef} (token_coefficient) = {token}",
            t.token_configured
        ),
        None => token.clone(),
    };
    // Config places: the token line (or `totem`), token_coefficient and the nodelist when the
    // coefficient counts, an explicit consensus.
    let mut rel = Vec::new();
    let f = ("formula", formula.as_str());
    match m.totem_key("token") {
        Some(k) => rel.push(cfg.key(&k, msg("X001.related.token", &[f]))),
        None => {
            let default = t.token_configured.to_string();
            let note = msg("X001.related.default", &[f, ("token", &default)]);
            rel.push(cfg.rel(m.totem_anchor(), note));
        }
    }
    if t.coefficient.is_some() {
        if let Some(k) = m.totem_key("token_coefficient") {
            rel.push(cfg.key(&k, msg("X001.related.coefficient", &[("coef", &coef)])));
        }
        if let Some(nl) = m.nodelists.first() {
            let note = msg("X001.related.nodes", &[("nodes", &nodes), ("coef", &coef)]);
            rel.push(cfg.rel(Span::new(nl.name_span.start, nl.line_span.end), note));
        }
    }
    if let Some(k) = m.totem_key("consensus") {
        let note = msg("X001.related.consensus", &[("consensus", &consensus)]);
        rel.push(cfg.key(&k, note));
    }
    // One finding per log file and pair of printed numbers.
    let mut seen: Vec<(usize, u64, u64)> = Vec::new();
    for (_, r) in logs.with_codes(CODES) {
        let mut n = numbers(logs.message(r));
        let (Some(logged), Some(waited)) = (n.next(), n.next()) else {
            continue;
        };
        if seen.len() >= 64 || seen.contains(&(r.file(), logged, waited)) {
            continue;
        }
        seen.push((r.file(), logged, waited));
        let key = if logged != u64::from(t.token) {
            "X001.message"
        } else if waited != u64::from(t.consensus) {
            "X001.message.consensus"
        } else {
            let none = Msg::new("");
            links.push(on_log(&META, r, none.clone(), none, rel.clone(), ""));
            continue;
        };
        let (logged, waited) = (logged.to_string(), waited.to_string());
        let message = msg(
            key,
            &[
                ("token", &logged),
                ("consensus", &waited),
                ("expected", &formula),
                ("expected_consensus", &consensus),
                ("file", cfg.path),
            ],
        );
        let help = msg("X001.help", &[("expected", &token)]);
        out.push(on_log(&META, r, message, help, rel.clone(), "X001.explain"));
    }
}
