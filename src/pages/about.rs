//! The `about` page: its body is rendered at build time from `content/` (see `sitegen`).

use leptos::prelude::*;

use crate::components::{SaveOffline, StaticFragment};

/// Shows the build-time page body.
#[component]
pub fn AboutPage() -> impl IntoView {
    view! { <StaticFragment key="about".to_string()/> <SaveOffline/> }
}
