//! What the person does on the calculator's page: a field changed, a button tapped, a calculation's link
//! opened in the same tab.

use policy_engine::deletions::Deletions;
use policy_engine::form::{VisitForm, MAX_VISITS};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::el::{find, find_all, value_of};
use super::{
    assumed_field_id, changed, draw_notes, drawing, form, read_fragment, with, ASSUMPTIONS_ID,
    UNDO_ID,
};

/// The page's listeners: the form's fields and buttons, the buttons of what is drawn around it, and a
/// calculation's link opened in this tab.
pub(super) fn listen(built: &web_sys::Element) {
    let on_field = Closure::<dyn Fn(web_sys::Event)>::new(|ev: web_sys::Event| {
        // 拼音 on its way to 一万 is read once the characters are chosen.
        if crate::dom::composing(&ev) {
            return;
        }
        let Some(target) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        after_drawing(move || field_changed(&target));
    });
    for event in ["input", "change", "compositionend"] {
        let _ = built.add_event_listener_with_callback(event, on_field.as_ref().unchecked_ref());
    }
    on_field.forget();
    let on_click = Closure::<dyn Fn(web_sys::Event)>::new(|ev: web_sys::Event| {
        let Some(button) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("button").ok().flatten())
        else {
            return;
        };
        after_drawing(move || clicked(&button));
    });
    if let Some(page) = find(".page.calc") {
        let _ = page.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    }
    on_click.forget();
    let on_link = Closure::<dyn Fn()>::new(|| after_drawing(opened_in_tab));
    if let Some(w) = web_sys::window() {
        let _ = w.add_event_listener_with_callback("hashchange", on_link.as_ref().unchecked_ref());
    }
    on_link.forget();
}

/// Runs `f` now, or, while the page is being drawn (the event came from the drawing), right after it.
fn after_drawing(f: impl FnOnce() + 'static) {
    if !drawing() {
        f();
        return;
    }
    let Some(w) = web_sys::window() else {
        return;
    };
    let f = Closure::once_into_js(f);
    let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(f.unchecked_ref(), 0);
}

/// A field of the form changed: the form as typed follows it. Not a field the drawing has just taken out
/// of the page (its `change` as it lost the focus: another region's assumed number, a visit gone).
fn field_changed(target: &web_sys::Element) {
    if !target.is_connected() {
        return;
    }
    let read = with(|c| {
        if target.id() == "profile" {
            let id = value_of(target).unwrap_or_default();
            c.form.set_profile(id, &mut c.kept);
            true
        } else {
            form::read_change(&mut c.form, target)
        }
    });
    if read == Some(true) {
        changed(false);
    }
}

/// A button of the page: add, delete or put back a visit, put the link's notices away, a changed number
/// back to the site's, or a step's way to the assumed number it used.
pub(super) fn clicked(button: &web_sys::Element) {
    let action = button.get_attribute("data-action");
    let mut focus = None;
    let mut restored = None;
    let did = with(|c| match action.as_deref() {
        Some("add") => {
            let room = c.form.visits.len() < MAX_VISITS;
            if room {
                c.form.visits.push(VisitForm::default());
            }
            room
        }
        Some("delete") => {
            let index = button
                .closest("fieldset.visit")
                .ok()
                .flatten()
                .and_then(|f| f.get_attribute("data-visit")?.parse().ok());
            // Also after a tap taken as the same tap again: its click took the focus.
            focus = Some(UNDO_ID.to_string());
            index.is_some_and(|i| c.deleted.delete(&mut c.form, i, js_sys::Date::now()))
        }
        Some("notices-seen") => {
            c.notices.clear();
            draw_notes(c);
            false
        }
        _ if button.id() == UNDO_ID => match c.deleted.undo(&mut c.form) {
            // The focus goes to the visit put back.
            Some(at) => {
                focus = Some(format!("v{at}-kind"));
                true
            }
            None => false,
        },
        _ => {
            if let Some(key) = button.get_attribute("data-restore") {
                // The focus goes to the next number's button (the list is drawn again), or to the field.
                let at = find_all("[data-restore]").iter().position(|b| b == button);
                restored = Some((at.unwrap_or(0), assumed_field_id(&key)));
                c.form.overrides.remove(&key).is_some()
            } else if button.has_attribute("data-restore-all") {
                restored = Some((0, String::new()));
                let any = !c.form.overrides.is_empty();
                c.form.overrides.clear();
                any
            } else if button.class_list().contains("to-assumed") {
                let field = button.get_attribute("data-field");
                crate::dom::open_and_show(ASSUMPTIONS_ID, field.as_deref());
                false
            } else {
                false
            }
        }
    });
    if did == Some(true) {
        changed(false);
    }
    if let Some(id) = focus {
        crate::dom::focus_soon(id);
    }
    if let Some((at, field)) = restored {
        focus_after_restore(at, &field);
    }
}

/// After a changed number was put back (the `at`-th of the list, its field `field`; or all of them, with no
/// field): the focus on the button now in its place in the list drawn again, else on the last, else on
/// the number's field (its section open), or the section's heading.
fn focus_after_restore(at: usize, field: &str) {
    let left = find_all("[data-restore]");
    let next = left.get(at).or(left.last()).cloned();
    // The field only where it can take the focus: in the section open.
    let open = find(&format!("#{ASSUMPTIONS_ID}[open]")).is_some();
    let next = next
        .or_else(|| find(&format!("#{field}")).filter(|_| open && !field.is_empty()))
        .or_else(|| find(&format!("#{ASSUMPTIONS_ID} > summary")));
    if let Some(el) = next.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Another scenario link opened in this tab (or a fragment typed in the address bar): what in it was not
/// taken is said even when the scenario it gives is the one shown; its address is kept.
pub(super) fn opened_in_tab() {
    let Some(link) = read_fragment() else {
        return;
    };
    let refused = with(|c| {
        c.keep_address = !link.notices.is_empty();
        c.notices = link.notices;
        // What was deleted before belongs to the scenario left, even when the link gives the same.
        c.deleted = Deletions::default();
        c.form = link.form;
        c.outcome.refuses_assumption()
    });
    changed(true);
    if refused == Some(true) || with(|c| c.outcome.refuses_assumption()) == Some(true) {
        crate::dom::open_details(ASSUMPTIONS_ID);
    }
}
