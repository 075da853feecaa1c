//! What a page says when something it needs could not be fetched: why, in plain Chinese, and a 重试 button;
//! offline after an in-app navigation, the page as a reload shows it instead (`offline::reload_offline`).

use leptos::prelude::*;

/// The failure notice with a retry button.
#[component]
pub fn LoadFailed(
    /// What failed, as the fetch reported it.
    #[prop(into)]
    error: String,
    /// Called when the person taps 重试.
    on_retry: impl Fn() + 'static,
) -> impl IntoView {
    if crate::offline::reload_offline() {
        return view! {
            <p class="loading" role="status">
                "正在加载……"
            </p>
        }
        .into_any();
    }
    view! {
        <div class="notice load-failed" role="alert">
            <p>"这一页的内容没有载入成功。请检查网络，再点“重试”。"</p>
            <p class="hint">{error}</p>
            <button type="button" on:click=move |_| on_retry()>
                "重试"
            </button>
        </div>
    }
    .into_any()
}
