//! The incidents (core `logs::incident`) as a timeline: per incident its kind, nodes, probable
//! cause and patterns; an SVG with one lane per node (time to the right; marks coloured by
//! severity and carrying a symbol for readers who do not tell the colours apart; hover text in
//! `<title>`; a click focuses the record in the log table); and the steps as a text list, the
//! accessible fallback (the SVG is one `role="img"` with a summary).

use corocheck_core::i18n::{Msg, t};
use corocheck_core::logs::incident::Incident;
use corocheck_core::{Lang, Severity};
use yew::prelude::*;

use crate::{Analysis, Ctl, Focus};

// Integer coordinates: formatting an f64 would pull float printing into the wasm.
const W: u64 = 720;
const LEFT: u64 = 92;
const LANE: u64 = 26;
/// Marks and list items drawn per incident (the CLI and JSON have all steps).
const MAX_STEPS: usize = 200;

pub fn view(ctl: &Ctl, a: &Analysis, lang: Lang) -> Html {
    if a.report.incidents.is_empty() {
        return html! {};
    }
    let key = |s: Severity| {
        html! { <span class={classes!("tl-key", format!("sev-{}", s.as_str()))}><b>{ symbol(s) }</b>{ s.label(lang) }</span> }
    };
    html! {
        <section class="card" id="timeline" aria-labelledby="timeline-h">
            <h2 id="timeline-h">{ t("ui.timeline.heading", lang) }</h2>
            <p class="legend">
                { for [Severity::Error, Severity::Warning, Severity::Info].map(key) }
                <span class="tl-key">{ t("ui.timeline.evidence", lang) }</span>
            </p>
            { for a.report.incidents.iter().enumerate().map(|(n, inc)| incident(ctl, a, lang, n, inc)) }
        </section>
    }
}

fn symbol(s: Severity) -> &'static str {
    match s {
        Severity::Error => "×",
        Severity::Warning => "!",
        Severity::Info => "i",
    }
}

fn incident(ctl: &Ctl, a: &Analysis, lang: Lang, n: usize, inc: &Incident) -> Html {
    let kind = t(&format!("incident.kind.{}", inc.kind.name()), lang);
    let head = Msg::new("incident.heading")
        .arg("n", n + 1)
        .arg("kind", kind)
        .render(lang);
    let cause = inc.cause.render(lang);
    let nodes = inc.nodes.join(", ");
    let recs = &a.report.records;
    let ts = |i: usize| {
        recs.get(i)
            .and_then(|r| {
                let text = a.sources.get(r.file()).map_or("", |s| &*s.text);
                corocheck_core::logs::field(text, r.timestamp)
            })
            .unwrap_or_default()
            .to_string()
    };
    let steps = &inc.steps[..inc.steps.len().min(MAX_STEPS)];
    // Lanes: every node involved (an empty lane says that node logged nothing here, as a
    // killed node does), then one for steps without a node.
    let mut lanes: Vec<Option<&str>> = inc.nodes.iter().map(|n| Some(n.as_str())).collect();
    for s in steps {
        if !lanes.contains(&s.node.as_deref()) {
            lanes.push(s.node.as_deref());
        }
    }
    lanes.sort();
    let span = inc.end.saturating_sub(inc.start);
    let x = |k: usize, time: u64| {
        let (num, den) = if span > 0 {
            (time.saturating_sub(inc.start).min(span), span)
        } else {
            (k as u64, steps.len().saturating_sub(1).max(1) as u64)
        };
        // u64 only (u128 division costs the wasm a few KB): scale both down so that
        // `num * width` cannot overflow, whatever the timestamps.
        let shift = (64 - den.leading_zeros()).saturating_sub(40);
        let (num, den) = (num >> shift, (den >> shift).max(1));
        LEFT + 8 + num * (W - LEFT - 24) / den
    };
    let y =
        |node: Option<&str>| 34 + LANE * lanes.iter().position(|l| *l == node).unwrap_or(0) as u64;
    let h = 34 + LANE * lanes.len() as u64;
    let label = |s: &corocheck_core::logs::incident::Step| {
        format!(
            "{} {} {} {}",
            ts(s.record),
            s.node.as_deref().unwrap_or("?"),
            s.stage.label().render(lang),
            s.code()
        )
    };
    let go = |i: usize| {
        let c = ctl.clone();
        Callback::from(move |_| c.focus(Some(Focus::Record(i))))
    };
    let first = steps.first().map_or(String::new(), |s| ts(s.record));
    let last = steps.last().map_or(String::new(), |s| ts(s.record));
    html! {
        <article class="incident">
            <h3>{ head.clone() }</h3>
            <p><b>{ t("incident.cause", lang) }{ ": " }</b>{ cause.clone() }</p>
            <p><b>{ t("incident.nodes", lang) }{ ": " }</b>{ nodes.clone() }</p>
            if !inc.patterns.is_empty() {
                <ul class="patterns">{ for inc.patterns.iter().map(|p| html! { <li>{ p.message.render(lang) }</li> }) }</ul>
            }
            <svg class="timeline" viewBox={format!("0 0 {W} {h}")} role="img"
                aria-label={format!("{head}. {cause} {}: {nodes}.", t("incident.nodes", lang))}>
                <text class="axis" x={LEFT.to_string()} y="14">{ first }</text>
                <text class="axis" x={(W - 8).to_string()} y="14" text-anchor="end">{ last }</text>
                { for lanes.iter().map(|l| { let yy = y(*l); html! { <>
                    <text class="lane" x="4" y={(yy + 4).to_string()}>{ l.unwrap_or("?") }</text>
                    <line x1={LEFT.to_string()} x2={W.to_string()} y1={yy.to_string()} y2={yy.to_string()} />
                </> } }) }
                { for steps.iter().enumerate().map(|(k, s)| {
                    let (cx, cy) = (x(k, s.time), y(s.node.as_deref()));
                    let ev = s.evidence;
                    html! {
                        <g class={classes!("mark", format!("sev-{}", s.severity.as_str()), ev.then_some("ev"))} onclick={go(s.record)}>
                            <title>{ label(s) }</title>
                            <circle cx={cx.to_string()} cy={cy.to_string()} r="7" />
                            <text x={cx.to_string()} y={(cy + 4).to_string()} text-anchor="middle">{ symbol(s.severity) }</text>
                        </g>
                    }
                }) }
            </svg>
            <details>
                <summary>{ Msg::new("ui.timeline.steps").arg("count", inc.steps.len()).render(lang) }</summary>
                <ol class="steps">
                    { for steps.iter().map(|s| html! {
                        <li><button type="button" class="link mono" onclick={go(s.record)}>
                            { format!("{}{}", if s.evidence { "* " } else { "" }, label(s)) }
                        </button></li>
                    }) }
                </ol>
            </details>
        </article>
    }
}
