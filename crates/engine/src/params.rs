//! Parameters: the numbers the rules use, each citing the clause it comes from or marked as an
//! assumption (the documents do not give every number). Loaded from `content/params/*.toml`.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::overrides::Unit;

/// Where a value is stated.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// Document slug in the library.
    pub doc: String,
    /// Section id in that document.
    pub section: String,
    /// 文号.
    pub number: String,
    /// The words that state it.
    pub quote: String,
}

impl Source {
    /// The library link, `<doc>#<section>`.
    pub fn link(&self) -> String {
        format!("{}#{}", self.doc, self.section)
    }
}

/// One parameter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Param {
    /// Stable key, used by the rules and in overrides.
    pub key: String,
    /// Plain-Chinese label.
    pub label: String,
    /// The value (a ratio like 0.85, or yuan).
    #[serde(with = "rust_decimal::serde::str")]
    pub value: Decimal,
    /// What the value measures (and so the values it may take).
    pub unit: Unit,
    /// The clause, if the documents give it.
    #[serde(default)]
    pub source: Option<Source>,
    /// Why this value is assumed, if they do not.
    #[serde(default)]
    pub assumption: Option<String>,
    /// For an assumed number: the clause that states the rule without giving the number.
    #[serde(default)]
    pub clause: Option<Source>,
}

/// Which rules settle a profile's scenarios: each parameter file names its own (`rules = "…"`); a name the
/// engine does not know fails the build.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rules {
    /// 会宁县 / 甘肃省 2018 (`crate::huining`).
    Huining,
    /// 眉山市 2016 (`crate::meishan`).
    Meishan,
}

/// A jurisdiction's parameter set.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileParams {
    /// Profile id, e.g. `huining-2018`.
    pub id: String,
    /// Plain-Chinese name.
    pub name: String,
    /// Its short code in calculator links (`p=h`): stable, never reused.
    pub code: String,
    /// The rules that settle it.
    pub rules: Rules,
    /// The parameters, in display order.
    #[serde(rename = "param")]
    pub params: Vec<Param>,
}

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

    /// The library link for `key`: its source, or for an assumption the clause stating the rule.
    pub fn link(&self, key: &str) -> Option<String> {
        let p = self.param(key);
        p.source.as_ref().or(p.clause.as_ref()).map(Source::link)
    }
}

/// Every built-in profile.
pub fn profiles() -> &'static [ProfileParams] {
    static CELL: OnceLock<Vec<ProfileParams>> = OnceLock::new();
    CELL.get_or_init(|| {
        serde_json::from_str(include_str!(concat!(env!("OUT_DIR"), "/profiles.json")))
            .expect("build.rs checked the parameter files")
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
