//! The eligibility checker's answers and current step, kept in the URL fragment (never stored), so the
//! browser's back button walks back through the questions and a link reproduces the answers.

use policy_checker::eligibility::QUESTIONS;
use policy_checker::Person;

use policy_content::fragment;

/// The question screens (the checker's own list, [`QUESTIONS`]), then the review and the result.
pub const STEPS: [&str; QUESTIONS.len() + 2] = {
    let mut steps = [""; QUESTIONS.len() + 2];
    let mut i = 0;
    while i < QUESTIONS.len() {
        steps[i] = QUESTIONS[i];
        i += 1;
    }
    steps[i] = "review";
    steps[i + 1] = "result";
    steps
};

/// Answers so far and the screen shown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CheckState {
    /// Current step id (one of [`STEPS`]).
    pub step: String,
    /// `huining`, `meishan` or `dezhou`.
    pub area: Option<String>,
    /// Category id.
    pub category: Option<String>,
    /// Age, or `None` if not given.
    pub age: Option<u32>,
    /// Yes/no answers: insured, disability, pregnant, long-term illness.
    pub insured: Option<bool>,
    /// Has a disability.
    pub disability: Option<bool>,
    /// Is pregnant.
    pub pregnant: Option<bool>,
    /// Long-term illness.
    pub illness: Option<bool>,
    /// Named diseases, `None` until the diseases question is answered.
    pub diseases: Option<Vec<String>>,
}

/// The oldest age the checker takes, 周岁 (its box's bounds are 0 and this).
pub const AGE_MAX: u32 = 120;

/// An age as typed or in a link: a whole number of 周岁 from 0 to [`AGE_MAX`], else none.
pub fn age(text: &str) -> Option<u32> {
    text.trim().parse().ok().filter(|a| *a <= AGE_MAX)
}

fn yn(b: Option<bool>) -> Option<&'static str> {
    b.map(|b| if b { "1" } else { "0" })
}

impl CheckState {
    /// The step index of the current step (0 when unknown).
    pub fn index(&self) -> usize {
        STEPS.iter().position(|s| *s == self.step).unwrap_or(0)
    }

    /// The same answers on another step.
    pub fn at(&self, step: &str) -> Self {
        Self {
            step: step.into(),
            ..self.clone()
        }
    }

    /// The fragment (without `#`).
    pub fn to_fragment(&self) -> String {
        let mut parts = vec![self.step_fragment()];
        let mut push = |k: &str, v: Option<String>| {
            if let Some(v) = v {
                parts.push(format!("{k}={}", fragment::encode(&v)));
            }
        };
        push("a", self.area.clone());
        push("c", self.category.clone());
        push("age", self.age.map(|a| a.to_string()));
        push("ins", yn(self.insured).map(String::from));
        push("dis", yn(self.disability).map(String::from));
        push("preg", yn(self.pregnant).map(String::from));
        push("ill", yn(self.illness).map(String::from));
        push(
            "dz",
            self.diseases.as_ref().map(|d| {
                if d.is_empty() {
                    "none".into()
                } else {
                    d.join(".")
                }
            }),
        );
        parts.join("&")
    }

    /// The address of the current screen alone (`s=review`): the answers never go in the address.
    pub fn step_fragment(&self) -> String {
        let step = if self.step.is_empty() {
            STEPS[0]
        } else {
            &self.step
        };
        fragment::join([("s", step.to_string())])
    }

    /// Whether any question has been answered.
    pub fn has_answers(&self) -> bool {
        self != &Self {
            step: self.step.clone(),
            ..Default::default()
        }
    }

    /// Reads a fragment (or the history entry's state, which uses the same form); anything unknown is
    /// ignored.
    pub fn from_fragment(fragment: &str) -> Self {
        let mut s = Self {
            step: STEPS[0].into(),
            ..Default::default()
        };
        for (k, v) in fragment::pairs(fragment) {
            let ok = |v: &str| {
                v.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-' || b == b'.')
            };
            if !ok(v) {
                continue;
            }
            let b = match v {
                "1" => Some(true),
                "0" => Some(false),
                _ => None,
            };
            match &*k {
                "s" if STEPS.contains(&v) => s.step = v.into(),
                "a" => s.area = Some(v.into()),
                "c" => s.category = Some(v.into()),
                "age" => s.age = age(v),
                "ins" => s.insured = b,
                "dis" => s.disability = b,
                "preg" => s.pregnant = b,
                "ill" => s.illness = b,
                "dz" => {
                    s.diseases = Some(if v == "none" {
                        Vec::new()
                    } else {
                        v.split('.')
                            .filter(|x| !x.is_empty())
                            .map(String::from)
                            .collect()
                    })
                }
                _ => {}
            }
        }
        s
    }

    /// The person for the rules (unanswered yes/no questions count as no).
    pub fn person(&self) -> Person {
        Person {
            area: self.area.clone().unwrap_or_default(),
            category: self.category.clone().unwrap_or_default(),
            age: self.age,
            insured: self.insured.unwrap_or(false),
            disability: self.disability.unwrap_or(false),
            pregnant: self.pregnant.unwrap_or(false),
            long_term_illness: self.illness.unwrap_or(false),
            diseases: self.diseases.clone().unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_ignores_junk() {
        let s = CheckState {
            step: "review".into(),
            area: Some("meishan".into()),
            category: Some("poverty_registered".into()),
            age: Some(5),
            insured: Some(true),
            disability: Some(true),
            pregnant: Some(false),
            illness: None,
            diseases: Some(vec!["echinococcosis".into(), "kbd".into()]),
        };
        let f = s.to_fragment();
        assert_eq!(f, "s=review&a=meishan&c=poverty_registered&age=5&ins=1&dis=1&preg=0&dz=echinococcosis.kbd");
        assert_eq!(CheckState::from_fragment(&format!("#{f}")), s);
        let junk = CheckState::from_fragment("#s=nowhere&a=<script>&age=999&ins=maybe");
        assert_eq!(
            junk,
            CheckState {
                step: "area".into(),
                ..Default::default()
            }
        );
        assert_eq!(CheckState::from_fragment("dz=none").diseases, Some(vec![]));
    }
}
