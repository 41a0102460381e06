//! Config rules: unknown keys, value types, deprecations, cross-key checks.

use super::Rule;

pub fn rules() -> Vec<Rule> {
    vec![]
}
