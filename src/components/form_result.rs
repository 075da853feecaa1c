//! A scoring form's result: the score and grade, what is still unanswered, and each indicator that lost
//! points with its fix and its clauses.

use leptos::prelude::*;
use policy_checker::forms::FormResult;

/// The form's grade (等次) as scored, or that the form sets none.
fn grade(r: &FormResult) -> String {
    r.grade.clone().unwrap_or_else(|| "本表未规定等次".into())
}

/// How many items are not answered yet, and that they score nothing.
fn unanswered(r: &FormResult) -> String {
    format!("还有 {} 项没有回答（没回答的不得分）。", r.unanswered.len())
}

/// What a filled form's poster says: its score, grade and what is unanswered or lost, as the page says
/// them (or, before any answer, what the form is for).
pub fn poster_points(r: &FormResult, any_answered: bool) -> Vec<String> {
    let mut points = Vec::new();
    if !any_answered {
        points.push("按官方考核表逐项自查，当场算出得分。".to_string());
    } else {
        let veto = if r.vetoed { "（一票否决）" } else { "" };
        points.push(format!(
            "得分 {} 分，满分 {} 分；等次：{}{veto}",
            r.total,
            r.max,
            grade(r)
        ));
        if !r.unanswered.is_empty() {
            points.push(unanswered(r));
        }
        if !r.lost.is_empty() {
            points.push(format!(
                "失分 {} 项，扫码看每项的整改建议和政策条款。",
                r.lost.len()
            ));
        }
    }
    points
}

/// The score of a form as answered so far, and the answers not taken.
#[component]
pub fn FormScore(
    /// The form scored with the answers so far.
    result: Memo<FormResult>,
) -> impl IntoView {
    move || {
        let r = result.get();
        view! {
            <div class="result-head">
                <p>"得分"</p>
                <p class="big">
                    <span data-testid="form-score">{r.total.to_string()}</span>
                    // Seen as 61 / 100 分; heard (朗读, a screen reader) as 61分，满分100 分.
                    <span aria-hidden="true">" / "</span>
                    <span class="visually-hidden">"分，满分"</span>
                    {format!("{} 分", r.max)}
                </p>
                <p>
                    "等次：" <strong data-testid="form-grade">{grade(&r)}</strong>
                    {r.vetoed.then(|| view! { <span class="tag assumed">"一票否决"</span> })}
                </p>
                {(!r.refused.is_empty())
                    .then(|| {
                        view! {
                            <ul class="notice" data-testid="refused">
                                {r
                                    .refused
                                    .iter()
                                    .map(|e| view! { <li>{e.to_string()}</li> })
                                    .collect_view()}
                            </ul>
                        }
                    })}
                {(!r.unanswered.is_empty())
                    .then(|| {
                        view! { <p class="hint">{unanswered(&r)}</p> }
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
                                                {format!(
                                                    "第 {} 项 {}：失 {} 分",
                                                    l.indicator,
                                                    l.item,
                                                    l.points_lost,
                                                )}
                                            </span>
                                            {l
                                                .veto
                                                .then(|| {
                                                    view! { <span class="tag assumed">"否决项"</span> }
                                                })}
                                            <div class="detail">{l.text.clone()}</div>
                                            <div>{format!("整改：{}", l.fix)}</div>
                                            {l
                                                .accountable
                                                .as_ref()
                                                .map(|a| {
                                                    view! { <div>{format!("问责主体：{a}")}</div> }
                                                })}
                                            // What each link opens, named as on paper (看考核表原文
                                            // had printed with nothing to find it by).
                                            <a class="cite" href=l.source.href()>
                                                {format!("考核表：{}", l.source.label())}
                                            </a>
                                            {l
                                                .basis
                                                .as_ref()
                                                .map(|b| {
                                                    view! {
                                                        " · "
                                                        <a class="cite" href=b.href()>
                                                            {format!("政策条款：{}", b.label())}
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
    }
}
