//! Stack rules (`C5xx`). STUB: being written.
use super::Rule;
pub fn rules() -> Vec<Rule> {
    vec![]
}
