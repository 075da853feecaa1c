//! What the calculator's form gives (nothing yet, fields to fix, a settled year), and the settled year's
//! details brought up to date after the keystroke's paint.

use leptos::prelude::*;
use policy_engine::{Scenario, YearResult};

use crate::calc_adapter::FieldError;

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
pub(super) type Settled = Box<(Scenario, YearResult, Vec<bool>)>;

impl Outcome {
    /// The settled year, if the form gives one.
    pub(super) fn settled(&self) -> Option<Settled> {
        match self {
            Outcome::Settled(b) => Some(b.clone()),
            _ => None,
        }
    }
}

/// Below the headline: the details of the settled year, brought up to date once the browser has
/// painted the keystroke (the headline is all the keystroke waits for); until then the last ones stay,
/// marked busy, so the page does not jump. A scenario the page opened with from a link is drawn at once;
/// one `typing` before the app started (the build's form) is drawn as after a keystroke.
/// Returns the details to draw and whether they are those of the current outcome.
pub(super) fn later_details(
    outcome: Memo<Outcome>,
    typing: bool,
) -> (RwSignal<Option<Settled>>, Signal<bool>) {
    let details = RwSignal::new(if typing {
        None
    } else {
        outcome.with_untracked(Outcome::settled)
    });
    let details_due = StoredValue::new(0_u32);
    Effect::new(move |_| {
        let due = details_due.get_value().wrapping_add(1);
        details_due.set_value(due);
        let now = outcome.with(Outcome::settled);
        let same = |d: &Option<Settled>| match (d, &now) {
            (Some(d), Some(n)) => d.0 == n.0,
            (None, None) => true,
            _ => false,
        };
        if details.with_untracked(same) {
            return;
        }
        if now.is_none() {
            details.set(None);
            return;
        }
        crate::dom::after_paint(move || {
            if details_due.get_value() == due {
                details.set(outcome.with_untracked(Outcome::settled));
            }
        });
    });
    let details_fresh = Signal::derive(move || {
        outcome.with(|o| match o {
            Outcome::Settled(b) => details.with(|d| d.as_ref().is_some_and(|d| d.0 == b.0)),
            _ => true,
        })
    });
    (details, details_fresh)
}
