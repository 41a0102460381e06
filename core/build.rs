//! Copies the knowledge base (`kb/*.kb`) and the catalog (`i18n/*.cat`) into OUT_DIR for
//! `logs::kb` and `i18n` to embed.
//!
//! With the `docs` feature (the default: CLI, tests) the files are copied whole. Without it (the
//! web page) the long prose is left out: `example`, `source`, `component`, `versions`, `keys`, `meaning.*`, `cause.*` and every
//! `action.*` after the first of each language. Matching needs only the templates, and a
//! finding needs only the summary and the first action; the page loads the rest from
//! `docs.json` when an explanation is opened (see `web/src/docs.rs`). From the catalog it
//! leaves out the `<CODE>.explain` prose (findings then carry no explanation:
//! `Diagnostic::explain` keeps none without `docs`; the rule's docs say the same at length)
//! and the CLI's own strings (`cli.cat`).
//!
//! Without the `text` feature (the web page) no catalog text is embedded at all, and the
//! knowledge base keeps only what matching needs (ids, codes, templates, versions, keys): the
//! page installs the text of one language at run time (`i18n::install`).

use std::{env, fs, path::Path};

const FILES: &[&str] = &[
    "stack.kb",
    "totem.kb",
    "knet.kb",
    "quorum.kb",
    "main.kb",
    "crypto.kb",
    "fencing.kb",
    "resources.kb",
];

const CATALOGS: &[&str] = &[
    "ui.cat",
    "syntax.cat",
    "rules.cat",
    "plugin.cat",
    "stack.cat",
    "detect.cat",
    "cli.cat",
    "cman.cat",
    "crossfile.cat",
    "fix.cat",
    "incident.cat",
];

fn main() {
    let out = env::var("OUT_DIR").expect("OUT_DIR");
    let docs = env::var_os("CARGO_FEATURE_DOCS").is_some();
    let text = env::var_os("CARGO_FEATURE_TEXT").is_some();
    println!("cargo:rerun-if-changed=kb");
    for f in FILES {
        let src = Path::new("kb").join(f);
        println!("cargo:rerun-if-changed={}", src.display());
        let kb = fs::read_to_string(&src).expect("read a kb file");
        let kb = if docs { kb } else { strip(&kb, text) };
        fs::write(Path::new(&out).join(f), kb).expect("write a kb file");
    }
    println!("cargo:rerun-if-changed=i18n");
    for f in CATALOGS {
        let src = Path::new("i18n").join(f);
        println!("cargo:rerun-if-changed={}", src.display());
        let cat = fs::read_to_string(&src).expect("read a catalog file");
        let cat = match (docs, text, *f) {
            (true, _, _) => cat,
            (false, false, _) | (false, true, "cli.cat") => String::new(),
            (false, true, _) => strip_explanations(&cat),
        };
        fs::write(Path::new(&out).join(f), cat).expect("write a catalog file");
    }
}

/// The catalog without `@<CODE>.explain` entries (an entry runs to the next `@` line), comments
/// and blank lines.
fn strip_explanations(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut skip = false;
    for line in text.lines() {
        if let Some(key) = line.strip_prefix('@') {
            skip = key.trim().ends_with(".explain") && key != "ui.findings.explain";
        }
        // Comments and blank lines only separate entries for the reader of the file.
        if !skip && !line.trim().is_empty() && !line.starts_with('#') {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// The knowledge base for the web page: what matching needs (id, code, severity, templates,
/// `only`, `refines`), the summary and the first action, and without `text` not those either.
fn strip(text: &str, keep_text: bool) -> String {
    let mut out = String::with_capacity(text.len() / 2);
    let (mut en, mut ja) = (0, 0);
    for line in text.lines() {
        if line.starts_with('@') {
            (en, ja) = (0, 0);
        }
        let key = line.split(':').next().unwrap_or("");
        let drop = match key {
            // Shown only in the docs (`docs.json`, the CLI); matching never reads them.
            "example" | "source" | "component" | "versions" | "keys" => true,
            k if !keep_text && (k.starts_with("summary.") || k.starts_with("action.")) => true,
            k if k.starts_with("meaning.") || k.starts_with("cause.") => true,
            "action.en" => {
                en += 1;
                en > 1
            }
            "action.ja" => {
                ja += 1;
                ja > 1
            }
            _ => line.starts_with('#') || line.trim().is_empty(),
        };
        if !drop {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}
