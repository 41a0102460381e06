//! The page's text, one language at a time.
//!
//! The wasm carries no catalog: the core is built without its `text` feature, and
//! `text-<lang>.txt` beside the wasm (written by `corocheck text <lang>`) is fetched and
//! installed (`i18n::install`) before anything is rendered in that language. A visitor downloads
//! one language, not both. The other parts (`logs-`, `cman-`, `trento-<lang>.txt`, see
//! `i18n::Part`) come only when the input needs them, or when a render met a key without text
//! (`i18n::take_missed`). `boot.js` starts fetching the first language while the wasm loads and
//! leaves the promise in `globalThis.corocheckText`; when its guess of the language differs from
//! [`crate::initial_lang`], the text is fetched again here.

use corocheck_core::Lang;
use corocheck_core::i18n::{self, Part};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

/// The file name of a part of a language's text (relative: the page may live under any
/// sub-path): `<part>-<lang>.txt`.
pub fn url(lang: Lang, part: Part) -> String {
    format!("{}-{}.txt", part.name(), lang.code())
}

/// Make `part` of `lang` renderable: fetch and install it unless that happened already.
pub async fn ensure(lang: Lang, part: Part) -> Result<(), String> {
    if i18n::installed(lang, part) {
        return Ok(());
    }
    let text = match prefetched(lang).filter(|_| part == Part::Text) {
        Some(p) => JsFuture::from(p).await.ok().and_then(|v| v.as_string()),
        None => None,
    };
    let url = url(lang, part);
    let text = match text {
        Some(t) => t,
        None => fetch_text(&url).await.map_err(|e| describe(&e))?,
    };
    i18n::install(lang, &text)
        .map(|_| ())
        .map_err(|e| format!("{url}: {e}"))
}

/// boot.js's fetch of the first language, when it guessed `lang`.
fn prefetched(lang: Lang) -> Option<js_sys::Promise> {
    let slot = js_sys::Reflect::get(&js_sys::global(), &"corocheckText".into()).ok()?;
    let guess = js_sys::Reflect::get(&slot, &"lang".into())
        .ok()?
        .as_string()?;
    if guess != lang.code() {
        return None;
    }
    js_sys::Reflect::get(&slot, &"text".into())
        .ok()?
        .dyn_into()
        .ok()
}

/// GET a file of the page's own origin as text (the CSP allows `connect-src 'self'` only).
pub async fn fetch_text(url: &str) -> Result<String, JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let resp: Response = JsFuture::from(window.fetch_with_str(url))
        .await?
        .dyn_into()?;
    if !resp.ok() {
        return Err(JsValue::from_str(&format!("{url}: HTTP {}", resp.status())));
    }
    JsFuture::from(resp.text()?)
        .await?
        .as_string()
        .ok_or_else(|| JsValue::from_str("not text"))
}

fn describe(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| "network error".into())
}

/// When the first language cannot be loaded there is no text to render the page with: say so
/// in both languages, in plain text.
pub fn show_failure(error: &str) {
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        body.set_text_content(Some(&format!(
            "corocheck could not load its text ({error}). Reload the page. / \
             表示用のテキストを読み込めませんでした（{error}）。ページを再読み込みしてください。"
        )));
    }
}
