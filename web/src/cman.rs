//! "cluster.conf": what a CMAN cluster.conf defines, and the corosync 3 / pcs conversion
//! with copy buttons.

use corocheck_core::Lang;
use corocheck_core::i18n::t;
use yew::prelude::*;

use crate::{Analysis, md};

pub fn view(a: &Analysis, lang: Lang) -> Html {
    let docs: Vec<_> = a
        .report
        .cman
        .iter()
        .filter(|c| !c.summary.is_empty())
        .collect();
    if docs.is_empty() {
        return html! {};
    }
    html! {
        <section class="card" id="cman" aria-labelledby="cman-h">
            <h2 id="cman-h">{ t("ui.cman.heading", lang) }</h2>
            { for docs.iter().map(|c| {
                let conf = c.conversion.corosync_conf(lang);
                let pcs = c.conversion.pcs_script(lang);
                html! {
                    <article class="cman-doc">
                        <h3 class="sub">{ a.display_path(c.file, lang) }</h3>
                        <ul class="cman-summary">
                            { for c.summary.iter().map(|m| html! { <li>{ md::view_line(&m.render(lang)) }</li> }) }
                        </ul>
                        if !c.conversion.is_empty() {
                            <div class="convert" id="cman-convert">
                                <h3 class="sub">{ t("ui.cman.convert", lang) }</h3>
                                <p class="muted small">{ md::view_line(&t("ui.cman.convert.intro", lang)) }</p>
                                { block("corosync.conf", "cman-conf", conf, lang) }
                                { block("pcs-commands.sh", "cman-pcs", pcs, lang) }
                            </div>
                        }
                    </article>
                }
            }) }
        </section>
    }
}

fn block(title: &'static str, id: &'static str, text: String, lang: Lang) -> Html {
    html! {
        <div class="convert-block">
            <div class="convert-head">
                <span class="file-name">{ title }</span>
                <CopyButton text={AttrValue::from(text.clone())} lang={lang_code(lang)} />
            </div>
            <pre class="convert-text" id={id} tabindex="0">{ text }</pre>
        </div>
    }
}

fn lang_code(lang: Lang) -> AttrValue {
    AttrValue::Static(lang.code())
}

#[derive(Properties, PartialEq)]
struct CopyProps {
    text: AttrValue,
    lang: AttrValue,
}

/// Copies through `navigator.clipboard.writeText`, looked up at run time so that no extra
/// web-sys bindings are needed; says whether it worked.
#[function_component]
fn CopyButton(p: &CopyProps) -> Html {
    let lang = Lang::parse(&p.lang).unwrap_or_default();
    let state = use_state(|| 0u8);
    let onclick = {
        let text = p.text.clone();
        let state = state.clone();
        Callback::from(move |_| {
            let ok = copy(&text);
            state.set(if ok { 1 } else { 2 });
        })
    };
    let label = match *state {
        1 => t("ui.cman.copied", lang),
        2 => t("ui.cman.copy_failed", lang),
        _ => t("ui.cman.copy", lang),
    };
    html! {
        <button type="button" class="btn small copy" {onclick} aria-live="polite">{ label }</button>
    }
}

fn copy(text: &str) -> bool {
    use wasm_bindgen::{JsCast, JsValue};
    let Some(w) = web_sys::window() else {
        return false;
    };
    let get = |o: &JsValue, k: &str| js_sys::Reflect::get(o, &JsValue::from_str(k)).ok();
    let Some(clip) = get(&w.navigator().into(), "clipboard").filter(|c| c.is_object()) else {
        return false;
    };
    let Some(f) = get(&clip, "writeText").and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return false;
    };
    f.call1(&clip, &JsValue::from_str(text)).is_ok()
}
