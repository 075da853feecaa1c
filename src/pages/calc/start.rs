//! How the calculator page starts: the build's worked example moved into the app, and the result's code
//! readied in idle time so that the first keystroke does not pay for it (the scenario in the address and
//! what was typed into the build-time form before the app took over are `crate::calc_early`'s
//! `read_fragment` and `typed`).

use leptos::prelude::*;
use policy_engine::form::CalcForm;

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
