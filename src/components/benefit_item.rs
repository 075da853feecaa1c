//! One benefit in the checker's result: its name as a one-line summary; opened, the plain sentence, where
//! to go and the clauses (`<details>`, so the list of everything a person gets stays short).

use leptos::prelude::*;
use policy_checker::BenefitResult;

/// A benefit that applies, collapsed to its name.
#[component]
pub fn BenefitItem(
    /// The benefit (it applies to the person).
    benefit: BenefitResult,
) -> impl IntoView {
    let b = benefit;
    view! {
        <li class="benefit">
            <details>
                <summary>
                    <strong>{b.name.clone()}</strong>
                </summary>
                <p>{super::register_linked(b.sentence.clone(), b.reading.as_deref())}</p>
                {(!b.where_to_go.is_empty())
                    .then(|| {
                        view! {
                            <p>
                                <strong>"到哪里办："</strong>
                                {b.where_to_go.clone()}
                            </p>
                        }
                    })}
                <ul class="cites">
                    {std::iter::once(&b.source)
                        .chain(&b.also)
                        .chain(&b.noted)
                        .map(|c| {
                            view! {
                                <li>
                                    "出处："<a href=c.href()>{c.label()}</a>
                                    {format!("：“{}”", c.quote)}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </details>
        </li>
    }
}
