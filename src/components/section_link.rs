//! The "copy link to this section" control on every heading of a document.
//!
//! The build renders each heading with `<a class="sec-link" href="#ID">`; one listener on the document
//! turns a tap on it into copying the section's full URL, so it also works on adopted static HTML.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::dom::{absolute_url, copy_to_clipboard, on_document};

/// Installs the document-wide listener (once, at start).
pub fn install_copy_handler() {
    on_document("click", true, |ev: web_sys::Event| {
        let Some(target) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let Ok(Some(link)) = target.closest("a.sec-link") else {
            return;
        };
        let Some(href) = link.get_attribute("href") else {
            return;
        };
        ev.prevent_default();
        ev.stop_propagation();
        let Some(window) = web_sys::window() else {
            return;
        };
        let path = window.location().pathname().unwrap_or_default();
        let url = absolute_url(&format!("{path}{href}"));
        copy_to_clipboard(&url);
        let id = href.trim_start_matches('#');
        crate::address::replace_fragment(id);
        // The highlight follows the address (the browser's `:target` does not change with it). The address
        // becomes the link copied, without words to mark: its QR code and poster had carried the words of
        // the clause before, with their marks.
        if let Some(section) = window.document().and_then(|d| d.get_element_by_id(id)) {
            crate::reading_place::mark_target(&section);
        }
        crate::marked_words::clear();
        crate::marked_words::forget_words();
        link.set_attribute("data-copied", "已复制链接").ok();
        let el = link.clone();
        let clear = Closure::once_into_js(move || {
            el.remove_attribute("data-copied").ok();
        });
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(clear.unchecked_ref(), 2000);
    });
}
