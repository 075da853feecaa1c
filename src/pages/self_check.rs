//! `/self-check/`: the two official scoring forms of 县委办发〔2018〕83号, scored exactly as printed, and
//! the policy-awareness quiz. Answers stay in the page (nothing stored); results print on one page.

use std::collections::BTreeMap;

use leptos::prelude::*;
use policy_checker::data::form::{Form, Kind};
use policy_checker::forms::forms;
use policy_checker::quiz::quiz;
use policy_checker::{score, score_quiz, Answer};

/// The self-check page: pick a form, or the quiz.
#[component]
pub fn SelfCheckPage() -> impl IntoView {
    let (tab, set_tab) = signal(0usize);
    let tabs: Vec<(usize, String)> = forms()
        .iter()
        .map(|f| f.title.clone())
        .chain(std::iter::once("政策知识问答".to_string()))
        .enumerate()
        .collect();
    let n_forms = forms().len();
    view! {
        <div class="page">
            <h1>"自查自评与政策知识问答"</h1>
            <p>"按会宁县健康扶贫先锋行动的官方考核表逐项自查，当场算出得分；或做一做政策知识问答。填写的内容不会保存，关掉页面就没有了。"</p>
            <div class="tabs" role="tablist" aria-label="选择考核表">
                {tabs.into_iter().map(|(i, title)| view! {
                    <button type="button" role="tab" class="tab" aria-selected=move || (tab.get() == i).to_string()
                        on:click=move |_| set_tab.set(i)>{title}</button>
                }).collect_view()}
            </div>
            {move || {
                let i = tab.get();
                if i < n_forms { view! { <FormView form=&forms()[i]/> }.into_any() } else { view! { <QuizView/> }.into_any() }
            }}
        </div>
    }
}

/// One scoring form, answered indicator by indicator.
#[component]
fn FormView(
    /// The form (static data).
    form: &'static Form,
) -> impl IntoView {
    let answers = RwSignal::new(BTreeMap::<String, Answer>::new());
    let result = Memo::new(move |_| answers.with(|a| score(form, a).map_err(|e| e.to_string())));
    let set = move |id: String, a: Option<Answer>| {
        answers.update(|m| match a {
            Some(a) => {
                m.insert(id, a);
            }
            None => {
                m.remove(&id);
            }
        })
    };
    let summary = move || {
        match result.get() {
        Err(e) => view! { <p class="notice" role="alert">{e}</p> }.into_any(),
        Ok(r) => view! {
            <div class="result-head">
                <p>"得分"</p>
                <p class="big"><span data-testid="form-score">{r.total}</span>{format!(" / {} 分", r.max)}</p>
                <p>"等次："<strong data-testid="form-grade">{r.grade.clone().unwrap_or_else(|| "本表未规定等次".into())}</strong>
                    {r.vetoed.then(|| view! { <span class="tag assumed">"一票否决"</span> })}</p>
                {(!r.unanswered.is_empty()).then(|| view! { <p class="hint">{format!("还有 {} 项没有回答（没回答的不得分）。", r.unanswered.len())}</p> })}
            </div>
            {(!r.lost.is_empty()).then(|| view! {
                <h3>"失分项和整改建议"</h3>
                <ol class="steps">
                    {r.lost.iter().map(|l| view! {
                        <li>
                            <span class="rule">{format!("{}：失 {} 分", l.item, l.points_lost)}</span>
                            {l.veto.then(|| view! { <span class="tag assumed">"否决项"</span> })}
                            <div class="detail">{l.text.clone()}</div>
                            <div>{format!("整改：{}", l.fix)}</div>
                            <a class="cite" href=l.source.href()>"看考核表原文"</a>
                            {l.basis.as_ref().map(|b| view! { " · " <a class="cite" href=b.href()>"看政策条款"</a> })}
                        </li>
                    }).collect_view()}
                </ol>
            })}
        }.into_any(),
    }
    };
    view! {
        <section class="form-view" aria-label=form.title.clone()>
            <h2>{form.title.clone()}</h2>
            <p class="hint">"出处："<a href=form.source.href()>{format!("{} {}", form.source.number, form.title)}</a></p>
            {(!form.note.is_empty()).then(|| view! { <p class="notice">{form.note.clone()}</p> })}
            {form.items.iter().map(|item| view! {
                <fieldset class="form-item">
                    <legend>{format!("{}{}", item.no.map(|n| format!("{n}. ")).unwrap_or_default(), item.name)}</legend>
                    {item.indicators.iter().map(|ind| {
                        let id = ind.id.clone();
                        let name = format!("ind-{}", ind.id);
                        let yes_label = match ind.kind { Kind::Veto | Kind::YesLoses => "是（失分）", _ => "是" };
                        let no_label = match ind.kind { Kind::Veto | Kind::YesLoses => "否", _ => "否（失分）" };
                        let (id1, id2, id3, id4) = (id.clone(), id.clone(), id.clone(), id.clone());
                        let checked = move |a: Answer| { let id = id4.clone(); move || answers.with(|m| m.get(&id) == Some(&a)) };
                        view! {
                            <div class="indicator">
                                <p class="ind-text">{ind.text.clone()}<span class="points">{format!("（{} 分）", ind.points)}</span></p>
                                {ind.rule.clone().map(|r| view! { <p class="hint">{format!("评分办法：{r}")}</p> })}
                                <div class="answers" role="radiogroup" aria-label=ind.text.clone()>
                                    <label class="choice"><input type="radio" name=name.clone() prop:checked=checked(Answer::Yes)
                                        on:change=move |_| set(id1.clone(), Some(Answer::Yes))/>{yes_label}</label>
                                    <label class="choice"><input type="radio" name=name.clone() prop:checked=checked(Answer::No)
                                        on:change=move |_| set(id2.clone(), Some(Answer::No))/>{no_label}</label>
                                    {ind.exempt.clone().map(|e| {
                                        let id = id3.clone();
                                        view! { <label class="choice"><input type="radio" name=name.clone() prop:checked=checked(Answer::Exempt)
                                            on:change=move |_| set(id.clone(), Some(Answer::Exempt))/>{format!("不适用：{e}")}</label> }
                                    })}
                                    {(ind.kind == Kind::Partial).then(|| {
                                        let id = id3.clone();
                                        let max = ind.points;
                                        let input_id = format!("score-{}", ind.id);
                                        view! {
                                            <label class="choice" for=input_id.clone()>{format!("部分完成，得分（0–{max}）：")}</label>
                                            <input id=input_id type="number" min="0" max=max.to_string() inputmode="numeric" class="score-input"
                                                on:input=move |ev| {
                                                    let v = event_target_value(&ev);
                                                    set(id.clone(), v.trim().parse::<u32>().ok().map(|s| Answer::Score(s.min(max))));
                                                }/>
                                        }
                                    })}
                                </div>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
            }).collect_view()}
            <section class="calc-result" aria-live="polite">{summary}</section>
            <p class="print-note">{format!("自查日期：{}　考核表出处：{} {}（会宁县健康扶贫先锋行动）", crate::dom::today(), form.source.number, form.title)}</p>
            <p class="no-print"><button type="button" class="secondary" on:click=move |_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }>"打印自查结果"</button></p>
        </section>
    }
}

/// The policy-awareness quiz.
#[component]
fn QuizView() -> impl IntoView {
    let q = quiz();
    let answers = RwSignal::new(BTreeMap::<String, usize>::new());
    let (submitted, set_submitted) = signal(false);
    let result = Memo::new(move |_| answers.with(|a| score_quiz(q, a).ok()));
    view! {
        <section class="quiz" aria-label=q.title.clone()>
            <h2>{q.title.clone()}</h2>
            <p class="hint">{format!("共 {} 题。文件要求群众政策知晓率达到 {}%。", q.questions.len(), q.target_percent)}
                <a href=q.target_source.href()>"出处"</a></p>
            <ol class="questions">
                {q.questions.iter().map(|question| {
                    let qid = question.id.clone();
                    let marked = {
                        let qid = qid.clone();
                        move || result.with(|r| r.as_ref().and_then(|r| r.questions.iter().find(|m| m.id == qid).cloned()))
                    };
                    view! {
                        <li class="question">
                            <fieldset>
                                <legend>{question.question.clone()}</legend>
                                {question.choices.iter().enumerate().map(|(k, c)| {
                                    let qid2 = qid.clone();
                                    let qid3 = qid.clone();
                                    view! {
                                        <label class="choice">
                                            <input type="radio" name=format!("q-{qid}") prop:checked=move || answers.with(|m| m.get(&qid3) == Some(&k))
                                                on:change=move |_| answers.update(|m| { m.insert(qid2.clone(), k); })/>
                                            {c.clone()}
                                        </label>
                                    }
                                }).collect_view()}
                            </fieldset>
                            <Show when=move || submitted.get()>
                                {
                                    let m = marked();
                                    m.map(|m| view! {
                                        <div class=if m.correct { "feedback right" } else { "feedback wrong" }>
                                            <strong>{if m.correct { "✔ 答对了。" } else { "✘ 答错了。" }}</strong>
                                            {m.explanation.clone()}" "
                                            <a class="cite" href=m.source.href()>"看政策原文"</a>
                                        </div>
                                    })
                                }
                            </Show>
                        </li>
                    }
                }).collect_view()}
            </ol>
            <p><button type="button" on:click=move |_| set_submitted.set(true)>"交卷，看结果"</button></p>
            <Show when=move || submitted.get()>
                {move || result.get().map(|r| view! {
                    <div class="result-head" role="status">
                        <p>"答对"</p>
                        <p class="big"><span data-testid="quiz-score">{r.correct}</span>{format!(" / {} 题", r.total)}</p>
                        <p>{format!("正确率 {}%，{}", r.percent, if r.meets_target { "达到了文件要求的知晓率。" } else { "还没有达到文件要求的知晓率，看看上面的解释吧。" })}</p>
                    </div>
                })}
            </Show>
        </section>
    }
}
