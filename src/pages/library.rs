//! The `docs` page: its body is rendered at build time from `content/` (see `sitegen`).

use leptos::prelude::*;

use crate::components::{SaveOffline, StaticFragment};

/// Shows the build-time page body.
#[component]
pub fn LibraryPage() -> impl IntoView {
    view! { <StaticFragment key="docs".to_string()/> <SaveOffline/> }
}
