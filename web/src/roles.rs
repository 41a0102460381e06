//! "Who does what": the stack picture (inline SVG), the components and the ways forward, all
//! from `corocheck_core::stack::roles`.

use corocheck_core::Lang;
use corocheck_core::i18n::{Msg, lookup, t};
use corocheck_core::stack::{Component, Presence, Roles, StackKind};
use yew::prelude::*;

use crate::{Analysis, md};

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
        Some(k) => lookup(&format!("ui.stack.{k:?}"), lang)
            .map(|s| s.into_owned())
            .unwrap_or_else(|| t("ui.stack.unknown", lang)),
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
    let head = html! {
        <div class="c-head">
            <strong class="c-name">{ c.display_name(lang) }</strong>
            if let Some(v) = &c.version { <span class="c-ver mono">{ v.clone() }</span> }
            <span class={classes!("tag", presence_class(c.presence))}>{ t(presence_key(c.presence), lang) }</span>
        </div>
    };
    let body = html! {
        <dl>
            <dt>{ t("ui.roles.role", lang) }</dt><dd>{ md::view_line(&c.role.render(lang)) }</dd>
            <dt>{ t("ui.roles.reads", lang) }</dt><dd>{ md::view_line(&c.reads.render(lang)) }</dd>
            <dt>{ t("ui.roles.here", lang) }</dt><dd>{ md::view_line(&c.here.render(lang)) }</dd>
        </dl>
    };
    // Components that play no part here stay folded.
    let folded = matches!(c.presence, Presence::NotUsed | Presence::Absent);
    html! {
        <li class={classes!("component", presence_class(c.presence))} data-id={c.id}>
            if folded {
                <details><summary>{ head }</summary>{ body }</details>
            } else {
                { head }{ body }
            }
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
    /// Config files it reads, taken from the component's `reads` text.
    files: Vec<String>,
    class: &'static str,
    status: Option<String>,
    /// In use, recommended or undetermined: drawn in full. Otherwise a small grey box.
    major: bool,
}

const GAP: f64 = 12.0;
const PAD: f64 = 14.0;
/// Rough widths of one narrow character (wide CJK counts double) per text style.
const U_TITLE: f64 = 8.6;
const U_ROLE: f64 = 6.9;
const U_MONO: f64 = 7.4;
const U_STATUS: f64 = 6.8;
const U_LABEL: f64 = 8.2;
const U_TITLE_MINOR: f64 = 7.9;

fn row_of(id: &str) -> usize {
    match id {
        "pacemaker" | "rgmanager" => 0,
        "corosync" => 2,
        "knet" => 3,
        _ => 1,
    }
}

const ROW_LABELS: [&str; 5] = [
    "ui.diagram.layer.resources",
    "ui.diagram.layer.quorum",
    "ui.diagram.layer.messaging",
    "ui.diagram.layer.transport",
    "ui.diagram.layer.off",
];

/// Nodes from the core's components; without them, a plain picture for the stack kind.
fn nodes(r: &Roles, lang: Lang) -> Vec<Node> {
    let short_role =
        |id: &str| lookup(&format!("ui.diagram.role.{id}"), lang).map(|s| s.into_owned());
    if !r.components.is_empty() {
        return r
            .components
            .iter()
            .map(|c| {
                let major = matches!(c.presence, Presence::InUse | Presence::Recommended);
                Node {
                    id: c.id.to_string(),
                    name: c.display_name(lang),
                    version: c.version.clone(),
                    role: short_role(c.id).unwrap_or_else(|| c.role.render(lang)),
                    files: c.files.iter().map(|f| f.to_string()).collect(),
                    class: presence_class(c.presence),
                    status: (c.presence != Presence::InUse)
                        .then(|| t(presence_key(c.presence), lang)),
                    major,
                }
            })
            .collect();
    }
    let middle: Option<&str> = match r.stack {
        Some(StackKind::Plugin0 | StackKind::Plugin1) => Some("plugin"),
        Some(StackKind::Cman | StackKind::CmanRgmanager) => Some("cman"),
        Some(StackKind::Corosync2 | StackKind::Corosync3) => Some("votequorum"),
        _ => None,
    };
    let class = if r.stack.is_some() {
        "p-on"
    } else {
        "p-unknown"
    };
    let simple = |id: &str, name: &str| Node {
        id: id.to_string(),
        name: name.to_string(),
        version: None,
        role: short_role(id).unwrap_or_default(),
        files: Vec::new(),
        class,
        status: None,
        major: true,
    };
    let mut v = vec![if r.stack == Some(StackKind::CmanRgmanager) {
        simple("rgmanager", "rgmanager")
    } else {
        simple("pacemaker", "Pacemaker")
    }];
    match middle {
        Some("plugin") => v.push(simple("plugin", "pcmk plugin")),
        Some("cman") => v.push(simple("cman", "cman")),
        Some(_) => v.push(simple("votequorum", "votequorum")),
        None => v.push(simple("unknown", "?")),
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
    for c in text
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
    {
        if c == ' ' && cur.is_empty() {
            continue;
        }
        let wide = units(c) > 1.0;
        if wide && !NO_LINE_START.contains(c) {
            brk = Some(cur.len());
        }
        cur.push(c);
        w += units(c);
        if c == ' ' || (c == '/' && cur.len() > 1) {
            // after a space, or inside a path (`/etc/` + `corosync.conf`)
            brk = Some(cur.len());
        }
        if w > max {
            let hard = cur.len() - c.len_utf8();
            let at = brk
                .filter(|&b| b > 0 && b < cur.len())
                .unwrap_or(if c == ' ' { cur.len() } else { hard });
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

/// One line of text in a box: its style (CSS class), baseline offset from the previous line.
struct Line {
    class: &'static str,
    text: String,
    step: f64,
}

struct Placed {
    node: Node,
    x: f64,
    y: f64,
    w: f64,
    h: f64,
    lines: Vec<Line>,
}

impl Placed {
    fn content_height(&self) -> f64 {
        self.lines.iter().map(|l| l.step).sum::<f64>() + 12.0
    }
}

fn box_lines(n: &Node, w: f64, reads_prefix: &str) -> Vec<Line> {
    let inner = w - 20.0;
    let mut lines = Vec::new();
    let mut title = n.name.clone();
    if let Some(v) = &n.version {
        title.push(' ');
        title.push_str(v);
    }
    let (title_lines, unit) = if n.major {
        (1, U_TITLE)
    } else {
        (2, U_TITLE_MINOR)
    };
    for (i, l) in wrap(&title, inner / unit, title_lines)
        .into_iter()
        .enumerate()
    {
        lines.push(Line {
            class: "n-title",
            text: l,
            step: if i == 0 { 22.0 } else { 18.0 },
        });
    }
    if let Some(st) = &n.status {
        for l in wrap(st, inner / U_STATUS, 2) {
            lines.push(Line {
                class: "n-status",
                text: l,
                step: 16.0,
            });
        }
    }
    if !n.major {
        return lines;
    }
    for l in wrap(&n.role, inner / U_ROLE, 3) {
        lines.push(Line {
            class: "n-role",
            text: l,
            step: 16.0,
        });
    }
    if !n.files.is_empty() {
        let text = format!("{reads_prefix} {}", n.files.join(", "));
        for l in wrap(&text, inner / U_MONO, 3) {
            lines.push(Line {
                class: "n-reads",
                text: l,
                step: 15.0,
            });
        }
    }
    lines
}

struct Layout {
    placed: Vec<Placed>,
    /// (row, text lines, x, first baseline)
    labels: Vec<(Vec<String>, f64, f64)>,
    frame: Option<(f64, f64, f64, f64)>,
    width: f64,
    height: f64,
}

/// Lay the picture out. Components in play fill the layers (Pacemaker, quorum provider,
/// corosync, transport); the rest go, small and grey, to a last row. `narrow` stacks every box
/// full width with the layer name above it; otherwise layer names sit in a left column and a
/// layer's boxes share its width.
fn layout(all: Vec<Node>, lang: Lang, narrow: bool) -> Layout {
    let width = if narrow { 360.0 } else { 700.0 };
    let label_w = if narrow { 0.0 } else { 150.0 };
    let reads_prefix = t("ui.diagram.reads", lang);
    let mut rows: Vec<Vec<Node>> = vec![Vec::new(); 5];
    for n in all {
        let r = if n.major { row_of(&n.id) } else { 4 };
        rows[r].push(n);
    }
    let framed = rows[1]
        .iter()
        .any(|n| n.class == "p-on" && n.id != "unknown")
        && !rows[2].is_empty();
    let x0 = if narrow { PAD } else { label_w + GAP };
    let area = width - x0 - PAD;
    let mut y = PAD;
    let mut placed: Vec<Placed> = Vec::new();
    let mut labels = Vec::new();
    let mut quorum_row_top = None;
    for (ri, row) in rows.into_iter().enumerate() {
        if row.is_empty() {
            continue;
        }
        if ri == 1 {
            quorum_row_top = Some(y);
        }
        let label = t(ROW_LABELS[ri], lang);
        let row_top = y;
        if narrow {
            let l = wrap(&label, area / U_LABEL, 2);
            let n = l.len() as f64;
            labels.push((l, PAD, y + 12.0));
            y += 16.0 * n + 4.0;
        }
        let mut cells: Vec<Placed> = Vec::new();
        if ri == 4 {
            // Small boxes, as wide as their text, flowing onto more lines when needed.
            let mut x = x0;
            let mut line_top = y;
            let mut line_h: f64 = 0.0;
            for node in row {
                let name_w = node.name.chars().map(units).sum::<f64>() * U_TITLE_MINOR;
                let status_w = node
                    .status
                    .as_deref()
                    .unwrap_or("")
                    .chars()
                    .map(units)
                    .sum::<f64>()
                    * U_STATUS;
                let text_units = name_w.max(status_w);
                let w = (text_units + 22.0).clamp(90.0, area);
                if x > x0 && x + w > x0 + area {
                    x = x0;
                    line_top += line_h + 8.0;
                    line_h = 0.0;
                }
                let lines = box_lines(&node, w, &reads_prefix);
                let mut p = Placed {
                    node,
                    x,
                    y: line_top,
                    w,
                    h: 0.0,
                    lines,
                };
                p.h = p.content_height();
                line_h = line_h.max(p.h);
                x += w + 8.0;
                cells.push(p);
            }
            for c in &mut cells {
                if c.y == line_top {
                    c.h = line_h;
                }
            }
            y = line_top + line_h;
        } else if narrow {
            for node in row {
                let lines = box_lines(&node, area, &reads_prefix);
                let mut p = Placed {
                    node,
                    x: x0,
                    y,
                    w: area,
                    h: 0.0,
                    lines,
                };
                p.h = p.content_height().max(40.0);
                y += p.h + 8.0;
                cells.push(p);
            }
            y -= 8.0;
        } else {
            let n = row.len() as f64;
            let w = (area - GAP * (n - 1.0)) / n;
            let mut x = x0;
            for node in row {
                let lines = box_lines(&node, w, &reads_prefix);
                cells.push(Placed {
                    node,
                    x,
                    y,
                    w,
                    h: 0.0,
                    lines,
                });
                x += w + GAP;
            }
            let h = cells
                .iter()
                .map(Placed::content_height)
                .fold(48.0, f64::max);
            for c in &mut cells {
                c.h = h;
            }
            y += h;
        }
        if !narrow {
            let l = wrap(&label, (label_w - PAD) / U_LABEL, 3);
            let n = l.len() as f64;
            let first = cells.first().map(|c| c.y).unwrap_or(row_top);
            let h = cells.first().map(|c| c.h).unwrap_or(0.0);
            labels.push((l, PAD, first + h / 2.0 - (n - 1.0) * 8.0 + 4.0));
        }
        placed.extend(cells);
        y += GAP * 1.6;
        if framed && ri == 2 {
            y += 16.0;
        }
    }
    let height = y - GAP * 1.6 + PAD;
    let frame = framed.then(|| {
        let inside: Vec<&Placed> = placed
            .iter()
            .filter(|p| {
                (row_of(&p.node.id) == 1 && p.node.major && p.node.class == "p-on")
                    || p.node.id == "corosync" && p.node.major
            })
            .collect();
        let mut top = inside.iter().map(|p| p.y).fold(f64::MAX, f64::min) - 8.0;
        if narrow {
            // the layer name sits above its boxes: keep it inside the frame
            top = top.min(quorum_row_top.unwrap_or(top) - 4.0);
        }
        let bottom = inside.iter().map(|p| p.y + p.h).fold(0.0, f64::max) + 22.0;
        let left = inside.iter().map(|p| p.x).fold(f64::MAX, f64::min) - 6.0;
        let right = inside.iter().map(|p| p.x + p.w).fold(0.0, f64::max) + 6.0;
        (left, top, right, bottom)
    });
    Layout {
        placed,
        labels,
        frame,
        width,
        height,
    }
}

fn diagram(r: &Roles, lang: Lang) -> Html {
    let all = nodes(r, lang);
    let desc: Vec<String> = all
        .iter()
        .map(|n| match &n.status {
            Some(st) => format!("{} ({st})", n.name),
            None => n.name.clone(),
        })
        .collect();
    let title = Msg::new("ui.diagram.title")
        .arg("stack", stack_label(r.stack, lang))
        .render(lang);
    let svg = |narrow: bool| {
        let l = layout(all.clone(), lang, narrow);
        let suffix = if narrow { "n" } else { "w" };
        let (tid, did) = (
            format!("diagram-title-{suffix}"),
            format!("diagram-desc-{suffix}"),
        );
        let frame = l.frame.map(|(left, top, right, bottom)| {
            html! {
                <g class="frame">
                    <rect x={f(left)} y={f(top)} width={f(right - left)} height={f(bottom - top)} rx="10" />
                    <text x={f(right - 8.0)} y={f(bottom - 6.0)} text-anchor="end" class="frame-label">{ t("ui.diagram.inside_corosync", lang) }</text>
                </g>
            }
        });
        html! {
            <svg class={classes!("stack-svg", if narrow { "narrow" } else { "wide" })}
                viewBox={format!("0 0 {} {}", f(l.width), f(l.height))} role="img"
                aria-labelledby={format!("{tid} {did}")}>
                <title id={tid}>{ title.clone() }</title>
                <desc id={did}>{ desc.join(", ") }</desc>
                { for frame }
                { for l.labels.iter().map(|(lines, x, y0)| html! {
                    <text class="layer" x={f(*x)} y={f(*y0)}>
                        { for lines.iter().enumerate().map(|(i, s)| html! {
                            <tspan x={f(*x)} y={f(y0 + i as f64 * 16.0)}>{ s.clone() }</tspan>
                        }) }
                    </text>
                }) }
                { for l.placed.iter().map(node_svg) }
            </svg>
        }
    };
    html! {
        <figure class="diagram">
            { svg(false) }
            { svg(true) }
            <figcaption class="legend">
                <span class="key p-on">{ t("ui.presence.in_use", lang) }</span>
                <span class="key p-rec">{ t("ui.presence.recommended", lang) }</span>
                <span class="key p-off">{ t("ui.diagram.legend_off", lang) }</span>
            </figcaption>
        </figure>
    }
}

fn node_svg(p: &Placed) -> Html {
    let x = p.x + 10.0;
    let mut y = p.y;
    let texts = p.lines.iter().map(|l| {
        y += l.step;
        html! { <text class={l.class} x={f(x)} y={f(y)}>{ l.text.clone() }</text> }
    });
    html! {
        <g class={classes!("node", p.node.class, (!p.node.major).then_some("minor"), format!("id-{}", p.node.id))}>
            <rect x={f(p.x)} y={f(p.y)} width={f(p.w)} height={f(p.h)} rx="8" />
            { for texts }
        </g>
    }
}

/// A coordinate with one decimal, formatted through integers: Rust's float formatting would
/// add about 11 KB to the wasm for this alone.
fn f(v: f64) -> String {
    let tenths = (v * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let t = tenths.unsigned_abs();
    format!("{sign}{}.{}", t / 10, t % 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinates_have_one_decimal() {
        assert_eq!(f(12.0), "12.0");
        assert_eq!(f(3.14159), "3.1");
        assert_eq!(f(2.96), "3.0");
        assert_eq!(f(-0.06), "-0.1");
        assert_eq!(f(-0.04), "0.0");
    }

    #[test]
    fn wrap_breaks_at_spaces_and_limits_lines() {
        assert_eq!(
            wrap("reads corosync.conf", 40.0, 2),
            vec!["reads corosync.conf"]
        );
        assert_eq!(wrap("aaa bbb ccc", 7.0, 3), vec!["aaa bbb", "ccc"]);
        assert_eq!(wrap("aaa bbb ccc ddd", 7.0, 1), vec!["aaa bbb…"]);
        // CJK counts double and breaks anywhere
        assert_eq!(
            wrap("クォーラム提供", 6.0, 3),
            vec!["クォー", "ラム提", "供"]
        );
        assert!(wrap("", 10.0, 2).is_empty());
        // long paths break after a slash
        assert_eq!(
            wrap("reads /etc/corosync/service.d/pcmk", 22.0, 3),
            vec!["reads /etc/corosync/", "service.d/pcmk"]
        );
        // an ASCII word inside Japanese text stays whole
        assert_eq!(
            wrap("通信（totem）です", 10.0, 3),
            vec!["通信", "（totem）", "です"]
        );
    }

    #[test]
    fn unknown_stack_draws_a_placeholder() {
        let mut r = Roles {
            stack: None,
            headline: Msg::new("stack.headline.unknown"),
            components: vec![],
            choices: vec![],
        };
        let n = nodes(&r, Lang::En);
        let ids: Vec<&str> = n.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["pacemaker", "unknown", "corosync"]);
        assert!(n.iter().all(|n| n.class == "p-unknown"));
        r.stack = Some(StackKind::Corosync3);
        let ids: Vec<String> = nodes(&r, Lang::En).into_iter().map(|n| n.id).collect();
        assert_eq!(ids, ["pacemaker", "votequorum", "corosync", "knet"]);
        // in use: the quorum provider and corosync are framed as one process
        assert!(layout(nodes(&r, Lang::En), Lang::En, false).frame.is_some());
        r.stack = None;
        assert!(layout(nodes(&r, Lang::Ja), Lang::Ja, true).frame.is_none());
    }

    #[test]
    fn unused_components_go_to_the_last_row() {
        let comp = |id: &'static str, presence| Component {
            id,
            name: id,
            version: None,
            role: Msg::new("x"),
            reads: Msg::new("y"),
            files: vec![],
            presence,
            here: Msg::new("z"),
        };
        let r = Roles {
            stack: Some(StackKind::Plugin0),
            headline: Msg::new("x"),
            components: vec![
                comp("pacemaker", Presence::InUse),
                comp("plugin", Presence::InUse),
                comp("cman", Presence::Recommended),
                comp("openais", Presence::NotUsed),
                comp("corosync", Presence::InUse),
                comp("knet", Presence::Absent),
            ],
            choices: vec![],
        };
        let l = layout(nodes(&r, Lang::En), Lang::En, false);
        let y = |id: &str| {
            l.placed
                .iter()
                .find(|p| p.node.id == id)
                .map(|p| p.y)
                .unwrap()
        };
        assert_eq!(y("plugin"), y("cman"));
        assert!(y("pacemaker") < y("plugin") && y("plugin") < y("corosync"));
        assert!(y("openais") > y("corosync") && y("knet") > y("corosync"));
        assert_eq!(l.labels.len(), 4);
        let frame = l.frame.expect("plugin in use: framed with corosync");
        let openais = l.placed.iter().find(|p| p.node.id == "openais").unwrap();
        assert!(
            openais.y > frame.3,
            "unused components stay outside the corosync frame"
        );
    }

    #[test]
    fn boxes_fit_their_text() {
        let r = Roles {
            stack: Some(StackKind::Cman),
            headline: Msg::new("x"),
            components: vec![],
            choices: vec![],
        };
        for narrow in [false, true] {
            let l = layout(nodes(&r, Lang::Ja), Lang::Ja, narrow);
            for p in &l.placed {
                assert!(p.h >= p.content_height(), "{} too short", p.node.id);
                assert!(p.x + p.w <= l.width, "{} too wide", p.node.id);
                assert!(p.y + p.h <= l.height, "{} below the picture", p.node.id);
            }
        }
    }
}
