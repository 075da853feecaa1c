//! The eligibility checker's way through its screens: the screen named in the address, the answers in the
//! history entry's state (never in the address), going forward and back over the questions an area asks.

use leptos::prelude::*;
use policy_checker::asks;
use wasm_bindgen::JsValue;

use crate::check_state::{CheckState, STEPS};

/// The address's fragment (`#s=…`), or nothing.
fn read_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The answers of the current history entry. They live in `history.state`, never in the address: the back
/// button brings them back, and no answer about health or income lands in the URL, the browser's history
/// list or a synced history.
fn entry_answers() -> Option<CheckState> {
    answers_in(&current_entry()?).map(|s| CheckState::from_fragment(&s))
}

/// The answers a history entry's state holds: the state itself, or, once the page was left from it, its
/// `a` (beside where the page was: [`keep_place_when_left`]).
fn answers_in(state: &JsValue) -> Option<String> {
    state
        .as_string()
        .or_else(|| js_sys::Reflect::get(state, &"a".into()).ok()?.as_string())
}

/// When the page is left (a 出处 link followed, the calculator opened), keeps in this history entry, beside
/// its answers, where the result was and which of its items were open ([`crate::left_place`]).
pub fn keep_place_when_left() {
    crate::left_place::keep_when_left(|state| {
        let answers = answers_in(state)?;
        Some(entry_state(&answers, came_from(state).as_deref()))
    });
}

/// The field of a history entry's state naming the screen (its address's fragment) the checker went to it
/// from: 返回上一步 to that screen is the browser's own Back ([`back`]), so that the phone's Back after it
/// goes on back, not forward to the step just left.
const FROM: &str = "from";

/// A history entry's state: its answers (`a`), and the screen it was gone to from, if by the checker.
fn entry_state(answers: &str, from: Option<&str>) -> js_sys::Object {
    let state = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&state, &"a".into(), &answers.into());
    if let Some(from) = from {
        let _ = js_sys::Reflect::set(&state, &FROM.into(), &from.into());
    }
    state
}

/// The screen a history entry's `state` was gone to from ([`FROM`]).
fn came_from(state: &JsValue) -> Option<String> {
    js_sys::Reflect::get(state, &FROM.into()).ok()?.as_string()
}

/// The current history entry's state.
fn current_entry() -> Option<JsValue> {
    web_sys::window()?.history().ok()?.state().ok()
}

/// The screen the current history entry was gone to from ([`FROM`]), if by the checker.
fn entry_came_from() -> Option<String> {
    came_from(&current_entry()?)
}

/// The screen the address names, with the person's answers: those of a link made before answers left the
/// address, else the answers so far on this page (the latest: going back a step, by 返回上一步 or the
/// phone's Back, neither brings back an answer since changed nor takes away one given since: an entry's
/// own answers had come back, and a changed 参保 had reached the result as it was), else, on a page
/// opened again (come back from a 出处), this history entry's. The entry is then rewritten to hold them in
/// its state and only the screen in its address.
pub fn resolve(so_far: Option<&CheckState>) -> CheckState {
    let from_url = CheckState::from_fragment(&read_hash());
    let mut s = from_url
        .has_answers()
        .then(|| from_url.clone())
        .or_else(|| so_far.cloned())
        .or_else(entry_answers)
        .unwrap_or_default();
    s.step = from_url.step;
    if s.area.is_none() {
        s.step = STEPS[0].into();
    }
    let from = entry_came_from();
    crate::address::replace_state(
        &s.step_fragment(),
        &entry_state(&s.to_fragment(), from.as_deref()),
    );
    s
}

/// The checker's answers and screen, shared by its screens (context).
#[derive(Clone, Copy)]
pub struct Answers(pub RwSignal<CheckState>);

/// Goes to `state`: a new history entry (so the back button returns here) whose address names only the
/// screen, its state the answers.
pub fn go(answers: Option<Answers>, state: &CheckState) {
    crate::address::push_fragment(
        &state.step_fragment(),
        &entry_state(&state.to_fragment(), Some(&read_hash())),
    );
    if let Some(Answers(a)) = answers {
        a.set(state.clone());
    }
    show_screen();
}

/// 返回上一步 to `state`: the browser's own Back when this entry was gone to from that screen (so the
/// history is the way the person came: a second Back, the phone's, goes on back; the answers are the
/// latest, see [`resolve`]), else a new entry ([`go`]).
pub fn back(answers: Option<Answers>, state: &CheckState) {
    let from = entry_came_from();
    let history = web_sys::window().and_then(|w| w.history().ok());
    match history {
        Some(h) if from == Some(format!("#{}", state.step_fragment())) => {
            let _ = h.back();
        }
        _ => go(answers, state),
    }
}

/// Shows the new screen from its top: the page's, or where the screen begins (返回上一步, the step and its
/// question) when the page's heading and lead push that below the upper third (on a phone at 特大 the
/// question had begun 1,040 px down a 780 px screen, and each step looked the same as the last). After
/// [`go`], and after the browser went to another entry (`popstate`: 返回上一步, the phone's Back or
/// Forward), where it had put the page back as it was when the entry was left, at 继续: the last choices
/// and the footer, the question off the screen.
pub fn show_screen() {
    crate::dom::after_paint(|| {
        let Some(w) = web_sys::window() else {
            return;
        };
        w.scroll_to_with_x_and_y(0.0, 0.0);
        let screen = w
            .document()
            .and_then(|d| d.query_selector(".check .privacy").ok().flatten())
            .and_then(|p| p.next_element_sibling());
        let height = crate::dom::screen_height().unwrap_or_default();
        if let Some(el) = screen.filter(|el| el.get_bounding_client_rect().top() > height / 3.0) {
            el.scroll_into_view_with_bool(true);
        }
    });
}

/// Whether `step` is asked for this area and age (questions no rule of the area reads are skipped, and a
/// question for some ages only is not put to others).
pub fn asked(state: &CheckState, step: &str) -> bool {
    asks(state.area.as_deref().unwrap_or(""))
        .at_age(state.age)
        .asks_step(step)
}

/// "第 k 步，共 n 步" over the questions this area asks (skipped ones are not counted); before an area is
/// chosen, only the number of the first step.
pub fn step_label(state: &CheckState) -> String {
    match state.area.as_deref() {
        Some(area) => match asks(area).at_age(state.age).step_number(&state.step) {
            Some((k, n)) => format!("第 {k} 步，共 {n} 步"),
            None => String::new(),
        },
        None => "第 1 步".into(),
    }
}

pub fn next(state: &CheckState) -> CheckState {
    let mut i = state.index() + 1;
    while i < STEPS.len() - 1 && !asked(state, STEPS[i]) {
        i += 1;
    }
    state.at(STEPS[i.min(STEPS.len() - 1)])
}

pub fn prev(state: &CheckState) -> Option<CheckState> {
    let mut i = state.index().checked_sub(1)?;
    while i > 0 && !asked(state, STEPS[i]) {
        i -= 1;
    }
    Some(state.at(STEPS[i]))
}
