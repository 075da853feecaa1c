//! Parameters: the numbers the rules use, each citing the clause it comes from or marked as an
//! assumption (the documents do not give every number). Read from `content/params/*.toml` and checked at
//! build time (see `build.rs` and [`crate::data`]); decoded from postcard on first use.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use rust_decimal::Decimal;

pub use crate::data::{Citation, Param, ProfileParams, Rules};

impl ProfileParams {
    /// The parameter `key`. Panics on an unknown key: rules only ask for keys their profile has (a test
    /// settles every profile, so a missing key fails the tests, never a user).
    pub fn param(&self, key: &str) -> &Param {
        self.params
            .iter()
            .find(|p| p.key == key)
            .unwrap_or_else(|| panic!("{}: no parameter {key}", self.id))
    }

    /// The value of `key`, or the override for it.
    pub fn get(&self, key: &str, overrides: &BTreeMap<String, Decimal>) -> Decimal {
        overrides
            .get(key)
            .copied()
            .unwrap_or_else(|| self.param(key).value)
    }

    /// Whether `key` is an assumption (and so editable in the UI).
    pub fn is_assumption(&self, key: &str) -> bool {
        self.param(key).assumption.is_some()
    }

    /// What `key` cites: its source, or for an assumption the clause stating the rule.
    pub fn cite(&self, key: &str) -> Option<&Citation> {
        let p = self.param(key);
        p.source.as_ref().or(p.clause.as_ref())
    }
}

/// Every built-in profile.
pub fn profiles() -> &'static [ProfileParams] {
    static CELL: OnceLock<Vec<ProfileParams>> = OnceLock::new();
    CELL.get_or_init(|| {
        postcard::from_bytes(include_bytes!(concat!(env!("OUT_DIR"), "/profiles.bin")))
            .expect("build.rs checked and wrote the parameter files")
    })
}

/// The profile `id`.
pub fn profile(id: &str) -> Option<&'static ProfileParams> {
    profiles().iter().find(|p| p.id == id)
}

/// Every profile's id and link code, from the same parameter files but without loading them (a page that
/// only links to the calculator needs no parameters).
pub const LINK_CODES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/link_codes.rs"));

/// The link code of profile `id`.
pub fn link_code(id: &str) -> Option<&'static str> {
    LINK_CODES.iter().find(|(i, _)| *i == id).map(|(_, c)| *c)
}

/// The profile id with link code `code`.
pub fn profile_for_code(code: &str) -> Option<&'static str> {
    LINK_CODES.iter().find(|(_, c)| *c == code).map(|(i, _)| *i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_codes_are_the_profiles_own() {
        assert_eq!(LINK_CODES.len(), profiles().len());
        for p in profiles() {
            assert_eq!(link_code(&p.id), Some(p.code.as_str()), "{}", p.id);
            assert_eq!(profile_for_code(&p.code), Some(p.id.as_str()));
        }
        assert_eq!(profile_for_code("zz"), None);
    }
}
