//! The calculator's result: the year's personal amount first and large, who pays what (table and bar),
//! every step with its clause ([`CalcResult`], drawn on every keystroke: one settlement); then, once typing
//! pauses ([`Later`], [`CalcLater`]), the same visits compared across categories, the other readings and
//! the curve of personal payment against the bill for each category (6 + 505 settlements, memoized for the
//! visit: the curve does not depend on the visits typed, only on the profile, options and changed numbers).

use std::sync::Arc;

use leptos::prelude::*;
use policy_engine::{settle, sweep, Category, Scenario, YearResult};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::calc_adapter::{clause_ref, reading, source_href, wan, yuan, Reading, OPTIONS};
use crate::charts::{line_chart, stacked_bar, Part, Series};
use crate::compare::Comparison;
use crate::components::CategoryCompare;

use policy_engine::summary::{kind_label, payers};

/// The value of parameter `key` in the scenario's profile, if the profile has it.
fn param(scenario: &Scenario, key: &str) -> Option<Decimal> {
    policy_engine::summary::param_value(&scenario.profile, key)
}

/// The visits in a few words: `县级医院住院 1.2 万元`, or `全年 3 次就诊共 5 万元`.
fn visits_in_words(scenario: &Scenario, total: Decimal) -> String {
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
        Reading::FromTotal => format!("个人自付约 {}", wan(personal)),
        Reading::AsTyped => format!("个人自付 {}", wan(personal)),
    };
    format!("{} · {what}：{pays}", scenario.category.label())
}

/// Shows a settled year.
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
    let how = reading(&scenario, &guessed);
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
    let estimated = y.estimated;
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
                    <span class="rule">{s.rule.clone()}</span>
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
    // What the page and its poster say first, and what the handout lists as typed.
    let title = poster_title(&scenario, y.total, y.personal, how);
    let mut points: Vec<String> = Vec::new();
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
    let url = crate::address::use_current_url();
    let qr = move || later.with(|l| l.as_ref().map(|l| l.qr.clone()).unwrap_or_default());
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
                {estimated.then(|| view! { <span class="tag assumed">"估算"</span> })}
            </p>
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
        <div class="calc-print print-only" data-testid="calc-print">
            <div class="calc-print-qr" inner_html=qr></div>
            <div>
                <p>"扫码或打开下面的网址，可以看到这个计算并修改："</p>
                <p class="calc-print-url">{move || url.get()}</p>
                <p>
                    {format!(
                        "打印日期：{}　本结果仅供参考，以医保经办机构结算为准。",
                        crate::dom::today(),
                    )}
                </p>
            </div>
        </div>
    }
}

/// What the result shows once typing pauses: the same visits for every category, where the other reading
/// of the documents changes the amount, the curve, and the handout's QR code of the address.
#[derive(Clone, Debug, PartialEq)]
pub struct Later {
    /// The scenario it was computed for.
    pub scenario: Scenario,
    /// Each payer's share of the same visits for every category (`crate::compare::compare`).
    compare: Comparison,
    /// 说明: for each option whose other reading changes the amount, what the documents say and the two
    /// amounts, with the anchor of the reading on the about page.
    readings: Vec<(String, &'static str)>,
    /// The curve (SVG), shared by every scenario with the same profile, options and changed numbers.
    curve: Arc<str>,
    /// Where the 建档立卡 curve flattens, if the profile has that threshold.
    flattens: Option<String>,
    /// The handout's QR code (SVG) of the address as it was then.
    pub qr: String,
}

/// The work done after a pause, kept for the visit: typing back and forth, or switching category and
/// back, costs nothing the second time.
#[derive(Default)]
pub struct LaterMemo {
    /// By scenario: the comparison and readings.
    settled: Vec<(Scenario, Compared)>,
    /// By the scenario without its visits and category (all the curve depends on).
    curves: Vec<(Scenario, Arc<str>)>,
}

/// Each payer per category, and the readings that change the amount (see [`Later`]).
type Compared = (Comparison, Vec<(String, &'static str)>);

/// How many scenarios the memo keeps (the oldest go first).
const MEMO_SIZE: usize = 64;

impl LaterMemo {
    /// The later part for `scenario`, whose year's personal amount is `personal`, with the QR code of
    /// `url`.
    pub fn later(&mut self, scenario: &Scenario, personal: Decimal, url: &str) -> Later {
        let (compare, readings) = match self.settled.iter().find(|(s, _)| s == scenario) {
            Some((_, done)) => done.clone(),
            None => {
                let done = (
                    crate::compare::compare(scenario),
                    readings(scenario, personal),
                );
                if self.settled.len() >= MEMO_SIZE {
                    self.settled.remove(0);
                }
                self.settled.push((scenario.clone(), done.clone()));
                done
            }
        };
        let key = Scenario {
            category: Category::PovertyRegistered,
            episodes: Vec::new(),
            ..scenario.clone()
        };
        let curve = match self.curves.iter().find(|(k, _)| *k == key) {
            Some((_, c)) => c.clone(),
            None => {
                let c: Arc<str> = curve(scenario).into();
                if self.curves.len() >= MEMO_SIZE {
                    self.curves.remove(0);
                }
                self.curves.push((key, c.clone()));
                c
            }
        };
        let flattens = param(scenario, "assistance_threshold").map(|t| {
            format!(
                "建档立卡贫困人口的曲线在 {} 元处变平，就是医疗救助兜底的作用。",
                policy_engine::money::plain(t)
            )
        });
        let qr = crate::qr::encode(url)
            .map(|m| {
                // The page's QR code (the tools' panel) keeps `data-testid="qr"`; this is the handout's.
                crate::qr::to_svg(&m, 120, "扫码打开这个计算").replacen(
                    "data-testid=\"qr\"",
                    "data-testid=\"print-qr\"",
                    1,
                )
            })
            .unwrap_or_default();
        Later {
            scenario: scenario.clone(),
            compare,
            readings,
            curve,
            flattens,
            qr,
        }
    }
}

/// 说明: where the documents disagree and the other reading changes this year's amount (`personal`), say
/// what the documents say (the option's help) and which reading gives which amount.
fn readings(scenario: &Scenario, personal: Decimal) -> Vec<(String, &'static str)> {
    OPTIONS
        .iter()
        .filter_map(|(key, label, help, anchor)| {
            let mut s = scenario.clone();
            let on = s.options.get(key)?;
            s.options.set(key, !on);
            let other = settle(&s).ok()?.year.personal;
            let (default, alt) = if on { (other, personal) } else { (personal, other) };
            (other != personal).then(|| {
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
        .collect()
}

/// The curve of personal payment against the bill, one line per category (5 × 101 settlements).
fn curve(scenario: &Scenario) -> String {
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
                    .zip(sweep(scenario, c, &bills, Decimal::new(9, 1)))
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
    line_chart(
        "个人自付随医疗费用的变化：住院一次，县级医院，合规费用占九成",
        &series,
        300000.0,
        y_max,
    )
}

/// The part of the result computed once typing pauses (see [`Later`]); while the person types, the last
/// one stays, dimmed and marked busy, so the page below the steps does not jump.
#[component]
pub fn CalcLater(
    /// The later part, if computed.
    #[prop(into)]
    later: Signal<Option<Later>>,
    /// Whether it belongs to the scenario shown above (false while typing).
    #[prop(into)]
    fresh: Signal<bool>,
) -> impl IntoView {
    move || {
        later.get().map(|l| {
            let region = policy_engine::profile(&l.scenario.profile).map_or(String::new(), |p| p.name.clone());
            let total = l.scenario.episodes.iter().map(|e| e.total).sum();
            let what = visits_in_words(&l.scenario, total);
            let readings = (!l.readings.is_empty()).then(|| {
                let items = l.readings
                    .into_iter()
                    .map(|(text, anchor)| view! { <li>{text}<a href=format!("/about/#{anchor}")>"看原文"</a></li> })
                    .collect_view();
                view! {
                    <h2>"说明：文件说法不一的地方"</h2>
                    <ul class="readings" data-testid="readings">
                        {items}
                    </ul>
                }
            });
            let curve = l.curve.to_string();
            let flattens = l.flattens;
            view! {
                <div
                    class="calc-later"
                    class:stale=move || !fresh.get()
                    aria-busy=move || (!fresh.get()).to_string()
                >
                    <div class="no-print">{readings}</div>
                    <CategoryCompare table=l.compare region=region what=what />
                    <div class="no-print">
                        <h2>"费用越多，个人付多少？"</h2>
                        <div class="chart-box" inner_html=curve></div>
                        <p class="hint">
                            "横轴是医疗总费用，0 到 30 万元；纵轴是个人自付。编号和线型见图下的说明，重合的线合在一起标出。"
                            {flattens}
                        </p>
                    </div>
                </div>
            }
        })
    }
}
