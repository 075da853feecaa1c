//! The calculator's tool bar before its tools have come (they come with the chunk loaded at idle:
//! `app::calc_tools`): the text size works at once; any other tool tapped loads the chunk (again, after a
//! failure) and is tapped again in the chunk's bar, saying meanwhile that it is coming, or, without the
//! chunk, that it cannot come.

use std::cell::Cell;

use policy_content::site::tools::{LARGER, POSTER, QR, SMALLER};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::el::{self, all, el, find, find_all, flag};
use crate::components::{
    apply_text_size, current_size, LaterCode, ToolsCode, TOOL_OFFLINE, TOOL_PREPARING,
};
use crate::lazy::Load;

thread_local! {
    /// Whether a tool tapped is waiting for the chunk (a second tap meanwhile is not tapped again: it
    /// would close the panel the first opens).
    static WAITING: Cell<bool> = const { Cell::new(false) };
}

/// Makes the build's tool bar live (see the module).
pub(super) fn live_tools(later_code: Load<LaterCode>, tools_code: Load<ToolsCode>) {
    let Some(bar) = find(".static-tools") else {
        return;
    };
    let _ = bar.class_list().add_1("live");
    let _ = bar.remove_attribute("aria-hidden");
    for b in all(&bar, "button") {
        let _ = b.remove_attribute("tabindex");
    }
    // The size remembered on the device, on the page and said in the bar at once.
    show_size(&bar, current_size());
    let tapped = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let Some(tool) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("button").ok().flatten())
            .and_then(|b| b.text_content())
        else {
            return;
        };
        if tool == SMALLER || tool == LARGER {
            let size = current_size();
            let size = if tool == LARGER {
                (size + 1).min(2)
            } else {
                size.saturating_sub(1)
            };
            if let Some(bar) = find(".static-tools") {
                show_size(&bar, size);
            }
            return;
        }
        if WAITING.replace(true) {
            return;
        }
        say(
            Some(TOOL_PREPARING).filter(|_| tool == QR || tool == POSTER),
            "status",
        );
        wasm_bindgen_futures::spawn_local(async move {
            let loaded = crate::lazy::load(later_code).await;
            WAITING.set(false);
            say(None, "");
            match loaded {
                Ok(code) => {
                    (code.tools)(tools_code);
                    if let Some(b) = crate::dom::tool_button(&tool) {
                        let _ = b.focus();
                        b.click();
                    }
                }
                Err(_) => say(Some(TOOL_OFFLINE), "alert"),
            }
        });
    });
    let _ = bar.add_event_listener_with_callback("click", tapped.as_ref().unchecked_ref());
    tapped.forget();
}

/// Puts the size `size` on the page and says it in the bar, its buttons enabled as far as they go.
fn show_size(bar: &web_sys::Element, size: u8) {
    let name = apply_text_size(size);
    if let Some(now) = bar.query_selector(".size-now").ok().flatten() {
        el::set_text(&now, name);
    }
    for b in all(bar, ".text-size button") {
        let text = b.text_content().unwrap_or_default();
        let end = (text == SMALLER && size == 0) || (text == LARGER && size >= 2);
        flag(&b, "disabled", end);
    }
    // The other tools work from now on (the build wrote them disabled).
    for b in all(bar, ":scope > button, .read-aloud button") {
        flag(&b, "disabled", false);
    }
}

/// Says `text` under the build's tool bar (`role`: `status` or `alert`), or nothing (also once the
/// chunk's bar has taken its place: `app::calc_tools`).
pub fn say(text: Option<&str>, role: &str) {
    for said in find_all(".tools-offline") {
        said.remove();
    }
    if let (Some(text), Some(bar)) = (text, find(".static-tools")) {
        let note = el("p")
            .class("qr-panel tools-offline")
            .attr("role", role)
            .text(text);
        let _ = bar.after_with_node_1(&note.0);
    }
}
