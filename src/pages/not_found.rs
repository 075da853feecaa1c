//! The page shown for an address the site does not have.

use leptos::prelude::*;

/// "Page not found", with the ways back.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <div class="page">
            <h1>"没有找到这个页面"</h1>
            <p>"您打开的地址可能输错了，或者页面已经移动。"</p>
            <ul class="big-links">
                <li><a href="/">"回到首页"</a></li>
                <li><a href="/docs/">"查看政策文件"</a></li>
                <li><a href="/search/">"搜索政策"</a></li>
            </ul>
        </div>
    }
}
