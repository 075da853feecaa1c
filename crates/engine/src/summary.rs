//! A settled result in words, for every place that shows one (the app's result and the build's worked
//! example on the calculator page): who paid what, and what a visit was.

use rust_decimal::Decimal;

use crate::model::{Episode, EpisodeResult, Scenario};
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

/// The payer above 眉山's 10% target, taken as met: the document does not say who pays it.
pub const TARGET_PAYER: &str = "兜底（文件没写由谁付）";

/// The parameter of a profile with that target.
const TARGET_KEY: &str = "cap_ratio_2016";

/// Whether profile `profile_id` has a personal-share target taken as met ([`TARGET_PAYER`]).
pub fn has_target(profile_id: &str) -> bool {
    param_value(profile_id, TARGET_KEY).is_some()
}

/// Who pays what of `e` (a visit or the year) under profile `profile_id`, in settlement order: label,
/// amount, and the colour class (`c0`…`c6`) the charts and tables use. A payer only some regions' rules
/// have (甘肃's 兜底补足 and 医疗救助, 眉山's 10% target) is listed where its parameter is in the profile:
/// 眉山's table had listed 兜底补足 0.00 above its own 兜底, 会宁's an unnamed 兜底 0.00.
pub fn payers(profile_id: &str, e: &EpisodeResult) -> Vec<(String, Decimal, &'static str)> {
    listed(profile_id, e, &|_| true)
}

/// [`payers`] of `scenario`'s year or visit `e`, less a payer that paid nothing and whose rule does not
/// reach this person (普通居民 and 低保 had read 兜底补足到85% 0.00 and 医疗救助 0.00 as "you got
/// nothing"; a payer that reaches them and paid nothing stays: its step says why).
pub fn payers_of(scenario: &Scenario, e: &EpisodeResult) -> Vec<(String, Decimal, &'static str)> {
    listed(&scenario.profile, e, &|payer| {
        crate::settle::reaches(scenario, payer)
    })
}

/// Who pays, each with the rule that pays it (what [`crate::settle::reaches`] is asked of).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Payer {
    /// 基本医保, 大病保险 and the person: every one's.
    Everyone,
    /// 兜底补足 and 医疗救助 (甘肃).
    Backstops,
    /// The part above 眉山's 10% target.
    Target,
    /// The non-compliant cost the hospital bears.
    Hospital,
}

/// The payers [`payers`] lists, less those that paid nothing and `reaches` says no to (one copy of the
/// code for both callers, in the wasm too: `dyn`).
fn listed(
    profile_id: &str,
    e: &EpisodeResult,
    reaches: &dyn Fn(Payer) -> bool,
) -> Vec<(String, Decimal, &'static str)> {
    let floor = floor_label(profile_id);
    let has = |key: Option<&str>| key.is_none_or(|k| param_value(profile_id, k).is_some());
    [
        ("基本医保", e.basic, "c0", None, Payer::Everyone),
        ("大病保险", e.critical, "c1", None, Payer::Everyone),
        (
            floor.as_str(),
            e.floor_top_up,
            "c2",
            Some("floor_ratio"),
            Payer::Backstops,
        ),
        (
            "医疗救助",
            e.assistance,
            "c3",
            Some("assistance_threshold"),
            Payer::Backstops,
        ),
        (
            TARGET_PAYER,
            e.target_backstop,
            "c4",
            Some(TARGET_KEY),
            Payer::Target,
        ),
        (
            "医院承担（目录外费用）",
            e.hospital_absorbed,
            "c5",
            None,
            Payer::Hospital,
        ),
        ("个人自付", e.personal, "c6", None, Payer::Everyone),
    ]
    .into_iter()
    .filter(|&(_, v, _, key, payer)| has(key) && (!v.is_zero() || reaches(payer)))
    .map(|(label, v, class, ..)| (label.to_string(), v, class))
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
    use crate::model::{Category, EpisodeKind, Level};

    /// A person's year lists a payer that paid nothing only where its rule reaches them. (profile,
    /// category, in county, the payers listed)
    #[test]
    fn a_payer_that_does_not_reach_the_person_is_not_listed_at_nothing() {
        for (profile, category, in_county, want) in [
            (
                "huining-2018",
                Category::Ordinary,
                true,
                &["基本医保", "大病保险", "个人自付"][..],
            ),
            (
                "huining-2018",
                Category::Dibao,
                true,
                &["基本医保", "大病保险", "个人自付"][..],
            ),
            (
                "huining-2018",
                Category::PovertyRegistered,
                true,
                &[
                    "基本医保",
                    "大病保险",
                    "兜底补足到85%",
                    "医疗救助",
                    "医院承担（目录外费用）",
                    "个人自付",
                ][..],
            ),
            (
                "meishan-2016",
                Category::Ordinary,
                true,
                &["基本医保", "大病保险", "个人自付"][..],
            ),
            (
                "meishan-2016",
                Category::PovertyRegistered,
                true,
                &[
                    "基本医保",
                    "大病保险",
                    "兜底（文件没写由谁付）",
                    "医院承担（目录外费用）",
                    "个人自付",
                ][..],
            ),
            (
                "meishan-2016",
                Category::PovertyRegistered,
                false,
                &["基本医保", "大病保险", "医院承担（目录外费用）", "个人自付"][..],
            ),
        ] {
            // A small bill wholly compliant: every payer but the first two and the person pays nothing.
            let s = Scenario {
                profile: profile.into(),
                category,
                options: Default::default(),
                episodes: vec![Episode {
                    kind: EpisodeKind::Inpatient,
                    level: Level::Township,
                    in_county,
                    total: Decimal::from(1000),
                    compliant: Decimal::from(1000),
                    basic_paid: None,
                    critical_paid: None,
                }],
                overrides: Default::default(),
            };
            let r = crate::settle(&s).unwrap();
            let labels: Vec<String> = payers_of(&s, &r.year).into_iter().map(|p| p.0).collect();
            assert_eq!(labels, want, "{profile} {category:?} {in_county}");
        }
    }

    #[test]
    fn each_region_lists_the_payers_its_rules_have() {
        let labels = |profile: &str| -> Vec<String> {
            payers(profile, &EpisodeResult::default())
                .into_iter()
                .map(|(l, ..)| l)
                .collect()
        };
        assert_eq!(
            labels("huining-2018"),
            [
                "基本医保",
                "大病保险",
                "兜底补足到85%",
                "医疗救助",
                "医院承担（目录外费用）",
                "个人自付"
            ]
        );
        assert_eq!(
            labels("meishan-2016"),
            [
                "基本医保",
                "大病保险",
                "兜底（文件没写由谁付）",
                "医院承担（目录外费用）",
                "个人自付"
            ]
        );
    }

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
