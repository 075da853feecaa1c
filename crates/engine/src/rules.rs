//! What every profile's rules share: reading a parameter (the value a person set for an assumption, or
//! the documents' value) and building a step that cites its clause and names the changed numbers it used.

use std::cell::RefCell;
use std::collections::BTreeSet;

use rust_decimal::Decimal;

use crate::model::{Scenario, Step};
use crate::params::{Citation, ProfileParams};

/// A payment taken from the settlement slip as typed, not estimated: what its step's rule ends with, and
/// its working (both regions, 基本医保 and 大病保险 alike).
pub(crate) const FROM_SLIP: &str = "（结算单上的金额）";
pub(crate) const FROM_SLIP_DETAIL: &str = "按您填写的结算单金额计算。";

/// A 大病保险 step's rule and working (both regions): the slip's, when its amount was typed from the
/// settlement slip (not worked out, so it names no threshold or ratio), else `estimated()`'s working.
pub(crate) fn critical_rule(
    from_slip: bool,
    estimated: impl FnOnce() -> String,
) -> (String, String) {
    if from_slip {
        (
            format!("大病保险报销{FROM_SLIP}"),
            FROM_SLIP_DETAIL.to_string(),
        )
    } else {
        ("大病保险报销".to_string(), estimated())
    }
}

/// The working of a year's 大病保险 step, estimated from the year's cumulative personal compliant cost
/// `after_basic` (both regions): below `threshold`, that there is none yet; above it, `above` (how the part
/// above the threshold is paid, e.g. `超过起付线 5,000.00 元的部分 × 报销比例 60%`, which comes to `year`)
/// less what 大病保险 paid earlier in the year (when that is already as much, that there is none this time:
/// a settlement slip's amount can be), then `assumed` (what of it is assumed).
pub(crate) fn critical_working(
    after_basic: Decimal,
    threshold: Decimal,
    above: impl FnOnce() -> String,
    year: Decimal,
    earlier: Decimal,
    assumed: &str,
) -> String {
    let yuan = crate::money::yuan;
    let working = if after_basic <= threshold {
        format!("还没有超过起付线 {} 元，这次没有大病保险", yuan(threshold))
    } else if earlier.is_zero() {
        above()
    } else if earlier >= year {
        format!(
            "{}，共 {} 元；这一年之前已报 {} 元，已经不少于这个数，这次没有大病保险",
            above(),
            yuan(year),
            yuan(earlier)
        )
    } else {
        format!("{}，减去这一年之前已报的 {} 元", above(), yuan(earlier))
    };
    format!(
        "全年累计个人负担的合规费用 {} 元，{working}（{assumed}）",
        yuan(after_basic)
    )
}

/// 基本医保 estimated from the compliant cost, a deductible and a ratio, and its working as each region's
/// step shows it: `（合规费用 18,000.00 − 起付线 400.00）× 报销比例 80%`.
pub(crate) fn basic_estimate(
    compliant: Decimal,
    deductible: Decimal,
    ratio: Decimal,
) -> (Decimal, String) {
    let working = format!(
        "（合规费用 {} − 起付线 {}）× 报销比例 {}%",
        crate::money::yuan(compliant),
        crate::money::yuan(deductible),
        crate::money::pct(ratio)
    );
    (
        crate::money::round(crate::money::pos(compliant - deductible) * ratio),
        working,
    )
}

/// The scenario and its profile's parameters, with the changed parameters read since the last step.
pub(crate) struct Ctx<'a> {
    /// The scenario being settled.
    pub s: &'a Scenario,
    /// Its profile's parameters.
    pub p: &'a ProfileParams,
    overridden: RefCell<BTreeSet<String>>,
    assumed: RefCell<Vec<String>>,
}

impl<'a> Ctx<'a> {
    pub fn new(s: &'a Scenario, p: &'a ProfileParams) -> Self {
        Self {
            s,
            p,
            overridden: RefCell::default(),
            assumed: RefCell::default(),
        }
    }

    /// The value of `key`: the person's value if they changed it, else the profile's.
    pub fn get(&self, key: &str) -> Decimal {
        if self.s.overrides.contains_key(key) {
            self.overridden.borrow_mut().insert(key.to_string());
        } else if self.p.is_assumption(key) {
            let mut read = self.assumed.borrow_mut();
            if !read.iter().any(|k| k == key) {
                read.push(key.to_string());
            }
        }
        self.p.get(key, &self.s.overrides)
    }

    /// What `key` cites (its source, else the clause stating the rule), if anything.
    pub fn cite(&self, key: &str) -> Option<Citation> {
        self.p.cite(key).cloned()
    }

    /// Whether `key` is an assumption the person has not replaced.
    pub fn assumed(&self, key: &str) -> bool {
        self.p.is_assumption(key) && !self.s.overrides.contains_key(key)
    }

    /// The changed parameters read since the last call (for the step being built).
    pub fn take_overridden(&self) -> Vec<String> {
        std::mem::take(&mut *self.overridden.borrow_mut())
            .into_iter()
            .collect()
    }

    /// The assumed numbers read since the last call, as the person has not changed them (for the step
    /// being built).
    pub fn take_assumed(&self) -> Vec<String> {
        std::mem::take(&mut *self.assumed.borrow_mut())
    }

    /// A step citing `key`'s clause, marked as an assumption if `key` is one, and naming the changed
    /// parameters read since the last step.
    pub fn step(&self, rule: &str, amount: Decimal, key: &str, detail: String) -> Step {
        let param = self.p.param(key);
        Step {
            rule: rule.into(),
            amount,
            source: self.cite(key),
            assumption: param.assumption.is_some(),
            detail,
            overridden: self.take_overridden(),
            assumed: self.take_assumed(),
        }
    }
}
