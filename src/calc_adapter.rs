//! The calculator page's one bridge to the engine: the typed form becomes an engine `Scenario`
//! (amounts through the engine's own parser; what they must satisfy together is the engine's own check,
//! `policy_engine::problems`; every error kept with its field), and labels for what the engine returns.

use std::collections::BTreeMap;

use policy_engine::{amount, profile};
use policy_engine::{
    Category, Episode, EpisodeKind, Field, Level, Options, OverrideError, Param, Scenario,
};

use policy_engine::form::{CalcForm, VisitForm};

/// A field the person must fix: which visit (0-based; `None` for a parameter), which field, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// Visit index, or `None` for an assumption parameter.
    pub visit: Option<usize>,
    /// Field name (`total`, `compliant`, `basic_paid`, `critical_paid`) or parameter key.
    pub field: String,
    /// The message, in plain Chinese.
    pub message: String,
    /// Whether the amount is on its way to one that reads (`12,` or `12,00` before `12,000`): said quietly,
    /// not marked wrong; the result waits ([`outcome::STILL_TYPING`]).
    pub pending: bool,
}

impl FieldError {
    /// The message as shown beside its field: marked ⚠ when the field is wrong, plain while the amount is
    /// still being typed.
    pub fn shown(&self) -> String {
        if self.pending {
            self.message.clone()
        } else {
            format!("⚠ {}", self.message)
        }
    }

    /// Whether the field is wrong (shown in red and said to a screen reader as invalid).
    pub fn wrong(&self) -> bool {
        !self.pending
    }
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
        "floor_inpatient_only",
        "兜底补足只算住院（门诊慢特病不补足）",
        "县委办发〔2018〕83号附件5写“住院合规医疗费用”；默认按会卫计发〔2018〕203号写明门诊慢特病的条款和没有限定住院的几处条款，门诊慢特病也补足",
        "chronic-floor",
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

/// What the result says when it is computed with another reading than the site's default (the options
/// that are on, by their labels), or `None` with the default reading. Shown with the amount, printed on
/// the handout and carried by the poster and the comparison: a number always comes with the reading it
/// rests on.
pub fn other_reading(profile: &str, options: &Options) -> Option<String> {
    let on: Vec<&str> = OPTIONS
        .iter()
        .filter(|(key, ..)| options.get(key) == Some(true) && reads(profile, key))
        .map(|(_, label, ..)| *label)
        .collect();
    (!on.is_empty()).then(|| format!("按另一种理解计算：{}", on.join("；")))
}

/// Whether `profile`'s rules read the reading option `key` (another changes nothing there: not offered, not
/// named beside the amount).
pub fn reads(profile: &str, key: &str) -> bool {
    policy_engine::profile(profile).is_some_and(|p| p.rules.options_read().contains(&key))
}

/// The engine's options from the keys that are on (unknown keys, e.g. from an old link, are ignored).
pub(crate) fn options(on: &[String]) -> Options {
    let mut o = Options::default();
    for key in on {
        o.set(key, true);
    }
    o
}

fn visit(i: usize, v: &VisitForm, errors: &mut Vec<FieldError>) -> Option<Episode> {
    let mut get =
        |field: &str, text: &str, optional: bool| -> Option<Option<rust_decimal::Decimal>> {
            // Read once: nothing typed (or the sign alone, `¥`) is the parser's own `Empty`.
            match amount::parse(text) {
                Ok(d) => Some(Some(d)),
                Err(amount::AmountError::Empty) if optional => Some(None),
                Err(e) => {
                    errors.push(FieldError {
                        visit: Some(i),
                        field: field.into(),
                        message: e.to_string(),
                        pending: matches!(e, amount::AmountError::ShortGroup { .. }),
                    });
                    None
                }
            }
        };
    let total = get("total", &v.total, false);
    // Left blank: the whole bill is taken as compliant (the result says so, see [`reading`]).
    let compliant = match get("compliant", &v.compliant, true) {
        Some(None) => total,
        read => read,
    };
    let basic_paid = get("basic_paid", &v.basic_paid, true);
    let critical_paid = get("critical_paid", &v.critical_paid, true);
    // What the amounts must satisfy together is the engine's to say (see [`scenario`]).
    let (total, compliant) = (total??, compliant??);
    let (basic_paid, critical_paid) = (basic_paid?, critical_paid?);
    Some(Episode {
        // The form holds ids its own options and links give (a link's unknown code is said and dropped
        // when it is read: `CalcForm::from_fragment`).
        kind: EpisodeKind::from_id(&v.kind).unwrap_or(EpisodeKind::Inpatient),
        level: Level::from_key(&v.level).unwrap_or(Level::County),
        in_county: v.in_county && policy_engine::form::county_level(&v.level),
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
                pending: false,
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
                pending: false,
            })
        })
        .collect();
    if errors.is_empty() {
        Ok(scenario)
    } else {
        Err(errors)
    }
}

/// What a result computed with changed assumed numbers says it rests on (their list follows where there
/// is room: the page's notice, the poster; the comparison's caption says only this).
pub const CHANGED: &str = "用了改动的数字";

/// A changed assumed number as the page, its printout and its poster say it:
/// `基本医保住院报销比例：县级医院：70%（假设值 75%）` (`value` as typed or as [`policy_engine::Unit::shown`]).
pub fn changed_number(param: &Param, value: &str) -> String {
    format!(
        "{}：{value}（假设值 {}）",
        param.label,
        param.unit.shown(param.value)
    )
}

/// Every assumed number `scenario` changes, each as [`changed_number`] says it.
pub fn changed_numbers(scenario: &Scenario) -> Vec<String> {
    let Some(p) = profile(&scenario.profile) else {
        return Vec::new();
    };
    scenario
        .overrides
        .iter()
        .filter_map(|(k, v)| {
            let param = p.editable_param(k).ok()?;
            Some(changed_number(param, &param.unit.shown(*v)))
        })
        .collect()
}

/// The changed numbers in one line (`用了改动的数字：基本医保住院报销比例：市级医院：60%（假设值 65%）。`),
/// wherever a calculation with them is handed on (its poster, the printed comparison); `None` without.
pub fn changed_line(scenario: &Scenario) -> Option<String> {
    let changed = changed_numbers(scenario);
    (!changed.is_empty()).then(|| format!("{CHANGED}：{}。", changed.join("；")))
}

/// What beside an amount field says of it: the field's error, else how the amount was read when it is not
/// written as the plain number (`1.2万`, `一万二`, `壹万贰仟伍佰元整`, `12,000`: `即 12,000.00 元`, so that a
/// resident sees at the field what the calculation takes); with whether it is said quietly (not wrong).
pub fn beside_amount(text: &str, error: Option<&FieldError>) -> Option<(String, bool)> {
    if let Some(e) = error {
        return Some((e.shown(), e.pending));
    }
    let t = text.trim();
    if t.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    amount::parse(t)
        .ok()
        .map(|d| (format!("即 {} 元", yuan(d)), true))
}

/// The visits (1-based) whose total is not filled in yet: the result waits for them (the compliant cost
/// may be left blank).
pub fn blank_visits(form: &CalcForm) -> Vec<usize> {
    (1..)
        .zip(&form.visits)
        .filter(|(_, v)| amount::blank(&v.total))
        .map(|(n, _)| n)
        .collect()
}

/// For each visit, whether its compliant cost was left blank (and so taken to be the total).
pub fn compliant_guessed(form: &CalcForm) -> Vec<bool> {
    form.visits
        .iter()
        .map(|v| amount::blank(&v.compliant))
        .collect()
}

/// What the year's personal amount is, given which visits' compliant cost was left blank.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    /// Every compliant cost was given.
    AsTyped,
    /// Some were taken to be the total, and the amount is the most the patient pays
    /// (`policy_engine::AtTotal::Ceiling`).
    Ceiling,
    /// Some were taken to be the total, and the amount is the least the patient pays
    /// (`policy_engine::AtTotal::Floor`; a resident had budgeted by it).
    Floor,
    /// Some were taken to be the total, and the amount is only an estimate from the total.
    FromTotal,
}

impl Reading {
    /// What is said before an amount so read, when it is a bound: `最多自付 ` for a ceiling, `至少自付 `
    /// for a floor, else nothing (the headline's big amount, its title, the contested line: said once).
    pub fn prefix(self) -> &'static str {
        match self {
            Reading::Ceiling => "最多自付 ",
            Reading::Floor => "至少自付 ",
            Reading::FromTotal | Reading::AsTyped => "",
        }
    }

    /// An amount so read, in a sentence that already says whose year it is: `最多自付 750.00 元`,
    /// `个人自付约 750.00 元`, `个人自付 750.00 元` (a line beside a 最多 amount had said it without 最多).
    pub fn pays(self, amount: rust_decimal::Decimal) -> String {
        let verb = match self {
            Reading::AsTyped => "个人自付 ",
            Reading::FromTotal => "个人自付约 ",
            Reading::Ceiling | Reading::Floor => self.prefix(),
        };
        format!("{verb}{} 元", yuan(amount))
    }
}

/// How to read the result of `scenario` when `guessed` visits had no compliant cost (the engine's
/// `at_total`, whose claims its property tests prove).
pub fn reading(scenario: &Scenario, guessed: &[bool]) -> Reading {
    use policy_engine::AtTotal;
    if !guessed.iter().any(|g| *g) {
        return Reading::AsTyped;
    }
    match policy_engine::at_total(scenario) {
        AtTotal::Ceiling => Reading::Ceiling,
        AtTotal::Floor => Reading::Floor,
        AtTotal::Estimate => Reading::FromTotal,
    }
}

pub use policy_content::citation::clause_label;

/// An amount as people say it on a poster: `1.2 万元` from 10,000 up (to 0.01 万, rounded as every amount
/// is: half away from zero; `约 1.15 万元` when that is not the exact amount), else `3,000 元`.
pub fn wan(d: rust_decimal::Decimal) -> String {
    use rust_decimal::{Decimal, RoundingStrategy};
    if d >= Decimal::from(10_000) {
        let exact = d / Decimal::from(10_000);
        let w = exact.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
        let about = if w == exact { "" } else { "约 " };
        format!("{about}{} 万元", w.normalize())
    } else {
        let y = yuan(d);
        format!("{} 元", y.trim_end_matches(".00"))
    }
}

pub use policy_engine::money::yuan;

mod contested;
mod head;
mod outcome;

pub use contested::{by_default, contested, Contested, READING_LINK};

pub use head::{
    amount_class, guessed_visits, head, visits_in_words, Head, ESTIMATED_HINT, ESTIMATED_TAG,
    FOR_REFERENCE, GUESSED, HOSPITAL_BEARS, INPUTS_LABEL, ON_TARGET, OWN_COST, SAME_AS_DEFAULT,
    TARGET_MEANS, WHO_CLASS,
};
pub use outcome::{Outcome, Settled, FIX_FIELDS, STILL_TYPING};

#[cfg(test)]
mod tests;
