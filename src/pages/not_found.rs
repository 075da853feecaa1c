//! The page shown for an address the site does not have (its text: `policy_content::site::NOT_FOUND`,
//! which the build's 404 page also shows).

use leptos::prelude::*;
use policy_content::site::NOT_FOUND;

/// "Page not found", with the ways back.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <div class="page">
            <h1>{NOT_FOUND.title}</h1>
            <p>{NOT_FOUND.text}</p>
            <ul class="big-links">
                {NOT_FOUND
                    .links
                    .iter()
                    .map(|(href, label)| {
                        view! {
                            <li>
                                <a href=*href>{*label}</a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </div>
    }
}
