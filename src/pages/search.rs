//! `/search/?q=…&r=…`: full-text search over all documents, with the index built at build time;
//! `r` (optional) keeps one region's documents (see `policy_content::search::REGION_FILTERS`).

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use policy_content::search::{Hit, RegionFilter, SearchIndex, REGION_FILTERS, SUGGESTIONS};
use policy_content::site::{PageKind, ReaderPage};

use crate::components::PageHeading;

use crate::dom::fetch_text;

/// The address of a search: `/search/?q=…`, with `&r=<key>` when a region filter is chosen.
fn search_url(text: &str, region: &str) -> String {
    let mut url = format!("/search/?q={}", js_sys::encode_uri_component(text.trim()));
    if let Some(f) = RegionFilter::by_key(region) {
        url.push_str("&r=");
        url.push_str(f.key);
    }
    url
}

/// The search page: a box, examples (`SUGGESTIONS`), a region filter, and the hits with highlighted
/// snippets linking to the section, each labelled with its document's region.
#[component]
pub fn SearchPage() -> impl IntoView {
    let query = use_query_map();
    let q = Memo::new(move |_| query.with(|m| m.get("q").unwrap_or_default()));
    // The filter's key, "" for 全部 (an unknown key in the address is no filter too).
    let r = Memo::new(move |_| {
        query.with(|m| {
            m.get("r")
                .and_then(|k| RegionFilter::by_key(&k))
                .map_or("", |f| f.key)
        })
    });
    let (index, set_index) = signal(None::<Result<SearchIndex, String>>);
    spawn_local(async move {
        let loaded = fetch_text("/data/search.json")
            .await
            .map_err(|e| e.to_string())
            .and_then(|t| serde_json::from_str::<SearchIndex>(&t).map_err(|e| e.to_string()));
        set_index.set(Some(loaded));
    });
    // The hits (in the chosen region), and how many more the other regions' documents have.
    let hits = Memo::new(move |_| {
        let (q, filter) = (q.get(), RegionFilter::by_key(r.get()));
        index.with(|i| match i {
            Some(Ok(idx)) if !q.trim().is_empty() => {
                let mut hits = idx.search_in(&q, filter, usize::MAX);
                let elsewhere = match filter {
                    Some(_) => idx.search(&q, usize::MAX).len().saturating_sub(hits.len()),
                    None => 0,
                };
                hits.truncate(50);
                Some((hits, elsewhere))
            }
            _ => None,
        })
    });
    let navigate = use_navigate();
    let (draft, set_draft) = signal(q.get_untracked());
    Effect::new(move |_| set_draft.set(q.get()));
    let go_to = move |text: String, region: &str| {
        navigate(&search_url(&text, region), NavigateOptions::default());
    };
    let go = {
        let go_to = go_to.clone();
        move |text: String| go_to(text, r.get_untracked())
    };
    let go_submit = go.clone();
    let region_chip = move |key: &'static str, label: &'static str| {
        let go_to = go_to.clone();
        view! {
            <button type="button" class="chip region-chip"
                aria-pressed=move || (r.get() == key).to_string()
                on:click=move |_| go_to(q.get_untracked(), key)>{label}</button>
        }
    };
    view! {
        <div class="page">
            <PageHeading kind=PageKind::Reader(ReaderPage::Search)/>
            <form class="search-form" role="search" on:submit=move |ev| {
                ev.prevent_default();
                go_submit(draft.get_untracked());
            }>
                <label for="q" class="visually-hidden">"搜索关键词"</label>
                <input id="q" type="search" name="q" placeholder="例如：3000元" autocomplete="off"
                    prop:value=move || draft.get()
                    on:input=move |ev| set_draft.set(event_target_value(&ev))/>
                <button type="submit">"搜索"</button>
            </form>
            <p class="examples">"试试："
                {SUGGESTIONS.iter().map(|e| {
                    let go = go.clone();
                    let e = *e;
                    view! { <button type="button" class="chip" on:click=move |_| go(e.to_string())>{e}</button> }
                }).collect_view()}
            </p>
            <p class="examples region-filter" role="group" aria-label="只看某地的文件">"地区："
                {region_chip("", "全部")}
                {REGION_FILTERS.iter().map(|f| region_chip(f.key, f.label)).collect_view()}
            </p>
            {move || match (index.get().is_some(), hits.get()) {
                (false, _) => view! { <p class="loading" role="status">"正在载入搜索索引……"</p> }.into_any(),
                (true, None) => view! { <p>"输入关键词后按“搜索”。多个词用空格分开，表示同时包含。"</p> }.into_any(),
                (true, Some((h, elsewhere))) => view! {
                    <Results hits=h query=q.get() region=RegionFilter::by_key(r.get()) elsewhere=elsewhere/>
                }.into_any(),
            }}
            {move || index.with(|i| matches!(i, Some(Err(_)))).then(|| view! {
                <p class="notice">"搜索索引没有加载成功，请检查网络后刷新页面。"</p>
            })}
        </div>
    }
}

/// The list of hits.
#[component]
fn Results(
    /// The hits, best first.
    hits: Vec<Hit>,
    /// The query, for the count line.
    query: String,
    /// The region filter, if one is chosen.
    region: Option<&'static RegionFilter>,
    /// Hits in the other regions' documents (0 without a filter).
    elsewhere: usize,
) -> impl IntoView {
    let count = hits.len();
    let within = region.map_or(String::new(), |f| format!("在{}的文件中", f.label));
    let status = match (count, within.is_empty()) {
        (0, true) => format!("没有找到包含“{query}”的内容。换个说法试试，比如少写几个字。"),
        (0, false) => format!("{within}没有找到包含“{query}”的内容。"),
        _ => format!("{within}找到 {count} 处包含“{query}”的内容："),
    };
    view! {
        <p role="status" data-testid="search-count">{status}</p>
        {(elsewhere > 0).then(|| view! {
            <p class="elsewhere">{format!("其他地区的文件中还有 {elsewhere} 处，选“全部”可以看到。")}</p>
        })}
        <ol class="hits">
            {hits.into_iter().map(|h| {
                let href = format!("/docs/{}/#{}", h.slug, h.section_id);
                view! {
                    <li>
                        <a href=href>{h.section_title.clone()}</a>
                        <div class="where">
                            <span class="region-label">{h.region.clone()}</span>
                            {h.editorial.then(|| view! { <span class="region-label editorial-label">"编者注，不是文件原文"</span> })}
                            {format!("{} · {}", h.doc_title, h.doc_number)}
                        </div>
                        <p class="snippet">
                            {h.snippet.into_iter().map(|f| if f.hit {
                                view! { <mark>{f.text}</mark> }.into_any()
                            } else {
                                view! { <span>{f.text}</span> }.into_any()
                            }).collect_view()}
                        </p>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}
