//! Rule docs on demand.
//!
//! The long-form docs of every rule (What it does / Why / Example / Fix / References, English and
//! Japanese) are about a tenth of the page's download, and most visits never open one. So the
//! page is built without them (`corocheck-core` without its `docs` feature) and
//! `scripts/build-web.sh` writes them next to the page as `docs.json`
//! (`corocheck rules --json`). The first time someone opens a finding's explanation, the page
//! fetches that file from its own origin (the CSP allows `connect-src 'self'` only), parses it
//! with the browser's own `JSON.parse`, and keeps it for the session.

use std::rc::Rc;

use corocheck_core::Lang;
use wasm_bindgen::{JsCast, JsValue};

/// Where the docs are, relative to the page (so the page works from any sub-path).
pub const URL: &str = "docs.json";

/// The state of `docs.json`.
#[derive(Clone, Debug, Default)]
pub enum Docs {
    #[default]
    NotLoaded,
    Loading,
    /// Every entry of `{code: {name, severity, en, ja}}`, in the file's order (by code).
    Loaded(Rc<Vec<Entry>>),
    Failed,
}

/// The docs of one code (a rule or a knowledge-base entry).
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub code: String,
    pub name: String,
    /// `error`, `warning` or `info`.
    pub severity: String,
    pub en: String,
    pub ja: String,
}

impl Entry {
    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ja if !self.ja.is_empty() => &self.ja,
            _ => &self.en,
        }
    }
}

/// What the page can show for one rule's docs right now.
#[derive(Clone, Debug, PartialEq)]
pub enum View {
    Text(String),
    Loading,
    Unavailable,
}

impl Docs {
    /// The docs of `code` in `lang`, or why there are none yet. The docs compiled into the core
    /// (when the `docs` feature is on, as in the tests) win over the file.
    pub fn view(&self, code: &str, lang: Lang) -> View {
        if let Some(text) = corocheck_core::rules::find(code)
            .map(|m| m.docs(lang))
            .filter(|s| !s.is_empty())
        {
            return View::Text(text);
        }
        match self {
            Docs::Loaded(v) => v
                .iter()
                .find(|e| e.code == code)
                .map(|e| e.text(lang))
                .filter(|s| !s.is_empty())
                .map_or(View::Unavailable, |s| View::Text(s.to_string())),
            Docs::NotLoaded | Docs::Loading => View::Loading,
            Docs::Failed => View::Unavailable,
        }
    }
}

fn field(v: &JsValue, key: &str) -> String {
    js_sys::Reflect::get(v, &JsValue::from_str(key))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

/// The entries of the parsed `docs.json` object, in its key order.
fn entries(v: &JsValue) -> Vec<Entry> {
    let obj: &js_sys::Object = v.unchecked_ref();
    js_sys::Object::keys(obj)
        .iter()
        .filter_map(|k| {
            let code = k.as_string()?;
            let e = js_sys::Reflect::get(v, &k)
                .ok()
                .filter(JsValue::is_object)?;
            Some(Entry {
                name: field(&e, "name"),
                severity: field(&e, "severity"),
                en: field(&e, "en"),
                ja: field(&e, "ja"),
                code,
            })
        })
        .collect()
}

/// Fetch and parse `docs.json`.
pub async fn fetch() -> Result<Rc<Vec<Entry>>, JsValue> {
    let text = crate::lang::fetch_text(URL).await?;
    let v = js_sys::JSON::parse(&text)?;
    if v.is_object() {
        Ok(Rc::new(entries(&v)))
    } else {
        Err(JsValue::from_str("not an object"))
    }
}
