//! The eligibility checker's result: the benefits that apply, then those that do not and why.

use leptos::prelude::*;
use policy_checker::{calc_link, check, topic_answers, BenefitResult};

use crate::check_state::CheckState;
use crate::components::answer_rows;
use crate::components::StepLink;
use crate::components::{BenefitItem, DirectAnswers};
use policy_engine::form::CalcForm;
use policy_engine::Category;

/// Said where the calculator is not offered because the person is not insured.
const UNINSURED_CALC: &str = "您还没有参加城乡居民基本医保，所以这里不算看病要花多少钱：本站的计算器算的是参保的人能报多少。没有参保，下面“不适合您”里要先参保的那些报销都拿不到；参保以后再来算。";

/// The result: benefits that apply, then those that do not and why.
#[component]
pub fn CheckResult(
    /// All answers.
    state: CheckState,
) -> impl IntoView {
    let person = state.person();
    let url = crate::address::use_current_url();
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
    // A category the calculator does not have (已脱贫但不稳定) opens as 普通城乡居民, and says so.
    let calc = calc_link(&person).ok().flatten().map(|l| {
        let stand_in = Category::Ordinary;
        let note = l.category.is_none().then(|| {
            let own = policy_checker::eligibility::data()
                .categories
                .iter()
                .find(|c| c.id == person.category)
                .map_or(person.category.as_str(), |c| c.name.as_str());
            format!(
                "计算器里没有“{own}”这一类：打开后先按“{}”计算，可以在那里改成别的类别。",
                stand_in.label()
            )
        });
        let form = CalcForm {
            profile: l.profile,
            category: l.category.unwrap_or_else(|| stand_in.id().into()),
            ..CalcForm::default()
        };
        (format!("/calc/#{}", form.to_fragment()), note)
    });
    // Not insured, where the area has a calculator: why it is not offered (see `calc_link`).
    let uninsured = (!person.insured
        && calc_link(&policy_checker::Person {
            insured: true,
            ..person.clone()
        })
        .is_ok_and(|l| l.is_some()))
    .then_some(UNINSURED_CALC);
    let direct = topic_answers(&person).unwrap_or_default();
    let (yes, no): (Vec<BenefitResult>, Vec<BenefitResult>) =
        benefits.into_iter().partition(|b| b.applies);
    // For a person who does not know their category (不清楚), what depends on it is said apart: it is
    // not "not for you" (a resident who did not know they were 建档立卡 had been told so of 20 benefits).
    let (depends, no): (Vec<BenefitResult>, Vec<BenefitResult>) = no
        .into_iter()
        .partition(|b| b.depends_on_category || b.depends_on_age);
    let on_category = depends.iter().any(|b| b.depends_on_category);
    let on_age = depends.iter().any(|b| b.depends_on_age);
    // What to do about it, the same for each of them (`caveat` of the person's category): said once,
    // above them (said after each, it had made the list eight screens long).
    let own_caveat = policy_checker::eligibility::data()
        .categories
        .iter()
        .find(|c| c.id == person.category && c.undecided)
        .and_then(|c| c.caveat.as_deref());
    // The count says what it counts when the rest depends on the category (德州's 您可能享受 0 项政策 had
    // read as nothing at all, above eight that depend on it).
    let count = match (yes.len(), on_category) {
        (n, false) => format!("您可能享受 {n} 项政策"),
        (0, true) => "要先知道您家属于哪一类：这里的政策都按人员类别列出".to_string(),
        (n, true) => format!("不分人员类别，您可能享受 {n} 项政策"),
    };
    // What the list of what depends on the person's answers depends on (眉山 with no age given: the
    // free check-up had been listed as not for them).
    let depends_on = match (on_category, on_age) {
        (true, true) => "人员类别或年龄",
        (false, true) => "年龄",
        _ => "您家属于哪一类",
    };
    let review = state.at("review");
    let answers = answer_rows(&state)
        .into_iter()
        .map(|(_, label, value)| format!("{label}：{value}"))
        .collect::<Vec<_>>()
        .join("；");
    view! {
        <p class="print-note" data-testid="printed-answers">
            {format!("查询的情况：{answers}。")}
        </p>
        <DirectAnswers answers=direct />
        <h2 data-testid="benefit-count">{count}</h2>
        <p class="hint no-print">
            "点每一项看说明和政策原文。以下根据政策文件原文整理，具体以当地经办机构为准。"
            <StepLink to=review back=true>
                "修改回答"
            </StepLink>
        </p>
        <ol class="benefits">
            {yes.into_iter().map(|b| view! { <BenefitItem benefit=b /> }).collect_view()}
        </ol>
        {calc
            .map(|(href, note)| {
                view! {
                    {note
                        .map(|n| {
                            view! {
                                <p class="hint no-print" data-testid="calc-stand-in">
                                    {n}
                                </p>
                            }
                        })}
                    <p class="no-print">
                        <a class="button" href=href>
                            "算一算看病要花多少钱"
                        </a>
                    </p>
                }
            })}
        {uninsured
            .map(|n| {
                view! {
                    <p class="hint" data-testid="calc-uninsured">
                        {n}
                    </p>
                }
            })}
        {why_not_list(
            format!("要看{depends_on}的政策（{} 项），为什么", depends.len()),
            depends,
            "depends-on-category",
            Some(own_caveat),
        )}
        {why_not_list(
            format!("这些政策不适合您（{} 项），为什么", no.len()),
            no,
            "not-for-you",
            None,
        )}
        // What the result rests on, and when and where it was printed, in one paragraph: the footer's line
        // (not printed here: style.css) had said the date again after 查询日期.
        <p class="print-note page-foot" data-testid="result-foot">
            "结果依据政策文件原文整理，具体以当地经办机构为准。"
            <br />
            {move || url.with(|u| crate::address::printed_note(u))}
        </p>
        <p class="no-print">
            <button type="button" class="secondary" on:click=|_| crate::dom::print()>
                "打印结果"
            </button>
        </p>
    }
    .into_any()
}

/// A folded list of benefits that do not apply (`items`), each with why and its clause, under `summary`;
/// nothing when there are none. With `depends` (what depends on the person's category or age, which they
/// may yet have), each says first what the benefit would be, then on what it depends; the caveat inside
/// it (the category's, if any) is said once above them and left out of each (a resident who chose 不清楚
/// had been given, per benefit, a reason and that caveat, and nothing of what they would get). One
/// parameter, not two: two had cost the checker bundle its last bytes under budget.
fn why_not_list(
    summary: String,
    items: Vec<BenefitResult>,
    testid: &'static str,
    depends: Option<Option<&'static str>>,
) -> impl IntoView {
    let said_once = depends.flatten();
    (!items.is_empty()).then(|| {
        view! {
            <details class="not-for-you" data-testid=testid>
                <summary>{summary}</summary>
                {said_once
                    .map(|c| {
                        view! { <p class="hint">{super::register_linked(c.to_string(), None)}</p> }
                    })}
                <ul>
                    {items
                        .into_iter()
                        .map(|b| {
                            let why = b.why_not.unwrap_or_default();
                            let reading = b.reading.clone();
                            let why = match said_once {
                                Some(c) => why.replace(c, ""),
                                None => why,
                            };
                            let (first, then) = if depends.is_some() {
                                (format!("如果适合您，{}", b.sentence), Some(why))
                            } else {
                                (why, None)
                            };
                            // What it is, said as what it would be (its sentence speaks to someone
                            // it is for: 您在7到64周岁之间…, to a person who gave no age).
                            view! {
                                <li>
                                    <strong>{b.name}</strong>
                                    "："
                                    {super::register_linked(first, reading.as_deref())}
                                    " "
                                    // Named as on paper (原文 alone printed with nothing to find it by).
                                    <a class="cite" href=b.source.href()>
                                        {b.source.link_text()}
                                    </a>
                                    // The clause a note quotes, after the rule's own (the note had named
                                    // 附件5 三（一）4 with no way to it).
                                    {b
                                        .noted
                                        .iter()
                                        .map(|c| {
                                            view! {
                                                "；"
                                                <a class="cite" href=c.href()>
                                                    {c.label()}
                                                </a>
                                            }
                                        })
                                        .collect_view()}
                                    {then
                                        .map(|w| {
                                            view! {
                                                <p class="why">
                                                    {super::register_linked(w, reading.as_deref())}
                                                </p>
                                            }
                                        })}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </details>
        }
    })
}
