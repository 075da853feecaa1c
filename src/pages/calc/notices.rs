//! What the calculator says above its form and result about the link and the numbers used: the parts of
//! an opened link not taken as they stood, and every assumed number the person changed.

use leptos::prelude::*;
use policy_engine::profile;

use policy_engine::form::{CalcForm, LinkNotice};

/// What in the opened link was not taken as it stood, in plain Chinese, above the form.
#[component]
pub(super) fn LinkNotices(
    /// The notices of the link the page was opened with (empty: nothing shown).
    notices: RwSignal<Vec<LinkNotice>>,
) -> impl IntoView {
    view! {
        <Show when=move || notices.with(|n| !n.is_empty())>
            <div class="notice link-notices" role="status" data-testid="link-notices">
                <p>"请核对这个链接："</p>
                <ul>
                    {move || {
                        notices
                            .get()
                            .into_iter()
                            .map(|n| view! { <li>{n.to_string()}</li> })
                            .collect_view()
                    }}
                </ul>
                <button
                    type="button"
                    class="secondary small"
                    on:click=move |_| notices.set(Vec::new())
                >
                    "知道了"
                </button>
            </div>
        </Show>
    }
}

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
                    <strong>"这次计算用了您改动的数字"</strong>
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
