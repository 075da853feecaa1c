//! `/search/?q=…`: full-text search over all documents, with the index built at build time.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use policy_content::search::{Hit, SearchIndex};

use crate::dom::fetch_text;

/// Examples offered under the search box.
const EXAMPLES: &[&str] = &[
    "3000元",
    "大病保险",
    "先诊疗后付费",
    "家庭医生签约",
    "85%",
    "一站式结算",
];

/// The search page: a box, examples, and the hits with highlighted snippets linking to the section.
#[component]
pub fn SearchPage() -> impl IntoView {
    let query = use_query_map();
    let q = Memo::new(move |_| query.with(|m| m.get("q").unwrap_or_default()));
    let (index, set_index) = signal(None::<Result<SearchIndex, String>>);
    spawn_local(async move {
        let loaded = fetch_text("/data/search.json")
            .await
            .map_err(|e| e.to_string())
            .and_then(|t| serde_json::from_str::<SearchIndex>(&t).map_err(|e| e.to_string()));
        set_index.set(Some(loaded));
    });
    let hits = Memo::new(move |_| {
        let q = q.get();
        index.with(|i| match i {
            Some(Ok(idx)) if !q.trim().is_empty() => Some(idx.search(&q, 50)),
            _ => None,
        })
    });
    let navigate = use_navigate();
    let (draft, set_draft) = signal(q.get_untracked());
    Effect::new(move |_| set_draft.set(q.get()));
    let go = move |text: String| {
        let url = format!("/search/?q={}", js_sys::encode_uri_component(text.trim()));
        navigate(&url, NavigateOptions::default());
    };
    let go_submit = go.clone();
    view! {
        <div class="page">
            <h1>"搜索政策文件"</h1>
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
                {EXAMPLES.iter().map(|e| {
                    let go = go.clone();
                    let e = *e;
                    view! { <button type="button" class="chip" on:click=move |_| go(e.to_string())>{e}</button> }
                }).collect_view()}
            </p>
            {move || match (index.get().is_some(), hits.get()) {
                (false, _) => view! { <p class="loading" role="status">"正在载入搜索索引……"</p> }.into_any(),
                (true, None) => view! { <p>"输入关键词后按“搜索”。多个词用空格分开，表示同时包含。"</p> }.into_any(),
                (true, Some(h)) => view! { <Results hits=h query=q.get()/> }.into_any(),
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
) -> impl IntoView {
    let count = hits.len();
    view! {
        <p role="status" data-testid="search-count">
            {if count == 0 { format!("没有找到包含“{query}”的内容。换个说法试试，比如少写几个字。") } else { format!("找到 {count} 处包含“{query}”的内容：") }}
        </p>
        <ol class="hits">
            {hits.into_iter().map(|h| {
                let href = format!("/docs/{}/#{}", h.slug, h.section_id);
                view! {
                    <li>
                        <a href=href>{h.section_title.clone()}</a>
                        <div class="where">{format!("{} · {}", h.doc_title, h.doc_number)}</div>
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
