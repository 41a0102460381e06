//! The findings list.

use corocheck_core::i18n::{Msg, t};
use corocheck_core::{Diagnostic, Lang, Severity};
use yew::prelude::*;

use crate::docs::View;
use crate::snippet::snippet;
use crate::{Analysis, Ctl, Focus, MAX_ROWS, md};

pub fn view(
    ctl: &Ctl,
    a: &Analysis,
    lang: Lang,
    filter: Option<Severity>,
    focus: Option<Focus>,
) -> Html {
    let shown: Vec<(usize, &Diagnostic)> = a
        .report
        .diagnostics
        .iter()
        .enumerate()
        .filter(|(_, d)| filter.is_none_or(|s| d.severity == s))
        .collect();
    let total = shown.len();
    let body = if a.report.diagnostics.is_empty() {
        html! { <p class="empty ok-text">{ t("ui.findings.none", lang) }</p> }
    } else if total == 0 {
        html! { <p class="empty">{ t("ui.findings.none_filtered", lang) }</p> }
    } else {
        html! {
            <ol class="findings">
                { for shown.iter().take(MAX_ROWS).map(|(i, d)| finding(ctl, a, lang, *i, d, focus == Some(Focus::Finding(*i)))) }
            </ol>
        }
    };
    let fixable = a
        .report
        .diagnostics
        .iter()
        .filter(|d| d.fix.is_some() && a.is_pasted(d.file))
        .count();
    let can_undo = ctl.can_undo();
    let fix_bar = (fixable > 0 || can_undo).then(|| {
        let (c1, c2) = (ctl.clone(), ctl.clone());
        html! {
            <div class="fix-bar">
                if fixable > 0 {
                    <button type="button" id="fix-all" class="btn primary"
                        onclick={Callback::from(move |_| c1.apply_fixes(None))}>
                        { Msg::new("ui.fix.apply_all").arg("n", fixable).render(lang) }
                    </button>
                }
                if can_undo {
                    <button type="button" id="fix-undo" class="btn"
                        onclick={Callback::from(move |_| c2.undo())}>{ t("ui.fix.undo", lang) }</button>
                }
            </div>
        }
    });
    html! {
        <section class="card" id="findings" aria-labelledby="findings-h">
            <h2 id="findings-h" tabindex="-1">{ t("ui.findings.heading", lang) }</h2>
            { for fix_bar }
            { body }
            if total > MAX_ROWS {
                <p class="more">{ Msg::new("ui.more").arg("n", total - MAX_ROWS).render(lang) }</p>
            }
        </section>
    }
}

fn finding(
    ctl: &Ctl,
    a: &Analysis,
    lang: Lang,
    index: usize,
    d: &Diagnostic,
    focused: bool,
) -> Html {
    let sev = d.severity.as_str();
    let (loc, line) = a.location(d.file, d.span.start, lang);
    let pasted = a.is_pasted(d.file);
    let loc_html = if pasted {
        let c = ctl.clone();
        let (file, span) = (d.file, d.span);
        let title = t("ui.findings.show", lang);
        html! {
            <button type="button" class="loc link" title={title.clone()} aria-label={format!("{title}: {loc}")}
                onclick={Callback::from(move |_| { c.select_in_editor(file, span); })}>{ loc.clone() }</button>
        }
    } else {
        html! { <span class="loc">{ loc.clone() }</span> }
    };
    let src = a.sources.get(d.file);
    let snip = match (src, a.report.files.get(d.file)) {
        (Some(s), Some(f)) => {
            let sn = snippet(&s.text, &f.lines, d.span);
            // A click on the source line does what the location button does (mouse shortcut).
            let onclick = pasted.then(|| {
                let c = ctl.clone();
                let (file, span) = (d.file, d.span);
                Callback::from(move |_: MouseEvent| {
                    // not when the user is selecting text to copy
                    let selecting = web_sys::window()
                        .and_then(|w| w.get_selection().ok().flatten())
                        .is_some_and(|s| !s.is_collapsed());
                    if !selecting {
                        c.select_in_editor(file, span);
                    }
                })
            });
            html! {
                <pre class={classes!("snippet", pasted.then_some("clickable"))} aria-label={t("ui.findings.source", lang)} {onclick}><span class="ln" aria-hidden="true">{ sn.line }</span><span class="src">
                    if sn.cut_left { <span class="cut">{ "…" }</span> }
                    <span>{ sn.before }</span>
                    <mark class={classes!(sn.marked.is_empty().then_some("point"))}>{ sn.marked }</mark>
                    <span>{ sn.after }</span>
                    if sn.cut_right { <span class="cut">{ "…" }</span> }
                    if sn.more_lines > 0 {
                        <span class="cut">{ " " }{ Msg::new("ui.findings.more_lines").arg("n", sn.more_lines).render(lang) }</span>
                    }
                </span></pre>
            }
        }
        _ => html! {},
    };
    let related = if d.related.is_empty() {
        html! {}
    } else {
        html! {
            <ul class="related" aria-label={t("ui.findings.related", lang)}>
                { for d.related.iter().map(|r| {
                    let (rloc, _) = a.location(r.file, r.span.start, lang);
                    let c = ctl.clone();
                    let (file, span) = (r.file, r.span);
                    html! {
                        <li>
                            <button type="button" class="link" onclick={Callback::from(move |_| c.goto(file, span, Some(index)))}>
                                { "→ " }{ rloc }
                            </button>
                            { " " }<span class="note">{ md::view_line(&r.note.render(lang)) }</span>
                        </li>
                    }
                }) }
            </ul>
        }
    };
    // Rule docs come from docs.json, fetched when an explanation is first opened.
    // Rules and knowledge-base entries (L codes) both have docs in docs.json.
    let has_rule = corocheck_core::rules::find(d.code).is_some() || d.code.starts_with('L');
    let docs = has_rule.then(|| ctl.rule_docs(d.code, lang));
    let explanation = d.explanation.as_ref().map(|e| e.render(lang));
    let details = if docs.is_some() || explanation.is_some() {
        let want = {
            let c = ctl.clone();
            Callback::from(move |_| c.want_docs())
        };
        html! {
            <details class="explain">
                <summary onclick={want}>{ t("ui.findings.explain", lang) }</summary>
                <div class="md">
                    if let Some(e) = explanation { { md::view(&e) } }
                    { match docs {
                        Some(View::Text(doc)) => md::view(&doc),
                        Some(View::Loading) => html! {
                            <p class="docs-state" aria-live="polite">{ t("ui.docs.loading", lang) }</p>
                        },
                        Some(View::Unavailable) => html! {
                            <p class="docs-state">{ t("ui.docs.unavailable", lang) }</p>
                        },
                        None => html! {},
                    } }
                </div>
            </details>
        }
    } else {
        html! {}
    };
    html! {
        <li id={format!("finding-{index}")} tabindex="-1"
            class={classes!("finding", format!("sev-{sev}"), focused.then_some("focused"))}
            data-code={d.code} data-file={d.file.to_string()} data-line={line.to_string()}>
            <div class="f-head">
                <span class={classes!("badge", format!("sev-{sev}"))}>{ d.severity.label(lang) }</span>
                if has_rule {
                    <a class="code" href={format!("#/rules/{}", d.code)}><code>{ d.code }</code></a>
                } else {
                    <code class="code">{ d.code }</code>
                }
                { loc_html }
            </div>
            <p class="f-msg">{ md::view_line(&d.message.render(lang)) }</p>
            { snip }
            if let Some(h) = &d.help {
                <p class="f-help"><span class="label">{ t("ui.findings.help", lang) }</span>{ " " }{ md::view_line(&h.render(lang)) }</p>
            }
            if pasted { { fix_button(ctl, lang, index, d) } }
            { related }
            { details }
        </li>
    }
}

/// "Apply fix" with the fix's title, for a finding in the pasted text.
fn fix_button(ctl: &Ctl, lang: Lang, index: usize, d: &Diagnostic) -> Html {
    let Some(f) = &d.fix else {
        return html! {};
    };
    let c = ctl.clone();
    let id = format!("fix-title-{index}");
    html! {
        <p class="f-fix">
            <button type="button" class="btn fix" aria-describedby={id.clone()}
                onclick={Callback::from(move |_| c.apply_fixes(Some(index)))}>
                { t("ui.fix.apply", lang) }
            </button>
            { " " }<span class="fix-title" {id}>{ md::view_line(&f.title.render(lang)) }</span>
        </p>
    }
}
