//! One question screen of the eligibility checker, with its yes/no choices.

use leptos::prelude::*;
use policy_checker::eligibility::{data, diseases_for};

use crate::check_flow::{go, next, step_label, Answers};
use crate::check_state::{age, CheckState, AGE_MAX};

/// A yes/no question's choices.
fn yes_no(current: Option<bool>, set: impl Fn(bool) + Copy + 'static) -> impl IntoView {
    view! {
        <label class="choice big-choice">
            <input
                type="radio"
                name="yn"
                prop:checked=current == Some(true)
                on:change=move |_| set(true)
            />
            "是"
        </label>
        <label class="choice big-choice">
            <input
                type="radio"
                name="yn"
                prop:checked=current == Some(false)
                on:change=move |_| set(false)
            />
            "否"
        </label>
    }
}

/// One question screen.
#[component]
pub fn Question(
    /// Answers so far, on this question's step.
    state: CheckState,
) -> impl IntoView {
    let draft = RwSignal::new(state.clone());
    let answers = use_context::<Answers>();
    let d = data();
    let step = state.step.clone();
    let step_is_age = step == "age";
    let (title, hint): (&str, &str) = match step.as_str() {
        "area" => ("您按哪里的政策看病？", "选您参加医保的地方。"),
        "category" => (
            "您属于哪一类人员？",
            "不清楚的话，选“不清楚”，先看不分类别都有的政策；也可以问村干部或村医。",
        ),
        "age" => ("您今年多大年纪？", "填周岁。不想填可以直接点“继续”。"),
        "insured" => (
            "您参加了城乡居民医保吗？",
            "就是每年交钱的“城乡居民基本医疗保险”。",
        ),
        "disability" => ("您有残疾吗？", "持有残疾证的选“是”。"),
        "pregnant" => ("您现在怀孕了吗？", ""),
        "illness" => (
            "您有需要长期看病吃药的病吗？",
            "比如高血压、糖尿病、结核病、严重精神障碍等慢性病。",
        ),
        _ => ("您有下面这些病吗？", "可以多选；都没有就直接点“继续”。"),
    };
    let needs_answer = move || {
        draft.with(|s| match s.step.as_str() {
            "area" => s.area.is_none(),
            "category" => s.category.is_none(),
            "insured" => s.insured.is_none(),
            "disability" => s.disability.is_none(),
            "pregnant" => s.pregnant.is_none(),
            "illness" => s.illness.is_none(),
            _ => false,
        })
    };
    // The age box as typed: a number the checker cannot take (200, 60.5, letters) is said, not taken as
    // no age (the browser's own tooltip had been all there was).
    let age_text = RwSignal::new(state.age.map(|a| a.to_string()).unwrap_or_default());
    let age_unreadable = RwSignal::new(false);
    let problem = move || -> Option<String> {
        if step_is_age {
            let typed = age_text.with(|t| !t.trim().is_empty());
            // What was wrong, then what to write, in words an elderly person uses (整数 had been the
            // word, and nothing said what was wrong).
            let wrong = if age_unreadable.get() {
                "框里填的不是数字。".to_string()
            } else if typed && draft.with(|s| s.age.is_none()) {
                age_text.with(|t| format!("“{}”不能当年龄。", t.trim()))
            } else {
                return None;
            };
            Some(format!("{wrong}年龄请只填周岁数，0 到 {AGE_MAX} 岁，不带小数点，比如 60；不想填的话，把框里的字删掉再点“继续”。"))
        } else {
            needs_answer().then(|| "请先选一项。".to_string())
        }
    };
    let (tried, set_tried) = signal(false);
    let choices = match step.as_str() {
        "area" => d
            .areas
            .iter()
            .map(|a| {
                let id = a.id.clone();
                let checked = state.area.as_deref() == Some(&a.id);
                view! {
                    <label class="choice big-choice">
                        <input
                            type="radio"
                            name="area"
                            value=a.id.clone()
                            prop:checked=checked
                            on:change=move |_| {
                                draft
                                    .update(|s| {
                                        let listed = diseases_for(&id);
                                        s.diseases = s
                                            .diseases
                                            .take()
                                            .map(|v| {
                                                v.into_iter()
                                                    .filter(|d| listed.iter().any(|x| &x.id == d))
                                                    .collect()
                                            });
                                        s.area = Some(id.clone());
                                    })
                            }
                        />
                        {a.name.clone()}
                    </label>
                }
                .into_any()
            })
            .collect_view()
            .into_any(),
        "category" => d
            .categories
            .iter()
            .map(|c| {
                let id = c.id.clone();
                let checked = state.category.as_deref() == Some(&c.id);
                view! {
                    <label class="choice big-choice">
                        <input
                            type="radio"
                            name="category"
                            value=c.id.clone()
                            prop:checked=checked
                            on:change=move |_| draft.update(|s| s.category = Some(id.clone()))
                        />
                        <span>
                            {c.name.clone()}<span class="hint">{format!(" {}", c.hint)}</span>
                        </span>
                    </label>
                }
                .into_any()
            })
            .collect_view()
            .into_any(),
        "age" => view! {
            <label for="age" class="visually-hidden">
                "年龄（周岁）"
            </label>
            <input
                id="age"
                type="number"
                inputmode="numeric"
                min="0"
                max=AGE_MAX
                class="score-input"
                aria-invalid=move || (tried.get() && problem().is_some()).then_some("true")
                aria-describedby="step-problem"
                prop:value=age_text.get_untracked()
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    age_unreadable
                        .set(event_target::<web_sys::HtmlInputElement>(&ev).validity().bad_input());
                    draft.update(|s| s.age = age(&v));
                    age_text.set(v);
                }
            />
            " 周岁"
        }
        .into_any(),
        "insured" => yes_no(state.insured, move |b| {
            draft.update(|s| s.insured = Some(b))
        })
        .into_any(),
        "disability" => yes_no(state.disability, move |b| {
            draft.update(|s| s.disability = Some(b))
        })
        .into_any(),
        "pregnant" => yes_no(state.pregnant, move |b| {
            draft.update(|s| s.pregnant = Some(b))
        })
        .into_any(),
        "illness" => yes_no(state.illness, move |b| {
            draft.update(|s| s.illness = Some(b))
        })
        .into_any(),
        _ => diseases_for(state.area.as_deref().unwrap_or(""))
            .into_iter()
            .map(|dz| {
                let id = dz.id.clone();
                let id2 = dz.id.clone();
                let checked = state.diseases.as_ref().is_some_and(|v| v.contains(&dz.id));
                view! {
                    <label class="choice">
                        <input
                            type="checkbox"
                            prop:checked=checked
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                let id = id.clone();
                                draft
                                    .update(|s| {
                                        let v = s.diseases.get_or_insert_with(Vec::new);
                                        v.retain(|x| *x != id);
                                        if on {
                                            v.push(id);
                                        }
                                    });
                            }
                        />
                        <span>
                            {dz.name.clone()}
                            {dz
                                .hint
                                .clone()
                                .map(|h| view! { <span class="hint">{format!(" {h}")}</span> })}
                        </span>
                    </label>
                    <input type="hidden" value=id2 />
                }
                .into_any()
            })
            .collect_view()
            .into_any(),
    };
    view! {
        <p class="hint" data-testid="step-label">
            {step_label(&state)}
        </p>
        // The checks are the page's own, said in its words (`novalidate`: the browser's tooltip vanishes, and
        // 朗读 does not hear it).
        <form
            novalidate
            on:submit=move |ev| {
                ev.prevent_default();
                if problem().is_some() {
                    set_tried.set(true);
                    return;
                }
                let mut s = draft.get_untracked();
                if s.step == "diseases" && s.diseases.is_none() {
                    s.diseases = Some(Vec::new());
                }
                go(answers, &next(&s));
            }
        >
            <fieldset class="question-screen">
                <legend>
                    <h2>{title}</h2>
                </legend>
                {(!hint.is_empty()).then(|| view! { <p class="hint">{hint}</p> })}
                {move || {
                    tried
                        .get()
                        .then(problem)
                        .flatten()
                        .map(|m| {
                            view! {
                                <p class="error" role="alert" id="step-problem">
                                    {m}
                                </p>
                            }
                        })
                }}
                {choices}
            </fieldset>
            <button type="submit">"继续"</button>
        </form>
    }
}
