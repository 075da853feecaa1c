//! What the calculator's form gives: nothing yet, visits still to fill in, fields to fix, or a settled
//! year (`crate::calc_page` shows it).

use policy_engine::form::CalcForm;
use policy_engine::{settle, Scenario, YearResult};

use super::{blank_visits, compliant_guessed, scenario, FieldError};

/// What the result says while some amounts must be fixed (each is marked beside its field).
pub const FIX_FIELDS: &str = "有几处金额需要改正，请看上面标红的地方。";

/// What the result says while every field to fix is an amount still being typed (`12,` on the way to
/// `12,000`): nothing is wrong yet.
pub const STILL_TYPING: &str = "金额还没写完，写完后结果会马上显示在这里。";

/// What the form currently gives.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// No amount filled in yet (the page shows the build's worked example).
    Empty,
    /// Some visits (1-based) have no total yet, others have: the result waits for them.
    Unfilled(Vec<usize>),
    /// Fields to fix.
    Errors(Vec<FieldError>),
    /// The settled year, and which visits' compliant cost was left blank.
    Settled(Settled),
    /// The engine refused (should not happen after the form's own checks).
    Failed(String),
}

/// A settled year: the scenario, the engine's result, and which visits' compliant cost was left blank.
pub type Settled = Box<(Scenario, YearResult, Vec<bool>)>;

impl Outcome {
    /// What `form` gives: the engine settles it when every visit has its total and every field reads.
    pub fn of(form: &CalcForm) -> Outcome {
        let blank = blank_visits(form);
        if blank.len() == form.visits.len() {
            return Outcome::Empty;
        }
        if !blank.is_empty() {
            return Outcome::Unfilled(blank);
        }
        match scenario(form) {
            Err(errors) => Outcome::Errors(errors),
            Ok(s) => match settle(&s) {
                Ok(r) => Outcome::Settled(Box::new((s, r, compliant_guessed(form)))),
                Err(e) => Outcome::Failed(e.to_string()),
            },
        }
    }

    /// Whether a changed number (假设的数字) is among the fields to fix.
    pub fn refuses_assumption(&self) -> bool {
        matches!(self, Outcome::Errors(es) if es.iter().any(|e| e.visit.is_none()))
    }

    /// The settled year, if the form gives one.
    pub fn settled(&self) -> Option<Settled> {
        match self {
            Outcome::Settled(b) => Some(b.clone()),
            _ => None,
        }
    }

    /// Whether its notice is announced at once (`role="alert"`): fields to fix and a refusal; a visit not
    /// filled in or an amount still being typed is only said.
    pub fn alerts(&self) -> bool {
        match self {
            Outcome::Errors(es) => es.iter().any(|e| e.wrong()),
            Outcome::Failed(_) => true,
            _ => false,
        }
    }

    /// What the result says in place of an amount: for visits not filled in yet (which, by number), for
    /// fields to fix, or the engine's refusal; `None` when there is an amount, or nothing at all yet.
    pub fn notice(&self) -> Option<String> {
        match self {
            Outcome::Empty | Outcome::Settled(_) => None,
            Outcome::Unfilled(blank) => {
                let which = blank
                    .iter()
                    .map(|n| format!("第 {n} 次"))
                    .collect::<Vec<_>>()
                    .join("、");
                Some(format!(
                    "{which}就诊还没填“医疗总费用”。填上后，全年的结果会马上显示在这里。"
                ))
            }
            Outcome::Errors(_) if !self.alerts() => Some(STILL_TYPING.to_string()),
            Outcome::Errors(_) => Some(FIX_FIELDS.to_string()),
            Outcome::Failed(msg) => Some(msg.clone()),
        }
    }
}
