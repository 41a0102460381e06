//! Share links and redaction. A link is `#/share/<base64url of the deflated payload>`: the
//! payload (`corocheck_core::share`) holds the pasted text and the opened files; the browser's
//! own `CompressionStream('deflate-raw')` packs it, so no compressor ships in the wasm. The
//! fragment never reaches a server. Opening a link unpacks at most [`MAX_UNPACKED`] bytes
//! (streamed, so a small link that inflates to gigabytes stops early), loads the files, keeps
//! the earlier text in the Undo history and removes the fragment from the address bar.

use corocheck_core::share::{self, File};
use js_sys::{Array, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, ReadableStream, ReadableStreamDefaultReader, ReadableWritablePair, Response};

/// The fragment of a share link, before the data.
pub const PREFIX: &str = "#/share/";
/// Unpacked payloads over this size are refused.
pub const MAX_UNPACKED: usize = 8 << 20;
/// Links over this many characters get a warning (chat tools and mailers cut them).
pub const LONG_LINK: usize = 8000;

#[wasm_bindgen]
extern "C" {
    // web-sys has these only behind `web_sys_unstable_apis`.
    #[wasm_bindgen(js_name = CompressionStream)]
    type Deflate;
    #[wasm_bindgen(constructor, js_class = "CompressionStream", catch)]
    fn deflate(format: &str) -> Result<Deflate, JsValue>;
    #[wasm_bindgen(js_name = DecompressionStream)]
    type Inflate;
    #[wasm_bindgen(constructor, js_class = "DecompressionStream", catch)]
    fn inflate(format: &str) -> Result<Inflate, JsValue>;
    #[wasm_bindgen(js_namespace = ["navigator", "clipboard"], js_name = writeText, catch)]
    fn write_text(text: &str) -> Result<js_sys::Promise, JsValue>;
}

/// Why a link was not opened: a catalog key.
pub type Failure = &'static str;

fn piped(bytes: &[u8], through: &JsValue) -> Result<ReadableStream, JsValue> {
    let blob = Blob::new_with_u8_array_sequence(&Array::of1(&Uint8Array::from(bytes)))?;
    Ok(blob
        .stream()
        .pipe_through(through.unchecked_ref::<ReadableWritablePair>()))
}

/// The link for `files` (at the page's own address).
pub async fn link(files: &[File]) -> Result<String, JsValue> {
    let stream = piped(
        &share::encode(files),
        &Deflate::deflate("deflate-raw")?.into(),
    )?;
    let buf =
        JsFuture::from(Response::new_with_opt_readable_stream(Some(&stream))?.array_buffer()?)
            .await?;
    let href = web_sys::window().ok_or(JsValue::NULL)?.location().href()?;
    let base = href.split('#').next().unwrap_or_default();
    Ok(format!(
        "{base}{PREFIX}{}",
        share::base64url(&Uint8Array::new(&buf).to_vec())
    ))
}

/// Copy `text` to the clipboard; false when the browser refuses.
pub async fn copy(text: &str) -> bool {
    match write_text(text) {
        Ok(p) => JsFuture::from(p).await.is_ok(),
        Err(_) => false,
    }
}

/// The files of a share link's data (the part after [`PREFIX`]).
pub async fn open(data: &str) -> Result<Vec<File>, Failure> {
    let packed = share::from_base64url(data).map_err(share::Error::key)?;
    let bad = "ui.share.err.payload";
    let inflate = Inflate::inflate("deflate-raw").map_err(|_| bad)?;
    let stream = piped(&packed, &inflate.into()).map_err(|_| bad)?;
    let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut out = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(|_| bad)?;
        if Reflect::get(&chunk, &"done".into()).is_ok_and(|d| d.is_truthy()) {
            break;
        }
        let part: Uint8Array = Reflect::get(&chunk, &"value".into())
            .map_err(|_| bad)?
            .unchecked_into();
        if out.len() + part.length() as usize > MAX_UNPACKED {
            let _ = reader.cancel();
            return Err("ui.share.too_large");
        }
        out.extend(part.to_vec());
    }
    share::decode(&out).map_err(share::Error::key)
}
