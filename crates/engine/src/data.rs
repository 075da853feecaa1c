//! The shape of the parameter files (`content/params/*.toml`) and their build-time checks. `build.rs`
//! includes this module by path, reads each file into these types (through `policy_bindata`, as every data
//! file of the site), validates them and writes them as postcard; the library decodes that back into the
//! same types ([`crate::params::profiles`]). Nothing here depends on anything but serde, rust_decimal and the citation type.

use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Reads a decimal written in digits with at most one point (`12000`, `0.85`), rounding past 28 places:
/// what the parameter files, the amounts people type and a link's changed numbers leave once checked.
/// Not `FromStr`, which also reads `1e5` and so links a parser of scientific notation into every bundle.
pub fn read_decimal(digits: &str) -> Result<Decimal, rust_decimal::Error> {
    Decimal::from_str_radix(digits, 10)
}

/// A value written as text (`"0.85"`) in the parameter files and in their postcard copy, read back with
/// [`read_decimal`].
mod decimal_text {
    use rust_decimal::Decimal;
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(value: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(value)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        let text = String::deserialize(d)?;
        super::read_decimal(&text).map_err(D::Error::custom)
    }
}

/// The largest amount accepted (1亿元): anything bigger is a typing mistake.
pub const MAX_YUAN: i64 = 100_000_000;

pub use policy_content::citation::Citation;
use policy_content::citation::{CitationError, Library, Scope};

/// What a parameter's value measures, and so which values it can take.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// A share of an amount: 0 to 1 (typed as `0.78` or `78%`).
    Ratio,
    /// Yuan: 0 to [`MAX_YUAN`].
    Yuan,
    /// Yes (1) or no (0).
    Flag,
}

impl Unit {
    /// The smallest and largest value allowed.
    pub fn range(self) -> (Decimal, Decimal) {
        match self {
            Self::Ratio | Self::Flag => (Decimal::ZERO, Decimal::ONE),
            Self::Yuan => (Decimal::ZERO, Decimal::from(MAX_YUAN)),
        }
    }
}

/// One parameter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Param {
    /// Stable key, used by the rules and in overrides.
    pub key: String,
    /// Plain-Chinese label.
    pub label: String,
    /// The value (a ratio like 0.85, or yuan), written in the file as a string (`"0.85"`) so that no
    /// float ever touches it.
    #[serde(with = "decimal_text")]
    pub value: Decimal,
    /// What the value measures (and so the values it may take).
    pub unit: Unit,
    /// The clause, if the documents give it.
    #[serde(default)]
    pub source: Option<Citation>,
    /// Why this value is assumed, if they do not.
    #[serde(default)]
    pub assumption: Option<String>,
    /// For an assumed number: the clause that states the rule without giving the number.
    #[serde(default)]
    pub clause: Option<Citation>,
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

/// A parameter file breaks a rule: which profile (and parameter), and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DataError {
    /// The link code is empty or not only lowercase ASCII letters.
    BadCode { profile: String, code: String },
    /// Two profiles share a link code.
    CodeTwice { code: String },
    /// The profile has no parameters.
    NoParams { profile: String },
    /// A parameter key appears twice in one profile.
    KeyTwice { profile: String, key: String },
    /// A value outside its unit's range.
    OutOfRange {
        profile: String,
        key: String,
        value: Decimal,
        unit: Unit,
    },
    /// A parameter with both a source and an assumption note, or neither.
    SourceOrAssumption { profile: String, key: String },
    /// A parameter's source (or clause) is not what the library says.
    Citation {
        profile: String,
        key: String,
        error: Box<CitationError>,
    },
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::BadCode { profile, code } => write!(
                f,
                "{profile}: link code {code:?} must be lowercase letters (and not empty)"
            ),
            Self::CodeTwice { code } => write!(f, "two profiles share the link code {code:?}"),
            Self::NoParams { profile } => write!(f, "{profile}: no [[param]]"),
            Self::KeyTwice { profile, key } => write!(f, "{profile}: key {key} twice"),
            Self::OutOfRange {
                profile,
                key,
                value,
                unit,
            } => write!(
                f,
                "{profile}: {key}: {value} is outside the range of its unit ({unit:?})"
            ),
            Self::SourceOrAssumption { profile, key } => write!(
                f,
                "{profile}: {key}: needs exactly one of source or assumption"
            ),
            Self::Citation {
                profile,
                key,
                error,
            } => write!(f, "{profile}: {key}: {error}"),
        }
    }
}

impl std::error::Error for DataError {}

impl ProfileParams {
    /// Checks one parameter file: its link code, unique keys, every value within its unit's range, and
    /// every value either citing its source or saying why it is assumed, and every citation in `lib`: the
    /// document, its 文号, and the words in the cited clause's own text.
    pub fn validate(&self, lib: &Library) -> Result<(), DataError> {
        let profile = || self.id.clone();
        if self.code.is_empty() || !self.code.bytes().all(|b| b.is_ascii_lowercase()) {
            return Err(DataError::BadCode {
                profile: profile(),
                code: self.code.clone(),
            });
        }
        if self.params.is_empty() {
            return Err(DataError::NoParams { profile: profile() });
        }
        let mut keys = std::collections::BTreeSet::new();
        for p in &self.params {
            if !keys.insert(p.key.as_str()) {
                return Err(DataError::KeyTwice {
                    profile: profile(),
                    key: p.key.clone(),
                });
            }
            let (min, max) = p.unit.range();
            if p.value < min || p.value > max {
                return Err(DataError::OutOfRange {
                    profile: profile(),
                    key: p.key.clone(),
                    value: p.value,
                    unit: p.unit,
                });
            }
            let assumed = p.assumption.as_ref().is_some_and(|a| !a.trim().is_empty());
            if p.source.is_some() == assumed {
                return Err(DataError::SourceOrAssumption {
                    profile: profile(),
                    key: p.key.clone(),
                });
            }
            for c in p.source.iter().chain(&p.clause) {
                lib.verify(c, Scope::Own)
                    .map_err(|error| DataError::Citation {
                        profile: profile(),
                        key: p.key.clone(),
                        error: Box::new(error),
                    })?;
            }
        }
        Ok(())
    }
}

/// Checks the profiles together: no two share a link code.
pub fn validate_all(profiles: &[ProfileParams]) -> Result<(), DataError> {
    let mut codes = std::collections::BTreeSet::new();
    for p in profiles {
        if !codes.insert(p.code.as_str()) {
            return Err(DataError::CodeTwice {
                code: p.code.clone(),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A one-document library: `d` (文号 `n`) whose section `s1` says `q`.
    fn lib() -> Library {
        Library::from_docs([("d".into(), "n".into(), "## S {#s1}\n\nq".into())])
    }

    fn param(key: &str, value: &str, unit: Unit, source: bool, assumption: &str) -> Param {
        Param {
            key: key.into(),
            label: key.into(),
            value: value.parse().unwrap(),
            unit,
            source: source.then(|| Citation {
                doc: "d".into(),
                section: "s1".into(),
                number: "n".into(),
                quote: "q".into(),
            }),
            assumption: (!assumption.is_empty()).then(|| assumption.into()),
            clause: None,
        }
    }

    #[test]
    fn decimals_read_as_written() {
        let cases: &[(&str, Option<&str>)] = &[
            ("12000", Some("12000")),
            ("0.85", Some("0.85")),
            ("12000.50", Some("12000.50")),
            // Past 28 places the value is rounded, as `FromStr` does.
            (
                "0.12345678901234567890123456789",
                Some("0.1234567890123456789012345679"),
            ),
            // No exponent: a parameter file or a link with `1e5` is not a number.
            ("1e5", None),
            ("", None),
        ];
        for (text, want) in cases {
            let got = read_decimal(text).ok().map(|d| d.to_string());
            assert_eq!(got.as_deref(), *want, "{text:?}");
        }
        // The postcard copy reads back the value the file wrote.
        let p = param("k", "0.85", Unit::Ratio, true, "");
        let bytes = postcard::to_allocvec(&p).unwrap();
        assert_eq!(postcard::from_bytes::<Param>(&bytes).unwrap(), p);
    }

    fn profile(code: &str, params: Vec<Param>) -> ProfileParams {
        ProfileParams {
            id: "p".into(),
            name: "P".into(),
            code: code.into(),
            rules: Rules::Huining,
            params,
        }
    }

    /// A cited parameter with its citation changed by `change`.
    fn cited(change: impl FnOnce(&mut Citation)) -> Param {
        let mut p = param("a", "0.85", Unit::Ratio, true, "");
        change(p.source.as_mut().unwrap());
        p
    }

    #[test]
    fn each_rule_of_a_parameter_file_is_checked() {
        let ok = || param("a", "0.85", Unit::Ratio, true, "");
        let cases: Vec<(&str, ProfileParams, Option<DataError>)> = vec![
            ("valid", profile("h", vec![ok()]), None),
            (
                "code with a capital",
                profile("H", vec![ok()]),
                Some(DataError::BadCode {
                    profile: "p".into(),
                    code: "H".into(),
                }),
            ),
            (
                "no parameters",
                profile("h", vec![]),
                Some(DataError::NoParams {
                    profile: "p".into(),
                }),
            ),
            (
                "key twice",
                profile("h", vec![ok(), ok()]),
                Some(DataError::KeyTwice {
                    profile: "p".into(),
                    key: "a".into(),
                }),
            ),
            (
                "ratio above 1",
                profile("h", vec![param("a", "1.5", Unit::Ratio, true, "")]),
                Some(DataError::OutOfRange {
                    profile: "p".into(),
                    key: "a".into(),
                    value: "1.5".parse().unwrap(),
                    unit: Unit::Ratio,
                }),
            ),
            (
                "negative yuan",
                profile("h", vec![param("a", "-1", Unit::Yuan, true, "")]),
                Some(DataError::OutOfRange {
                    profile: "p".into(),
                    key: "a".into(),
                    value: "-1".parse().unwrap(),
                    unit: Unit::Yuan,
                }),
            ),
            (
                "source and assumption",
                profile("h", vec![param("a", "1", Unit::Flag, true, "why")]),
                Some(DataError::SourceOrAssumption {
                    profile: "p".into(),
                    key: "a".into(),
                }),
            ),
            (
                "neither (a blank note is none)",
                profile("h", vec![param("a", "1", Unit::Flag, false, " ")]),
                Some(DataError::SourceOrAssumption {
                    profile: "p".into(),
                    key: "a".into(),
                }),
            ),
            (
                "a 文号 not the document's",
                profile("h", vec![cited(|c| c.number = "m".into())]),
                Some(DataError::Citation {
                    profile: "p".into(),
                    key: "a".into(),
                    error: Box::new(CitationError::WrongNumber {
                        doc: "d".into(),
                        cited: "m".into(),
                        actual: "n".into(),
                    }),
                }),
            ),
            (
                "words the clause does not say",
                profile("h", vec![cited(|c| c.quote = "r".into())]),
                Some(DataError::Citation {
                    profile: "p".into(),
                    key: "a".into(),
                    error: Box::new(CitationError::Quote {
                        doc: "d".into(),
                        error: policy_content::quote::QuoteError::NotSaid {
                            section: "s1".into(),
                            quote: "r".into(),
                        },
                    }),
                }),
            ),
        ];
        for (name, p, want) in cases {
            assert_eq!(p.validate(&lib()).err(), want, "{name}");
        }
        assert_eq!(
            validate_all(&[profile("h", vec![ok()]), profile("h", vec![ok()])]),
            Err(DataError::CodeTwice { code: "h".into() })
        );
    }
}
