//! The calculator's result for one settlement: the year's personal amount first and large ([`head`],
//! drawn in the keystroke's own task), then who pays what (table and bar) and every step with its clause
//! ([`details`], drawn once the browser has painted the keystroke). What follows once typing pauses is
//! `components::calc_later`'s.

use policy_engine::summary::payers_of;
use policy_engine::{Scenario, YearResult};
use rust_decimal::prelude::ToPrimitive;

use super::assumed_field_id;
use super::el::{el, El};
use crate::calc_adapter::{
    amount_class, changed_line, head as head_of, yuan, Head, CHANGED, ESTIMATED_HINT,
    ESTIMATED_TAG, FOR_REFERENCE, GUESSED, INPUTS_LABEL, READING_LINK, WHO_CLASS,
};
use crate::charts::{stacked_bar, Part};
use crate::components::based_on;

/// The headline of a settled year: the poster's summary, the printed title and scenario as typed, and the
/// amount with what it rests on.
pub fn head(scenario: &Scenario, result: &YearResult, guessed: &[bool]) -> Vec<El> {
    let h = head_of(scenario, result, guessed);
    vec![
        poster_summary(scenario, result, &h),
        el("p")
            .class("print-only print-title")
            .child(el("strong").text(&h.title)),
        el("div")
            .class("calc-inputs print-only")
            .attr("data-testid", "calc-inputs")
            .child(el("p").child(el("strong").text(INPUTS_LABEL)).text(&h.who))
            .child(el("ul").children(h.visits.iter().map(|v| el("li").text(v)))),
        amount(&h),
    ]
}

/// What the page's poster carries (`components::PosterSummary`'s element: the poster reads it).
fn poster_summary(scenario: &Scenario, result: &YearResult, h: &Head) -> El {
    let mut points = vec![h.conditions.clone()];
    points.extend(h.other.iter().map(|r| format!("{r}。")));
    // The other reading's amount where the documents disagree (the poster had carried 750.00 元 alone).
    points.extend(h.contested.iter().map(|c| c.said()));
    points.extend(changed_line(scenario));
    let paid: Vec<String> = payers_of(scenario, &result.year)
        .into_iter()
        .filter(|(label, v, _)| !v.is_zero() && label != "个人自付")
        .map(|(label, v, _)| format!("{label} {} 元", yuan(v)))
        .collect();
    if !paid.is_empty() {
        // Estimated payments are said to be, on the poster as beside the amount.
        let estimated = if h.estimated { ESTIMATED_HINT } else { "" };
        points.push(format!("{}。{estimated}", paid.join("，")));
    }
    // What a compliant cost left blank means, in the words beside the amount.
    points.extend(h.guess.clone());
    points.extend(h.target.clone());
    let source = based_on(
        result
            .episodes
            .iter()
            .flat_map(|e| &e.steps)
            .filter_map(|st| st.source.as_ref())
            .chain(&h.guess_source)
            .map(|c| c.number.as_str()),
    );
    el("div")
        .attr("hidden", "")
        .class("poster-summary")
        .attr(
            "data-qr-name",
            &format!("计算器-{}", scenario.category.label()),
        )
        .attr("data-poster-title", &h.title)
        .attr("data-poster-points", &points.join("\n"))
        .attr("data-poster-source", &source)
}

/// The amount, large, with whose it is and what it rests on.
fn amount(h: &Head) -> El {
    let said = |text: &Option<String>, class: &str, testid: &str| {
        text.as_ref()
            .map(|t| el("p").class(class).attr("data-testid", testid).text(t))
    };
    let total = el("p").text(&h.total).maybe(
        h.estimated
            .then(|| el("span").class("tag assumed").text(ESTIMATED_TAG)),
    );
    // Where the documents disagree, the other reading's amount, with the passages on both sides (a link
    // on the screen only: on paper it leads nowhere).
    let contested = h.contested.iter().map(|c| {
        el("p")
            .class("guess contested")
            .attr("data-testid", "contested")
            .text(&c.said())
            .child(
                el("a")
                    .class("no-print")
                    .attr("href", &c.href())
                    .text(READING_LINK),
            )
    });
    // What a compliant cost left blank means, with the clause it rests on if it names one.
    let guess = said(&h.guess, "guess", "compliant-guess").map(|p| {
        p.maybe(h.guess_source.as_ref().map(|c| {
            el("a")
                .class("cite")
                .attr("href", &c.href())
                .text(&c.link_text())
        }))
    });
    el("div")
        .class("result-head")
        .attr("data-reading", &format!("{:?}", h.how))
        // Whose amount, on the screen where it stands (printed, the conditions say it).
        .child(el("p").class(WHO_CLASS).text(&h.who))
        .child(el("p").text(h.label))
        .child(
            // The amount and its 元 on one line.
            el("p").class("big").text(h.prefix).child(
                el("span")
                    .class(amount_class(&h.personal))
                    .child(
                        el("span")
                            .attr("data-testid", "personal-total")
                            .text(&h.personal),
                    )
                    .text(" 元"),
            ),
        )
        .child(total)
        .maybe(said(&h.other, "notice other-reading", "other-reading"))
        .children(contested)
        .maybe(guess)
        .maybe(said(&h.target, "guess", "target-note"))
        .maybe(
            h.estimated
                .then(|| el("p").class("hint").text(ESTIMATED_HINT)),
        )
}

/// Who pays what (bar and table) and every step with its clause, under the handout's address and QR
/// code (`qr`: its SVG once the later part has drawn it; `url` the address that opens the calculation).
pub fn details(
    scenario: &Scenario,
    result: &YearResult,
    guessed: &[bool],
    url: &str,
    qr: &str,
) -> Vec<El> {
    let y = &result.year;
    let payers = payers_of(scenario, y);
    let bar = stacked_bar(
        "全年医疗费用由谁支付",
        &payers
            .iter()
            .map(|(label, v, class)| Part {
                label: label.clone(),
                value: v.to_f64().unwrap_or(0.0),
                class,
            })
            .collect::<Vec<_>>(),
    );
    let chart = el("div").class("chart-box no-print");
    chart.0.set_inner_html(&bar);
    let rows = payers.into_iter().map(|(label, v, _)| {
        el("tr")
            .child(el("th").attr("scope", "row").text(&label))
            .child(el("td").class("num").text(&yuan(v)))
    });
    let params = policy_engine::profile(&scenario.profile);
    let changed_label = |keys: &[String]| {
        let labels: Vec<String> = keys
            .iter()
            .map(|k| params.map_or(k.clone(), |p| p.param(k).label.clone()))
            .collect();
        (!labels.is_empty()).then(|| format!("{CHANGED}：{}", labels.join("、")))
    };
    let visits = result.episodes.iter().enumerate().map(|(i, e)| {
        let steps = e.steps.iter().map(|s| {
            el("li")
                // The colon is also what read-aloud hears between the two: without it a rule ending in a
                // figure (…85%) runs into the amount (…85%0.00 元).
                .child(el("span").class("rule").text(&s.rule))
                .child(el("span").class("sep").text("："))
                .child(
                    el("span")
                        .class("num")
                        .text(&format!("{} 元", yuan(s.amount))),
                )
                .maybe(
                    s.assumption
                        .then(|| el("span").class("tag assumed").text("含假设")),
                )
                .maybe(changed_label(&s.overridden).map(|c| {
                    el("span")
                        .class("tag changed")
                        .attr("data-testid", "changed-step")
                        .text(&c)
                }))
                .maybe((!s.detail.is_empty()).then(|| el("div").class("detail").text(&s.detail)))
                .maybe(s.source.as_ref().map(|c| {
                    el("a")
                        .class("cite")
                        .attr("href", &c.href())
                        .text(&c.link_text())
                }))
                // Where the assumed number is, to see and change it: the first number it used.
                .maybe(s.assumption.then(|| {
                    let button = el("button")
                        .attr("type", "button")
                        .class("cite to-assumed no-print")
                        .text("看看或改假设的数字");
                    match s.assumed.first() {
                        Some(k) => button.attr("data-field", &assumed_field_id(k)),
                        None => button,
                    }
                }))
        });
        let guess = if guessed.get(i).copied().unwrap_or(false) {
            format!("，{GUESSED}")
        } else {
            String::new()
        };
        el("section")
            .class("visit-steps")
            .child(el("h3").text(&format!(
                "第 {} 次就诊：总费用 {} 元{guess}",
                i + 1,
                yuan(e.total)
            )))
            .child(el("ol").class("steps").children(steps))
    });
    let mut parts = vec![
        // First, under the amount: a handout that runs onto a second sheet has its code and address on
        // the first, which is the one passed on.
        handout_link(url, qr),
        el("h2").text("谁付了多少"),
        chart,
        el("table")
            .class("pay-table")
            .child(
                el("thead").child(
                    el("tr")
                        .child(el("th").attr("scope", "col").text("支付方"))
                        .child(
                            el("th")
                                .attr("scope", "col")
                                .class("num")
                                .text("金额（元）"),
                        ),
                ),
            )
            .child(el("tbody").children(rows)),
        el("h2").text("一步一步怎么算的"),
    ];
    parts.extend(visits);
    parts
}

/// What opens a printed calculation again: its QR code (`qr`, SVG, empty until drawn: then the address
/// alone), its address as a person types it, and the print date. Print only; its presence makes the
/// page print as a handout (style.css).
pub fn handout_link(url: &str, qr: &str) -> El {
    let code = el("div").class("calc-print-qr");
    code.0.set_inner_html(qr);
    el("div")
        .class("calc-print print-only")
        .attr("data-testid", "calc-print")
        .child(code)
        .child(
            el("div")
                .child(el("p").text("扫码或打开下面的网址，可以看到这个计算并修改："))
                .child(
                    el("p")
                        .class("calc-print-url")
                        .text(&policy_content::fragment::readable(url)),
                )
                .child(el("p").text(&format!("{}　{FOR_REFERENCE}", crate::dom::printed_on()))),
        )
}
