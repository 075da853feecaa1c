//! Placeholder until this page is built.

use leptos::prelude::*;

/// Says plainly that this page is not ready yet.
#[component]
pub fn VillagesPage() -> impl IntoView {
    view! {
        <div class="page">
            <h1>"包抓干部查询"</h1>
            <p class="notice">"这个功能正在建设中，暂时还不能使用。您可以先阅读"<a href="/docs/">"政策文件"</a>"。"</p>
        </div>
    }
}
