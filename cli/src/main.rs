//! corocheck: the command line. Reads files, hands text to corocheck-core, renders findings.
//!
//! Exit status: 0 no errors, 1 errors found, 2 usage or I/O problem (any file that could not
//! be read; the other files are still checked and reported).

use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use corocheck_core::detect::{self, DocKind};
use corocheck_core::i18n::{self, Lang, Part, t};
use corocheck_core::logs::incident::Stage;
use corocheck_core::rules;
use corocheck_core::stack::{self, Presence};
use corocheck_core::text::{Decoded, Decoder, LineIndex};
use corocheck_core::{Diagnostic, Input, Options, Profile, Report, Severity, Target, analyze};
use serde_json::{Value, json};

#[derive(Parser)]
#[command(
    name = "corocheck",
    version,
    about = "Check corosync.conf, service.d fragments, cluster.conf and cluster logs"
)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Check files (`-` reads standard input). All files are analysed together, so a config
    /// and the logs it caused explain each other.
    Check {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Language of messages: en or ja (default: from LANG, else en).
        #[arg(long)]
        lang: Option<String>,
        /// corosync version to check against: 1, 2, 3, or a release such as 3.1.7
        /// (default: inferred from the inputs).
        #[arg(long = "target-version", value_name = "VERSION")]
        target_version: Option<String>,
        /// Opt-in best-practice profile: trento, trento-azure, trento-aws or trento-gcp
        /// (Trento's corosync checks, codes T1xx).
        #[arg(long, value_name = "PROFILE")]
        profile: Option<String>,
        /// Also print each finding's explanation (text format).
        #[arg(long)]
        explain: bool,
        /// How many threads read a large log (8 MiB or more); default: the CPUs this process
        /// may use. The findings are the same for any number.
        #[arg(long, short = 'j', value_name = "N")]
        jobs: Option<std::num::NonZeroUsize>,
        /// Apply every fix and write each changed file in place, keeping the original as
        /// FILE.orig (standard input is never rewritten). Findings and the exit status then
        /// describe the fixed files.
        #[arg(long)]
        fix: bool,
        /// Print what the fixes change as a unified diff instead of the findings; writes
        /// nothing (unless --fix is also given).
        #[arg(long)]
        diff: bool,
        /// With --fix: overwrite an existing FILE.orig backup.
        #[arg(long, requires = "fix")]
        force: bool,
        #[arg(required = true, value_name = "FILE")]
        files: Vec<String>,
    },
    /// Convert a CMAN cluster.conf into a corosync 3 corosync.conf and a pcs (0.10+) script.
    Convert {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Language of the comments: en or ja (default: from LANG, else en).
        #[arg(long)]
        lang: Option<String>,
        /// Write `corosync.conf` and `pcs-commands.sh` into this directory instead of printing.
        #[arg(long = "output-dir", value_name = "DIR")]
        output_dir: Option<std::path::PathBuf>,
        /// The cluster.conf (`-` reads standard input).
        #[arg(value_name = "FILE")]
        file: String,
    },
    /// Print the documentation of a code (e.g. C501) or rule name.
    Explain {
        code: String,
        #[arg(long)]
        lang: Option<String>,
    },
    /// Print one part of the web page's text for one language, `<part>-<lang>.txt`: `text`,
    /// which the page installs at start, or `logs`, `cman` or `trento`, which it fetches when
    /// the input needs them (scripts/build-web.sh writes them all).
    #[command(hide = true)]
    Text {
        lang: String,
        #[arg(long, default_value = "text")]
        part: String,
    },
    /// List every code.
    Rules {
        #[arg(long)]
        lang: Option<String>,
        /// Print a Markdown table (as in the README).
        #[arg(long)]
        markdown: bool,
        /// Print every rule's full docs in English and Japanese as one JSON object keyed by
        /// code (`{"C501": {"name", "severity", "en", "ja"}}`): the web page loads this file
        /// (`docs.json`) when a finding's explanation is first opened.
        #[arg(long, conflicts_with = "markdown")]
        json: bool,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match cli.cmd {
        Cmd::Check {
            format,
            lang,
            target_version,
            profile,
            explain,
            jobs,
            fix,
            diff,
            force,
            files,
        } => {
            let lang = match pick_lang(lang.as_deref()) {
                Ok(l) => l,
                Err(code) => return code,
            };
            let target = match target_version.as_deref().map(|v| (v, Target::parse(v))) {
                None => None,
                Some((_, Some(t))) => Some(t),
                Some((v, None)) => {
                    eprintln!(
                        "corocheck: --target-version {v:?}: expected 1, 2, 3 or a release like 3.1.7"
                    );
                    return ExitCode::from(2);
                }
            };
            let profile = match profile.as_deref().map(|p| (p, Profile::parse(p))) {
                None => None,
                Some((_, Some(p))) => Some(p),
                Some((p, None)) => {
                    eprintln!(
                        "corocheck: --profile {p:?}: expected trento, trento-azure, trento-aws or trento-gcp"
                    );
                    return ExitCode::from(2);
                }
            };
            let threads = jobs
                .or_else(|| std::thread::available_parallelism().ok())
                .map_or(1, |n| n.get());
            let opts = Options {
                target,
                profile,
                threads,
            };
            let fixing = Fixing { fix, diff, force };
            check(&files, format, lang, &opts, explain, fixing)
        }
        Cmd::Convert {
            format,
            lang,
            output_dir,
            file,
        } => {
            let lang = match pick_lang(lang.as_deref()) {
                Ok(l) => l,
                Err(c) => return c,
            };
            convert(&file, format, lang, output_dir.as_deref())
        }
        Cmd::Explain { code, lang } => {
            let lang = match pick_lang(lang.as_deref()) {
                Ok(l) => l,
                Err(c) => return c,
            };
            explain_code(&code, lang)
        }
        Cmd::Text { lang, part } => {
            match (
                Lang::parse(&lang),
                Part::ALL.into_iter().find(|p| p.name() == part),
            ) {
                (Some(l), Some(p)) => {
                    let _ = write!(std::io::stdout().lock(), "{}", i18n::pack(l, p));
                    ExitCode::SUCCESS
                }
                _ => {
                    eprintln!(
                        "corocheck: text {lang:?} --part {part:?}: expected en or ja, and text, logs, cman or trento"
                    );
                    ExitCode::from(2)
                }
            }
        }
        Cmd::Rules {
            lang,
            markdown,
            json,
        } => {
            let lang = match pick_lang(lang.as_deref()) {
                Ok(l) => l,
                Err(c) => return c,
            };
            if json {
                let mut docs: serde_json::Map<String, Value> = rules::all_meta()
                    .iter()
                    .map(|m| {
                        let v = json!({
                            "name": m.name,
                            "severity": m.severity.as_str(),
                            "en": m.docs(Lang::En),
                            "ja": m.docs(Lang::Ja),
                        });
                        (m.code.to_string(), v)
                    })
                    .collect();
                for e in corocheck_core::logs::kb::entries() {
                    let v = json!({
                        "name": e.id,
                        "severity": e.severity.as_str(),
                        "en": kb_markdown(e, Lang::En),
                        "ja": kb_markdown(e, Lang::Ja),
                    });
                    docs.insert(e.code.clone(), v);
                }
                let _ = writeln!(std::io::stdout().lock(), "{}", Value::Object(docs));
                return ExitCode::SUCCESS;
            }
            let mut rows: Vec<(String, &str, String, String)> = rules::all_meta()
                .iter()
                .map(|m| {
                    (
                        m.code.to_string(),
                        m.severity.as_str(),
                        m.name.to_string(),
                        what_it_does(&m.docs(lang)),
                    )
                })
                .collect();
            for e in corocheck_core::logs::kb::entries() {
                rows.push((
                    e.code.clone(),
                    e.severity.as_str(),
                    e.id.clone(),
                    t(&format!("kb.{}.summary", e.id), lang),
                ));
            }
            let mut out = std::io::stdout().lock();
            let mut res = Ok(());
            if markdown {
                res = res.and_then(|_| {
                    writeln!(
                        out,
                        "| code | severity | name | what it finds |\n|---|---|---|---|"
                    )
                });
            }
            for (c, s, n, m) in &rows {
                res = res.and_then(|_| {
                    if markdown {
                        writeln!(
                            out,
                            "| `{c}` | {s} | {n} | {} |",
                            first_line(m).replace('|', "\\|")
                        )
                    } else {
                        writeln!(out, "{c}  {s:<8} {n:<32} {}", first_line(m))
                    }
                });
            }
            // A closed pipe (`| head`) is not an error worth a panic.
            let _ = res;
            ExitCode::SUCCESS
        }
    }
}

/// The first paragraph under the first heading of a rule's docs, on one line.
fn what_it_does(docs: &str) -> String {
    docs.lines()
        .skip_while(|l| !l.starts_with("## "))
        .skip(1)
        .skip_while(|l| l.trim().is_empty())
        .take_while(|l| !l.trim().is_empty())
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ")
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or("")
}

fn pick_lang(flag: Option<&str>) -> Result<Lang, ExitCode> {
    match flag {
        Some(s) => Lang::parse(s).ok_or_else(|| {
            eprintln!("corocheck: --lang {s:?}: expected en or ja");
            ExitCode::from(2)
        }),
        None => Ok(["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
            .and_then(|s| Lang::parse(&s))
            .unwrap_or(Lang::En)),
    }
}

fn explain_code(code: &str, lang: Lang) -> ExitCode {
    if let Some(m) = rules::find(code) {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "{} ({}, {})\n", m.code, m.name, m.severity.label(lang));
        let _ = writeln!(out, "{}", m.docs(lang));
        return ExitCode::SUCCESS;
    }
    if let Some(e) = corocheck_core::logs::kb::entries()
        .iter()
        .find(|e| e.code.eq_ignore_ascii_case(code) || e.id == code)
    {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "{} ({}, {})\n", e.code, e.id, e.severity.label(lang));
        let _ = writeln!(out, "{}", describe_kb(e, lang));
        return ExitCode::SUCCESS;
    }
    eprintln!("corocheck: unknown code {code:?} (see `corocheck rules`)");
    ExitCode::from(2)
}

/// A knowledge-base entry as the page's docs (the small Markdown `web/src/md.rs` reads): what
/// the message means, its causes, what to do, versions, related keys and real examples.
fn kb_markdown(e: &corocheck_core::logs::kb::Entry, lang: Lang) -> String {
    kb_sections(e, lang, true)
}

/// A knowledge-base entry as text (`corocheck explain`): the summary and templates, then the
/// same sections as the page's docs.
fn describe_kb(e: &corocheck_core::logs::kb::Entry, lang: Lang) -> String {
    let mut s = String::new();
    s.push_str(e.summary.get(lang));
    s.push_str("\n\n");
    for tpl in &e.templates {
        s.push_str(&format!("    {tpl}\n"));
    }
    s.push('\n');
    s.push_str(&kb_sections(e, lang, false));
    s
}

/// Meaning, causes, actions, versions, related keys and examples of a knowledge-base entry.
/// `markdown`: keys in backticks and examples in a fenced block (the page); else plain keys
/// and examples indented four spaces (the terminal).
fn kb_sections(e: &corocheck_core::logs::kb::Entry, lang: Lang, markdown: bool) -> String {
    let mut s = String::new();
    s.push_str(e.meaning.get(lang));
    s.push('\n');
    let list = |title: &str, items: &[corocheck_core::logs::kb::Text], s: &mut String| {
        if !items.is_empty() {
            s.push_str(&format!("\n## {title}\n"));
            for i in items {
                s.push_str(&format!("- {}\n", i.get(lang)));
            }
        }
    };
    list(&t("cli.kb.causes", lang), &e.causes, &mut s);
    list(&t("cli.kb.actions", lang), &e.actions, &mut s);
    s.push_str(&format!(
        "\n## {}\n{}\n",
        t("cli.kb.versions", lang),
        e.versions_text()
    ));
    if !e.keys.is_empty() {
        let keys: Vec<String> = if markdown {
            e.keys.iter().map(|k| format!("`{k}`")).collect()
        } else {
            e.keys.clone()
        };
        s.push_str(&format!(
            "\n## {}\n{}\n",
            t("cli.kb.keys", lang),
            keys.join(", ")
        ));
    }
    if !e.examples.is_empty() {
        s.push_str(&format!("\n## {}\n", t("cli.kb.examples", lang)));
        if markdown {
            s.push_str("```text\n");
        }
        for x in &e.examples {
            s.push_str(if markdown { "" } else { "    " });
            s.push_str(x);
            s.push('\n');
        }
        if markdown {
            s.push_str("```\n");
        }
    }
    s
}

/// Read a file or stdin, at most one byte past the analysis limit (the core reports the cut
/// with D006), so a file of gigabytes costs no more than that in memory. The bytes are decoded
/// as they are read (1 MiB at a time into a `Decoder`), so the file is held once, as text. Over
/// the limit, say so on stderr with the file's name and size. Returns the text and the number
/// of bytes read.
fn read_input(path: &str, lang: Lang) -> std::io::Result<(Decoded, usize)> {
    let limit = detect::MAX_INPUT as u64 + 1;
    let (reader, size): (Box<dyn Read>, Option<u64>) = if path == "-" {
        (Box::new(std::io::stdin().lock()), None)
    } else {
        let f = std::fs::File::open(path)?;
        let size = f.metadata().ok().filter(|m| m.is_file()).map(|m| m.len());
        (Box::new(f), size)
    };
    let mut reader = reader.take(limit);
    let mut dec = Decoder::with_capacity(size.map_or(0, |s| s.min(limit) as usize));
    let mut buf = vec![0; 1 << 20];
    let mut read = 0;
    loop {
        match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                dec.push(&buf[..n]);
                read += n;
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    if read > detect::MAX_INPUT {
        let mib = |n: u64| format!("{:.1} MiB", n as f64 / 1048576.0);
        let shown = if path == "-" { "<stdin>" } else { path };
        let msg = corocheck_core::msg!(
            "cli.too_large",
            size = size.map_or_else(|| format!("> {}", mib(limit - 1)), mib),
            mib = detect::MAX_INPUT / (1024 * 1024)
        );
        eprintln!("corocheck: {shown}: {}", msg.render(lang));
    }
    Ok((dec.finish(), read))
}

/// What `--fix`, `--diff` and `--force` asked for.
#[derive(Clone, Copy)]
struct Fixing {
    fix: bool,
    diff: bool,
    force: bool,
}

fn check(
    files: &[String],
    format: Format,
    lang: Lang,
    opts: &Options,
    explain: bool,
    fixing: Fixing,
) -> ExitCode {
    let target = opts.target;
    let mut io_failed = false;
    let mut texts: Vec<(String, String, Vec<Diagnostic>)> = Vec::new();
    // Per text: the path to write back to, when the file may be rewritten.
    let mut writable: Vec<Option<String>> = Vec::new();
    for path in files {
        match read_input(path, lang) {
            Ok((d, read)) => {
                let enc = detect::encoding_findings(&d);
                let shown = if path == "-" {
                    "<stdin>".to_string()
                } else {
                    path.clone()
                };
                // Only text that decodes to exactly its bytes, read whole, is written back.
                let exact = enc.is_empty() && read <= detect::MAX_INPUT;
                writable.push((path != "-" && exact).then(|| path.clone()));
                texts.push((shown, d.text, enc));
            }
            Err(e) => {
                eprintln!("corocheck: {path}: {e}");
                io_failed = true;
            }
        }
    }
    if fixing.fix || fixing.diff {
        match apply_fixes(&mut texts, &writable, opts, fixing) {
            Ok(()) => {}
            Err(()) => io_failed = true,
        }
    }
    let inputs: Vec<Input> = texts
        .iter()
        .map(|(p, t, _)| Input {
            path: p.clone(),
            text: t,
        })
        .collect();
    let mut report = analyze(&inputs, opts);
    // Decoding findings belong to their file.
    for (i, (_, _, enc)) in texts.iter().enumerate() {
        for d in enc {
            let mut d = d.clone();
            d.file = i;
            report.diagnostics.push(d);
        }
    }
    report
        .diagnostics
        .sort_by(|a, b| (a.file, a.span.start, a.code).cmp(&(b.file, b.span.start, b.code)));

    let out = std::io::stdout();
    let mut out = out.lock();
    let res = match format {
        _ if fixing.diff => Ok(()),
        Format::Json => writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&corocheck_core::json::report(
                &report, &inputs, lang, target
            ))
            .unwrap_or_default()
        ),
        Format::Text => {
            let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            write_text(&mut out, &report, &inputs, lang, color, explain)
        }
    };
    if res.is_err() {
        return ExitCode::from(2);
    }
    if io_failed {
        ExitCode::from(2)
    } else if report.errors() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// `corocheck convert`: findings go to stderr (text) or into the JSON; the conversion is
/// printed or written. Exit 0 when converted without errors, 1 with errors in cluster.conf,
/// 2 when nothing could be converted (not a cluster.conf, I/O).
fn convert(path: &str, format: Format, lang: Lang, dir: Option<&std::path::Path>) -> ExitCode {
    let text = match read_input(path, lang) {
        Ok((d, _)) => d.text,
        Err(e) => {
            eprintln!("corocheck: {path}: {e}");
            return ExitCode::from(2);
        }
    };
    // Read it as a cluster.conf whatever its file name.
    let input = Input {
        path: "cluster.conf".into(),
        text: &text,
    };
    let report = analyze(std::slice::from_ref(&input), &Options::default());
    let Some(doc) = report.cman.first().filter(|d| !d.conversion.is_empty()) else {
        eprintln!("corocheck: {path}: {}", t("cli.convert.nothing", lang));
        return ExitCode::from(2);
    };
    let conf = doc.conversion.corosync_conf(lang);
    let pcs = doc.conversion.pcs_script(lang);
    let errors: Vec<&Diagnostic> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity != Severity::Info)
        .collect();
    let shown = if path == "-" { "<stdin>" } else { path };
    let mut out = std::io::stdout().lock();
    let res = match (format, dir) {
        (Format::Json, _) => {
            let findings: Vec<Value> = errors
                .iter()
                .map(|d| {
                    let (l, c) = report.files[0].lines.line_col(&text, d.span.start);
                    json!({"code": d.code, "severity": d.severity.as_str(), "line": l, "column": c,
                           "message": d.message.render(lang)})
                })
                .collect();
            writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&json!({
                    "path": shown,
                    "summary": doc.summary.iter().map(|m| m.render(lang)).collect::<Vec<_>>(),
                    "diagnostics": findings,
                    "corosync_conf": conf,
                    "pcs_script": pcs,
                }))
                .unwrap_or_default()
            )
        }
        (Format::Text, Some(d)) => {
            let write = || -> std::io::Result<()> {
                std::fs::create_dir_all(d)?;
                std::fs::write(d.join("corosync.conf"), &conf)?;
                std::fs::write(d.join("pcs-commands.sh"), &pcs)?;
                Ok(())
            };
            if let Err(e) = write() {
                eprintln!("corocheck: {}: {e}", d.display());
                return ExitCode::from(2);
            }
            writeln!(
                out,
                "{}",
                corocheck_core::i18n::render(
                    "cli.convert.written",
                    &[("dir", d.display().to_string())],
                    lang
                )
            )
        }
        (Format::Text, None) => write!(
            out,
            "# ---- corosync.conf ----\n{conf}\n# ---- pcs-commands.sh ----\n{pcs}"
        ),
    };
    if res.is_err() {
        return ExitCode::from(2);
    }
    if format == Format::Text {
        for d in &errors {
            let (l, c) = report.files[0].lines.line_col(&text, d.span.start);
            eprintln!(
                "{shown}:{l}:{c}: {}[{}]: {}",
                d.severity.label(lang),
                d.code,
                d.message.render(lang)
            );
        }
    }
    if report.errors() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Fix the texts in place (in memory): print the diff (`--diff`), write the files with a
/// `.orig` backup (`--fix`). Err when a file could not be written.
fn apply_fixes(
    texts: &mut [(String, String, Vec<Diagnostic>)],
    writable: &[Option<String>],
    opts: &Options,
    fixing: Fixing,
) -> Result<(), ()> {
    let inputs: Vec<Input> = texts
        .iter()
        .map(|(p, t, _)| Input {
            path: p.clone(),
            text: t,
        })
        .collect();
    let fixed = corocheck_core::fix::fix_all(&inputs, opts);
    drop(inputs);
    let mut ok = true;
    let mut stdout = std::io::stdout().lock();
    for (i, f) in fixed.into_iter().enumerate() {
        let (shown, text, _) = &mut texts[i];
        if f.text == *text {
            continue;
        }
        if fixing.diff {
            let d = similar::TextDiff::from_lines(text.as_str(), f.text.as_str());
            let _ = write!(
                stdout,
                "{}",
                d.unified_diff().context_radius(3).header(shown, shown)
            );
        }
        if !fixing.fix {
            continue;
        }
        let Some(path) = &writable[i] else {
            let why = if shown == "<stdin>" {
                "standard input is never rewritten (use --diff)"
            } else {
                "the file is not plain UTF-8 text read whole; it is left as it is"
            };
            eprintln!("corocheck: {shown}: not fixed: {why}");
            continue;
        };
        let backup = format!("{path}.orig");
        if !fixing.force && std::path::Path::new(&backup).exists() {
            eprintln!(
                "corocheck: {path}: not fixed: the backup {backup} already exists (move it away, or use --force to overwrite it)"
            );
            ok = false;
            continue;
        }
        // The backup first (a copy keeps the mode), then the file itself, rewritten in place
        // so that its owner, mode and SELinux label stay.
        if let Err(e) = std::fs::copy(path, &backup) {
            eprintln!("corocheck: {path}: not fixed: cannot write {backup}: {e}");
            ok = false;
            continue;
        }
        if let Err(e) = std::fs::write(path, f.text.as_bytes()) {
            eprintln!(
                "corocheck: {path}: cannot write the fixed file: {e} (the original is in {backup})"
            );
            ok = false;
            continue;
        }
        eprintln!("fixed {} findings in {path} (backup: {backup})", f.applied);
        *text = f.text;
    }
    if ok { Ok(()) } else { Err(()) }
}

/// 1-based line/column of the start and (exclusive) end of a finding.
fn position(lines: &LineIndex, text: &str, d: &Diagnostic) -> (usize, usize, usize, usize) {
    let (l, c) = lines.line_col(text, d.span.start);
    let (el, ec) = lines.line_col(text, d.span.end);
    (l, c, el, ec)
}

struct Paint {
    on: bool,
}

impl Paint {
    fn wrap(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn sev(&self, sev: Severity, s: &str) -> String {
        self.wrap(
            match sev {
                Severity::Error => "1;31",
                Severity::Warning => "1;33",
                Severity::Info => "1;36",
            },
            s,
        )
    }
}

fn write_text(
    out: &mut impl Write,
    report: &Report,
    inputs: &[Input],
    lang: Lang,
    color: bool,
    explain: bool,
) -> std::io::Result<()> {
    let p = Paint { on: color };
    for d in &report.diagnostics {
        let text = inputs[d.file].text;
        let lines = &report.files[d.file].lines;
        let (l, c, el, _) = position(lines, text, d);
        writeln!(
            out,
            "{}: {}",
            p.sev(
                d.severity,
                &format!("{}[{}]", d.severity.label(lang), d.code)
            ),
            p.wrap("1", &d.message.render(lang))
        )?;
        let gutter = l.to_string().len();
        writeln!(
            out,
            "{:>w$}{} {}:{}:{}",
            "",
            p.wrap("1;34", "-->"),
            inputs[d.file].path,
            l,
            c,
            w = gutter
        )?;
        let span = lines.line_span(text, l - 1);
        let src = &text[span.start..span.end];
        // Show at most 160 characters around the finding.
        let (shown, col0) = window(src, c - 1, 160);
        writeln!(out, "{:>w$} {}", "", p.wrap("1;34", "|"), w = gutter)?;
        writeln!(
            out,
            "{} {} {}",
            p.wrap("1;34", &l.to_string()),
            p.wrap("1;34", "|"),
            shown.replace('\t', " ")
        )?;
        let end_col = if el == l {
            lines.line_col(text, d.span.end).1
        } else {
            src.chars().count() + 1
        };
        let n = end_col
            .saturating_sub(c)
            .max(1)
            .min(shown.chars().count().saturating_sub(col0).max(1));
        // Carets by terminal cells, so they stay under the text after wide (CJK) characters.
        let indent = cells(shown.chars().take(col0));
        let width = cells(shown.chars().skip(col0).take(n)).max(1);
        writeln!(
            out,
            "{:>w$} {} {}{}",
            "",
            p.wrap("1;34", "|"),
            " ".repeat(indent),
            p.sev(d.severity, &"^".repeat(width)),
            w = gutter
        )?;
        // `  = label: text` lines under the snippet.
        let mut note = |label: &str, text: &str| {
            writeln!(
                out,
                "{:>w$} {} {}: {}",
                "",
                p.wrap("1;34", "="),
                p.wrap("1", label),
                text,
                w = gutter
            )
        };
        if let Some(h) = &d.help {
            note(&t("cli.help", lang), &h.render(lang))?;
        }
        if let Some(f) = &d.fix {
            note(&t("cli.fix", lang), &f.title.render(lang))?;
        }
        for r in &d.related {
            let (rl, rc) = report.files[r.file]
                .lines
                .line_col(inputs[r.file].text, r.span.start);
            let where_ = format!(
                "{}:{}:{}: {}",
                inputs[r.file].path,
                rl,
                rc,
                r.note.render(lang)
            );
            note(&t("cli.note", lang), &where_)?;
        }
        if explain && let Some(e) = &d.explanation {
            note(&t("cli.why", lang), &e.render(lang))?;
        }
        writeln!(out)?;
    }
    // What was detected, per file, and the stack.
    for (i, f) in report.files.iter().enumerate() {
        let docs: Vec<String> = f
            .documents
            .iter()
            .filter(|s| s.kind != DocKind::Prose)
            .map(|s| {
                let mut d = t(s.kind.label_key(), lang);
                if let Some(tg) = s.target {
                    d.push_str(&format!(" (corosync {tg})"));
                }
                if let Some(r) = &s.reflow {
                    d.push_str(&format!(
                        " [{}]",
                        corocheck_core::i18n::render(
                            "cli.restored",
                            &[("lines", r.lines().to_string())],
                            lang
                        )
                    ));
                }
                d
            })
            .collect();
        if !docs.is_empty() {
            writeln!(out, "{}: {}", inputs[i].path, docs.join(", "))?;
        }
    }
    for c in report.cman.iter().filter(|c| !c.summary.is_empty()) {
        writeln!(
            out,
            "\n{}: {}",
            p.wrap("1", &t("cli.cman", lang)),
            inputs[c.file].path
        )?;
        for m in &c.summary {
            writeln!(out, "  - {}", m.render(lang))?;
        }
        if !c.conversion.is_empty() {
            writeln!(out, "  {}", t("cli.cman.convert", lang))?;
        }
    }
    let roles = stack::roles(&report.facts);
    if roles.stack.is_some() {
        writeln!(
            out,
            "\n{}: {}",
            p.wrap("1", &t("cli.stack", lang)),
            roles.headline.render(lang)
        )?;
        for c in roles
            .components
            .iter()
            .filter(|c| matches!(c.presence, Presence::InUse | Presence::Recommended))
        {
            let v = c
                .version
                .as_deref()
                .map(|v| format!(" {v}"))
                .unwrap_or_default();
            writeln!(
                out,
                "  - {}{}: {}",
                c.display_name(lang),
                v,
                c.here.render(lang)
            )?;
        }
    }
    for m in &report.migrations {
        let heading = corocheck_core::i18n::render(
            "cli.migration",
            &[
                ("path", inputs[m.file].path.clone()),
                ("from", format!("{}.x", m.from)),
                ("to", m.to.to_string()),
            ],
            lang,
        );
        writeln!(out, "\n{}", p.wrap("1", &heading))?;
        for (n, (span, msg)) in m.steps.iter().enumerate() {
            let (l, _) = report.files[m.file]
                .lines
                .line_col(inputs[m.file].text, span.start);
            writeln!(out, "  {}. [{}] {}", n + 1, l, msg.render(lang))?;
        }
    }
    write_incidents(out, report, inputs, lang, &p)?;
    // Exact counts: the findings a D007 stands for are included.
    let count = |s: Severity| report.count(s);
    writeln!(
        out,
        "\n{}",
        corocheck_core::i18n::render(
            "cli.summary",
            &[
                ("errors", count(Severity::Error).to_string()),
                ("warnings", count(Severity::Warning).to_string()),
                ("infos", count(Severity::Info).to_string()),
                ("files", inputs.len().to_string())
            ],
            lang
        )
    )?;
    Ok(())
}

/// The incidents as a compact text timeline: per incident its kind, nodes, probable cause and
/// patterns, then one line per step (time as printed, node, stage, code, file:line); a run of
/// the same code from the same node is one line with `×N`; `*` marks the evidence lines.
fn write_incidents(
    out: &mut impl Write,
    report: &Report,
    inputs: &[Input],
    lang: Lang,
    p: &Paint,
) -> std::io::Result<()> {
    const MAX_LINES: usize = 40;
    for (n, inc) in report.incidents.iter().enumerate() {
        let kind = t(&format!("incident.kind.{}", inc.kind.name()), lang);
        let head = corocheck_core::i18n::render(
            "incident.heading",
            &[("n", (n + 1).to_string()), ("kind", kind)],
            lang,
        );
        writeln!(out, "\n{}", p.wrap("1", &head))?;
        writeln!(
            out,
            "  {}: {}",
            t("incident.nodes", lang),
            inc.nodes.join(", ")
        )?;
        writeln!(
            out,
            "  {}: {}",
            t("incident.cause", lang),
            inc.cause.render(lang)
        )?;
        for pat in &inc.patterns {
            writeln!(
                out,
                "  {}: {}",
                t("incident.patterns", lang),
                pat.message.render(lang)
            )?;
        }
        let stamp = |r: &corocheck_core::logs::Record| {
            corocheck_core::logs::field(inputs[r.file()].text, r.timestamp).unwrap_or("-")
        };
        // Columns as wide as their widest entry over all the steps, in terminal cells
        // (Japanese labels are wide). A long incident has hundreds of thousands of steps but
        // a dozen stages at most, whose labels are rendered once each, and runs of one node's
        // steps, whose name is measured once per run.
        let mut stages: Vec<Stage> = Vec::new();
        let (mut node_w, mut time_w, mut last_node) = (0, 0, None);
        for s in &inc.steps {
            if !stages.contains(&s.stage) {
                stages.push(s.stage);
            }
            let n = s.node.as_deref().unwrap_or("-");
            if last_node != Some(n) {
                node_w = node_w.max(cells(n.chars()));
                last_node = Some(n);
            }
            time_w = time_w.max(cells(stamp(&report.records[s.record]).chars()));
        }
        let stage_w = stages
            .iter()
            .map(|st| cells(st.label().render(lang).chars()))
            .max()
            .unwrap_or(0);
        let mut lines = 0;
        let mut i = 0;
        while i < inc.steps.len() {
            let s = &inc.steps[i];
            let mut j = i + 1;
            while j < inc.steps.len()
                && inc.steps[j].code() == s.code()
                && inc.steps[j].node == s.node
            {
                j += 1;
            }
            if lines == MAX_LINES {
                let more = inc.steps.len() - i;
                let m = corocheck_core::i18n::render(
                    "incident.more",
                    &[("count", more.to_string())],
                    lang,
                );
                writeln!(out, "  {m}")?;
                break;
            }
            let r = &report.records[s.record];
            let (l, _) = report.files[r.file()]
                .lines
                .line_col(inputs[r.file()].text, r.span().start);
            let star = if s.evidence { '*' } else { ' ' };
            let times = if j - i > 1 {
                format!(" ×{}", j - i)
            } else {
                String::new()
            };
            writeln!(
                out,
                " {star}{} {} {} {}{times}  {}:{l}",
                pad(stamp(r), time_w),
                pad(s.node.as_deref().unwrap_or("-"), node_w),
                pad(&s.stage.label().render(lang), stage_w),
                s.code(),
                inputs[r.file()].path,
            )?;
            lines += 1;
            i = j;
        }
    }
    Ok(())
}

/// How many terminal cells a character takes: two for the East Asian wide and fullwidth ranges
/// (CJK, kana, hangul, fullwidth forms), none for combining marks, else one.
fn cell(c: char) -> usize {
    match c as u32 {
        0x0300..=0x036F | 0x200B..=0x200F | 0x3099..=0x309A => 0,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x1F300..=0x1F64F
        | 0x20000..=0x3FFFD => 2,
        _ => 1,
    }
}

fn cells(chars: impl Iterator<Item = char>) -> usize {
    chars.map(cell).sum()
}

/// `s` followed by spaces up to `width` terminal cells (nothing added when it is wider).
fn pad(s: &str, width: usize) -> String {
    let mut out = s.to_string();
    for _ in cells(s.chars())..width {
        out.push(' ');
    }
    out
}

/// A window of at most `max` characters of `line` around character column `col` (0-based);
/// returns the text and the column of `col` inside it.
fn window(line: &str, col: usize, max: usize) -> (String, usize) {
    let n = line.chars().count();
    if n <= max {
        return (line.to_string(), col);
    }
    let start = col.saturating_sub(max / 4).min(n.saturating_sub(max));
    let s: String = line.chars().skip(start).take(max).collect();
    let prefix = if start > 0 { "…" } else { "" };
    (format!("{prefix}{s}"), col - start + prefix.chars().count())
}
