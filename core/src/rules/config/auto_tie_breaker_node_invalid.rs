use super::{diag, whole_file};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// With votequorum (2.3.4+), checks `quorum.auto_tie_breaker_node`: it must be `lowest`,
    /// `highest` or a space-separated list of node ids, and it means something only with
    /// `auto_tie_breaker: 1`.
    ///
    /// ## Why is this bad?
    /// votequorum reads the value when its service starts, after `corosync -t` has exited.
    /// Any other value (`Lowest`, `node1`, `0`) disables auto_tie_breaker altogether with the
    /// warning "auto_tie_breaker_nodes is not valid ... auto_tie_breaker is disabled"; a list
    /// is read only up to the first item that is not a number (`1,2` is node 1 only). With
    /// `auto_tie_breaker: 0` the key is ignored ("auto_tie_breaker_node: is meaningless if
    /// auto_tie_breaker is set to 0").
    ///
    /// ## Example
    /// ```corosync
    /// quorum {
    ///     provider: corosync_votequorum
    ///     auto_tie_breaker: 1
    ///     auto_tie_breaker_node: node1
    /// }
    /// ```
    ///
    /// ## Fix
    /// Write `lowest`, `highest`, or node ids separated by spaces (`1 3`), and set
    /// `auto_tie_breaker: 1`.
    ///
    /// ## References
    /// - `shared/reference/corosync-conf.md` §2.5 (`auto_tie_breaker_node`), §3.5.
    /// - corosync `exec/votequorum.c` `parse_atb_string` (v3.1.7); votequorum(5).
    pub static META = {
        code: "C309",
        name: "auto-tie-breaker-node-invalid",
        severity: Warning,
        docs_ja: "## 何をするか
votequorum（2.3.4 以降）で `quorum.auto_tie_breaker_node` を確認します。値は `lowest`、`highest`、または空白区切りのノード ID の並びでなければならず、意味を持つのは `auto_tie_breaker: 1` のときだけです。

## なぜ問題か
votequorum はこの値をサービス起動時に読みます。`corosync -t` はその前に終了します。それ以外の値（`Lowest`、`node1`、`0`）では \"auto_tie_breaker_nodes is not valid ... auto_tie_breaker is disabled\" という警告とともに auto_tie_breaker 全体が無効になります。並びは数値でない最初の項目の手前までしか読まれません（`1,2` はノード 1 だけです）。`auto_tie_breaker: 0` のときはこのキーは無視されます（\"auto_tie_breaker_node: is meaningless if auto_tie_breaker is set to 0\"）。

## 例
```corosync
quorum {
    provider: corosync_votequorum
    auto_tie_breaker: 1
    auto_tie_breaker_node: node1
}
```

## 対処
`lowest`、`highest`、または空白で区切ったノード ID（`1 3`）を書き、`auto_tie_breaker: 1` を設定してください。

## 参考
- `shared/reference/corosync-conf.md` §2.5（`auto_tie_breaker_node`）、§3.5
- corosync `exec/votequorum.c` の `parse_atb_string`（v3.1.7）、votequorum(5)",
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
