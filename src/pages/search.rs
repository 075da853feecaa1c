//! `/search/?q=…&r=…`: full-text search over all documents; `r` (optional) keeps one region's documents
//! (see `policy_content::search::REGION_FILTERS`). The index is in pieces (`policy_content::shards`): the
//! page reads the manifest, then for each query only the pieces it needs, and keeps them for the next
//! query. Hits come a page at a time (显示更多结果 for the next).

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use policy_content::search::{
    split_words, Fragment, Hit, RegionFilter, HITS_PER_PAGE, REGION_FILTERS, SUGGESTIONS,
};
use policy_content::shards::{Library, Manifest, Page, Piece, Step, MANIFEST_URL};
use policy_content::site::{CheckerPage, PageKind, ReaderPage};

use crate::components::{based_on, PageHeading, PosterSummary, SearchBox};
use crate::search_code::{SearchCode, SearchLoader};

use crate::dom::{after_paint, fetch_bytes, reveal};

/// Hits per page.
const PAGE: usize = HITS_PER_PAGE;

thread_local! {
    /// How many hits each search address of this visit showed, when more than a page.
    static SHOWN: RefCell<std::collections::HashMap<String, usize>> = RefCell::default();
}

/// How many hits this address showed when it was last left, if more than a page (kept under the address
/// its place is kept under: `back_place`).
fn shown_here() -> Option<usize> {
    let at = crate::back_place::address()?;
    SHOWN.with(|m| m.borrow().get(&at).copied())
}

/// Notes that this address shows `n` hits.
fn keep_shown(n: usize) {
    if let Some(at) = crate::back_place::address() {
        SHOWN.with(|m| m.borrow_mut().insert(at, n));
    }
}

/// The address of a search: `/search/?q=…`, with `&r=<key>` when a region filter is chosen.
fn search_url(text: &str, region: &str) -> String {
    let mut url = format!("/search/?q={}", js_sys::encode_uri_component(text.trim()));
    if let Some(f) = RegionFilter::by_key(region) {
        url.push_str("&r=");
        url.push_str(f.key);
    }
    url
}

/// How many answers to a name are listed with their opening words; more are listed briefly.
const BRIEF_AFTER: usize = 3;

/// The top of a query's answer, brought into view: what the query names, if anything, else the count
/// line above the hits (the first in the page of the two).
const ANSWER_TOP: &str = ".named, .search-count";

/// How many hits are shown as soon as their pieces are in, before the rest of the page's: the first
/// screenful (on a phone the count and the first hits are just below the search box and the examples).
const FIRST: usize = 3;

/// How long a search may take before "正在搜索……" replaces what is shown (a quick answer replaces the
/// last one at once, without drawing the page twice).
const SEARCHING_AFTER_MS: u64 = 200;

/// Runs one search to its page, fetching the pieces each step needs (all of a step at once) into `lib`.
/// In the round that reads the hits' text, the pieces of the first [`FIRST`] hits are asked for first, on
/// their own, those hits are handed to `early` as soon as they are in, and then the rest are asked for.
async fn run(
    lib: Rc<RefCell<Library>>,
    code: SearchCode,
    query: &str,
    region: Option<&'static RegionFilter>,
    want: usize,
    // Not generic: the search of a question's words apart runs it too, and one copy of it is enough.
    early: &dyn Fn(Page),
) -> Result<Page, ()> {
    let plan = (code.plan)(query);
    let mut early_done = want <= FIRST;
    loop {
        let step = (code.step)(&mut lib.borrow_mut(), &plan, region, want);
        let pieces = match step {
            Step::Done(page) => return Ok(page),
            Step::Fetch(pieces) => pieces,
        };
        let reads_text = pieces
            .iter()
            .any(|p| matches!(p, Piece::Text(_) | Piece::Part(_)));
        // The first hits' pieces: planned only in the round that reads the hits' text, once.
        let first = if reads_text && !early_done {
            match (code.step)(&mut lib.borrow_mut(), &plan, region, FIRST) {
                Step::Fetch(first) => first,
                Step::Done(_) => Vec::new(),
            }
        } else {
            Vec::new()
        };
        let (head, tail): (Vec<Piece>, Vec<Piece>) =
            pieces.into_iter().partition(|p| first.contains(p));
        // The first hits' pieces alone (the others would hold them up), those hits shown, then the rest.
        fetch_into(&lib, code, &head).await?;
        if !head.is_empty() {
            let step = (code.step)(&mut lib.borrow_mut(), &plan, region, FIRST);
            if let Step::Done(page) = step {
                early(page);
            }
        }
        fetch_into(&lib, code, &tail).await?;
        early_done |= reads_text;
    }
}

/// Fetches `pieces` (all at once) into `lib`.
async fn fetch_into(
    lib: &Rc<RefCell<Library>>,
    code: SearchCode,
    pieces: &[Piece],
) -> Result<(), ()> {
    let urls: Vec<String> = pieces
        .iter()
        .map(|p| lib.borrow().manifest().url(p))
        .collect();
    let got = futures::future::join_all(urls.iter().map(|u| fetch_bytes(u))).await;
    for (piece, bytes) in pieces.iter().zip(got) {
        match bytes {
            Ok(bytes) => (code.add)(&mut lib.borrow_mut(), piece, &bytes).map_err(|_| ())?,
            // A piece the search can do without (not saved for offline use): go on.
            Err(_) if lib.borrow_mut().do_without(piece) => {}
            Err(_) => return Err(()),
        }
    }
    Ok(())
}

/// Readies the search's code while the page is idle, before the first query: the browser compiles each
/// wasm function when it first runs, so the first query would otherwise pay for compiling the plan, the
/// first step and the hits' view. Runs a suggestion's first step on `lib` (which only names the pieces
/// it would fetch: nothing is fetched) and builds a page of one hit off the page under an owner of its
/// own, then drops it.
fn warm_up(lib: &mut Library, code: SearchCode) {
    let query = SUGGESTIONS[0];
    let _ = (code.step)(lib, &(code.plan)(query), None, PAGE);
    let hit = Hit {
        slug: String::new(),
        doc_title: query.to_string(),
        doc_number: query.to_string(),
        region: query.to_string(),
        editorial: true,
        section_id: String::new(),
        anchor: String::new(),
        section_title: query.to_string(),
        snippet: [true, false]
            .map(|hit| Fragment {
                text: query.to_string(),
                hit,
            })
            .to_vec(),
        score: 0,
        more: Vec::new(),
    };
    let page = Page {
        named: Vec::new(),
        hits: vec![hit],
        found: 1,
        at_most: 2,
        more: true,
        elsewhere: 1,
        elsewhere_exact: false,
        a_document: false,
        looked_for: None,
    };
    Owner::new().with(|| {
        use leptos::tachys::view::Render;
        let drawn =
            view! { <Results page=page query=query.to_string() region=REGION_FILTERS.first() complete=true /> }
                .build();
        drop(drawn);
    });
}

/// What the results area shows.
#[derive(Clone, Debug, PartialEq)]
enum Shown {
    /// The index's manifest is loading.
    Loading,
    /// No query yet.
    Idle,
    /// A query's pieces are loading.
    Searching,
    /// The page of hits for (query, region key), and whether it is complete (or only its first hits,
    /// the rest on their way).
    Found(String, &'static str, Page, bool),
    /// Something did not load (offline, or not saved for offline use).
    Failed,
}

/// What a search that found nothing offers instead, one tap away (only what finds something).
#[derive(Clone, Debug, PartialEq)]
enum Offer {
    /// The documents' words for one the query holds (`policy_content::search::in_documents_words`): the
    /// word said, the documents' word, the query to search instead.
    DocumentsWord(String, String, String),
    /// The words of a question typed as one run, apart (`policy_content::search::split_words`).
    Apart(String),
    /// The documents' other word for one the query holds (`policy_content::search::related_words`),
    /// offered whatever the query found: the word said, the other word, the query to search instead.
    Related(String, String, String),
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
    // The index's library and the search's code (a chunk of its own: `crate::search_code`), both loaded.
    let (lib, set_lib) = signal_local(None::<(Rc<RefCell<Library>>, SearchCode)>);
    let (shown, set_shown) = signal(Shown::Loading);
    // For the query and region shown, when it found nothing: what it offers instead.
    let offer = RwSignal::new(None::<(String, &'static str, Offer)>);
    let loader = use_context::<SearchLoader>();
    spawn_local(async move {
        // As bytes, as the pieces are fetched: the first query finds that code ready. The search's code
        // at the same time.
        let manifest = async {
            fetch_bytes(MANIFEST_URL)
                .await
                .map_err(|_| ())
                .and_then(|b| String::from_utf8(b).map_err(|_| ()))
                .and_then(|t| serde_json::from_str::<Manifest>(&t).map_err(|_| ()))
        };
        let code = async {
            match loader {
                Some(l) => crate::lazy::load(l.0).await.map_err(|_| ()),
                None => Err(()),
            }
        };
        match futures::join!(manifest, code) {
            (Ok(m), Ok(code)) => {
                let lib = Rc::new(RefCell::new(Library::new(m)));
                after_paint({
                    let lib = lib.clone();
                    move || warm_up(&mut lib.borrow_mut(), code)
                });
                set_lib.set(Some((lib, code)));
            }
            _ => set_shown.set(Shown::Failed),
        }
    });
    // How many hits to show: a page, and another for each 显示更多结果 (back to one for a new query), and
    // as many as this address showed when it was left (Back from the 14th hit had shown the first 10).
    let (want, set_want) = signal(PAGE);
    Effect::new(move |_| {
        let _ = (q.get(), r.get());
        set_want.set(shown_here().unwrap_or(PAGE));
    });
    // Each search is numbered; only the latest one's answer is shown; `answered` is the last search that
    // showed hits (or failed).
    let latest = Rc::new(Cell::new(0u32));
    let answered = Rc::new(Cell::new(0u32));
    Effect::new(move |_| {
        let (text, key, want) = (q.get(), r.get(), want.get());
        let Some((lib, code)) = lib.get() else {
            return;
        };
        if text.trim().is_empty() {
            set_shown.set(Shown::Idle);
            return;
        }
        let n = latest.get() + 1;
        latest.set(n);
        // The hits shown stay while 显示更多结果 loads the next page; a new query or region clears them
        // (after a moment: see SEARCHING_AFTER_MS).
        let same =
            matches!(shown.get_untracked(), Shown::Found(ref t, k, _, _) if *t == text && k == key);
        // The search first, so that its first pieces are asked for before anything is redrawn.
        spawn_local({
            let (latest, answered) = (latest.clone(), answered.clone());
            async move {
                // A new query's first answer is brought into view once (on a phone the hits start below
                // the search box, its examples and the region filter).
                let revealed = Cell::new(same);
                let show = |shown: Shown| {
                    if latest.get() == n {
                        answered.set(n);
                        set_shown.set(shown);
                        if !revealed.replace(true) {
                            after_paint(|| reveal(ANSWER_TOP));
                        }
                    }
                };
                let early = |p: Page| show(Shown::Found(text.clone(), key, p, false));
                let region = RegionFilter::by_key(key);
                let page = run(lib.clone(), code, &text, region, want, &early).await;
                // (What a name opens answers it: `Page::named`.)
                let nothing = matches!(&page, Ok(p) if p.exact() && !p.in_documents_text() && p.named.is_empty());
                show(match page {
                    Ok(p) => Shown::Found(text.clone(), key, p, true),
                    Err(()) => Shown::Failed,
                });
                // Nothing found: the documents' word for an everyday one (五保户, 三千元), offered only when
                // it finds something (三万元 had been offered 30000元, which the documents never write);
                // else the words of a question typed as one run (贫困户住院), searched apart.
                // Found or not: the documents' other word for one the query holds (慢病: 慢特病).
                let finds = |q: String| {
                    let lib = lib.clone();
                    async move {
                        run(lib, code, &q, region, 1, &|_| {})
                            .await
                            .is_ok_and(|p| p.in_documents_text())
                    }
                };
                let offered = if nothing {
                    match (code.documents_words)(&text) {
                        Some((said, written, instead)) if finds(instead.clone()).await => {
                            Some(Offer::DocumentsWord(said, written, instead))
                        }
                        _ => split_words(&text, finds).await.map(Offer::Apart),
                    }
                } else {
                    match (code.related_words)(&text) {
                        Some((said, written, instead)) if finds(instead.clone()).await => {
                            Some(Offer::Related(said, written, instead))
                        }
                        _ => None,
                    }
                };
                if latest.get() == n {
                    offer.set(offered.map(|o| (text.clone(), key, o)));
                }
            }
        });
        if !same {
            let (latest, answered) = (latest.clone(), answered.clone());
            set_timeout(
                move || {
                    if latest.get() == n && answered.get() != n {
                        set_shown.set(Shown::Searching);
                    }
                },
                Duration::from_millis(SEARCHING_AFTER_MS),
            );
        }
    });
    let navigate = use_navigate();
    // A place among the words (德州 先诊疗后付费) with no region chosen: the same search as that region's
    // filter and the other words, in the address too (so the chips, the box and its QR code say it).
    Effect::new({
        let navigate = navigate.clone();
        move |_| {
            if let (Some((f, rest)), "") =
                (policy_content::search::place_in_query(&q.get()), r.get())
            {
                navigate(
                    &search_url(&rest, f.key),
                    NavigateOptions {
                        replace: true,
                        ..Default::default()
                    },
                );
            }
        }
    });
    let draft = RwSignal::new(q.get_untracked());
    Effect::new(move |_| draft.set(q.get()));
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
            <button
                type="button"
                class="chip region-chip"
                aria-pressed=move || (r.get() == key).to_string()
                on:click=move |_| go_to(q.get_untracked(), key)
            >
                {label}
            </button>
        }
    };
    view! {
        <div class="page">
            <PageHeading kind=PageKind::Reader(ReaderPage::Search) />
            <SearchBox
                id="q"
                name="q"
                label="搜索关键词"
                placeholder="例如：3000元"
                button="搜索"
                draft=draft
                on_submit=go_submit
            />
            <p class="examples">
                "试试："
                {SUGGESTIONS
                    .iter()
                    .map(|e| {
                        let go = go.clone();
                        let e = *e;
                        view! {
                            <button type="button" class="chip" on:click=move |_| go(e.to_string())>
                                {e}
                            </button>
                        }
                    })
                    .collect_view()}
            </p>
            <p class="examples region-filter" role="group" aria-label="只看某地的文件">
                "地区："
                {region_chip("", "全部")}
                {REGION_FILTERS.iter().map(|f| region_chip(f.key, f.label)).collect_view()}
            </p>
            {move || match shown.get() {
                Shown::Loading => {
                    view! {
                        <p class="loading" role="status">
                            "正在载入搜索索引……"
                        </p>
                    }
                        .into_any()
                }
                Shown::Searching => {
                    view! {
                        <p class="loading" role="status">
                            "正在搜索……"
                        </p>
                    }
                        .into_any()
                }
                Shown::Idle => {
                    view! {
                        <p>
                            "输入关键词后按“搜索”。多个词用空格分开，表示同时包含。"
                        </p>
                    }
                        .into_any()
                }
                Shown::Found(text, key, page, complete) => {
                    let offer = offer
                        .with(|o| {
                            o.as_ref()
                                .filter(|(t, k, _)| *t == text && *k == key)
                                .map(|(_, _, o)| o.clone())
                        });
                    view! {
                        <Results
                            page=page
                            query=text
                            region=RegionFilter::by_key(key)
                            complete=complete
                            offer=offer
                        />
                    }
                        .into_any()
                }
                Shown::Failed => {
                    view! {
                        <p class="notice" role="alert">
                            "搜索需要的数据没有载入：可能没有网络，或这一部分还没有保存到本机。请联网后再试。"
                        </p>
                    }
                        .into_any()
                }
            }}
            {move || match shown.get() {
                Shown::Found(_, _, page, _) if page.more => {
                    Some(
                        view! {
                            <button
                                type="button"
                                class="more-hits"
                                on:click=move |_| {
                                    set_want.update(|w| *w += PAGE);
                                    keep_shown(want.get_untracked());
                                }
                            >
                                "显示更多结果"
                            </button>
                        },
                    )
                }
                _ => None,
            }}
        </div>
    }
}

/// The list of hits.
#[component]
fn Results(
    /// The page of hits, best first, and the counts.
    page: Page,
    /// The query, for the count line.
    query: String,
    /// The region filter, if one is chosen.
    region: Option<&'static RegionFilter>,
    /// False while only the first hits are in: a count that is not exact yet is not shown, so that no
    /// number on the screen changes a moment later.
    complete: bool,
    /// When nothing was found: what the query offers instead, which finds something.
    #[prop(default = None)]
    offer: Option<Offer>,
) -> impl IntoView {
    let within = region.map_or(String::new(), |f| format!("在{}的文件中", f.label));
    let has_named = !page.named.is_empty();
    let status = match (page.found, page.exact(), within.is_empty()) {
        (_, false, _) if !complete => {
            format!("{within}正在查找包含“{query}”的内容，最相关的在前：")
        }
        // Nothing holds the words as typed, what they name is above: said so, not as if nothing was found
        // (文件原文里没有 under the clause it had opened read to a room as "not in the document").
        // Not the query quoted as "the number": a source line copied whole holds issuers and a date too.
        (0, true, _) if has_named => "上面是按编号找到的文件或条款。".to_string(),
        // A 文号 the library does not hold (少写几个字 had been the advice): said so, and where the list is.
        (0, true, true) if page.a_document => format!(
            "本站没有收录“{query}”这份文件。本站收录了哪些文件，请看“{}”。",
            {
                let library = policy_content::site::Page::of(PageKind::Reader(ReaderPage::Library));
                library.nav.unwrap_or(library.title)
            }
        ),
        // One it does not hold but the documents cite (甘政发〔2018〕34号): not held, and where it is cited.
        (n, true, true) if page.a_document && !has_named => {
            format!("本站没有收录“{query}”这份文件。本站的文件里提到它的地方有 {n} 处：")
        }
        (0, true, true) => format!("没有找到包含“{query}”的内容。换个说法试试，比如少写几个字。"),
        (0, true, false) => format!("{within}没有找到包含“{query}”的内容。"),
        (n, true, _) => format!("{within}找到 {n} 处包含“{query}”的内容："),
        // Not every candidate read: as many as found, perhaps more (a range, 10 到 14 处, read as a
        // count not yet done).
        (n, false, _) => format!("{within}找到 {n} 处以上包含“{query}”的内容，最相关的在前："),
    };
    let elsewhere = match (page.elsewhere, page.elsewhere_exact) {
        (0, _) => None,
        (n, true) => Some(format!("其他地区的文件中还有 {n} 处，选“全部”可以看到。")),
        (n, false) => Some(format!(
            "其他地区的文件中可能还有（最多 {n} 处），选“全部”可以看到。"
        )),
    };
    // Nothing found in the documents' own text (an editors' summary alone does not answer it), the count
    // complete: what the documents' word and the page that answers it are offered on.
    let unanswered = !page.in_documents_text() && page.exact() && complete && !has_named;
    // What the query offers instead, one tap away: the documents' word for one people say (nothing in the
    // documents' own text: an editors' summary alone does not answer it), or the words of a question typed
    // as one run, apart. A button-sized link: the one thing to tap on this screen.
    let key = region.map_or("", |f| f.key);
    // Each offer: its test id, what it says, and the query its link searches.
    let offered = match offer {
        Some(Offer::DocumentsWord(said, written, instead)) if unanswered => Some((
            "documents-word",
            format!("文件里一般不说“{said}”，说“{written}”："),
            instead,
        )),
        // Found in the editors' notes alone, the count above is theirs: said, so the two lines do not
        // read as contradicting each other (三（一）: 找到 6 处 and 没有).
        Some(Offer::Apart(words)) if !page.in_documents_text() && !has_named => Some((
            "words-apart",
            if page.found > 0 {
                "文件原文里没有连在一起的这几个字（上面找到的是本站编写的内容）。分开找这几个词："
            } else {
                "文件里没有连在一起的这几个字。分开找这几个词："
            }
            .to_string(),
            words,
        )),
        Some(Offer::Related(said, written, instead)) => Some((
            "related-word",
            format!("文件里“{said}”也写作“{written}”："),
            instead,
        )),
        _ => None,
    }
    .map(|(testid, says, instead)| {
        view! {
            <p class="elsewhere" data-testid=testid>
                {says}
                <a class="button secondary" href=search_url(&instead, key)>
                    {format!("搜“{instead}”")}
                </a>
            </p>
        }
    });
    // Nothing found: the page that answers the question for the person's own case. The calculator, for what
    // a bill costs; the check, for any other question (生孩子能报销吗, 建档立卡贫困户有什么好处), which lists
    // what the person can get, each benefit with its clause.
    let to_page = unanswered.then(|| {
        let (kind, testid, why) = if policy_content::search::asks_what_it_costs(&query) {
            (
                PageKind::Calc,
                "to-calc",
                "自己要付多少钱，要看花了多少、在哪级医院、是哪类人员：用计算器按您的情况算。",
            )
        } else {
            (
                PageKind::Checker(CheckerPage::Check),
                "to-check",
                "想知道自己能享受哪些政策：回答几个问题，列出适合您的政策和出自哪份文件。",
            )
        };
        let to = policy_content::site::Page::of(kind);
        let label = to.card.map_or(to.title, |c| c.title);
        view! {
            <p class="elsewhere" data-testid=testid>
                {why}
                <a class="button secondary" href=to.path>
                    {label}
                </a>
            </p>
        }
    });
    // The poster carries what its QR code opens: the query and what it found (it had carried the page's
    // lead alone, 搜索, without saying what was searched).
    let poster = complete.then(|| poster_of(&query, &within, &page));
    // What the query names (a clause's number, a table's, a 文号: what a poster's 出处 prints), opened
    // directly, before the hits of its words.
    let many = page.named.len() > BRIEF_AFTER;
    let named = has_named.then(|| {
        view! {
            <section class="named" aria-labelledby="named-head" data-testid="named">
                <h2 id="named-head">"按编号直接打开："</h2>
                <ul class="named-list">
                    {page
                        .named
                        .into_iter()
                        .map(|mut h| {
                            if many {
                                h.snippet.clear();
                            }
                            hit_item(h.href(), h, "")
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    });
    // The words the hits' links mark: as they were looked for (a 文号 said with 年 as the documents print it).
    let marked = page.looked_for.clone().unwrap_or_else(|| query.clone());
    view! {
        {poster}
        {named}
        <p
            role="status"
            data-testid="search-count"
            class="search-count"
            aria-busy=(!complete).to_string()
        >
            {status}
        </p>
        {elsewhere.map(|e| view! { <p class="elsewhere">{e}</p> })}
        {offered}
        {to_page}
        <ol class="hits">
            {page
                .hits
                .into_iter()
                .map(|h| hit_item(policy_content::mark::link(&h.href(), &marked), h, &marked))
                .collect_view()}
        </ol>
    }
}

/// How many of a search's hits its poster names.
const ON_POSTER: usize = 3;

/// The poster of a search: what was searched (`搜索“大病保险”`, with the region filter), the first hits as
/// the page lists them (the section, its document and whether it is the site's own words), how many the
/// QR code opens, and the 文号 they are from.
fn poster_of(query: &str, within: &str, page: &Page) -> impl IntoView {
    let shown: Vec<&Hit> = page
        .named
        .iter()
        .chain(&page.hits)
        .take(ON_POSTER)
        .collect();
    let mut points: Vec<String> = shown
        .iter()
        .map(|h| {
            let own = if h.editorial {
                "（本站编写，不是文件原文）"
            } else {
                ""
            };
            // A title that ends its sentence (…扶持行动。) without a stop before the colon.
            let title = h.section_title.trim_end_matches('。');
            format!("{title}{own}：{} · {}", h.doc_title, h.doc_number)
        })
        .collect();
    // The count as the page's status line says it (the QR code opens the page).
    points.push(match (page.found, page.exact()) {
        (0, _) if !page.named.is_empty() => "按编号找到的文件或条款，扫码打开。".to_string(),
        (0, _) => format!("没有找到包含“{query}”的内容。"),
        (n, true) => format!("找到 {n} 处包含“{query}”的内容，扫码看全部。"),
        (n, false) => format!("找到 {n} 处以上包含“{query}”的内容，扫码看全部。"),
    });
    view! {
        <PosterSummary
            title=format!("{within}搜索“{query}”")
            points=points
            source=based_on(shown.iter().map(|h| h.doc_number.as_str()))
            qr_name=format!("搜索-{query}")
        />
    }
}

/// The section's other clauses and rows that hold the query's words (`Hit::more`), each linked with the
/// words marked, under the hit: a section is one hit, and the clauses after the one it opens had not been
/// seen (眉山 三（一）2（5）, 白内障复明手术, under 2（4）).
fn more_here(h: &Hit, query: &str) -> Option<impl IntoView> {
    (!h.more.is_empty()).then(|| {
        let links = h
            .more
            .iter()
            .map(|(id, label)| {
                let href = policy_content::citation::clause_href(&h.slug, id);
                view! {
                    " "
                    <a href=policy_content::mark::link(&href, query)>{label.clone()}</a>
                }
            })
            .collect_view();
        view! { <p class="more-here">"这一节里还有："{links}</p> }
    })
}

/// One hit in a list: its heading linked to `href`, its document and region, its snippet (if it has one)
/// with the matched words marked, and the section's other clauses that hold `query`'s words.
fn hit_item(href: String, h: Hit, query: &str) -> impl IntoView {
    let more = more_here(&h, query);
    view! {
        <li>
            <a href=href>{h.section_title}</a>
            <div class="where">
                // A space after each label: copied, or read aloud, the labels had run into the title
                // (甘肃省甘肃省健康扶贫…).
                <span class="region-label">{h.region}</span>
                " "
                {h
                    .editorial
                    .then(|| {
                        view! {
                            <span class="region-label editorial-label">
                                "本站编写，不是文件原文"
                            </span>
                            " "
                        }
                    })}
                {format!("{} · {}", h.doc_title, h.doc_number)}
            </div>
            {(!h.snippet.is_empty())
                .then(|| {
                    view! {
                        <p class="snippet">
                            {h
                                .snippet
                                .into_iter()
                                .map(|f| {
                                    if f.hit {
                                        view! { <mark>{f.text}</mark> }.into_any()
                                    } else {
                                        view! { <span>{f.text}</span> }.into_any()
                                    }
                                })
                                .collect_view()}
                        </p>
                    }
                })}
            {more}
        </li>
    }
}
