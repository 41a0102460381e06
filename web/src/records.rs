//! The log records table.

use corocheck_core::Lang;
use corocheck_core::i18n::{Msg, t};
use corocheck_core::logs::Record;
use yew::prelude::*;

use crate::{Analysis, Ctl, Focus, MAX_ROWS};

/// A CSS class for a printed level (`ERROR`, `notice`, `warning`, …).
pub fn level_class(level: &str) -> &'static str {
    match level.trim().to_ascii_lowercase().as_str() {
        "emerg" | "alert" | "crit" | "critical" | "error" | "err" => "lv-err",
        "warning" | "warn" => "lv-warn",
        "notice" | "info" => "lv-info",
        "debug" | "trace" => "lv-debug",
        _ => "lv-other",
    }
}

pub fn view(ctl: &Ctl, a: &Analysis, lang: Lang, focus: Option<Focus>) -> Html {
    let recs = &a.report.records;
    let body = if recs.is_empty() {
        html! { <p class="empty">{ t("ui.records.none", lang) }</p> }
    } else {
        html! {
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="records-h">
                <table class="records">
                    <thead>
                        <tr>
                            <th scope="col">{ t("ui.records.where", lang) }</th>
                            <th scope="col">{ t("ui.records.time", lang) }</th>
                            <th scope="col">{ t("ui.records.host", lang) }</th>
                            <th scope="col">{ t("ui.records.source", lang) }</th>
                            <th scope="col">{ t("ui.records.level", lang) }</th>
                            <th scope="col">{ t("ui.records.message", lang) }</th>
                            <th scope="col">{ t("ui.records.kb", lang) }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for recs.iter().enumerate().take(MAX_ROWS).map(|(i, r)| row(ctl, a, lang, i, r, focus == Some(Focus::Record(i)))) }
                    </tbody>
                </table>
            </div>
        }
    };
    html! {
        <section class="card" id="records" aria-labelledby="records-h">
            <h2 id="records-h">{ t("ui.records.heading", lang) }</h2>
            { body }
            if recs.len() > MAX_ROWS {
                <p class="more">{ Msg::new("ui.more").arg("n", recs.len() - MAX_ROWS).render(lang) }</p>
            }
        </section>
    }
}

fn row(ctl: &Ctl, a: &Analysis, lang: Lang, i: usize, r: &Record, focused: bool) -> Html {
    let text = a.sources.get(r.file).map(|s| &*s.text).unwrap_or("");
    let message = text.get(r.message.start..r.message.end).unwrap_or("");
    let (loc, _) = a.location(r.file, r.span.start, lang);
    let who = match (&r.daemon, &r.subsystem) {
        (Some(d), Some(s)) => format!("{d} [{s}]"),
        (Some(d), None) => d.clone(),
        (None, Some(s)) => format!("[{s}]"),
        (None, None) => String::new(),
    };
    let level = r.level.clone().unwrap_or_default();
    let kb = r.kb.map(|e| {
        let c = ctl.clone();
        let (file, span) = (r.file, r.span);
        let code = e.code.to_string();
        html! {
            <button type="button" class="link code" title={t("ui.records.to_finding", lang)}
                onclick={Callback::from(move |_| c.goto(file, span, None))}>{ code }</button>
        }
    });
    let loc_cell = if a.is_pasted(r.file) {
        let c = ctl.clone();
        let (file, span) = (r.file, r.span);
        html! { <button type="button" class="link loc" onclick={Callback::from(move |_| { c.select_in_editor(file, span); })}>{ loc }</button> }
    } else {
        html! { <span class="loc">{ loc }</span> }
    };
    html! {
        <tr id={format!("record-{i}")} tabindex="-1" class={classes!(focused.then_some("focused"))}>
            <td class="nowrap">{ loc_cell }</td>
            <td class="nowrap mono">{ r.timestamp.clone().unwrap_or_default() }</td>
            <td class="mono">{ r.host.clone().unwrap_or_default() }</td>
            <td class="mono">{ who }</td>
            <td><span class={classes!("lv", level_class(&level))}>{ level }</span></td>
            <td class="msg mono">{ message.to_string() }</td>
            <td>{ for kb }</td>
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::level_class;

    #[test]
    fn levels_map_to_classes() {
        assert_eq!(level_class("ERROR"), "lv-err");
        assert_eq!(level_class(" notice "), "lv-info");
        assert_eq!(level_class("warning"), "lv-warn");
        assert_eq!(level_class("whatever"), "lv-other");
    }
}
