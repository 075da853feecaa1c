//! The policy-awareness quiz, one region at a time (会宁/甘肃, 眉山, 德州, 全部): only the questions answered
//! are scored ("答对 x / 已答 y 题"); an unanswered one says 未作答, never 答错了. The region is the page's
//! state (kept in the address).

use std::collections::BTreeMap;

use leptos::prelude::*;
use policy_checker::data::quiz::Quiz;
use policy_checker::quiz::{questions_in, quiz, score_quiz_in, REGIONS};

use super::{based_on, PosterSummary, PrintedQr};
use crate::self_check_state::SelfCheckState;

/// The region shown when the address names none (the site's own county).
pub const DEFAULT_REGION: &str = "huining";

/// The quiz with its region filter.
#[component]
pub fn QuizView(
    /// The page's state: the region filter (shared with the address).
    state: RwSignal<SelfCheckState>,
) -> impl IntoView {
    let q = quiz();
    let region = Memo::new(move |_| {
        state.with(|s| {
            if REGIONS.iter().any(|(id, _)| *id == s.region) {
                s.region.clone()
            } else {
                DEFAULT_REGION.to_string()
            }
        })
    });
    // The awareness target is 会宁's (its document's): said for a group with that document's questions,
    // not for 眉山's or 德州's, whose posters had carried it.
    let target_here = Memo::new(move |_| {
        let r = region.get();
        let here = questions_in(q, &r).any(|x| x.source.doc == q.target_source.doc);
        here
    });
    let answers = RwSignal::new(BTreeMap::<String, usize>::new());
    let (submitted, set_submitted) = signal(false);
    let result = Memo::new(move |_| {
        let r = region.get();
        answers.with(|a| score_quiz_in(q, a, Some(&r)).ok())
    });
    view! {
        <section class="quiz" aria-label=q.title.clone()>
            // The group named with the title: on paper the region's buttons are not printed.
            <h2>{move || format!("{}（{}）", q.title, region_label(&region.get()))}</h2>
            <div class="region-filter" role="group" aria-label="按地区选题">
                {REGIONS
                    .iter()
                    .map(|(id, label)| {
                        let id = *id;
                        view! {
                            <button
                                type="button"
                                class="tab"
                                data-region=id
                                aria-pressed=move || (region.get() == id).to_string()
                                on:click=move |_| {
                                    set_submitted.set(false);
                                    state.update(|s| s.region = id.to_string());
                                }
                            >
                                {*label}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            // The poster says which region's questions its QR code opens (the page's lead names 会宁's
            // forms), and the documents they come from.
            {move || {
                let r = region.get();
                let label = region_label(&r);
                let shown: Vec<_> = questions_in(q, &r).collect();
                let target_doc = target_here.get().then_some(q.target_source.number.as_str());
                view! {
                    <PosterSummary
                        title=format!("{}（{label}）", q.title)
                        points=[
                            group_size(shown.len()),
                            "扫码在手机上作答，交卷后看每题对错、解释和政策原文。"
                                .to_string(),
                        ]
                            .into_iter()
                            .chain(target_doc.map(|_| target(q)))
                            .collect()
                        source=based_on(
                            shown.iter().map(|x| x.source.number.as_str()).chain(target_doc),
                        )
                        qr_name=format!("知识问答-{label}")
                    />
                }
            }}
            <p class="hint">
                {move || group_size(result.with(|r| r.as_ref().map_or(0, |r| r.total)))}
                {move || {
                    target_here
                        .get()
                        .then(|| {
                            view! {
                                {format!(" {}", target(q))}
                                // The clause by its label, as the site's other 出处 (a bare 出处 said
                                // nothing on paper).
                                "出处："
                                <a href=q.target_source.href()>{q.target_source.label()}</a>
                            }
                        })
                }}
            </p>
            <ol class="questions">
                {move || {
                    let r = region.get();
                    questions_in(q, &r)
                        .enumerate()
                        .map(|(i, question)| {
                            let qid = question.id.clone();
                            let marked = {
                                let qid = qid.clone();
                                move || {
                                    result
                                        .with(|r| {
                                            r.as_ref()
                                                .and_then(|r| {
                                                    r.questions.iter().find(|m| m.id == qid).cloned()
                                                })
                                        })
                                }
                            };
                            view! {
                                <li class="question" data-area=question.area.clone()>
                                    <fieldset>
                                        // Its number in the question's words (a list's marker stands
                                        // beside the first line in flow, the first choice: the legend
                                        // floats to keep its lines inside the box).
                                        <legend>
                                            <span class="q-no">{format!("{}. ", i + 1)}</span>
                                            {question.question.clone()}
                                        </legend>
                                        {question
                                            .choices
                                            .iter()
                                            .enumerate()
                                            .map(|(k, c)| {
                                                let qid2 = qid.clone();
                                                let qid3 = qid.clone();
                                                view! {
                                                    <label class="choice">
                                                        <input
                                                            type="radio"
                                                            name=format!("q-{qid}")
                                                            prop:checked=move || {
                                                                answers.with(|m| m.get(&qid3) == Some(&k))
                                                            }
                                                            on:change=move |_| {
                                                                answers
                                                                    .update(|m| {
                                                                        m.insert(qid2.clone(), k);
                                                                    })
                                                            }
                                                        />
                                                        {c.clone()}
                                                    </label>
                                                }
                                            })
                                            .collect_view()}
                                    </fieldset>
                                    <Show when=move || {
                                        submitted.get()
                                    }>
                                        {
                                            let m = marked.clone()();
                                            m.map(|m| {
                                                let (class, word) = match (m.chosen, m.correct) {
                                                    (None, _) => ("feedback unanswered", "未作答。"),
                                                    (Some(_), true) => ("feedback right", "✔ 答对了。"),
                                                    (Some(_), false) => ("feedback wrong", "✘ 答错了。"),
                                                };
                                                view! {
                                                    <div class=class>
                                                        <strong>{word}</strong>
                                                        {m.explanation.clone()}
                                                        " "
                                                        <a class="cite" href=m.source.href()>
                                                            "看政策原文"
                                                        </a>
                                                    </div>
                                                }
                                            })
                                        }
                                    </Show>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ol>
            <p class="no-print">
                <button type="button" on:click=move |_| set_submitted.set(true)>
                    "交卷，看结果"
                </button>
            </p>
            // Printed for a briefing: scanned from the paper, this group's questions on a phone.
            <PrintedQr label="扫码在手机上作答这一组题" />
            <Show when=move || {
                submitted.get()
            }>
                {move || {
                    result
                        .get()
                        .map(|r| {
                            view! {
                                <div class="result-head" role="status">
                                    <p>"答对"</p>
                                    <p class="big">
                                        <span data-testid="quiz-score">{r.correct}</span>
                                        " / 已答 "
                                        <span data-testid="quiz-answered">{r.answered}</span>
                                        " 题"
                                    </p>
                                    <p>
                                        {if r.answered == 0 {
                                            "还没有答题。".to_string()
                                        } else {
                                            format!(
                                                "已答的题正确率 {}%{}{}",
                                                r.answered_percent,
                                                match (
                                                    target_here.get(),
                                                    r.answered_percent >= r.target_percent,
                                                ) {
                                                    (false, _) => "。",
                                                    (true, true) => "，达到了文件要求的知晓率。",
                                                    (true, false) => {
                                                        "，还没有达到文件要求的知晓率，看看上面的解释吧。"
                                                    }
                                                },
                                                if r.answered < r.total {
                                                    format!(
                                                        "这一组还有 {} 题没答，没答的不算错。",
                                                        r.total - r.answered,
                                                    )
                                                } else {
                                                    String::new()
                                                },
                                            )
                                        }}
                                    </p>
                                </div>
                            }
                        })
                }}
            </Show>
        </section>
    }
}

/// The label of region `id`'s group (`眉山`), empty for an unknown one.
fn region_label(id: &str) -> &'static str {
    REGIONS
        .iter()
        .find(|(r, _)| *r == id)
        .map_or("", |(_, l)| *l)
}

/// How many questions the region's group has, and that only those answered count.
fn group_size(n: usize) -> String {
    format!("这一组共 {n} 题，答几题都可以，只算答了的题。")
}

/// The awareness rate a document requires, and which document (会宁's: said only with its questions).
fn target(q: &Quiz) -> String {
    format!(
        "{}要求群众政策知晓率达到 {}%。",
        q.target_source.number, q.target_percent
    )
}
