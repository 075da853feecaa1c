//! Scoring the official self-check forms of 县委办发〔2018〕83号 (`content/forms/*.toml`): the total, the grade
//! where the form defines one (a veto sets it directly), and what lost points with what to fix.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::data::form::{Form, Indicator, Kind};
use crate::data::Citation;

pub(crate) static FORMS: OnceLock<Vec<Form>> = OnceLock::new();

/// All forms, by id (`baozhua`, `wudu`).
pub fn forms() -> &'static [Form] {
    crate::store::get(&FORMS, crate::store::Part::Forms).as_slice()
}

/// The form with `id`.
pub fn form(id: &str) -> Option<&'static Form> {
    forms().iter().find(|f| f.id == id)
}

/// The answer to one indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// 是.
    Yes,
    /// 否.
    No,
    /// The form's own "no task, full points" case (only where the indicator has `exempt`).
    Exempt,
    /// A partial score (only for `partial` indicators), 0 up to the indicator's points.
    Score(u32),
}

/// One indicator that lost points.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LostItem {
    /// Indicator id.
    pub indicator: String,
    /// 考核内容 of its item.
    pub item: String,
    /// 考核指标, verbatim.
    pub text: String,
    /// Points lost.
    pub points_lost: u32,
    /// It is a veto answered 是 (the grade is set directly).
    pub veto: bool,
    /// What to fix, in plain words.
    pub fix: String,
    /// The form's row.
    pub source: Citation,
    /// The policy clause the indicator checks, if any.
    pub basis: Option<Citation>,
}

/// A scored form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormResult {
    /// Form id.
    pub form: String,
    /// Points earned.
    pub total: u32,
    /// The form's own total (100 or 95).
    pub max: u32,
    /// The grade, where the form defines one (or a veto set it).
    pub grade: Option<String>,
    /// A veto indicator was answered 是.
    pub vetoed: bool,
    /// Indicators that lost points, in form order.
    pub lost: Vec<LostItem>,
    /// Indicators not answered yet (they earn nothing and are not listed in `lost`).
    pub unanswered: Vec<String>,
}

/// An answer the form does not allow.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScoreError {
    /// No indicator with this id in the form.
    UnknownIndicator(String),
    /// This kind of answer is not allowed for the indicator.
    NotAllowed {
        /// Indicator id.
        indicator: String,
        /// The answer given.
        answer: Answer,
    },
    /// A partial score above the indicator's points.
    OverMax {
        /// Indicator id.
        indicator: String,
        /// The score given.
        score: u32,
        /// The indicator's points.
        max: u32,
    },
}

impl fmt::Display for ScoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnknownIndicator(id) => write!(f, "表中没有第 {id} 项"),
            Self::NotAllowed { indicator, answer } => {
                write!(f, "第 {indicator} 项不能这样回答：{answer:?}")
            }
            Self::OverMax {
                indicator,
                score,
                max,
            } => write!(f, "第 {indicator} 项最多 {max} 分，填了 {score} 分"),
        }
    }
}

impl std::error::Error for ScoreError {}

/// Points earned for one answer, and whether it is a veto.
fn earned(ind: &Indicator, answer: Answer) -> Result<(u32, bool), ScoreError> {
    let not_allowed = || ScoreError::NotAllowed {
        indicator: ind.id.clone(),
        answer,
    };
    match (ind.kind, answer) {
        (Kind::YesGains, Answer::Yes) | (Kind::YesLoses | Kind::Veto, Answer::No) => {
            Ok((ind.points, false))
        }
        (Kind::YesGains, Answer::No) | (Kind::YesLoses, Answer::Yes) => Ok((0, false)),
        (Kind::Veto, Answer::Yes) => Ok((0, true)),
        (Kind::YesGains, Answer::Exempt) if ind.exempt.is_some() => Ok((ind.points, false)),
        (Kind::Partial, Answer::Yes) => Ok((ind.points, false)),
        (Kind::Partial, Answer::No) => Ok((0, false)),
        (Kind::Partial, Answer::Score(s)) if s <= ind.points => Ok((s, false)),
        (Kind::Partial, Answer::Score(s)) => Err(ScoreError::OverMax {
            indicator: ind.id.clone(),
            score: s,
            max: ind.points,
        }),
        _ => Err(not_allowed()),
    }
}

/// Scores `form` for `answers` (indicator id → answer). Unanswered indicators earn nothing and are listed.
pub fn score(form: &Form, answers: &BTreeMap<String, Answer>) -> Result<FormResult, ScoreError> {
    if let Some(id) = answers
        .keys()
        .find(|id| !form.indicators().any(|i| &i.id == *id))
    {
        return Err(ScoreError::UnknownIndicator(id.clone()));
    }
    let mut result = FormResult {
        form: form.id.clone(),
        total: 0,
        max: form.total_points,
        grade: None,
        vetoed: false,
        lost: Vec::new(),
        unanswered: Vec::new(),
    };
    for item in &form.items {
        for ind in &item.indicators {
            let Some(&answer) = answers.get(&ind.id) else {
                result.unanswered.push(ind.id.clone());
                continue;
            };
            let (points, veto) = earned(ind, answer)?;
            result.total += points;
            result.vetoed |= veto;
            if points < ind.points {
                result.lost.push(LostItem {
                    indicator: ind.id.clone(),
                    item: item.name.clone(),
                    text: ind.text.clone(),
                    points_lost: ind.points - points,
                    veto,
                    fix: ind.fix.clone(),
                    source: form.row_source(ind),
                    basis: ind.basis.clone(),
                });
            }
        }
    }
    result.grade = if result.vetoed {
        form.veto_grade.clone()
    } else {
        form.grades
            .iter()
            .find(|g| result.total >= g.min)
            .map(|g| g.name.clone())
    };
    Ok(result)
}
