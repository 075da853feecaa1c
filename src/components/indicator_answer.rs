//! One indicator of a scoring form and its answers (是/否, 不适用 where the form allows it, a partial score),
//! kept in the page's state.

use leptos::prelude::*;
use policy_checker::data::form::{Indicator, Kind};
use policy_checker::forms::refusal;
use policy_checker::Answer;

use crate::self_check_state::SelfCheckState;

/// An indicator's text, points and rule, and its answers.
#[component]
pub fn IndicatorAnswer(
    /// The id of the form the indicator is on (its answers are that form's).
    form: &'static str,
    /// The indicator (static data).
    ind: &'static Indicator,
    /// The page's state: answers and fields (shared with the address).
    state: RwSignal<SelfCheckState>,
) -> impl IntoView {
    let set = move |id: String, a: Option<Answer>| state.update(|s| s.answer(form, &id, a));
    let id = ind.id.clone();
    let name = format!("ind-{}", ind.id);
    let (yes_label, no_label) = ind.answer_labels();
    let current = {
        let id = id.clone();
        move || state.with(|s| s.answers_of(form).get(&id).cloned())
    };
    let is = {
        let current = current.clone();
        move |a: Answer| {
            let current = current.clone();
            move || current().as_ref() == Some(&a)
        }
    };
    let scored = {
        let current = current.clone();
        move || matches!(current(), Some(Answer::Score(_) | Answer::Typed(_)))
    };
    // Why the answer is not taken, if it is not: said below the answers, and the score box marked invalid
    // while it holds the refused score.
    let refused = {
        let current = current.clone();
        move || current().and_then(|a| refusal(ind, &a))
    };
    // One answer to choose: its radio button, checked while it is the answer, and its words.
    let choice = {
        let (id, name, is) = (id.clone(), name.clone(), is.clone());
        move |a: Answer, words: String| {
            let id = id.clone();
            let (chosen, checked) = (is(a.clone()), is(a.clone()));
            view! {
                <label class="choice" class:chosen=chosen>
                    <input
                        type="radio"
                        name=name.clone()
                        prop:checked=checked
                        on:change=move |_| set(id.clone(), Some(a.clone()))
                    />
                    {words}
                </label>
            }
        }
    };
    view! {
        <div class="indicator">
            // The row's number, as the page's messages name it (第 7 项: the 五督 table's 序号).
            <p class="ind-text">
                <span class="ind-no">{format!("第 {} 项", ind.id)}</span>
                " "
                {ind.text.clone()}
                <span class="points">{format!("（{} 分）", ind.points)}</span>
            </p>
            {ind
                .accountable
                .clone()
                .map(|a| {
                    view! { <p class="hint accountable">{format!("问责主体：{a}")}</p> }
                })}
            {ind
                .rule
                .clone()
                .map(|r| {
                    view! { <p class="hint">{format!("评分办法：{r}")}</p> }
                })}
            <div class="answers" role="radiogroup" aria-label=ind.text.clone()>
                {choice(Answer::Yes, yes_label.to_string())}
                {choice(Answer::No, no_label.to_string())}
                {ind
                    .exempt
                    .clone()
                    .map(|e| choice(
                        Answer::Exempt,
                        format!("{}：{e}", policy_checker::forms::EXEMPT),
                    ))}
                {(ind.kind == Kind::Partial)
                    .then(|| {
                        let id = id.clone();
                        let max = ind.points;
                        let input_id = format!("score-{}", ind.id);
                        let current = current.clone();
                        let value = move || match current() {
                            Some(Answer::Score(s)) => s.to_string(),
                            Some(Answer::Typed(t)) => t,
                            _ => String::new(),
                        };
                        let printed = value.clone();
                        let invalid = {
                            let (scored, refused) = (scored.clone(), refused.clone());
                            move || (scored() && refused().is_some()).then_some("true")
                        };
                        // The box shows what was typed or linked, taken or not (a note below says why not).
                        view! {
                            <label class="choice" class:chosen=scored for=input_id.clone()>
                                {format!("部分完成，得分（0–{max}）：")}
                            </label>
                            <input
                                id=input_id
                                type="text"
                                // Its decimal point on a phone's keypad (a half point, 2.5).
                                inputmode="decimal"
                                autocomplete="off"
                                class="score-input"
                                aria-invalid=invalid
                                prop:value=value
                                on:input=move |ev| {
                                    let v = event_target_value(&ev);
                                    set(
                                        id.clone(),
                                        Answer::typed(
                                            &v
                                                .chars()
                                                .take(policy_content::fragment::MAX_FIELD)
                                                .collect::<String>(),
                                        ),
                                    );
                                }
                            />
                            <span class="print-inline score-print">
                                {move || {
                                    let v = printed();
                                    if v.is_empty() { String::new() } else { format!("{v} 分") }
                                }}
                            </span>
                        }
                    })}
            </div>
            {move || {
                refused()
                    .map(|e| {
                        view! { <p class="notice answer-note">{e.to_string()}</p> }
                    })
            }}
        </div>
    }
}
