//! Shows a page body that the build rendered to HTML (documents, library, home, about).

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::dom::{fetch_text, scroll_to_hash};
use crate::prerender::PrerenderedCtx;

/// Shows the build-time HTML of the page with fragment key `key`: the copy that came with the page
/// when it was the first one loaded, or `/_frag/KEY.html` fetched from the site otherwise.
#[component]
pub fn StaticFragment(
    /// The fragment key, e.g. `home` or `docs-huining-83` (see `prerender::fragment_key`).
    #[prop(into)]
    key: Signal<String>,
) -> impl IntoView {
    let pre = use_context::<PrerenderedCtx>();
    let (html, set_html) = signal(None::<String>);
    let (failed, set_failed) = signal(false);
    Effect::new(move |_| {
        let key = key.get();
        let adopted = pre.and_then(|p| p.0.try_update_value(|pr| pr.take(&key)).flatten());
        if let Some(h) = adopted {
            set_html.set(Some(h));
            return;
        }
        set_html.set(None);
        set_failed.set(false);
        spawn_local(async move {
            match fetch_text(&format!("/_frag/{key}.html")).await {
                Ok(text) => {
                    set_html.set(Some(text));
                    request_animation_frame(scroll_to_hash);
                }
                Err(_) => set_failed.set(true),
            }
        });
    });
    view! {
        <Show
            when=move || html.with(Option::is_some)
            fallback=move || view! {
                <p class="loading" role="status">
                    {move || if failed.get() { "没有加载成功，请检查网络后刷新页面。" } else { "正在加载……" }}
                </p>
            }
        >
            <div class="static-page" inner_html=move || html.get().unwrap_or_default()></div>
        </Show>
    }
}
