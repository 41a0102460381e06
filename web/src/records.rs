//! The log records table.

use corocheck_core::Lang;
use corocheck_core::i18n::{Msg, t};
use corocheck_core::logs::{Record, field};
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
    let shown = &recs[..recs.len().min(MAX_ROWS)];
    // Columns that no shown record fills are left out (corosync 1.x files have no host).
    let cols = Cols {
        time: shown.iter().any(|r| r.timestamp.is_some()),
        host: shown.iter().any(|r| r.host.is_some()),
        level: shown.iter().any(|r| r.level.is_some()),
        kb: shown.iter().any(|r| r.kb.is_some()),
    };
    let body = if recs.is_empty() {
        html! { <p class="empty">{ t("ui.records.none", lang) }</p> }
    } else {
        html! {
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="records-h">
                <table class="records">
                    <thead>
                        <tr>
                            <th scope="col">{ t("ui.records.where", lang) }</th>
                            if cols.time { <th scope="col">{ t("ui.records.time", lang) }</th> }
                            if cols.host { <th scope="col">{ t("ui.records.host", lang) }</th> }
                            <th scope="col">{ t("ui.records.source", lang) }</th>
                            if cols.level { <th scope="col">{ t("ui.records.level", lang) }</th> }
                            if cols.kb { <th scope="col">{ t("ui.records.kb", lang) }</th> }
                            <th scope="col">{ t("ui.records.message", lang) }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for shown.iter().enumerate().map(|(i, r)| row(ctl, a, lang, &cols, i, r, focus == Some(Focus::Record(i)))) }
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

struct Cols {
    time: bool,
    host: bool,
    level: bool,
    kb: bool,
}

fn row(
    ctl: &Ctl,
    a: &Analysis,
    lang: Lang,
    cols: &Cols,
    i: usize,
    r: &Record,
    focused: bool,
) -> Html {
    let text = a.sources.get(r.file()).map(|s| &*s.text).unwrap_or("");
    let message = text.get(r.message().start..r.message().end).unwrap_or("");
    let (loc, _) = a.location(r.file(), r.span().start, lang);
    let f = |s| field(text, s).unwrap_or_default();
    let who = match (field(text, r.daemon), field(text, r.subsystem)) {
        (Some(d), Some(s)) => format!("{d} [{s}]"),
        (Some(d), None) => d.to_string(),
        (None, Some(s)) => format!("[{s}]"),
        (None, None) => String::new(),
    };
    let level = f(r.level);
    let kb = r.kb.map(|e| {
        let c = ctl.clone();
        let (file, span) = (r.file(), r.span());
        let code = e.code.to_string();
        html! {
            <button type="button" class="link code" title={t("ui.records.to_finding", lang)}
                onclick={Callback::from(move |_| c.goto(file, span, None))}>{ code }</button>
        }
    });
    let loc_cell = if a.is_pasted(r.file()) {
        let c = ctl.clone();
        let (file, span) = (r.file(), r.span());
        html! { <button type="button" class="link loc" onclick={Callback::from(move |_| { c.select_in_editor(file, span); })}>{ loc }</button> }
    } else {
        html! { <span class="loc">{ loc }</span> }
    };
    html! {
        <tr id={format!("record-{i}")} tabindex="-1" class={classes!(focused.then_some("focused"))}>
            <td class="nowrap">{ loc_cell }</td>
            if cols.time { <td class="nowrap mono">{ f(r.timestamp) }</td> }
            if cols.host { <td class="mono">{ f(r.host) }</td> }
            <td class="mono nowrap">{ who }</td>
            if cols.level { <td><span class={classes!("lv", level_class(&level))}>{ level }</span></td> }
            if cols.kb { <td>{ for kb }</td> }
            <td class="msg mono">{ message.to_string() }</td>
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
