//! The analysis settings: which corosync to check against (Auto = inferred, a series, or a
//! release where behaviour changed) and the opt-in rule profile. Stored in localStorage and
//! passed to `analyze` as `Options`.

use corocheck_core::detect::DocKind;
use corocheck_core::i18n::{Msg, t};
use corocheck_core::rules::config::schema::change_releases;
use corocheck_core::{Lang, Options, Profile, Target};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::{Analysis, Ctl, md, storage};

const TARGET_KEY: &str = "corocheck.target";
const PROFILE_KEY: &str = "corocheck.profile";

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Settings {
    pub target: Option<Target>,
    pub profile: Option<Profile>,
}

impl Settings {
    /// The saved choices (unknown values fall back to Auto / no profile).
    pub fn load() -> Settings {
        let get = |k: &str| storage().and_then(|s| s.get_item(k).ok().flatten());
        Settings {
            target: get(TARGET_KEY).and_then(|v| Target::parse(&v)),
            profile: get(PROFILE_KEY).and_then(|v| Profile::parse(&v)),
        }
    }

    fn save(&self) {
        if let Some(s) = storage() {
            let _ = match self.target {
                Some(t) => s.set_item(TARGET_KEY, &target_value(t)),
                None => s.remove_item(TARGET_KEY),
            };
            let _ = match self.profile {
                Some(p) => s.set_item(PROFILE_KEY, p.name()),
                None => s.remove_item(PROFILE_KEY),
            };
        }
    }

    pub fn options(&self) -> Options {
        Options {
            target: self.target,
            profile: self.profile,
            threads: 1,
        }
    }
}

/// The select's value for a target: `3` for a series, `3.1.3` for a release.
pub(crate) fn target_value(t: Target) -> String {
    if t.is_major() {
        t.from.0.to_string()
    } else {
        t.from.to_string()
    }
}

impl Ctl {
    fn set_settings(&self, s: Settings) {
        s.save();
        self.m.borrow_mut().settings = s;
        self.redraw();
        self.schedule(0);
    }
}

/// The two selects, and under them what the version choice means for this input.
pub fn view(ctl: &Ctl, s: Settings, analysis: Option<&Analysis>, lang: Lang) -> Html {
    let on_target = {
        let c = ctl.clone();
        Callback::from(move |e: Event| {
            let sel: HtmlSelectElement = e.target_unchecked_into();
            let target = Target::parse(&sel.value());
            c.set_settings(Settings { target, ..s });
        })
    };
    let on_profile = {
        let c = ctl.clone();
        Callback::from(move |e: Event| {
            let sel: HtmlSelectElement = e.target_unchecked_into();
            let profile = Profile::parse(&sel.value());
            c.set_settings(Settings { profile, ..s });
        })
    };
    let current = s.target.map(target_value).unwrap_or_default();
    let option = |value: String, label: String| {
        let selected = value == current;
        html! { <option value={value} {selected}>{ label }</option> }
    };
    let profile = s.profile.map(|p| p.name()).unwrap_or("");
    html! {
        <div class="settings">
            <label class="setting">
                <span>{ t("ui.settings.version", lang) }</span>
                <select id="target-version" onchange={on_target}>
                    { option(String::new(), t("ui.settings.auto", lang)) }
                    { for (1..=3u8).map(|m| option(m.to_string(), Msg::new("ui.settings.series").arg("major", m).render(lang))) }
                    <optgroup label={t("ui.settings.releases", lang)}>
                        { for change_releases().into_iter().map(|r| option(r.to_string(), r.to_string())) }
                    </optgroup>
                </select>
            </label>
            <label class="setting">
                <span>{ t("ui.settings.profile", lang) }</span>
                <select id="profile" onchange={on_profile}>
                    <option value="" selected={profile.is_empty()}>{ t("ui.settings.profile.none", lang) }</option>
                    { for Profile::ALL.iter().map(|p| html! {
                        <option value={p.name()} selected={profile == p.name()}>{ t(&format!("ui.settings.profile.{}", p.name()), lang) }</option>
                    }) }
                </select>
            </label>
            { inferred(s, analysis, lang) }
        </div>
    }
}

/// Auto: the version inferred and why. Pinned: what the inputs themselves look like.
fn inferred(s: Settings, analysis: Option<&Analysis>, lang: Lang) -> Html {
    let Some(a) = analysis else {
        return html! {};
    };
    let doc = a
        .report
        .files
        .iter()
        .flat_map(|f| f.documents.iter())
        .find(|d| matches!(d.kind, DocKind::CorosyncConf) && d.target.is_some());
    // Pinned, the facts carry the pin; the config's own evidence is what it looks like.
    let inferred = match s.target {
        None => a
            .report
            .facts
            .corosync_target()
            .or(doc.and_then(|d| d.target)),
        Some(_) => doc.and_then(|d| d.target),
    };
    let Some(version) = inferred else {
        return html! {};
    };
    let evidence = doc.map(|d| d.evidence.as_slice()).unwrap_or(&[]);
    let stack = a.report.facts.stack();
    let line = match (s.target, stack) {
        // No corosync.conf to point at (a cluster.conf, logs): the stack is the evidence.
        (None, Some(k)) if evidence.is_empty() => Msg::new("ui.settings.inferred_stack")
            .arg("version", version)
            .arg("stack", crate::roles::stack_label(Some(k), lang)),
        (None, _) => Msg::new("ui.settings.inferred").arg("version", version),
        (Some(p), _) => Msg::new("ui.settings.pinned")
            .arg("version", p)
            .arg("inferred", version),
    };
    html! {
        <div class="inferred" id="inferred">
            <p class="muted small">{ md::view_line(&line.render(lang)) }</p>
            if s.target.is_none() && !evidence.is_empty() {
                <ul class="evidence small">
                    { for evidence.iter().map(|e| html! { <li>{ md::view_line(&e.render(lang)) }</li> }) }
                </ul>
            }
        </div>
    }
}
