//! The calculator's answer before the app: the calc bundle's main module is this and the engine, and the
//! app (Leptos, the form's every control, the steps with their clauses) is a chunk it loads at once (see
//! `src/bin/calc.rs`). Until the app takes over, an amount typed into the build-time form is settled here
//! and its headline shown where the result goes, in the app's own words (`calc_adapter::head`,
//! `Outcome::notice`, `FieldError::shown`), so the app shows the same when it takes over; the worked
//! example steps aside meanwhile. An address with a scenario in it (a calculation's link, even one cut
//! short) is left to the app, which alone reads it: the build's form is then not offered (`opening-link`,
//! as the shell's inline script marks a `v=` address before the wasm comes).

use policy_engine::form::CalcForm;
use policy_engine::{profile, Category};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::calc_adapter::{
    head, Outcome, ESTIMATED_HINT, ESTIMATED_TAG, FOR_REFERENCE, INPUTS_LABEL,
};

/// The class of the build's result section while it shows an answer from here (the stylesheet then
/// hides the prompt and the worked example).
const ANSWERED: &str = "answered";

/// The class of the page (`<html>`) whose address the app will open: the stylesheet then hides the build's
/// form and shows 正在打开链接里的计算，请稍等…… in its place (web/shell.html sets it for a `v=` address).
const OPENING: &str = "opening-link";

/// What the loader's line says while an answer shows (`public/loader.js` shows the line while the app
/// loads, and puts its notice with 重试 in its place if the app cannot come).
pub const STEPS_COMING: &str = "谁付了多少、每一步怎么算和政策依据，正在加载……";

/// Whether the address bar holds a scenario, which the app will open (`CalcForm::holds_scenario`: without
/// reading the link whole, whose reader is the app's).
fn address_holds_scenario() -> bool {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .is_some_and(|h| CalcForm::holds_scenario(&h))
}

/// Answers what is typed into the build's form from now until the app takes over (the build's page,
/// listeners included, then goes); answers at once what was typed before the wasm came.
pub fn start() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(built) = doc
        .query_selector("#static-shell form.calc-form")
        .ok()
        .flatten()
    else {
        return;
    };
    let answer = Closure::<dyn Fn()>::new(show);
    for event in ["input", "change"] {
        let _ = built.add_event_listener_with_callback(event, answer.as_ref().unchecked_ref());
    }
    answer.forget();
    // A link followed before the app has come (用这个例子改数字试试): the app will open it.
    if let Some(w) = web_sys::window() {
        let opened = Closure::<dyn Fn()>::new(show);
        let _ = w.add_event_listener_with_callback("hashchange", opened.as_ref().unchecked_ref());
        opened.forget();
    }
    show();
    // The benchmark reads this: from here a bill typed into the form is answered.
    crate::dom::mark("zct-answering");
}

/// What a person entered into the build-time form before the app started (the form is there before the
/// wasm arrives): every field, once any differs from what the build wrote (an amount typed, or only a
/// choice made: 眉山, 省级医院, 特困供养人员), so nothing entered is lost when the app takes over; `None` if
/// the form is as built.
pub fn typed() -> Option<CalcForm> {
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

/// Shows, in the build's page, what its form gives now: each field's error beside it, and in the result's
/// place the headline, a notice, or (nothing typed) the build's prompt and worked example again.
fn show() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(html) = doc.document_element() else {
        return;
    };
    if address_holds_scenario() {
        let _ = html.class_list().add_1(OPENING);
    }
    let opening = html.class_list().contains(OPENING);
    let Some(section) = doc
        .query_selector("#static-shell section.calc-result")
        .ok()
        .flatten()
    else {
        return;
    };
    if opening {
        return;
    }
    let outcome = typed().map_or(Outcome::Empty, |f| Outcome::of(&f));
    let errors = match &outcome {
        Outcome::Errors(e) => e.as_slice(),
        _ => &[],
    };
    for field in ["total", "compliant"] {
        let shown = errors
            .iter()
            .find(|e| e.visit == Some(0) && e.field == field)
            .map(|e| e.shown());
        if let Some(span) = doc.get_element_by_id(&format!("v0-{field}-err")) {
            span.set_text_content(shown.as_deref());
            if let Some(amount) = span.parent_element() {
                let _ = amount
                    .class_list()
                    .toggle_with_force("invalid", shown.is_some());
            }
        }
    }
    let answer = match section.query_selector(".early-answer").ok().flatten() {
        Some(a) => a,
        None => {
            let Some(a) = element(&doc, "div", "early-answer", None) else {
                return;
            };
            let _ = section.set_attribute("aria-live", "polite");
            let _ = section.prepend_with_node_1(&a);
            a
        }
    };
    let parts: Vec<web_sys::Element> = match &outcome {
        Outcome::Empty => Vec::new(),
        Outcome::Settled(b) => {
            let (scenario, result, guessed) = &**b;
            headline(&doc, &head(scenario, result, guessed))
        }
        other => {
            let alert = !matches!(other, Outcome::Unfilled(_));
            let note = element(&doc, "p", "notice", other.notice().as_deref());
            if let (Some(n), true) = (&note, alert) {
                let _ = n.set_attribute("role", "alert");
            }
            note.into_iter().collect()
        }
    };
    let answered = !parts.is_empty();
    let Some(fresh) = element(&doc, "div", "early-answer", None) else {
        return;
    };
    for p in parts {
        let _ = fresh.append_child(&p);
    }
    // Only what changed is written: the section is a live region, and a screen reader would hear the
    // whole answer again on every key (the app, too, changes only the text that changed).
    if !same_shape(&answer, &fresh) {
        let _ = answer.replace_with_with_node_1(&fresh);
    } else {
        update_text(&answer, &fresh);
    }
    let _ = section.class_list().toggle_with_force(ANSWERED, answered);
    // The loader's line, just under the result, says what is still coming.
    if let Some(line) = doc.query_selector("#static-shell .loading").ok().flatten() {
        let says = if answered { STEPS_COMING } else { LOADING };
        if line.text_content().as_deref() != Some(says) {
            line.set_text_content(Some(says));
        }
    }
}

/// What the loader's line says as built.
const LOADING: &str = "正在加载……";

/// Whether `a` and `b` have the same elements (tags, classes, roles), text apart.
fn same_shape(a: &web_sys::Node, b: &web_sys::Node) -> bool {
    let (ka, kb) = (a.child_nodes(), b.child_nodes());
    a.node_name() == b.node_name()
        && a.dyn_ref::<web_sys::Element>()
            .map(|e| (e.class_name(), e.get_attribute("role")))
            == b.dyn_ref::<web_sys::Element>()
                .map(|e| (e.class_name(), e.get_attribute("role")))
        && ka.length() == kb.length()
        && (0..ka.length()).all(|i| match (ka.item(i), kb.item(i)) {
            (Some(x), Some(y)) => same_shape(&x, &y),
            _ => false,
        })
}

/// Writes `from`'s texts into `into`, which has the same shape, where they differ.
fn update_text(into: &web_sys::Node, from: &web_sys::Node) {
    let (ki, kf) = (into.child_nodes(), from.child_nodes());
    if ki.length() == 0 {
        if into.text_content() != from.text_content() {
            into.set_text_content(from.text_content().as_deref());
        }
        return;
    }
    for i in 0..ki.length() {
        if let (Some(x), Some(y)) = (ki.item(i), kf.item(i)) {
            update_text(&x, &y);
        }
    }
}

/// The headline as the app's `ResultHead` draws it (printed, with the title and the scenario as typed).
fn headline(doc: &web_sys::Document, h: &crate::calc_adapter::Head) -> Vec<web_sys::Element> {
    let Some(div) = element(doc, "div", "result-head", None) else {
        return Vec::new();
    };
    let title = element(doc, "p", "print-only print-title", None);
    if let (Some(p), Some(strong)) = (&title, element(doc, "strong", "", Some(&h.title))) {
        let _ = p.append_child(&strong);
    }
    let inputs = element(doc, "div", "calc-inputs print-only", None);
    if let Some(inputs) = &inputs {
        let who = element(doc, "p", "", None);
        if let (Some(p), Some(strong)) = (&who, element(doc, "strong", "", Some(INPUTS_LABEL))) {
            let _ = p.append_child(&strong);
            let _ = p.append_with_str_1(&h.who);
        }
        let list = element(doc, "ul", "", None);
        for v in &h.visits {
            if let (Some(ul), Some(li)) = (&list, element(doc, "li", "", Some(v))) {
                let _ = ul.append_child(&li);
            }
        }
        for part in [who, list].into_iter().flatten() {
            let _ = inputs.append_child(&part);
        }
    }
    let _ = div.set_attribute("data-reading", &format!("{:?}", h.how));
    let big = element(doc, "p", "big", Some(h.prefix));
    let amount = element(doc, "span", "", Some(&h.personal));
    if let (Some(big), Some(amount)) = (&big, &amount) {
        let _ = amount.set_attribute("data-testid", "personal-total");
        let _ = big.append_child(amount);
        let _ = big.append_with_str_1(" 元");
    }
    let total = element(doc, "p", "", Some(&h.total));
    if let (Some(total), true) = (&total, h.estimated) {
        if let Some(tag) = element(doc, "span", "tag assumed", Some(ESTIMATED_TAG)) {
            let _ = total.append_child(&tag);
        }
    }
    let other = h.other.as_deref().and_then(|r| {
        let p = element(doc, "p", "notice other-reading", Some(r))?;
        let _ = p.set_attribute("data-testid", "other-reading");
        Some(p)
    });
    let guess = h.guess.and_then(|g| {
        let p = element(doc, "p", "guess", Some(g))?;
        let _ = p.set_attribute("data-testid", "compliant-guess");
        Some(p)
    });
    let hint = h
        .estimated
        .then(|| element(doc, "p", "hint", Some(ESTIMATED_HINT)))
        .flatten();
    for p in [
        element(doc, "p", "", Some(h.label)),
        big,
        total,
        other,
        guess,
        hint,
    ]
    .into_iter()
    .flatten()
    {
        let _ = div.append_child(&p);
    }
    // Printed, the date and what the amount is worth, as on the app's handout (the address that opens the
    // calculation is the app's to write: the page's address does not hold it yet).
    let dated = element(
        doc,
        "p",
        "print-only",
        Some(&format!("{}　{FOR_REFERENCE}", crate::dom::printed_on())),
    );
    [title, inputs, Some(div), dated]
        .into_iter()
        .flatten()
        .collect()
}

/// A new `<tag class=…>text</tag>`.
fn element(
    doc: &web_sys::Document,
    tag: &str,
    class: &str,
    text: Option<&str>,
) -> Option<web_sys::Element> {
    let el = doc.create_element(tag).ok()?;
    if !class.is_empty() {
        el.set_class_name(class);
    }
    el.set_text_content(text);
    Some(el)
}
