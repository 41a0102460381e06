//! cluster.conf rules: `M0xx` for the XML itself, `M1xx` for what cman, fenced and rgmanager
//! read from it. They run on [`crate::cman::Cx`], not on a corosync.conf `Ctx`.

use crate::cman::Cx;
use crate::diagnostic::{Diagnostic, Span};
use crate::i18n::Msg;
use crate::rules::RuleMeta;

pub mod clusternodes_missing;
pub mod config_version_invalid;
pub mod config_version_missing;
pub mod duplicate_node_name;
pub mod duplicate_nodeid;
pub mod fence_pcmk_redirect;
pub mod name_missing;
pub mod name_too_long;
pub mod node_name_missing;
pub mod node_without_fencing;
pub mod nodeid_missing;
pub mod root_not_cluster;
pub mod two_node_more_nodes;
pub mod two_node_without_expected;
pub mod undefined_fence_device;
pub mod unknown_attribute;
pub mod unknown_element;
pub mod xml_doctype;
pub mod xml_malformed;

pub type CheckFn = fn(&Cx, &mut Vec<Diagnostic>);

pub struct Rule {
    pub meta: &'static RuleMeta,
    pub check: CheckFn,
}

macro_rules! rules {
    ($($m:ident),* $(,)?) => {
        vec![$(Rule { meta: &$m::META, check: $m::check }),*]
    };
}

/// Every cluster.conf rule, in the order they run.
pub fn rules() -> Vec<Rule> {
    rules![
        xml_malformed,
        xml_doctype,
        root_not_cluster,
        name_missing,
        name_too_long,
        config_version_missing,
        config_version_invalid,
        clusternodes_missing,
        node_name_missing,
        nodeid_missing,
        duplicate_nodeid,
        duplicate_node_name,
        two_node_without_expected,
        two_node_more_nodes,
        undefined_fence_device,
        node_without_fencing,
        fence_pcmk_redirect,
        unknown_element,
        unknown_attribute,
    ]
}

/// A finding with `<code>.help` as its help.
pub(crate) fn found(meta: &'static RuleMeta, span: Span, message: Msg) -> Diagnostic {
    let help = Msg::new(format!("{}.help", meta.code));
    meta.diag(span, message).help(help)
}

/// True when the file is a `<cluster>` document the model rules can speak about.
pub(crate) fn is_cluster(cx: &Cx) -> bool {
    cx.model.root.is_some_and(|r| cx.name(r) == "cluster")
}
