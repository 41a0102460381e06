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
    Ok((lang, Options { target, profile }))
}

/// Analyse the files together and build the JSON object (the CLI's `--format json`).
pub fn report(files: &[(String, String)], o: &CheckOptions) -> Result<Value, String> {
    let (lang, opts) = resolve(o)?;
    let inputs: Vec<Input> = files
        .iter()
        .map(|(path, text)| Input {
            path: path.clone(),
            text,
        })
        .collect();
    let r = analyze(&inputs, &opts);
    Ok(corocheck_core::json::report(&r, &inputs, lang, opts.target))
}

/// Check that `v` is a plain object with only `allowed` keys. Options and file entries are
/// read by hand (not with serde's Deserialize), which keeps float formatting out of the wasm.
fn object_keys(v: &JsValue, what: &str, allowed: &[&str]) -> Result<(), JsError> {
    if !v.is_object() || js_sys::Array::is_array(v) {
        return Err(JsError::new(&format!(
            "corocheck: {what} must be an object"
        )));
    }
    for k in js_sys::Object::keys(v.unchecked_ref::<js_sys::Object>()).iter() {
        let k = k.as_string().unwrap_or_default();
        if !allowed.contains(&k.as_str()) {
            return Err(JsError::new(&format!(
                "corocheck: {what}: unknown key {k:?} (expected {})",
                allowed.join(", ")
            )));
        }
    }
    Ok(())
}

/// `v[key]` as a string; `undefined` and `null` are absent, anything else but a string throws.
fn string_at(v: &JsValue, what: &str, key: &str) -> Result<Option<String>, JsError> {
    let x = js_sys::Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
    if x.is_undefined() || x.is_null() {
        return Ok(None);
    }
    x.as_string()
        .map(Some)
        .ok_or_else(|| JsError::new(&format!("corocheck: {what}.{key} must be a string")))
}

fn options(v: JsValue) -> Result<CheckOptions, JsError> {
    if v.is_undefined() || v.is_null() {
        return Ok(CheckOptions::default());
    }
    object_keys(&v, "options", &OPTION_KEYS)?;
    Ok(CheckOptions {
        lang: string_at(&v, "options", "lang")?,
        target: string_at(&v, "options", "target")?,
        profile: string_at(&v, "options", "profile")?,
        path: string_at(&v, "options", "path")?,
    })
}

fn to_js(files: &[(String, String)], o: &CheckOptions) -> Result<JsValue, JsError> {
    let v = report(files, o).map_err(|e| JsError::new(&e))?;
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
    let o = options(options_)?;
    let path = o.path.clone().unwrap_or_else(|| DEFAULT_PATH.to_string());
    to_js(&[(path, text)], &o)
}

/// `checkFiles([{name, text}], options?)`: several files analysed together, so a config and
/// the logs it caused explain each other.
#[wasm_bindgen(js_name = checkFiles, skip_typescript)]
pub fn check_files(files: JsValue, options_: JsValue) -> Result<JsValue, JsError> {
    let Some(arr) = files.dyn_ref::<js_sys::Array>() else {
        return Err(JsError::new(
            "corocheck: checkFiles(files): files must be an array of {name, text}",
        ));
    };
    let mut list = Vec::with_capacity(arr.length() as usize);
    for (i, f) in arr.iter().enumerate() {
        let what = format!("files[{i}]");
        object_keys(&f, &what, &["name", "text"])?;
        let (Some(name), Some(text)) =
            (string_at(&f, &what, "name")?, string_at(&f, &what, "text")?)
        else {
            return Err(JsError::new(&format!(
                "corocheck: {what} needs a string name and a string text"
            )));
        };
        list.push((name, text));
    }
    let o = options(options_)?;
    if o.path.is_some() {
        return Err(JsError::new(
            "corocheck: options.path is for check(); checkFiles takes each file's name",
        ));
    }
    to_js(&list, &o)
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
