//! `/calc/`: the settlement calculator, without a framework: the build writes the page (the form with one
//! visit, a worked example: `crates/sitegen/templates/calc.html`) and this, in the calc bundle's main
//! module with the engine, makes it the calculator. The whole scenario lives in the URL fragment
//! (shareable, nothing stored or sent). On every change the engine settles the year once and the personal
//! amount shows in the keystroke's own task; who pays what and the steps with their clauses once the
//! browser has painted it; the comparison and the curve ([`LaterCode`], a chunk loaded when the page is
//! idle) once typing pauses ([`PAUSE_MS`]). The page tools (朗读, 二维码, 海报, text size) come with that
//! chunk too.

mod el;
mod form;
mod notes;
mod result;

use std::cell::RefCell;

use policy_engine::deletions::Deletions;
use policy_engine::form::{CalcForm, FromLink, KeptChanges, LinkNotice, VisitForm, MAX_VISITS};
use policy_engine::{profile, Category, Scenario};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::calc_adapter::{Outcome, Settled};
use crate::components::{Later, LaterCode, LaterMemo, ToolsCode, TOOL_OFFLINE};
use crate::lazy::Load;
use el::{all, doc, el, find, find_all, flag, show_in_place, value_of};

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
    later_show: Option<fn(&web_sys::Element, Option<Later>, bool)>,
}

thread_local! {
    static CALC: RefCell<Option<Calc>> = const { RefCell::new(None) };
}

/// Runs `f` on the state, if the calculator has started.
fn with<T>(f: impl FnOnce(&mut Calc) -> T) -> Option<T> {
    CALC.with(|c| c.borrow_mut().as_mut().map(f))
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

/// The build's page as the page itself: the shell's elements moved out of it into the body, as every
/// app's page has them (the loader, and the tests, take the shell's going as the app having started), the
/// notes of the build and the loader gone. The field being typed into keeps its focus, its caret and what
/// was typed (`dom::FocusPlace`: a moved element loses the focus).
fn unwrap_shell() {
    let Some(d) = doc() else {
        return;
    };
    if let Some(html) = d.document_element() {
        let _ = html.class_list().remove_1("opening-link");
    }
    // The build's note over a link's calculation, and the loader's line or notice (the app has come).
    for gone in find_all(".opening-note, #static-shell .loading, #static-shell .load-failed") {
        gone.remove();
    }
    let (Some(shell), Some(body)) = (d.get_element_by_id("static-shell"), d.body()) else {
        return;
    };
    let focused = d
        .active_element()
        .filter(|el| shell.contains(Some(el)))
        .and_then(|el| crate::dom::FocusPlace::of(&el));
    while let Some(child) = shell.first_child() {
        let _ = body.insert_before(&child, Some(&shell));
    }
    shell.remove();
    if let Some(place) = focused {
        place.restore(&d);
    }
}

/// Readies the result's code while the page is idle: the worked example's scenario (read from its own
/// link, so it is the build's example) settled and its result built once, off the page, then dropped.
/// The browser compiles each wasm function when it first runs: without this the person's first keystroke
/// would pay for compiling everything the first result draws (it was the slowest keystroke).
fn warm_up() {
    let Some(hash) = find(".calc-example .example-link")
        .and_then(|a| a.get_attribute("href"))
        .and_then(|h| Some(h.split_once('#')?.1.to_string()))
    else {
        return;
    };
    let Some(opened) = CalcForm::from_fragment(&hash) else {
        return;
    };
    if let Outcome::Settled(b) = Outcome::of(&opened.form) {
        let (s, r, g) = &*b;
        drop((result::head(s, r, g), result::details(s, r, g, "", "")));
    }
}

/// The build's tool bar, live until the page tools come with the later part's chunk (at idle): a tap on
/// a tool loads the chunk (again, after a failure), puts its bar in place and taps the same tool there;
/// without the chunk, [`TOOL_OFFLINE`] is said under the bar.
fn live_tools(later_code: Load<LaterCode>, tools_code: Load<ToolsCode>) {
    let Some(bar) = find(".static-tools") else {
        return;
    };
    let _ = bar.class_list().add_1("live");
    // The size remembered on the device, on the page and said in the bar at once.
    let size = crate::components::apply_text_size();
    if let Some(now) = bar.query_selector(".size-now").ok().flatten() {
        el::set_text(&now, size);
    }
    let _ = bar.remove_attribute("aria-hidden");
    for b in all(&bar, "button") {
        let _ = b.remove_attribute("disabled");
        let _ = b.remove_attribute("tabindex");
    }
    let tapped = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let Some(tool) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("button").ok().flatten())
            .and_then(|b| b.text_content())
        else {
            return;
        };
        for said in find_all(".tools-offline") {
            said.remove();
        }
        wasm_bindgen_futures::spawn_local(async move {
            match crate::lazy::load(later_code).await {
                Ok(code) => {
                    (code.tools)(tools_code);
                    let same = find_all(".tools-place button.tool")
                        .into_iter()
                        .find(|b| b.text_content().as_deref() == Some(tool.as_str()));
                    if let Some(b) = same.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
                        b.click();
                    }
                }
                Err(_) => {
                    if let Some(bar) = find(".static-tools") {
                        let said = el("p")
                            .class("qr-panel tools-offline")
                            .attr("role", "alert")
                            .text(TOOL_OFFLINE);
                        let _ = bar.after_with_node_1(&said.0);
                    }
                }
            }
        });
    });
    let _ = bar.add_event_listener_with_callback("click", tapped.as_ref().unchecked_ref());
    tapped.forget();
}

/// What a person entered into the build-time form before this ran (the form is there before the wasm
/// arrives): every field, once any differs from what the build wrote, so nothing entered is lost; `None`
/// if the form is as built.
fn typed() -> Option<CalcForm> {
    let built = find(FORM)?;
    if !changed_since_built(&built) {
        return None;
    }
    let mut form = CalcForm::default();
    let value = |id: &str| value_of(&built.query_selector(&format!("#{id}")).ok().flatten()?);
    if let Some(p) = value("profile").filter(|p| profile(p).is_some()) {
        form.set_profile(p, &mut Default::default());
    }
    // In the form's order (a hospital's level before its 县域内, which a level outside the county clears).
    for field in all(&built, "input, select") {
        if field.id() != "profile" {
            form::read_change(&mut form, &field);
        }
    }
    if Category::from_id(&form.category).is_none() {
        form.category = CalcForm::default().category;
    }
    Some(form)
}

/// Whether any field of the build's `form` differs from what the build wrote.
fn changed_since_built(form: &web_sys::Element) -> bool {
    all(form, "input, select").iter().any(|n| {
        if let Some(i) = n.dyn_ref::<web_sys::HtmlInputElement>() {
            match i.type_().as_str() {
                "radio" | "checkbox" => i.checked() != i.default_checked(),
                _ => i.value() != i.default_value(),
            }
        } else if let Some(s) = n.dyn_ref::<web_sys::HtmlSelectElement>() {
            let built = s
                .query_selector("option[selected]")
                .ok()
                .flatten()
                .or_else(|| s.query_selector("option").ok().flatten())
                .and_then(|o| o.get_attribute("value"));
            built.is_some_and(|b| b != s.value())
        } else {
            false
        }
    })
}

/// The page's listeners: the form's fields and buttons, the buttons of what is drawn around it, and a
/// calculation's link opened in this tab.
fn listen(built: &web_sys::Element) {
    let on_field = Closure::<dyn Fn(web_sys::Event)>::new(|ev: web_sys::Event| {
        // 拼音 on its way to 一万 is read once the characters are chosen.
        if crate::dom::composing(&ev) {
            return;
        }
        let Some(target) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let read = with(|c| {
            if target.id() == "profile" {
                let id = value_of(&target).unwrap_or_default();
                c.form.set_profile(id, &mut c.kept);
                true
            } else {
                form::read_change(&mut c.form, &target)
            }
        });
        if read == Some(true) {
            changed(false);
        }
    });
    for event in ["input", "change", "compositionend"] {
        let _ = built.add_event_listener_with_callback(event, on_field.as_ref().unchecked_ref());
    }
    on_field.forget();
    let on_click = Closure::<dyn Fn(web_sys::Event)>::new(|ev: web_sys::Event| {
        let Some(button) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("button").ok().flatten())
        else {
            return;
        };
        clicked(&button);
    });
    if let Some(page) = find(".page.calc") {
        let _ = page.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    }
    on_click.forget();
    let on_link = Closure::<dyn Fn()>::new(opened_in_tab);
    if let Some(w) = web_sys::window() {
        let _ = w.add_event_listener_with_callback("hashchange", on_link.as_ref().unchecked_ref());
    }
    on_link.forget();
}

/// A button of the page: add, delete or put back a visit, put the link's notices away, a changed number
/// back to the site's, or a step's way to the assumed number it used.
fn clicked(button: &web_sys::Element) {
    let action = button.get_attribute("data-action");
    let mut focus = None;
    let did = with(|c| match action.as_deref() {
        Some("add") => {
            let room = c.form.visits.len() < MAX_VISITS;
            if room {
                c.form.visits.push(VisitForm::default());
            }
            room
        }
        Some("delete") => {
            let index = button
                .closest("fieldset.visit")
                .ok()
                .flatten()
                .and_then(|f| f.get_attribute("data-visit")?.parse().ok());
            // Also after a tap taken as the same tap again: its click took the focus.
            focus = Some(UNDO_ID.to_string());
            index.is_some_and(|i| c.deleted.delete(&mut c.form, i, js_sys::Date::now()))
        }
        Some("notices-seen") => {
            c.notices.clear();
            draw_notes(c);
            false
        }
        _ if button.id() == UNDO_ID => match c.deleted.undo(&mut c.form) {
            // The focus goes to the visit put back.
            Some(at) => {
                focus = Some(format!("v{at}-kind"));
                true
            }
            None => false,
        },
        _ => {
            if let Some(key) = button.get_attribute("data-restore") {
                c.form.overrides.remove(&key).is_some()
            } else if button.has_attribute("data-restore-all") {
                let any = !c.form.overrides.is_empty();
                c.form.overrides.clear();
                any
            } else if button.class_list().contains("to-assumed") {
                let field = button.get_attribute("data-field");
                crate::dom::open_and_show(ASSUMPTIONS_ID, field.as_deref());
                false
            } else {
                false
            }
        }
    });
    if did == Some(true) {
        changed(false);
    }
    if let Some(id) = focus {
        crate::dom::focus_soon(id);
    }
}

/// Another scenario link opened in this tab (or a fragment typed in the address bar): what in it was not
/// taken is said even when the scenario it gives is the one shown; its address is kept.
fn opened_in_tab() {
    let Some(link) = read_fragment() else {
        return;
    };
    let refused = with(|c| {
        c.keep_address = !link.notices.is_empty();
        c.notices = link.notices;
        // What was deleted before belongs to the scenario left, even when the link gives the same.
        c.deleted = Deletions::default();
        c.form = link.form;
        c.outcome.refuses_assumption()
    });
    changed(true);
    if refused == Some(true) || with(|c| c.outcome.refuses_assumption()) == Some(true) {
        crate::dom::open_details(ASSUMPTIONS_ID);
    }
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
        Some(shown) => {
            show_in_place(&shown, fresh.0);
        }
        None => {
            let _ = section.prepend_with_node_1(&fresh.0);
        }
    }
}

/// The details of the settled year, brought up to date once the browser has painted the keystroke (the
/// amount is all the keystroke waits for); until then the last ones stay, marked busy. At once (`now`)
/// for a scenario the page opened with from a link.
fn details_soon(now: bool) {
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
fn details_fresh(c: &Calc) -> bool {
    match &c.outcome {
        Outcome::Settled(b) => c
            .details_for
            .as_ref()
            .is_some_and(|(s, g)| *s == b.0 && *g == b.2),
        _ => c.details_for.is_none(),
    }
}

/// Marks the details busy while they are not the current outcome's.
fn mark_busy(fresh: bool) {
    if let Some(d) = find(".calc-result > .calc-details") {
        el::set_attr(&d, "aria-busy", Some(if fresh { "false" } else { "true" }));
    }
}

/// Draws the details of the current outcome (none for an outcome without an amount).
fn draw_details() {
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
            Some(old) => {
                let _ = old.replace_with_with_node_1(&fresh.0);
            }
            None => {
                let _ = section.append_child(&fresh.0);
            }
        }
        c.details_for = settled.map(|b| (b.0, b.2));
    });
}

/// The later part: at once for a scenario opened from a link (nobody is typing), else after a pause in
/// typing; its code loaded once the page is idle, or now.
fn later_soon(now: bool) {
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
fn later_fresh(c: &Calc) -> bool {
    match &c.outcome {
        Outcome::Settled(b) => c.later.as_ref().is_some_and(|l| l.is_for(&b.0, &b.2)),
        _ => false,
    }
}

/// Computes the later part of `settled` (its code loaded first) and shows it if the page still shows that
/// settlement.
fn bring_up(settled: Settled) {
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
fn show_later(fresh: bool) {
    let Some((later, Some(show))) = with(|c| {
        let settled = matches!(c.outcome, Outcome::Settled(_));
        (settled.then(|| c.later.clone()).flatten(), c.later_show)
    }) else {
        return;
    };
    if let Some(page) = find(".page.calc") {
        show(&page, later, fresh);
    }
}

/// What opens a printed calculation again (its QR code `qr`, SVG, and address `url`), the element the
/// calculation's details carry and the worked example is given.
pub fn handout_link(url: &str, qr: &str) -> web_sys::Element {
    result::handout_link(url, qr).0
}
