//! Scoring the official self-check forms of 县委办发〔2018〕83号 (`content/forms/*.toml`): the total, the grade
//! where the form defines one (a veto sets it directly), and what lost points with what to fix.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::data::form::{Form, Indicator, Kind};
use crate::data::Citation;
use crate::points::Points;

pub(crate) static FORMS: OnceLock<Vec<Form>> = OnceLock::new();

/// All forms, by id (`baozhua`, `wudu`).
pub fn forms() -> &'static [Form] {
    crate::store::get(&FORMS, crate::store::Part::Forms).as_slice()
}

/// The form with `id`.
pub fn form(id: &str) -> Option<&'static Form> {
    forms().iter().find(|f| f.id == id)
}

/// The words of [`Answer::Exempt`].
pub const EXEMPT: &str = "不适用";

/// The answer to one indicator.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// 是.
    Yes,
    /// 否.
    No,
    /// The form's own "no task, full points" case (only where the indicator has `exempt`).
    Exempt,
    /// A partial score (only for `partial` indicators), 0 up to the indicator's points, to the half point.
    Score(Points),
    /// What was typed in a partial score's box, or given in a link, that is none of the above: kept as
    /// given, so the page can show it and say why it is not scored.
    Typed(String),
}

impl Answer {
    /// A partial score's box as typed: empty is no answer, a number of points (whole or with a half, 2.5)
    /// is a [`Answer::Score`], anything else is kept as [`Answer::Typed`] (scoring says why it is not
    /// taken). Full-width forms are read as the ASCII they stand for ([`policy_content::width`]): `３`
    /// from a Chinese input method is 3.
    pub fn typed(input: &str) -> Option<Self> {
        let t = policy_content::width::halve(input.trim());
        let t = t.trim();
        if t.is_empty() {
            return None;
        }
        Some(match Points::parse(t) {
            Some(s) => Self::Score(s),
            None => Self::Typed(t.to_string()),
        })
    }

    /// The answer in a person's words, as the page offers it.
    fn words(&self) -> String {
        match self {
            Self::Yes => "是".into(),
            Self::No => "否".into(),
            Self::Exempt => EXEMPT.into(),
            Self::Score(s) => format!("{s} 分"),
            Self::Typed(t) => t.clone(),
        }
    }
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
    pub points_lost: Points,
    /// It is a veto answered 是 (the grade is set directly).
    pub veto: bool,
    /// What to fix, in plain words.
    pub fix: String,
    /// The form's row.
    pub source: Citation,
    /// The policy clause the indicator checks, if any.
    pub basis: Option<Citation>,
    /// 问责主体, where the form has that column (its merged cells filled from above).
    pub accountable: Option<String>,
}

/// A scored form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormResult {
    /// Form id.
    pub form: String,
    /// Points earned.
    pub total: Points,
    /// The form's own total (100 or 95).
    pub max: u32,
    /// The grade, where the form defines one (or a veto set it).
    pub grade: Option<String>,
    /// A veto indicator was answered 是.
    pub vetoed: bool,
    /// Indicators that lost points, in form order.
    pub lost: Vec<LostItem>,
    /// Indicators not answered yet, or answered with an answer the form cannot take (they earn nothing
    /// and are not listed in `lost`).
    pub unanswered: Vec<String>,
    /// The answers not taken, each with why, in form order (unknown indicators last).
    pub refused: Vec<ScoreError>,
}

/// An answer the form does not allow (it is not scored).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ScoreError {
    /// No indicator with this id in the form.
    UnknownIndicator(String),
    /// This kind of answer is not one the indicator offers.
    NotAllowed {
        /// Indicator id.
        indicator: String,
        /// The answer given.
        answer: Answer,
        /// What the indicator offers, in its own words (“是”或“否（失分）”…).
        allowed: String,
    },
    /// A partial score that is not a number of points (to the half point) from 0 to the indicator's.
    BadScore {
        /// Indicator id.
        indicator: String,
        /// The score as given.
        given: String,
        /// The indicator's points.
        max: u32,
    },
}

impl ScoreError {
    /// The indicator the answer was given for.
    pub fn indicator(&self) -> &str {
        match self {
            Self::UnknownIndicator(id)
            | Self::NotAllowed { indicator: id, .. }
            | Self::BadScore { indicator: id, .. } => id,
        }
    }
}

impl fmt::Display for ScoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnknownIndicator(id) => write!(f, "这张表没有第 {id} 项，这个回答没有计分"),
            Self::NotAllowed {
                indicator,
                answer,
                allowed,
            } => write!(
                f,
                "第 {indicator} 项只能选{allowed}；“{}”没有计分",
                answer.words()
            ),
            Self::BadScore {
                indicator,
                given,
                max,
            } => write!(
                f,
                "第 {indicator} 项填 0 到 {max} 分，可以有半分（如 2.5；表上没有写最小到几分，本站按半分计）；“{given}”没有计分"
            ),
        }
    }
}

impl std::error::Error for ScoreError {}

/// What `ind` offers, in the words the page shows: “是”或“否（失分）”, with “不适用” and a score where the
/// form allows them.
fn allowed(ind: &Indicator) -> String {
    let (yes, no) = ind.answer_labels();
    let mut words = format!("“{yes}”");
    let mut or = |w: &str, last: bool| {
        words.push_str(if last { "或" } else { "、" });
        words.push_str(&format!("“{w}”"));
    };
    let exempt = ind.exempt.is_some();
    let partial = ind.kind == Kind::Partial;
    or(no, !exempt && !partial);
    if exempt {
        or(EXEMPT, !partial);
    }
    if partial {
        or(&format!("0 到 {} 分", ind.points), true);
    }
    words
}

/// Points earned for one answer, and whether it is a veto.
fn earned(ind: &Indicator, answer: &Answer) -> Result<(Points, bool), ScoreError> {
    let full = Points::whole(ind.points);
    match (ind.kind, answer) {
        (Kind::YesGains, Answer::Yes) | (Kind::YesLoses | Kind::Veto, Answer::No) => {
            Ok((full, false))
        }
        (Kind::YesGains, Answer::No) | (Kind::YesLoses, Answer::Yes) => {
            Ok((Points::default(), false))
        }
        (Kind::Veto, Answer::Yes) => Ok((Points::default(), true)),
        (Kind::YesGains, Answer::Exempt) if ind.exempt.is_some() => Ok((full, false)),
        (Kind::Partial, Answer::Yes) => Ok((full, false)),
        (Kind::Partial, Answer::No) => Ok((Points::default(), false)),
        (Kind::Partial, Answer::Score(s)) if *s <= full => Ok((*s, false)),
        (Kind::Partial, Answer::Score(_) | Answer::Typed(_)) => Err(ScoreError::BadScore {
            indicator: ind.id.clone(),
            given: match answer {
                Answer::Score(s) => s.to_string(),
                a => a.words(),
            },
            max: ind.points,
        }),
        _ => Err(ScoreError::NotAllowed {
            indicator: ind.id.clone(),
            answer: answer.clone(),
            allowed: allowed(ind),
        }),
    }
}

/// Why `answer` is not one `ind` can take, if it is not (the same judge as [`score`]'s).
pub fn refusal(ind: &Indicator, answer: &Answer) -> Option<ScoreError> {
    earned(ind, answer).err()
}

/// Scores `form` for `answers` (indicator id → answer). Unanswered indicators earn nothing and are listed;
/// an answer the form cannot take earns nothing either and is listed in `refused` with why, and every other
/// answer is scored as usual.
pub fn score(form: &Form, answers: &BTreeMap<String, Answer>) -> FormResult {
    let mut result = FormResult {
        form: form.id.clone(),
        total: Points::default(),
        max: form.total_points,
        grade: None,
        vetoed: false,
        lost: Vec::new(),
        unanswered: Vec::new(),
        refused: Vec::new(),
    };
    for item in &form.items {
        for ind in &item.indicators {
            let Some(answer) = answers.get(&ind.id) else {
                result.unanswered.push(ind.id.clone());
                continue;
            };
            let (points, veto) = match earned(ind, answer) {
                Ok(earned) => earned,
                Err(e) => {
                    result.refused.push(e);
                    result.unanswered.push(ind.id.clone());
                    continue;
                }
            };
            result.total += points;
            result.vetoed |= veto;
            let full = Points::whole(ind.points);
            if points < full {
                result.lost.push(LostItem {
                    indicator: ind.id.clone(),
                    item: item.name.clone(),
                    text: ind.text.clone(),
                    points_lost: full - points,
                    veto,
                    fix: ind.fix.clone(),
                    source: form.row_source(ind),
                    basis: ind.basis.clone(),
                    accountable: ind.accountable.clone(),
                });
            }
        }
    }
    result.refused.extend(
        answers
            .keys()
            .filter(|id| !form.indicators().any(|i| &i.id == *id))
            .map(|id| ScoreError::UnknownIndicator(id.clone())),
    );
    result.grade = if result.vetoed {
        form.veto_grade.clone()
    } else {
        form.grades
            .iter()
            .find(|g| result.total >= Points::whole(g.min))
            .map(|g| g.name.clone())
    };
    result
}
