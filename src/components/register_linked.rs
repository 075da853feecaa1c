//! A note of the checker's whose words naming the register of readings are a link to it.

use leptos::prelude::*;
use policy_content::site::{register_href, REGISTER};

/// `text`, its words naming the register ([`REGISTER`]) a link to its `entry` (the whole list when the note
/// names none): a note had sent a person to look for “关于本站” as words, with no way to it, then to the top
/// of a list 20,000 px long at 特大.
pub fn register_linked(text: String, entry: Option<&str>) -> AnyView {
    match text.split_once(REGISTER.1) {
        Some((before, after)) => {
            let (before, after) = (before.to_string(), after.to_string());
            let href = register_href(entry.unwrap_or(REGISTER.0));
            view! {
                {before}
                <a href=href>{REGISTER.1}</a>
                {after}
            }
            .into_any()
        }
        None => text.into_any(),
    }
}
