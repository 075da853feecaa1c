//! The calculator's result for one settlement: the year's personal amount first and large
//! ([`ResultHead`], drawn in the keystroke's own task), then who pays what (table and bar) and every step
//! with its clause ([`CalcResult`], drawn once the browser has painted the keystroke). What follows once
//! typing pauses is in `calc_later`.

use leptos::prelude::*;
use policy_engine::{Scenario, YearResult};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::calc_later::Later;
use super::HandoutLink;
use crate::calc_adapter::{
    changed_numbers, clause_ref, other_reading, reading, source_href, wan, yuan, Reading, CHANGED,
};
use crate::charts::{stacked_bar, Part};

use policy_engine::summary::{kind_label, payers};

/// The id of the calculator's section of assumed numbers (the page's `<details>`), which a step that used
/// one opens.
pub const ASSUMPTIONS_ID: &str = "assumptions";

/// The value of parameter `key` in the scenario's profile, if the profile has it.
pub(super) fn param(scenario: &Scenario, key: &str) -> Option<Decimal> {
    policy_engine::summary::param_value(&scenario.profile, key)
}

/// The visits in a few words: `县级医院住院 1.2 万元`, or `全年 3 次就诊共 5 万元`.
pub(super) fn visits_in_words(scenario: &Scenario, total: Decimal) -> String {
    match scenario.episodes.as_slice() {
        [e] => format!("{} {}", kind_label(e), wan(e.total)),
        es => format!("全年 {} 次就诊共 {}", es.len(), wan(total)),
    }
}

/// The headline for the poster and the page: `建档立卡贫困人口 · 县级医院住院 1.2 万元：最多自付 1,800 元`.
fn poster_title(scenario: &Scenario, total: Decimal, personal: Decimal, how: Reading) -> String {
    let what = visits_in_words(scenario, total);
    let pays = match how {
        Reading::Ceiling => format!("最多自付 {}", wan(personal)),
        // Already an estimate: one 约 (`wan` says 约 when it rounds).
        Reading::FromTotal => format!("个人自付约 {}", wan(personal).trim_start_matches("约 ")),
        Reading::AsTyped => format!("个人自付 {}", wan(personal)),
    };
    format!("{} · {what}：{pays}", scenario.category.label())
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
    let how = reading(&scenario, &guessed);
    let estimated = y.estimated;
    // What the page and its poster say first, and what the handout lists as typed.
    let title = poster_title(&scenario, y.total, y.personal, how);
    let other = other_reading(&scenario.options);
    let mut points: Vec<String> = other.iter().map(|r| format!("{r}。")).collect();
    let changed = changed_numbers(&scenario);
    if !changed.is_empty() {
        points.push(format!("{CHANGED}：{}。", changed.join("；")));
    }
    let paid: Vec<String> = payers(&scenario.profile, y)
        .into_iter()
        .filter(|(label, v, _)| !v.is_zero() && label != "个人自付")
        .map(|(label, v, _)| format!("{label} {} 元", yuan(v)))
        .collect();
    if !paid.is_empty() {
        points.push(format!("{}。", paid.join("，")));
    }
    if how != Reading::AsTyped {
        points.push(match how {
            Reading::Ceiling => {
                "合规费用按总费用估算：目录外费用由定点医院承担，实际个人自付不会更多。".to_string()
            }
            _ => "合规费用按总费用估算，以医保经办机构结算为准。".to_string(),
        });
    }
    let mut numbers: Vec<String> = Vec::new();
    for e in &result.episodes {
        for st in &e.steps {
            if let Some((n, _)) = clause_ref(&scenario.profile, &st.source)
                .as_deref()
                .and_then(|c| c.split_once(' '))
            {
                if !numbers.iter().any(|x| x == n) {
                    numbers.push(n.to_string());
                }
            }
        }
    }
    let poster_source = if numbers.is_empty() {
        "健康扶贫政策通".to_string()
    } else {
        format!("依据：{}", numbers.join("、"))
    };
    let inputs = {
        let who = format!(
            "{} · {}",
            policy_engine::profile(&scenario.profile).map_or(String::new(), |p| p.name.clone()),
            scenario.category.label()
        );
        let visits = scenario
            .episodes
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let mut parts = vec![format!("第 {} 次：{}", i + 1, kind_label(e))];
                if policy_engine::reads_in_county(&scenario.profile) {
                    parts.push(if e.in_county {
                        "县域内".into()
                    } else {
                        "县域外".into()
                    });
                }
                parts.push(format!("总费用 {} 元", yuan(e.total)));
                parts.push(if guessed.get(i).copied().unwrap_or(false) {
                    "合规费用未填（按总费用估算）".into()
                } else {
                    format!("合规费用 {} 元", yuan(e.compliant))
                });
                if let Some(b) = e.basic_paid {
                    parts.push(format!("基本医保已报销 {} 元", yuan(b)));
                }
                if let Some(c) = e.critical_paid {
                    parts.push(format!("大病保险已报销 {} 元", yuan(c)));
                }
                view! { <li>{parts.join("，")}</li> }
            })
            .collect_view();
        view! {
            <div class="calc-inputs print-only" data-testid="calc-inputs">
                <p>
                    <strong>"计算条件："</strong>
                    {who}
                </p>
                <ul>{visits}</ul>
            </div>
        }
    };
    let (head_label, big_prefix) = match how {
        Reading::Ceiling => ("全年个人自付", "最多自付 "),
        Reading::FromTotal => ("全年个人自付（按总费用估算）", ""),
        Reading::AsTyped => ("全年个人自付", ""),
    };
    let poster_points = points.join("\n");
    view! {
        <div
            hidden
            class="poster-summary"
            data-qr-name=format!("计算器-{}", scenario.category.label())
            data-poster-title=title.clone()
            data-poster-points=poster_points
            data-poster-source=poster_source
        ></div>
        <p class="print-only print-title">
            <strong>{title}</strong>
        </p>
        {inputs}
        <div class="result-head" data-reading=format!("{how:?}")>
            <p>{head_label}</p>
            <p class="big">
                {big_prefix}<span data-testid="personal-total">{yuan(y.personal)}</span>" 元"
            </p>
            <p>
                {format!("医疗总费用 {} 元", yuan(y.total))}
                {estimated.then(|| view! { <span class="tag assumed">"报销为估算"</span> })}
            </p>
            {other
                .map(|r| {
                    view! {
                        <p class="notice other-reading" data-testid="other-reading">
                            {r}
                        </p>
                    }
                })}
            {(how != Reading::AsTyped)
                .then(|| {
                    view! {
                        <p class="guess" data-testid="compliant-guess">
                            {match how {
                                Reading::Ceiling => {
                                    "合规费用按总费用估算。目录外（不合规）费用由定点医院承担，所以实际合规费用少一些时，个人自付不会比这更多。"
                                }
                                _ => {
                                    "合规费用按总费用估算。填上结算单上的“合规医疗费用”，结果会更准。"
                                }
                            }}
                        </p>
                    }
                })}
            {estimated
                .then(|| {
                    view! {
                        <p class="hint">
                            "基本医保和大病保险是按假设的比例估算的。填上结算单上的实际报销金额，结果会更准。"
                        </p>
                    }
                })}
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
    let profile_id = scenario.profile.clone();
    let bar = stacked_bar(
        "全年医疗费用由谁支付",
        &payers(&scenario.profile, y)
            .into_iter()
            .map(|(label, v, class)| Part {
                label,
                value: v.to_f64().unwrap_or(0.0),
                class,
            })
            .collect::<Vec<_>>(),
    );
    let rows = payers(&scenario.profile, y)
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
        (!labels.is_empty()).then(|| format!("用了您改动的数字：{}", labels.join("、")))
    };
    let visits = result
        .episodes
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let steps = e.steps.iter().map(|s| {
            let link = source_href(&s.source);
            let cite = clause_ref(&profile_id, &s.source).unwrap_or_else(|| "看政策原文".into());
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
                        .map(|href| {
                            view! {
                                <a class="cite" href=href>
                                    {format!("原文：{cite}")}
                                </a>
                            }
                        })}
                    // Where the assumed number is, to see and change it (a step with no clause has
                    // nothing else to point at).
                    {s
                        .assumption
                        .then(|| {
                            view! {
                                <button
                                    type="button"
                                    class="cite to-assumed no-print"
                                    on:click=|_| crate::dom::open_and_show(ASSUMPTIONS_ID)
                                >
                                    "看看或改假设的数字"
                                </button>
                            }
                        })}
                </li>
            }
        }).collect_view();
            let guess = guessed
                .get(i)
                .copied()
                .unwrap_or(false)
                .then_some("，合规费用按总费用估算");
            view! {
                <section class="visit-steps">
                    <h3>
                        {format!(
                            "第 {} 次就诊：总费用 {} 元{}",
                            i + 1,
                            yuan(e.total),
                            guess.unwrap_or(""),
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
    let shown = scenario.clone();
    let qr = move || {
        later.with(|l| {
            l.as_ref()
                .filter(|l| l.scenario == shown)
                .map(|l| l.qr.clone())
                .unwrap_or_default()
        })
    };
    view! {
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
        <HandoutLink qr=Signal::derive(qr) url=url />
    }
}
