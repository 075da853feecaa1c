//! The category comparison on the calculator: each payer's share of the same visits for every population
//! category, in a box that scrolls sideways on a phone, with 复制表格 (tab-separated, so Excel and WPS paste
//! it as cells), 下载 CSV and a print of the table alone.

use leptos::prelude::*;
use policy_engine::summary::TARGET_PAYER;

use crate::calc_adapter::{yuan, TARGET_MEANS};
use crate::compare::{Comparison, CATEGORY_HEAD, NOT_APPLICABLE, NOT_APPLICABLE_MEANS, TOTAL_HEAD};

/// What 复制表格 did.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Copied {
    Not,
    Done,
    Refused,
}

/// The comparison table and its controls.
#[component]
pub fn CategoryCompare(
    /// The comparison, as `crate::compare::compare` computed it.
    table: Comparison,
    /// The profile's name, e.g. `甘肃省会宁县（2018年政策）`.
    region: String,
    /// The visits in a few words, e.g. `县级医院住院 1.2 万元`.
    what: String,
    /// How each row's 个人自付 is to be read when a compliant cost was left blank
    /// (`crate::compare::Comparison::reading`): shown and printed under the table.
    reading: Option<String>,
    /// The changed numbers the table rests on (`crate::calc_adapter::changed_line`): shown and printed
    /// under it (the printed sheet had said 用了改动的数字 without which).
    changed: Option<String>,
    /// The QR code (SVG) of the address the table was computed for: printed with it, so a sheet on the
    /// wall opens the same scenario.
    qr: String,
) -> impl IntoView {
    let caption = format!("{region} · {what}：各方支付多少（元）");
    let file = crate::clause::download_name(&[&region, &what], "人员类别对比", "csv");
    let csv_href = format!(
        "data:text/csv;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(&table.to_csv()))
    );
    let tsv = table.to_tsv();
    let copied = RwSignal::new(Copied::Not);
    let copy = move |_| {
        crate::dom::copy_text(&tsv, move |ok| {
            copied.set(if ok { Copied::Done } else { Copied::Refused })
        })
    };
    let print = move |_| crate::dom::print_marked("printing-compare", || {});
    let heads = table
        .payers
        .iter()
        .chain(std::iter::once(&TOTAL_HEAD.to_string()))
        .map(|p| {
            view! {
                <th scope="col" class="num">
                    {p.clone()}
                </th>
            }
        })
        .collect_view();
    let width = table.payers.len() + 1;
    let not_applicable = table.has_not_applicable();
    let rows = table
        .rows
        .into_iter()
        .map(|r| {
            // The bill last, in bold: each row's shares add up to it.
            let cells = match r.amounts {
                Some((shares, total)) => shares
                    .into_iter()
                    .map(|d| (d, false))
                    .chain(std::iter::once((Some(total), true)))
                    .map(|(d, bill)| {
                        view! {
                            <td class="num" class:total=bill class:na=d.is_none()>
                                {d.map_or_else(|| NOT_APPLICABLE.to_string(), yuan)}
                            </td>
                        }
                    })
                    .collect_view()
                    .into_any(),
                None => view! { <td colspan=width.to_string()>"无法计算"</td> }.into_any(),
            };
            view! {
                <tr class:current=r.current>
                    <th scope="row">{r.category.label()}{r.current.then_some("（当前）")}</th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    let url = crate::address::use_current_url();
    view! {
        <section class="compare-section" aria-labelledby="compare-h">
            <h2 id="compare-h">"不同人员类别对比"</h2>
            <p class="hint no-print">
                "同样的就诊，换成不同类别的人，各方各付多少。"
            </p>
            <p class="compare-caption" id="compare-caption">
                {caption}
            </p>
            <div class="table-scroll" role="region" aria-labelledby="compare-caption" tabindex="0">
                // Shown only while the table is wider than its box (a phone; a projector at a larger text
                // size or with large amounts): style.css, a scroll-state query.
                <p class="scrolls-note hint no-print">"表格较宽，可以左右滑动。"</p>
                <table
                    class="pay-table compare"
                    data-testid="compare"
                    aria-labelledby="compare-caption"
                >
                    <thead>
                        <tr>
                            <th scope="col">{CATEGORY_HEAD}</th>
                            {heads}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {not_applicable
                .then(|| {
                    view! {
                        <p class="compare-target" data-testid="compare-na">
                            {NOT_APPLICABLE_MEANS}
                        </p>
                    }
                })}
            {changed
                .map(|c| {
                    view! {
                        <p class="compare-target" data-testid="compare-changed">
                            {c}
                        </p>
                    }
                })}
            {reading
                .map(|r| {
                    view! {
                        <p class="compare-target" data-testid="compare-reading">
                            {r}
                        </p>
                    }
                })}
            // A column resting on a document's target taken as met says so, printed with the table (a
            // printed 眉山 table had given 建档立卡's 个人自付 with nothing on it).
            {table
                .payers
                .iter()
                .any(|p| p == TARGET_PAYER)
                .then(|| {
                    view! {
                        <p class="compare-target" data-testid="compare-target">
                            {format!("{TARGET_PAYER}：这一列{TARGET_MEANS}")}
                        </p>
                    }
                })}
            <p class="compare-actions no-print">
                <button type="button" class="secondary" data-testid="compare-copy" on:click=copy>
                    "复制表格"
                </button>
                <a class="button secondary" data-testid="compare-csv" download=file href=csv_href>
                    "下载 CSV"
                </a>
                <button type="button" class="secondary" data-testid="compare-print" on:click=print>
                    "打印对比表"
                </button>
                <span role="status" class="copy-status">
                    {move || match copied.get() {
                        Copied::Not => "",
                        Copied::Done => "已复制，可以粘贴到 Excel 或 WPS 表格。",
                        Copied::Refused => {
                            "这个浏览器不让网页复制，请用“下载 CSV”。"
                        }
                    }}
                </span>
            </p>
            <div class="compare-print">
                <div class="compare-print-qr" inner_html=qr></div>
                <p class="compare-print-note">
                    {move || {
                        format!(
                            "{}　{}　{}",
                            crate::dom::printed_on(),
                            url.with(|u| crate::address::printed(u)),
                            crate::calc_adapter::FOR_REFERENCE,
                        )
                    }}
                </p>
            </div>
        </section>
    }
}
