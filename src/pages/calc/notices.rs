//! What the calculator says above its form and result about the numbers used: every assumed number the
//! person changed (what it says about its link is [`crate::components::LinkNotices`]).

use leptos::prelude::*;
use policy_engine::profile;

use policy_engine::form::CalcForm;

/// Every assumed number the person (or the link) changed, each with a button back to the site's value.
#[component]
pub(super) fn ChangedNumbers(
    /// The calculator form.
    form: RwSignal<CalcForm>,
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
                    Some((k.clone(), crate::calc_adapter::changed_number(param, v)))
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
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
                                        <button
                                            type="button"
                                            class="secondary small"
                                            on:click=move |_| {
                                                form.update(|f| {
                                                    f.overrides.remove(&key);
                                                })
                                            }
                                        >
                                            "恢复政策默认"
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
                <button
                    type="button"
                    class="secondary small"
                    on:click=move |_| form.update(|f| f.overrides.clear())
                >
                    "全部恢复"
                </button>
            </div>
        </Show>
    }
}
