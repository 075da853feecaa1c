//! What the build wrote, made the calculator's: the shell's elements moved into the body, what was typed
//! into the build's form before the wasm came read as the starting form, and the result's code readied
//! on the build's worked example.

use policy_engine::form::CalcForm;
use policy_engine::{profile, Category};
use wasm_bindgen::JsCast;

use super::el::{all, doc, find, find_all, value_of};
use super::{form, result, FORM};
use crate::calc_adapter::Outcome;

/// The build's page as the page itself: the shell's elements moved out of it into the body, as every
/// app's page has them (the loader, and the tests, take the shell's going as the app having started), the
/// notes of the build and the loader gone. The field being typed into keeps its focus, its caret and what
/// was typed (`dom::FocusPlace`: a moved element loses the focus).
pub(super) fn unwrap_shell() {
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
    let focused = crate::dom::FocusPlace::inside(&shell);
    while let Some(child) = shell.first_child() {
        let _ = body.insert_before(&child, Some(&shell));
    }
    shell.remove();
    if let Some(place) = focused {
        place.restore(&d);
    }
}

/// What a person entered into the build-time form before this ran (the form is there before the wasm
/// arrives): every field, once any differs from what the build wrote, so nothing entered is lost; `None`
/// if the form is as built.
pub(super) fn typed() -> Option<CalcForm> {
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
pub(super) fn changed_since_built(form: &web_sys::Element) -> bool {
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

/// Readies the result's code while the page is idle: the worked example's scenario (read from its own
/// link, so it is the build's example) settled and its result built once, off the page, then dropped.
/// The browser compiles each wasm function when it first runs: without this the person's first keystroke
/// would pay for compiling everything the first result draws (it was the slowest keystroke).
pub(super) fn warm_up() {
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
