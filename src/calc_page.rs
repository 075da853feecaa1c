//! `/calc/`: the settlement calculator, without a framework: the build writes the page (the form with one
//! visit, a worked example: `crates/sitegen/templates/calc.html`) and this, in the calc bundle's main
//! module with the engine, makes it the calculator. The whole scenario lives in the URL fragment
//! (shareable, nothing stored or sent). On every change the engine settles the year once and the personal
//! amount shows in the keystroke's own task; who pays what and the steps with their clauses once the
//! browser has painted it; the comparison and the curve ([`LaterCode`], a chunk loaded when the page is
//! idle) once typing pauses ([`PAUSE_MS`]). The page tools (朗读, 二维码, 海报, text size) come with that
//! chunk too.

mod built;
mod el;
mod events;
mod form;
mod later;
mod notes;
mod result;
mod tools;

use std::cell::RefCell;

use policy_engine::deletions::Deletions;
use policy_engine::form::{CalcForm, FromLink, KeptChanges, LinkNotice};
use policy_engine::Scenario;

use crate::calc_adapter::Outcome;
use crate::components::{Later, LaterCode, LaterMemo, ToolsCode};
use crate::lazy::Load;
use built::{typed, unwrap_shell, warm_up};
use el::{all, el, find, flag, show_in_place};
use events::listen;
use later::{details_soon, later_soon};
use tools::live_tools;

/// The id of the calculator's section of assumed numbers (a `<details>`), which a step that used one
/// opens.
pub const ASSUMPTIONS_ID: &str = "assumptions";

/// The id of assumed number `key`'s field in that section, where a step that used it leads.
pub fn assumed_field_id(key: &str) -> String {
    format!("param-{key}")
}

/// The id of the calculator's 撤销删除 button, which takes the focus when a visit is deleted.
pub const UNDO_ID: &str = "undo-delete";

/// How long typing must pause before the comparison and the curve are brought up to date.
pub const PAUSE_MS: i32 = 350;

/// The page's form, and its result section.
const FORM: &str = form::FORM;
const RESULT: &str = "section.calc-result";

/// The calculator's state: the form as typed, what the page has drawn of it, and what is still to come.
struct Calc {
    /// The form as typed (or opened from a link).
    form: CalcForm,
    /// The changed numbers of the regions not shown, back when their region is chosen again.
    kept: KeptChanges,
    /// The visits deleted (撤销删除 puts the last back).
    deleted: Deletions,
    /// What the link the page was opened with said (empty once put away).
    notices: Vec<LinkNotice>,
    /// A link with something to say keeps its address until the person changes the form: shared on (the
    /// QR code, the poster, a reload), it says the same again.
    keep_address: bool,
    /// What the form gives.
    outcome: Outcome,
    /// For each visit, whether a wrong paid amount has opened its section (it never closes by itself).
    paid_open: Vec<bool>,
    /// The settlement whose details are drawn (its scenario, and which compliant costs were left blank).
    details_for: Option<(Scenario, Vec<bool>)>,
    /// How many times the details have been asked for: only the last asking draws them.
    details_due: u32,
    /// The part computed after the pause, once computed.
    later: Option<Later>,
    /// What the later part has computed this visit (typing back and forth costs nothing the second time).
    memo: LaterMemo,
    /// The timer that brings the later part once typing pauses.
    pause: Option<i32>,
    /// Loads the later part's code.
    later_code: Load<LaterCode>,
    /// The build's worked example, shown (under the prompt to type) while the form is empty.
    example: Option<web_sys::Element>,
    /// Shows the later part (`LaterCode::show`), once its code has come.
    later_show: Option<fn(&web_sys::Element, Option<&Later>, bool)>,
}

thread_local! {
    static CALC: RefCell<Option<Calc>> = const { RefCell::new(None) };
}

/// Runs `f` on the state, if the calculator has started.
fn with<T>(f: impl FnOnce(&mut Calc) -> T) -> Option<T> {
    CALC.with(|c| c.try_borrow_mut().ok()?.as_mut().map(f))
}

/// Whether the page is being drawn now: an event the drawing itself set off (a field removed while it had
/// the focus says `change`) is handled after it ([`events`]).
fn drawing() -> bool {
    CALC.with(|c| c.try_borrow_mut().is_err())
}

/// The address bar's fragment exactly as the browser gives it (never decoded as a whole).
fn address_fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The scenario in the address bar, and what in it was not taken as it stood.
fn read_fragment() -> Option<FromLink> {
    CalcForm::from_fragment(&address_fragment())
}

/// Makes the build's page the calculator: what is typed into it (also before this ran), opened from its
/// address or a link followed later, settled and shown. `later_code` and `tools_code` load the chunk with
/// the comparison and curve and the page tools.
pub fn start(later_code: Load<LaterCode>, tools_code: Load<ToolsCode>) {
    let Some(built) = find(FORM) else {
        return;
    };
    // Left for a step's clause and come Back (the page loaded again): where the person was, read before
    // the address is written back (which empties the entry's state).
    let left = crate::left_place::left();
    crate::left_place::keep_when_left(|_| Some(js_sys::Object::new()));
    let opened = read_fragment();
    // What was entered into the build's form before this ran: kept, as after a keystroke.
    let typed = opened.is_none().then(typed).flatten();
    let typing = typed.is_some();
    let (form, notices) = match (opened, typed) {
        (Some(l), _) => (l.form, l.notices),
        (None, Some(f)) => (f, Vec::new()),
        (None, None) => (CalcForm::default(), Vec::new()),
    };
    let keep_address = !notices.is_empty();
    form::ready(&built);
    unwrap_shell();
    CALC.with(|c| {
        *c.borrow_mut() = Some(Calc {
            outcome: Outcome::of(&form),
            form,
            kept: KeptChanges::new(),
            deleted: Deletions::default(),
            notices,
            keep_address,
            paid_open: Vec::new(),
            details_for: None,
            details_due: 0,
            later: None,
            memo: LaterMemo::default(),
            pause: None,
            later_code,
            later_show: None,
            example: find(".calc-example"),
        })
    });
    let assumption_wrong = with(|c| c.outcome.refuses_assumption()).unwrap_or(false);
    // A changed number refused in a link opens 假设的数字, to show it where the result points.
    if assumption_wrong {
        crate::dom::open_details(ASSUMPTIONS_ID);
    }
    listen(&built);
    changed(!typing);
    // A live region from now on: what the page opened with (a link's answer) is not announced as a change.
    if let Some(section) = find(RESULT) {
        let _ = section.set_attribute("aria-live", "polite");
    }
    // Nothing to show yet: the result's code readied before the first keystroke, once painted.
    if with(|c| matches!(c.outcome, Outcome::Empty)) == Some(true) {
        crate::dom::after_paint(warm_up);
    }
    crate::left_place::return_to(left);
    // The later part's code (and the page tools'), loaded once the page is idle even if nobody types. It
    // also makes the worked example, shown while the form is empty, print as a handout whose QR code and
    // address open the example.
    let example = with(|c| c.example.clone()).flatten();
    live_tools(later_code, tools_code);
    crate::lazy::prefetch(later_code, move |code| {
        (code.tools)(tools_code);
        if let Some(e) = example {
            (code.example_handout)(e);
        }
    });
    crate::dom::mark("zct-answering");
    crate::dom::mark("zct-mounted");
}

/// The form changed (or the page opened): the address written (not a link's with something to say, until
/// the form changes), the year settled, and the page drawn again; the details and the later part at once
/// when nobody is typing (`at_once`: a link opened), else after the paint and the pause.
fn changed(at_once: bool) {
    let Some(page) = find(".page.calc") else {
        return;
    };
    with(|c| {
        if !c.keep_address {
            crate::dom::set_fragment(&c.form.to_fragment(), false, &wasm_bindgen::JsValue::NULL);
            address_changed();
        }
        c.keep_address = false;
        // The benchmark reads `zct-settle`: the form read and the year settled.
        c.outcome = crate::dom::timed("zct-settle", || Outcome::of(&c.form));
        if let Some(built) = page.query_selector(FORM).ok().flatten() {
            let errors = match &c.outcome {
                Outcome::Errors(e) => e.as_slice(),
                _ => &[],
            };
            form::show(&built, &c.form, errors, &mut c.paid_open);
            form::show_undo(
                &built,
                c.deleted.next_back(&c.form),
                c.deleted.done(&c.form).map(ToString::to_string),
            );
        }
        draw_notes(c);
        draw_answer(c);
    });
    details_soon(at_once);
    later_soon(at_once);
}

/// Tells the page tools that the address changed (the QR code and the poster carry it).
fn address_changed() {
    if let (Some(w), Ok(e)) = (web_sys::window(), web_sys::Event::new(ADDRESS_CHANGED)) {
        let _ = w.dispatch_event(&e);
    }
}

/// The event the calculator sends when it has written the address (`components::calc_tools` hears it).
pub const ADDRESS_CHANGED: &str = "zct-address";

/// The link's notices above the form, and the changed numbers under it, drawn again when they change.
fn draw_notes(c: &Calc) {
    let (Some(page), Some(built)) = (find(".page.calc"), find(FORM)) else {
        return;
    };
    let replace = |selector: &str, fresh: Vec<el::El>, before: &web_sys::Element| {
        let old = all(&page, selector);
        let same = old.len() == fresh.len()
            && old
                .iter()
                .zip(&fresh)
                .all(|(o, f)| o.outer_html() == f.0.outer_html());
        if same {
            return;
        }
        for o in old {
            o.remove();
        }
        for f in fresh {
            let _ = page.insert_before(&f.0, Some(before));
        }
    };
    replace(
        ":scope > .link-notices",
        notes::link_notices(&c.notices).into_iter().collect(),
        &built,
    );
    if let Some(result) = page.query_selector(RESULT).ok().flatten() {
        replace(
            ":scope > [data-testid=changed-elsewhere], :scope > .changed-numbers",
            notes::changed_numbers(&c.form, &c.kept),
            &result,
        );
    }
}

/// In the result's place: the amount, or what the form still needs; the build's prompt and worked
/// example while nothing is typed (not for a link that could not be read whole: the example's amount
/// had stood where the link's was expected).
fn draw_answer(c: &Calc) {
    let Some(section) = find(RESULT) else {
        return;
    };
    let empty = matches!(c.outcome, Outcome::Empty);
    let prompt = section
        .query_selector(":scope > .notice.no-print")
        .ok()
        .flatten();
    if let Some(p) = &prompt {
        flag(p, "hidden", !empty);
    }
    // The example itself goes while it is not shown (its steps are not the calculation's).
    if let Some(example) = &c.example {
        match (
            empty && c.notices.is_empty(),
            example.is_connected(),
            &prompt,
        ) {
            (true, false, Some(p)) => {
                let _ = p.after_with_node_1(example);
            }
            (false, true, _) => example.remove(),
            _ => {}
        }
    }
    let fresh = el("div").class("calc-answer");
    let fresh = match &c.outcome {
        Outcome::Empty => fresh,
        Outcome::Settled(b) => fresh.children(result::head(&b.0, &b.1, &b.2)),
        other => {
            let note = el("p")
                .class("notice")
                .text(&other.notice().unwrap_or_default());
            fresh.child(if other.alerts() {
                note.attr("role", "alert")
            } else {
                note
            })
        }
    };
    match section
        .query_selector(":scope > .calc-answer")
        .ok()
        .flatten()
    {
        Some(shown) => show_in_place(&shown, &fresh.0),
        None => {
            let _ = section.prepend_with_node_1(&fresh.0);
        }
    }
}

pub use tools::say as say_under_tools;

/// What opens a printed calculation again (its QR code `qr`, SVG, and address `url`), the element the
/// calculation's details carry and the worked example is given.
pub fn handout_link(url: &str, qr: &str) -> web_sys::Element {
    result::handout_link(url, qr).0
}
