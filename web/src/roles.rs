//! "Who does what": the stack picture (inline SVG), the components and the ways forward, all
//! from `corocheck_core::stack::roles`.

use corocheck_core::i18n::{lookup, t, Msg};
use corocheck_core::stack::{Component, Presence, Roles, StackKind};
use corocheck_core::Lang;
use yew::prelude::*;

use crate::{md, Analysis};

pub fn presence_key(p: Presence) -> &'static str {
    #[allow(unreachable_patterns)]
    match p {
        Presence::InUse => "ui.presence.in_use",
        Presence::Recommended => "ui.presence.recommended",
        Presence::NotUsed => "ui.presence.not_used",
        Presence::Absent => "ui.presence.absent",
        _ => "ui.presence.unknown",
    }
}

fn presence_class(p: Presence) -> &'static str {
    #[allow(unreachable_patterns)]
    match p {
        Presence::InUse => "p-on",
        Presence::Recommended => "p-rec",
        Presence::NotUsed => "p-off",
        Presence::Absent => "p-off",
        _ => "p-unknown",
    }
}

/// The stack's name, looked up by its variant name (a new variant shows as "unknown stack").
pub fn stack_label(s: Option<StackKind>, lang: Lang) -> String {
    match s {
        Some(k) => lookup(&format!("ui.stack.{k:?}"), lang).map(|s| s.into_owned()).unwrap_or_else(|| t("ui.stack.unknown", lang)),
        None => t("ui.stack.unknown", lang),
    }
}

pub fn view(a: &Analysis, lang: Lang) -> Html {
    let r = &a.roles;
    html! {
        <section class="card" id="roles" aria-labelledby="roles-h">
            <h2 id="roles-h">{ t("ui.roles.heading", lang) }</h2>
            <p class="stack-name"><span class="label">{ t("ui.roles.stack", lang) }</span>{ " " }
                <strong>{ stack_label(r.stack, lang) }</strong></p>
            <div class="headline md">{ md::view(&r.headline.render(lang)) }</div>
            { diagram(r, lang) }
            if r.components.is_empty() {
                <p class="muted">{ t("ui.roles.no_components", lang) }</p>
            } else {
                <h3 class="sub">{ t("ui.roles.components", lang) }</h3>
                <ul class="components" id="roles-components">
                    { for r.components.iter().map(|c| component(c, lang)) }
                </ul>
            }
            if !r.choices.is_empty() {
                <h3 class="sub">{ t("ui.roles.choices", lang) }</h3>
                <div class="choices" id="roles-choices">
                    { for r.choices.iter().map(|c| {
                        let steps: Vec<String> = c.steps.render(lang).lines().map(|l| l.trim().to_string()).filter(|l| !l.is_empty()).collect();
                        html! {
                            <article class={classes!("choice", c.recommended.then_some("recommended"))} data-choice={c.id}>
                                <h4>
                                    { md::view_line(&c.title.render(lang)) }
                                    if c.recommended { <span class="tag good">{ t("ui.roles.recommended", lang) }</span> }
                                </h4>
                                <ol class="steps">
                                    { for steps.iter().map(|s| html! { <li>{ md::view_line(s.trim_start_matches(|ch: char| ch.is_ascii_digit() || ch == '.' || ch == '-' || ch == ' ')) }</li> }) }
                                </ol>
                                <p class="consequence"><span class="label">{ t("ui.roles.consequence", lang) }</span>{ " " }{ md::view_line(&c.consequence.render(lang)) }</p>
                            </article>
                        }
                    }) }
                </div>
            }
        </section>
    }
}

fn component(c: &Component, lang: Lang) -> Html {
    html! {
        <li class={classes!("component", presence_class(c.presence))} data-id={c.id}>
            <div class="c-head">
                <strong class="c-name">{ c.name }</strong>
                if let Some(v) = &c.version { <span class="c-ver mono">{ v.clone() }</span> }
                <span class={classes!("tag", presence_class(c.presence))}>{ t(presence_key(c.presence), lang) }</span>
            </div>
            <dl>
                <dt>{ t("ui.roles.role", lang) }</dt><dd>{ md::view_line(&c.role.render(lang)) }</dd>
                <dt>{ t("ui.roles.reads", lang) }</dt><dd>{ md::view_line(&c.reads.render(lang)) }</dd>
                <dt>{ t("ui.roles.here", lang) }</dt><dd>{ md::view_line(&c.here.render(lang)) }</dd>
            </dl>
        </li>
    }
}

// ---------------------------------------------------------------------------------------
// The picture

#[derive(Debug, Clone, PartialEq)]
struct Node {
    id: String,
    name: String,
    version: Option<String>,
    role: String,
    reads: Option<String>,
    class: &'static str,
    status: Option<String>,
}

const W: f64 = 760.0;
const LABEL_W: f64 = 160.0;
const GAP: f64 = 12.0;
const PAD: f64 = 14.0;
/// Rough width of one narrow character at the diagram's text size; wide (CJK) counts double.
const UNIT: f64 = 6.6;
/// The same for the bold layer labels.
const LABEL_UNIT: f64 = 7.6;

fn row_of(id: &str) -> usize {
    match id {
        "pacemaker" => 0,
        "corosync" => 2,
        "knet" => 3,
        _ => 1,
    }
}

const ROW_LABELS: [&str; 4] =
    ["ui.diagram.layer.resources", "ui.diagram.layer.quorum", "ui.diagram.layer.messaging", "ui.diagram.layer.transport"];

/// Nodes from the core's components; without them, a plain picture for the stack kind.
fn nodes(r: &Roles, lang: Lang) -> Vec<Node> {
    if !r.components.is_empty() {
        return r
            .components
            .iter()
            .map(|c| Node {
                id: c.id.to_string(),
                name: c.name.to_string(),
                version: c.version.clone(),
                role: c.role.render(lang),
                reads: Some(c.reads.render(lang)).filter(|s| !s.trim().is_empty()),
                class: presence_class(c.presence),
                status: (c.presence != Presence::InUse).then(|| t(presence_key(c.presence), lang)),
            })
            .collect();
    }
    let middle: Option<&str> = match r.stack {
        Some(StackKind::Plugin0 | StackKind::Plugin1) => Some("plugin"),
        Some(StackKind::Cman) => Some("cman"),
        Some(StackKind::Corosync2 | StackKind::Corosync3) => Some("votequorum"),
        _ => None,
    };
    let known = r.stack.is_some();
    let class = if known { "p-on" } else { "p-unknown" };
    let simple = |id: &str, name: &str| Node {
        id: id.to_string(),
        name: name.to_string(),
        version: None,
        role: t(&format!("ui.diagram.role.{id}"), lang),
        reads: None,
        class,
        status: None,
    };
    let mut v = vec![simple("pacemaker", "Pacemaker")];
    match middle {
        Some("plugin") => v.push(simple("plugin", "pcmk plugin")),
        Some("cman") => v.push(simple("cman", "cman")),
        Some(_) => v.push(simple("votequorum", "votequorum")),
        None => v.push(Node { name: "?".into(), ..simple("unknown", "?") }),
    }
    v.push(simple("corosync", "corosync"));
    if r.stack == Some(StackKind::Corosync3) {
        v.push(simple("knet", "kronosnet (knet)"));
    }
    v
}

fn units(c: char) -> f64 {
    if (c as u32) >= 0x2E80 { 2.0 } else { 1.0 }
}

/// Japanese line-breaking rules (kinsoku), the common cases.
const NO_LINE_START: &str = "）」』】、。，．・ー：ぁぃぅぇぉっゃゅょァィゥェォッャュョ";
const NO_LINE_END: &str = "（「『【";

/// Break text into lines of at most `max` units, at spaces or next to wide (CJK) characters,
/// at most `max_lines` lines, the last one ending in "…" when text was left over.
fn wrap(text: &str, max: f64, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut w = 0.0;
    // Byte offset in `cur` where a new line may start.
    let mut brk: Option<usize> = None;
    let mut truncated = false;
    for c in text.chars().map(|c| if c.is_whitespace() { ' ' } else { c }) {
        if c == ' ' && cur.is_empty() {
            continue;
        }
        let wide = units(c) > 1.0;
        if wide && !NO_LINE_START.contains(c) {
            brk = Some(cur.len());
        }
        cur.push(c);
        w += units(c);
        if c == ' ' {
            brk = Some(cur.len());
        }
        if w > max {
            let hard = cur.len() - c.len_utf8();
            let at = brk.filter(|&b| b > 0 && b < cur.len()).unwrap_or(if c == ' ' { cur.len() } else { hard });
            let at = if at == 0 { cur.len() } else { at };
            let rest = cur[at..].trim_start().to_string();
            cur.truncate(at);
            lines.push(cur.trim_end().to_string());
            cur = rest;
            w = cur.chars().map(units).sum();
            brk = None;
            if lines.len() == max_lines {
                truncated = true;
                break;
            }
        }
        if wide && !NO_LINE_END.contains(c) {
            brk = Some(cur.len());
        }
    }
    if truncated {
        if let Some(last) = lines.last_mut() {
            last.push('…');
        }
    } else if !cur.trim().is_empty() {
        lines.push(cur.trim().to_string());
    }
    lines
}

struct Placed {
    node: Node,
    x: f64,
    y: f64,
    w: f64,
    h: f64,
    title: Vec<String>,
    role: Vec<String>,
    reads: Vec<String>,
}

fn diagram(r: &Roles, lang: Lang) -> Html {
    let all = nodes(r, lang);
    let reads_prefix = t("ui.diagram.reads", lang);
    let mut rows: Vec<Vec<Node>> = vec![Vec::new(); 4];
    for n in all {
        rows[row_of(&n.id)].push(n);
    }
    let x0 = LABEL_W + GAP;
    let area = W - x0 - PAD;
    let mut y = PAD;
    let mut placed: Vec<Placed> = Vec::new();
    let mut row_spans: Vec<(usize, f64, f64)> = Vec::new();
    for (ri, row) in rows.into_iter().enumerate() {
        if row.is_empty() {
            continue;
        }
        let n = row.len() as f64;
        let w = (area - GAP * (n - 1.0)) / n;
        let max_units = (w - 20.0) / UNIT;
        let mut cells: Vec<Placed> = row
            .into_iter()
            .enumerate()
            .map(|(i, node)| {
                let mut title = node.name.clone();
                if let Some(v) = &node.version {
                    title.push(' ');
                    title.push_str(v);
                }
                let title = wrap(&title, max_units * 0.85, 1);
                let role = wrap(&node.role, max_units, 3);
                let reads = node.reads.as_ref().map(|s| wrap(&format!("{reads_prefix} {s}"), max_units, 2)).unwrap_or_default();
                Placed { node, x: x0 + i as f64 * (w + GAP), y, w, h: 0.0, title, role, reads }
            })
            .collect();
        let h = cells
            .iter()
            .map(|c| 30.0 + c.role.len() as f64 * 16.0 + c.reads.len() as f64 * 15.0 + if c.node.status.is_some() { 16.0 } else { 0.0 } + 10.0)
            .fold(56.0, f64::max);
        for c in &mut cells {
            c.h = h;
        }
        row_spans.push((ri, y, h));
        placed.extend(cells);
        y += h + GAP * 1.6;
    }
    let total_h = y - GAP * 1.6 + PAD;

    // The dashed "inside the corosync process" frame around quorum providers in use and corosync.
    let inside: Vec<&Placed> = placed
        .iter()
        .filter(|p| (row_of(&p.node.id) == 1 && p.node.class == "p-on" && p.node.id != "unknown") || p.node.id == "corosync")
        .collect();
    let frame = if inside.len() >= 2 && inside.iter().any(|p| p.node.id == "corosync") {
        let top = inside.iter().map(|p| p.y).fold(f64::MAX, f64::min) - 8.0;
        let bottom = inside.iter().map(|p| p.y + p.h).fold(0.0, f64::max) + 8.0;
        let left = x0 - 6.0;
        html! {
            <g class="frame">
                <rect x={f(left)} y={f(top)} width={f(W - PAD - left + 6.0)} height={f(bottom - top)} rx="10" />
                <text x={f(W - PAD)} y={f(bottom - 4.0)} text-anchor="end" class="frame-label">{ t("ui.diagram.inside_corosync", lang) }</text>
            </g>
        }
    } else {
        html! {}
    };

    let desc: Vec<String> = placed
        .iter()
        .map(|p| {
            let mut s = p.node.name.clone();
            if let Some(st) = &p.node.status {
                s.push_str(&format!(" ({st})"));
            }
            s
        })
        .collect();
    let title = Msg::new("ui.diagram.title").arg("stack", stack_label(r.stack, lang)).render(lang);
    html! {
        <figure class="diagram">
            <svg viewBox={format!("0 0 {W} {}", f(total_h))} role="img" aria-labelledby="diagram-title diagram-desc">
                <title id="diagram-title">{ title }</title>
                <desc id="diagram-desc">{ desc.join(", ") }</desc>
                { frame }
                { for row_spans.iter().map(|(ri, ry, rh)| {
                    let lines = wrap(&t(ROW_LABELS[*ri], lang), (LABEL_W - PAD) / LABEL_UNIT, 3);
                    let n = lines.len() as f64;
                    let start = ry + rh / 2.0 - (n - 1.0) * 8.0 + 4.0;
                    html! {
                        <text class="layer" x={f(PAD)} y={f(start)}>
                            { for lines.iter().enumerate().map(|(i, l)| html! {
                                <tspan x={f(PAD)} y={f(start + i as f64 * 16.0)}>{ l.clone() }</tspan>
                            }) }
                        </text>
                    }
                }) }
                { for placed.iter().map(node_svg) }
            </svg>
            <figcaption class="legend">
                <span class="key p-on">{ t("ui.presence.in_use", lang) }</span>
                <span class="key p-rec">{ t("ui.presence.recommended", lang) }</span>
                <span class="key p-off">{ t("ui.diagram.legend_off", lang) }</span>
            </figcaption>
        </figure>
    }
}

fn node_svg(p: &Placed) -> Html {
    let cx = p.x + 10.0;
    let mut ty = p.y + 22.0;
    let title = p.title.first().cloned().unwrap_or_default();
    let mut parts: Vec<Html> = Vec::new();
    parts.push(html! { <text class="n-title" x={f(cx)} y={f(ty)}>{ title }</text> });
    if let Some(st) = &p.node.status {
        ty += 16.0;
        parts.push(html! { <text class="n-status" x={f(cx)} y={f(ty)}>{ st.clone() }</text> });
    }
    for l in &p.role {
        ty += 16.0;
        parts.push(html! { <text class="n-role" x={f(cx)} y={f(ty)}>{ l.clone() }</text> });
    }
    for l in &p.reads {
        ty += 15.0;
        parts.push(html! { <text class="n-reads" x={f(cx)} y={f(ty)}>{ l.clone() }</text> });
    }
    html! {
        <g class={classes!("node", p.node.class, format!("id-{}", p.node.id))}>
            <rect x={f(p.x)} y={f(p.y)} width={f(p.w)} height={f(p.h)} rx="8" />
            { for parts }
        </g>
    }
}

fn f(v: f64) -> String {
    format!("{v:.1}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_at_spaces_and_limits_lines() {
        assert_eq!(wrap("reads corosync.conf", 40.0, 2), vec!["reads corosync.conf"]);
        assert_eq!(wrap("aaa bbb ccc", 7.0, 3), vec!["aaa bbb", "ccc"]);
        assert_eq!(wrap("aaa bbb ccc ddd", 7.0, 1), vec!["aaa bbb…"]);
        // CJK counts double and breaks anywhere
        assert_eq!(wrap("クォーラム提供", 6.0, 3), vec!["クォー", "ラム提", "供"]);
        assert!(wrap("", 10.0, 2).is_empty());
        // an ASCII word inside Japanese text stays whole
        assert_eq!(wrap("通信（totem）です", 10.0, 3), vec!["通信", "（totem）", "です"]);
    }

    #[test]
    fn unknown_stack_draws_a_placeholder() {
        let mut r = Roles { stack: None, headline: Msg::new("stack.headline.unknown"), components: vec![], choices: vec![] };
        let n = nodes(&r, Lang::En);
        let ids: Vec<&str> = n.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["pacemaker", "unknown", "corosync"]);
        assert!(n.iter().all(|n| n.class == "p-unknown"));
        r.stack = Some(StackKind::Corosync3);
        let ids: Vec<String> = nodes(&r, Lang::En).into_iter().map(|n| n.id).collect();
        assert_eq!(ids, ["pacemaker", "votequorum", "corosync", "knet"]);
    }
}
