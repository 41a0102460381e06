//! Which corosync a finding is about.
//!
//! A [`Target`] is a range of releases: `--target-version 3` means "any 3.x release", so a
//! check that applies only to part of the series still fires and names the releases it holds
//! for. `--target-version 3.1.7` pins one release.

use std::fmt;

/// A release number, e.g. 3.1.7. Ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Release(pub u8, pub u8, pub u8);

impl fmt::Display for Release {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.0, self.1, self.2)
    }
}

impl Release {
    /// Parse `3`, `3.1` or `3.1.7` (also `corosync-1.4.7-2.el6` style prefixes are not handled
    /// here; see `detect`).
    pub fn parse_prefix(s: &str) -> Option<(Release, usize)> {
        let parts: Vec<&str> = s.trim().split('.').collect();
        if parts.is_empty() || parts.len() > 3 {
            return None;
        }
        let mut nums = [0u8; 3];
        for (i, p) in parts.iter().enumerate() {
            nums[i] = p.parse().ok()?;
        }
        Some((Release(nums[0], nums[1], nums[2]), parts.len()))
    }
}

/// An inclusive range of releases the analysis is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Target {
    pub from: Release,
    pub to: Release,
}

impl Target {
    pub const fn major(m: u8) -> Target {
        Target {
            from: Release(m, 0, 0),
            to: Release(m, 255, 255),
        }
    }
    pub const fn exact(r: Release) -> Target {
        Target { from: r, to: r }
    }
    /// `3`, `3.1`, `3.1.7`.
    pub fn parse(s: &str) -> Option<Target> {
        let (r, n) = Release::parse_prefix(s)?;
        if !(1..=3).contains(&r.0) {
            return None;
        }
        Some(match n {
            1 => Target::major(r.0),
            2 => Target {
                from: Release(r.0, r.1, 0),
                to: Release(r.0, r.1, 255),
            },
            _ => Target::exact(r),
        })
    }
    pub fn major_num(&self) -> u8 {
        self.from.0
    }
    /// Does any release in the target fall in `[from, to]`?
    pub fn overlaps(&self, from: Release, to: Release) -> bool {
        self.from <= to && from <= self.to
    }
    /// Does any targeted release have this behaviour, introduced in `since`?
    pub fn any_at_least(&self, since: Release) -> bool {
        self.to >= since
    }
    /// Do all targeted releases have this behaviour, introduced in `since`?
    pub fn all_at_least(&self, since: Release) -> bool {
        self.from >= since
    }
    pub fn any_before(&self, until: Release) -> bool {
        self.from < until
    }
    pub fn is_major(&self) -> bool {
        self.from.1 == 0 && self.from.2 == 0 && self.to.1 == 255 && self.to.2 == 255
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_major() {
            write!(f, "{}.x", self.from.0)
        } else if self.from == self.to {
            write!(f, "{}", self.from)
        } else if self.from.2 == 0 && self.to.2 == 255 && self.from.1 == self.to.1 {
            write!(f, "{}.{}.x", self.from.0, self.from.1)
        } else {
            write!(f, "{}–{}", self.from, self.to)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_compare() {
        let t3 = Target::parse("3").unwrap();
        assert!(t3.any_at_least(Release(3, 1, 8)));
        assert!(!t3.all_at_least(Release(3, 1, 8)));
        let t317 = Target::parse("3.1.7").unwrap();
        assert!(!t317.any_at_least(Release(3, 1, 8)));
        assert!(t317.overlaps(Release(3, 0, 0), Release(3, 1, 9)));
        assert_eq!(t3.to_string(), "3.x");
        assert_eq!(t317.to_string(), "3.1.7");
        assert!(Target::parse("4").is_none());
        assert!(Target::parse("x").is_none());
    }
}
