//! The 包抓 table of a township or a village: each department with its cadres and a link to the
//! original table (one table for the village lookup's township and village results).

use leptos::prelude::*;
use policy_checker::data::villages::Assignment;

/// One row per department: the department with a hint under it (where the row applies), its cadres, and
/// 看原表 to the clause; under the table, what a cadre's ＊ means when one is marked.
#[component]
pub fn DepartmentTable(
    /// The heading of the cadres' column.
    who_heading: &'static str,
    /// The rows: each department's assignment and the hint shown under the department.
    rows: Vec<(Assignment, String)>,
) -> impl IntoView {
    // A cadre the table leaves blank (a merged cell, filled from the row above) is marked; the mark said.
    let inferred = rows.iter().any(|(a, _)| a.carried.any());
    view! {
        <table class="pay-table">
            <thead>
                <tr>
                    <th scope="col">"部门"</th>
                    <th scope="col">{who_heading}</th>
                </tr>
            </thead>
            <tbody>
                {rows
                    .into_iter()
                    .map(|(a, hint)| {
                        view! {
                            <tr>
                                <th scope="row">
                                    {a.department.clone()} <div class="hint">{hint}</div>
                                </th>
                                <td>
                                    {a.who()}<div>
                                        <a class="cite" href=a.source.href()>
                                            "看原表"
                                        </a>
                                    </div>
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
        {inferred.then(|| view! { <p class="hint">{policy_content::model::INFERRED_NOTE}</p> })}
    }
}
