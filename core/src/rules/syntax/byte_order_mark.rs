use super::report;
use crate::conf::SyntaxErrorKind;
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::Ctx;

declare_rule! {
    /// ## What it does
    /// Finds a UTF-8 byte-order mark (BOM, `EF BB BF`) at the start of the file.
    ///
    /// ## Why is this bad?
    /// corosync reads the file as bytes and does not skip a BOM: it becomes part of the first
    /// section name. 3.x stops with `Can't store key "\xEF\xBB\xBFtotem.version" into icmap`;
    /// 1.x and 2.x silently give the first section a different name, so it is ignored
    /// (typically `totem`, and corosync then runs without your totem settings). Windows
    /// editors add a BOM when saving as "UTF-8 with BOM".
    ///
    /// ## Example
    /// `<BOM>totem {`
    ///
    /// ## Fix
    /// Save the file as UTF-8 without BOM, e.g. `sed -i '1s/^\xEF\xBB\xBF//' corosync.conf`.
    ///
    /// ## References
    /// - Verified with corosync 3.1.7 `corosync -t` (corosync-conf.md §1.2).
    pub static META = {
        code: "E009",
        name: "byte-order-mark",
        severity: Error,
        docs_ja: "## 何をするか
ファイル先頭の UTF-8 BOM（`EF BB BF`）を検出します。

## なぜ問題か
corosync はファイルをバイト列として読み、BOM を読み飛ばしません。BOM は最初のセクション名の一部になります。3.x は `Can't store key \"\\xEF\\xBB\\xBFtotem.version\" into icmap` で停止します。1.x と 2.x は警告なしに最初のセクションを別の名前として扱うため、そのセクションは無視されます（多くは `totem` で、その場合 corosync は totem の設定なしで動きます）。Windows のエディタで「UTF-8（BOM 付き）」として保存すると BOM が付きます。

## 例
`<BOM>totem {`

## 対処
BOM なしの UTF-8 で保存し直してください。例: `sed -i '1s/^\\xEF\\xBB\\xBF//' corosync.conf`

## 参考
- corosync 3.1.7 の `corosync -t` で確認済み（corosync-conf.md §1.2）",
    }
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let from = out.len();
    report(
        ctx,
        out,
        &META,
        SyntaxErrorKind::ByteOrderMark,
        |_| Severity::Error,
        true,
        |_| vec![],
    );
    // corosync fails when it stores the first key under the misnamed section.
    super::also_reported_at(ctx, out, from, "E009.related", |_| {
        super::first_key_line(ctx, None)
    });
    super::attach_fixes(ctx, out, from, SyntaxErrorKind::ByteOrderMark, &|e| {
        super::fixes::bom(e)
    });
}
