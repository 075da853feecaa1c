//! The site header: name and the main navigation.

use leptos::prelude::*;

use policy_content::site::{NAV, SITE_NAME};

/// The header with the site name and the navigation bar; the current page is marked for screen readers.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let url = crate::address::use_current_url();
    let current = move |path: &'static str| {
        let now = url.with(|u| {
            let after_origin = u.find("://").map_or(0, |i| i + 3);
            let path_start = u[after_origin..]
                .find('/')
                .map_or(u.len(), |i| after_origin + i);
            u[path_start..]
                .split(['?', '#'])
                .next()
                .unwrap_or("/")
                .to_string()
        });
        let now = if now.ends_with('/') {
            now
        } else {
            format!("{now}/")
        };
        if path == "/" {
            now == "/"
        } else {
            now.starts_with(path)
        }
    };
    view! {
        <header class="site-header">
            <a class="brand" href="/">{SITE_NAME}</a>
            <nav aria-label="主导航">
                <ul>
                    {NAV.iter().skip(1).map(|p| {
                        let path = p.path;
                        view! {
                            <li>
                                <a href=path aria-current=move || current(path).then_some("page")>{p.nav}</a>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </nav>
        </header>
    }
}
