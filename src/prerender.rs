//! Adopting the static HTML that the build wrote into every page, so text shows before the wasm loads.
//!
//! Each page in `dist/` has `<div id="static-shell">` holding a header, a `<main data-frag="KEY">` and a
//! footer. At start the app takes the main content (to show it without a second download) and removes
//! the shell before it mounts its own view.

use leptos::prelude::*;

/// The main content that came with the page the browser loaded first, keyed by fragment key.
#[derive(Clone, Debug, Default)]
pub struct Prerendered(pub Option<(String, String)>);

impl Prerendered {
    /// Takes a copy of the pre-rendered main content (the shell stays until the app has mounted: see
    /// [`remove_shell`]).
    pub fn capture() -> Self {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return Self(None);
        };
        let taken = doc
            .query_selector("#static-shell main[data-frag]")
            .ok()
            .flatten()
            .and_then(|main| {
                main.get_attribute("data-frag")
                    .map(|k| (k, main.inner_html()))
            });
        Self(taken)
    }

    /// The pre-rendered HTML for `key`, once: later visits to the same route fetch it again.
    pub fn take(&mut self, key: &str) -> Option<String> {
        match &self.0 {
            Some((k, _)) if k == key => self.0.take().map(|(_, html)| html),
            _ => None,
        }
    }
}

/// Removes the build-time page, once the app has mounted in its place.
pub fn remove_shell() {
    if let Some(shell) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("static-shell"))
    {
        shell.remove();
    }
}

/// App-wide handle on the pre-rendered content (context).
#[derive(Clone, Copy)]
pub struct PrerenderedCtx(pub StoredValue<Prerendered>);
