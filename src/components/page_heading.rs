//! A route's heading and lead paragraph, from the route table (the build's page shows the same two).

use leptos::prelude::*;
use policy_content::site::{Page, PageKind};

/// The `<h1>` and lead paragraph of the page `kind` (`policy_content::site::PAGES`).
#[component]
pub fn PageHeading(
    /// Which page.
    kind: PageKind,
) -> impl IntoView {
    let page = Page::of(kind);
    view! {
        <h1>{page.title}</h1>
        <p class="lead">{page.intro}</p>
    }
}
