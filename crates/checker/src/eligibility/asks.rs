//! Which of the checker's questions an area asks (a screen whose answer no rule of the area reads is
//! skipped, and so is one not put to a person of the age given), and the diseases asked about there.

use serde::Serialize;

use super::data;
use crate::data::eligibility::{asked_at, Disease, EligibilityData, Fact, Rule};

/// Which questions matter in an area (a screen whose answer no rule of the area reads can be skipped).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Asks<'a> {
    /// Some rule has an age range.
    pub ages: bool,
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
    /// The person's age, when given: a question for some ages only ([`Fact::ages`]) is not put to others.
    pub age: Option<u32>,
    /// The facts, with the ages each is asked at.
    #[serde(skip)]
    facts: &'a [Fact],
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
        asked_at(self.facts, step, self.age)
            && match step {
                "age" => self.ages,
                "insured" => self.insured,
                "disability" => self.disability,
                "pregnant" => self.pregnant,
                "illness" => self.long_term_illness,
                "diseases" => !self.diseases.is_empty(),
                _ => true,
            }
    }

    /// The same questions for a person of `age` (`None`: not given).
    pub fn at_age(self, age: Option<u32>) -> Self {
        Self { age, ..self }
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
        ages: rules.iter().any(|r| r.age.is_some()),
        insured: uses("insured"),
        disability: uses("disability"),
        pregnant: uses("pregnant"),
        long_term_illness: uses("long_term_illness") || uses("sick"),
        diseases: data
            .diseases
            .iter()
            .filter(|d| d.areas.iter().any(|a| a == area))
            .collect(),
        age: None,
        facts: &data.facts,
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
