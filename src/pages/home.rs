//! The `home` page: its body is rendered at build time from `content/` (see `sitegen`).

use leptos::prelude::*;

use policy_content::site::{fragment_key, Page, PageKind, ReaderPage};

use crate::components::StaticFragment;

/// Shows the build-time page body.
#[component]
pub fn HomePage() -> impl IntoView {
    view! { <StaticFragment key=fragment_key(Page::of(PageKind::Reader(ReaderPage::Home)).path) /> }
}
