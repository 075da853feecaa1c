//! `/check/`: which benefits a person can get, one question per screen (GOV.UK style). The answers and the
//! current screen live in the URL fragment: the browser's back button walks back, nothing is stored.

use leptos::prelude::*;
use policy_checker::eligibility::{data, diseases_for};
use policy_checker::{asks, calc_link, check, topic_answers, BenefitResult};
use wasm_bindgen::JsValue;

use crate::calc_state::CalcForm;
use crate::check_state::{CheckState, STEPS};
use crate::components::{BenefitItem, DirectAnswers, PageHeading};
use policy_content::site::{CheckerPage, PageKind};

fn read_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The answers of the current history entry. They live in `history.state`, never in the address: the back
/// button brings them back, and no answer about health or income lands in the URL, the browser's history
/// list or a synced history.
fn entry_answers() -> Option<CheckState> {
    let state = web_sys::window()?.history().ok()?.state().ok()?;
    state.as_string().map(|s| CheckState::from_fragment(&s))
}

/// The screen the address names, with the answers of this history entry (or, for an entry that has none:
/// those of a link made before answers left the address, else the answers so far). The entry is then
/// rewritten to hold the answers in its state and only the screen in its address.
fn resolve(so_far: Option<&CheckState>) -> CheckState {
    let from_url = CheckState::from_fragment(&read_hash());
    let mut s = entry_answers()
        .or_else(|| from_url.has_answers().then(|| from_url.clone()))
        .or_else(|| so_far.cloned())
        .unwrap_or_default();
    s.step = from_url.step;
    if s.area.is_none() {
        s.step = STEPS[0].into();
    }
    crate::address::replace_state(&s.step_fragment(), &JsValue::from_str(&s.to_fragment()));
    s
}

/// The checker's answers and screen, shared by its screens (context).
#[derive(Clone, Copy)]
struct Answers(RwSignal<CheckState>);

/// Goes to `state`: a new history entry (so the back button returns here) whose address names only the
/// screen, its state the answers.
fn go(answers: Option<Answers>, state: &CheckState) {
    crate::address::push_fragment(
        &state.step_fragment(),
        &JsValue::from_str(&state.to_fragment()),
    );
    if let Some(Answers(a)) = answers {
        a.set(state.clone());
    }
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Whether `step` is asked for this area (questions no rule of the area reads are skipped).
fn asked(state: &CheckState, step: &str) -> bool {
    asks(state.area.as_deref().unwrap_or("")).asks_step(step)
}

/// "第 k 步，共 n 步" over the questions this area asks (skipped ones are not counted); before an area is
/// chosen, only the number of the first step.
fn step_label(state: &CheckState) -> String {
    match state.area.as_deref() {
        Some(area) => match asks(area).step_number(&state.step) {
            Some((k, n)) => format!("第 {k} 步，共 {n} 步"),
            None => String::new(),
        },
        None => "第 1 步".into(),
    }
}

fn next(state: &CheckState) -> CheckState {
    let mut i = state.index() + 1;
    while i < STEPS.len() - 1 && !asked(state, STEPS[i]) {
        i += 1;
    }
    state.at(STEPS[i.min(STEPS.len() - 1)])
}

fn prev(state: &CheckState) -> Option<CheckState> {
    let mut i = state.index().checked_sub(1)?;
    while i > 0 && !asked(state, STEPS[i]) {
        i -= 1;
    }
    Some(state.at(STEPS[i]))
}

/// The eligibility checker.
#[component]
pub fn CheckPage() -> impl IntoView {
    // The screen changes by our own `go` (the signal is set there), by the back and forward buttons
    // (popstate), or by a fragment typed or opened in this tab (hashchange).
    let state = RwSignal::new(resolve(None));
    provide_context(Answers(state));
    let reread = move || state.set(resolve(Some(&state.get_untracked())));
    let handles = [
        window_event_listener_untyped("popstate", move |_| reread()),
        window_event_listener_untyped("hashchange", move |_| reread()),
    ];
    on_cleanup(move || handles.into_iter().for_each(|h| h.remove()));
    view! {
        <div class="page check">
            <PageHeading kind=PageKind::Checker(CheckerPage::Check) />
            <p class="hint privacy">
                "您的回答不会写进网址，也不会进浏览历史记录或发送出去；只在这个标签页里用来“返回上一步”。"
            </p>
            {move || {
                let s = state.get();
                let back = prev(&s)
                    .map(|p| {
                        view! {
                            <p class="no-print">
                                <StepLink to=p class="back-link">
                                    "‹ 返回上一步"
                                </StepLink>
                            </p>
                        }
                    });
                let body = match s.step.as_str() {
                    "result" => view! { <CheckResult state=s.clone() /> }.into_any(),
                    "review" => view! { <Review state=s.clone() /> }.into_any(),
                    _ => view! { <Question state=s.clone() /> }.into_any(),
                };
                view! {
                    {back}
                    {body}
                }
            }}
        </div>
    }
}

/// A link to another screen of the checker. It sets the fragment itself (a new history entry), since a
/// fragment-only link handled by the router would not announce the change.
#[component]
fn StepLink(
    /// The answers and screen to go to.
    to: CheckState,
    /// CSS class.
    #[prop(optional)]
    class: &'static str,
    children: Children,
) -> impl IntoView {
    let href = format!("#{}", to.step_fragment());
    let answers = use_context::<Answers>();
    view! {
        <a
            class=class
            href=href
            on:click=move |ev| {
                ev.prevent_default();
                ev.stop_propagation();
                go(answers, &to);
            }
        >
            {children()}
        </a>
    }
}

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
fn Question(
    /// Answers so far, on this question's step.
    state: CheckState,
) -> impl IntoView {
    let draft = RwSignal::new(state.clone());
    let answers = use_context::<Answers>();
    let d = data();
    let step = state.step.clone();
    let (title, hint): (&str, &str) = match step.as_str() {
        "area" => ("您按哪里的政策看病？", "选您参加医保的地方。"),
        "category" => (
            "您属于哪一类人员？",
            "不清楚的话，可以问村里的健康专干或村干部。",
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
                                        s.area = Some(id.clone());
                                        s.diseases = None;
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
                max="120"
                class="score-input"
                prop:value=state.age.map(|a| a.to_string()).unwrap_or_default()
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    draft.update(|s| s.age = v.trim().parse().ok().filter(|a| *a <= 120));
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
        <form on:submit=move |ev| {
            ev.prevent_default();
            if needs_answer() {
                set_tried.set(true);
                return;
            }
            let mut s = draft.get_untracked();
            if s.step == "diseases" && s.diseases.is_none() {
                s.diseases = Some(Vec::new());
            }
            go(answers, &next(&s));
        }>
            <fieldset class="question-screen">
                <legend>
                    <h2>{title}</h2>
                </legend>
                {(!hint.is_empty()).then(|| view! { <p class="hint">{hint}</p> })}
                <Show when=move || tried.get() && needs_answer()>
                    <p class="error" role="alert">
                        "请先选一项。"
                    </p>
                </Show>
                {choices}
            </fieldset>
            <button type="submit">"继续"</button>
        </form>
    }
}

/// The "check your answers" screen: every answer, each with a change link.
#[component]
fn Review(
    /// All answers.
    state: CheckState,
) -> impl IntoView {
    let d = data();
    let yes_no = |b: Option<bool>| match b {
        Some(true) => "是",
        Some(false) => "否",
        None => "没有回答",
    };
    let area = state
        .area
        .as_ref()
        .and_then(|a| d.areas.iter().find(|x| &x.id == a))
        .map(|a| a.name.clone())
        .unwrap_or_default();
    let category = state
        .category
        .as_ref()
        .and_then(|c| d.categories.iter().find(|x| &x.id == c))
        .map(|c| c.name.clone())
        .unwrap_or_default();
    let diseases = state
        .diseases
        .clone()
        .unwrap_or_default()
        .iter()
        .filter_map(|id| {
            d.diseases
                .iter()
                .find(|x| &x.id == id)
                .map(|x| x.name.clone())
        })
        .collect::<Vec<_>>();
    let rows: Vec<(&str, &str, String)> = vec![
        ("area", "政策地区", area),
        ("category", "人员类别", category),
        (
            "age",
            "年龄",
            state
                .age
                .map(|a| format!("{a} 周岁"))
                .unwrap_or_else(|| "没有填".into()),
        ),
        ("insured", "参加城乡居民医保", yes_no(state.insured).into()),
        ("disability", "有残疾", yes_no(state.disability).into()),
        ("pregnant", "正在怀孕", yes_no(state.pregnant).into()),
        ("illness", "有长期病", yes_no(state.illness).into()),
        (
            "diseases",
            "患有的疾病",
            if diseases.is_empty() {
                "没有".into()
            } else {
                diseases.join("、")
            },
        ),
    ];
    let result = state.at("result");
    view! {
        <h2>"请核对您的回答"</h2>
        <dl class="review">
            {rows
                .into_iter()
                .filter(|(step, _, _)| asked(&state, step))
                .map(|(step, label, value)| {
                    view! {
                        <div class="review-row">
                            <dt>{label}</dt>
                            <dd>{value}</dd>
                            <dd>
                                <StepLink to=state
                                    .at(
                                        step,
                                    )>
                                    "修改"<span class="visually-hidden">{label}</span>
                                </StepLink>
                            </dd>
                        </div>
                    }
                })
                .collect_view()}
        </dl>
        <p>
            <StepLink to=result class="button">
                "看结果"
            </StepLink>
        </p>
    }
}

/// The result: benefits that apply, then those that do not and why.
#[component]
fn CheckResult(
    /// All answers.
    state: CheckState,
) -> impl IntoView {
    let person = state.person();
    let benefits = match check(&person) {
        Ok(b) => b,
        Err(e) => {
            return view! {
                <p class="notice" role="alert">
                    {format!("{e}。请返回修改。")}
                </p>
            }
            .into_any()
        }
    };
    let calc = calc_link(&person).ok().flatten().map(|l| {
        let form = CalcForm {
            profile: l.profile,
            category: l.category.unwrap_or_else(|| "ordinary".into()),
            ..CalcForm::default()
        };
        format!("/calc/#{}", form.to_fragment())
    });
    let direct = topic_answers(&person).unwrap_or_default();
    let (yes, no): (Vec<BenefitResult>, Vec<BenefitResult>) =
        benefits.into_iter().partition(|b| b.applies);
    let review = state.at("review");
    view! {
        <DirectAnswers answers=direct />
        <h2 data-testid="benefit-count">{format!("您可能享受 {} 项政策", yes.len())}</h2>
        <p class="hint">
            "点每一项看说明和政策原文。以下根据政策文件原文整理，具体以当地经办机构为准。"
            <StepLink to=review>"修改回答"</StepLink>
        </p>
        <ol class="benefits">
            {yes.into_iter().map(|b| view! { <BenefitItem benefit=b /> }).collect_view()}
        </ol>
        {calc
            .map(|href| {
                view! {
                    <p>
                        <a class="button" href=href>
                            "算一算看病要花多少钱"
                        </a>
                    </p>
                }
            })}
        {(!no.is_empty())
            .then(|| {
                view! {
                    <details class="not-for-you">
                        <summary>
                            {format!("这些政策不适合您（{} 项），为什么", no.len())}
                        </summary>
                        <ul>
                            {no
                                .into_iter()
                                .map(|b| {
                                    view! {
                                        <li>
                                            <strong>{b.name.clone()}</strong>
                                            "："
                                            {b.why_not.clone().unwrap_or_default()}
                                            " "
                                            <a class="cite" href=b.source.href()>
                                                "原文"
                                            </a>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    </details>
                }
            })}
        <p class="print-note">
            {format!(
                "查询日期：{}　结果依据政策文件原文整理，具体以当地经办机构为准。",
                crate::dom::today(),
            )}
        </p>
        <p class="no-print">
            <button
                type="button"
                class="secondary"
                on:click=|_| {
                    if let Some(w) = web_sys::window() {
                        let _ = w.print();
                    }
                }
            >
                "打印结果"
            </button>
        </p>
    }
    .into_any()
}
