//! The settled year's details brought up to date after the keystroke's paint (what the form gives is
//! `crate::calc_adapter::Outcome`).

use crate::calc_adapter::{Outcome, Settled};
use leptos::prelude::*;

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
            // The same scenario with a compliant cost typed instead of left to the estimate (or the
            // other way) says otherwise under its visit: drawn again.
            (Some(d), Some(n)) => d.0 == n.0 && d.2 == n.2,
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
            Outcome::Settled(b) => {
                details.with(|d| d.as_ref().is_some_and(|d| d.0 == b.0 && d.2 == b.2))
            }
            _ => true,
        })
    });
    (details, details_fresh)
}
