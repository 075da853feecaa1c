//! The shape of `content/quiz.toml`: the policy-awareness quiz (政策知晓率), each question with its
//! choices, answer, plain explanation and clause.

use serde::{Deserialize, Serialize};

use super::citation::{unique_ids, Citation, Cited, DataError, Library};

/// The whole quiz.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quiz {
    /// Title shown above the quiz.
    pub title: String,
    /// The documents' awareness target, in percent (95).
    pub target_percent: u32,
    /// Where the target is set.
    pub target_source: Citation,
    /// The questions, in order.
    #[serde(rename = "question")]
    pub questions: Vec<Question>,
}

/// One question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable id.
    pub id: String,
    /// Which area's policy it is about (`huining`, `meishan`, `dezhou`).
    pub area: String,
    /// The question.
    pub question: String,
    /// The choices, in order.
    pub choices: Vec<String>,
    /// Index of the right choice.
    pub answer: usize,
    /// Why, in plain Chinese.
    pub explanation: String,
    /// The clause that says so; its quote contains the answer.
    pub source: Citation,
    /// The words of the quote that give the answer, when the right choice is not copied from it word for word.
    #[serde(default)]
    pub key: Option<String>,
}

/// Whitespace-free copy of `s`, for comparing quotes.
pub fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

impl Question {
    /// The words that must appear in the quote: `key`, or else the right choice.
    pub fn answer_words(&self) -> &str {
        self.key.as_deref().unwrap_or(&self.choices[self.answer])
    }
}

/// The areas a question may be about.
pub const QUIZ_AREAS: [&str; 3] = ["huining", "meishan", "dezhou"];

impl Quiz {
    /// Checks ids, that every answer indexes a choice, choices are distinct, and citations are well formed.
    pub fn validate(&self, lib: &Library) -> Result<(), DataError> {
        self.target_source.validate(lib, "quiz target")?;
        if self.target_percent == 0 || self.target_percent > 100 {
            return Err(DataError::new("quiz", "target_percent must be 1..=100"));
        }
        unique_ids("quiz", self.questions.iter().map(|q| q.id.as_str()))?;
        for q in &self.questions {
            let what = format!("question {}", q.id);
            if q.choices.len() < 2 {
                return Err(DataError::new(&what, "needs at least two choices"));
            }
            if q.answer >= q.choices.len() {
                return Err(DataError::new(
                    &what,
                    format!(
                        "answer {} is out of range (0..{})",
                        q.answer,
                        q.choices.len()
                    ),
                ));
            }
            let mut seen = std::collections::BTreeSet::new();
            if !q.choices.iter().all(|c| seen.insert(c.as_str())) {
                return Err(DataError::new(&what, "two choices are the same"));
            }
            if !QUIZ_AREAS.contains(&q.area.as_str()) {
                return Err(DataError::new(&what, format!("unknown area {:?}", q.area)));
            }
            if q.explanation.trim().is_empty() || q.question.trim().is_empty() {
                return Err(DataError::new(&what, "needs a question and an explanation"));
            }
            q.source.validate(lib, &what)?;
            if !squash(&q.source.quote).contains(&squash(q.answer_words())) {
                return Err(DataError::new(
                    &what,
                    format!(
                        "the quote does not contain the answer {:?} (set key)",
                        q.answer_words()
                    ),
                ));
            }
        }
        Ok(())
    }
}
