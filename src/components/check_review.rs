//! The eligibility checker's "check your answers" screen: every answer, each with a change link.

use leptos::prelude::*;
use policy_checker::eligibility::data;

use crate::check_flow::asked;
use crate::check_state::CheckState;
use crate::components::StepLink;

/// The answers asked so far, each as its step, its label and its value in words (the review screen's rows,
/// and the printed result's line of whom it is for).
pub fn answer_rows(state: &CheckState) -> Vec<(&'static str, &'static str, String)> {
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
    let rows: Vec<(&'static str, &'static str, String)> = vec![
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
    rows.into_iter()
        .filter(|(step, _, _)| asked(state, step))
        .collect()
}

/// The "check your answers" screen: every answer, each with a change link.
#[component]
pub fn Review(
    /// All answers.
    state: CheckState,
) -> impl IntoView {
    let result = state.at("result");
    view! {
        <h2>"请核对您的回答"</h2>
        <dl class="review">
            {answer_rows(&state)
                .into_iter()
                .map(|(step, label, value)| {
                    view! {
                        <div class="review-row">
                            <dt>{label}</dt>
                            <dd>{value}</dd>
                            // Not read aloud (nor printed): its hidden label would say the row's
                            // label a second time.
                            <dd class="no-print">
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
