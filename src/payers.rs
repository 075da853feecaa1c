//! Who pays a settled bill, in the order of 一站式结算, labelled from the engine's data (the top-up's ratio
//! is the profile's own parameter, never a number typed here): one list for the result's table, its bar,
//! its poster and the category comparison.

use policy_engine::{EpisodeResult, Scenario};
use rust_decimal::Decimal;

/// One payer's share.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Share {
    /// Who pays, e.g. `基本医保`, `兜底补足到85%`.
    pub label: String,
    /// How much, in yuan.
    pub value: Decimal,
    /// The chart's CSS class for this payer (`c0`…`c6`).
    pub class: &'static str,
    /// This is what the patient pays (the last share).
    pub personal: bool,
}

/// The value of parameter `key` in the scenario's profile, if the profile has it.
pub fn param(scenario: &Scenario, key: &str) -> Option<Decimal> {
    policy_engine::profile(&scenario.profile)?
        .params
        .iter()
        .find(|p| p.key == key)
        .map(|p| p.value)
}

/// The label of the top-up to a reimbursement ratio: `兜底补足到85%` from the profile's `floor_ratio`, or
/// `兜底补足` where the profile has none.
pub fn floor_label(scenario: &Scenario) -> String {
    param(scenario, "floor_ratio").map_or_else(
        || "兜底补足".to_string(),
        |r| format!("兜底补足到{}%", policy_engine::money::pct(r)),
    )
}

/// Every payer of `e`, in settlement order, the patient last; `floor` is [`floor_label`].
pub fn shares(e: &EpisodeResult, floor: &str) -> Vec<Share> {
    [
        ("基本医保", e.basic, "c0"),
        ("大病保险", e.critical, "c1"),
        (floor, e.floor_top_up, "c2"),
        ("医疗救助", e.assistance, "c3"),
        ("政府兜底/慈善基金", e.fiscal_backstop, "c4"),
        ("医院承担（目录外费用）", e.hospital_absorbed, "c5"),
        ("个人自付", e.personal, "c6"),
    ]
    .into_iter()
    .map(|(label, value, class)| Share {
        label: label.to_string(),
        value,
        class,
        personal: class == "c6",
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_add_up_to_the_bill_and_the_top_up_is_labelled_from_the_profile() {
        for (profile, want_floor) in [
            ("huining-2018", "兜底补足到85%"),
            ("meishan-2016", "兜底补足"),
        ] {
            let s: Scenario = serde_json::from_value(serde_json::json!({
                "profile": profile, "category": "poverty_registered",
                "episodes": [{"kind": "inpatient", "level": "county", "in_county": true,
                              "total": "50000", "compliant": "42000"}]
            }))
            .unwrap();
            let y = policy_engine::settle(&s).unwrap().year;
            let floor = floor_label(&s);
            assert_eq!(floor, want_floor, "{profile}");
            let all = shares(&y, &floor);
            assert_eq!(all.iter().map(|x| x.value).sum::<Decimal>(), y.total);
            assert_eq!(all.iter().filter(|x| x.personal).count(), 1);
            assert!(all.last().unwrap().personal);
        }
    }
}
