//! Where a page was when it was left for another bundle's page (a 出处 or 原文 link followed), kept in its
//! history entry. Back loads such a page again (the back-forward cache does not keep it on many phones),
//! and the browser can put it back only as far down as the page it loads lets it: the build's page, before
//! the result is drawn. So the place and the open items go into the entry when the page is left, and are
//! put back once the page is drawn again. The check's result and the calculator use it.

use wasm_bindgen::JsValue;

/// The items of a page that open and close (`<details>`).
const ITEMS: &str = "main details";

/// Where the page was, and which of its items were open (by their order).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Place {
    y: f64,
    open: Vec<u32>,
}

/// When the page is left, writes into this history entry where the page was and which items were open, in
/// the object `kept` makes from the entry's state (`None`: the entry is not one to come back to).
pub fn keep_when_left(kept: impl Fn(&JsValue) -> Option<js_sys::Object> + 'static) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let left = Closure::<dyn Fn()>::new(move || {
        let Some(w) = web_sys::window() else { return };
        let (Ok(history), Some(doc)) = (w.history(), w.document()) else {
            return;
        };
        let Some(place) = history.state().ok().and_then(|s| kept(&s)) else {
            return;
        };
        let mut open = String::new();
        if let Ok(items) = doc.query_selector_all(ITEMS) {
            for i in 0..items.length() {
                if items.item(i).is_some_and(|n| {
                    js_sys::Reflect::get(&n, &"open".into()).is_ok_and(|o| o.is_truthy())
                }) {
                    open.push_str(&i.to_string());
                    open.push(',');
                }
            }
        }
        let _ = js_sys::Reflect::set(&place, &"y".into(), &w.scroll_y().unwrap_or(0.0).into());
        let _ = js_sys::Reflect::set(&place, &"open".into(), &open.into());
        let _ = history.replace_state(&place, "");
    });
    if let Some(w) = web_sys::window() {
        let _ = w.add_event_listener_with_callback("pagehide", left.as_ref().unchecked_ref());
    }
    left.forget();
}

/// The place this history entry holds, if the page was left from it ([`keep_when_left`]): read when the
/// page opens, before anything rewrites the entry.
pub fn left() -> Option<Place> {
    let state = web_sys::window()?.history().ok()?.state().ok()?;
    let y = js_sys::Reflect::get(&state, &"y".into()).ok()?.as_f64()?;
    let open = js_sys::Reflect::get(&state, &"open".into())
        .ok()
        .and_then(|o| o.as_string())
        .map(|o| o.split(',').filter_map(|i| i.parse().ok()).collect())
        .unwrap_or_default();
    Some(Place { y, open })
}

/// Once the page is drawn: opens the items that were open and puts the page where it was when it was left
/// from this entry (`place`, [`left`]), held while the page settles.
pub fn return_to(place: Option<Place>) {
    let Some(place) = place else {
        return;
    };
    leptos::prelude::request_animation_frame(move || {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if let Ok(items) = doc.query_selector_all(ITEMS) {
            for i in &place.open {
                if let Some(item) = items.item(*i) {
                    let _ = js_sys::Reflect::set(&item, &"open".into(), &true.into());
                }
            }
        }
        let y = place.y;
        crate::reading_place::hold(move || crate::reading_place::scroll_when_room(y));
    });
}
