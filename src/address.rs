//! The page's address as it is now: the calculator and a section's copy link change the fragment in
//! place (`history.replaceState`, no new history entry), which the router does not see. Everything that
//! shows or encodes the address (the QR code, the poster, a copied link) reads it here, so it always
//! carries what the page shows, except the state that does not travel in an address ([`shared`]).

use leptos::prelude::*;
use wasm_bindgen::JsValue;

thread_local! {
    static CHANGED: ArcTrigger = ArcTrigger::new();
}

/// Replaces the current history entry's fragment with `fragment` (without `#`; empty removes it) and
/// tells every reader of [`use_current_url`].
pub fn replace_fragment(fragment: &str) {
    set(fragment, false, &JsValue::NULL);
}

/// The page's address named as every route is (`/docs/x/`, not `/docs/x/index.html`, which a host serves as
/// the same file): the history entry replaced, its query and fragment kept, before the app reads its route.
pub fn drop_index_html() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let Some(dir) = path.strip_suffix("index.html").filter(|d| d.ends_with('/')) else {
        return;
    };
    let mut url = dir.to_string();
    url.push_str(&location.search().unwrap_or_default());
    url.push_str(&location.hash().unwrap_or_default());
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// Replaces the current history entry with one at `fragment` carrying `state`.
pub fn replace_state(fragment: &str, state: &JsValue) {
    set(fragment, false, state);
}

/// Adds a history entry at `fragment` carrying `state` (the back button returns to the entry before), and
/// tells every reader of [`use_current_url`].
pub fn push_fragment(fragment: &str, state: &JsValue) {
    set(fragment, true, state);
}

fn set(fragment: &str, push: bool, state: &JsValue) {
    crate::dom::set_fragment(fragment, push, state);
    changed();
}

/// Tells every reader that the address changed (after the browser changed it: back, forward, a link).
pub fn changed() {
    CHANGED.with(ArcTrigger::notify);
}

/// The full address of the page as shown now (`location.href`), kept current: it follows the browser's
/// back and forward, the fragment changes made through this module and, in the bundles with a router,
/// its navigations (the app reports them with [`changed`]).
pub fn use_current_url() -> Memo<String> {
    let trigger = CHANGED.with(Clone::clone);
    Memo::new(move |_| {
        trigger.track();
        web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default()
    })
}

/// What the address of a page gives another phone or a printout, for the QR code, the poster and the
/// printed line: [`shared`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shared {
    /// The address to give.
    pub url: String,
    /// What the page shows that the address does not carry (it stays on this phone), said under the QR
    /// code, on the poster and after the printed address; `None` when the address carries it all.
    pub stays: Option<&'static str>,
}

/// The address `href` as printed: `网址：` and the address another phone is given ([`shared`]), readable,
/// with what it leaves on this phone, if anything.
pub fn printed(href: &str) -> String {
    let shared = shared(href);
    format!(
        "网址：{}{}",
        policy_content::fragment::readable(&shared.url),
        shared.stays.map(|s| format!("（{s}）")).unwrap_or_default(),
    )
}

/// What a printed page's foot says of when and where it was printed: `打印日期：2026年12月6日　网址：…`
/// (the site's footer, or a self-check form's own foot, which then carries it: see `score_form`).
pub fn printed_note(href: &str) -> String {
    format!("{}　{}", crate::dom::printed_on(), printed(href))
}

/// What the eligibility check's address leaves on this phone.
const CHECK_STAYS: &str = "您的回答不在这个链接里，只留在本机：打开的是第一个问题，要重新回答。";
/// What the quiz's address leaves on this phone.
const QUIZ_STAYS: &str = "答题情况不在这个链接里，也不保存：打开的是这套问答，从头做起。";

/// The address `href` (absolute) as given to another phone. The rule, said once: a page's state travels in
/// its address (a document's clause, the calculator's scenario, a self-check form's answers and fields),
/// except on two pages. The eligibility check keeps its answers in this tab only and its fragment names
/// the screen alone (`#s=result`), which another phone opens at the first question: it gives `/check/`
/// and says that the answers stay here. The quiz's address carries its tab and region but not the
/// answers: it gives the quiz and says so.
pub fn shared(href: &str) -> Shared {
    use policy_content::site::{CheckerPage, Page, PageKind};
    let (base, hash) = href.split_once('#').unwrap_or((href, ""));
    let path = base
        .split_once("://")
        .map_or(base, |(_, rest)| rest.find('/').map_or("/", |i| &rest[i..]));
    let kind = Page::resolve(path).map(|(page, _)| page.kind);
    let (url, stays) = match kind {
        Some(PageKind::Checker(CheckerPage::Check)) => {
            (base, (!hash.is_empty()).then_some(CHECK_STAYS))
        }
        Some(PageKind::Checker(CheckerPage::SelfCheck))
            if policy_content::fragment::pairs(hash)
                .any(|(k, v)| k == "tab" && v == crate::self_check_state::QUIZ_TAB) =>
        {
            (href, Some(QUIZ_STAYS))
        }
        _ => (href, None),
    };
    Shared {
        url: url.to_string(),
        stays,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_state_that_stays_on_the_phone_is_left_out_and_said() {
        let site = "https://example.org";
        for (href, url, stays) in [
            (
                "/docs/huining-83/#a5-s3-6-1",
                "/docs/huining-83/#a5-s3-6-1",
                None,
            ),
            (
                "/calc/#p=h&c=pr&v=i,c,1,12000",
                "/calc/#p=h&c=pr&v=i,c,1,12000",
                None,
            ),
            ("/check/#s=result", "/check/", Some(CHECK_STAYS)),
            ("/check/", "/check/", None),
            (
                "/self-check/#tab=baozhua&a=x_y",
                "/self-check/#tab=baozhua&a=x_y",
                None,
            ),
            (
                "/self-check/#tab=quiz&r=huining",
                "/self-check/#tab=quiz&r=huining",
                Some(QUIZ_STAYS),
            ),
            ("/", "/", None),
        ] {
            assert_eq!(
                shared(&format!("{site}{href}")),
                Shared {
                    url: format!("{site}{url}"),
                    stays
                },
                "{href}"
            );
        }
    }
}
