//! The app: the page frame (header, main, footer) and the route table.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::{PageTools, SiteFooter, SiteHeader, TextSize};
use crate::pages::{
    AboutPage, CalcPage, CheckPage, DocPage, HomePage, LibraryPage, NotFound, SearchPage,
    SelfCheckPage, VillagesPage,
};
use crate::prerender::{Prerendered, PrerenderedCtx};

/// The whole site.
#[component]
pub fn App() -> impl IntoView {
    provide_context(PrerenderedCtx(StoredValue::new(Prerendered::capture())));
    TextSize::provide();
    crate::dom::register_service_worker();
    crate::components::section_link::install_copy_handler();
    view! {
        <Router>
            <a class="skip-link" href="#main">"跳到正文"</a>
            <SiteHeader/>
            <PageTools/>
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/docs") view=LibraryPage/>
                    <Route path=path!("/docs/:slug") view=DocPage/>
                    <Route path=path!("/search") view=SearchPage/>
                    <Route path=path!("/calc") view=CalcPage/>
                    <Route path=path!("/check") view=CheckPage/>
                    <Route path=path!("/self-check") view=SelfCheckPage/>
                    <Route path=path!("/villages") view=VillagesPage/>
                    <Route path=path!("/about") view=AboutPage/>
                </Routes>
            </main>
            <SiteFooter/>
        </Router>
    }
}
