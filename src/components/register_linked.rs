//! A note of the checker's whose words naming the register of readings are a link to it.

use leptos::prelude::*;
use policy_content::site::REGISTER;

/// `text`, its words naming the register ([`REGISTER`]) a link to it: a note had sent a person to look
/// for “关于本站” as words, with no way to it.
pub fn register_linked(text: String) -> AnyView {
    match text.split_once(REGISTER.1) {
        Some((before, after)) => {
            let (before, after) = (before.to_string(), after.to_string());
            view! {
                {before}
                <a href=REGISTER.0>{REGISTER.1}</a>
                {after}
            }
            .into_any()
        }
        None => text.into_any(),
    }
}
