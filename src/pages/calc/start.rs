//! How the calculator page starts: the scenario in the address, what was typed into the build-time form
//! before the app took over, the build's worked example moved into the app, and the result's code
//! readied in idle time so that the first keystroke does not pay for it.

use leptos::prelude::*;
use policy_engine::{profile, Category};

use policy_engine::form::{CalcForm, FromLink};

/// The scenario in the address bar, read exactly as the browser gives it (never decoded as a whole).
pub(super) fn read_fragment() -> Option<FromLink> {
    let hash = web_sys::window()?.location().hash().ok()?;
    CalcForm::from_fragment(&hash)
}

/// The build's worked example (`crates/sitegen/src/calc_page.rs`: the engine's answer for one scenario,
/// with its steps and clauses), taken out of the build-time page before the app mounts, to be shown
/// while the form is empty: the node itself is moved, so its text is not painted a second time.
pub(super) fn take_example() -> Option<web_sys::Element> {
    let doc = web_sys::window()?.document()?;
    let el = doc
        .query_selector("#static-shell .calc-example")
        .ok()
        .flatten()?;
    el.remove();
    Some(el)
}

/// What a person entered into the build-time form before the app started (the form is there before the
/// wasm arrives): every field, once any differs from what the build wrote (an amount typed, or only a
/// choice made: 眉山, 省级医院, 特困供养人员), so nothing entered is lost when the app takes over; `None` if
/// the form is as built.
pub(super) fn typed_before_start() -> Option<CalcForm> {
    use wasm_bindgen::JsCast;
    let doc = web_sys::window()?.document()?;
    let shell = doc.get_element_by_id("static-shell")?;
    let built = shell.query_selector("form.calc-form").ok().flatten()?;
    if !changed_since_built(&built) {
        return None;
    }
    let value = |id: &str| -> Option<String> {
        let el = built.query_selector(&format!("#{id}")).ok().flatten()?;
        if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
            Some(i.value())
        } else {
            el.dyn_ref::<web_sys::HtmlSelectElement>()
                .map(|s| s.value())
        }
    };
    let mut form = CalcForm::default();
    if let Some(p) = value("profile").filter(|p| profile(p).is_some()) {
        form.set_profile(p);
    }
    if let Some(c) = built
        .query_selector("input[name=category]:checked")
        .ok()
        .flatten()
        .and_then(|el| el.get_attribute("value"))
        .filter(|c| Category::from_id(c).is_some())
    {
        form.category = c;
    }
    let in_county = built
        .query_selector("[data-testid=in-county]")
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|i| i.checked());
    let v = &mut form.visits[0];
    v.kind = value("v0-kind").unwrap_or(v.kind.clone());
    v.set_level(value("v0-level").unwrap_or(v.level.clone()));
    if let Some(c) = in_county {
        v.in_county = c;
    }
    v.total = value("v0-total").unwrap_or_default();
    v.compliant = value("v0-compliant").unwrap_or_default();
    Some(form)
}

/// Whether any field of the build's `form` differs from what the build wrote: a text's value from its
/// `value` attribute, a box's or a radio's tick from its `checked`, a list's choice from the option the
/// build marked `selected` (the DOM keeps both, so the build's defaults are not written here again).
fn changed_since_built(form: &web_sys::Element) -> bool {
    use wasm_bindgen::JsCast;
    let Ok(fields) = form.query_selector_all("input, select") else {
        return false;
    };
    (0..fields.length())
        .filter_map(|i| fields.item(i))
        .any(|n| {
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

/// Readies the result's code while the page is idle: settles the worked example's scenario (read from its
/// own link, so it is the build's example) and builds its result once, off the page, then drops it. The
/// browser compiles each wasm function when it first runs, so without this the person's first keystroke
/// would pay for compiling everything the first result draws (it was the slowest keystroke).
pub(super) fn warm_up(example: &web_sys::Element) {
    let Some(link) = example
        .query_selector("a[href^='/calc/#']")
        .ok()
        .flatten()
        .and_then(|a| a.get_attribute("href"))
    else {
        return;
    };
    let Some((_, hash)) = link.split_once('#') else {
        return;
    };
    let Some(opened) = CalcForm::from_fragment(hash) else {
        return;
    };
    let Ok(scenario) = crate::calc_adapter::scenario(&opened.form) else {
        return;
    };
    let Ok(result) = policy_engine::settle(&scenario) else {
        return;
    };
    let guessed = crate::calc_adapter::compliant_guessed(&opened.form);
    // Built (its elements made, never put in the page) under an owner of its own, then dropped.
    Owner::new().with(|| {
        use leptos::tachys::view::Render;
        let drawn = view! {
            <crate::components::ResultHead
                scenario=scenario.clone()
                result=result.clone()
                guessed=guessed.clone()
            />
            <crate::components::CalcResult
                scenario=scenario
                result=result
                guessed=guessed
                later=Signal::stored(None)
            />
        }
        .build();
        drop(drawn);
    });
}
