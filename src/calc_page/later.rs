//! What follows a keystroke: the details of the settled year once the browser has painted it, and the
//! part computed once typing pauses (its code in the chunk loaded at idle: `components::LaterCode`).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::el::{self, el, find};
use super::{result, with, Calc, PAUSE_MS, RESULT};
use crate::calc_adapter::{Outcome, Settled};

/// The details of the settled year, brought up to date once the browser has painted the keystroke (the
/// amount is all the keystroke waits for); until then the last ones stay, marked busy. At once (`now`)
/// for a scenario the page opened with from a link, and taken away at once when the form gives no year
/// (a total cleared: the last year's steps had stayed a frame under the notice, the page jumping twice).
pub(super) fn details_soon(now: bool) {
    let now = now || with(|c| !matches!(c.outcome, Outcome::Settled(_))).unwrap_or(false);
    let due = with(|c| {
        c.details_due = c.details_due.wrapping_add(1);
        c.details_due
    });
    let Some(due) = due else { return };
    let fresh = with(|c| details_fresh(c)).unwrap_or(true);
    mark_busy(fresh);
    if fresh {
        return;
    }
    let draw = move || {
        if with(|c| c.details_due) == Some(due) {
            draw_details();
        }
    };
    if now {
        draw();
    } else {
        crate::dom::after_paint(draw);
    }
}

/// Whether the details drawn are those of the current outcome (nothing to draw counts as drawn).
pub(super) fn details_fresh(c: &Calc) -> bool {
    match &c.outcome {
        Outcome::Settled(b) => c
            .details_for
            .as_ref()
            .is_some_and(|(s, g)| *s == b.0 && *g == b.2),
        _ => c.details_for.is_none(),
    }
}

/// Marks the details busy while they are not the current outcome's.
pub(super) fn mark_busy(fresh: bool) {
    if let Some(d) = find(".calc-result > .calc-details") {
        el::set_attr(&d, "aria-busy", Some(if fresh { "false" } else { "true" }));
    }
}

/// Draws the details of the current outcome (none for an outcome without an amount).
pub(super) fn draw_details() {
    let Some(section) = find(RESULT) else {
        return;
    };
    let url = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    with(|c| {
        let settled = c.outcome.settled();
        let qr = settled
            .as_ref()
            .and_then(|b| c.later.as_ref().filter(|l| l.is_for(&b.0, &b.2)))
            .map(|l| l.qr.clone())
            .unwrap_or_default();
        let fresh = el("div").class("calc-details").attr("aria-busy", "false");
        let fresh = match &settled {
            Some(b) => fresh.children(result::details(&b.0, &b.1, &b.2, &url, &qr)),
            None => fresh,
        };
        match section
            .query_selector(":scope > .calc-details")
            .ok()
            .flatten()
        {
            // Only what changed (the result is a live region).
            Some(old) => el::show_in_place(&old, &fresh.0),
            None => {
                let _ = section.append_child(&fresh.0);
            }
        }
        c.details_for = settled.map(|b| (b.0, b.2));
    });
}

/// The later part: at once for a scenario opened from a link (nobody is typing), else after a pause in
/// typing; its code loaded once the page is idle, or now.
pub(super) fn later_soon(now: bool) {
    let Some(w) = web_sys::window() else {
        return;
    };
    let settled = with(|c| {
        if let Some(t) = c.pause.take() {
            w.clear_timeout_with_handle(t);
        }
        c.outcome.settled()
    })
    .flatten();
    let fresh = with(|c| later_fresh(c)).unwrap_or(false);
    show_later(fresh);
    let Some(b) = settled else {
        return;
    };
    if fresh {
        return;
    }
    if now {
        bring_up(b);
        return;
    }
    let pause = Closure::once_into_js(move || bring_up(b));
    let t = w
        .set_timeout_with_callback_and_timeout_and_arguments_0(pause.unchecked_ref(), PAUSE_MS)
        .ok();
    with(|c| c.pause = t);
}

/// Whether the later part shown is the current outcome's.
pub(super) fn later_fresh(c: &Calc) -> bool {
    match &c.outcome {
        Outcome::Settled(b) => c.later.as_ref().is_some_and(|l| l.is_for(&b.0, &b.2)),
        _ => false,
    }
}

/// Computes the later part of `settled` (its code loaded first) and shows it if the page still shows that
/// settlement.
pub(super) fn bring_up(settled: Settled) {
    let Some(load) = with(|c| c.later_code) else {
        return;
    };
    let url = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    wasm_bindgen_futures::spawn_local(async move {
        // Without its code (offline, never kept), the later part is left out.
        let Ok(code) = crate::lazy::load(load).await else {
            return;
        };
        let (scenario, _, guessed) = *settled;
        let shown = with(|c| {
            let current =
                matches!(&c.outcome, Outcome::Settled(b) if b.0 == scenario && b.2 == guessed);
            if current {
                let mut l = (code.later)(&mut c.memo, &scenario, &url);
                l.guessed.clone_from(&guessed);
                // The handout's code, under the amount.
                if let Some(box_) = find(".calc-details .calc-print-qr") {
                    box_.set_inner_html(&l.qr);
                }
                c.later = Some(l);
            }
            c.later_show = Some(code.show);
            current
        });
        if shown == Some(true) {
            show_later(true);
        }
    });
}

/// Shows the later part (the comparison and the curve), dimmed while it is not the current outcome's, or
/// none while the form gives no amount (once its code has come: before, there is none to show).
pub(super) fn show_later(fresh: bool) {
    let Some(page) = find(".page.calc") else {
        return;
    };
    with(|c| {
        if let Some(show) = c.later_show {
            let settled = matches!(c.outcome, Outcome::Settled(_));
            show(&page, c.later.as_ref().filter(|_| settled), fresh);
        }
    });
}
