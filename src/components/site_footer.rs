//! The site footer: privacy promise and where the texts come from.

use leptos::prelude::*;

/// The footer shown on every page.
#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>"本站所有计算都在您的手机上完成，您填写的内容不会上传，也不会保存。"</p>
            <p>"政策原文来自各级政府公开发布的文件。计算结果仅供参考，以医保经办机构结算为准。"</p>
            <p><a href="/about/">"关于本站与隐私说明"</a></p>
        </footer>
    }
}
