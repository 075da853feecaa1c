//! What the calculator says above its form and result about the numbers used: every assumed number the
//! person changed (what it says about its link is [`crate::components::LinkNotices`]).

use leptos::prelude::*;
use policy_engine::profile;

use policy_engine::form::{CalcForm, KeptChanges};

/// Every assumed number the person (or the link) changed, each with a button back to the site's value,
/// and which other regions' changed numbers are kept for when they are chosen again.
#[component]
pub(super) fn ChangedNumbers(
    /// The calculator form.
    form: RwSignal<CalcForm>,
    /// The changed numbers of the regions not shown ([`CalcForm::set_profile`]).
    kept: RwSignal<KeptChanges>,
) -> impl IntoView {
    let changed = Memo::new(move |_| {
        form.with(|f| {
            let Some(p) = profile(&f.profile) else {
                return Vec::new();
            };
            f.overrides
                .iter()
                .filter_map(|(k, v)| {
                    let param = p.editable_param(k).ok()?;
                    // As the poster and the handout say it (０.６ typed is 60%).
                    let shown = p
                        .read_override(k, v)
                        .map_or_else(|_| v.clone(), |d| param.unit.shown(d));
                    Some((
                        k.clone(),
                        crate::calc_adapter::changed_number(param, &shown),
                    ))
                })
                .collect::<Vec<_>>()
        })
    });
    let elsewhere = move || {
        kept.with(|k| {
            k.iter()
                .filter(|(_, c)| !c.is_empty())
                .filter_map(|(id, c)| {
                    Some(format!("“{}”改过的 {} 个数字", profile(id)?.name, c.len()))
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        {move || {
            let elsewhere = elsewhere();
            (!elsewhere.is_empty())
                .then(|| {
                    view! {
                        <p class="hint no-print" data-testid="changed-elsewhere">
                            // Kept on this page only: not in the address (a reload or a link
                            // has the region shown, with its own numbers).
                            {format!(
                                "在{}还留着：不刷新页面，换回去时还在。",
                                elsewhere.join("、"),
                            )}
                        </p>
                    }
                })
        }}
        <Show when=move || changed.with(|c| !c.is_empty())>
            <div class="changed-numbers notice" data-testid="changed-numbers">
                <p>
                    // Whoever changed them: the person, or the link they opened.
                    <strong>{format!("这次计算{}", crate::calc_adapter::CHANGED)}</strong>
                    "（文件没有写明，本站原用假设值）："
                </p>
                <ul>
                    {move || {
                        changed
                            .get()
                            .into_iter()
                            .map(|(key, changed)| {
                                view! {
                                    <li>
                                        {changed}
                                        // The site's assumption (the documents give none), not
                                        // the policy's; not read aloud or printed.
                                        <button
                                            type="button"
                                            class="secondary small no-print"
                                            on:click=move |_| {
                                                form.update(|f| {
                                                    f.overrides.remove(&key);
                                                })
                                            }
                                        >
                                            "恢复本站假设值"
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
                <button
                    type="button"
                    class="secondary small no-print"
                    on:click=move |_| form.update(|f| f.overrides.clear())
                >
                    "全部恢复"
                </button>
            </div>
        </Show>
    }
}
