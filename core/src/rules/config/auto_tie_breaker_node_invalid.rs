use super::{diag, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Checks `quorum.auto_tie_breaker_node` (votequorum, 2.3.4+): `lowest`, `highest` or node ids
    /// separated by spaces, and only with `auto_tie_breaker: 1`.
    ///
    /// ## Why is this bad?
    /// votequorum reads it after `corosync -t` exits. Any other value disables auto_tie_breaker
    /// ("auto_tie_breaker_nodes is not valid"); a list is read up to the first non-number (`1,2` is
    /// node 1); without ATB the key "is meaningless".
    ///
    /// ## Example
    /// ```corosync
    /// quorum {
    ///     auto_tie_breaker: 1
    ///     auto_tie_breaker_node: node1
    /// }
    /// ```
    ///
    /// ## Fix
    /// Write `lowest`, `highest` or ids such as `1 3`, with `auto_tie_breaker: 1`.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §2.5, §3.5.
    /// - corosync `exec/votequorum.c` `parse_atb_string` (v3.1.7).
    pub static META = {
        code: "C309",
        name: "auto-tie-breaker-node-invalid",
        severity: Warning,
        docs_ja: "## 何をするか
votequorum（2.3.4 以降）の `quorum.auto_tie_breaker_node` が `lowest`、`highest` または空白区切りのノード ID で、`auto_tie_breaker: 1` と併用されていることを確認します。

## なぜ問題か
votequorum は `corosync -t` の終了後にこれを読みます。それ以外の値では auto_tie_breaker が無効になり（\"auto_tie_breaker_nodes is not valid\"）、並びは最初の数値でない項目の手前までしか読まれず（`1,2` はノード 1）、ATB なしではキーは意味を持ちません（\"is meaningless\"）。

## 例
```corosync
quorum {
    auto_tie_breaker: 1
    auto_tie_breaker_node: node1
}
```

## 対処
`auto_tie_breaker: 1` とともに、`lowest`、`highest` または `1 3` のような ID を書いてください。

## 参考
- `shared/reference/corosync-conf.md` §2.5、§3.5
- corosync `exec/votequorum.c` の `parse_atb_string`（v3.1.7）",
    }
}

/// How votequorum reads the value: `None` when it is not valid, else how many node ids of how
/// many words it reads (`lowest`/`highest` read as 1 of 1).
fn parse(value: &str) -> Option<(usize, usize)> {
    if value == "lowest" || value == "highest" {
        return Some((1, 1));
    }
    let words = value.split_whitespace().count();
    let mut read = 0;
    // strtol in a loop: leading blanks, digits, stop at the first item that gives 0.
    for w in value.split_whitespace() {
        let digits = w.trim_start_matches(['+', '-']);
        let n = digits.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 || digits[..n].bytes().all(|b| b == b'0') {
            break;
        }
        read += 1;
        if n < digits.len() {
            break;
        }
    }
    (read > 0).then_some((read, words))
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !whole_file(ctx) || !ctx.target.any_at_least(crate::version::Release(2, 3, 4)) {
        return;
    }
    let m = ctx.model();
    if !m.votequorum() {
        return;
    }
    let Some(k) = m.quorum_key("auto_tie_breaker_node") else {
        return;
    };
    let (key, extra) = if !m.quorum_on("auto_tie_breaker") {
        ("unused", String::new())
    } else {
        match parse(k.value) {
            None => ("", String::new()),
            Some((read, words)) if read < words => ("partial", read.to_string()),
            Some(_) => return,
        }
    };
    out.push(diag(
        &META,
        Severity::Warning,
        super::value_span(&k),
        Msg::new(if key.is_empty() {
            "C309.message".to_string()
        } else {
            format!("C309.message.{key}")
        })
        .arg("value", k.value)
        .arg("read", extra),
        Msg::new("C309.help"),
    ));
}
