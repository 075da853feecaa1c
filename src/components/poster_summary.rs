//! What a page's poster carries when the page itself says it (a calculation, a filled form, the quiz
//! for one region), in place of the page's lead: read by the poster (`poster::summary`) from the first
//! such element in the page.

use leptos::prelude::*;
use policy_content::site::SITE_NAME;

/// The poster's title, points and 出处 for what the page shows now (never shown on the page itself).
#[component]
pub fn PosterSummary(
    /// The poster's title.
    title: String,
    /// Its points, one per item.
    points: Vec<String>,
    /// Its last line: the documents it rests on (`依据：…`), or the site's name.
    source: String,
    /// What a QR code downloaded from the page is named after.
    qr_name: String,
) -> impl IntoView {
    view! {
        <div
            hidden
            class="poster-summary"
            data-qr-name=qr_name
            data-poster-title=title
            data-poster-points=points.join("\n")
            data-poster-source=source
        ></div>
    }
}

/// `依据：` and the 文号 each named once, in order, or the site's name when there are none.
pub fn based_on<'a>(numbers: impl IntoIterator<Item = &'a str>) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for n in numbers {
        if !seen.contains(&n) {
            seen.push(n);
        }
    }
    if seen.is_empty() {
        SITE_NAME.to_string()
    } else {
        format!("依据：{}", seen.join("、"))
    }
}
