//! A link to another screen of the eligibility checker (a new history entry, announced).

use leptos::prelude::*;

use crate::check_flow::{go, Answers};
use crate::check_state::CheckState;

/// A link to another screen of the checker. It sets the fragment itself (a new history entry), since a
/// fragment-only link handled by the router would not announce the change.
#[component]
pub fn StepLink(
    /// The answers and screen to go to.
    to: CheckState,
    /// CSS class.
    #[prop(optional)]
    class: &'static str,
    children: Children,
) -> impl IntoView {
    let href = format!("#{}", to.step_fragment());
    let answers = use_context::<Answers>();
    view! {
        <a
            class=class
            href=href
            on:click=move |ev| {
                ev.prevent_default();
                ev.stop_propagation();
                go(answers, &to);
            }
        >
            {children()}
        </a>
    }
}
