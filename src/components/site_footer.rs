//! The site footer: privacy promise and where the texts come from.

use leptos::prelude::*;

/// The footer shown on every page.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let as_of = policy_date()
        .map(|d| format!("，资料截至{d}"))
        .unwrap_or_default();
    view! {
        <footer class="site-footer">
            <p>"本站所有计算都在您的手机上完成，您填写的内容不会上传，也不会保存。"</p>
            <p>{format!("政策原文来自各级政府公开发布的文件{as_of}。计算结果仅供参考，以医保经办机构结算为准。")}</p>
            <p><a href="/about/">"关于本站与隐私说明"</a></p>
            <p class="print-note">{format!("打印日期：{}　网址：{}", crate::dom::today(), crate::dom::absolute_url(""))}</p>
        </footer>
    }
}

/// The date the build put in `<meta name="policy-date">` (the newest document), as `2018年6月29日`.
fn policy_date() -> Option<String> {
    let iso = web_sys::window()?
        .document()?
        .query_selector("meta[name=policy-date]")
        .ok()??
        .get_attribute("content")?;
    let mut parts = iso.split('-').map(|p| p.parse::<u32>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    Some(format!("{y}年{m}月{d}日"))
}
