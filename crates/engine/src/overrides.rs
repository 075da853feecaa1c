//! Which parameters a person (or a link) may change, and to what: only the numbers the documents do not
//! give (assumptions), each within the range its unit allows. A number the documents fix is never
//! changed, whatever a link says.

use std::fmt;

use rust_decimal::Decimal;

use crate::amount;
use crate::params::{Param, ProfileParams};

pub use crate::data::Unit;

/// Why a value for a parameter was not accepted. Each carries the parameter's key and label, so the
/// message can stand next to its field or above the result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OverrideError {
    /// The profile has no such parameter.
    Unknown { key: String },
    /// The documents fix this number: it cannot be changed.
    Fixed { key: String, label: String },
    /// Not a number of this unit.
    NotANumber {
        key: String,
        label: String,
        input: String,
    },
    /// Outside the unit's range.
    OutOfRange {
        key: String,
        label: String,
        input: String,
        unit: Unit,
    },
}

impl OverrideError {
    /// The parameter's key (the form shows the error next to that parameter's field).
    pub fn key(&self) -> &str {
        match self {
            Self::Unknown { key }
            | Self::Fixed { key, .. }
            | Self::NotANumber { key, .. }
            | Self::OutOfRange { key, .. } => key,
        }
    }
}

impl fmt::Display for OverrideError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unknown { key } => write!(f, "“{key}”不是这个地区政策的数字"),
            Self::Fixed { label, .. } => write!(f, "“{label}”是政策规定的数值，不能修改"),
            Self::NotANumber { label, input, .. } => {
                write!(f, "“{label}”看不懂：{input}（请只填数字）")
            }
            Self::OutOfRange {
                label, input, unit, ..
            } => match unit {
                Unit::Ratio => write!(
                    f,
                    "“{label}”应是 0 到 100% 之间的比例，写成小数或百分数（如 0.78、78% 或 78；1 到 2 之间的数看不出是百分之几），不能是 {input}"
                ),
                Unit::Flag => write!(f, "“{label}”只能是 0（否）或 1（是），不能是 {input}"),
                Unit::Yuan => write!(f, "“{label}”不能是 {input}（应为 0 到 1亿元）"),
            },
        }
    }
}

impl std::error::Error for OverrideError {}

impl Param {
    /// Reads `input` as a value for this parameter, as a person types it: a ratio as `0.78`, `78%`,
    /// `78％` or `78` (a bare number from 2 to 100 is a percentage); an amount as the amount parser reads it (`3000`, `3,000元`, `0.3万`).
    pub fn read(&self, input: &str) -> Result<Decimal, OverrideError> {
        let not_a_number = || OverrideError::NotANumber {
            key: self.key.clone(),
            label: self.label.clone(),
            input: input.trim().to_string(),
        };
        let value = match self.unit {
            Unit::Yuan => amount::parse(input).map_err(|e| match e {
                amount::AmountError::Negative { .. } | amount::AmountError::TooLarge { .. } => {
                    self.out_of_range(input)
                }
                _ => not_a_number(),
            })?,
            Unit::Ratio | Unit::Flag => {
                let t = policy_content::width::halve(input.trim());
                let (folded, percent) = match t.strip_suffix('%') {
                    Some(n) if self.unit == Unit::Ratio => (n.trim(), true),
                    _ => (t.as_str(), false),
                };
                let ok = !folded.is_empty()
                    && folded.len() <= 20
                    && folded
                        .trim_start_matches('-')
                        .chars()
                        .all(|c| c.is_ascii_digit() || c == '.');
                let d = ok
                    .then(|| crate::data::read_decimal(folded).ok())
                    .flatten()
                    .ok_or_else(not_a_number)?;
                // A ratio written as a bare number from 2 to 100 is a percentage (80 for 80%, as the
                // field's own 90% reads: refused, the form had shown no result while the link it wrote
                // opened elsewhere with the assumed value, and a result). Between 1 and 2 (1.5: 150%, or
                // 1.5%?) which was meant cannot be told: refused.
                let bare_percent =
                    self.unit == Unit::Ratio && d >= Decimal::TWO && d <= Decimal::ONE_HUNDRED;
                if percent || bare_percent {
                    d / Decimal::ONE_HUNDRED
                } else {
                    d
                }
            }
        };
        self.check(value).map_err(|_| self.out_of_range(input))?;
        Ok(value.normalize())
    }

    /// Whether `value` is in this parameter's range.
    pub fn check(&self, value: Decimal) -> Result<(), OverrideError> {
        let (min, max) = self.unit.range();
        if value < min || value > max || (self.unit == Unit::Flag && !value.fract().is_zero()) {
            return Err(self.out_of_range(&value.normalize().to_string()));
        }
        Ok(())
    }

    fn out_of_range(&self, input: &str) -> OverrideError {
        OverrideError::OutOfRange {
            key: self.key.clone(),
            label: self.label.clone(),
            input: input.trim().to_string(),
            unit: self.unit,
        }
    }
}

impl ProfileParams {
    /// The parameters a person may change: those the documents do not give.
    pub fn editable(&self) -> impl Iterator<Item = &Param> {
        self.params.iter().filter(|p| p.assumption.is_some())
    }

    /// The editable parameter `key`, or why it may not be changed.
    pub fn editable_param(&self, key: &str) -> Result<&Param, OverrideError> {
        let p = self
            .params
            .iter()
            .find(|p| p.key == key)
            .ok_or_else(|| OverrideError::Unknown { key: key.into() })?;
        if p.assumption.is_none() {
            return Err(OverrideError::Fixed {
                key: key.into(),
                label: p.label.clone(),
            });
        }
        Ok(p)
    }

    /// Reads an override as typed (`0.78`, `78%`, `3000元`): an editable parameter, within its range.
    pub fn read_override(&self, key: &str, text: &str) -> Result<Decimal, OverrideError> {
        self.editable_param(key)?.read(text)
    }

    /// Checks an override: an editable parameter, within its range.
    pub fn check_override(&self, key: &str, value: Decimal) -> Result<(), OverrideError> {
        self.editable_param(key)?.check(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::params::profile;

    fn read(key: &str, input: &str) -> Result<String, OverrideError> {
        let p = profile("huining-2018").unwrap();
        p.editable_param(key)?.read(input).map(|d| d.to_string())
    }

    #[test]
    fn ratios_as_decimals_or_percentages() {
        for (input, want) in [
            ("0.78", "0.78"),
            ("78%", "0.78"),
            ("78 ％", "0.78"),
            ("０.７", "0.7"),
            ("０．７８", "0.78"),
            ("７８％", "0.78"),
            ("１", "1"),
            ("1", "1"),
            ("0", "0"),
            ("100%", "1"),
            ("80", "0.8"),
            ("８０", "0.8"),
            ("70.5", "0.705"),
            ("100", "1"),
        ] {
            assert_eq!(
                read("basic_ratio_county", input).as_deref(),
                Ok(want),
                "{input}"
            );
        }
        for input in ["1.01", "1.5", "101", "175", "-0.1", "101%"] {
            assert!(
                matches!(
                    read("basic_ratio_county", input),
                    Err(OverrideError::OutOfRange { .. })
                ),
                "{input}"
            );
        }
        for input in ["", "abc", "0.7.1", "1e3", "%"] {
            assert!(
                matches!(
                    read("basic_ratio_county", input),
                    Err(OverrideError::NotANumber { .. })
                ),
                "{input}"
            );
        }
    }

    #[test]
    fn amounts_never_negative() {
        assert_eq!(
            read("basic_deductible_county", "0.1万").as_deref(),
            Ok("1000")
        );
        assert!(matches!(
            read("basic_deductible_county", "-5"),
            Err(OverrideError::OutOfRange { .. })
        ));
    }

    #[test]
    fn numbers_the_documents_fix_are_not_editable() {
        let p = profile("huining-2018").unwrap();
        for key in [
            "floor_ratio",
            "assistance_threshold",
            "critical_threshold_reduced",
        ] {
            let e = p.check_override(key, Decimal::new(5, 1)).unwrap_err();
            assert!(matches!(e, OverrideError::Fixed { .. }), "{key}");
            // What happens next is the caller's to say (a link: 已按原文计算; the CLI: refused).
            assert!(e.to_string().ends_with("是政策规定的数值，不能修改"), "{e}");
        }
        assert_eq!(
            p.check_override("nonsense", Decimal::ONE),
            Err(OverrideError::Unknown {
                key: "nonsense".into()
            })
        );
    }
}
