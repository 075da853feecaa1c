//! One official scoring form, answered indicator by indicator and scored as printed; the answers and the
//! 乡镇 / 考核人 / 日期 fields are the page's state (kept in the address), and print as marks (☑/☐) and
//! filled lines.

use leptos::prelude::*;
use policy_checker::data::form::Form;
use policy_checker::score;

use super::form_result::poster_points;
use crate::components::{based_on, FormScore, IndicatorAnswer, PosterSummary, PrintedQr};
use crate::self_check_state::SelfCheckState;

/// A scoring form with its fields, its score and what lost points.
#[component]
pub fn ScoreForm(
    /// The form (static data).
    form: &'static Form,
    /// The page's state: answers and fields (shared with the address).
    state: RwSignal<SelfCheckState>,
) -> impl IntoView {
    let result = Memo::new(move |_| state.with(|s| score(form, s.answers_of(&form.id))));
    // The page's address as it is when printed (it carries the answers and fields).
    let url = crate::address::use_current_url();
    let field = move |id: &'static str,
                      label: &'static str,
                      kind: &'static str,
                      get: fn(&SelfCheckState) -> String,
                      put: fn(&mut SelfCheckState, String)| {
        view! {
            <span class="form-field">
                <label for=id>{label}"："</label>
                <input
                    id=id
                    type=kind
                    class="fill-line"
                    maxlength=policy_content::fragment::MAX_FIELD.to_string()
                    prop:value=move || state.with(get)
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        state.update(|s| put(s, v));
                    }
                />
                // A date prints in the site's one format, not the browser's (12/01/2026 in an English one).
                {(kind == "date")
                    .then(|| {
                        view! {
                            <span class="print-inline fill-line">
                                {move || {
                                    state.with(|s| policy_content::date::chinese_date(&get(s)))
                                }}
                            </span>
                        }
                    })}
            </span>
        }
    };
    view! {
        <section class="form-view" aria-label=form.title.clone()>
            // The poster says the score its QR code opens (the page's lead says only what the forms are).
            {move || {
                let any = state.with(|s| !s.answers_of(&form.id).is_empty());
                view! {
                    <PosterSummary
                        title=format!("{}（自查）", form.title)
                        points=result
                            .with(|r| {
                                state
                                    .with(SelfCheckState::filled_by)
                                    .into_iter()
                                    .chain(poster_points(r, any))
                                    .collect()
                            })
                        source=based_on([form.source.label().as_str()])
                        qr_name=format!("自查-{}", form.title)
                    />
                }
            }}
            <h2>{form.title.clone()}</h2>
            <p class="hint">
                "出处："
                <a href=form.source.href()>{format!("{} {}", form.source.number, form.title)}</a>
            </p>
            {(!form.note.is_empty()).then(|| view! { <p class="notice">{form.note.clone()}</p> })}
            <div class="form-fields">
                {field(
                    "f-town",
                    "乡镇",
                    "text",
                    |s| s.town.clone(),
                    |s, v| s.town = v.chars().take(policy_content::fragment::MAX_FIELD).collect(),
                )}
                {field(
                    "f-by",
                    "考核人",
                    "text",
                    |s| s.assessor.clone(),
                    |s, v| {
                        s.assessor = v.chars().take(policy_content::fragment::MAX_FIELD).collect();
                    },
                )}
                {field(
                    "f-date",
                    "日期",
                    "date",
                    |s| s.date.clone(),
                    |s, v| {
                        s.date = if crate::self_check_state::is_date(&v) {
                            v
                        } else {
                            String::new()
                        };
                    },
                )}
            </div>
            {form
                .items
                .iter()
                .map(|item| {
                    view! {
                        <fieldset class="form-item">
                            <legend>
                                {format!(
                                    "{}{}",
                                    item.no.map(|n| format!("{n}. ")).unwrap_or_default(),
                                    item.name,
                                )}
                            </legend>
                            {item
                                .indicators
                                .iter()
                                .map(|ind| {
                                    view! { <IndicatorAnswer form=&form.id ind=ind state=state /> }
                                })
                                .collect_view()}
                        </fieldset>
                    }
                })
                .collect_view()}
            <section class="calc-result" aria-live="polite">
                <FormScore result=result />
                // Scanned from the paper, the form as filled (its answers and fields are in the address):
                // printed beside the score it opens (style.css), not pages after it.
                <PrintedQr label="扫码打开这张填好的表" />
                // The date of the self-check, if given, the form's 出处, and when and where it was printed,
                // in one paragraph under the score, beside the code (style.css): the footer's line (not
                // printed on a form) had printed alone on a fifth sheet after the 五督 form, then with the
                // 出处 on a fourth.
                <p class="print-note page-foot" data-testid="form-foot">
                    {move || {
                        let when = state
                            .with(|s| {
                                (!s.date.is_empty())
                                    .then(|| {
                                        format!(
                                            "自查日期：{}　",
                                            policy_content::date::chinese_date(&s.date),
                                        )
                                    })
                            })
                            .unwrap_or_default();
                        format!(
                            "{when}考核表出处：{} {}（会宁县健康扶贫先锋行动）",
                            form.source.label(),
                            form.title,
                        )
                    }}
                    <br />
                    {move || url.with(|u| crate::address::printed_note(u))}
                </p>
            </section>
            <p class="no-print">
                <button type="button" class="secondary" on:click=|_| crate::dom::print()>
                    "打印自查结果"
                </button>
            </p>
        </section>
    }
}
