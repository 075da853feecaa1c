//! The calculator page's one bridge to the engine: the typed form becomes an engine `Scenario`
//! (amounts through the engine's own parser, errors kept per field), and labels for what the engine returns.

use std::collections::BTreeMap;

use policy_engine::{amount, profile};
use policy_engine::{Category, Episode, EpisodeKind, Level, Options, Scenario};

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
        "达到医疗救助条件的那次住院不再补足（会出现断崖）",
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
    let compliant = get("compliant", &v.compliant, false);
    let basic_paid = get("basic_paid", &v.basic_paid, true);
    let critical_paid = get("critical_paid", &v.critical_paid, true);
    let (total, compliant) = (total??, compliant??);
    if compliant > total {
        errors.push(FieldError {
            visit: Some(i),
            field: "compliant".into(),
            message: format!("合规医疗费用不能大于医疗总费用（{total} 元）"),
        });
        return None;
    }
    let (basic_paid, critical_paid) = (basic_paid?, critical_paid?);
    if basic_paid.unwrap_or_default() + critical_paid.unwrap_or_default() > compliant {
        errors.push(FieldError {
            visit: Some(i),
            field: "basic_paid".into(),
            message: "已报销的金额加起来不能大于合规医疗费用".into(),
        });
        return None;
    }
    Some(Episode {
        kind: kind(&v.kind),
        level: level(&v.level),
        in_county: v.in_county,
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
    let editable = |k: &str| profile(&form.profile).and_then(|p| p.editable_param(k).ok());
    for (k, v) in &form.overrides {
        let Some(param) = editable(k).filter(|_| !v.trim().is_empty()) else {
            continue;
        };
        match param.read(v) {
            Ok(d) => {
                overrides.insert(k.clone(), d);
            }
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
    Ok(Scenario {
        profile: form.profile.clone(),
        category: Category::from_id(&form.category).unwrap_or(Category::PovertyRegistered),
        options: options(&form.options),
        episodes: episodes.into_iter().flatten().collect(),
        overrides,
    })
}

/// A form with every visit's amounts filled (so a blank new visit does not block the result).
pub fn has_amounts(form: &CalcForm) -> bool {
    form.visits
        .iter()
        .all(|v| !v.total.trim().is_empty() && !v.compliant.trim().is_empty())
}

/// `huining-83#a5-s3-2-1` as the library URL `/docs/huining-83/#a5-s3-2-1`.
pub fn source_href(source: &str) -> Option<String> {
    let (doc, section) = source.split_once('#')?;
    Some(format!("/docs/{doc}/#{section}"))
}

/// `12345.6` as `12,345.60` (a negative amount, which the engine never returns, as `-12,345.60`).
pub fn yuan(d: rust_decimal::Decimal) -> String {
    let s = policy_engine::money::fmt(d.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, "00"));
    let mut out = String::new();
    if d.is_sign_negative() && !d.is_zero() {
        out.push('-');
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{out}.{frac}")
}

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
        let errs = scenario(&form("abc", "12000")).unwrap_err();
        assert_eq!(errs[0].field, "total");
        let errs = scenario(&form("10000", "12000")).unwrap_err();
        assert_eq!(
            (errs[0].visit, errs[0].field.as_str()),
            (Some(0), "compliant")
        );
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
