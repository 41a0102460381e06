//! "What was detected": per file, the documents found in it.

use std::rc::Rc;

use corocheck_core::Lang;
use corocheck_core::detect::{DocKind, Segment};
use corocheck_core::i18n::{Msg, lookup, t};
use yew::prelude::*;

use crate::snippet::human_size;
use crate::{Analysis, LoadedFile, md};

/// The label of a document kind. Log formats are looked up by name, so a format added to the
/// core later shows as a generic "log" until `ui.cat` names it.
pub fn kind_label(kind: DocKind, lang: Lang) -> String {
    match kind {
        DocKind::CorosyncConf => t("ui.kind.corosync_conf", lang),
        DocKind::ServiceFragment => t("ui.kind.service_fragment", lang),
        DocKind::ClusterConf => t("ui.kind.cluster_conf", lang),
        DocKind::Log(f) => {
            let key = format!("ui.logformat.{f:?}");
            match lookup(&key, lang) {
                Some(name) => Msg::new("ui.kind.log_as").arg("format", name).render(lang),
                None => t("ui.kind.log", lang),
            }
        }
        DocKind::Prose => t("ui.kind.prose", lang),
        DocKind::Unknown => t("ui.kind.unknown", lang),
    }
}

fn kind_class(kind: DocKind) -> &'static str {
    match kind {
        DocKind::CorosyncConf | DocKind::ServiceFragment | DocKind::ClusterConf => "k-conf",
        DocKind::Log(_) => "k-log",
        DocKind::Prose | DocKind::Unknown => "k-other",
    }
}

pub fn view(a: &Analysis, files: &[Rc<LoadedFile>], lang: Lang) -> Html {
    let binary: Vec<&Rc<LoadedFile>> = files.iter().filter(|f| f.binary).collect();
    html! {
        <section class="card" id="detected" aria-labelledby="detected-h">
            <h2 id="detected-h">{ t("ui.detected.heading", lang) }</h2>
            <div class="detected">
                { for a.report.files.iter().enumerate().map(|(i, f)| {
                    let loaded = files.iter().find(|l| !a.is_pasted(i) && l.name == f.path);
                    html! {
                        <article class="doc-file" data-file={i.to_string()}>
                            <h3 class="sub">
                                <span class="file-name">{ a.display_path(i, lang) }</span>
                                <span class="muted small">{
                                    Msg::new("ui.detected.size")
                                        .arg("size", human_size(a.sources.get(i).map(|s| s.text.len()).unwrap_or(0)))
                                        .arg("lines", f.lines.line_count())
                                        .render(lang)
                                }</span>
                            </h3>
                            if let Some(l) = loaded.filter(|l| l.invalid_count > 0 || l.nul_count > 0) {
                                <p class="warn-text small">{
                                    Msg::new("ui.detected.encoding")
                                        .arg("count", l.invalid_count)
                                        .arg("offset", l.first_invalid.unwrap_or(0))
                                        .arg("nul", l.nul_count)
                                        .render(lang)
                                }</p>
                            }
                            if f.documents.is_empty() {
                                <p class="muted">{ t("ui.detected.nothing", lang) }</p>
                            } else {
                                <ul class="docs">
                                    { for f.documents.iter().map(|s| segment(a, i, s, lang)) }
                                </ul>
                            }
                        </article>
                    }
                }) }
                { for binary.iter().map(|f| html! {
                    <article class="doc-file bad">
                        <h3 class="sub"><span class="file-name">{ f.name.clone() }</span>
                            <span class="muted small">{ human_size(f.size) }</span></h3>
                        <p class="warn-text">{ t("ui.detected.binary", lang) }</p>
                    </article>
                }) }
            </div>
        </section>
    }
}

fn segment(a: &Analysis, file: usize, s: &Segment, lang: Lang) -> Html {
    let (from, _) = a.line_col(file, s.span.start);
    let (to, _) = a.line_col(file, s.span.end.saturating_sub(1).max(s.span.start));
    let lines = Msg::new("ui.detected.lines")
        .arg("from", from)
        .arg("to", to)
        .render(lang);
    html! {
        <li class="doc">
            <div class="doc-head">
                <span class={classes!("kind", kind_class(s.kind))}>{ kind_label(s.kind, lang) }</span>
                <span class="muted small">{ lines }</span>
                if let Some(tg) = s.target {
                    <span class="tag">{ Msg::new("ui.detected.version").arg("version", tg).render(lang) }</span>
                }
                if s.reflow.is_some() {
                    <span class="tag warn" title={t("ui.detected.reflow_help", lang)}>{ t("ui.detected.reflow", lang) }</span>
                }
            </div>
            if !s.evidence.is_empty() {
                <ul class="evidence" aria-label={t("ui.detected.evidence", lang)}>
                    { for s.evidence.iter().map(|e| html! { <li>{ md::view_line(&e.render(lang)) }</li> }) }
                </ul>
            }
        </li>
    }
}
