//! Adopting the static HTML that the build wrote into every page, so text shows before the wasm loads.
//!
//! Each page in `dist/` has `<div id="static-shell">` holding a header, a `<main data-frag="KEY">` and a
//! footer. At start the app takes the main content (to show it without a second download) and removes
//! the shell once it has mounted its own view. The page's first view moves the build's nodes into itself
//! ([`adopt_children`]) rather than writing a copy of its HTML (the same nodes, not new ones).

use std::cell::RefCell;

use leptos::prelude::*;

thread_local! {
    /// The build-time `<main>` whose children the first view may move into itself.
    static SHELL_MAIN: RefCell<Option<web_sys::Element>> = const { RefCell::new(None) };
}

/// Moves the children of the build-time `<main>` (captured by [`Prerendered::capture`]) into `into`, once;
/// false if there is nothing to move (then the caller writes its copy of the HTML).
pub fn adopt_children(into: &web_sys::Element) -> bool {
    let Some(main) = SHELL_MAIN.with(|m| m.borrow_mut().take()) else {
        return false;
    };
    let mut moved = false;
    while let Some(child) = main.first_child() {
        if into.append_child(&child).is_err() {
            return moved;
        }
        moved = true;
    }
    moved
}

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
                let taken = main
                    .get_attribute("data-frag")
                    .map(|k| (k, main.inner_html()));
                SHELL_MAIN.with(|m| *m.borrow_mut() = Some(main));
                taken
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

/// Removes the build-time page, once the app has mounted in its place. The field the person was in
/// (typed into or only tapped) hands its focus to the app's same field in the same task, with the caret
/// or selection where it was and the page not scrolled: a key pressed while the app takes over is
/// dispatched after this task, so it lands in the app's field where the person was typing (given the
/// focus a frame later, such a key went to the page and was lost; with the caret moved to the end, a digit
/// typed in the middle of an amount went to its end).
pub fn remove_shell() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(shell) = doc.get_element_by_id("static-shell") else {
        return;
    };
    let focused = crate::dom::FocusPlace::inside(&shell);
    shell.remove();
    if let Some(place) = focused {
        place.restore(&doc);
    }
}

/// App-wide handle on the pre-rendered content (context).
#[derive(Clone, Copy)]
pub struct PrerenderedCtx(pub StoredValue<Prerendered>);
