//! A settled result in words, for every place that shows one (the app's result and the build's worked
//! example on the calculator page): who paid what, and what a visit was.

use rust_decimal::Decimal;

use crate::model::{Episode, EpisodeResult};
use crate::params::profile;

/// The value of parameter `key` in profile `profile_id`, if the profile has it.
pub fn param_value(profile_id: &str, key: &str) -> Option<Decimal> {
    profile(profile_id)?
        .params
        .iter()
        .find(|p| p.key == key)
        .map(|p| p.value)
}

/// The name of the 兜底 payment: `兜底补足到85%` from the profile's `floor_ratio`.
pub fn floor_label(profile_id: &str) -> String {
    param_value(profile_id, "floor_ratio").map_or_else(
        || "兜底补足".to_string(),
        |r| format!("兜底补足到{}%", crate::money::pct(r)),
    )
}

/// Who paid what of `e` (a visit or the year), in settlement order: label, amount, and the colour class
/// (`c0`…`c6`) the charts and tables use.
pub fn payers(profile_id: &str, e: &EpisodeResult) -> Vec<(String, Decimal, &'static str)> {
    let floor = floor_label(profile_id);
    [
        ("基本医保", e.basic, "c0"),
        ("大病保险", e.critical, "c1"),
        (floor.as_str(), e.floor_top_up, "c2"),
        ("医疗救助", e.assistance, "c3"),
        ("兜底（文件没写由谁付）", e.fiscal_backstop, "c4"),
        ("医院承担（目录外费用）", e.hospital_absorbed, "c5"),
        ("个人自付", e.personal, "c6"),
    ]
    .into_iter()
    .map(|(label, v, class)| (label.to_string(), v, class))
    .collect()
}

/// `县级医院住院`: the hospital's level and the kind of visit.
pub fn kind_label(e: &Episode) -> String {
    format!("{}{}", e.level.label(), e.kind.label())
}

/// What the chart's curve assumes under profile `profile_id` ([`crate::settle::sweep_visit`]), as the chart
/// and the text under it say it: `全年在县级医院住院一次，合规费用占总费用的 90%`.
pub fn sweep_basis(profile_id: &str, compliant_share: Decimal) -> String {
    let visit = crate::settle::sweep_visit(Decimal::ZERO, compliant_share);
    let place = if crate::settle::reads_in_county(profile_id) && visit.in_county {
        "县域内"
    } else {
        ""
    };
    format!(
        "全年在{place}{}一次，合规费用占总费用的 {}%",
        kind_label(&visit),
        crate::money::pct(compliant_share)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_curves_basis_is_said_from_the_visit_it_settles() {
        let cases = [
            (
                "huining-2018",
                "0.9",
                "全年在县级医院住院一次，合规费用占总费用的 90%",
            ),
            (
                "meishan-2016",
                "0.75",
                "全年在县域内县级医院住院一次，合规费用占总费用的 75%",
            ),
        ];
        for (profile, share, want) in cases {
            assert_eq!(
                sweep_basis(profile, share.parse().unwrap()),
                want,
                "{profile}"
            );
        }
    }
}
