//! One township found by the village lookup: its cadres per department once (the tables assign them by
//! township), then the list of its villages.

use leptos::prelude::*;
use policy_checker::TownHit;

use crate::components::DepartmentTable;

/// A township's departments and cadres, and its villages.
#[component]
pub fn TownSummary(
    /// The township found.
    town: TownHit,
) -> impl IntoView {
    let spellings = policy_checker::spellings(&town.township);
    let n = town.villages.len();
    view! {
        <li class="town-hit" data-testid="town-summary">
            <h2>
                {town.township.first().cloned().unwrap_or_default()}
                <span class="hint">{format!("（{n} 个村）")}</span>
            </h2>
            {spellings.map(|s| view! { <p class="hint">{s}</p> })}
            <DepartmentTable
                who_heading="包抓干部（全乡镇各村相同）"
                rows=town.assignments.into_iter().map(|a| (a.clone(), a.township)).collect()
            />
            <h3>"包抓的村"</h3>
            <ul class="town-villages">
                {town
                    .villages
                    .into_iter()
                    .map(|names| {
                        let (first, others) = policy_checker::also_written(&names);
                        view! {
                            <li>
                                {first}{others.map(|o| view! { <span class="hint">{o}</span> })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </li>
    }
}
