//! Shows a page body that the build rendered to HTML (documents, library, home, about).

use leptos::prelude::*;
use leptos::task::spawn_local;

use policy_content::site::{FRAGMENT_MARK, SAVE_OFFLINE, SAVE_OFFLINE_SLOT};

use crate::components::LoadFailed;
use crate::dom::{fetch_text, FetchError};
use crate::pages::NotFound;
use crate::prerender::PrerenderedCtx;
use crate::reading_place::scroll_to_hash;

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
) -> impl IntoView {
    let pre = use_context::<PrerenderedCtx>();
    let body = RwSignal::new(Body::Loading);
    let attempt = RwSignal::new(0u32);
    Effect::new(move |_| {
        attempt.track();
        let key = key.get();
        let adopted = pre.and_then(|p| p.0.try_update_value(|pr| pr.take(&key)).flatten());
        if let Some(h) = adopted {
            body.set(Body::Adopted(h));
            // The build-time page the browser had scrolled to the section is gone: this copy is brought
            // there, or kept where the reader had moved it while the app came.
            request_animation_frame(crate::reading_place::after_takeover);
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
                place_save_offline();
            });
            view! { <div class="static-page" node_ref=div></div> }.into_any()
        }
        Body::Ready(html) => {
            let div = NodeRef::<leptos::html::Div>::new();
            div.on_load(move |_| place_save_offline());
            view! { <div class="static-page" inner_html=html node_ref=div></div> }.into_any()
        }
        Body::Missing => view! { <NotFound /> }.into_any(),
        Body::Failed(e) => {
            view! { <LoadFailed error=e on_retry=move || attempt.update(|n| *n += 1) /> }.into_any()
        }
    }
}

/// Once a body is in the page: moves the 保存全部内容 control (`components::SaveOffline`, rendered after the
/// body on `/about/` and `/docs/`) into the body's slot under the title and its lead, where a trainer finds
/// it without scrolling the library. Moving the node keeps it the app's (its updates and its removal go by
/// the node). Without a slot or a control, nothing moves.
fn place_save_offline() {
    let doc = web_sys::window().and_then(|w| w.document());
    let find = |id: &str| doc.as_ref().and_then(|d| d.get_element_by_id(id));
    if let (Some(slot), Some(control)) = (find(SAVE_OFFLINE_SLOT), find(SAVE_OFFLINE)) {
        // The control takes the place the build's placeholder held (nothing below it moves).
        slot.replace_children_with_node_1(&control);
    }
}
