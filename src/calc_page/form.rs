//! The calculator's form in the page: the build writes it (`crates/sitegen/templates/calc.html`, one
//! visit), and this keeps it showing the state: a fieldset per visit (copies of the build's first, their
//! ids renumbered), the reading options and the assumed numbers of the region chosen, each field's value
//! and what is said beside it. What a field's change means for the state is [`read_change`].

use policy_engine::form::{self, county_level, Amount, CalcForm, VisitForm, MAX_VISITS};
use policy_engine::{profile, reads_in_county};
use wasm_bindgen::JsCast;

use super::el::{
    all, checked, el, find, flag, set_attr, set_checked, set_text, set_value, value_of, El,
};
use super::{assumed_field_id, ASSUMPTIONS_ID, UNDO_ID};
use crate::calc_adapter::{beside_amount, FieldError, OPTIONS, READING_LINK};
use policy_content::site::register_href;

/// The form in the page.
pub const FORM: &str = "form.calc-form";

/// The amounts of a visit, in the order of its fields.
const AMOUNTS: [Amount; 4] = [
    form::TOTAL,
    form::COMPLIANT,
    form::BASIC_PAID,
    form::CRITICAL_PAID,
];

/// Visit `i`'s amount `field` as typed.
fn amount_of<'a>(v: &'a VisitForm, field: &str) -> &'a str {
    match field {
        "total" => &v.total,
        "compliant" => &v.compliant,
        "basic_paid" => &v.basic_paid,
        _ => &v.critical_paid,
    }
}

/// Visit `i`'s amount `field`, to be set.
fn amount_mut<'a>(v: &'a mut VisitForm, field: &str) -> Option<&'a mut String> {
    match field {
        "total" => Some(&mut v.total),
        "compliant" => Some(&mut v.compliant),
        "basic_paid" => Some(&mut v.basic_paid),
        "critical_paid" => Some(&mut v.critical_paid),
        _ => None,
    }
}

/// What the change of the field `target` (an input or change event's) makes of `f`; whether it was one of
/// the form's fields. A region chosen is [`CalcForm::set_profile`], by the caller (it keeps the changed
/// numbers of the region left).
pub fn read_change(f: &mut CalcForm, target: &web_sys::Element) -> bool {
    let id = target.id();
    let value = value_of(target).unwrap_or_default();
    if target.get_attribute("name").as_deref() == Some("category") {
        if checked(target) {
            f.category = value;
        }
        return true;
    }
    if let Some(key) = target.get_attribute("data-option") {
        f.options.retain(|o| *o != key);
        if checked(target) {
            f.options.push(key);
        }
        return true;
    }
    if let Some(key) = id.strip_prefix("param-") {
        if value.trim().is_empty() {
            f.overrides.remove(key);
        } else {
            f.overrides.insert(key.to_string(), value);
        }
        return true;
    }
    let visit = target
        .closest("fieldset.visit")
        .ok()
        .flatten()
        .and_then(|fs| fs.get_attribute("data-visit")?.parse::<usize>().ok());
    let Some(v) = visit.and_then(|i| f.visits.get_mut(i)) else {
        return false;
    };
    if target.get_attribute("data-testid").as_deref() == Some("in-county") {
        // Asked only at a county-level hospital (the build's box, hidden for a 市级 one, stays ticked).
        if county_level(&v.level) {
            v.in_county = checked(target);
        }
        return true;
    }
    let Some((_, field)) = id.split_once('-') else {
        return false;
    };
    match field {
        "kind" => v.kind = value,
        "level" => v.set_level(value),
        _ => match amount_mut(v, field) {
            Some(a) => *a = value,
            None => return false,
        },
    }
    true
}

/// Readies the build's form for the app: its ids and buttons for each visit, the reading options (the
/// build writes their section's heading only) and the add button enabled.
pub fn ready(form: &web_sys::Element) {
    if let Some(first) = form.query_selector("fieldset.visit").ok().flatten() {
        let _ = first.set_attribute("data-visit", "0");
    }
    if let Some(add) = form.query_selector("[data-action=add]").ok().flatten() {
        flag(&add, "disabled", false);
    }
    // What the build says in place of the choices and fields added here.
    for note in all(form, ".before-app") {
        note.remove();
    }
    if let Some(section) = form.query_selector("details.readings").ok().flatten() {
        for (key, label, help, anchor) in OPTIONS {
            let line = el("label").class("choice").child(
                el("input")
                    .attr("type", "checkbox")
                    .attr("data-option", key),
            );
            let line = line.text(label).child(
                el("span").class("hint").text(&format!("（{help}）")).child(
                    el("a")
                        .attr("href", &register_href(anchor))
                        .text(READING_LINK),
                ),
            );
            let _ = section.append_child(&line.0);
        }
    }
}

/// Shows `f` in the page's form (`errors` beside their fields; `paid_open`: the visits whose paid amounts'
/// section a wrong amount has opened), each value written only where it differs from what the field holds.
pub fn show(
    form: &web_sys::Element,
    f: &CalcForm,
    errors: &[FieldError],
    paid_open: &mut Vec<bool>,
) {
    set_value_at(form, "#profile", &f.profile);
    for radio in all(form, "input[name=category]") {
        set_checked(
            &radio,
            radio.get_attribute("value").as_deref() == Some(&f.category),
        );
    }
    show_visits(form, f, errors, paid_open);
    show_add(form, f.visits.len());
    for o in all(form, "input[data-option]") {
        let key = o.get_attribute("data-option").unwrap_or_default();
        set_checked(&o, f.options.contains(&key));
        // Offered where the region's rules read it.
        if let Some(line) = o.parent_element() {
            flag(
                &line,
                "hidden",
                !crate::calc_adapter::reads(&f.profile, &key),
            );
        }
    }
    show_assumptions(form, f, errors);
}

/// Sets the value of the field `selector` finds in `form`.
fn set_value_at(form: &web_sys::Element, selector: &str, value: &str) {
    if let Some(field) = form.query_selector(selector).ok().flatten() {
        set_value(&field, value);
    }
}

/// A fieldset per visit of `f` (copies of the first, renumbered), each showing its visit.
fn show_visits(
    form: &web_sys::Element,
    f: &CalcForm,
    errors: &[FieldError],
    paid_open: &mut Vec<bool>,
) {
    let mut sets = all(form, "fieldset.visit");
    let Some(first) = sets.first().cloned() else {
        return;
    };
    while sets.len() > f.visits.len().max(1) {
        if let Some(last) = sets.pop() {
            last.remove();
        }
    }
    let after = form.query_selector("p.undo").ok().flatten();
    while sets.len() < f.visits.len() {
        let copy = numbered(&first, sets.len());
        let _ = form.insert_before(&copy, after.as_ref().map(|a| a.as_ref()));
        sets.push(copy);
    }
    paid_open.resize(f.visits.len(), false);
    for (i, (set, v)) in sets.iter().zip(&f.visits).enumerate() {
        show_visit(set, i, v, f, errors, &mut paid_open[i]);
    }
}

/// A copy of the first visit's fieldset for visit `i` (0-based): its ids, labels and descriptions
/// renumbered, its values and what is said beside them left for [`show_visit`].
fn numbered(first: &web_sys::Element, i: usize) -> web_sys::Element {
    let copy: web_sys::Element = first
        .clone_node_with_deep(true)
        .ok()
        .and_then(|n| n.dyn_into().ok())
        .unwrap_or_else(|| first.clone());
    let _ = copy.set_attribute("data-visit", &i.to_string());
    let to = format!("v{i}-");
    for node in all(&copy, "[id], [for], [aria-describedby]") {
        for name in ["id", "for", "aria-describedby"] {
            if let Some(v) = node.get_attribute(name) {
                let _ = node.set_attribute(name, &v.replacen("v0-", &to, 1));
            }
        }
    }
    for referral in all(&copy, "[data-testid=referral-hint]") {
        referral.remove();
    }
    if let Some(paid) = copy.query_selector("details").ok().flatten() {
        flag(&paid, "open", false);
    }
    if let Some(legend) = copy.query_selector("legend").ok().flatten() {
        set_text(&legend, &visit_legend(i));
    }
    copy
}

/// A visit's heading.
fn visit_legend(i: usize) -> String {
    format!("第 {} 次就诊", i + 1)
}

/// Shows visit `i`, `v`, in its fieldset `set`.
fn show_visit(
    set: &web_sys::Element,
    i: usize,
    v: &VisitForm,
    f: &CalcForm,
    errors: &[FieldError],
    paid_open: &mut bool,
) {
    set_value_at(set, &format!("#v{i}-kind"), &v.kind);
    set_value_at(set, &format!("#v{i}-level"), &v.level);
    let reads = reads_in_county(&f.profile);
    if let Some(boxed) = set.query_selector("[data-testid=in-county]").ok().flatten() {
        set_checked(&boxed, v.in_county);
        if let Some(line) = boxed.parent_element() {
            flag(&line, "hidden", !(reads && county_level(&v.level)));
        }
    }
    // What a visit outside the county means, for the region's clauses (drawn again for another region).
    let referral = set
        .query_selector("[data-testid=referral-hint]")
        .ok()
        .flatten();
    let wanted = reads && v.kind == "inpatient" && !v.in_county;
    match (referral, wanted) {
        (Some(r), true) if r.get_attribute("data-profile").as_deref() == Some(&f.profile) => {}
        (r, want) => {
            if let Some(r) = r {
                r.remove();
            }
            if want {
                if let (Some(hint), Some(first_amount)) = (
                    referral_hint(&f.profile),
                    set.query_selector("div.amount").ok().flatten(),
                ) {
                    let _ = set.insert_before(&hint.0, Some(&first_amount));
                }
            }
        }
    }
    let error = |field: &str| {
        errors
            .iter()
            .find(|e| e.visit == Some(i) && e.field == field)
    };
    for a in AMOUNTS {
        let text = amount_of(v, a.field);
        show_amount(set, &format!("v{i}-{}", a.field), text, error(a.field));
    }
    // Opens by itself once an amount in it is wrong, and never closes by itself.
    *paid_open |= [form::BASIC_PAID, form::CRITICAL_PAID]
        .into_iter()
        .any(|a| error(a.field).is_some());
    if *paid_open {
        if let Some(paid) = set.query_selector("details").ok().flatten() {
            flag(&paid, "open", true);
        }
    }
    if let Some(delete) = set.query_selector("[data-action=delete]").ok().flatten() {
        flag(&delete, "hidden", f.visits.len() < 2);
        set_text(&delete, &format!("删除第 {} 次就诊", i + 1));
    }
    if let Some(legend) = set.query_selector("legend").ok().flatten() {
        set_text(&legend, &visit_legend(i));
    }
}

/// Shows an amount field's `text` and what is said beside it: wrong (red, said to be invalid), on its
/// way to an amount or how it was read (said quietly).
fn show_amount(scope: &web_sys::Element, id: &str, text: &str, error: Option<&FieldError>) {
    let Some(input) = scope.query_selector(&format!("#{id}")).ok().flatten() else {
        return;
    };
    set_value(&input, text);
    let wrong = error.is_some_and(FieldError::wrong);
    set_attr(&input, "aria-invalid", wrong.then_some("true"));
    if let Some(amount) = input.parent_element() {
        let _ = amount.class_list().toggle_with_force("invalid", wrong);
    }
    if let Some(span) = scope.query_selector(&format!("#{id}-err")).ok().flatten() {
        let beside = beside_amount(text, error);
        set_text(&span, beside.as_ref().map_or("", |b| b.0.as_str()));
        let _ = span
            .class_list()
            .toggle_with_force("pending", beside.is_some_and(|b| b.1));
    }
}

/// For a profile whose rules depend on 县域内 and that cites a referral rule: what a visit outside the
/// county means, in the documents' words (the `referral_rule` parameter's clause, and the clauses that
/// limit the no-deductible rule and the cap to 县域内), each with its 文号 and a link.
fn referral_hint(profile_id: &str) -> Option<El> {
    let p = profile(profile_id)?;
    let quote = |key: &str| {
        let src = p.params.iter().find(|x| x.key == key)?.source.clone()?;
        Some(
            el("li").text(&format!("“{}”", src.quote)).child(
                el("a")
                    .class("cite")
                    .attr("href", &src.href())
                    .text(&src.label()),
            ),
        )
    };
    let referral = quote("referral_rule")?;
    let limits = ["no_deductible_rule", "cap_ratio_2016"]
        .into_iter()
        .filter_map(quote);
    Some(
        el("div")
            .class("hint referral")
            .attr("data-testid", "referral-hint")
            .attr("data-profile", profile_id)
            .child(el("p").text("到县域外住院，文件规定要逐级转诊："))
            .child(el("ul").child(referral))
            .child(el("p").text("不设起付线和个人支付的上限，文件只写了县域内："))
            .child(el("ul").children(limits)),
    )
}

/// The add button for `count` visits: disabled, with why, at the most a calculation holds (撤销删除's bar
/// is [`show_undo`]).
fn show_add(form: &web_sys::Element, count: usize) {
    if let Some(add) = form.query_selector("[data-action=add]").ok().flatten() {
        flag(&add, "disabled", count >= MAX_VISITS);
        let max = add.next_element_sibling();
        match (max, count >= MAX_VISITS) {
            (None, true) => {
                let hint = el("span")
                    .class("hint")
                    .text(&format!("最多算 {MAX_VISITS} 次就诊"));
                let _ = add.after_with_node_1(&hint.0);
            }
            (Some(m), false) => m.remove(),
            _ => {}
        }
    }
}

/// Shows what 撤销删除 would put back (`next`, 1-based) and what was done last (`done`), or hides the bar.
pub fn show_undo(form: &web_sys::Element, next: Option<usize>, done: Option<String>) {
    let Some(button) = form
        .owner_document()
        .and_then(|d| d.get_element_by_id(UNDO_ID))
    else {
        return;
    };
    let Some(bar) = button.parent_element() else {
        return;
    };
    flag(&bar, "hidden", next.is_none());
    set_text(
        &button,
        &next
            .map(|n| format!("撤销删除第 {n} 次就诊"))
            .unwrap_or_default(),
    );
    // What was done, the text before the button.
    let said = done.unwrap_or_default();
    match bar
        .first_child()
        .filter(|n| n.node_type() == web_sys::Node::TEXT_NODE)
    {
        Some(t) => {
            if t.text_content().as_deref() != Some(said.as_str()) {
                t.set_text_content(Some(&said));
            }
        }
        None => {
            let _ = bar.prepend_with_str_1(&said);
        }
    }
}

/// The assumed numbers of `f`'s region: their fields (made again when the region changes) and values.
fn show_assumptions(form: &web_sys::Element, f: &CalcForm, errors: &[FieldError]) {
    let Some(section) = form
        .owner_document()
        .and_then(|d| d.get_element_by_id(ASSUMPTIONS_ID))
    else {
        return;
    };
    if section.get_attribute("data-profile").as_deref() != Some(&f.profile) {
        for old in all(&section, ".param") {
            old.remove();
        }
        let _ = section.set_attribute("data-profile", &f.profile);
        let params = profile(&f.profile)
            .map(|p| p.params.as_slice())
            .unwrap_or_default();
        for x in params.iter().filter(|x| x.assumption.is_some()) {
            let id = assumed_field_id(&x.key);
            let default = x.unit.shown(x.value);
            let line = el("div")
                .class("param amount")
                .child(el("label").attr("for", &id).text(&x.label))
                .child(
                    el("input")
                        .attr("id", &id)
                        .attr("type", "text")
                        .attr("inputmode", "decimal")
                        .attr("autocomplete", "off")
                        .attr("placeholder", &default)
                        .attr(
                            "maxlength",
                            &policy_content::fragment::MAX_FIELD.to_string(),
                        )
                        .attr("aria-describedby", &format!("{id}-err")),
                )
                .child(el("span").class("hint").text(&format!("假设值 {default}")))
                .child(el("span").class("error").attr("id", &format!("{id}-err")));
            let _ = section.append_child(&line.0);
        }
    }
    for input in all(&section, ".param input") {
        let id = input.id();
        let key = id.strip_prefix("param-").unwrap_or_default();
        let text = f.overrides.get(key).map_or("", String::as_str);
        set_value(&input, text);
        let error = errors
            .iter()
            .find(|e| e.visit.is_none() && e.field == key)
            .map(FieldError::shown);
        set_attr(&input, "aria-invalid", error.is_some().then_some("true"));
        if let Some(span) = find(&format!("#{id}-err")) {
            set_text(&span, error.as_deref().unwrap_or_default());
        }
    }
}
