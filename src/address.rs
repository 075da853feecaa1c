//! The page's address as it is now: the calculator and a section's copy link change the fragment in
//! place (`history.replaceState`, no new history entry), which the router does not see. Everything that
//! shows or encodes the address (the QR code, the poster, a copied link) reads it here, so it always
//! carries what the page shows.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

thread_local! {
    static CHANGED: ArcTrigger = ArcTrigger::new();
}

/// Replaces the current history entry's fragment with `fragment` (without `#`; empty removes it) and
/// tells every reader of [`use_current_url`].
pub fn replace_fragment(fragment: &str) {
    set(fragment, false, &JsValue::NULL);
}

/// Replaces the current history entry with one at `fragment` carrying `state`.
pub fn replace_state(fragment: &str, state: &JsValue) {
    set(fragment, false, state);
}

/// Adds a history entry at `fragment` carrying `state` (the back button returns to the entry before), and
/// tells every reader of [`use_current_url`].
pub fn push_fragment(fragment: &str, state: &JsValue) {
    set(fragment, true, state);
}

fn set(fragment: &str, push: bool, state: &JsValue) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(history) = window.history() else {
        return;
    };
    let location = window.location();
    let path = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    let url = if fragment.is_empty() {
        path
    } else {
        format!("{path}#{fragment}")
    };
    let _ = if push {
        history.push_state_with_url(state, "", Some(&url))
    } else {
        history.replace_state_with_url(state, "", Some(&url))
    };
    changed();
}

/// Tells every reader that the address changed (after the browser changed it: back, forward, a link).
pub fn changed() {
    CHANGED.with(ArcTrigger::notify);
}

/// The full address of the page as shown now (`location.href`), kept current: it follows the browser's
/// back and forward, the fragment changes made through this module and, in the bundles with a router,
/// its navigations (the app reports them with [`changed`]).
pub fn use_current_url() -> Memo<String> {
    let trigger = CHANGED.with(Clone::clone);
    Memo::new(move |_| {
        trigger.track();
        web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default()
    })
}
