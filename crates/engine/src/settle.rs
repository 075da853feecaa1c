//! Settling a year: checking the scenario, dispatching to the profile's rules, and the sweep used by
//! the chart (personal payment against the bill).

use std::fmt;

use rust_decimal::Decimal;

use crate::model::{
    Category, Episode, EpisodeKind, EpisodeResult, Level, Scenario, Step, YearResult,
};
use crate::money::round;
use crate::overrides::OverrideError;
use crate::params::{profile, ProfileParams, Rules};

/// Why a scenario cannot be settled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettleError {
    /// No such profile.
    UnknownProfile { profile: String },
    /// No visits.
    NoEpisodes,
    /// 合规医疗费用 > 医疗总费用 in visit `episode` (1-based).
    CompliantAboveTotal {
        episode: usize,
        compliant: Decimal,
        total: Decimal,
    },
    /// A known payment is more than the compliant cost.
    PaidAboveCompliant {
        episode: usize,
        field: &'static str,
        paid: Decimal,
        compliant: Decimal,
    },
    /// A negative amount.
    Negative {
        episode: usize,
        field: &'static str,
        value: Decimal,
    },
    /// A changed parameter that may not be changed, or not to that value.
    Override(OverrideError),
}

impl fmt::Display for SettleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnknownProfile { profile } => write!(f, "“政策地区”(profile)不认识：{profile}"),
            Self::NoEpisodes => write!(f, "请至少填写一次就诊(episodes)"),
            Self::CompliantAboveTotal { episode, compliant, total } => write!(
                f,
                "第{episode}次就诊的“合规医疗费用”(compliant)不能大于“医疗总费用”(total)：{compliant} > {total}"
            ),
            Self::PaidAboveCompliant { episode, field, paid, compliant } => write!(
                f,
                "第{episode}次就诊的“{}”({field})不能大于合规医疗费用：{paid} > {compliant}",
                field_label(field)
            ),
            Self::Negative { episode, field, value } => {
                write!(f, "第{episode}次就诊的“{}”({field})不能是负数：{value}", field_label(field))
            }
            Self::Override(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for SettleError {}

/// Where a problem is in a form: a visit's field, or a changed parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field<'a> {
    /// Visit `visit` (0-based), field `name` (`total`, `compliant`, `basic_paid`, `critical_paid`).
    Visit { visit: usize, name: &'static str },
    /// The changed parameter `key`.
    Param { key: &'a str },
}

impl SettleError {
    /// The form field this error is about, if it is about one.
    pub fn field(&self) -> Option<Field<'_>> {
        match self {
            Self::UnknownProfile { .. } | Self::NoEpisodes => None,
            Self::CompliantAboveTotal { episode, .. } => Some(Field::Visit {
                visit: episode - 1,
                name: "compliant",
            }),
            Self::PaidAboveCompliant { episode, field, .. }
            | Self::Negative { episode, field, .. } => Some(Field::Visit {
                visit: episode - 1,
                name: field,
            }),
            Self::Override(e) => Some(Field::Param { key: e.key() }),
        }
    }

    /// The message to show next to that field (the field's own label is beside it already).
    pub fn field_message(&self) -> String {
        match self {
            Self::CompliantAboveTotal { total, .. } => {
                format!(
                    "合规医疗费用不能大于医疗总费用（{} 元）",
                    crate::money::yuan(*total)
                )
            }
            Self::PaidAboveCompliant { compliant, .. } => format!(
                "已报销的金额加起来不能大于合规医疗费用（{} 元）",
                crate::money::yuan(*compliant)
            ),
            Self::Negative { .. } => "金额不能是负数".into(),
            other => other.to_string(),
        }
    }
}

fn field_label(field: &str) -> &'static str {
    match field {
        "total" => "医疗总费用",
        "compliant" => "合规医疗费用",
        "basic_paid" => "基本医保已报销",
        "critical_paid" => "大病保险已报销",
        _ => "金额",
    }
}

/// Every problem that keeps `scenario` from being settled with `params`: negative amounts, a compliant
/// cost above the total, known payments above the compliant cost (per visit), and changed parameters
/// the documents fix or out of their range. [`settle_with`] refuses the first; the calculator's form shows
/// each next to its field (see [`SettleError::field`]).
pub fn problems(scenario: &Scenario, params: &ProfileParams) -> Vec<SettleError> {
    let mut out = Vec::new();
    if scenario.episodes.is_empty() {
        out.push(SettleError::NoEpisodes);
    }
    for (i, e) in scenario.episodes.iter().enumerate() {
        let episode = i + 1;
        let mut negative = false;
        for (field, v) in [
            ("total", Some(e.total)),
            ("compliant", Some(e.compliant)),
            ("basic_paid", e.basic_paid),
            ("critical_paid", e.critical_paid),
        ] {
            if let Some(value) = v.filter(|v| v.is_sign_negative() && !v.is_zero()) {
                negative = true;
                out.push(SettleError::Negative {
                    episode,
                    field,
                    value,
                });
            }
        }
        if negative {
            continue;
        }
        if e.compliant > e.total {
            out.push(SettleError::CompliantAboveTotal {
                episode,
                compliant: e.compliant,
                total: e.total,
            });
            continue;
        }
        let known = e.basic_paid.unwrap_or_default() + e.critical_paid.unwrap_or_default();
        if known > e.compliant {
            let field = if e.basic_paid.unwrap_or_default() > e.compliant {
                "basic_paid"
            } else {
                "critical_paid"
            };
            out.push(SettleError::PaidAboveCompliant {
                episode,
                field,
                paid: known,
                compliant: e.compliant,
            });
        }
    }
    for (key, value) in &scenario.overrides {
        if let Err(e) = params.check_override(key, *value) {
            out.push(SettleError::Override(e));
        }
    }
    out
}

/// Whether profile `id`'s rules read [`Episode::in_county`] (会宁's do not: its clauses do not depend on
/// where the designated hospital is; 眉山's no-deductible rule and 10% cap are for 县域内 only).
pub fn reads_in_county(id: &str) -> bool {
    profile(id).is_some_and(|p| p.rules == Rules::Meishan)
}

/// The parameter whose clause says the designated hospital bears a 建档立卡 patient's non-compliant cost
/// (both profiles): each rule's step cites it, and so does what a compliant cost left blank means
/// ([`hospital_bears_source`]).
pub(crate) const HOSPITAL_BEARS: &str = "hospital_absorbs_noncompliant";

/// The clause saying the designated hospital bears the non-compliant cost, when it does for some visit of
/// `scenario`'s year: what the amount read as a ceiling rests on even where the year has no such cost to
/// bear (its compliant cost left blank, so taken to be the total, and no step of the hospital's shown).
pub fn hospital_bears_source(scenario: &Scenario) -> Option<crate::Citation> {
    let p = profile(&scenario.profile)?;
    let bears = scenario
        .episodes
        .iter()
        .any(|e| hospital_bears_non_compliant(scenario, e));
    bears.then(|| hospital_bears_clause(p).cloned()).flatten()
}

/// The clause of `profile` saying the designated hospital bears the non-compliant cost, if it has one
/// (the build writes its link into the calculator's page for the answer before the app).
pub fn hospital_bears_clause(profile: &ProfileParams) -> Option<&crate::Citation> {
    profile.cite(HOSPITAL_BEARS)
}

/// Whether, under `scenario`'s rules, the designated hospital bears the non-compliant (目录外) cost of
/// `episode` and the rules cap what the patient pays of its compliant cost (会宁: 医疗救助 above the
/// year's threshold for 建档立卡 inpatients; 眉山: the 10% cap for 建档立卡 inpatients inside the county).
/// When every visit of a year is so, settling with 合规 = 总费用 gives the most the patient can pay
/// (`tests/properties.rs` proves it over random years and splits).
pub fn patient_share_capped(scenario: &Scenario, episode: &Episode) -> bool {
    match profile(&scenario.profile).map(|p| p.rules) {
        Some(Rules::Meishan) => {
            hospital_bears_non_compliant(scenario, episode)
                && crate::meishan::capped(scenario, episode)
        }
        Some(Rules::Huining) => hospital_bears_non_compliant(scenario, episode),
        None => false,
    }
}

/// What a year settled with 合规 = 总费用 for the visits whose compliant cost is not known is, against
/// the year as it will be settled (`tests/properties.rs` proves each claim over random years and splits).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AtTotal {
    /// The most the patient pays: every visit's non-compliant cost is borne by the hospital and its
    /// compliant share capped (a larger compliant cost in one visit raises the year's 大病保险 for another
    /// whose share is not capped, so the year's amount can fall), or the year is one such visit whose
    /// share is not capped (眉山's 建档立卡 outside the county: nothing else in the year to move).
    Ceiling,
    /// The least the patient pays: no visit's non-compliant cost is borne by the hospital (it is the
    /// patient's own), under the default reading of the 85% floor (read literally, the floor holds only
    /// below 大病保险's threshold, and a smaller compliant cost can fall under it and be lifted to 85%), or
    /// for a person the floor does not reach (城乡低保对象: a ticked literal reading had made their amount an
    /// estimate).
    Floor,
    /// Neither: an estimate.
    Estimate,
}

/// How to read `scenario` settled with 合规 = 总费用 for the visits whose compliant cost is not known.
pub fn at_total(scenario: &Scenario) -> AtTotal {
    let es = &scenario.episodes;
    if es.iter().all(|e| patient_share_capped(scenario, e))
        || matches!(es.as_slice(), [e] if hospital_bears_non_compliant(scenario, e))
    {
        AtTotal::Ceiling
    } else {
        // Read literally, the floor can lift a smaller compliant cost to 85% for a person it reaches.
        let literal_floor =
            scenario.options.literal_floor && reaches(scenario, crate::summary::Payer::Backstops);
        let hospital_bears = es.iter().any(|e| hospital_bears_non_compliant(scenario, e));
        if literal_floor || hospital_bears {
            AtTotal::Estimate
        } else {
            AtTotal::Floor
        }
    }
}

/// Whether `payer`'s rule reaches `scenario`'s person for some visit of the year: 甘肃's 兜底 and 医疗救助
/// those it covers (建档立卡, and 兜底保障户 under that reading), 眉山's target 建档立卡 inpatients inside
/// the county, the hospital's bearing of the non-compliant cost the visits it is for.
pub fn reaches(scenario: &Scenario, payer: crate::summary::Payer) -> bool {
    use crate::summary::Payer;
    let rules = profile(&scenario.profile).map(|p| p.rules);
    let any = |f: fn(&Scenario, &Episode) -> bool| scenario.episodes.iter().any(|e| f(scenario, e));
    match payer {
        Payer::Everyone => true,
        Payer::Backstops => rules == Some(Rules::Huining) && crate::huining::covered(scenario),
        Payer::Target => rules == Some(Rules::Meishan) && any(crate::meishan::capped),
        Payer::Hospital => any(hospital_bears_non_compliant),
    }
}

/// Whether, under `scenario`'s rules, the designated hospital bears the non-compliant (目录外) cost of
/// `episode` (会宁 and 眉山: for 建档立卡). When no visit of a year is so, the non-compliant cost is the
/// patient's own and settling with 合规 = 总费用 gives the least the patient pays (`tests/properties.rs`
/// proves it over random years and splits).
pub fn hospital_bears_non_compliant(scenario: &Scenario, episode: &Episode) -> bool {
    match profile(&scenario.profile).map(|p| p.rules) {
        Some(Rules::Meishan) => crate::meishan::hospital_absorbs(scenario, episode),
        Some(Rules::Huining) => crate::huining::hospital_absorbs(scenario, episode),
        None => false,
    }
}

impl crate::data::Rules {
    /// The reading options these rules read (`model::Options`' keys): another option changes nothing
    /// here, so the calculator neither offers it nor names it beside the amount.
    pub fn options_read(self) -> &'static [&'static str] {
        match self {
            Self::Huining => crate::huining::OPTIONS_READ,
            Self::Meishan => crate::meishan::OPTIONS_READ,
        }
    }
}

/// Settles the year described by `scenario` with its profile's parameters and rules.
pub fn settle(scenario: &Scenario) -> Result<YearResult, SettleError> {
    let params = profile(&scenario.profile).ok_or_else(|| SettleError::UnknownProfile {
        profile: scenario.profile.clone(),
    })?;
    settle_with(scenario, params)
}

/// Settles with explicit parameters (tests and what-if comparisons).
pub fn settle_with(scenario: &Scenario, params: &ProfileParams) -> Result<YearResult, SettleError> {
    if let Some(first) = problems(scenario, params).into_iter().next() {
        return Err(first);
    }
    let episodes = match params.rules {
        Rules::Meishan => crate::meishan::settle_year(scenario, params),
        Rules::Huining => crate::huining::settle_year(scenario, params),
    };
    Ok(YearResult {
        year: sum(&episodes),
        episodes,
    })
}

fn sum(episodes: &[EpisodeResult]) -> EpisodeResult {
    let mut y = EpisodeResult::default();
    for e in episodes {
        y.total += e.total;
        y.basic += e.basic;
        y.critical += e.critical;
        y.floor_top_up += e.floor_top_up;
        y.assistance += e.assistance;
        y.target_backstop += e.target_backstop;
        y.hospital_absorbed += e.hospital_absorbed;
        y.personal += e.personal;
        y.estimated |= e.estimated;
    }
    y
}

/// Finishes an episode: rounds every payer's share once and gives the patient the remainder, so the
/// parts always add up to the total exactly, and closes the steps with 个人自付 (with `detail`, and the
/// changed parameters read since the last step, `overridden`).
pub(crate) fn finish(
    mut r: EpisodeResult,
    detail: String,
    overridden: Vec<String>,
) -> EpisodeResult {
    r.total = round(r.total);
    r.basic = round(r.basic);
    r.critical = round(r.critical);
    r.floor_top_up = round(r.floor_top_up);
    r.assistance = round(r.assistance);
    r.target_backstop = round(r.target_backstop);
    r.hospital_absorbed = round(r.hospital_absorbed);
    r.personal = r.total
        - r.basic
        - r.critical
        - r.floor_top_up
        - r.assistance
        - r.target_backstop
        - r.hospital_absorbed;
    for s in &mut r.steps {
        s.amount = round(s.amount);
    }
    r.steps.push(Step {
        rule: "个人自付".into(),
        amount: r.personal,
        source: None,
        assumption: r.estimated,
        detail,
        overridden,
        assumed: Vec::new(),
    });
    r
}

/// The visit the chart's curve settles at every bill size: one inpatient stay at a county hospital inside
/// the county, `compliant_share` of the bill compliant.
pub fn sweep_visit(bill: Decimal, compliant_share: Decimal) -> Episode {
    Episode {
        kind: EpisodeKind::Inpatient,
        level: Level::County,
        in_county: true,
        total: bill,
        compliant: round(bill * compliant_share),
        basic_paid: None,
        critical_paid: None,
    }
}

/// The year's personal payment for [`sweep_visit`] at each bill size in `bills` (the chart's curve).
pub fn sweep(
    base: &Scenario,
    category: Category,
    bills: &[Decimal],
    compliant_share: Decimal,
) -> Vec<Decimal> {
    let Some(params) = profile(&base.profile) else {
        return Vec::new();
    };
    bills
        .iter()
        .map(|&bill| {
            let s = Scenario {
                category,
                episodes: vec![sweep_visit(bill, compliant_share)],
                ..base.clone()
            };
            settle_with(&s, params)
                .map(|r| r.year.personal)
                .unwrap_or_default()
        })
        .collect()
}
