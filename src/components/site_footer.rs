//! The site footer: privacy promise and where the texts come from (the same lines as the build's
//! footer: `policy_content::site::FOOTER_*`).

use leptos::prelude::*;
use policy_content::date::chinese_date;
use policy_content::site::{footer_line, FOOTER_ABOUT, FOOTER_PRIVACY};

/// The footer shown on every page.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let line = footer_line(policy_date().as_deref());
    let (about_href, about) = FOOTER_ABOUT;
    // The page's own address as it is when printed (the fragment and in-app navigation change it).
    let url = crate::address::use_current_url();
    view! {
        <footer class="site-footer">
            <p>{FOOTER_PRIVACY}</p>
            <p>{line}</p>
            <p>
                <a href=about_href>{about}</a>
            </p>
            <p class="print-note">
                // With what the address leaves on this phone, if anything (the check's answers).
                {move || url.with(|u| crate::address::printed_note(u))}
            </p>
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
    Some(chinese_date(&iso))
}
