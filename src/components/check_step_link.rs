//! A link to another screen of the eligibility checker (a new history entry, announced).

use leptos::prelude::*;

use crate::check_flow::{back, go, Answers};
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
    /// 返回上一步: the browser's own Back when this screen was gone to from there (`check_flow::back`).
    #[prop(optional)]
    back: bool,
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
                if back {
                    self::back(answers, &to);
                } else {
                    go(answers, &to);
                }
            }
        >
            {children()}
        </a>
    }
}
