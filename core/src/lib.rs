//! corocheck-core: reads corosync.conf (1.x/2.x/3.x), service.d fragments, CMAN cluster.conf
//! and cluster logs, and explains what it finds in English and Japanese.
//!
//! Architecture invariants (see ARCHITECTURE.md):
//! - no I/O, no clock, no wasm-bindgen/clap/yew: text in, data out; builds for wasm32;
//! - analysis never fails and never panics on any input: it returns a [`Report`];
//! - diagnostics carry byte spans into the text they were given; line/column are computed at
//!   the edges with [`text::LineIndex`];
//! - every user-visible string comes from the bilingual catalog (`i18n`) or the log knowledge
//!   base (`logs::kb`).

pub mod cman;
pub mod conf;
pub mod detect;
pub mod diagnostic;
pub mod fix;
pub mod i18n;
#[cfg(feature = "json")]
pub mod json;
pub mod late;
pub mod logs;
pub mod redact;
pub mod report;
pub mod rules;
pub mod share;
pub mod snippet;
mod sort;
pub mod stack;
pub mod text;
pub mod topology;
pub mod vecmap;
pub mod version;

pub use diagnostic::{Diagnostic, Edit, Fix, Severity, Span};
pub use i18n::{Lang, Msg};
pub use report::{Input, Migration, Options, Profile, Report, analyze, analyze_late, analyze_with};
pub use version::{Release, Target};
