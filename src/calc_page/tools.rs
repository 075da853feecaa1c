//! The calculator's tool bar before its tools have come (they come with the chunk loaded at idle:
//! `app::calc_tools`).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::el::{self, all, el, find, find_all};
use crate::components::{LaterCode, ToolsCode, TOOL_OFFLINE};
use crate::lazy::Load;

/// The build's tool bar, live until the page tools come with the later part's chunk (at idle): a tap on
/// a tool loads the chunk (again, after a failure), puts its bar in place and taps the same tool there;
/// without the chunk, [`TOOL_OFFLINE`] is said under the bar.
pub(super) fn live_tools(later_code: Load<LaterCode>, tools_code: Load<ToolsCode>) {
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
