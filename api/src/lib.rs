//! corocheck for documentation sites: `check(text, options)` and `checkFiles(files, options)`
//! from JavaScript. The result is the object `corocheck check --format json` prints for the
//! same input (both come from `corocheck_core::json::report`), made of plain objects, arrays,
//! strings, numbers and nulls. Bad options throw an `Error`; analysis itself never fails.
//!
//! Built by `scripts/build-api.sh` (wasm-bindgen `--target web`) into `dist/embed/`, next to
//! the hand-written `corocheck-embed.js` that annotates `<pre data-corocheck>` blocks.

use corocheck_core::{Input, Lang, Options, Profile, Severity, Target, analyze};
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;

/// What `options` may hold (read from the JavaScript object; any other key is refused, so
/// a misspelt key is not silently ignored).
#[derive(Default)]
pub struct CheckOptions {
    pub lang: Option<String>,
    pub target: Option<String>,
    pub profile: Option<String>,
    /// `check` only: the file name the text is shown under (it also helps detection).
    pub path: Option<String>,
}

const OPTION_KEYS: [&str; 4] = ["lang", "target", "profile", "path"];

/// The path `check` gives its text when `options.path` is not set.
pub const DEFAULT_PATH: &str = "input";

/// Turn the options into the language and the analysis options, or say which one is wrong
/// (the same values and the same words as the CLI's flags).
pub fn resolve(o: &CheckOptions) -> Result<(Lang, Options), String> {
    let lang = match o.lang.as_deref() {
        None => Lang::En,
        Some(s) => Lang::parse(s)
            .ok_or_else(|| format!("corocheck: options.lang {s:?}: expected \"en\" or \"ja\""))?,
    };
    let target = match o.target.as_deref() {
        None => None,
        Some(v) => Some(Target::parse(v).ok_or_else(|| {
            format!("corocheck: options.target {v:?}: expected 1, 2, 3 or a release like 3.1.7")
        })?),
    };
    let profile = match o.profile.as_deref() {
        None => None,
        Some(p) => Some(Profile::parse(p).ok_or_else(|| {
            format!(
                "corocheck: options.profile {p:?}: expected trento, trento-azure, trento-aws or trento-gcp"
            )
        })?),
    };
    Ok((
        lang,
        Options {
            target,
            profile,
            threads: 1,
        },
    ))
}

/// Analyse the files together and build the JSON object (the CLI's `--format json`).
pub fn report(files: &[(String, String)], o: &CheckOptions) -> Result<Value, String> {
    let (lang, opts) = resolve(o)?;
    let inputs = inputs_of(files);
    let r = analyze(&inputs, &opts);
    Ok(corocheck_core::json::report(&r, &inputs, lang, opts.target))
}

/// The core's inputs for (name, text) pairs.
fn inputs_of(files: &[(String, String)]) -> Vec<Input<'_>> {
    files
        .iter()
        .map(|(path, text)| Input {
            path: path.clone(),
            text,
        })
        .collect()
}

/// One value read from an options object or a file entry: absent (`undefined`/`null`), a
/// string, or anything else (refused).
pub enum Field {
    Absent,
    Str(String),
    Other,
}

/// Read a plain object with only `allowed` keys (`keys`: its own keys, `None` when it is not a
/// plain object) into strings. The one reader behind the JavaScript options and file entries
/// and [`options_from_json`] (the fuzz target), so both refuse the same things.
fn read_object(
    what: &str,
    keys: Option<Vec<String>>,
    allowed: &[&str],
    get: impl Fn(&str) -> Field,
) -> Result<Vec<Option<String>>, String> {
    let keys = keys.ok_or_else(|| format!("corocheck: {what} must be an object"))?;
    if let Some(k) = keys.iter().find(|k| !allowed.contains(&k.as_str())) {
        return Err(format!(
            "corocheck: {what}: unknown key {k:?} (expected {})",
            allowed.join(", ")
        ));
    }
    allowed
        .iter()
        .map(|key| match get(key) {
            Field::Absent => Ok(None),
            Field::Str(s) => Ok(Some(s)),
            Field::Other => Err(format!("corocheck: {what}.{key} must be a string")),
        })
        .collect()
}

fn to_options(v: Vec<Option<String>>) -> CheckOptions {
    let mut v = v.into_iter();
    CheckOptions {
        lang: v.next().flatten(),
        target: v.next().flatten(),
        profile: v.next().flatten(),
        path: v.next().flatten(),
    }
}

/// `check(text, options)` without JavaScript: the text is shown under `options.path`.
pub fn check_text(text: String, o: &CheckOptions) -> Result<Value, String> {
    let path = o.path.clone().unwrap_or_else(|| DEFAULT_PATH.to_string());
    report(&[(path, text)], o)
}

/// `checkFiles(files, options)` without JavaScript: `options.path` is refused.
pub fn check_file_list(files: &[(String, String)], o: &CheckOptions) -> Result<Value, String> {
    if o.path.is_some() {
        return Err(
            "corocheck: options.path is for check(); checkFiles takes each file's name".into(),
        );
    }
    report(files, o)
}

/// The options as JSON (`null` is none), read by the same rules as the JavaScript object.
pub fn options_from_json(v: &Value) -> Result<CheckOptions, String> {
    if v.is_null() {
        return Ok(CheckOptions::default());
    }
    let keys = v.as_object().map(|m| m.keys().cloned().collect());
    let get = |k: &str| match v.get(k) {
        None | Some(Value::Null) => Field::Absent,
        Some(Value::String(s)) => Field::Str(s.clone()),
        Some(_) => Field::Other,
    };
    read_object("options", keys, &OPTION_KEYS, get).map(to_options)
}

/// A JavaScript value read with [`read_object`]: `None` when it is not a plain object.
fn js_object(v: &JsValue, what: &str, allowed: &[&str]) -> Result<Vec<Option<String>>, JsError> {
    let keys = (v.is_object() && !js_sys::Array::is_array(v)).then(|| {
        js_sys::Object::keys(v.unchecked_ref::<js_sys::Object>())
            .iter()
            .map(|k| k.as_string().unwrap_or_default())
            .collect()
    });
    let get = |key: &str| {
        let x = js_sys::Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
        if x.is_undefined() || x.is_null() {
            Field::Absent
        } else {
            x.as_string().map_or(Field::Other, Field::Str)
        }
    };
    read_object(what, keys, allowed, get).map_err(|e| JsError::new(&e))
}

fn options(v: JsValue) -> Result<CheckOptions, JsError> {
    if v.is_undefined() || v.is_null() {
        return Ok(CheckOptions::default());
    }
    js_object(&v, "options", &OPTION_KEYS).map(to_options)
}

fn to_js(r: Result<Value, String>) -> Result<JsValue, JsError> {
    let v = r.map_err(|e| JsError::new(&e))?;
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// `check(text, options?)`: one text.
#[wasm_bindgen(skip_typescript)]
pub fn check(text: JsValue, options_: JsValue) -> Result<JsValue, JsError> {
    let Some(text) = text.as_string() else {
        return Err(JsError::new(
            "corocheck: check(text): text must be a string",
        ));
    };
    to_js(check_text(text, &options(options_)?))
}

/// `checkFiles([{name, text}], options?)`: several files analysed together, so a config and
/// the logs it caused explain each other.
#[wasm_bindgen(js_name = checkFiles, skip_typescript)]
pub fn check_files(files: JsValue, options_: JsValue) -> Result<JsValue, JsError> {
    to_js(check_file_list(&file_list(&files)?, &options(options_)?))
}

/// `[{name, text}]` from JavaScript as (name, text) pairs.
fn file_list(files: &JsValue) -> Result<Vec<(String, String)>, JsError> {
    let Some(arr) = files.dyn_ref::<js_sys::Array>() else {
        return Err(JsError::new(
            "corocheck: checkFiles(files): files must be an array of {name, text}",
        ));
    };
    let mut list = Vec::with_capacity(arr.length() as usize);
    for (i, f) in arr.iter().enumerate() {
        let what = format!("files[{i}]");
        let mut v = js_object(&f, &what, &["name", "text"])?.into_iter();
        let (Some(name), Some(text)) = (v.next().flatten(), v.next().flatten()) else {
            return Err(JsError::new(&format!(
                "corocheck: {what} needs a string name and a string text"
            )));
        };
        list.push((name, text));
    }
    Ok(list)
}

/// A short interface text in `lang` for the embed element, so its few words come from the
/// same catalog as the page: `severity.error|warning|info` (the page's badges) or a `ui.*`
/// catalog key. An unknown language falls back to English.
#[wasm_bindgen(js_name = uiText, skip_typescript)]
pub fn ui_text(key: &str, lang: &str) -> String {
    let lang = Lang::parse(lang).unwrap_or(Lang::En);
    match key {
        "severity.error" => Severity::Error.label(lang).to_string(),
        "severity.warning" => Severity::Warning.label(lang).to_string(),
        "severity.info" => Severity::Info.label(lang).to_string(),
        _ if key.starts_with("ui.") => corocheck_core::i18n::t(key, lang),
        _ => String::new(),
    }
}

/// `analyzeOnly([{name, text}])` (feature `bench`, never shipped): the analysis alone, without
/// building the report object, for the browser bench to time the core as the page runs it.
/// Returns the number of findings plus the number of log records, so the work cannot be
/// skipped.
#[cfg(feature = "bench")]
#[wasm_bindgen(js_name = analyzeOnly, skip_typescript)]
pub fn analyze_only(files: JsValue) -> Result<u32, JsError> {
    let list = file_list(&files)?;
    let r = analyze(&inputs_of(&list), &Options::default());
    Ok(r.diagnostics.len() as u32 + r.records.len() as u32)
}

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("../corocheck.d.ts");

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(lang: Option<&str>, target: Option<&str>, profile: Option<&str>) -> CheckOptions {
        CheckOptions {
            lang: lang.map(Into::into),
            target: target.map(Into::into),
            profile: profile.map(Into::into),
            path: None,
        }
    }

    #[test]
    fn options_are_checked_like_the_cli_flags() {
        assert!(resolve(&opts(None, None, None)).is_ok());
        let (l, o) = resolve(&opts(Some("ja"), Some("3.1.7"), Some("trento-aws"))).unwrap();
        assert_eq!(l, Lang::Ja);
        assert_eq!(o.target, Target::parse("3.1.7"));
        assert_eq!(o.profile, Some(Profile::TrentoAws));
        for bad in [
            opts(Some("fr"), None, None),
            opts(Some(""), None, None),
            opts(None, Some("4"), None),
            opts(None, Some("three"), None),
            opts(None, None, Some("trento-ibm")),
        ] {
            let e = resolve(&bad).unwrap_err();
            assert!(e.starts_with("corocheck: options."), "{e}");
        }
    }

    #[test]
    fn report_renders_in_the_chosen_language() {
        let files = [(
            "corosync.conf".to_string(),
            "totem {\n\tversion: 2\n\tbogus_key: 1\n}\n".to_string(),
        )];
        let en = report(&files, &opts(Some("en"), Some("3"), None)).unwrap();
        let ja = report(&files, &opts(Some("ja"), Some("3"), None)).unwrap();
        assert_eq!(en["lang"], "en");
        assert_eq!(ja["lang"], "ja");
        assert_eq!(en["target"], "3.x");
        let (de, dj) = (&en["diagnostics"][0], &ja["diagnostics"][0]);
        assert_eq!(de["code"], dj["code"]);
        assert_ne!(de["message"], dj["message"]);
    }

    #[test]
    fn json_options_are_read_like_the_javascript_object() {
        let j = |s: &str| options_from_json(&serde_json::from_str(s).unwrap());
        let o = j(r#"{"lang":"ja","target":null,"path":"corosync.conf"}"#).unwrap();
        assert_eq!(o.lang.as_deref(), Some("ja"));
        assert_eq!(o.target, None);
        assert_eq!(o.path.as_deref(), Some("corosync.conf"));
        assert!(j("null").unwrap().lang.is_none());
        for (bad, says) in [
            ("[]", "options must be an object"),
            ("3", "options must be an object"),
            (r#"{"langs":"ja"}"#, "unknown key \"langs\""),
            (r#"{"lang":1}"#, "options.lang must be a string"),
        ] {
            let e = j(bad).map(|_| ()).unwrap_err();
            assert!(e.contains(says), "{bad}: {e}");
        }
        let o = j(r#"{"path":"x"}"#).unwrap();
        let e = check_file_list(&[], &o).unwrap_err();
        assert!(e.contains("options.path is for check()"), "{e}");
        let v = check_text("totem {\n".into(), &o).unwrap();
        assert_eq!(v["files"][0]["path"], "x");
    }

    #[test]
    fn ui_text_comes_from_the_catalog() {
        assert_eq!(ui_text("severity.warning", "ja"), "警告");
        assert_eq!(ui_text("severity.error", "xx"), "error");
        assert_eq!(
            ui_text("ui.findings.none", "en"),
            corocheck_core::i18n::t("ui.findings.none", Lang::En)
        );
        assert!(!ui_text("ui.findings.none", "ja").is_empty());
        assert_eq!(ui_text("C501.message", "en"), "");
    }
}
