//! `/villages/?q=…`: who is responsible for a village (卫计, 民政, 人社 包抓到村), from the three
//! assignment tables of 县委办发〔2018〕83号, matching across the tables' different spellings. A query that
//! names a township (乡, 镇 or 街道, either way) shows that township once, with its villages.

use leptos::prelude::*;
use policy_checker::{find, Found};

use crate::components::{
    based_on, DepartmentTable, PageHeading, PosterSummary, SearchBox, TownSummary,
};
use policy_checker::data::villages::Assignment;
use policy_content::site::{CheckerPage, PageKind};

/// The `q` of the page's address (`/villages/?q=河畔`).
fn query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|s| web_sys::UrlSearchParams::new_with_str(&s).ok())
        .and_then(|p| p.get("q"))
        .unwrap_or_default()
}

/// The village lookup page.
#[component]
pub fn VillagesPage() -> impl IntoView {
    let q = RwSignal::new(query());
    let draft = RwSignal::new(q.get_untracked());
    let handle = window_event_listener_untyped("popstate", move |_| {
        q.set(query());
        draft.set(q.get_untracked());
    });
    on_cleanup(move || handle.remove());
    let hits = Memo::new(move |_| {
        let q = q.get();
        (!q.trim().is_empty()).then(|| find(q.trim()))
    });
    view! {
        <div class="page">
            <PageHeading kind=PageKind::Checker(CheckerPage::Villages) />
            <SearchBox
                id="vq"
                label="村名或乡镇名"
                placeholder="村名或乡镇名"
                button="查询"
                draft=draft
                on_submit=move |text: String| {
                    let text = text.trim().to_string();
                    let url = format!("/villages/?q={}", js_sys::encode_uri_component(&text));
                    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
                        let _ = history
                            .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
                    }
                    crate::address::changed();
                    q.set(text);
                }
            />
            <p class="hint">
                "三张表里有些村名写法不一样（如“苏家岷村”和“苏家峴村”），本站会按各种写法一起查，并把原表的写法都列出来。"
            </p>
            {move || match hits.get() {
                Some(h) => view! { <VillageHits hits=h /> }.into_any(),
                None => view! { <AllTowns /> }.into_any(),
            }}
        </div>
    }
}

/// Without a query: every township with its cadres and villages (what the build-time page shows too).
#[component]
fn AllTowns() -> impl IntoView {
    let towns = policy_checker::towns();
    let villages: usize = towns.iter().map(|t| t.villages.len()).sum();
    view! {
        <p class="hint">
            {format!(
                "下面是三张表的全部内容，按乡镇排列（共 {} 个乡镇、{villages} 个村）。",
                towns.len(),
            )}
        </p>
        <ul class="village-hits" data-testid="all-towns">
            {towns.into_iter().map(|t| view! { <TownSummary town=t /> }).collect_view()}
        </ul>
    }
}

/// The townships and villages found.
#[component]
fn VillageHits(
    /// Townships named by the query (each once), then villages whose own name matches.
    hits: Found,
) -> impl IntoView {
    let (towns, villages) = (hits.towns.len(), hits.villages.len());
    let status = match (towns, villages) {
        (0, 0) => "没有找到。请少输几个字再试，例如只输村名的前两个字。".to_string(),
        (0, v) => format!("找到 {v} 个村："),
        (t, 0) => format!("找到 {t} 个乡镇："),
        (t, v) => format!("找到 {t} 个乡镇、{v} 个村："),
    };
    let poster = (towns + villages > 0).then(|| poster_of(&hits));
    view! {
        {poster}
        <p role="status" data-testid="village-count">
            {status}
        </p>
        <ul class="village-hits">
            {hits.towns.into_iter().map(|t| view! { <TownSummary town=t /> }).collect_view()}
            {hits
                .villages
                .into_iter()
                .map(|h| {
                    let spellings = policy_checker::spellings(&h.names);
                    view! {
                        <li>
                            <h2>
                                {h.names.first().cloned().unwrap_or_default()}
                                <span class="hint">
                                    {format!("（{}）", h.township.join("／"))}
                                </span>
                            </h2>
                            {spellings.map(|s| view! { <p class="hint">{s}</p> })}
                            <DepartmentTable
                                who_heading="包抓干部"
                                rows=h
                                    .assignments
                                    .into_iter()
                                    .map(|a| {
                                        let hint = format!("{}　{}", a.township, a.village);
                                        (a, hint)
                                    })
                                    .collect()
                            />
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// How many points a village lookup's poster carries at most (the last says what is left off).
const ON_POSTER: usize = 4;

/// The poster of what was found: each township and village with its cadres per department, as the page
/// lists them, so the poster carries what its QR code opens (it had carried the page's lead alone).
fn poster_of(hits: &Found) -> impl IntoView {
    let first = |names: &[String]| names.first().cloned().unwrap_or_default();
    let said = |a: &[Assignment]| {
        a.iter()
            .map(|a| format!("{}　{}", a.department, a.who()))
            .collect::<Vec<_>>()
            .join("；")
    };
    // The name's other spellings, as the page says them under it (the query may have used another).
    let spelt = |names: &[String]| {
        policy_checker::spellings(names).map_or(String::new(), |s| format!("；{s}"))
    };
    let mut names = Vec::new();
    let mut points = Vec::new();
    for t in &hits.towns {
        names.push(first(&t.township));
        // Its villages too, as the page lists them (with their other spellings): a reader checks there
        // that theirs is covered.
        let villages: Vec<String> = t
            .villages
            .iter()
            .map(|v| {
                let (first, others) = policy_checker::also_written(v);
                first + &others.unwrap_or_default()
            })
            .collect();
        points.push(format!(
            "{}（{} 个村，各村相同{}）：{}。包抓的村：{}",
            first(&t.township),
            t.villages.len(),
            spelt(&t.township),
            said(&t.assignments),
            villages.join("、")
        ));
    }
    for v in &hits.villages {
        names.push(first(&v.names));
        points.push(format!(
            "{}（{}{}）：{}",
            first(&v.names),
            v.township.join("／"),
            spelt(&v.names),
            said(&v.assignments)
        ));
    }
    // One sheet in type a wall can be read by: a broad query (平头, 村) had printed two sheets of small
    // type with the QR code on the second. What is left off is counted, and the QR code opens it.
    let kinds: Vec<&str> = hits
        .towns
        .iter()
        .map(|_| "乡镇")
        .chain(hits.villages.iter().map(|_| "村"))
        .collect();
    if points.len() > ON_POSTER {
        let left = &kinds[ON_POSTER - 1..];
        let count = |kind: &str| left.iter().filter(|k| **k == kind).count();
        let said: Vec<String> = [("乡镇", count("乡镇")), ("村", count("村"))]
            .into_iter()
            .filter(|(_, n)| *n > 0)
            .map(|(kind, n)| format!("{n} 个{kind}"))
            .collect();
        points.truncate(ON_POSTER - 1);
        points.push(format!(
            "还找到 {}，海报上印不下，扫码可以看到。",
            said.join("、")
        ));
    }
    let source = based_on(
        hits.towns
            .iter()
            .flat_map(|t| &t.assignments)
            .chain(hits.villages.iter().flat_map(|v| &v.assignments))
            .map(|a| a.source.number.as_str()),
    );
    // Named once, in order (李湾村 in two townships is one name on the poster, and two points; found
    // apart, a name had stood twice in the title).
    let mut seen = Vec::new();
    names.retain(|n| {
        !seen.contains(n) && {
            seen.push(n.clone());
            true
        }
    });
    let more = if names.len() > 3 { "等" } else { "" };
    let title = format!("{}{more}的包抓干部", names[..names.len().min(3)].join("、"));
    view! {
        <PosterSummary
            title=title
            points=points
            source=source
            qr_name=format!("包抓干部-{}", names[0])
        />
    }
}
