//! "Migrating to corosync N": the upgrade steps the core lists for each config written for an
//! older series than the target (`Report::migrations`).

use corocheck_core::Lang;
use corocheck_core::i18n::{Msg, t};
use yew::prelude::*;

use crate::{Analysis, Ctl, md};

pub fn view(ctl: &Ctl, a: &Analysis, lang: Lang) -> Html {
    if a.report.migrations.is_empty() {
        return html! {};
    }
    html! {
        <section class="card migration" id="migration" aria-labelledby="migration-h">
            <h2 id="migration-h">{ t("ui.migration.heading", lang) }</h2>
            <p class="muted small">{ t("ui.migration.intro", lang) }</p>
            { for a.report.migrations.iter().map(|m| {
                let title = Msg::new("ui.migration.file")
                    .arg("path", a.display_path(m.file, lang))
                    .arg("from", format!("{}.x", m.from))
                    .arg("to", m.to)
                    .render(lang);
                html! {
                    <div class="mig-file">
                        <h3 class="sub">{ md::view_line(&title) }</h3>
                        <ol class="steps">
                            { for m.steps.iter().map(|(span, msg)| {
                                let (line, _) = a.line_col(m.file, span.start);
                                let c = ctl.clone();
                                let (file, span) = (m.file, *span);
                                html! {
                                    <li>
                                        <button type="button" class="link loc"
                                            onclick={Callback::from(move |_| c.goto(file, span, None))}>
                                            { Msg::new("ui.migration.line").arg("line", line).render(lang) }
                                        </button>
                                        { " " }{ md::view_line(&msg.render(lang)) }
                                    </li>
                                }
                            }) }
                        </ol>
                    </div>
                }
            }) }
        </section>
    }
}
