//! The calculator's answer before the app: the calc bundle's main module is this and the engine, and the
//! app (Leptos, the form's every control, the steps with their clauses) is a chunk it loads at once (see
//! `src/bin/calc.rs`). Until the app takes over, an amount typed into the build-time form is settled here
//! and its headline shown where the result goes, in the app's own words (`calc_adapter::head`,
//! `Outcome::notice`, `FieldError::shown`), so the app shows the same when it takes over; the worked
//! example steps aside meanwhile. An address with a scenario in it (a calculation's link, even one cut
//! short) is left to the app while it may come: the build's form is then not offered (`opening-link`,
//! as the shell's inline script marks a `v=` address before the wasm comes). Once the loader has said
//! the app did not come (its notice with 重试), this page is all there is: a link's calculation that the
//! build's form can hold is put into it and answered, one it cannot hold is said to wait for 重试, and
//! what is typed is kept in the address, so that 重试 (a reload) opens it again in the app.

use std::sync::atomic::{AtomicBool, Ordering};

use policy_engine::form::{CalcForm, FromLink};
use policy_engine::{profile, Category};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::calc_adapter::{
    amount_class, beside_amount, head, Outcome, ESTIMATED_HINT, ESTIMATED_TAG, FOR_REFERENCE,
    INPUTS_LABEL, PAID_COMES_LATER, WHO_CLASS,
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

/// What the result says while the address holds a calculation the build's form cannot hold (more visits,
/// amounts paid, changed numbers, something in the link not as written) and the app has not come.
pub const LINK_WAITS: &str =
    "这个链接里的计算要等计算器加载好才能打开。请检查网络后点下面的“重试”；也可以自己填写表格，马上就能算。";

/// The event `public/loader.js` sends when it has put its notice with 重试 in place of the loading line
/// (the app's files failed, or took too long; it may have before this module ran: [`on_our_own`]).
const GAVE_UP: &str = "zct-load-failed";

/// The build's form, its result section, the loader's line and the loader's notice with 重试 (which takes
/// the line's place), in the build's page.
const FORM: &str = "#static-shell form.calc-form";
const RESULT: &str = "#static-shell section.calc-result";
const LOADING_LINE: &str = "#static-shell .loading";
const RETRY: &str = "#static-shell .load-failed";
/// The loader's line in that notice when a calculation's link could not be opened at all.
const LINK_UNOPENED: &str = "#static-shell .load-failed .link-unopened";

/// The element `selector` finds in the page, if any.
fn find(selector: &str) -> Option<web_sys::Element> {
    web_sys::window()?
        .document()?
        .query_selector(selector)
        .ok()
        .flatten()
}

/// Whether the loader has said the app did not come (its notice is in the build's page): from then on
/// the build's page is all there is.
fn on_our_own() -> bool {
    find(RETRY).is_some()
}

/// Set while the address holds a calculation the build's form could not take, until something is typed.
static LINK_WAITING: AtomicBool = AtomicBool::new(false);

/// The address bar's fragment exactly as the browser gives it (never decoded as a whole).
fn address_fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The scenario in the address bar, and what in it was not taken as it stood (the app's reading of a link
/// and this page's, once the app has not come).
pub fn read_fragment() -> Option<FromLink> {
    CalcForm::from_fragment(&address_fragment())
}

/// Whether the address bar holds a scenario, which the app will open (`CalcForm::holds_scenario`: asked on
/// every key, without reading the link whole).
fn address_holds_scenario() -> bool {
    CalcForm::holds_scenario(&address_fragment())
}

/// Answers what is typed into the build's form from now until the app takes over (the build's page,
/// listeners included, then goes); answers at once what was typed before the wasm came.
pub fn start() {
    let Some(built) = find(FORM) else {
        return;
    };
    let answer = Closure::<dyn Fn(web_sys::Event)>::new(|ev: web_sys::Event| {
        // 拼音 on its way to 一万 is read once the characters are chosen, as the app reads it.
        if crate::dom::composing(&ev) {
            return;
        }
        // Typing over a link that waits: the link keeps its own history entry (Back opens it again).
        let over_link = LINK_WAITING.swap(false, Ordering::Relaxed);
        show();
        keep_in_address(over_link);
    });
    for event in ["input", "change", "compositionend"] {
        let _ = built.add_event_listener_with_callback(event, answer.as_ref().unchecked_ref());
    }
    answer.forget();
    if let Some(w) = web_sys::window() {
        // A link followed before the app has come (用这个例子改数字试试): the app will open it, or, once the
        // app has not come, this page.
        let opened = Closure::<dyn Fn()>::new(|| {
            if on_our_own() {
                open_link();
            } else {
                show();
            }
        });
        let _ = w.add_event_listener_with_callback("hashchange", opened.as_ref().unchecked_ref());
        opened.forget();
        let gave_up = Closure::<dyn Fn()>::new(open_link);
        let _ = w.add_event_listener_with_callback(GAVE_UP, gave_up.as_ref().unchecked_ref());
        gave_up.forget();
    }
    // The loader may have given up before this ran (a preload of the app's chunk failed first).
    if on_our_own() {
        open_link();
    } else {
        show();
    }
    // The benchmark reads this: from here a bill typed into the form is answered.
    crate::dom::mark("zct-answering");
}

/// With the app not come: the calculation in the address put into the build's form and answered, if the
/// form can hold it exactly (read back, it is the link's scenario, and nothing in the link was not taken as
/// it stood); otherwise the form as built and [`LINK_WAITS`] in the result's place. An address without a
/// calculation leaves the form as it is, and is made to hold what is typed.
fn open_link() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(html) = doc.document_element() {
        let _ = html.class_list().remove_1(OPENING);
    }
    // The loader's line that the form is blank, not the link's: from here the form holds the link, or the
    // result says it waits ([`LINK_WAITS`]).
    if let Some(line) = find(LINK_UNOPENED) {
        line.remove();
    }
    let Some(built) = find(FORM).and_then(|f| f.dyn_into::<web_sys::HtmlFormElement>().ok()) else {
        return;
    };
    let Some(FromLink { form, notices }) = read_fragment() else {
        // No calculation in the address: what is typed stays, and goes into the address for 重试.
        LINK_WAITING.store(false, Ordering::Relaxed);
        keep_in_address(false);
        show();
        return;
    };
    built.reset();
    put_into(&built, &form);
    let held = notices.is_empty() && typed().as_ref() == Some(&form);
    if !held {
        built.reset();
    }
    LINK_WAITING.store(!held, Ordering::Relaxed);
    show();
    if !held {
        retry_beside_result();
    }
}

/// Puts the loader's notice with 重试 just under what the result says of a link that waits, and brings
/// the two to the screen if they are below it (on a phone the result is under the form, which the link's
/// calculation hid until now; nothing typed is moved).
fn retry_beside_result() {
    let (Some(section), Some(retry)) = (find(RESULT), find(RETRY)) else {
        return;
    };
    let _ = section.append_with_node_1(&retry);
    let screen = crate::dom::screen_height();
    if screen.is_some_and(|h| retry.get_bounding_client_rect().bottom() > h) {
        retry.scroll_into_view_with_bool(false);
    }
}

/// Writes `form` into the build's form as far as its fields go (the profile, the category and the first
/// visit's kind, hospital, 县域内 and two amounts); what it cannot hold is seen when it is read back.
fn put_into(built: &web_sys::Element, form: &CalcForm) {
    let field = |selector: &str| built.query_selector(selector).ok().flatten();
    let set = |selector: &str, value: &str| {
        if let Some(el) = field(selector) {
            set_value_of(&el, value);
        }
    };
    set("#profile", &form.profile);
    if let Some(radio) = field(&format!(
        "input[name=category][value=\"{}\"]",
        form.category
    ))
    .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        radio.set_checked(true);
    }
    let Some(v) = form.visits.first() else {
        return;
    };
    set("#v0-kind", &v.kind);
    set("#v0-level", &v.level);
    if let Some(boxed) = field("[data-testid=in-county]")
        .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        boxed.set_checked(v.in_county);
    }
    set("#v0-total", &v.total);
    set("#v0-compliant", &v.compliant);
}

/// With the app not come: the address made to hold what the build's form holds now (the sealed link the
/// app writes, or none when the form is as built), so that 重试 (a reload) opens it in the app and the page
/// can be shared as it is; in an entry of its own (`push`) when the address held something else.
fn keep_in_address(push: bool) {
    if !on_our_own() {
        return;
    }
    let fragment = typed().map(|f| f.to_fragment()).unwrap_or_default();
    crate::dom::set_fragment(&fragment, push, &wasm_bindgen::JsValue::NULL);
}

/// What a person entered into the build-time form before the app started (the form is there before the
/// wasm arrives): every field, once any differs from what the build wrote (an amount typed, or only a
/// choice made: 眉山, 省级医院, 特困供养人员), so nothing entered is lost when the app takes over; `None` if
/// the form is as built.
pub fn typed() -> Option<CalcForm> {
    let built = find(FORM)?;
    if !changed_since_built(&built) {
        return None;
    }
    let value = |id: &str| value_of(&built.query_selector(&format!("#{id}")).ok().flatten()?);
    let mut form = CalcForm::default();
    if let Some(p) = value("profile").filter(|p| profile(p).is_some()) {
        form.set_profile(p, &mut Default::default());
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

/// The value of a text field or a list.
fn value_of(el: &web_sys::Element) -> Option<String> {
    if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        Some(i.value())
    } else {
        el.dyn_ref::<web_sys::HtmlSelectElement>()
            .map(|s| s.value())
    }
}

/// Sets the value of a text field or a list (what [`value_of`] reads).
fn set_value_of(el: &web_sys::Element, value: &str) {
    if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        i.set_value(value);
    } else if let Some(s) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
        s.set_value(value);
    }
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
    let on_our_own = on_our_own();
    if !on_our_own && address_holds_scenario() {
        let _ = html.class_list().add_1(OPENING);
    }
    let opening = !on_our_own && html.class_list().contains(OPENING);
    let Some(section) = find(RESULT) else {
        return;
    };
    if opening {
        return;
    }
    let form = typed();
    let outcome = form.as_ref().map_or(Outcome::Empty, Outcome::of);
    let errors = match &outcome {
        Outcome::Errors(e) => e.as_slice(),
        _ => &[],
    };
    let first = form.as_ref().and_then(|f| f.visits.first());
    for (field, text) in [
        ("total", first.map_or("", |v| v.total.as_str())),
        ("compliant", first.map_or("", |v| v.compliant.as_str())),
    ] {
        let error = errors
            .iter()
            .find(|e| e.visit == Some(0) && e.field == field);
        if let Some(span) = doc.get_element_by_id(&format!("v0-{field}-err")) {
            let beside = beside_amount(text, error);
            span.set_text_content(beside.as_ref().map(|b| b.0.as_str()));
            // As the app marks it: red when wrong, quiet on its way to an amount (`12,`) or how it was read.
            let wrong = error.is_some_and(|e| e.wrong());
            let _ = span
                .class_list()
                .toggle_with_force("pending", beside.is_some_and(|b| b.1));
            if let Some(amount) = span.parent_element() {
                let _ = amount.class_list().toggle_with_force("invalid", wrong);
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
        Outcome::Empty if LINK_WAITING.load(Ordering::Relaxed) => {
            element(&doc, "p", "notice", Some(LINK_WAITS))
                .into_iter()
                .collect()
        }
        Outcome::Empty => Vec::new(),
        Outcome::Settled(b) => {
            let (scenario, result, guessed) = &**b;
            headline(&doc, &head(scenario, result, guessed))
        }
        other => {
            let note = element(&doc, "p", "notice", other.notice().as_deref());
            if let (Some(n), true) = (&note, other.alerts()) {
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
    if let Some(line) = find(LOADING_LINE) {
        let says = if answered { STEPS_COMING } else { LOADING };
        if line.text_content().as_deref() != Some(says) {
            line.set_text_content(Some(says));
        }
    }
}

/// What the loader's line says as built.
const LOADING: &str = "正在加载……";

/// Whether `a` and `b` have the same elements (tags and every attribute: classes, roles, the reading),
/// text apart.
fn same_shape(a: &web_sys::Node, b: &web_sys::Node) -> bool {
    let (ka, kb) = (a.child_nodes(), b.child_nodes());
    a.node_name() == b.node_name()
        && a.dyn_ref::<web_sys::Element>().map(attributes)
            == b.dyn_ref::<web_sys::Element>().map(attributes)
        && ka.length() == kb.length()
        && (0..ka.length()).all(|i| match (ka.item(i), kb.item(i)) {
            (Some(x), Some(y)) => same_shape(&x, &y),
            _ => false,
        })
}

/// `el`'s attributes, names with values, in order.
fn attributes(el: &web_sys::Element) -> Vec<(String, Option<String>)> {
    el.get_attribute_names()
        .iter()
        .filter_map(|n| n.as_string())
        .map(|n| {
            let v = el.get_attribute(&n);
            (n, v)
        })
        .collect()
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
    let whole = element(doc, "span", amount_class(&h.personal), None);
    let amount = element(doc, "span", "", Some(&h.personal));
    if let (Some(big), Some(whole), Some(amount)) = (&big, &whole, &amount) {
        let _ = amount.set_attribute("data-testid", "personal-total");
        let _ = whole.append_child(amount);
        let _ = whole.append_with_str_1(" 元");
        let _ = big.append_child(whole);
    }
    let total = element(doc, "p", "", Some(&h.total));
    if let (Some(total), true) = (&total, h.estimated) {
        if let Some(tag) = element(doc, "span", "tag assumed", Some(ESTIMATED_TAG)) {
            let _ = total.append_child(&tag);
        }
    }
    // What the amount rests on, each a paragraph the app's own has the class and test id of.
    let said = |text: &Option<String>, class: &str, testid: &str| {
        let p = element(doc, "p", class, Some(text.as_deref()?))?;
        let _ = p.set_attribute("data-testid", testid);
        Some(p)
    };
    let other = said(&h.other, "notice other-reading", "other-reading");
    let guess = said(&h.guess, "guess", "compliant-guess");
    // With the clause it rests on, as the app links it: the link as the build wrote it (its label and
    // address are the app's code to write).
    if let (Some(p), Some(c)) = (&guess, &h.guess_source) {
        if let Some(t) = find(&format!("template[data-cite=\"{}\"]", c.key())) {
            let _ = p.insert_adjacent_html("beforeend", &t.inner_html());
        }
    }
    let target = said(&h.target, "guess", "target-note");
    // Where the documents disagree, the other reading's amount and where both sides' passages are.
    let contested = h.contested.iter().filter_map(|c| {
        let p = said(&Some(c.said()), "guess contested", "contested")?;
        let a = element(
            doc,
            "a",
            "no-print",
            Some(crate::calc_adapter::READING_LINK),
        )?;
        let _ = a.set_attribute("href", &c.href());
        let _ = p.append_child(&a);
        Some(p)
    });
    let hint = h
        .estimated
        .then(|| {
            element(
                doc,
                "p",
                "hint",
                Some(&format!("{ESTIMATED_HINT}{PAID_COMES_LATER}")),
            )
        })
        .flatten();
    let before = [
        element(doc, "p", WHO_CLASS, Some(&h.who)),
        element(doc, "p", "", Some(h.label)),
        big,
        total,
        other,
    ];
    for p in before
        .into_iter()
        .flatten()
        .chain(contested)
        .chain([guess, target, hint].into_iter().flatten())
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
