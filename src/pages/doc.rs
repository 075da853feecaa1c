//! One document of the library at `/docs/<slug>/`: its body is rendered at build time (see `sitegen`).

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::StaticFragment;

/// Shows the document named by the route's `slug`.
#[component]
pub fn DocPage() -> impl IntoView {
    let params = use_params_map();
    let key = Signal::derive(move || {
        format!(
            "docs-{}",
            params.with(|p| p.get("slug").unwrap_or_default())
        )
    });
    view! { <StaticFragment key=key/> }
}
