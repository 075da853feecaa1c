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
                    {
                        let mut listed = Vec::new();
                        std::iter::once(&b.source)
                            .chain(&b.also)
                            .chain(&b.noted)
                            .filter(move |c| {
                                let first = !listed.contains(&(&c.doc, &c.section));
                                listed.push((&c.doc, &c.section));
                                first
                            })
                            .map(|c| {
                                // Each clause once (a note may quote a clause the rule lists too).
                                view! {
                                    <li>
                                        "出处："<a href=c.href()>{c.label()}</a>
                                        {format!("：“{}”", c.quote)}
                                    </li>
                                }
                            })
                            .collect_view()
                    }
                </ul>
            </details>
        </li>
    }
}
