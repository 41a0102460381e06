//! The docs pages: `#/rules` lists every code (rules and knowledge-base entries) with a search
//! box, `#/rules/<CODE>` shows one code's docs. The text is `docs.json`, written by
//! `corocheck rules --json` from the same source as the checks (see `docs.rs`).
//!
//! The checker stays mounted (hidden) while a docs page is up, so nothing typed is lost, and
//! the hash route works from any sub-path and offline like the rest of the page.

use corocheck_core::i18n::{Msg, t};
use corocheck_core::{Lang, Severity};
use yew::prelude::*;

use crate::docs::{Docs, Entry};
use crate::{Ctl, md};

/// Where the page is.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Route {
    #[default]
    Checker,
    /// The docs, optionally at one code.
    Rules(Option<String>),
}

impl Route {
    /// `#/rules` and `#/rules/<CODE>`; anything else is the checker. A code is kept only when
    /// it looks like one (letters and digits, at most 8), so a hostile hash shows nothing odd.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let Some(rest) = path.strip_prefix("rules") else {
            return Route::Checker;
        };
        match rest.strip_prefix('/') {
            None if rest.is_empty() => Route::Rules(None),
            Some("") => Route::Rules(None),
            Some(code) if code.len() <= 8 && code.bytes().all(|b| b.is_ascii_alphanumeric()) => {
                Route::Rules(Some(code.to_ascii_uppercase()))
            }
            _ => Route::Checker,
        }
    }

    pub fn current() -> Route {
        let hash = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        Route::parse(&hash)
    }
}

/// Does `e` match every word of the query (code, name or text in `lang`; ASCII letters in any
/// case: `str::to_lowercase` would add Unicode's case tables, about 14 KB gzip, to the page)?
pub fn matches(e: &Entry, query: &str, lang: Lang) -> bool {
    let text = e.text(lang);
    query.split_whitespace().all(|w| {
        let w = w.to_ascii_lowercase();
        e.code.to_ascii_lowercase().contains(&w)
            || e.name.contains(&w)
            || text.to_ascii_lowercase().contains(&w)
    })
}

fn severity(s: &str) -> Option<Severity> {
    [Severity::Error, Severity::Warning, Severity::Info]
        .into_iter()
        .find(|v| v.as_str() == s)
}

pub fn view(ctl: &Ctl, docs: &Docs, code: Option<&str>, query: &str, lang: Lang) -> Html {
    let oninput = {
        let c = ctl.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            c.set_docs_query(input.value());
        })
    };
    let body = match docs {
        Docs::Loaded(all) => {
            let shown: Vec<&Entry> = all.iter().filter(|e| matches(e, query, lang)).collect();
            let current = code.and_then(|c| all.iter().find(|e| e.code == c));
            html! {
                <div class="docs-body">
                    <nav class="docs-list" aria-label={t("ui.rules.list", lang)}>
                        <p class="muted small" aria-live="polite">
                            { Msg::new("ui.rules.count").arg("n", shown.len()).render(lang) }
                        </p>
                        <ul>
                            { for shown.iter().map(|e| entry_link(e, code, lang)) }
                        </ul>
                    </nav>
                    <article class="docs-entry md" id="rule-doc">
                        { match (code, current) {
                            (_, Some(e)) => html! {
                                <>
                                    <h3>
                                        <code>{ e.code.clone() }</code>{ " " }{ e.name.clone() }
                                        if let Some(s) = severity(&e.severity) {
                                            { " " }<span class={classes!("badge", format!("sev-{}", s.as_str()))}>{ s.label(lang) }</span>
                                        }
                                    </h3>
                                    { md::view(e.text(lang)) }
                                </>
                            },
                            (Some(c), None) => html! {
                                <p>{ Msg::new("ui.rules.unknown").arg("code", c).render(lang) }</p>
                            },
                            (None, None) => html! { <p class="muted">{ t("ui.rules.pick", lang) }</p> },
                        } }
                    </article>
                </div>
            }
        }
        Docs::Failed => html! { <p class="docs-state">{ t("ui.docs.unavailable", lang) }</p> },
        Docs::NotLoaded | Docs::Loading => html! {
            <p class="docs-state" aria-live="polite">{ t("ui.docs.loading", lang) }</p>
        },
    };
    html! {
        <section class="docs-page card" aria-labelledby="docs-h">
            <p><a href="#/" id="back-to-checker">{ t("ui.rules.back", lang) }</a></p>
            <h2 id="docs-h">{ t("ui.rules.heading", lang) }</h2>
            <label class="docs-search">
                <span class="visually-hidden">{ t("ui.rules.search", lang) }</span>
                <input type="search" id="docs-search" value={query.to_string()} {oninput}
                    placeholder={t("ui.rules.search", lang)} autocomplete="off" />
            </label>
            { body }
        </section>
    }
}

fn entry_link(e: &Entry, current: Option<&str>, lang: Lang) -> Html {
    let here = current == Some(e.code.as_str());
    let sev = severity(&e.severity);
    html! {
        <li>
            <a href={format!("#/rules/{}", e.code)} aria-current={here.then_some("page")}
                class={classes!(here.then_some("on"))}>
                <code>{ e.code.clone() }</code>{ " " }<span>{ e.name.clone() }</span>
                if let Some(s) = sev {
                    <span class={classes!("dot", format!("sev-{}", s.as_str()))} title={s.label(lang)} />
                }
            </a>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes() {
        assert_eq!(Route::parse(""), Route::Checker);
        assert_eq!(Route::parse("#/"), Route::Checker);
        assert_eq!(Route::parse("#/rules"), Route::Rules(None));
        assert_eq!(Route::parse("#/rules/"), Route::Rules(None));
        assert_eq!(
            Route::parse("#/rules/c501"),
            Route::Rules(Some("C501".into()))
        );
        assert_eq!(
            Route::parse("#/rules/L001"),
            Route::Rules(Some("L001".into()))
        );
        assert_eq!(Route::parse("#/rules/<img>"), Route::Checker);
        assert_eq!(Route::parse("#/rulesX"), Route::Checker);
        assert_eq!(Route::parse("#/rules/C501/x"), Route::Checker);
    }

    #[test]
    fn search_matches_every_word() {
        let e = Entry {
            code: "C304".into(),
            name: "two-node-with-more-nodes".into(),
            severity: "warning".into(),
            en: "Finds `two_node: 1` with more than two nodes.".into(),
            ja: "ノードが 3 つ以上あるのに `two_node: 1` です。".into(),
        };
        assert!(matches(&e, "", Lang::En));
        assert!(matches(&e, "c304", Lang::En));
        assert!(matches(&e, "TWO_NODE more", Lang::En));
        assert!(!matches(&e, "two_node knet", Lang::En));
        assert!(matches(&e, "ノード", Lang::Ja));
        assert!(!matches(&e, "ノード", Lang::En));
    }
}
