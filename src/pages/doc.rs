//! One document of the library at `/docs/<slug>/`: its body is rendered at build time (see `sitegen`).

use leptos::prelude::*;
use policy_content::site::{doc_path, fragment_key};

use crate::components::StaticFragment;

/// Shows the document `slug`.
#[component]
pub fn DocPage(
    /// The document's slug, from the address (it changes when the reader follows a link to another
    /// document).
    #[prop(into)]
    slug: Signal<String>,
) -> impl IntoView {
    let key = Signal::derive(move || fragment_key(&doc_path(&slug.get())));
    view! { <StaticFragment key=key /> }
}
