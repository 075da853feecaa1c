//! Which benefits a person gets, and why not the others: one pure function over the rules of
//! `content/eligibility.toml` (see `store` for where the data lives). The direct answers to a topic's
//! question are `topics`, which screens an area asks `asks`, the calculator link `calc_link`.

mod asks;
mod calc_link;
mod topics;

pub use asks::{asks, asks_with, diseases_for, Asks, QUESTIONS};
pub use calc_link::{calc_link, CalcLink};
pub use topics::{topic_answers, topic_answers_with, TopicAnswer, Verdict};

use std::fmt;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::data::eligibility::{EligibilityData, Rule};
use crate::data::Citation;

pub(crate) static DATA: OnceLock<EligibilityData> = OnceLock::new();

/// The rules, areas, categories and diseases of `content/eligibility.toml`.
pub fn data() -> &'static EligibilityData {
    crate::store::get(&DATA, crate::store::Part::Eligibility)
}

/// The person's answers (what the checker asks, one question per screen).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Person {
    /// Whose policy: `huining`, `meishan` or `dezhou`.
    pub area: String,
    /// Category id: `poverty_registered`, `dibao`, `tekun`, `safety_net`, `ordinary` or `unstable_exited`.
    pub category: String,
    /// Age in 周岁, if given.
    pub age: Option<u32>,
    /// Insured in 城乡居民基本医保.
    pub insured: bool,
    /// Has a disability.
    pub disability: bool,
    /// Is pregnant.
    pub pregnant: bool,
    /// Has an illness needing long-term treatment.
    pub long_term_illness: bool,
    /// Ids of the named diseases the person has (answers for diseases the area does not ask about are ignored).
    pub diseases: Vec<String>,
}

/// One benefit of the chosen area, for this person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BenefitResult {
    /// Rule id.
    pub id: String,
    /// Short name.
    pub name: String,
    /// Whether the person gets it.
    pub applies: bool,
    /// One plain sentence of what it means (plus any note for the person's category).
    pub sentence: String,
    /// Why not, when it does not apply.
    pub why_not: Option<String>,
    /// It does not apply only because the rule names other categories (its other conditions hold as they
    /// would for one of them), and the person does not know theirs
    /// ([`crate::data::eligibility::CategoryDef::undecided`]): it depends on the category, it is not
    /// "not for you".
    pub depends_on_category: bool,
    /// It does not apply only because the person left out their age, and would for an age in the rule's
    /// range (its other conditions hold, as they would for one of its categories when the person does
    /// not know theirs): it depends on the age, it is not "not for you".
    pub depends_on_age: bool,
    /// The document names the benefit without its details (the sentence says so).
    pub named_only: bool,
    /// Where to go.
    pub where_to_go: String,
    /// The clause.
    pub source: Citation,
    /// Further clauses.
    pub also: Vec<Citation>,
    /// The clauses the notes said to this person rest on ([`crate::data::eligibility::Caveat::source`]):
    /// a note that quotes another clause links it, also where the benefit is not for them.
    pub noted: Vec<Citation>,
    /// The register's entry what it says sends the person to, if it names the register: a caveat's said
    /// to the person, else the rule's.
    pub reading: Option<String>,
}

/// An answer the rules do not know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CheckError {
    /// No such area.
    UnknownArea(String),
    /// No such category.
    UnknownCategory(String),
    /// No such disease.
    UnknownDisease(String),
}

impl fmt::Display for CheckError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnknownArea(a) => write!(f, "不认识的地方：{a}"),
            Self::UnknownCategory(c) => write!(f, "不认识的人员类别：{c}"),
            Self::UnknownDisease(d) => write!(f, "不认识的疾病：{d}"),
        }
    }
}

impl std::error::Error for CheckError {}

/// Every benefit of the person's area, in the data file's order, each saying whether it applies and why not.
pub fn check(person: &Person) -> Result<Vec<BenefitResult>, CheckError> {
    check_with(data(), person)
}

/// [`check`] over the given rules.
pub fn check_with(
    data: &EligibilityData,
    person: &Person,
) -> Result<Vec<BenefitResult>, CheckError> {
    validate(data, person)?;
    Ok(data
        .rules
        .iter()
        .filter(|r| r.area == person.area)
        .map(|r| evaluate(data, r, person))
        .collect())
}

pub(crate) fn validate(data: &EligibilityData, person: &Person) -> Result<(), CheckError> {
    if !data.areas.iter().any(|a| a.id == person.area) {
        return Err(CheckError::UnknownArea(person.area.clone()));
    }
    if !data.categories.iter().any(|c| c.id == person.category) {
        return Err(CheckError::UnknownCategory(person.category.clone()));
    }
    if let Some(d) = person
        .diseases
        .iter()
        .find(|d| !data.diseases.iter().any(|x| &x.id == *d))
    {
        return Err(CheckError::UnknownDisease(d.clone()));
    }
    Ok(())
}

/// Whether the person has `fact` (`insured`, …, `sick`, `disease:<id>`), counting only diseases asked in the
/// area, and a fact asked at some ages only ([`crate::data::eligibility::Fact::ages`]) only at those ages.
pub(crate) fn has(data: &EligibilityData, person: &Person, fact: &str) -> bool {
    let asked = |d: &String| {
        data.diseases
            .iter()
            .any(|x| &x.id == d && x.areas.contains(&person.area))
    };
    crate::data::eligibility::asked_at(&data.facts, fact, person.age)
        && match fact {
            "insured" => person.insured,
            "disability" => person.disability,
            "pregnant" => person.pregnant,
            // A ticked 慢性病 (高血压) is an illness needing long-term treatment, whatever was answered
            // to that question ("no" with 高血压 ticked had said a benefit was for those who have one).
            "long_term_illness" => {
                person.long_term_illness
                    || person
                        .diseases
                        .iter()
                        .any(|d| asked(d) && data.diseases.iter().any(|x| &x.id == d && x.chronic))
            }
            "sick" => person.long_term_illness || person.diseases.iter().any(asked),
            other => other
                .strip_prefix("disease:")
                .is_some_and(|d| person.diseases.iter().any(|x| x == d && asked(x))),
        }
}

pub(crate) fn fact_text(data: &EligibilityData, fact: &str, missing: bool) -> String {
    if let Some(d) = fact.strip_prefix("disease:") {
        let name = data
            .diseases
            .iter()
            .find(|x| x.id == d)
            .map_or(d, |x| x.name.as_str());
        return if missing {
            format!("这一项是给{name}患者的。")
        } else {
            format!("这一项不是给{name}患者的。")
        };
    }
    let f = data.facts.iter().find(|f| f.id == fact);
    f.map_or_else(
        || fact.to_string(),
        |f| {
            if missing {
                f.missing.clone()
            } else {
                f.present.clone()
            }
        },
    )
}

pub(crate) fn fact_label(data: &EligibilityData, fact: &str) -> String {
    match fact.strip_prefix("disease:") {
        Some(d) => data
            .diseases
            .iter()
            .find(|x| x.id == d)
            .map_or(d.to_string(), |x| format!("患{}", x.name)),
        None => data
            .facts
            .iter()
            .find(|f| f.id == fact)
            .map_or(fact.to_string(), |f| f.label.clone()),
    }
}

/// The first condition the person fails, as a plain sentence; `None` when the rule applies.
pub(crate) fn failure(data: &EligibilityData, rule: &Rule, person: &Person) -> Option<String> {
    failure_at(data, rule, person, person.age)
}

/// [`failure`] as if the person's age were `age`.
pub(crate) fn failure_at(
    data: &EligibilityData,
    rule: &Rule,
    person: &Person,
    age: Option<u32>,
) -> Option<String> {
    // The same benefit on better terms for the person's category: that is the whole reason (whatever
    // else the better rule asks, it says itself).
    if let Some(s) = &rule.superseded {
        let by = data.rules.iter().find(|r| r.id == s.by);
        if by.is_some_and(|by| by.categories.is_empty() || by.categories.contains(&person.category))
        {
            return Some(s.text.clone());
        }
    }
    if !rule.categories.is_empty() && !rule.categories.contains(&person.category) {
        let names: Vec<&str> = rule
            .categories
            .iter()
            .filter_map(|id| data.categories.iter().find(|c| &c.id == id))
            .map(|c| c.name.as_str())
            .collect();
        let names = names.join("、");
        let register = policy_content::site::REGISTER.1;
        let mut why = match rule.written_for.as_deref() {
            None => format!("这一项只给{names}。"),
            Some("") => format!("这一条没有写给哪些人；本站按{names}列出（见{register}）。"),
            Some(w) => format!(
                "这一条写的是给“{w}”的，没有写明是哪几类人；本站按{names}列出（见{register}）。"
            ),
        };
        let own = data.categories.iter().find(|c| c.id == person.category);
        if let Some(c) = own {
            let relevant = c.caveat_when_rule_has.is_empty()
                || c.caveat_when_rule_has
                    .iter()
                    .any(|x| rule.categories.contains(x));
            if let (Some(caveat), true) = (&c.caveat, relevant) {
                why.push_str(caveat);
            }
        }
        return Some(why);
    }
    if let Some(range) = rule.age {
        match age {
            None => {
                return Some(format!(
                    "这一项看年龄（{}到{}周岁），您没有填年龄。",
                    range.min, range.max
                ))
            }
            Some(a) if a < range.min || a > range.max => {
                return Some(format!("这一项只给{}到{}周岁的人。", range.min, range.max))
            }
            Some(_) => {}
        }
    }
    if let Some(f) = rule.all.iter().find(|f| !has(data, person, f)) {
        return Some(fact_text(data, f, true));
    }
    if !rule.any.is_empty() && !rule.any.iter().any(|f| has(data, person, f)) {
        let labels: Vec<String> = rule.any.iter().map(|f| fact_label(data, f)).collect();
        return Some(format!(
            "这一项是给以下情况的人的：{}。",
            labels.join("，或")
        ));
    }
    rule.not
        .iter()
        .find(|f| has(data, person, f))
        .map(|f| fact_text(data, f, false))
}

pub(crate) fn evaluate(data: &EligibilityData, rule: &Rule, person: &Person) -> BenefitResult {
    let said: Vec<_> = rule
        .caveats
        .iter()
        .filter(|c| {
            c.categories.contains(&person.category)
                && !c.lacking.iter().any(|f| has(data, person, f))
        })
        .collect();
    let caveats: Vec<&str> = said.iter().map(|c| c.text.as_str()).collect();
    // A person who does not know their category, and a rule for others: it depends on the category only
    // if the rule's other conditions hold as they would for one of its categories (a 70-year-old had been
    // sent to ask about a check-up for 7 to 64); else it is not for them, for that other reason.
    let undecided = data
        .categories
        .iter()
        .any(|c| c.id == person.category && c.undecided);
    let other_category = rule
        .categories
        .first()
        .filter(|_| undecided && !rule.categories.contains(&person.category));
    let member = other_category.map(|c| Person {
        category: c.clone(),
        ..person.clone()
    });
    // With no age given, for a rule of an age range: why it fails for `p` at the range's bottom age, if it
    // does (the one place the rule is tried at an age the person did not give).
    let at_youngest = |p: &Person| {
        rule.age
            .filter(|_| p.age.is_none())
            .map(|range| failure_at(data, rule, p, Some(range.min)))
    };
    // Why the rule fails for `p`: with no age given, the other condition it fails at any age in its range,
    // if it fails one (0–6岁残疾儿童 for a person with no disability had been given the missing age as the
    // reason), else the missing age.
    let fails = |p: &Person| at_youngest(p).flatten().or_else(|| failure(data, rule, p));
    let otherwise = member.as_ref().map(fails);
    let depends_on_category = matches!(otherwise, Some(None));
    // No age given, and a rule for an age range: it depends on the age if it holds at one (a 眉山 resident
    // who left the age out had been told the free check-up was not for them).
    let depends_on_age = matches!(at_youngest(member.as_ref().unwrap_or(person)), Some(None));
    let why_not = match otherwise {
        // Both unknown: whom it is for, then the age.
        Some(Some(other)) if depends_on_age => fails(person).map(|whom| format!("{whom}{other}")),
        Some(Some(other)) => Some(other),
        _ => fails(person),
    }
    .map(|mut w| {
        for c in &caveats {
            w.push_str(c);
        }
        w
    });
    let mut sentence = rule.sentence.clone();
    if why_not.is_none() {
        for c in &caveats {
            sentence.push_str(c);
        }
    }
    BenefitResult {
        id: rule.id.clone(),
        name: rule.name.clone(),
        applies: why_not.is_none(),
        depends_on_category,
        depends_on_age,
        sentence,
        why_not,
        named_only: rule.named_only,
        where_to_go: rule.where_to_go.clone(),
        source: rule.source.clone(),
        also: rule.also.clone(),
        noted: said.iter().filter_map(|c| c.source.clone()).collect(),
        reading: said
            .iter()
            .find_map(|c| c.reading.clone())
            .or_else(|| rule.reading.clone()),
    }
}
