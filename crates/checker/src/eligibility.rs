//! Which benefits a person gets, and why not the others: one pure function over the rules of
//! `content/eligibility.toml` (see `store` for where the data lives).

use std::fmt;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::data::eligibility::{Disease, EligibilityData, Rule};
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
    /// The document names the benefit without its details (the sentence says so).
    pub named_only: bool,
    /// Where to go.
    pub where_to_go: String,
    /// The clause.
    pub source: Citation,
    /// Further clauses.
    pub also: Vec<Citation>,
}

/// The settlement calculator's profile and category for this person, for a "calculate" link.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalcLink {
    /// Profile id, e.g. `huining-2018`.
    pub profile: String,
    /// The engine's category id, or `None` when the engine has no such category (`unstable_exited`).
    pub category: Option<String>,
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

/// How a direct question is answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// A rule with the topic applies to the person.
    Yes,
    /// The area has rules with the topic, and none applies to the person.
    No,
    /// The area's documents give no such rule (the note says what they do say).
    NotInDocuments,
}

/// A direct answer to one topic's question, for this person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicAnswer {
    /// Topic id (`checkup`, `family_doctor`).
    pub topic: String,
    /// Short name, e.g. 免费体检.
    pub name: String,
    /// The question, e.g. 我能免费体检吗？
    pub question: String,
    /// The answer.
    pub verdict: Verdict,
    /// Plain sentences: the applying rules' sentences, or why not, or what the documents say.
    pub text: String,
    /// The rules that answer it (those that apply, or else all of the area's rules with the topic).
    pub rules: Vec<String>,
    /// The clauses.
    pub sources: Vec<Citation>,
}

/// The direct answers (体检, 家庭医生, …) for the person, in the data file's order of topics.
pub fn topic_answers(person: &Person) -> Result<Vec<TopicAnswer>, CheckError> {
    topic_answers_with(data(), person)
}

/// [`topic_answers`] over the given rules.
pub fn topic_answers_with(
    data: &EligibilityData,
    person: &Person,
) -> Result<Vec<TopicAnswer>, CheckError> {
    let results = check_with(data, person)?;
    Ok(data
        .topics
        .iter()
        .map(|t| {
            let tagged: Vec<&BenefitResult> = results
                .iter()
                .filter(|b| {
                    data.rules
                        .iter()
                        .any(|r| r.id == b.id && r.topic.as_deref() == Some(t.id.as_str()))
                })
                .collect();
            let note = t.otherwise.iter().find(|n| n.area == person.area);
            let applying: Vec<&&BenefitResult> = tagged.iter().filter(|b| b.applies).collect();
            let (verdict, mut text, rules, mut sources) = if !applying.is_empty() {
                (
                    Verdict::Yes,
                    applying
                        .iter()
                        .map(|b| b.sentence.as_str())
                        .collect::<String>(),
                    applying.iter().map(|b| b.id.clone()).collect(),
                    applying.iter().map(|b| b.source.clone()).collect(),
                )
            } else if let Some(first) = tagged.first() {
                (
                    Verdict::No,
                    first.why_not.clone().unwrap_or_default(),
                    tagged.iter().map(|b| b.id.clone()).collect(),
                    vec![first.source.clone()],
                )
            } else {
                (
                    Verdict::NotInDocuments,
                    String::new(),
                    Vec::new(),
                    Vec::new(),
                )
            };
            if verdict != Verdict::Yes {
                if let Some(n) = note {
                    text.push_str(&n.text);
                    sources.extend(n.source.clone());
                }
            }
            TopicAnswer {
                topic: t.id.clone(),
                name: t.name.clone(),
                question: t.question.clone(),
                verdict,
                text,
                rules,
                sources,
            }
        })
        .collect())
}

/// The calculator profile for the person's area (if it has one) and the engine category.
pub fn calc_link(person: &Person) -> Result<Option<CalcLink>, CheckError> {
    let data = data();
    validate(data, person)?;
    let area = data
        .areas
        .iter()
        .find(|a| a.id == person.area)
        .expect("validated");
    let category = data
        .categories
        .iter()
        .find(|c| c.id == person.category)
        .expect("validated");
    Ok(area.calc_profile.as_ref().map(|p| CalcLink {
        profile: p.clone(),
        category: category.in_engine.then(|| category.id.clone()),
    }))
}

/// Which questions matter in an area (a screen whose answer no rule of the area reads can be skipped).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Asks<'a> {
    /// Some rule has an age range.
    pub age: bool,
    /// Some rule reads 参保.
    pub insured: bool,
    /// Some rule reads 残疾.
    pub disability: bool,
    /// Some rule reads 怀孕.
    pub pregnant: bool,
    /// Some rule reads 长期病 (directly or through `sick`).
    pub long_term_illness: bool,
    /// The named diseases to offer.
    pub diseases: Vec<&'a Disease>,
}

/// The question screens, in order (each one's answer is read by some rule, or it is skipped).
pub const QUESTIONS: [&str; 8] = [
    "area",
    "category",
    "age",
    "insured",
    "disability",
    "pregnant",
    "illness",
    "diseases",
];

impl Asks<'_> {
    /// Whether the question screen `step` is asked (the area and category always are; anything that is
    /// not a question screen counts as asked).
    pub fn asks_step(&self, step: &str) -> bool {
        match step {
            "age" => self.age,
            "insured" => self.insured,
            "disability" => self.disability,
            "pregnant" => self.pregnant,
            "illness" => self.long_term_illness,
            "diseases" => !self.diseases.is_empty(),
            _ => true,
        }
    }

    /// The question screens this area asks, in order.
    pub fn steps(&self) -> Vec<&'static str> {
        QUESTIONS
            .iter()
            .copied()
            .filter(|s| self.asks_step(s))
            .collect()
    }

    /// "第 k 步，共 n 步" for the question screen `step`: its 1-based place among the screens asked, and
    /// their number; `None` for a screen that is not asked (or not a question).
    pub fn step_number(&self, step: &str) -> Option<(usize, usize)> {
        let steps = self.steps();
        steps
            .iter()
            .position(|s| *s == step)
            .map(|i| (i + 1, steps.len()))
    }
}

/// The questions that matter for `area`'s rules.
pub fn asks(area: &str) -> Asks<'static> {
    asks_with(data(), area)
}

/// [`asks`] over the given rules.
pub fn asks_with<'a>(data: &'a EligibilityData, area: &str) -> Asks<'a> {
    let rules: Vec<&Rule> = data.rules.iter().filter(|r| r.area == area).collect();
    let uses = |fact: &str| {
        rules
            .iter()
            .any(|r| r.all.iter().chain(&r.any).chain(&r.not).any(|f| f == fact))
    };
    Asks {
        age: rules.iter().any(|r| r.age.is_some()),
        insured: uses("insured"),
        disability: uses("disability"),
        pregnant: uses("pregnant"),
        long_term_illness: uses("long_term_illness") || uses("sick"),
        diseases: data
            .diseases
            .iter()
            .filter(|d| d.areas.iter().any(|a| a == area))
            .collect(),
    }
}

/// The diseases asked about in `area`, in the data file's order.
pub fn diseases_for(area: &str) -> Vec<&'static Disease> {
    data()
        .diseases
        .iter()
        .filter(|d| d.areas.iter().any(|a| a == area))
        .collect()
}

fn validate(data: &EligibilityData, person: &Person) -> Result<(), CheckError> {
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

/// Whether the person has `fact` (`insured`, …, `sick`, `disease:<id>`), counting only diseases asked in the area.
fn has(data: &EligibilityData, person: &Person, fact: &str) -> bool {
    let asked = |d: &String| {
        data.diseases
            .iter()
            .any(|x| &x.id == d && x.areas.contains(&person.area))
    };
    match fact {
        "insured" => person.insured,
        "disability" => person.disability,
        "pregnant" => person.pregnant,
        "long_term_illness" => person.long_term_illness,
        "sick" => person.long_term_illness || person.diseases.iter().any(asked),
        other => other
            .strip_prefix("disease:")
            .is_some_and(|d| person.diseases.iter().any(|x| x == d && asked(x))),
    }
}

fn fact_text(data: &EligibilityData, fact: &str, missing: bool) -> String {
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

fn fact_label(data: &EligibilityData, fact: &str) -> String {
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
fn failure(data: &EligibilityData, rule: &Rule, person: &Person) -> Option<String> {
    if !rule.categories.is_empty() && !rule.categories.contains(&person.category) {
        let names: Vec<&str> = rule
            .categories
            .iter()
            .filter_map(|id| data.categories.iter().find(|c| &c.id == id))
            .map(|c| c.name.as_str())
            .collect();
        let mut why = format!("这一项只给{}。", names.join("、"));
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
    if let Some(age) = rule.age {
        match person.age {
            None => {
                return Some(format!(
                    "这一项看年龄（{}到{}周岁），您没有填年龄。",
                    age.min, age.max
                ))
            }
            Some(a) if a < age.min || a > age.max => {
                return Some(format!("这一项只给{}到{}周岁的人。", age.min, age.max))
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

fn evaluate(data: &EligibilityData, rule: &Rule, person: &Person) -> BenefitResult {
    let caveats: Vec<&str> = rule
        .caveats
        .iter()
        .filter(|c| c.categories.contains(&person.category))
        .map(|c| c.text.as_str())
        .collect();
    let why_not = failure(data, rule, person).map(|mut w| {
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
        sentence,
        why_not,
        named_only: rule.named_only,
        where_to_go: rule.where_to_go.clone(),
        source: rule.source.clone(),
        also: rule.also.clone(),
    }
}
