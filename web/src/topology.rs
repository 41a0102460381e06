//! The cluster as a picture: each corosync.conf's nodes × links with addresses and votes
//! (`core::topology`), and votequorum's arithmetic in words below it.

use corocheck_core::Lang;
use corocheck_core::i18n::{Msg, t};
use corocheck_core::topology::Topology;
use yew::prelude::*;

use crate::{Analysis, md};

/// Node columns drawn at most; the rest are counted under the picture.
const MAX_DRAWN: usize = 8;
const COL: usize = 150;
const LEFT: usize = 70;
const BUS0: usize = 100;
const BUS_GAP: usize = 44;

pub fn view(a: &Analysis, lang: Lang) -> Html {
    let tops = &a.report.topologies;
    if tops.is_empty() {
        return html! {};
    }
    html! {
        <section class="card" id="topology" aria-labelledby="topology-h">
            <h2 id="topology-h">{ t("ui.topology.heading", lang) }</h2>
            { for tops.iter().map(|top| one(a, top, tops.len() > 1, lang)) }
        </section>
    }
}

fn one(a: &Analysis, top: &Topology, named: bool, lang: Lang) -> Html {
    let drawn = &top.nodes[..top.nodes.len().min(MAX_DRAWN)];
    // Room on the right for the last column's addresses.
    let width = LEFT + drawn.len().max(2) * COL + 50;
    let height = BUS0 + top.links.len().max(1) * BUS_GAP - 20;
    let bus_y = |k: usize| BUS0 + k * BUS_GAP;
    let label = Msg::new("ui.topology.aria")
        .arg("nodes", top.nodes.len())
        .arg("links", top.links.len())
        .arg("transport", top.transport)
        .render(lang);
    let buses = top.links.iter().enumerate().map(|(k, l)| {
        let y = bus_y(k);
        html! {
            <g class="bus">
                <line x1={(LEFT - 10).to_string()} y1={y.to_string()} x2={(width - 10).to_string()} y2={y.to_string()} />
                <text x="4" y={(y + 4).to_string()}>{ Msg::new("ui.topology.link").arg("n", l).render(lang) }</text>
            </g>
        }
    });
    let nodes = drawn.iter().enumerate().map(|(i, n)| {
        let x = LEFT + i * COL + 10;
        let cx = x + 65;
        // The lowest bus this node is on: its line runs down to there.
        let ks: Vec<(usize, &str)> = n
            .addrs
            .iter()
            .filter_map(|(l, addr)| {
                top.links
                    .iter()
                    .position(|x| x == l)
                    .map(|k| (k, addr.as_str()))
            })
            .collect();
        let down = ks.iter().map(|(k, _)| bus_y(*k)).max().unwrap_or(60);
        let id = n.nodeid.map_or_else(|| "-".to_string(), |v| v.to_string());
        html! {
            <g class="tnode">
                <line class="drop" x1={cx.to_string()} y1="60" x2={cx.to_string()} y2={down.to_string()} />
                <rect x={x.to_string()} y="10" width="130" height="50" rx="8" />
                <text class="n-title" x={(x + 8).to_string()} y="31">{ short(&n.name) }</text>
                <text class="n-sub" x={(x + 8).to_string()} y="50">
                    { Msg::new("ui.topology.node").arg("id", id).arg("votes", n.votes).render(lang) }
                </text>
                { for ks.iter().map(|(k, addr)| html! {
                    <>
                        <circle cx={cx.to_string()} cy={bus_y(*k).to_string()} r="4" />
                        <text class="addr" x={(cx + 7).to_string()} y={(bus_y(*k) - 6).to_string()}>{ short(addr) }</text>
                    </>
                }) }
            </g>
        }
    });
    let more = top.nodes.len().saturating_sub(MAX_DRAWN);
    html! {
        <figure class="topology">
            if named {
                <figcaption class="mono small">{ a.display_path(top.file, lang) }</figcaption>
            }
            <svg viewBox={format!("0 0 {width} {height}")} role="img" aria-label={label}>
                { for buses }
                { for nodes }
            </svg>
            if more > 0 {
                <p class="muted small">{ Msg::new("ui.topology.more").arg("n", more).render(lang) }</p>
            }
            { quorum(top, lang) }
        </figure>
    }
}

/// Names and addresses longer than a column are cut (the full text is in the config).
fn short(s: &str) -> String {
    match s.char_indices().nth(18) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

fn quorum(top: &Topology, lang: Lang) -> Html {
    let Some(q) = &top.quorum else {
        return html! { <p class="md">{ md::view_line(&t("ui.topology.no_quorum", lang)) }</p> };
    };
    let mut lines = Vec::new();
    lines.push(match (&q.expected_set, &q.device) {
        (Some(_), _) => Msg::new("ui.topology.expected_set"),
        (None, Some((model, votes))) => Msg::new("ui.topology.expected_device")
            .arg("model", model)
            .arg("votes", votes),
        (None, None) => Msg::new("ui.topology.expected_sum"),
    });
    lines.push(if q.two_node {
        Msg::new("ui.topology.quorum_two_node")
    } else {
        Msg::new("ui.topology.quorum").arg("needed", q.needed)
    });
    if !q.two_node {
        lines.push(Msg::new("ui.topology.survives").arg("n", q.expected.saturating_sub(q.needed)));
    }
    if q.wait_for_all {
        lines.push(Msg::new("ui.topology.wait_for_all"));
    }
    html! {
        <ul class="quorum md">
            { for lines.into_iter().map(|m| {
                let text = m.arg("expected", q.expected).arg("node_votes", q.node_votes).render(lang);
                html! { <li>{ md::view_line(&text) }</li> }
            }) }
        </ul>
    }
}
