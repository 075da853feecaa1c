//! The calculator page's one bridge to the engine: the typed form becomes an engine `Scenario`
//! (amounts through the engine's own parser; what they must satisfy together is the engine's own check,
//! `policy_engine::problems`; every error kept with its field), and labels for what the engine returns.

use std::collections::BTreeMap;

use policy_engine::{amount, profile};
use policy_engine::{
    Category, Episode, EpisodeKind, Field, Level, Options, OverrideError, Scenario,
};

use crate::calc_state::{CalcForm, VisitForm};

/// A field the person must fix: which visit (0-based; `None` for a parameter), which field, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// Visit index, or `None` for an assumption parameter.
    pub visit: Option<usize>,
    /// Field name (`total`, `compliant`, `basic_paid`, `critical_paid`) or parameter key.
    pub field: String,
    /// The message, in plain Chinese.
    pub message: String,
}

/// The reading options: (key, label, explanation, ambiguity-register anchor). Each turns away from the
/// site's default reading; the keys are `policy_engine::Options::KEYS` and go into the URL's `o=` list.
pub const OPTIONS: &[(&str, &str, &str, &str)] = &[
    (
        "literal_floor",
        "按字面理解兜底条款",
        "达到医疗救助条件的那次住院不再补足，会出现断崖",
        "floor-order",
    ),
    (
        "assistance_inpatient_only",
        "医疗救助只算住院（门诊慢特病不算）",
        "三处条款写“住院合规医疗费用”；默认按县委办发〔2018〕83号等四处没有限定住院的条款，门诊慢特病也算",
        "chronic-assistance",
    ),
    (
        "safety_net_covered",
        "农村兜底保障户也享受兜底和医疗救助",
        "台账标题包括兜底保障户，条款只写建档立卡",
        "safety-net",
    ),
    (
        "meishan_compliant_cap",
        "眉山按2020年目标（以合规医疗费用为基数）",
        "默认以医疗总费用为基数",
        "meishan-cap-base",
    ),
];

/// The engine's options from the keys that are on (unknown keys, e.g. from an old link, are ignored).
pub(crate) fn options(on: &[String]) -> Options {
    let mut o = Options::default();
    for key in on {
        o.set(key, true);
    }
    o
}

fn kind(s: &str) -> EpisodeKind {
    if s == "chronic_outpatient" {
        EpisodeKind::ChronicOutpatient
    } else {
        EpisodeKind::Inpatient
    }
}

fn level(s: &str) -> Level {
    match s {
        "township" => Level::Township,
        "city" => Level::City,
        "province" => Level::Province,
        _ => Level::County,
    }
}

fn visit(i: usize, v: &VisitForm, errors: &mut Vec<FieldError>) -> Option<Episode> {
    let mut get =
        |field: &str, text: &str, optional: bool| -> Option<Option<rust_decimal::Decimal>> {
            if optional && text.trim().is_empty() {
                return Some(None);
            }
            match amount::parse(text) {
                Ok(d) => Some(Some(d)),
                Err(e) => {
                    errors.push(FieldError {
                        visit: Some(i),
                        field: field.into(),
                        message: e.to_string(),
                    });
                    None
                }
            }
        };
    let total = get("total", &v.total, false);
    // Left blank: the whole bill is taken as compliant (the result says so, see [`reading`]).
    let compliant = if v.compliant.trim().is_empty() {
        total
    } else {
        get("compliant", &v.compliant, false)
    };
    let basic_paid = get("basic_paid", &v.basic_paid, true);
    let critical_paid = get("critical_paid", &v.critical_paid, true);
    // What the amounts must satisfy together is the engine's to say (see [`scenario`]).
    let (total, compliant) = (total??, compliant??);
    let (basic_paid, critical_paid) = (basic_paid?, critical_paid?);
    Some(Episode {
        kind: kind(&v.kind),
        level: level(&v.level),
        in_county: v.in_county && crate::calc_state::county_level(&v.level),
        total,
        compliant,
        basic_paid,
        critical_paid,
    })
}

/// The engine scenario for `form`, or every field the person must fix.
pub fn scenario(form: &CalcForm) -> Result<Scenario, Vec<FieldError>> {
    let mut errors = Vec::new();
    let episodes: Vec<Option<Episode>> = form
        .visits
        .iter()
        .enumerate()
        .map(|(i, v)| visit(i, v, &mut errors))
        .collect();
    // Only the numbers this profile leaves open, each read and range-checked by the engine's own rule.
    let mut overrides = BTreeMap::new();
    for (k, v) in form.overrides.iter().filter(|(_, v)| !v.trim().is_empty()) {
        match form.admit(k, v) {
            Ok(d) => {
                overrides.insert(k.clone(), d);
            }
            // A number the profile fixes (kept from another profile or an old link) is not used; the
            // link's notices say so.
            Err(OverrideError::Unknown { .. } | OverrideError::Fixed { .. }) => {}
            Err(e) => errors.push(FieldError {
                visit: None,
                field: k.clone(),
                message: e.to_string(),
            }),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let scenario = Scenario {
        profile: form.profile.clone(),
        category: Category::from_id(&form.category).unwrap_or(Category::PovertyRegistered),
        options: options(&form.options),
        episodes: episodes.into_iter().flatten().collect(),
        overrides,
    };
    // The engine's own checks, each shown next to the field it is about.
    let problems = profile(&scenario.profile)
        .map(|p| policy_engine::problems(&scenario, p))
        .unwrap_or_default();
    let errors: Vec<FieldError> = problems
        .iter()
        .filter_map(|e| {
            let (visit, field) = match e.field()? {
                Field::Visit { visit, name } => (Some(visit), name.to_string()),
                Field::Param { key } => (None, key.to_string()),
            };
            Some(FieldError {
                visit,
                field,
                message: e.field_message(),
            })
        })
        .collect();
    if errors.is_empty() {
        Ok(scenario)
    } else {
        Err(errors)
    }
}

/// A form with every visit's total filled (so a blank new visit does not block the result); the
/// compliant cost may be left blank.
pub fn has_amounts(form: &CalcForm) -> bool {
    form.visits.iter().all(|v| !v.total.trim().is_empty())
}

/// For each visit, whether its compliant cost was left blank (and so taken to be the total).
pub fn compliant_guessed(form: &CalcForm) -> Vec<bool> {
    form.visits
        .iter()
        .map(|v| v.compliant.trim().is_empty())
        .collect()
}

/// What the year's personal amount is, given which visits' compliant cost was left blank.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    /// Every compliant cost was given.
    AsTyped,
    /// Some were taken to be the total, and every visit's patient share is capped with the
    /// non-compliant cost borne by the hospital: the amount is the most the patient pays (proved in
    /// `crates/engine/tests/properties.rs`).
    Ceiling,
    /// Some were taken to be the total, and the amount is only an estimate from the total.
    FromTotal,
}

/// How to read the result of `scenario` when `guessed` visits had no compliant cost.
pub fn reading(scenario: &Scenario, guessed: &[bool]) -> Reading {
    if !guessed.iter().any(|g| *g) {
        Reading::AsTyped
    } else if scenario
        .episodes
        .iter()
        .all(|e| policy_engine::patient_share_capped(scenario, e))
    {
        Reading::Ceiling
    } else {
        Reading::FromTotal
    }
}

pub use policy_engine::cite::{clause_label, clause_ref, source_href};

/// An amount as people say it on a poster: `1.2 万元` from 10,000 up, else `3,000 元`.
pub fn wan(d: rust_decimal::Decimal) -> String {
    use rust_decimal::Decimal;
    if d >= Decimal::from(10_000) {
        let w = (d / Decimal::from(10_000)).round_dp(2).normalize();
        format!("{w} 万元")
    } else {
        let y = yuan(d);
        format!("{} 元", y.trim_end_matches(".00"))
    }
}

pub use policy_engine::money::yuan;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc_state::CalcForm;

    fn form(total: &str, compliant: &str) -> CalcForm {
        let mut f = CalcForm::default();
        f.visits[0].total = total.into();
        f.visits[0].compliant = compliant.into();
        f
    }

    #[test]
    fn typed_form_settles_and_errors_name_the_field() {
        let s = scenario(&form("1.2万", "10,000")).unwrap();
        let r = policy_engine::settle(&s).unwrap();
        assert_eq!(yuan(r.year.personal), "1,500.00");
        // (total, compliant, basic paid, field with the error, its message)
        for (total, compliant, basic, field, message) in [
            ("abc", "12000", "", "total", "看不懂"),
            (
                "10000",
                "12000",
                "",
                "compliant",
                "合规医疗费用不能大于医疗总费用（10000 元）",
            ),
            (
                "10000",
                "8000",
                "9000",
                "basic_paid",
                "不能大于合规医疗费用（8000 元）",
            ),
        ] {
            let mut f = form(total, compliant);
            f.visits[0].basic_paid = basic.into();
            let errs = scenario(&f).unwrap_err();
            assert_eq!((errs[0].visit, errs[0].field.as_str()), (Some(0), field));
            assert!(errs[0].message.contains(message), "{}", errs[0].message);
        }
    }

    /// Issue 13 (3): an option's label and help are shown as `label（help）`: neither may hold brackets
    /// of its own inside that.
    #[test]
    fn option_texts_never_nest_brackets() {
        for (_, label, help, _) in OPTIONS {
            let shown = format!("{label}（{help}）");
            let mut depth = 0;
            for c in shown.chars() {
                match c {
                    '（' => depth += 1,
                    '）' => depth -= 1,
                    _ => {}
                }
                assert!(depth <= 1, "{shown}");
            }
        }
    }

    /// Each reading option names its entry of the ambiguity register, which names the option back and
    /// quotes its label (so the about page tells a trainer which switch shows the other reading).
    #[test]
    fn every_option_is_the_register_entry_it_names() {
        let text = include_str!("../content/ambiguities.toml");
        let register: toml::Table = text.parse().unwrap();
        let entries = register["ambiguities"].as_array().unwrap();
        let with_option: Vec<&toml::Table> = entries
            .iter()
            .map(|e| e.as_table().unwrap())
            .filter(|e| e.contains_key("option"))
            .collect();
        assert_eq!(with_option.len(), OPTIONS.len());
        for (key, label, _, anchor) in OPTIONS {
            let entry = entries
                .iter()
                .map(|e| e.as_table().unwrap())
                .find(|e| e["id"].as_str() == Some(anchor))
                .unwrap_or_else(|| panic!("no ambiguity {anchor}"));
            assert_eq!(entry["option"].as_str(), Some(*key), "{anchor}");
            let alternatives: Vec<&str> = entry["alternatives"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|a| a.as_str())
                .collect();
            let alternatives = alternatives.join("\n");
            assert!(
                alternatives.contains(&format!("“{label}”")),
                "{anchor}: {alternatives}"
            );
        }
    }

    #[test]
    fn every_option_key_is_an_engine_option() {
        for (key, ..) in OPTIONS {
            assert!(Options::KEYS.contains(key), "{key}");
            assert_eq!(options(&[key.to_string()]).get(key), Some(true));
        }
        assert_eq!(OPTIONS.len(), Options::KEYS.len());
        // Default: 门诊慢特病 counts toward 医疗救助; an old link's key changes nothing.
        assert_eq!(options(&[]), Options::default());
        assert_eq!(options(&["chronic_assistance".into()]), Options::default());
    }

    /// Issue 13 (1): only the total typed; the headline says what the number is.
    #[test]
    fn a_blank_compliant_cost_is_the_total_and_the_reading_says_what_that_means() {
        for (profile, category, kind, level, in_county, want) in [
            (
                "huining-2018",
                "poverty_registered",
                "inpatient",
                "county",
                true,
                Reading::Ceiling,
            ),
            (
                "huining-2018",
                "poverty_registered",
                "inpatient",
                "province",
                false,
                Reading::Ceiling,
            ),
            (
                "huining-2018",
                "poverty_registered",
                "chronic_outpatient",
                "county",
                true,
                Reading::FromTotal,
            ),
            (
                "huining-2018",
                "dibao",
                "inpatient",
                "county",
                true,
                Reading::FromTotal,
            ),
            (
                "huining-2018",
                "ordinary",
                "inpatient",
                "county",
                true,
                Reading::FromTotal,
            ),
            (
                "meishan-2016",
                "poverty_registered",
                "inpatient",
                "county",
                true,
                Reading::Ceiling,
            ),
            (
                "meishan-2016",
                "poverty_registered",
                "inpatient",
                "county",
                false,
                Reading::FromTotal,
            ),
            (
                "meishan-2016",
                "poverty_registered",
                "inpatient",
                "city",
                true,
                Reading::FromTotal,
            ),
            (
                "meishan-2016",
                "tekun",
                "inpatient",
                "county",
                true,
                Reading::FromTotal,
            ),
        ] {
            let mut f = form("12000", "");
            f.profile = profile.into();
            f.category = category.into();
            f.visits[0].kind = kind.into();
            f.visits[0].level = level.into();
            f.visits[0].in_county = in_county;
            assert!(has_amounts(&f));
            let s = scenario(&f).unwrap();
            assert_eq!(s.episodes[0].compliant, s.episodes[0].total);
            assert_eq!(
                reading(&s, &compliant_guessed(&f)),
                want,
                "{profile} {category} {kind} {level} {in_county}"
            );
            f.visits[0].compliant = "10000".into();
            assert_eq!(
                reading(&scenario(&f).unwrap(), &compliant_guessed(&f)),
                Reading::AsTyped
            );
        }
        assert!(!has_amounts(&form("", "100")));
    }

    #[test]
    fn clause_numbers_in_the_documents_own_numbering() {
        for (id, label) in [
            ("s2", "二"),
            ("s3-2", "三（二）"),
            ("s3-1-2-6", "三（一）2（6）"),
            ("a5-s3-2-1", "附件5 三（二）1"),
            ("a5-s3-1-11", "附件5 三（一）11"),
            ("s1-5-1", "一（五）1"),
            ("odd", "odd"),
        ] {
            assert_eq!(clause_label(id), label);
        }
        assert_eq!(
            clause_ref("huining-2018", "gansu-165#s1-4-2").as_deref(),
            Some("甘卫发〔2018〕165号 一（四）2")
        );
        // Every cited clause's own line in the document carries the number's last level.
        for p in policy_engine::profiles() {
            for src in p
                .params
                .iter()
                .flat_map(|x| x.source.iter().chain(x.clause.iter()))
            {
                let md = std::fs::read_to_string(format!(
                    "{}/content/docs/{}.md",
                    env!("CARGO_MANIFEST_DIR"),
                    src.doc
                ))
                .unwrap();
                let line = md
                    .lines()
                    .find(|l| l.contains(&format!("{{#{}}}", src.section)))
                    .unwrap();
                // The clause's own number as the document writes it: 三、 （二） 1. （6）.
                let levels = src
                    .section
                    .split('-')
                    .filter(|p| !p.starts_with('a'))
                    .count();
                let n = src
                    .section
                    .rsplit('-')
                    .next()
                    .unwrap()
                    .trim_start_matches('s');
                let cn = clause_label(&format!("s{n}"));
                let variants = match levels {
                    1 => vec![format!("{cn}、")],
                    2 => vec![format!("（{cn}）"), format!("({cn})")],
                    3 => vec![format!("{n}."), format!("{n}．")],
                    _ => vec![format!("（{n}）"), format!("({n})")],
                };
                assert!(
                    variants.iter().any(|v| line.contains(v.as_str())),
                    "{}#{}: {variants:?} not in {line}",
                    src.doc,
                    src.section
                );
            }
        }
    }

    #[test]
    fn poster_amounts() {
        for (v, s) in [
            ("12000", "1.2 万元"),
            ("3000", "3,000 元"),
            ("1800.5", "1,800.50 元"),
            ("300000", "30 万元"),
        ] {
            assert_eq!(wan(v.parse().unwrap()), s);
        }
    }

    #[test]
    fn links_and_money() {
        assert_eq!(
            source_href("huining-83#a5-s3-2-1").as_deref(),
            Some("/docs/huining-83/#a5-s3-2-1")
        );
        assert_eq!(source_href(""), None);
        for (v, s) in [
            ("0", "0.00"),
            ("1234567.891", "1,234,567.89"),
            ("999", "999.00"),
            ("-1740000", "-1,740,000.00"),
            ("-740000", "-740,000.00"),
        ] {
            assert_eq!(yuan(v.parse().unwrap()), s);
        }
    }
}
