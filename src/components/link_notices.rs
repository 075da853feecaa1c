//! What a page says above what it read from its link when the link was not taken as it stood (the
//! calculator's codes nobody knows or cut visits, a sealed link that does not check): one box, the same on
//! every page that reads a person's link.

use std::fmt::Display;

use leptos::prelude::*;

/// The notices about the link the page was opened with, in plain Chinese, with 知道了 to put them away
/// (printed without it: on paper the notice stays with what it concerns).
#[component]
pub fn LinkNotices<T>(
    /// The notices (empty: nothing shown); each is said as it displays.
    notices: RwSignal<Vec<T>>,
) -> impl IntoView
where
    T: Display + Clone + Send + Sync + 'static,
{
    view! {
        <Show when=move || notices.with(|n| !n.is_empty())>
            <div class="notice link-notices" role="status" data-testid="link-notices">
                <p>"请核对这个链接："</p>
                <ul>
                    {move || {
                        notices
                            .get()
                            .into_iter()
                            .map(|n| view! { <li>{n.to_string()}</li> })
                            .collect_view()
                    }}
                </ul>
                <button
                    type="button"
                    class="secondary small no-print"
                    on:click=move |_| notices.set(Vec::new())
                >
                    "知道了"
                </button>
            </div>
        </Show>
    }
}
