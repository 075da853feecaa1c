//! `/check/`: which benefits a person can get, one question per screen (GOV.UK style). The answers and the
//! current screen live in the URL fragment: the browser's back button walks back, nothing is stored. Its screens
//! are `components/check_*.rs`, their way through `check_flow.rs`.

use leptos::prelude::*;

use crate::check_flow::{prev, resolve, Answers};
use crate::components::{CheckResult, PageHeading, Question, Review, StepLink};
use policy_content::site::{CheckerPage, PageKind};

/// The eligibility checker.
#[component]
pub fn CheckPage() -> impl IntoView {
    // The screen changes by our own `go` (the signal is set there), by the back and forward buttons
    // (popstate), or by a fragment typed or opened in this tab (hashchange).
    // Left for a clause and come Back: the result as the person had it (their place, the open items),
    // which the history entry holds until `resolve` rewrites it.
    let left = crate::left_place::left();
    let state = RwSignal::new(resolve(None));
    provide_context(Answers(state));
    crate::check_flow::keep_place_when_left();
    crate::left_place::return_to(left);
    let reread = move || state.set(resolve(Some(&state.get_untracked())));
    let handles = [
        window_event_listener_untyped("popstate", move |_| {
            reread();
            crate::check_flow::show_screen();
        }),
        window_event_listener_untyped("hashchange", move |_| reread()),
    ];
    on_cleanup(move || handles.into_iter().for_each(|h| h.remove()));
    view! {
        <div class="page check">
            <PageHeading kind=PageKind::Checker(CheckerPage::Check) />
            <p class="hint privacy no-print">
                // Two lines at 特大 on a phone (four had pushed the first question below the screen on
                // load): not in the address, so not in the history list either.
                "您的回答只留在这个标签页里：不进网址，也不发送出去。"
            </p>
            {move || {
                let s = state.get();
                let back = prev(&s)
                    .map(|p| {
                        view! {
                            <p class="no-print">
                                <StepLink to=p class="back-link" back=true>
                                    "‹ 返回上一步"
                                </StepLink>
                            </p>
                        }
                    });
                let body = match s.step.as_str() {
                    "result" => view! { <CheckResult state=s.clone() /> }.into_any(),
                    "review" => view! { <Review state=s.clone() /> }.into_any(),
                    _ => view! { <Question state=s.clone() /> }.into_any(),
                };
                view! {
                    {back}
                    {body}
                }
            }}
        </div>
    }
}
