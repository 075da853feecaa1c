//! The site header: name and the main navigation. On a narrow screen (see `public/style.css`) the
//! navigation folds behind a 菜单 button, so that at the largest text size the page still starts on the
//! first screen; it folds again when a link in it is followed, and on every new page.

use leptos::prelude::*;

use policy_content::site::{Page, SITE_NAME};

/// The header with the site name and the navigation bar; the current page is marked for screen readers.
#[component]
pub fn SiteHeader(
    /// The path of the page shown (the router's, in a bundle that navigates without reloading).
    #[prop(into)]
    path: Signal<String>,
) -> impl IntoView {
    // The page's path, with a trailing slash.
    let page = Memo::new(move |_| {
        let now = path.get();
        if now.ends_with('/') {
            now
        } else {
            format!("{now}/")
        }
    });
    let current = move |path: &'static str| {
        page.with(|now| {
            if path == "/" {
                now == "/"
            } else {
                now.starts_with(path)
            }
        })
    };
    let (menu_open, set_menu_open) = signal(false);
    // A new page: the menu folds again.
    Effect::new(move |_| {
        page.track();
        set_menu_open.set(false);
    });
    view! {
        <header class="site-header">
            <div class="header-row">
                <a class="brand" href="/">
                    {SITE_NAME}
                </a>
                <button
                    type="button"
                    class="menu-toggle"
                    aria-controls="site-nav"
                    aria-expanded=move || menu_open.get().to_string()
                    on:click=move |_| set_menu_open.update(|o| *o = !*o)
                >
                    "菜单"
                </button>
            </div>
            // A link followed folds the menu (the router's navigation does not always reach `page` first).
            <nav
                id="site-nav"
                aria-label="主导航"
                class:open=move || menu_open.get()
                on:click=move |_| set_menu_open.set(false)
            >
                <ul>
                    {Page::nav_links()
                        .map(|(path, label)| {
                            view! {
                                <li>
                                    <a
                                        href=path
                                        aria-current=move || current(path).then_some("page")
                                    >
                                        {label}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
        </header>
    }
}
