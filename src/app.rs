//! The apps: one per wasm bundle (see [`Bundle`]), each the same page frame (header, page tools, main,
//! footer) around its own routes. A link to a route of another bundle is an ordinary page load.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;
use policy_checker::store::Part;
use policy_content::site::{Bundle, CheckerPage, Page, PageKind, ReaderPage, MAIN_HREF, MAIN_ID};

use crate::components::{
    DataGate, PageTools, SiteFooter, SiteHeader, TextSize, ToolsCode, ToolsLoader,
};
use crate::lazy::Load;
use crate::pages::NotFound;
use crate::prerender::{Prerendered, PrerenderedCtx};

/// The page frame (skip link, header, page tools, main, footer) around a bundle's pages.
#[component]
fn Frame(
    /// The path of the page shown.
    #[prop(into)]
    path: Signal<String>,
    children: Children,
) -> impl IntoView {
    view! {
        <a class="skip-link" href=MAIN_HREF>
            "跳到正文"
        </a>
        <SiteHeader path=path />
        <PageTools />
        <main id=MAIN_ID tabindex="-1">
            {children()}
        </main>
        <SiteFooter />
    }
}

/// Home, the library, the documents, search and the about page: the router (navigation without
/// reloading) inside the page frame, with one route that hands every address to the route table.
#[component]
pub fn ReaderApp(
    /// Loads the page tools' panels (the bundle's split point).
    tools_code: Load<ToolsCode>,
    /// Loads the search's code (the search page's split point).
    search_code: Load<crate::search_code::SearchCode>,
) -> impl IntoView {
    crate::address::drop_index_html();
    // Where the reader is in the build's page, if they moved it while the app came (documents are the
    // reader's: `StaticFragment` keeps that place).
    crate::reading_place::note_place_before_takeover();
    setup(Bundle::Reader, tools_code);
    provide_context(crate::search_code::SearchLoader(search_code));
    // A clause's 分享 and 打印这一节 (the documents' pages are the reader's; no other bundle's page has one).
    crate::components::section_link::install_copy_handler();
    crate::print_section::SectionPrint::provide();
    // A fragment changed in the page (a 目录 or 编者注 link, Back, Forward): the clause it names is brought
    // to the top, marked and held there as the sections around it are drawn, as when the address is
    // opened (the browser's own restored place can be far off: sections not drawn yet have estimated
    // heights). The router's own navigations: `RoutedFrame`.
    std::mem::forget(window_event_listener_untyped("hashchange", |_| {
        crate::reading_place::scroll_to_hash()
    }));
    // Back or Forward: the page the router draws again is put where the reader left it (this listener
    // comes before the router's, which draws the page).
    crate::back_place::follow();
    // Printed, each page of a document carries its 文号, address and page number.
    crate::print_margin::follow();
    std::mem::forget(window_event_listener_untyped("popstate", |_| {
        crate::back_place::return_to()
    }));
    view! {
        <Router>
            <RoutedFrame>
                <Routes fallback=|| view! { <NotFound /> }>
                    <Route path=path!("/*any") view=ReaderPages />
                </Routes>
            </RoutedFrame>
        </Router>
    }
}

/// The reader's page for the router's address, by the route table (`policy_content::site::PAGES`): a
/// new page is drawn only when the address names another page (not for another document or query).
#[component]
fn ReaderPages() -> impl IntoView {
    let location = use_location();
    let kind = Memo::new(move |_| {
        location
            .pathname
            .with(|p| Page::resolve(p).map(|(p, _)| p.kind))
    });
    let slug = Signal::derive(move || {
        location.pathname.with(|p| {
            Page::resolve(p)
                .and_then(|(_, slug)| slug.map(str::to_string))
                .unwrap_or_default()
        })
    });
    move || match kind.get() {
        Some(PageKind::Reader(page)) => match page {
            ReaderPage::Home => view! { <crate::pages::HomePage /> }.into_any(),
            ReaderPage::Library => view! { <crate::pages::LibraryPage /> }.into_any(),
            ReaderPage::Doc => view! { <crate::pages::DocPage slug=slug /> }.into_any(),
            ReaderPage::Search => view! { <crate::pages::SearchPage /> }.into_any(),
            ReaderPage::About => view! { <crate::pages::AboutPage /> }.into_any(),
        },
        Some(_) => view! { <Elsewhere /> }.into_any(),
        None => view! { <NotFound /> }.into_any(),
    }
}

/// The calculator's page tools (`crate::calc_page` is the page itself, without this framework): the tool
/// bar put in the build's bar's place, with what every bundle sets up for it, once the chunk with it has
/// come (`components::LaterCode::tools`).
pub fn calc_tools(tools_code: Load<ToolsCode>) {
    use wasm_bindgen::JsCast;
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(bar) = doc
        .query_selector(".page-tools.static-tools")
        .ok()
        .flatten()
    else {
        return;
    };
    // What the build's bar said while the chunk had not come.
    crate::calc_page::say_under_tools(None, "");
    let Ok(place) = doc.create_element("div") else {
        return;
    };
    place.set_class_name("tools-place");
    // A tool the keyboard is on keeps it in the new bar.
    let focused = doc
        .active_element()
        .filter(|el| bar.contains(Some(el)))
        .and_then(|el| el.text_content());
    let _ = bar.replace_with_with_node_1(&place);
    // The calculator writes the address itself and says so: the QR code and the poster follow it.
    std::mem::forget(window_event_listener_untyped(
        crate::calc_page::ADDRESS_CHANGED,
        |_| crate::address::changed(),
    ));
    follow_address();
    leptos::mount::mount_to(place.clone().unchecked_into(), move || {
        provide_context(ToolsLoader(tools_code));
        TextSize::provide();
        view! { <PageTools /> }
    })
    .forget();
    if let Some(b) = focused.and_then(|label| crate::dom::tool_button(&label)) {
        let _ = b.focus();
    }
}

/// The eligibility checker, the self-check forms and quiz, and the village lookup: three pages, each an
/// ordinary page load, so no router (a smaller bundle); each page waits for the checker data it uses.
#[component]
pub fn CheckerApp(
    /// Loads the page tools' panels (the bundle's split point).
    tools_code: Load<ToolsCode>,
) -> impl IntoView {
    crate::address::drop_index_html();
    setup(Bundle::Checker, tools_code);
    let path = page_path();
    let page = match checker_page(&path.get_untracked()) {
        Some(page) => {
            // The page is drawn (again) whenever its data gate opens: a plain function of the page.
            let draw = move || match page {
                CheckerPage::Check => view! { <crate::pages::CheckPage /> }.into_any(),
                CheckerPage::SelfCheck => view! { <crate::pages::SelfCheckPage /> }.into_any(),
                CheckerPage::Villages => view! { <crate::pages::VillagesPage /> }.into_any(),
            };
            view! { <DataGate parts=Part::for_page(page)>{draw}</DataGate> }.into_any()
        }
        None => view! { <NotFound /> }.into_any(),
    };
    view! { <Frame path=path>{page}</Frame> }
}

/// The checker page at `path`, if it is one.
fn checker_page(path: &str) -> Option<CheckerPage> {
    match Page::resolve(path).map(|(p, _)| p.kind) {
        Some(PageKind::Checker(page)) => Some(page),
        _ => None,
    }
}

/// How long the app waits for a checker page's data before it mounts anyway (its [`DataGate`] then says
/// 正在载入…… and, if the data does not come, why, with 重试), in ms.
const DATA_WAIT_MS: i32 = 3_000;

/// Installs the checker data this page uses (see [`Part::for_page`]), for at most [`DATA_WAIT_MS`], so that
/// the app can be mounted with its page already drawn: the build's page stays readable meanwhile, instead
/// of giving way to a loading line (250–450 ms on slow 4G). A failure is left to the page's [`DataGate`].
pub async fn checker_data() {
    if let Some(page) = checker_page(&location_path()) {
        let install = std::pin::pin!(crate::components::install_data(Part::for_page(page)));
        let wait = std::pin::pin!(crate::dom::sleep(DATA_WAIT_MS));
        futures::future::select(install, wait).await;
    }
}

/// The path of a page that never navigates without reloading (a bundle without a router).
fn page_path() -> Signal<String> {
    Signal::stored(location_path())
}

/// The path of the page's address.
fn location_path() -> String {
    web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default()
}

/// The page frame inside the router: the header follows the router's path, and [`crate::address`] hears
/// of its navigations (they change the address without an event).
#[component]
fn RoutedFrame(children: Children) -> impl IntoView {
    let location = use_location();
    Effect::new(move |was: Option<(String, String)>| {
        location.search.track();
        let now = (location.pathname.get(), location.hash.get());
        // A jump inside the page (a 目录 or 编者注 link: the router's, with no `hashchange`) is brought to the
        // top and held as the `hashchange` of an address typed is: the router's one scroll went by the
        // sections' estimated heights, and after 朗读 had laid out the whole text once it left 附表3-2's link
        // 4,500 px short, in another table.
        let jump = was
            .as_ref()
            .is_some_and(|(path, hash)| *path == now.0 && *hash != now.1)
            && !now.1.is_empty();
        // A page reached inside the app is kept by its own address too, as a page the browser loaded is: a
        // reload offline (or the phone dropping the tab) had found only its body's fragment, and said it
        // was never opened.
        let moved = was.is_some_and(|(path, _)| path != now.0);
        // The router sets its location before it writes the browser's address: read it a frame later;
        // the clause its fragment names takes the mark.
        request_animation_frame(move || {
            crate::address::changed();
            if jump {
                crate::reading_place::scroll_to_hash();
            } else {
                crate::reading_place::mark_hash_target();
            }
            crate::back_place::remember(true);
            if moved {
                crate::offline::loaded_more();
            }
        });
        now
    });
    view! { <Frame path=location.pathname>{children()}</Frame> }
}

/// What every bundle sets up before its first view: the build-time page, the loader of the page tools'
/// panels, the text size, offline support, and links to other bundles' pages left to the browser.
fn setup(this: Bundle, tools_code: Load<ToolsCode>) {
    provide_context(PrerenderedCtx(StoredValue::new(Prerendered::capture())));
    provide_context(ToolsLoader(tools_code));
    TextSize::provide();
    crate::offline::register();
    follow_address();
    leave_other_bundles_to_browser(this);
}

/// The readers of the address ([`crate::address`]) told when the browser changes it (Back, Forward, a
/// link in the page). Back or Forward: the browser puts the page where that entry had it before
/// `hashchange` names the entry's clause, so a place still held must let go at once (a hold's next look,
/// in between, would pull the page back to the clause just left).
fn follow_address() {
    std::mem::forget(window_event_listener_untyped("popstate", |_| {
        crate::reading_place::let_go();
        crate::address::changed();
    }));
    std::mem::forget(window_event_listener_untyped("hashchange", |_| {
        crate::address::changed()
    }));
}

/// A click on a link to a page another bundle serves is left to the browser (an ordinary page load): it
/// stops at the document, before the router's handler on the window, which knows only this bundle's
/// routes.
fn leave_other_bundles_to_browser(this: Bundle) {
    use wasm_bindgen::JsCast;
    crate::dom::on_document("click", false, move |ev: web_sys::Event| {
        let href = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[href]").ok().flatten())
            .and_then(|a| a.get_attribute("href"));
        if let Some(href) = href {
            if href.starts_with('/') && !href.starts_with("//") && Bundle::for_path(&href) != this {
                ev.stop_propagation();
            }
        }
    });
}

/// A page another bundle serves, reached by the router (a programmatic navigation): load that page
/// from the server in place of this one.
#[component]
fn Elsewhere() -> impl IntoView {
    let loc = use_location();
    let href = format!(
        "{}{}{}",
        loc.pathname.get_untracked(),
        loc.search.get_untracked(),
        loc.hash.get_untracked()
    );
    if let Some(w) = web_sys::window() {
        let _ = w.location().replace(&href);
    }
    view! {
        <p class="page loading" role="status">
            "正在打开…"
        </p>
    }
}
