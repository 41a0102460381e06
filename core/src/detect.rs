//! What was pasted: split an input into documents (corosync.conf, service.d fragment,
//! cluster.conf, logs, prose) with the evidence for each, and restore line breaks that a mail
//! archive or chat tool removed.
//!
//! Invariants:
//! - segments never overlap and are in input order; their spans are in input coordinates;
//! - a segment with `reflow` is analysed in the rebuilt text, and every span found there is
//!   mapped back with [`Reflow::to_original`], so findings point into what the user gave us;
//! - linear time: every line is looked at a bounded number of times.

use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::i18n::Msg;
use crate::logs::{self, LogFormat};
use crate::msg;
use crate::rules::RuleMeta;
use crate::text::Decoded;
use crate::version::Target;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocKind {
    CorosyncConf,
    ServiceFragment,
    ClusterConf,
    Log(LogFormat),
    Prose,
    Unknown,
}

impl DocKind {
    /// Catalog key of the kind's name.
    pub fn label_key(self) -> &'static str {
        match self {
            DocKind::CorosyncConf => "detect.kind.corosync-conf",
            DocKind::ServiceFragment => "detect.kind.service-fragment",
            DocKind::ClusterConf => "detect.kind.cluster-conf",
            DocKind::Log(_) => "detect.kind.log",
            DocKind::Prose => "detect.kind.prose",
            DocKind::Unknown => "detect.kind.unknown",
        }
    }
    pub fn is_config(self) -> bool {
        matches!(self, DocKind::CorosyncConf | DocKind::ServiceFragment)
    }
}

/// Text rebuilt with line breaks, and the way back to the original offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reflow {
    pub text: String,
    /// (offset in `text`, offset in the original, length) for each copied piece, in order.
    pub pieces: Vec<(usize, usize, usize)>,
}

impl Reflow {
    fn new() -> Self {
        Reflow {
            text: String::new(),
            pieces: Vec::new(),
        }
    }
    /// Append `orig[span]` as one rebuilt line.
    fn push_line(&mut self, orig: &str, span: Span) {
        if !self.text.is_empty() {
            self.text.push('\n');
        }
        self.pieces.push((self.text.len(), span.start, span.len()));
        self.text.push_str(&orig[span.start..span.end]);
    }
    pub fn to_original_offset(&self, off: usize) -> usize {
        let i = self.pieces.partition_point(|p| p.0 <= off);
        if i == 0 {
            return self.pieces.first().map(|p| p.1).unwrap_or(0);
        }
        let (s, o, l) = self.pieces[i - 1];
        if off <= s + l {
            o + (off - s)
        } else {
            self.pieces.get(i).map(|p| p.1).unwrap_or(o + l)
        }
    }
    pub fn to_original(&self, span: Span) -> Span {
        let a = self.to_original_offset(span.start);
        let b = self.to_original_offset(span.end).max(a);
        Span::new(a, b)
    }
    pub fn lines(&self) -> usize {
        self.pieces.len()
    }
}

#[derive(Debug, Clone)]
pub struct Segment {
    pub kind: DocKind,
    /// Where it is in the input.
    pub span: Span,
    /// The corosync version this document looks like, if any.
    pub target: Option<Target>,
    /// Why corocheck thinks so (catalog messages).
    pub evidence: Vec<Msg>,
    /// Set when line breaks had to be restored.
    pub reflow: Option<Reflow>,
}

/// The largest input analysed (bytes). Past it, the rest is skipped with finding D006.
pub const MAX_INPUT: usize = 256 * 1024 * 1024;

/// Lines longer than this that contain several records or a config block are treated as text
/// whose line breaks were lost.
const GLUED_MIN: usize = 160;

/// Section names corosync knows in some version (for spotting config in running text).
pub const SECTION_NAMES: &[&str] = &[
    "totem",
    "interface",
    "member",
    "nodelist",
    "node",
    "quorum",
    "device",
    "net",
    "heuristics",
    "logging",
    "logger_subsys",
    "logging_daemon",
    "service",
    "aisexec",
    "amf",
    "event",
    "uidgid",
    "resources",
    "system",
    "qb",
    "nozzle",
    "network",
    "pload",
];

/// Keys that show a `key: value` line is corosync config (not an e-mail header).
const KEY_HINTS: &[&str] = &[
    "version",
    "cluster_name",
    "transport",
    "token",
    "token_coefficient",
    "consensus",
    "join",
    "secauth",
    "crypto_cipher",
    "crypto_hash",
    "crypto_model",
    "link_mode",
    "rrp_mode",
    "ringnumber",
    "linknumber",
    "bindnetaddr",
    "mcastaddr",
    "mcastport",
    "ttl",
    "ring0_addr",
    "ring1_addr",
    "nodeid",
    "name",
    "ver",
    "provider",
    "expected_votes",
    "two_node",
    "wait_for_all",
    "to_logfile",
    "to_syslog",
    "to_stderr",
    "logfile",
    "debug",
    "timestamp",
    "fileline",
    "compatibility",
    "threads",
    "interface",
    "subsys",
    "ip_version",
    "netmtu",
    "keyfile",
    "syslog_facility",
    "use_mgmtd",
    "use_logd",
    "user",
    "group",
    "mode",
    "quorum_votes",
    "knet_transport",
];

// ---------------------------------------------------------------------------------------------
// Detection codes (D0xx): findings about the input itself.

declare_rule! {
    /// ## What it does
    /// Reports input that is binary data rather than text: many control bytes near the start.
    ///
    /// ## Why is this bad?
    /// corosync.conf, cluster.conf and logs are text. Binary input is usually a compressed
    /// log (`.gz`, `.xz`), a core dump, or a file picked by mistake; nothing in it can be
    /// checked.
    ///
    /// ## Example
    /// Dropping `corosync.log.1.gz` on the page.
    ///
    /// ## Fix
    /// Decompress the file first (`zcat corosync.log.1.gz > corosync.log.1`) or pick the text
    /// file.
    ///
    /// ## References
    /// - corocheck's own input handling.
    pub static BINARY = { code: "D001", name: "binary-input", severity: Error, docs_ja: "## 何をするか
テキストではなくバイナリデータの入力（先頭付近に制御文字が多いもの）を検出します。

## なぜ問題か
corosync.conf、cluster.conf、ログはテキストです。バイナリの入力は多くの場合、圧縮されたログ（`.gz`、`.xz`）やコアダンプ、選び間違えたファイルで、中身を検査できません。

## 例
`corosync.log.1.gz` をページにドロップした場合です。

## 対処
先に展開する（`zcat corosync.log.1.gz > corosync.log.1`）か、テキストのファイルを選んでください。

## 参考
- corocheck の入力処理" }
}

declare_rule! {
    /// ## What it does
    /// Reports bytes that are not valid UTF-8, at the first bad byte.
    ///
    /// ## Why is this bad?
    /// corosync itself reads bytes, but corocheck shows text: invalid sequences are replaced
    /// with U+FFFD, so positions after them may be off by a few columns. A config saved in
    /// Shift_JIS or EUC-JP with Japanese comments, or a log with binary junk, are typical
    /// causes.
    ///
    /// ## Example
    /// A `# 本番用` comment saved in Shift_JIS.
    ///
    /// ## Fix
    /// Convert the file to UTF-8 (`iconv -f SHIFT_JIS -t UTF-8`), or ignore this if the bytes
    /// are inside comments.
    ///
    /// ## References
    /// - The Unicode Standard, UTF-8 (RFC 3629).
    pub static INVALID_UTF8 = { code: "D002", name: "invalid-utf8", severity: Warning, docs_ja: "## 何をするか
UTF-8 として不正なバイトを、最初の不正なバイトの位置で報告します。

## なぜ問題か
corosync 自体はバイト列として読みますが、corocheck はテキストとして表示します。不正なバイト列は U+FFFD に置き換えるため、その後ろの桁位置が少しずれることがあります。よくある原因は、日本語のコメントを Shift_JIS や EUC-JP で保存した設定ファイルや、バイナリデータが混じったログです。

## 例
Shift_JIS で保存した `# 本番用` というコメントです。

## 対処
ファイルを UTF-8 に変換してください（`iconv -f SHIFT_JIS -t UTF-8`）。不正なバイトがコメント内だけにあるなら、無視して構いません。

## 参考
- The Unicode Standard、UTF-8（RFC 3629）" }
}

declare_rule! {
    /// ## What it does
    /// Recognises a CMAN `cluster.conf` (RHEL/CentOS 5 and 6) and says what it means.
    ///
    /// ## Why is this bad?
    /// It is not bad; it is a common source of confusion. When cman starts corosync
    /// (`cman_tool join`), corosync is configured from `/etc/cluster/cluster.conf` through
    /// the `xmlconfig:cmanpreconfig` modules, and `/etc/corosync/corosync.conf` is **not read
    /// at all** (cluster.conf(5)). Edits to corosync.conf on a cman node change nothing, and a
    /// `service.d/pcmk` plugin stanza must not be used with cman.
    ///
    /// ## Example
    /// ```xml
    /// <cluster name="mycluster" config_version="1">
    /// ```
    ///
    /// ## Fix
    /// Make cluster changes in cluster.conf (with `ccs` or `pcs` on RHEL 6.5+), bump
    /// `config_version`, validate with `ccs_config_validate`, and propagate with
    /// `cman_tool version -r`.
    ///
    /// ## References
    /// - cluster.conf(5): "When cman configures corosync using cluster.conf, the corosync.conf
    ///   file is not used."
    /// - corosync-conf.md §5 (cman_tool join and COROSYNC_DEFAULT_CONFIG_IFACE).
    pub static CMAN_CONF = { code: "D003", name: "cman-cluster-conf", severity: Info, docs_ja: "## 何をするか
CMAN の `cluster.conf`（RHEL/CentOS 5・6）を認識し、その意味を説明します。

## なぜ問題か
問題ではありませんが、混乱しやすい点です。cman が corosync を起動する（`cman_tool join`）と、corosync は `xmlconfig:cmanpreconfig` モジュールを通じて `/etc/cluster/cluster.conf` から設定され、`/etc/corosync/corosync.conf` は**一切読まれません**（cluster.conf(5)）。cman のノードで corosync.conf を編集しても何も変わりません。また、`service.d/pcmk` のプラグイン設定を cman と一緒に使ってはいけません。

## 例
```xml
<cluster name=\"mycluster\" config_version=\"1\">
```

## 対処
クラスタの変更は cluster.conf で行ってください（`ccs`、または RHEL 6.5 以降なら `pcs` を使います）。`config_version` を上げ、`ccs_config_validate` で確認してから、`cman_tool version -r` で配布してください。

## 参考
- cluster.conf(5): \"When cman configures corosync using cluster.conf, the corosync.conf file is not used.\"
- corosync-conf.md §5（cman_tool join と COROSYNC_DEFAULT_CONFIG_IFACE）" }
}

declare_rule! {
    /// ## What it does
    /// Says that the input's line breaks were lost (records and config glued onto one line,
    /// runs of spaces collapsed, as web mail archives do) and that corocheck rebuilt them.
    ///
    /// ## Why is this bad?
    /// It is not bad, but positions refer to the glued text and spacing inside log lines may
    /// differ from the original file (`[pcmk  ]` becomes `[pcmk ]`). corocheck matches such
    /// text with whitespace runs treated as one space.
    ///
    /// ## Example
    /// A mailing-list archive page pasted as one long line.
    ///
    /// ## Fix
    /// Paste the original files if you have them; otherwise nothing to do.
    ///
    /// ## References
    /// - corocheck's detection (ARCHITECTURE.md, "detect").
    pub static REFLOWED = { code: "D004", name: "line-breaks-restored", severity: Info, docs_ja: "## 何をするか
入力の改行が失われている（Web のメールアーカイブのように、ログや設定が 1 行につながり、連続した空白が 1 つにまとめられている）ことと、corocheck が改行を復元したことを知らせます。

## なぜ問題か
問題ではありませんが、位置はつながったテキスト上のもので、ログ行の中の空白は元のファイルと異なることがあります（`[pcmk  ]` が `[pcmk ]` になるなど）。corocheck は連続した空白を 1 つの空白として照合します。

## 例
メーリングリストのアーカイブページを 1 行のまま貼り付けた場合です。

## 対処
元のファイルがあればそれを貼り付けてください。なければ対処は不要です。

## 参考
- corocheck の検出処理（ARCHITECTURE.md の detect）" }
}

declare_rule! {
    /// ## What it does
    /// Reports input in which nothing was recognised: no corosync.conf, service.d fragment,
    /// cluster.conf or log line.
    ///
    /// ## Why is this bad?
    /// corocheck has nothing to check, so silence would look like "all is well".
    ///
    /// ## Example
    /// A pacemaker CIB XML, or a `crm_mon` screen.
    ///
    /// ## Fix
    /// Paste `/etc/corosync/corosync.conf`, `/etc/corosync/service.d/*`,
    /// `/etc/cluster/cluster.conf`, or lines from corosync.log, pacemaker.log, syslog or
    /// `journalctl -u corosync -u pacemaker`.
    ///
    /// ## References
    /// - logs.md §1 (formats corocheck reads).
    pub static NOTHING = { code: "D005", name: "nothing-recognised", severity: Info, docs_ja: "## 何をするか
corosync.conf、service.d の設定断片、cluster.conf、ログ行のどれも認識できなかった入力を報告します。

## なぜ問題か
検査する対象がないため、何も表示しないと「問題なし」と誤解されます。

## 例
Pacemaker の CIB XML や `crm_mon` の画面です。

## 対処
`/etc/corosync/corosync.conf`、`/etc/corosync/service.d/*`、`/etc/cluster/cluster.conf`、または corosync.log、pacemaker.log、syslog、`journalctl -u corosync -u pacemaker` の行を貼り付けてください。

## 参考
- logs.md §1（corocheck が読める形式）" }
}

declare_rule! {
    /// ## What it does
    /// Reports input larger than corocheck analyses (256 MiB) and where it stopped.
    ///
    /// ## Why is this bad?
    /// Analysis stays fast and memory-bounded; findings after the cut are not shown.
    ///
    /// ## Example
    /// A 200 MB `/var/log/messages`.
    ///
    /// ## Fix
    /// Cut the log to the time of the incident, e.g. with
    /// `journalctl --since "2015-08-26 16:00" --until "2015-08-26 17:00"` or `sed -n '/Aug 26 16:/,/Aug 26 17:/p'`.
    ///
    /// ## References
    /// - corocheck's limits (README, "Limits").
    pub static TOO_LARGE = { code: "D006", name: "input-too-large", severity: Warning, docs_ja: "## 何をするか
corocheck が解析する上限（256 MiB）を超えた入力と、解析を打ち切った位置を報告します。

## なぜ問題か
解析を速く保ち、メモリ使用量に上限を設けるための制限です。打ち切った位置より後の検出結果は表示されません。

## 例
200 MB の `/var/log/messages` です。

## 対処
障害の時間帯だけを切り出してください。例: `journalctl --since \"2015-08-26 16:00\" --until \"2015-08-26 17:00\"`、`sed -n '/Aug 26 16:/,/Aug 26 17:/p'`

## 参考
- README の「Limits」" }
}

declare_rule! {
    /// ## What it does
    /// Stands for the findings of one code past the first 100 in one document: it says how
    /// many more there are (the exact number) and where the first one not listed is. It takes
    /// the severity of the code it counts.
    ///
    /// ## Why is this bad?
    /// The same finding on a hundred thousand lines is one problem written many times (a
    /// generated or pasted-twice file, a log that repeats one line). Listing every one would
    /// bury the other findings and make the report, the page and the JSON slow and huge.
    ///
    /// ## Example
    /// A `totem` section with `token: 3000` on 1,000,000 lines: the first 100 duplicates get
    /// C607 each, then one D007 says "999899 more C607 findings".
    ///
    /// ## Fix
    /// Fix the listed findings of that code (they are usually one mistake repeated), then check
    /// again; the count shrinks with them.
    ///
    /// ## References
    /// - corocheck's limits (README, "Limits"); issue 6 (bounded output for pathological input).
    pub static REPEATS = { code: "D007", name: "repeated-findings-counted", severity: Info, docs_ja: "## 何をするか
1 つの文書で同じコードの検出結果が 100 件を超えたとき、101 件目以降の代わりに表示されます。残りの正確な件数と、表示されなかった最初の位置を示します。重大度は、数えているコードと同じです。

## なぜ問題か
10 万行に同じ検出結果が出るのは、たいてい同じ誤りの繰り返しです（生成されたファイル、二重に貼り付けた設定、同じ行が続くログなど）。すべてを並べると他の検出結果が埋もれ、レポート・ページ・JSON が巨大で遅くなります。

## 例
`totem` セクションに `token: 3000` が 1,000,000 行ある場合、最初の 100 件の重複には C607 がそれぞれ表示され、その後に「C607 の検出結果があと 999899 件あります」という D007 が 1 件表示されます。

## 対処
表示されたそのコードの検出結果（多くは 1 つの誤りの繰り返しです）を直してから、もう一度確認してください。件数はそれに合わせて減ります。

## 参考
- README の「Limits」、issue 6（異常な入力に対して出力を有限に保つこと）" }
}

/// At most this many findings of one code (and severity) are listed per document; the rest
/// are counted in one D007 finding.
pub const MAX_SAME_CODE: usize = 100;

/// Findings a rule counted instead of building ([`crate::rules::Ctx::listed`]): code,
/// severity, the span of the first one not built, and how many there were in all.
pub type Counted = (&'static str, Severity, Span, usize);

/// Count one finding in `c`; true while it is among the first [`MAX_SAME_CODE`] of its code
/// and severity (build it), false after (it is only counted). See [`crate::rules::Ctx::listed`].
pub(crate) fn listed(
    c: &mut Vec<Counted>,
    code: &'static str,
    severity: Severity,
    span: Span,
) -> bool {
    // Codes are `&'static str`s of the rules and the KB: the same pointer, almost always.
    let same = |a: &str| std::ptr::eq(a, code) || a == code;
    let i = match c.iter().position(|x| x.1 == severity && same(x.0)) {
        Some(i) => i,
        None => {
            c.push((code, severity, span, 0));
            c.len() - 1
        }
    };
    c[i].3 += 1;
    if c[i].3 == MAX_SAME_CODE + 1 {
        c[i].2 = span;
    }
    c[i].3 <= MAX_SAME_CODE
}

/// Keep the first [`MAX_SAME_CODE`] findings of each code and severity (in the order they
/// were found) and replace the rest with one D007, at the first one left out, with the exact
/// count. `counted` adds the findings rules only counted (built: the first MAX_SAME_CODE).
/// Returns the findings and, per D007, its severity and how many it stands for.
pub fn cap_repeats(
    found: Vec<Diagnostic>,
    counted: Vec<Counted>,
) -> (Vec<Diagnostic>, Vec<(Severity, usize)>) {
    let mut seen: std::collections::HashMap<(&'static str, Severity), (usize, Span)> =
        std::collections::HashMap::new();
    let mut kept = Vec::with_capacity(found.len().min(4 * MAX_SAME_CODE));
    for d in found {
        let e = seen.entry((d.code, d.severity)).or_insert((0, d.span));
        e.0 += 1;
        if e.0 <= MAX_SAME_CODE {
            kept.push(d);
        } else if e.0 == MAX_SAME_CODE + 1 {
            e.1 = d.span;
        }
    }
    for (code, sev, span, n) in counted {
        if n > MAX_SAME_CODE {
            // The rule built exactly the first MAX_SAME_CODE, already in `found`.
            seen.insert((code, sev), (n, span));
        }
    }
    let mut left_out = Vec::new();
    for ((code, sev), (n, span)) in seen {
        if n > MAX_SAME_CODE {
            let more = n - MAX_SAME_CODE;
            left_out.push((sev, more));
            let mut d = REPEATS
                .diag(
                    span,
                    msg!("D007.message", code = code, n = more, shown = MAX_SAME_CODE),
                )
                .help(msg!("D007.help", code = code))
                .explain(msg!("D007.explain"));
            // The severity of what it counts, so a severity filter keeps it with them.
            d.severity = sev;
            kept.push(d);
        }
    }
    (kept, left_out)
}

pub fn metas() -> Vec<&'static RuleMeta> {
    vec![
        &BINARY,
        &INVALID_UTF8,
        &CMAN_CONF,
        &REFLOWED,
        &NOTHING,
        &TOO_LARGE,
        &REPEATS,
    ]
}

/// Findings about how bytes were decoded (front ends call this after [`crate::text::decode`]).
pub fn encoding_findings(d: &Decoded) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if d.binary {
        return out; // `segment` reports binary input itself
    }
    if let Some(at) = d.first_invalid {
        // Position in the decoded text: everything before the first invalid byte was copied.
        let pos = at.min(d.text.len());
        let end = d.text[pos..]
            .chars()
            .next()
            .map(|c| pos + c.len_utf8())
            .unwrap_or(pos);
        out.push(
            INVALID_UTF8
                .diag(
                    Span::new(pos, end),
                    msg!("D002.message", count = d.invalid_count),
                )
                .help(msg!("D002.help"))
                .explain(msg!("D002.explain")),
        );
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Line classes

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Blank,
    Comment,
    Open,
    Close,
    KeyValue { known: bool },
    Log(LogFormat),
    Xml,
    Prose,
}

fn is_key_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-' | '/')
}

/// [`is_key_char`] on bytes (every key character is ASCII).
fn is_key_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-' | b'/')
}

fn classify(line: &str) -> Class {
    if let Some(f) = logs::detect_line(line) {
        return Class::Log(f);
    }
    classify_conf(line)
}

/// The class of a line known not to be a log line (inside a config document).
fn classify_conf(line: &str) -> Class {
    // A byte-order mark is not content (the parser reports it).
    let t = line.trim_start_matches('\u{FEFF}');
    // Blanks and CR are ASCII: trimming bytes is trimming characters.
    let t = t.trim_matches([' ', '\t', '\r']);
    if t.is_empty() {
        return Class::Blank;
    }
    if t.starts_with('#') {
        return Class::Comment;
    }
    if t.starts_with('<') {
        return Class::Xml;
    }
    if let Some(i) = t.bytes().position(|b| b == b'{') {
        let name = t[..i].trim_end_matches([' ', '\t', ':']);
        // A line that ends in `{` opens a section even with a bad name (the rules say why).
        if name.is_empty()
            || t.ends_with('{')
            || name.bytes().all(is_key_byte)
            || SECTION_NAMES.iter().any(|s| name.eq_ignore_ascii_case(s))
        {
            return Class::Open;
        }
        return Class::Prose;
    }
    if t.starts_with('}') {
        return Class::Close;
    }
    if let Some(i) = t.bytes().position(|b| b == b':') {
        let key = t[..i].trim_end();
        if !key.is_empty() && key.bytes().all(is_key_byte) {
            return Class::KeyValue {
                known: KEY_HINTS.contains(&key),
            };
        }
    }
    Class::Prose
}

/// Binary data: many control bytes (other than TAB/CR/LF/ESC/FF) near the start.
fn binary_at(text: &str) -> Option<(usize, usize)> {
    let sample = &text.as_bytes()[..text.len().min(8192)];
    let mut first = None;
    let mut count = 0;
    for (i, b) in sample.iter().enumerate() {
        if matches!(*b, 0..=8 | 14..=26 | 28..=31) {
            count += 1;
            first.get_or_insert(i);
        }
    }
    let replacement = text[..floor(text, 8192)].matches('\u{FFFD}').count();
    if !sample.is_empty() && (count * 20 > sample.len() || replacement * 10 > sample.len().max(1)) {
        first.or(Some(0)).map(|f| (f, count + replacement))
    } else {
        None
    }
}

fn floor(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Split one input into documents.
pub fn segment(path: &str, text: &str) -> (Vec<Segment>, Vec<Diagnostic>) {
    segment_with(path, text, None)
}

/// For an input that starts like a log (a log line among its first eight lines that are not
/// blank), how much of it [`segment`] classifies line by line: a caller that reads the log
/// records of `text[..end]` first can hand them to [`segment_with`]. `None` for anything else
/// (a config, whose lines would be scanned for records for nothing; a blank, binary or
/// cluster.conf input, which is not classified line by line).
pub(crate) fn line_range(path: &str, text: &str) -> Option<usize> {
    if text.trim().is_empty() || binary_at(text).is_some() {
        return None;
    }
    let limit = body_limit(text);
    let lower_path = path.to_ascii_lowercase();
    let name = lower_path.rsplit(['/', '\\']).next().unwrap_or("");
    let body = &text[..limit];
    let mut lines = body.lines().filter(|l| !l.trim().is_empty()).take(8);
    let log_like = lines.any(|l| logs::detect_line(l).is_some());
    (log_like && !is_cluster_conf(name, body)).then_some(limit)
}

/// Where the part of `text` that is analysed ends ([`MAX_INPUT`], at a line's end).
fn body_limit(text: &str) -> usize {
    if text.len() <= MAX_INPUT {
        return text.len();
    }
    text[..floor(text, MAX_INPUT)]
        .rfind('\n')
        .map(|i| i + 1)
        .unwrap_or(floor(text, MAX_INPUT))
}

/// A cluster.conf, by its name or its content.
fn is_cluster_conf(name: &str, body: &str) -> bool {
    name == "cluster.conf" || name.ends_with(".xml") && body.contains("<cluster")
}

/// [`segment`], given the records [`logs::read`] finds in `text[..end]` (`end` from
/// [`line_range`]), in order: a line is a log line when a record starts at its first non-blank
/// byte, which is what [`logs::detect_line`] decides, so the prefixes are not parsed twice.
pub(crate) fn segment_with(
    path: &str,
    text: &str,
    records: Option<&[logs::Record]>,
) -> (Vec<Segment>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    if text.trim().is_empty() {
        // An empty corosync.conf is still a config (and corosync rejects it).
        let name = path
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if name.contains("corosync") && name.ends_with(".conf") {
            let seg = Segment {
                kind: DocKind::CorosyncConf,
                span: Span::new(0, text.len()),
                target: None,
                evidence: vec![],
                reflow: None,
            };
            return (vec![seg], diags);
        }
        return (Vec::new(), diags);
    }
    if let Some((at, count)) = binary_at(text) {
        let end = floor(text, at + 1).max(
            text[at..]
                .chars()
                .next()
                .map(|c| at + c.len_utf8())
                .unwrap_or(at),
        );
        diags.push(
            BINARY
                .diag(Span::new(at, end), msg!("D001.message", count = count))
                .help(msg!("D001.help"))
                .explain(msg!("D001.explain")),
        );
        return (
            vec![Segment {
                kind: DocKind::Unknown,
                span: Span::new(0, text.len()),
                target: None,
                evidence: vec![],
                reflow: None,
            }],
            diags,
        );
    }
    let limit = body_limit(text);
    if limit < text.len() {
        diags.push(
            TOO_LARGE
                .diag(
                    Span::new(limit, floor(text, limit + 1).max(limit)),
                    msg!("D006.message", mib = MAX_INPUT / (1024 * 1024)),
                )
                .help(msg!("D006.help"))
                .explain(msg!("D006.explain")),
        );
    }
    let body = &text[..limit];
    let lower_path = path.to_ascii_lowercase();
    let name = lower_path.rsplit(['/', '\\']).next().unwrap_or("");

    let mut segs = Vec::new();
    // cluster.conf: by name or by content.
    if is_cluster_conf(name, body) {
        segs.push(Segment {
            kind: DocKind::ClusterConf,
            span: Span::new(0, limit),
            target: Some(Target::major(1)),
            evidence: vec![msg!("detect.ev.cluster-conf-name")],
            reflow: None,
        });
    } else {
        segs = by_lines(body, &lower_path, records);
    }
    // Refine: fragments, versions, evidence.
    for s in &mut segs {
        if s.kind.is_config() {
            refine_config(text, s, &lower_path);
        }
    }
    if let Some(r) = segs.iter().find(|s| s.reflow.is_some()) {
        let lines: usize = segs
            .iter()
            .filter_map(|s| s.reflow.as_ref().map(Reflow::lines))
            .sum();
        let at = r.span;
        diags.push(
            REFLOWED
                .diag(
                    Span::new(at.start, floor(text, at.start + 1).max(at.start)),
                    msg!("D004.message", lines = lines),
                )
                .help(msg!("D004.help"))
                .explain(msg!("D004.explain")),
        );
    }
    if !segs
        .iter()
        .any(|s| s.kind.is_config() || matches!(s.kind, DocKind::Log(_) | DocKind::ClusterConf))
    {
        let first = body.find(|c: char| !c.is_whitespace()).unwrap_or(0);
        let end = body[first..]
            .find('\n')
            .map(|i| first + i)
            .unwrap_or(body.len());
        diags.push(
            NOTHING
                .diag(Span::new(first, end), msg!("D005.message"))
                .help(msg!("D005.help"))
                .explain(msg!("D005.explain")),
        );
    }
    (segs, diags)
}

/// Line-based segmentation of ordinary text; long glued lines are rebuilt.
fn by_lines(text: &str, lower_path: &str, records: Option<&[logs::Record]>) -> Vec<Segment> {
    struct Run {
        kind: RunKind,
        start: usize,
        end: usize,
        depth: i64,
        has_open: bool,
        known_keys: usize,
        log: Option<LogFormat>,
    }
    #[derive(PartialEq, Clone, Copy)]
    enum RunKind {
        Conf,
        Log,
        Prose,
        Xml,
    }
    let mut segs: Vec<Segment> = Vec::new();
    let mut run: Option<Run> = None;
    let path_says_log = lower_path.ends_with(".log")
        || lower_path.contains("messages")
        || lower_path.contains("syslog")
        || lower_path.contains("journal");

    let finish = |run: Run, segs: &mut Vec<Segment>| {
        let kind = match run.kind {
            RunKind::Conf if run.has_open || run.known_keys > 0 => DocKind::CorosyncConf,
            RunKind::Log => DocKind::Log(run.log.unwrap_or(LogFormat::Syslog)),
            RunKind::Xml => DocKind::ClusterConf,
            _ => DocKind::Prose,
        };
        if run.end > run.start {
            push_merged(
                segs,
                Segment {
                    kind,
                    span: Span::new(run.start, run.end),
                    target: None,
                    evidence: vec![],
                    reflow: None,
                },
            );
        }
    };

    let mut pos = 0;
    let mut xml_open = false;
    // The first of `records` not before the current line.
    let mut next_rec = 0;
    while pos < text.len() {
        let nl = memchr::memchr(b'\n', &text.as_bytes()[pos..])
            .map(|i| pos + i + 1)
            .unwrap_or(text.len());
        let line = &text[pos..nl];
        let content = line.trim_end_matches(['\n', '\r']);
        if content.len() >= GLUED_MIN {
            if let Some(parts) = unglue(text, Span::new(pos, pos + content.len())) {
                if let Some(r) = run.take() {
                    finish(r, &mut segs);
                }
                for p in parts {
                    push_merged(&mut segs, p);
                }
                pos = nl;
                continue;
            }
        }
        let mut class = match records {
            // A `\r` inside the line ends a line for the reader, not here.
            Some(recs) if memchr::memchr(b'\r', content.as_bytes()).is_none() => {
                let lead = content.len() - content.trim_start_matches([' ', '\t']).len();
                let at = pos + lead;
                while recs.get(next_rec).is_some_and(|r| r.span().start < at) {
                    next_rec += 1;
                }
                match recs.get(next_rec) {
                    Some(r) if r.span().start == at => Class::Log(r.format),
                    _ => classify_conf(content),
                }
            }
            _ => classify(content),
        };
        if xml_open
            || (class == Class::Xml && (content.contains("<cluster") || content.contains("<?xml")))
        {
            xml_open = !content.contains("</cluster>");
            class = Class::Xml;
        } else if class == Class::Xml {
            class = Class::Prose; // markup that is not a cluster.conf
        }
        let want = match class {
            Class::Blank => None,
            Class::Log(_) => Some(RunKind::Log),
            Class::Xml => Some(RunKind::Xml),
            Class::Comment | Class::Open | Class::Close | Class::KeyValue { .. } => {
                Some(RunKind::Conf)
            }
            Class::Prose => {
                // Inside an open section, odd lines are config errors, not prose.
                if run
                    .as_ref()
                    .is_some_and(|r| r.kind == RunKind::Conf && r.depth > 0)
                {
                    Some(RunKind::Conf)
                } else {
                    Some(RunKind::Prose)
                }
            }
        };
        // A comment inside prose stays prose unless config follows (decided at finish).
        let want = match (want, &run) {
            (Some(RunKind::Conf), Some(r))
                if r.kind == RunKind::Log && path_says_log && !matches!(class, Class::Open) =>
            {
                Some(RunKind::Log)
            }
            (w, _) => w,
        };
        match (want, &mut run) {
            (None, Some(r)) => r.end = nl,
            (None, None) => {}
            (Some(k), Some(r)) if r.kind == k => {
                r.end = nl;
            }
            (Some(k), _) => {
                if let Some(r) = run.take() {
                    finish(r, &mut segs);
                }
                run = Some(Run {
                    kind: k,
                    start: pos,
                    end: nl,
                    depth: 0,
                    has_open: false,
                    known_keys: 0,
                    log: None,
                });
            }
        }
        if let Some(r) = &mut run {
            match class {
                Class::Open => {
                    r.depth += 1;
                    r.has_open = true;
                }
                Class::Close => r.depth -= 1,
                Class::KeyValue { known: true } => r.known_keys += 1,
                Class::Log(f) => {
                    r.log.get_or_insert(f);
                }
                _ => {}
            }
        }
        pos = nl;
    }
    if let Some(r) = run.take() {
        finish(r, &mut segs);
    }
    // A file named like a corosync config is one document when nothing in it is a log or XML.
    let name = lower_path.rsplit(['/', '\\']).next().unwrap_or("");
    let conf_name = name.ends_with(".conf") || name == "pcmk" || lower_path.contains("service.d/");
    if conf_name
        && segs.iter().any(|s| s.kind.is_config())
        && segs
            .iter()
            .all(|s| s.kind.is_config() || s.kind == DocKind::Prose)
        && !segs.iter().any(|s| s.reflow.is_some())
    {
        return vec![Segment {
            kind: DocKind::CorosyncConf,
            span: Span::new(0, text.len()),
            target: None,
            evidence: vec![],
            reflow: None,
        }];
    }
    // A lone config document takes the whole input, so that printing it is lossless and every
    // line (leading comments, trailing blanks) is checked.
    let configs = segs.iter().filter(|s| s.kind.is_config()).count();
    if configs == 1
        && segs
            .iter()
            .all(|s| s.kind.is_config() || s.kind == DocKind::Prose)
        && !segs.iter().any(|s| s.reflow.is_some())
    {
        let prose_only_blank = segs
            .iter()
            .filter(|s| s.kind == DocKind::Prose)
            .all(|s| text[s.span.start..s.span.end].trim().is_empty());
        if prose_only_blank || segs.len() == 1 {
            return vec![Segment {
                kind: DocKind::CorosyncConf,
                span: Span::new(0, text.len()),
                target: None,
                evidence: vec![],
                reflow: None,
            }];
        }
    }
    segs
}

/// Merge with the previous segment when both are the same plain kind.
fn push_merged(segs: &mut Vec<Segment>, s: Segment) {
    if let Some(last) = segs.last_mut() {
        let same = matches!(
            (last.kind, s.kind),
            (DocKind::Log(_), DocKind::Log(_)) | (DocKind::Prose, DocKind::Prose)
        );
        if same && last.reflow.is_none() && s.reflow.is_none() && last.span.end == s.span.start {
            last.span.end = s.span.end;
            return;
        }
    }
    segs.push(s);
}

// ---------------------------------------------------------------------------------------------
// Glued text (mail archives): find log records and config blocks inside one long line.

fn unglue(text: &str, line: Span) -> Option<Vec<Segment>> {
    let s = &text[line.start..line.end];
    let mut found: Vec<Segment> = Vec::new();

    // Config blocks: `<section> {` … matching `}`.
    for (a, b) in config_blocks(s) {
        let span = Span::new(line.start + a, line.start + b);
        let reflow = reflow_config(text, span);
        found.push(Segment {
            kind: DocKind::CorosyncConf,
            span,
            target: None,
            evidence: vec![],
            reflow: Some(reflow),
        });
    }
    // Log records.
    let starts: Vec<usize> = logs::record_starts(s)
        .into_iter()
        .filter(|st| {
            !found
                .iter()
                .any(|f| f.span.start <= line.start + st && line.start + st < f.span.end)
        })
        .collect();
    // One record at the start of an ASCII line is just a long log line, not glued text.
    let glued = starts.len() >= 2
        || starts.first().is_some_and(|&st| st > 0)
        || !found.is_empty()
        || !s.is_ascii();
    if !starts.is_empty() && glued {
        let mut reflow = Reflow::new();
        let mut first_fmt = None;
        let mut seg_start = None;
        let mut seg_end = 0;
        for (i, &st) in starts.iter().enumerate() {
            let next = starts.get(i + 1).copied().unwrap_or(s.len());
            // A record ends at the next record, or before the first non-ASCII character:
            // these daemons log ASCII, and the prose around them in an archive usually is not.
            let stop = s[st..next]
                .find(|c: char| !c.is_ascii())
                .map(|j| st + j)
                .unwrap_or(next);
            let end = st + s[st..stop].trim_end().len();
            if end <= st {
                continue;
            }
            if first_fmt.is_none() {
                first_fmt = logs::detect_line(&s[st..end]);
            }
            seg_start.get_or_insert(st);
            seg_end = end;
            reflow.push_line(text, Span::new(line.start + st, line.start + end));
        }
        if let Some(a) = seg_start {
            found.push(Segment {
                kind: DocKind::Log(first_fmt.unwrap_or(LogFormat::Syslog)),
                span: Span::new(line.start + a, line.start + seg_end),
                target: None,
                evidence: vec![],
                reflow: Some(reflow),
            });
        }
    }
    if found.is_empty() {
        return None;
    }
    crate::sort::sort_by_key(&mut found, |f| f.span.start);
    // Fill the gaps with prose.
    let mut out = Vec::new();
    let mut at = line.start;
    for f in found {
        if f.span.start < at {
            continue; // overlapping find: keep the first
        }
        if f.span.start > at {
            out.push(Segment {
                kind: DocKind::Prose,
                span: Span::new(at, f.span.start),
                target: None,
                evidence: vec![],
                reflow: None,
            });
        }
        at = f.span.end;
        out.push(f);
    }
    if at < line.end {
        out.push(Segment {
            kind: DocKind::Prose,
            span: Span::new(at, line.end),
            target: None,
            evidence: vec![],
            reflow: None,
        });
    }
    Some(out)
}

/// `(start, end)` of each `<known section> {` … matching `}` block in a glued line.
fn config_blocks(s: &str) -> Vec<(usize, usize)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(off) = s[i..].find('{') {
        let brace = i + off;
        // The word before the brace.
        let before = s[..brace].trim_end_matches([' ', '\t', ':']);
        let word_start = before
            .char_indices()
            .rev()
            .find(|(_, c)| !is_key_char(*c))
            .map(|(j, c)| j + c.len_utf8())
            .unwrap_or(0);
        let word = &before[word_start..];
        if !SECTION_NAMES.contains(&word) {
            i = brace + 1;
            continue;
        }
        // Find the matching close brace; give up at the end of the line.
        let mut depth = 0i64;
        let mut end = None;
        for (j, &c) in b.iter().enumerate().skip(brace) {
            if c == b'{' {
                depth += 1;
            } else if c == b'}' {
                depth -= 1;
                if depth == 0 {
                    end = Some(j + 1);
                    break;
                }
            }
        }
        match end {
            Some(e) => {
                out.push((word_start, e));
                i = e;
            }
            None => break,
        }
    }
    out
}

/// Rebuild a glued config block: one line per `name {`, `}`, `key: value` or `# comment`.
/// A comment or value runs until the next `key:` token, `{`-opener or `}`.
fn reflow_config(text: &str, span: Span) -> Reflow {
    let s = &text[span.start..span.end];
    // Token boundaries: positions where a new line starts.
    let mut cuts: Vec<usize> = Vec::new();
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < s.len() {
        let c = bytes[i];
        let at_word_start = i == 0 || bytes[i - 1] == b' ' || bytes[i - 1] == b'\t';
        if c == b'}' {
            cuts.push(i);
            i += 1;
            cuts.push(i);
            continue;
        }
        if c == b'#' && at_word_start {
            cuts.push(i);
        } else if at_word_start && (c as char).is_ascii_alphabetic() {
            // `word {` or `word:` followed by a blank/end.
            let w_end = s[i..]
                .find(|ch: char| !is_key_char(ch))
                .map(|j| i + j)
                .unwrap_or(s.len());
            let word = &s[i..w_end];
            let rest = s[w_end..].trim_start_matches([' ', '\t']);
            let is_open = rest.starts_with('{') && SECTION_NAMES.contains(&word);
            let is_key = s[w_end..].starts_with(':')
                && (w_end + 1 >= s.len() || s[w_end + 1..].starts_with([' ', '\t', '}']));
            if is_open
                || (is_key && KEY_HINTS.contains(&word))
                || (is_key && !inside_comment(s, &cuts, i))
            {
                cuts.push(i);
            }
            if is_open {
                let brace = s.len() - rest.len();
                cuts.push(brace + 1);
                i = brace + 1;
                continue;
            }
            i = w_end.max(i + 1);
            continue;
        }
        i += 1;
    }
    cuts.push(s.len());
    crate::sort::sort(&mut cuts);
    cuts.dedup();
    let mut r = Reflow::new();
    let mut prev = 0;
    for &c in &cuts {
        if c > prev {
            let piece = &s[prev..c];
            let lead = piece.len() - piece.trim_start().len();
            let t = piece.trim();
            if !t.is_empty() {
                r.push_line(
                    text,
                    Span::new(span.start + prev + lead, span.start + prev + lead + t.len()),
                );
            }
        }
        prev = c;
    }
    r
}

/// Is position `i` inside a `#` comment that started at the last cut?
fn inside_comment(s: &str, cuts: &[usize], _i: usize) -> bool {
    cuts.last().is_some_and(|&c| s[c..].starts_with('#'))
}

// ---------------------------------------------------------------------------------------------
// Config documents: fragment or main file, and which corosync they look like.

fn refine_config(text: &str, seg: &mut Segment, lower_path: &str) {
    let body: &str = match &seg.reflow {
        Some(r) => &r.text,
        None => &text[seg.span.start..seg.span.end],
    };
    let mut ev = Vec::new();
    let tops = top_level_sections(body);
    let only_service = !tops.is_empty() && tops.iter().all(|t| *t == "service");
    // What the surrounding text says about the file name (`>> /etc/corosync/service.d/pcmk`).
    let mut from = seg.span.start.saturating_sub(300);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[from..seg.span.start];
    if lower_path.contains("service.d") || lower_path.rsplit('/').next() == Some("pcmk") {
        seg.kind = DocKind::ServiceFragment;
        ev.push(msg!("detect.ev.fragment-path"));
    } else if before.contains("service.d/") && only_service {
        seg.kind = DocKind::ServiceFragment;
        ev.push(msg!("detect.ev.fragment-mentioned"));
    } else if only_service {
        seg.kind = DocKind::ServiceFragment;
        ev.push(msg!("detect.ev.fragment-only-service"));
    }
    let (target, vev) = infer_version(body, &tops);
    ev.extend(vev);
    if seg.kind == DocKind::ServiceFragment && target.is_none() {
        seg.target = Some(Target::major(1));
        ev.push(msg!("detect.ev.v1-service-d"));
    } else {
        seg.target = target;
    }
    seg.evidence = ev;
}

fn top_level_sections(body: &str) -> Vec<&str> {
    let mut depth = 0i64;
    let mut out = Vec::new();
    for line in crate::text::lines(body) {
        match classify_conf(line) {
            Class::Open => {
                if depth == 0 {
                    let t = line.trim();
                    out.push(t[..t.find('{').unwrap_or(0)].trim_end_matches([' ', '\t', ':']));
                }
                depth += 1;
            }
            Class::Close => depth = (depth - 1).max(0),
            _ => {}
        }
    }
    out
}

/// Guess the corosync series from what a config uses. Returns the evidence either way.
fn infer_version(body: &str, tops: &[&str]) -> (Option<Target>, Vec<Msg>) {
    let mut v1 = Vec::new();
    let mut v2 = Vec::new();
    let mut v3 = Vec::new();
    // One pass over the lines: which of the keys that tell versions apart appear (`key:` at
    // the start of a line) and the last `transport:` value.
    const KEYS: [&str; 17] = [
        "compatibility",
        "link_mode",
        "linknumber",
        "crypto_model",
        "knet_transport",
        "knet_link_priority",
        "knet_pmtud_interval",
        "knet_compression_model",
        "ring2_addr",
        "ring3_addr",
        "ring4_addr",
        "ring5_addr",
        "ring6_addr",
        "ring7_addr",
        "rrp_mode",
        "bindnetaddr",
        "transport",
    ];
    let mut seen = [false; KEYS.len()];
    let mut transport = None;
    for l in crate::text::lines(body) {
        let t = l.trim_start();
        let Some((k, v)) = t.split_once(':') else {
            continue;
        };
        let k = k.trim_end();
        if let Some(i) = KEYS.iter().position(|x| *x == k) {
            seen[i] = true;
            if i == KEYS.len() - 1 {
                transport = Some(v.trim());
            }
        }
    }
    let has = |key: &str| KEYS.iter().position(|x| *x == key).is_some_and(|i| seen[i]);
    if tops.contains(&"service") {
        v1.push(msg!("detect.ev.v1-service"));
    }
    if tops.contains(&"aisexec") || tops.contains(&"amf") {
        v1.push(msg!("detect.ev.v1-aisexec"));
    }
    if has("compatibility") {
        v1.push(msg!("detect.ev.v1-compatibility"));
    }
    let nodelist = tops.contains(&"nodelist");
    if transport == Some("knet") {
        v3.push(msg!("detect.ev.v3-knet"));
    }
    // KEYS[1..8]: the keys only corosync 3 knows (link_mode … knet_compression_model).
    for k in &KEYS[1..8] {
        if has(k) {
            v3.push(msg!("detect.ev.v3-key", key = k));
            break;
        }
    }
    if KEYS[8..14].iter().any(|k| has(k)) {
        v3.push(msg!("detect.ev.v3-ring2"));
    }
    if has("rrp_mode") {
        v2.push(msg!("detect.ev.v2-key", key = "rrp_mode"));
    }
    if nodelist && matches!(transport, Some("udpu") | Some("udp")) && v3.is_empty() {
        v2.push(msg!("detect.ev.v2-nodelist-udpu"));
    }
    if nodelist && v1.is_empty() && v2.is_empty() && v3.is_empty() {
        v3.push(msg!("detect.ev.v3-nodelist"));
    }
    if v1.is_empty() && v2.is_empty() && v3.is_empty() && has("bindnetaddr") && !nodelist {
        v1.push(msg!("detect.ev.v12-interface-only"));
    }
    let t = if !v1.is_empty() && !nodelist {
        Some(Target::major(1))
    } else if !v3.is_empty() {
        Some(Target::major(3))
    } else if !v2.is_empty() {
        Some(Target::major(2))
    } else {
        None
    };
    let mut ev = v1;
    ev.extend(v2);
    ev.extend(v3);
    (t, ev)
}

// ---------------------------------------------------------------------------------------------
// cluster.conf

/// Findings for a CMAN cluster.conf: recognise it and say what it means.
pub fn cluster_conf_findings(text: &str, range: Span) -> Vec<Diagnostic> {
    let body = &text[range.start..range.end];
    let Some(at) = body.find("<cluster") else {
        return Vec::new();
    };
    let start = range.start + at;
    let end = body[at..]
        .find('>')
        .map(|j| start + j + 1)
        .unwrap_or(range.end);
    let name = attr(&text[start..end], "name").unwrap_or("?").to_string();
    let nodes = body.matches("<clusternode ").count();
    let pcmk = body.contains("fence_pcmk");
    let key = if pcmk {
        "D003.message.pcmk"
    } else {
        "D003.message"
    };
    vec![
        CMAN_CONF
            .diag(Span::new(start, end), msg!(key, name = name, nodes = nodes))
            .help(msg!("D003.help"))
            .explain(msg!("D003.explain")),
    ]
}

/// The value of `name="…"` in an XML start tag.
pub fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = tag;
    while let Some(i) = rest.find(name) {
        let before_ok = i == 0 || rest.as_bytes()[i - 1].is_ascii_whitespace();
        let after = rest[i + name.len()..].trim_start();
        if before_ok && after.starts_with('=') {
            let v = after[1..].trim_start();
            let q = v.chars().next()?;
            if q == '"' || q == '\'' {
                let inner = &v[1..];
                return inner.find(q).map(|e| &inner[..e]);
            }
        }
        rest = &rest[i + name.len()..];
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`segment_with`] given the records of the text is [`segment`]: every fixture, and each
    /// with the changes that could tell them apart (CR inside and at the end of lines, leading
    /// blanks, mail quoting, a byte-order mark, glued lines, a config pasted between log lines).
    #[test]
    fn segments_from_records_are_segments_from_lines() {
        fn files(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
            for e in std::fs::read_dir(dir).unwrap().flatten() {
                let p = e.path();
                if p.is_dir() {
                    files(&p, out);
                } else if let Ok(b) = std::fs::read(&p) {
                    let name = p.file_name().unwrap().to_string_lossy().into_owned();
                    out.push((name, crate::text::decode(&b).text));
                }
            }
        }
        let mut inputs = Vec::new();
        files(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures"),
            &mut inputs,
        );
        assert!(inputs.len() > 200, "{}", inputs.len());
        // A prefix read across a CR (Pacemaker 1.1's tracing parentheses allow one): the
        // reader ends the line there, the lines here do not.
        inputs.push((
            "paste".into(),
            "Aug 26 16:20:40 [2360] node1 crmd:   (te.c\r:123 tag) notice: run: x\n".into(),
        ));
        let mut cases: Vec<(String, String)> = Vec::new();
        for (name, t) in &inputs {
            cases.push((name.clone(), t.clone()));
            cases.push((name.clone(), t.replace('\n', "\r\n")));
            cases.push(("paste".into(), t.replacen(' ', "\r", 3)));
            cases.push(("paste".into(), t.replace('\n', "\n  ")));
            cases.push(("x.log".into(), t.replace('\n', "\n> ")));
            cases.push(("paste".into(), format!("\u{FEFF}{t}")));
            cases.push(("paste".into(), t.replace('\n', " ")));
            cases.push((
                "messages".into(),
                format!("{t}\ntotem {{\n version: 2\n}}\n{t}"),
            ));
        }
        let mut logs = 0;
        for (path, t) in &cases {
            let want = segment(path, t);
            // Every input, not only those `line_range` picks: the records of any text do.
            let recs = logs::read(t, Span::new(0, body_limit(t)), 0);
            let got = segment_with(path, t, Some(&recs));
            logs += want
                .0
                .iter()
                .filter(|s| matches!(s.kind, DocKind::Log(_)))
                .count();
            // (Segments hold messages, compared by what they print.)
            assert_eq!(format!("{:?}", got), format!("{:?}", want), "{path}: {t:?}");
        }
        assert!(logs > 300, "{logs} log documents");
    }

    #[test]
    fn plain_config_is_one_document() {
        let t = "# hi\ntotem {\n  version: 2\n}\n\n";
        let (s, d) = segment("corosync.conf", t);
        assert!(d.is_empty());
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].kind, DocKind::CorosyncConf);
        assert_eq!(s[0].span, Span::new(0, t.len()));
    }

    #[test]
    fn fragment_by_path_and_by_content() {
        let t = "service {\n\tname: pacemaker\n\tver: 0\n}\n";
        let (s, _) = segment("pcmk", t);
        assert_eq!(s[0].kind, DocKind::ServiceFragment);
        assert_eq!(s[0].target, Some(Target::major(1)));
        let (s, _) = segment("pasted", t);
        assert_eq!(s[0].kind, DocKind::ServiceFragment);
    }

    #[test]
    fn version_evidence() {
        let (s, _) = segment(
            "c",
            "totem {\n version: 2\n transport: knet\n}\nnodelist {\n node {\n ring0_addr: a\n }\n}\n",
        );
        assert_eq!(s[0].target, Some(Target::major(3)));
        assert!(!s[0].evidence.is_empty());
        let (s, _) = segment("c", "compatibility: whitetank\ntotem {\n version: 2\n}\n");
        assert_eq!(s[0].target, Some(Target::major(1)));
    }

    #[test]
    fn reflow_glued_service_block() {
        let line = "intro text ■pcmk設定 # cat <<-END >>/etc/corosync/service.d/pcmk service { # Load the Pacemaker Cluster Resource Manager name: pacemaker ver: 0 } END ■more text that is long enough to be a glued line in an archive page";
        let blocks = config_blocks(line);
        assert_eq!(blocks.len(), 1);
        let (a, b) = blocks[0];
        assert!(line[a..b].starts_with("service {") && line[a..b].ends_with('}'));
        let r = reflow_config(line, Span::new(a, b));
        assert_eq!(
            r.text,
            "service {\n# Load the Pacemaker Cluster Resource Manager\nname: pacemaker\nver: 0\n}"
        );
        // `ver: 0` maps back to the original position
        let at = r.text.find("ver: 0").unwrap();
        let o = r.to_original(Span::new(at, at + 6));
        assert_eq!(&line[o.start..o.end], "ver: 0");
    }

    #[test]
    fn cluster_conf_is_recognised() {
        let t = "<?xml version=\"1.0\"?>\n<cluster name=\"c1\" config_version=\"3\">\n<clusternodes>\n<clusternode name=\"a\" nodeid=\"1\"/>\n</clusternodes>\n</cluster>\n";
        let (s, _) = segment("cluster.conf", t);
        assert_eq!(s[0].kind, DocKind::ClusterConf);
        let (s, _) = segment("pasted", t);
        assert!(s.iter().any(|x| x.kind == DocKind::ClusterConf));
        let d = cluster_conf_findings(t, Span::new(0, t.len()));
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].code, "D003");
    }

    #[test]
    fn binary_is_reported() {
        let t: String = (0..2000).map(|i| char::from((i % 32) as u8)).collect();
        let (_, d) = segment("x", &t);
        assert_eq!(d[0].code, "D001");
    }

    #[test]
    fn attr_reads_quoted_values() {
        assert_eq!(
            attr("<cluster name=\"c1\" config_version='3'>", "config_version"),
            Some("3")
        );
        assert_eq!(
            attr("<clusternode nodename=\"x\" name=\"a\">", "name"),
            Some("a")
        );
    }
}
