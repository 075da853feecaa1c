//! Shows a page body that the build rendered to HTML (documents, library, home, about).

use leptos::prelude::*;
use leptos::task::spawn_local;

use policy_content::site::FRAGMENT_MARK;

use crate::components::LoadFailed;
use crate::dom::{fetch_text, scroll_to_hash, FetchError};
use crate::pages::NotFound;
use crate::prerender::PrerenderedCtx;

/// What the body of a page is, so far.
#[derive(Clone, Debug, PartialEq)]
enum Body {
    Loading,
    /// The body that came with the page: its nodes are moved in (see `prerender::adopt_children`); the
    /// HTML is the fallback.
    Adopted(String),
    Ready(String),
    /// The site has no such page (a mistyped document address).
    Missing,
    Failed(String),
}

/// Shows the build-time HTML of the page with fragment key `key`: the copy that came with the page
/// when it was the first one loaded, or `/_frag/KEY.html` fetched from the site otherwise. A key the site
/// has no body for shows the not-found page; a failed fetch says why and offers 重试.
#[component]
pub fn StaticFragment(
    /// The fragment key, e.g. `home` or `docs-huining-83` (see `policy_content::site::fragment_key`).
    #[prop(into)]
    key: Signal<String>,
    /// Called once the body is in the page (the build's nodes moved in, or the fetched HTML set).
    #[prop(optional)]
    on_ready: Option<Callback<()>>,
) -> impl IntoView {
    let ready = move || {
        if let Some(f) = on_ready {
            f.run(());
        }
    };
    let pre = use_context::<PrerenderedCtx>();
    let body = RwSignal::new(Body::Loading);
    let attempt = RwSignal::new(0u32);
    Effect::new(move |_| {
        attempt.track();
        let key = key.get();
        let adopted = pre.and_then(|p| p.0.try_update_value(|pr| pr.take(&key)).flatten());
        if let Some(h) = adopted {
            body.set(Body::Adopted(h));
            // The build-time page the browser had scrolled to the section is gone: scroll this copy.
            request_animation_frame(scroll_to_hash);
            return;
        }
        body.set(Body::Loading);
        spawn_local(async move {
            let got = match fetch_text(&format!("/_frag/{key}.html")).await {
                Ok(text) => match text.strip_prefix(FRAGMENT_MARK) {
                    Some(html) => Body::Ready(html.to_string()),
                    None => Body::Missing,
                },
                Err(FetchError::NotFound { .. }) => Body::Missing,
                Err(e) => Body::Failed(e.to_string()),
            };
            let ready = matches!(got, Body::Ready(_));
            body.set(got);
            if ready {
                request_animation_frame(scroll_to_hash);
            }
        });
    });
    move || match body.get() {
        Body::Loading => view! {
            <p class="loading" role="status">
                "正在加载……"
            </p>
        }
        .into_any(),
        Body::Adopted(html) => {
            let div = NodeRef::<leptos::html::Div>::new();
            div.on_load(move |el| {
                if !crate::prerender::adopt_children(&el) {
                    el.set_inner_html(&html);
                }
                ready();
            });
            view! { <div class="static-page" node_ref=div></div> }.into_any()
        }
        Body::Ready(html) => {
            let div = NodeRef::<leptos::html::Div>::new();
            div.on_load(move |_| ready());
            view! { <div class="static-page" inner_html=html node_ref=div></div> }.into_any()
        }
        Body::Missing => view! { <NotFound /> }.into_any(),
        Body::Failed(e) => {
            view! { <LoadFailed error=e on_retry=move || attempt.update(|n| *n += 1) /> }.into_any()
        }
    }
}
