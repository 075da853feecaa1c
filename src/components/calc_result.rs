//! The calculator's result: the year's personal amount first and large, who pays what (table and bar),
//! every step with its clause, the curve of personal payment against the bill for each category, and the
//! same visits compared across categories.

use leptos::prelude::*;
use policy_engine::{settle, sweep, Category, EpisodeResult, Scenario, YearResult};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::calc_adapter::{source_href, yuan, OPTIONS};
use crate::charts::{line_chart, stacked_bar, Part, Series};

/// The value of parameter `key` in the scenario's profile, if the profile has it.
fn param(scenario: &Scenario, key: &str) -> Option<Decimal> {
    policy_engine::profile(&scenario.profile)?
        .params
        .iter()
        .find(|p| p.key == key)
        .map(|p| p.value)
}

fn payers(e: &EpisodeResult, floor: &str) -> Vec<(String, Decimal, &'static str)> {
    [
        ("基本医保", e.basic, "c0"),
        ("大病保险", e.critical, "c1"),
        (floor, e.floor_top_up, "c2"),
        ("医疗救助", e.assistance, "c3"),
        ("政府兜底/慈善基金", e.fiscal_backstop, "c4"),
        ("医院承担（目录外费用）", e.hospital_absorbed, "c5"),
        ("个人自付", e.personal, "c6"),
    ]
    .into_iter()
    .map(|(label, v, class)| (label.to_string(), v, class))
    .collect()
}

/// Shows a settled year.
#[component]
pub fn CalcResult(
    /// The scenario that was settled.
    scenario: Scenario,
    /// The engine's result.
    result: YearResult,
) -> impl IntoView {
    let y = &result.year;
    let floor = param(&scenario, "floor_ratio").map_or_else(
        || "兜底补足".to_string(),
        |r| format!("兜底补足到{}%", policy_engine::money::pct(r)),
    );
    let flattens = param(&scenario, "assistance_threshold").map(|t| {
        format!(
            "建档立卡贫困人口的曲线在 {} 元处变平，就是医疗救助兜底的作用。",
            policy_engine::money::plain(t)
        )
    });
    let bar = stacked_bar(
        "全年医疗费用由谁支付",
        &payers(y, &floor)
            .into_iter()
            .map(|(label, v, class)| Part {
                label,
                value: v.to_f64().unwrap_or(0.0),
                class,
            })
            .collect::<Vec<_>>(),
    );
    let rows = payers(y, &floor)
        .into_iter()
        .map(|(label, v, _)| {
            view! { <tr><th scope="row">{label}</th><td class="num">{yuan(v)}</td></tr> }
        })
        .collect_view();
    let estimated = y.estimated;
    let params = policy_engine::profile(&scenario.profile);
    let changed_label = move |keys: &[String]| {
        let labels: Vec<String> = keys
            .iter()
            .map(|k| params.map_or(k.clone(), |p| p.param(k).label.clone()))
            .collect();
        (!labels.is_empty()).then(|| format!("用了您改动的数字：{}", labels.join("、")))
    };
    let visits = result.episodes.iter().enumerate().map(|(i, e)| {
        let steps = e.steps.iter().map(|s| {
            let link = source_href(&s.source);
            let changed = changed_label(&s.overridden);
            view! {
                <li>
                    <span class="rule">{s.rule.clone()}</span>
                    <span class="num">{format!("{} 元", yuan(s.amount))}</span>
                    {s.assumption.then(|| view! { <span class="tag assumed">"含假设"</span> })}
                    {changed.map(|c| view! { <span class="tag changed" data-testid="changed-step">{c}</span> })}
                    {(!s.detail.is_empty()).then(|| view! { <div class="detail">{s.detail.clone()}</div> })}
                    {link.map(|href| view! { <a class="cite" href=href>"看政策原文"</a> })}
                </li>
            }
        }).collect_view();
        view! {
            <section class="visit-steps">
                <h3>{format!("第 {} 次就诊：总费用 {} 元", i + 1, yuan(e.total))}</h3>
                <ol class="steps">{steps}</ol>
            </section>
        }
    }).collect_view();
    let compare = Category::ALL.into_iter().map(|c| {
        let s = Scenario { category: c, ..scenario.clone() };
        let personal = settle(&s).map(|r| yuan(r.year.personal)).unwrap_or_else(|_| "—".into());
        let current = c == scenario.category;
        view! { <tr class:current=current><th scope="row">{c.label()}{current.then_some("（当前）")}</th><td class="num">{personal}</td></tr> }
    }).collect_view();
    // 说明: where the documents disagree and the other reading changes this year's amount, say what the
    // documents say (the option's help) and which reading gives which amount.
    let readings: Vec<(String, &str)> = OPTIONS
        .iter()
        .filter_map(|(key, label, help, anchor)| {
            let mut s = scenario.clone();
            let on = s.options.get(key)?;
            s.options.set(key, !on);
            let other = settle(&s).ok()?.year.personal;
            let (default, alt) = if on { (other, y.personal) } else { (y.personal, other) };
            (other != y.personal).then(|| {
                (
                    format!(
                        "{label}：{help}。按本站默认的理解，全年个人自付 {} 元；按“{label}”，{} 元。",
                        yuan(default),
                        yuan(alt)
                    ),
                    *anchor,
                )
            })
        })
        .collect();
    let readings = (!readings.is_empty()).then(|| {
        let items = readings
            .into_iter()
            .map(|(text, anchor)| view! { <li>{text}<a href=format!("/about/#{anchor}")>"看原文"</a></li> })
            .collect_view();
        view! {
            <h2>"说明：文件说法不一的地方"</h2>
            <ul class="readings" data-testid="readings">{items}</ul>
        }
    });
    let bills: Vec<Decimal> = (0..=100).map(|i| Decimal::from(i * 3000)).collect();
    let styles = [
        ("s0", ""),
        ("s1", "6 3"),
        ("s2", "2 3"),
        ("s3", "10 4 2 4"),
        ("s4", "1 6"),
    ];
    let series: Vec<Series> = crate::dom::timed("zct-sweep", || {
        Category::ALL
            .into_iter()
            .zip(styles)
            .map(|(c, (class, dash))| Series {
                name: c.label().into(),
                points: bills
                    .iter()
                    .zip(sweep(&scenario, c, &bills, Decimal::new(9, 1)))
                    .map(|(b, p)| (b.to_f64().unwrap_or(0.0), p.to_f64().unwrap_or(0.0)))
                    .collect(),
                class,
                dash,
            })
            .collect()
    });
    let y_max = series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.1))
        .fold(1000.0_f64, f64::max);
    let curve = line_chart(
        "个人自付随医疗费用的变化（住院一次，县级医院，合规费用占九成）",
        &series,
        300000.0,
        (y_max / 1000.0).ceil() * 1000.0,
    );
    view! {
        <div class="result-head">
            <p>"全年个人自付"</p>
            <p class="big"><span data-testid="personal-total">{yuan(y.personal)}</span>" 元"</p>
            <p>{format!("医疗总费用 {} 元", yuan(y.total))}
                {estimated.then(|| view! { <span class="tag assumed">"估算"</span> })}
            </p>
            {estimated.then(|| view! {
                <p class="hint">"基本医保和大病保险是按假设的比例估算的。填上结算单上的实际报销金额，结果会更准。"</p>
            })}
        </div>
        <h2>"谁付了多少"</h2>
        <div class="chart-box" inner_html=bar></div>
        <table class="pay-table">
            <thead><tr><th scope="col">"支付方"</th><th scope="col" class="num">"金额（元）"</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
        <h2>"一步一步怎么算的"</h2>
        {visits}
        {readings}
        <h2>"不同人员类别对比"</h2>
        <p class="hint">"同样的就诊，换成不同类别的人，全年个人自付："</p>
        <table class="pay-table compare" data-testid="compare">
            <thead><tr><th scope="col">"人员类别"</th><th scope="col" class="num">"个人自付（元）"</th></tr></thead>
            <tbody>{compare}</tbody>
        </table>
        <h2>"费用越多，个人付多少？"</h2>
        <div class="chart-box" inner_html=curve></div>
        <p class="hint">"横轴是医疗总费用（0 到 30 万元），纵轴是个人自付。"{flattens}</p>
        <p class="print-note">{format!("打印日期：{}　本结果仅供参考，以医保经办机构结算为准。", crate::dom::today())}</p>
    }
}
