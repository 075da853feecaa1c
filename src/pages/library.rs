//! The `docs` page: its body is rendered at build time from `content/` (see `sitegen`).

use leptos::prelude::*;

use policy_content::site::{fragment_key, Page, PageKind, ReaderPage};

use crate::components::{SaveOffline, StaticFragment};

/// Shows the build-time page body, with the 保存全部内容 control (moved near its top: see
/// `StaticFragment`).
#[component]
pub fn LibraryPage() -> impl IntoView {
    view! {
        <StaticFragment key=fragment_key(Page::of(PageKind::Reader(ReaderPage::Library)).path) />
        <SaveOffline />
    }
}
