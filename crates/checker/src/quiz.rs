//! Scoring the policy-awareness quiz (`content/quiz.toml`) against the documents' 95% 知晓率 target.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::data::quiz::{Question, Quiz};
use crate::data::Citation;

pub(crate) static QUIZ: OnceLock<Quiz> = OnceLock::new();

/// The quiz.
pub fn quiz() -> &'static Quiz {
    crate::store::get(&QUIZ, crate::store::Part::Quiz)
}

/// One question, marked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Marked {
    /// Question id.
    pub id: String,
    /// The choice given, if any.
    pub chosen: Option<usize>,
    /// The right choice.
    pub answer: usize,
    /// Whether the choice given is right.
    pub correct: bool,
    /// Why, in plain Chinese.
    pub explanation: String,
    /// The clause.
    pub source: Citation,
}

/// The quiz's score.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizResult {
    /// Right answers.
    pub correct: usize,
    /// Questions asked.
    pub total: usize,
    /// Questions answered.
    pub answered: usize,
    /// Right answers in percent of the questions answered, rounded down (0 when none is).
    pub answered_percent: u32,
    /// Right answers in percent, rounded down.
    pub percent: u32,
    /// The documents' target (95).
    pub target_percent: u32,
    /// `percent` reaches the target.
    pub meets_target: bool,
    /// Every question, in order.
    pub questions: Vec<Marked>,
}

/// An answer the quiz does not have.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QuizError {
    /// No question with this id.
    UnknownQuestion(String),
    /// The choice index is past the question's choices.
    NoSuchChoice {
        /// Question id.
        question: String,
        /// The index given.
        choice: usize,
    },
}

impl fmt::Display for QuizError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnknownQuestion(q) => write!(f, "没有这道题：{q}"),
            Self::NoSuchChoice { question, choice } => {
                write!(f, "第 {question} 题没有第 {} 个选项", choice + 1)
            }
        }
    }
}

impl std::error::Error for QuizError {}

/// Marks `answers` (question id → chosen index) against `quiz`; an unanswered question counts as wrong in
/// `percent` (of all questions) and not at all in `answered_percent`.
pub fn score_quiz(quiz: &Quiz, answers: &BTreeMap<String, usize>) -> Result<QuizResult, QuizError> {
    score_quiz_in(quiz, answers, None)
}

/// The quiz regions a person can filter by: (id, label); the id is a question's `area`, or `all`.
pub const REGIONS: [(&str, &str); 4] = [
    ("huining", "会宁/甘肃"),
    ("meishan", "眉山"),
    ("dezhou", "德州"),
    ("all", "全部"),
];

/// Whether question area `area` is shown under region filter `region` (`all`, or an area id).
pub fn in_region(area: &str, region: &str) -> bool {
    region == "all" || area == region
}

/// The questions shown under region filter `region`, in order.
pub fn questions_in<'a>(quiz: &'a Quiz, region: &'a str) -> impl Iterator<Item = &'a Question> {
    quiz.questions
        .iter()
        .filter(move |q| in_region(&q.area, region))
}

/// [`score_quiz`] over the questions of one region only (`None` or `all`: every question); answers to
/// questions outside it are checked but not counted.
pub fn score_quiz_in(
    quiz: &Quiz,
    answers: &BTreeMap<String, usize>,
    region: Option<&str>,
) -> Result<QuizResult, QuizError> {
    let region = region.unwrap_or("all");
    for (id, &choice) in answers {
        let q = quiz
            .questions
            .iter()
            .find(|q| &q.id == id)
            .ok_or_else(|| QuizError::UnknownQuestion(id.clone()))?;
        if choice >= q.choices.len() {
            return Err(QuizError::NoSuchChoice {
                question: id.clone(),
                choice,
            });
        }
    }
    let questions: Vec<Marked> = questions_in(quiz, region)
        .map(|q| {
            let chosen = answers.get(&q.id).copied();
            Marked {
                id: q.id.clone(),
                chosen,
                answer: q.answer,
                correct: chosen == Some(q.answer),
                explanation: q.explanation.clone(),
                source: q.source.clone(),
            }
        })
        .collect();
    let correct = questions.iter().filter(|m| m.correct).count();
    let total = questions.len();
    let answered = questions.iter().filter(|m| m.chosen.is_some()).count();
    let pct = |n: usize| u32::try_from((correct * 100).checked_div(n).unwrap_or(0)).unwrap_or(100);
    let percent = pct(total);
    Ok(QuizResult {
        correct,
        total,
        answered,
        answered_percent: pct(answered),
        percent,
        target_percent: quiz.target_percent,
        meets_target: percent >= quiz.target_percent,
        questions,
    })
}
