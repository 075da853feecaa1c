//! One visit's fields on the calculator form: kind, hospital level, in-county, amounts.

use leptos::prelude::*;

use crate::calc_adapter::{beside_amount, FieldError};
use policy_engine::deletions::Deletions;
use policy_engine::form::{self, county_level, Amount, CalcForm, VisitForm};
use policy_engine::reads_in_county;

/// For a profile whose rules depend on 县域内 and that cites a referral rule: what a visit outside the
/// county means, in the documents' words (the `referral_rule` parameter's clause, and the clauses that
/// limit the no-deductible rule and the cap to 县域内), each with its 文号 and a link.
fn referral_hint(profile_id: &str) -> Option<impl IntoView> {
    let p = policy_engine::profile(profile_id)?;
    let quote = |key: &str| {
        let src = p.params.iter().find(|x| x.key == key)?.source.clone()?;
        Some(view! {
            <li>
                "“"{src.quote.clone()}"”"<a class="cite" href=src.href()>
                    {src.label()}
                </a>
            </li>
        })
    };
    let referral = quote("referral_rule")?;
    let limits = ["no_deductible_rule", "cap_ratio_2016"]
        .into_iter()
        .filter_map(quote)
        .collect_view();
    Some(view! {
        <div class="hint referral" data-testid="referral-hint">
            <p>"到县域外住院，文件规定要逐级转诊："</p>
            <ul>{referral}</ul>
            <p>"不设起付线和个人支付的上限，文件只写了县域内："</p>
            <ul>{limits}</ul>
        </div>
    })
}

/// The id of the calculator's 撤销删除 button, which takes the focus when a visit is deleted.
pub const UNDO_ID: &str = "undo-delete";

/// The fieldset for visit `index` of `form`, with each field's error shown beside it.
#[component]
pub fn VisitFields(
    /// The whole calculator form.
    form: RwSignal<CalcForm>,
    /// Which visit (0-based).
    index: usize,
    /// Current field errors of the form.
    #[prop(into)]
    errors: Signal<Vec<FieldError>>,
    /// The visits deleted so far (for 撤销删除); it changes only with `form`.
    deleted: StoredValue<Deletions>,
) -> impl IntoView {
    let get = move |f: fn(&VisitForm) -> String| {
        move || form.with(|s| s.visits.get(index).map(f).unwrap_or_default())
    };
    let set = move |f: fn(&mut VisitForm, String)| {
        move |ev: leptos::ev::Event| {
            // 拼音 on its way to 一万 is not an amount yet: the field is read once the characters are chosen
            // (`compositionend`).
            if crate::dom::composing(&ev) {
                return;
            }
            let v = event_target_value(&ev);
            form.update(|s| {
                if let Some(visit) = s.visits.get_mut(index) {
                    f(visit, v);
                }
            });
        }
    };
    let error = move |field: &'static str| {
        move || {
            errors.with(|es| {
                es.iter()
                    .find(|e| e.visit == Some(index) && e.field == field)
                    .cloned()
            })
        }
    };
    let paid_wrong = Memo::new(move |was: Option<&bool>| {
        was.copied().unwrap_or(false)
            || [form::BASIC_PAID, form::CRITICAL_PAID]
                .into_iter()
                .any(|a| error(a.field)().is_some())
    });
    let amount = move |Amount { field, label, hint }: Amount,
                       getf: fn(&VisitForm) -> String,
                       setf: fn(&mut VisitForm, String)| {
        let id = format!("v{index}-{field}");
        let err_id = format!("{id}-err");
        // Wrong: red and said to be invalid; on its way to an amount (`12,`), or how it was read (`即 12,000.00
        // 元`): said quietly.
        let err = Memo::new(move |_| error(field)());
        let wrong = move || err.with(|e| e.as_ref().is_some_and(FieldError::wrong));
        let text = get(getf);
        let beside = Memo::new(move |_| err.with(|e| beside_amount(&text(), e.as_ref())));
        view! {
            <div class="amount" class:invalid=wrong>
                <label for=id.clone()>{label}<span class="hint">{hint}</span></label>
                <input
                    id=id
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    placeholder="例如 12000 或 1.2万"
                    maxlength=policy_content::fragment::MAX_FIELD
                    aria-describedby=err_id.clone()
                    // Said to a screen reader as well as shown in red.
                    aria-invalid=move || wrong().then_some("true")
                    prop:value=get(getf)
                    on:input=set(setf)
                    on:compositionend=move |ev| set(setf)(ev.into())
                />
                <span
                    class="error"
                    class:pending=move || beside.with(|b| b.as_ref().is_some_and(|b| b.1))
                    id=err_id
                >
                    {move || beside.with(|b| b.as_ref().map(|b| b.0.clone()))}
                </span>
            </div>
        }
    };
    let delete = move |_| {
        let now = js_sys::Date::now();
        // A tap taken as the same tap again changes nothing: the form is not told of a change.
        form.maybe_update(|s| {
            deleted
                .try_update_value(|d| d.delete(s, index, now))
                .unwrap_or(false)
        });
        // Also after such a tap: its click took the focus.
        crate::dom::focus_soon(UNDO_ID.to_string());
    };
    view! {
        <fieldset class="visit">
            <legend>{format!("第 {} 次就诊", index + 1)}</legend>
            <div class="row">
                <div class="field">
                    <label for=format!("v{index}-kind")>"类型"</label>
                    <select
                        id=format!("v{index}-kind")
                        prop:value=get(|v| v.kind.clone())
                        on:change=set(|v, x| v.kind = x)
                    >
                        <option value="inpatient">"住院"</option>
                        <option value="chronic_outpatient">"门诊慢特病"</option>
                    </select>
                </div>
                <div class="field">
                    <label for=format!("v{index}-level")>"医院"</label>
                    <select
                        id=format!("v{index}-level")
                        prop:value=get(|v| v.level.clone())
                        on:change=set(|v, x| v.set_level(x))
                    >
                        <option value="township">"乡镇卫生院"</option>
                        <option value="county">"县级医院"</option>
                        <option value="city">"市级医院"</option>
                        <option value="province">"省级医院"</option>
                    </select>
                </div>
            </div>
            <Show when=move || {
                form.with(|s| {
                    reads_in_county(&s.profile)
                        && s.visits.get(index).is_some_and(|v| county_level(&v.level))
                })
            }>
                <label class="choice">
                    <input
                        type="checkbox"
                        data-testid="in-county"
                        prop:checked=move || {
                            form.with(|s| s.visits.get(index).is_some_and(|v| v.in_county))
                        }
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            form.update(|s| {
                                if let Some(v) = s.visits.get_mut(index) {
                                    v.in_county = on;
                                }
                            });
                        }
                    />
                    "在本县的定点医院住院或看病（县域内）"
                </label>
            </Show>
            {move || {
                form.with(|s| {
                    let v = s.visits.get(index)?;
                    (reads_in_county(&s.profile) && v.kind == "inpatient" && !v.in_county)
                        .then(|| referral_hint(&s.profile))
                        .flatten()
                })
            }}
            {amount(form::TOTAL, |v| v.total.clone(), |v, x| v.total = x)}
            {amount(form::COMPLIANT, |v| v.compliant.clone(), |v, x| v.compliant = x)}
            // Opens by itself once an amount in it is wrong (a link may carry one: the message below the
            // result points to what is marked red), and never closes by itself.
            <details prop:open=paid_wrong>
                <summary>"结算单上已经写了报销金额？（可不填）"</summary>
                {amount(form::BASIC_PAID, |v| v.basic_paid.clone(), |v, x| v.basic_paid = x)}
                {amount(
                    form::CRITICAL_PAID,
                    |v| v.critical_paid.clone(),
                    |v, x| v.critical_paid = x,
                )}
            </details>
            <Show when=move || form.with(|s| s.visits.len() > 1)>
                <button type="button" class="secondary small" on:click=delete>
                    {format!("删除第 {} 次就诊", index + 1)}
                </button>
            </Show>
        </fieldset>
    }
}
