//! The calculator's result for one settlement: the year's personal amount first and large
//! ([`ResultHead`], drawn in the keystroke's own task), then who pays what (table and bar) and every step
//! with its clause ([`CalcResult`], drawn once the browser has painted the keystroke). What follows once
//! typing pauses is in `calc_later`.

use leptos::prelude::*;
use policy_engine::{Scenario, YearResult};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::calc_later::Later;
use super::{based_on, HandoutLink, PosterSummary};
pub(super) use crate::calc_adapter::visits_in_words;
use crate::calc_adapter::{
    amount_class, changed_line, head, yuan, CHANGED, ESTIMATED_HINT, ESTIMATED_TAG, GUESSED,
    INPUTS_LABEL, WHO_CLASS,
};
use crate::charts::{stacked_bar, Part};

use policy_engine::summary::payers_of;

/// The id of the calculator's section of assumed numbers (the page's `<details>`), which a step that used
/// one opens.
pub const ASSUMPTIONS_ID: &str = "assumptions";

/// The id of assumed number `key`'s field in that section, where a step that used it leads.
pub fn assumed_field_id(key: &str) -> String {
    format!("param-{key}")
}

/// The value of parameter `key` in the scenario's profile, if the profile has it.
pub(super) fn param(scenario: &Scenario, key: &str) -> Option<Decimal> {
    policy_engine::summary::param_value(&scenario.profile, key)
}

/// The year's personal amount, large, with what it rests on (and, for print and the poster, the headline
/// and the scenario as typed): drawn in the keystroke's own task, so it is all the keystroke waits for.
#[component]
pub fn ResultHead(
    /// The scenario that was settled.
    scenario: Scenario,
    /// The engine's result.
    result: YearResult,
    /// For each visit, whether its compliant cost was left blank (and so taken to be the total).
    guessed: Vec<bool>,
) -> impl IntoView {
    let y = &result.year;
    let head = head(&scenario, &result, &guessed);
    let how = head.how;
    // What the page and its poster say first, and what the handout lists as typed.
    let title = head.title.clone();
    let mut points = vec![head.conditions.clone()];
    points.extend(head.other.iter().map(|r| format!("{r}。")));
    // The other reading's amount where the documents disagree (the poster had carried 750.00 元 alone).
    points.extend(head.contested.iter().map(|c| c.said()));
    points.extend(changed_line(&scenario));
    let paid: Vec<String> = payers_of(&scenario, y)
        .into_iter()
        .filter(|(label, v, _)| !v.is_zero() && label != "个人自付")
        .map(|(label, v, _)| format!("{label} {} 元", yuan(v)))
        .collect();
    if !paid.is_empty() {
        // Estimated payments are said to be, on the poster as beside the amount.
        let estimated = if head.estimated { ESTIMATED_HINT } else { "" };
        points.push(format!("{}。{estimated}", paid.join("，")));
    }
    // What a compliant cost left blank means, in the words beside the amount.
    points.extend(head.guess.clone());
    points.extend(head.target.clone());
    let poster_source = based_on(
        result
            .episodes
            .iter()
            .flat_map(|e| &e.steps)
            .filter_map(|st| st.source.as_ref())
            .chain(&head.guess_source)
            .map(|c| c.number.as_str()),
    );
    let inputs = {
        let who = head.who.clone();
        let visits = head
            .visits
            .iter()
            .map(|v| view! { <li>{v.clone()}</li> })
            .collect_view();
        view! {
            <div class="calc-inputs print-only" data-testid="calc-inputs">
                <p>
                    <strong>{INPUTS_LABEL}</strong>
                    {who}
                </p>
                <ul>{visits}</ul>
            </div>
        }
    };
    let amount_class = amount_class(&head.personal);
    view! {
        <PosterSummary
            title=title.clone()
            points=points
            source=poster_source
            qr_name=format!("计算器-{}", scenario.category.label())
        />
        <p class="print-only print-title">
            <strong>{title}</strong>
        </p>
        {inputs}
        <div class="result-head" data-reading=format!("{how:?}")>
            // Whose amount, on the screen where it stands (the form's choices are a screen or more above
            // it on a phone at 特大; printed, the conditions say it).
            <p class=WHO_CLASS>{head.who.clone()}</p>
            <p>{head.label}</p>
            <p class="big">
                // The amount and its 元 on one line (at 特大 on a phone 元 had wrapped under it).
                {head.prefix}<span class=amount_class>
                    <span data-testid="personal-total">{head.personal}</span>
                    " 元"
                </span>
            </p>
            <p>
                {head.total}
                {head.estimated.then(|| view! { <span class="tag assumed">{ESTIMATED_TAG}</span> })}
            </p>
            {head
                .other
                .map(|r| {
                    view! {
                        <p class="notice other-reading" data-testid="other-reading">
                            {r}
                        </p>
                    }
                })}
            // Where the documents disagree, the other reading's amount, with the passages on both sides.
            {head
                .contested
                .iter()
                .map(|c| {
                    view! {
                        <p class="guess contested" data-testid="contested">
                            {c.said()}
                            // On the screen only: a link on paper leads nowhere.
                            <a class="no-print" href=c.href()>
                                {crate::calc_adapter::READING_LINK}
                            </a>
                        </p>
                    }
                })
                .collect_view()}
            // What the amount rests on: a compliant cost left blank (with the clause it rests on, if it
            // names one), a document's target taken as met.
            {[
                (head.guess, head.guess_source, "compliant-guess"),
                (head.target, None, "target-note"),
            ]
                .into_iter()
                .filter_map(|(text, source, id)| {
                    text.map(|t| {
                        view! {
                            <p class="guess" data-testid=id>
                                {t}
                                {source
                                    .map(|c| {
                                        view! {
                                            <a class="cite" href=c.href()>
                                                {c.link_text()}
                                            </a>
                                        }
                                    })}
                            </p>
                        }
                    })
                })
                .collect_view()}
            {head.estimated.then(|| view! { <p class="hint">{ESTIMATED_HINT}</p> })}
        </div>
    }
}

/// Who pays what (bar and table), every step with its clause, and the handout's address and QR code:
/// drawn after the browser has painted the keystroke (see `pages::calc`).
#[component]
pub fn CalcResult(
    /// The scenario that was settled.
    scenario: Scenario,
    /// The engine's result.
    result: YearResult,
    /// For each visit, whether its compliant cost was left blank (and so taken to be the total).
    guessed: Vec<bool>,
    /// What was computed once typing paused (the handout's QR code comes from there).
    #[prop(into)]
    later: Signal<Option<Later>>,
) -> impl IntoView {
    let y = &result.year;
    let bar = stacked_bar(
        "全年医疗费用由谁支付",
        &payers_of(&scenario, y)
            .into_iter()
            .map(|(label, v, class)| Part {
                label,
                value: v.to_f64().unwrap_or(0.0),
                class,
            })
            .collect::<Vec<_>>(),
    );
    let rows = payers_of(&scenario, y)
        .into_iter()
        .map(|(label, v, _)| {
            view! {
                <tr>
                    <th scope="row">{label}</th>
                    <td class="num">{yuan(v)}</td>
                </tr>
            }
        })
        .collect_view();
    let params = policy_engine::profile(&scenario.profile);
    let changed_label = move |keys: &[String]| {
        let labels: Vec<String> = keys
            .iter()
            .map(|k| params.map_or(k.clone(), |p| p.param(k).label.clone()))
            .collect();
        (!labels.is_empty()).then(|| format!("{CHANGED}：{}", labels.join("、")))
    };
    let visits = result
        .episodes
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let steps = e.steps.iter().map(|s| {
            let link = s.source.as_ref().map(|c| (c.href(), c.link_text()));
            let changed = changed_label(&s.overridden);
            view! {
                <li>
                    // The colon is also what read-aloud hears between the two: without it a rule
                    // ending in a figure (…85%) runs into the amount (…85%0.00 元).
                    <span class="rule">{s.rule.clone()}</span>
                    <span class="sep">"："</span>
                    <span class="num">{format!("{} 元", yuan(s.amount))}</span>
                    {s.assumption.then(|| view! { <span class="tag assumed">"含假设"</span> })}
                    {changed
                        .map(|c| {
                            view! {
                                <span class="tag changed" data-testid="changed-step">
                                    {c}
                                </span>
                            }
                        })}
                    {(!s.detail.is_empty())
                        .then(|| view! { <div class="detail">{s.detail.clone()}</div> })}
                    {link
                        .map(|(href, cite)| {
                            view! {
                                <a class="cite" href=href>
                                    {cite}
                                </a>
                            }
                        })}
                    // Where the assumed number is, to see and change it (a step with no clause has
                    // nothing else to point at).
                    {s
                        .assumption
                        .then(|| {
                            let field = s.assumed.first().map(|k| assumed_field_id(k));
                            // To the first number it used (the list had opened at its top: another
                            // step's 85% for a step that used 75%).
                            view! {
                                <button
                                    type="button"
                                    class="cite to-assumed no-print"
                                    on:click=move |_| crate::dom::open_and_show(
                                        ASSUMPTIONS_ID,
                                        field.as_deref(),
                                    )
                                >
                                    "看看或改假设的数字"
                                </button>
                            }
                        })}
                </li>
            }
        }).collect_view();
            let guess = if guessed.get(i).copied().unwrap_or(false) {
                format!("，{GUESSED}")
            } else {
                String::new()
            };
            view! {
                <section class="visit-steps">
                    <h3>
                        {format!(
                            "第 {} 次就诊：总费用 {} 元{guess}",
                            i + 1,
                            yuan(e.total),
                        )}
                    </h3>
                    <ol class="steps">{steps}</ol>
                </section>
            }
        })
        .collect_view();
    let url = crate::address::use_current_url();
    // Only the code of this very scenario: printed while the later part is still that of the previous
    // keystrokes, the handout carries its address without a code rather than another scenario's code.
    let (shown, shown_guessed) = (scenario.clone(), guessed.clone());
    let qr = move || {
        later.with(|l| {
            l.as_ref()
                .filter(|l| l.is_for(&shown, &shown_guessed))
                .map(|l| l.qr.clone())
                .unwrap_or_default()
        })
    };
    view! {
        // First, under the amount: a handout that runs onto a second sheet has its code and address on
        // the first, which is the one passed on.
        <HandoutLink qr=Signal::derive(qr) url=url />
        <h2>"谁付了多少"</h2>
        <div class="chart-box no-print" inner_html=bar></div>
        <table class="pay-table">
            <thead>
                <tr>
                    <th scope="col">"支付方"</th>
                    <th scope="col" class="num">
                        "金额（元）"
                    </th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        <h2>"一步一步怎么算的"</h2>
        {visits}
    }
}
