//! Rule docs on demand.
//!
//! The long-form docs of every rule (What it does / Why / Example / Fix / References, English and
//! Japanese) are about a tenth of the page's download, and most visits never open one. So the
//! page is built without them (`corocheck-core` without its `docs` feature) and
//! `scripts/build-web.sh` writes them next to the page as `docs.json`
//! (`corocheck rules --json`). The first time someone opens a finding's explanation, the page
//! fetches that file from its own origin (the CSP allows `connect-src 'self'` only), parses it
//! with the browser's own `JSON.parse`, and keeps it for the session.

use corocheck_core::Lang;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Response;

/// Where the docs are, relative to the page (so the page works from any sub-path).
pub const URL: &str = "docs.json";

/// The state of `docs.json`.
#[derive(Clone, Debug, Default)]
pub enum Docs {
    #[default]
    NotLoaded,
    Loading,
    /// The parsed object: `{code: {name, severity, en, ja}}`.
    Loaded(JsValue),
    Failed,
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
            Docs::Loaded(v) => lookup(v, code, lang).map_or(View::Unavailable, View::Text),
            Docs::NotLoaded | Docs::Loading => View::Loading,
            Docs::Failed => View::Unavailable,
        }
    }
}

fn lookup(v: &JsValue, code: &str, lang: Lang) -> Option<String> {
    let rule = js_sys::Reflect::get(v, &JsValue::from_str(code)).ok()?;
    if !rule.is_object() {
        return None;
    }
    js_sys::Reflect::get(&rule, &JsValue::from_str(lang.code()))
        .ok()?
        .as_string()
        .filter(|s| !s.is_empty())
}

/// Fetch and parse `docs.json`.
pub async fn fetch() -> Result<JsValue, JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let resp = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(URL)).await?;
    let resp: Response = resp.dyn_into()?;
    if !resp.ok() {
        return Err(JsValue::from_f64(f64::from(resp.status())));
    }
    let text = wasm_bindgen_futures::JsFuture::from(resp.text()?).await?;
    let text = text
        .as_string()
        .ok_or_else(|| JsValue::from_str("not text"))?;
    let v = js_sys::JSON::parse(&text)?;
    if v.is_object() {
        Ok(v)
    } else {
        Err(JsValue::from_str("not an object"))
    }
}
