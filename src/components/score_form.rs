//! One official scoring form, answered indicator by indicator and scored as printed; the answers and the
//! 乡镇 / 考核人 / 日期 fields are the page's state (kept in the address), and print as marks (☑/☐) and
//! filled lines.

use leptos::prelude::*;
use policy_checker::data::form::{Form, Kind};
use policy_checker::{score, Answer};

use crate::self_check_state::SelfCheckState;

/// A scoring form with its fields, its score and what lost points.
#[component]
pub fn ScoreForm(
    /// The form (static data).
    form: &'static Form,
    /// The page's state: answers and fields (shared with the address).
    state: RwSignal<SelfCheckState>,
) -> impl IntoView {
    let result =
        Memo::new(move |_| state.with(|s| score(form, &s.answers).map_err(|e| e.to_string())));
    let set = move |id: String, a: Option<Answer>| {
        state.update(|s| match a {
            Some(a) => {
                s.answers.insert(id, a);
            }
            None => {
                s.answers.remove(&id);
            }
        })
    };
    let summary = move || {
        match result.get() {
        Err(e) => view! {
            <p class="notice" role="alert">
                {e}
            </p>
        }.into_any(),
        Ok(r) => view! {
            <div class="result-head">
                <p>"得分"</p>
                <p class="big">
                    <span data-testid="form-score">{r.total}</span>
                    {format!(" / {} 分", r.max)}
                </p>
                <p>
                    "等次："
                    <strong data-testid="form-grade">
                        {r.grade.clone().unwrap_or_else(|| "本表未规定等次".into())}
                    </strong>
                    {r.vetoed.then(|| view! { <span class="tag assumed">"一票否决"</span> })}
                </p>
                {(!r.unanswered.is_empty())
                    .then(|| {
                        view! {
                            <p class="hint">
                                {format!(
                                    "还有 {} 项没有回答（没回答的不得分）。",
                                    r.unanswered.len(),
                                )}
                            </p>
                        }
                    })}
            </div>
            {(!r.lost.is_empty())
                .then(|| {
                    view! {
                        <h3>"失分项和整改建议"</h3>
                        <ol class="steps">
                            {r
                                .lost
                                .iter()
                                .map(|l| {
                                    view! {
                                        <li>
                                            <span class="rule">
                                                {format!("{}：失 {} 分", l.item, l.points_lost)}
                                            </span>
                                            {l
                                                .veto
                                                .then(|| {
                                                    view! { <span class="tag assumed">"否决项"</span> }
                                                })}
                                            <div class="detail">{l.text.clone()}</div>
                                            <div>{format!("整改：{}", l.fix)}</div>
                                            <a class="cite" href=l.source.href()>
                                                "看考核表原文"
                                            </a>
                                            {l
                                                .basis
                                                .as_ref()
                                                .map(|b| {
                                                    view! {
                                                        " · "
                                                        <a class="cite" href=b.href()>
                                                            "看政策条款"
                                                        </a>
                                                    }
                                                })}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ol>
                    }
                })}
        }
        .into_any(),
    }
    };
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
                    maxlength=crate::fragment::MAX_FIELD.to_string()
                    prop:value=move || state.with(get)
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        state.update(|s| put(s, v));
                    }
                />
            </span>
        }
    };
    view! {
        <section class="form-view" aria-label=form.title.clone()>
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
                    |s, v| s.town = v.chars().take(crate::fragment::MAX_FIELD).collect(),
                )}
                {field(
                    "f-by",
                    "考核人",
                    "text",
                    |s| s.assessor.clone(),
                    |s, v| s.assessor = v.chars().take(crate::fragment::MAX_FIELD).collect(),
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
                                    let id = ind.id.clone();
                                    let name = format!("ind-{}", ind.id);
                                    let (yes_label, no_label) = ind.answer_labels();
                                    let current = {
                                        let id = id.clone();
                                        move || state.with(|s| s.answers.get(&id).copied())
                                    };
                                    let is = {
                                        let current = current.clone();
                                        move |a: Answer| {
                                            let current = current.clone();
                                            move || current() == Some(a)
                                        }
                                    };
                                    let scored = {
                                        let current = current.clone();
                                        move || matches!(current(), Some(Answer::Score(_)))
                                    };
                                    let (id1, id2, id3) = (id.clone(), id.clone(), id.clone());
                                    view! {
                                        <div class="indicator">
                                            <p class="ind-text">
                                                {ind.text.clone()}
                                                <span class="points">
                                                    {format!("（{} 分）", ind.points)}
                                                </span>
                                            </p>
                                            {ind
                                                .rule
                                                .clone()
                                                .map(|r| {
                                                    view! {
                                                        <p class="hint">{format!("评分办法：{r}")}</p>
                                                    }
                                                })}
                                            <div
                                                class="answers"
                                                role="radiogroup"
                                                aria-label=ind.text.clone()
                                            >
                                                <label class="choice" class:chosen=is(Answer::Yes)>
                                                    <input
                                                        type="radio"
                                                        name=name.clone()
                                                        prop:checked=is(Answer::Yes)
                                                        on:change=move |_| set(id1.clone(), Some(Answer::Yes))
                                                    />
                                                    {yes_label}
                                                </label>
                                                <label class="choice" class:chosen=is(Answer::No)>
                                                    <input
                                                        type="radio"
                                                        name=name.clone()
                                                        prop:checked=is(Answer::No)
                                                        on:change=move |_| set(id2.clone(), Some(Answer::No))
                                                    />
                                                    {no_label}
                                                </label>
                                                {ind
                                                    .exempt
                                                    .clone()
                                                    .map(|e| {
                                                        let id = id3.clone();
                                                        view! {
                                                            <label class="choice" class:chosen=is(Answer::Exempt)>
                                                                <input
                                                                    type="radio"
                                                                    name=name.clone()
                                                                    prop:checked=is(Answer::Exempt)
                                                                    on:change=move |_| set(id.clone(), Some(Answer::Exempt))
                                                                />
                                                                {format!("不适用：{e}")}
                                                            </label>
                                                        }
                                                    })}
                                                {(ind.kind == Kind::Partial)
                                                    .then(|| {
                                                        let id = id3.clone();
                                                        let max = ind.points;
                                                        let input_id = format!("score-{}", ind.id);
                                                        let current = current.clone();
                                                        let value = move || match current() {
                                                            Some(Answer::Score(s)) => s.to_string(),
                                                            _ => String::new(),
                                                        };
                                                        let printed = value.clone();
                                                        view! {
                                                            <label
                                                                class="choice"
                                                                class:chosen=scored
                                                                for=input_id.clone()
                                                            >
                                                                {format!("部分完成，得分（0–{max}）：")}
                                                            </label>
                                                            <input
                                                                id=input_id
                                                                type="number"
                                                                min="0"
                                                                max=max.to_string()
                                                                inputmode="numeric"
                                                                class="score-input"
                                                                prop:value=value
                                                                on:input=move |ev| {
                                                                    let v = event_target_value(&ev);
                                                                    set(
                                                                        id.clone(),
                                                                        v
                                                                            .trim()
                                                                            .parse::<u32>()
                                                                            .ok()
                                                                            .map(|s| Answer::Score(s.min(max))),
                                                                    );
                                                                }
                                                            />
                                                            <span class="print-only score-print">
                                                                {move || {
                                                                    let v = printed();
                                                                    if v.is_empty() {
                                                                        String::new()
                                                                    } else {
                                                                        format!("{v} 分")
                                                                    }
                                                                }}
                                                            </span>
                                                        }
                                                    })}
                                            </div>
                                        </div>
                                    }
                                })
                                .collect_view()}
                        </fieldset>
                    }
                })
                .collect_view()}
            <section class="calc-result" aria-live="polite">
                {summary}
            </section>
            <p class="print-note">
                {format!(
                    "自查日期：{}　考核表出处：{} {}（会宁县健康扶贫先锋行动）",
                    crate::dom::today(),
                    form.source.number,
                    form.title,
                )}
            </p>
            <p class="no-print">
                <button
                    type="button"
                    class="secondary"
                    on:click=move |_| {
                        if let Some(w) = web_sys::window() {
                            let _ = w.print();
                        }
                    }
                >
                    "打印自查结果"
                </button>
            </p>
        </section>
    }
}
