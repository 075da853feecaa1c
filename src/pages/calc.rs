//! `/calc/`: the settlement calculator. The whole scenario lives in the URL fragment (shareable, nothing
//! stored or sent). On every change the engine settles the year once and the personal amount and steps
//! show at once; the comparison, the other readings and the curve follow when typing pauses
//! ([`PAUSE_MS`]), never in the keystroke's own task.

use leptos::prelude::*;
use policy_engine::{profile, profiles, settle, Category, Scenario, YearResult};

use crate::calc_adapter::{compliant_guessed, has_amounts, scenario, FieldError, OPTIONS};
use crate::calc_state::{CalcForm, FromLink, LinkNotice, VisitForm, MAX_VISITS};
use crate::components::{CalcLater, CalcResult, LaterMemo, PageHeading, VisitFields};
use policy_content::site::PageKind;

/// How long typing must pause before the comparison and the curve are brought up to date.
pub const PAUSE_MS: u64 = 350;

/// What the form currently gives.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// Amounts not filled in yet.
    Empty,
    /// Fields to fix.
    Errors(Vec<FieldError>),
    /// The settled year, and which visits' compliant cost was left blank.
    Settled(Box<(Scenario, YearResult, Vec<bool>)>),
    /// The engine refused (should not happen after the form's own checks).
    Failed(String),
}

/// The scenario in the address bar, read exactly as the browser gives it (never decoded as a whole).
fn read_fragment() -> Option<FromLink> {
    let hash = web_sys::window()?.location().hash().ok()?;
    CalcForm::from_fragment(&hash)
}

/// The build's worked example (`crates/sitegen/src/calc_page.rs`: the engine's answer for one scenario,
/// with its steps and clauses), taken out of the build-time page before the app mounts, to be shown
/// while the form is empty: the node itself is moved, so its text is not painted a second time.
fn take_example() -> Option<web_sys::Element> {
    let doc = web_sys::window()?.document()?;
    let el = doc
        .query_selector("#static-shell .calc-example")
        .ok()
        .flatten()?;
    el.remove();
    Some(el)
}

/// What a person typed into the build-time form before the app started (the form is there before the
/// wasm arrives), so nothing typed is lost when the app takes over; `None` if no amount was typed.
/// Also which field had the focus.
fn typed_before_start() -> Option<(CalcForm, Option<String>)> {
    use wasm_bindgen::JsCast;
    let doc = web_sys::window()?.document()?;
    let shell = doc.get_element_by_id("static-shell")?;
    let value = |id: &str| -> Option<String> {
        let el = shell.query_selector(&format!("#{id}")).ok().flatten()?;
        if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
            Some(i.value())
        } else {
            el.dyn_ref::<web_sys::HtmlSelectElement>()
                .map(|s| s.value())
        }
    };
    let total = value("v0-total").unwrap_or_default();
    if total.trim().is_empty() {
        return None;
    }
    let mut form = CalcForm::default();
    if let Some(p) = value("profile").filter(|p| profile(p).is_some()) {
        form.set_profile(p);
    }
    if let Some(c) = shell
        .query_selector("input[name=category]:checked")
        .ok()
        .flatten()
        .and_then(|el| el.get_attribute("value"))
        .filter(|c| Category::from_id(c).is_some())
    {
        form.category = c;
    }
    let v = &mut form.visits[0];
    v.kind = value("v0-kind").unwrap_or(v.kind.clone());
    v.set_level(value("v0-level").unwrap_or(v.level.clone()));
    v.total = total;
    v.compliant = value("v0-compliant").unwrap_or_default();
    let focused = doc
        .active_element()
        .filter(|el| shell.contains(Some(el)))
        .map(|el| el.id())
        .filter(|id| !id.is_empty());
    Some((form, focused))
}

/// A parameter's value as people read it: a ratio as `75%`, an amount as `500 元`, a flag as 是/否.
fn shown(p: &policy_engine::Param) -> String {
    use policy_engine::money::{pct, plain};
    match p.unit {
        policy_engine::Unit::Ratio => format!("{}%", pct(p.value)),
        policy_engine::Unit::Yuan => format!("{} 元", plain(p.value)),
        policy_engine::Unit::Flag => if p.value.is_zero() { "否" } else { "是" }.to_string(),
    }
}

/// The calculator page.
#[component]
pub fn CalcPage() -> impl IntoView {
    let opened = read_fragment();
    let example = StoredValue::new_local(take_example());
    let early = if opened.is_none() {
        typed_before_start()
    } else {
        None
    };
    let opened = opened.or_else(|| {
        early.as_ref().map(|(form, _)| FromLink {
            form: form.clone(),
            notices: Vec::new(),
        })
    });
    // The field the person was typing in keeps the focus (the caret at the end).
    if let Some(id) = early.and_then(|(_, f)| f) {
        request_animation_frame(move || {
            use wasm_bindgen::JsCast;
            let el = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(&id))
                .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok());
            if let Some(input) = el {
                let _ = input.focus();
                let end = input.value().encode_utf16().count() as u32;
                let _ = input.set_selection_range(end, end);
            }
        });
    }
    let notices = RwSignal::new(
        opened
            .as_ref()
            .map(|l| l.notices.clone())
            .unwrap_or_default(),
    );
    let form = RwSignal::new(opened.map(|l| l.form).unwrap_or_default());
    Effect::new(move |_| {
        let fragment = form.with(CalcForm::to_fragment);
        crate::address::replace_fragment(&fragment);
    });
    // Another scenario link opened in this tab (or a fragment typed in the address bar).
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        if let Some(link) = read_fragment() {
            if form.with_untracked(|f| *f != link.form) {
                notices.set(link.notices);
                form.set(link.form);
            }
        }
    });
    on_cleanup(move || handle.remove());
    let outcome = Memo::new(move |_| {
        form.with(|f| {
            if !has_amounts(f) {
                return Outcome::Empty;
            }
            match scenario(f) {
                Err(errors) => Outcome::Errors(errors),
                Ok(s) => match crate::dom::timed("zct-settle", || settle(&s)) {
                    Ok(r) => Outcome::Settled(Box::new((s, r, compliant_guessed(f)))),
                    Err(e) => Outcome::Failed(e.to_string()),
                },
            }
        })
    });
    // The later part: at once for the scenario the page opened with (nobody is typing), then after each
    // pause in typing.
    let memo = StoredValue::new(LaterMemo::default());
    let compute_later = move |o: &Outcome| match o {
        Outcome::Settled(b) => {
            let url = web_sys::window()
                .and_then(|w| w.location().href().ok())
                .unwrap_or_default();
            Some(memo.try_update_value(|m| m.later(&b.0, b.1.year.personal, &url))?)
        }
        _ => None,
    };
    let later = RwSignal::new(outcome.with_untracked(compute_later));
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        let settled = outcome.with(|o| matches!(o, Outcome::Settled(_)));
        if let Some(h) = pending.try_update_value(Option::take).flatten() {
            h.clear();
        }
        if !settled {
            if later.with_untracked(Option::is_some) {
                later.set(None);
            }
            return;
        }
        let fresh = outcome.with_untracked(|o| match o {
            Outcome::Settled(b) => {
                later.with_untracked(|l| l.as_ref().is_some_and(|l| l.scenario == b.0))
            }
            _ => false,
        });
        if fresh {
            return;
        }
        let handle = set_timeout_with_handle(
            move || {
                let next = outcome.with_untracked(compute_later);
                later.set(next);
            },
            std::time::Duration::from_millis(PAUSE_MS),
        );
        pending.set_value(handle.ok());
    });
    let fresh = Signal::derive(move || {
        outcome.with(|o| match o {
            Outcome::Settled(b) => later.with(|l| l.as_ref().is_some_and(|l| l.scenario == b.0)),
            _ => false,
        })
    });
    let later_shown = Signal::derive(move || {
        if outcome.with(|o| matches!(o, Outcome::Settled(_))) {
            later.get()
        } else {
            None
        }
    });
    let errors = Signal::derive(move || match outcome.get() {
        Outcome::Errors(e) => e,
        _ => Vec::new(),
    });
    let visit_count = Memo::new(move |_| form.with(|f| f.visits.len()));
    let add_visit = move |_| {
        form.update(|f| {
            if f.visits.len() < MAX_VISITS {
                f.visits.push(VisitForm::default());
            }
        })
    };
    let assumptions = Memo::new(move |_| {
        form.with(|f| {
            profile(&f.profile)
                .map(|p| {
                    p.params
                        .iter()
                        .filter(|x| x.assumption.is_some())
                        .map(|x| (x.key.clone(), x.label.clone(), shown(x)))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    view! {
        <div class="page calc">
            <PageHeading kind=PageKind::Calc />
            <LinkNotices notices=notices />
            <form class="calc-form" on:submit=|ev| ev.prevent_default()>
                <div class="field">
                    <label for="profile">"按哪里的政策"</label>
                    <select
                        id="profile"
                        on:change=move |ev| form.update(|f| f.set_profile(event_target_value(&ev)))
                        prop:value=move || form.with(|f| f.profile.clone())
                    >
                        {profiles()
                            .iter()
                            .map(|p| view! { <option value=p.id.clone()>{p.name.clone()}</option> })
                            .collect_view()}
                    </select>
                </div>
                <fieldset class="field">
                    <legend>"看病的人是"</legend>
                    {Category::ALL
                        .into_iter()
                        .map(|c| {
                            view! {
                                <label class="choice">
                                    <input
                                        type="radio"
                                        name="category"
                                        value=c.id()
                                        prop:checked=move || form.with(|f| f.category == c.id())
                                        on:change=move |_| {
                                            form.update(|f| f.category = c.id().to_string())
                                        }
                                    />
                                    {c.label()}
                                    {c
                                        .hint()
                                        .map(|h| {
                                            view! { <span class="hint">{format!("（{h}）")}</span> }
                                        })}
                                </label>
                            }
                        })
                        .collect_view()}
                </fieldset>
                <For each=move || 0..visit_count.get() key=|i| *i let:i>
                    <VisitFields form=form index=i errors=errors />
                </For>
                <p>
                    <button
                        type="button"
                        class="secondary"
                        prop:disabled=move || { visit_count.get() >= MAX_VISITS }
                        on:click=add_visit
                    >
                        "＋ 再添一次就诊"
                    </button>
                    <Show when=move || { visit_count.get() >= MAX_VISITS }>
                        <span class="hint">{format!("最多算 {MAX_VISITS} 次就诊")}</span>
                    </Show>
                </p>
                <details class="field">
                    <summary>"解读选项（培训时对比用）"</summary>
                    <p class="hint">
                        "文件有几处说法不一，本站默认的理解见"
                        <a href="/about/#readings">"关于本站"</a>"。"
                    </p>
                    {OPTIONS
                        .iter()
                        .map(|(key, label, help, anchor)| {
                            let key = *key;
                            view! {
                                <label class="choice">
                                    <input
                                        type="checkbox"
                                        prop:checked=move || {
                                            form.with(|f| f.options.iter().any(|o| o == key))
                                        }
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            form.update(|f| {
                                                f.options.retain(|o| o != key);
                                                if on {
                                                    f.options.push(key.to_string());
                                                }
                                            });
                                        }
                                    />
                                    {*label}
                                    <span class="hint">
                                        {format!("（{help}）")}
                                        <a href=format!("/about/#{anchor}")>"原文"</a>
                                    </span>
                                </label>
                            }
                        })
                        .collect_view()}
                </details>
                <details class="field">
                    <summary>"假设的数字（可以修改）"</summary>
                    <p class="hint">
                        "文件没有写这些数字，本站先用假设值计算，结果里标有“假设”。请改成当地医保经办机构公布的数字。比例填小数或百分数，如 0.75 或 75%。政策文件规定的数字不能改。"
                    </p>
                    <For each=move || assumptions.get() key=|(k, _, _)| k.clone() let:item>
                        {
                            let (key, label, default) = item;
                            let id = format!("param-{key}");
                            let err_id = format!("{id}-err");
                            let (k2, k3, k4) = (key.clone(), key.clone(), key.clone());
                            let err = move || {
                                errors
                                    .with(|es| {
                                        es.iter()
                                            .find(|e| e.visit.is_none() && e.field == k4)
                                            .map(|e| format!("⚠ {}", e.message))
                                    })
                            };
                            view! {
                                <div class="param amount">
                                    <label for=id.clone()>{label}</label>
                                    <input
                                        id=id
                                        type="text"
                                        inputmode="decimal"
                                        autocomplete="off"
                                        placeholder=default.clone()
                                        maxlength=crate::fragment::MAX_FIELD
                                        aria-describedby=err_id.clone()
                                        prop:value=move || {
                                            form.with(|f| {
                                                f.overrides.get(&k2).cloned().unwrap_or_default()
                                            })
                                        }
                                        on:input=move |ev| {
                                            let v = event_target_value(&ev);
                                            form.update(|f| {
                                                if v.trim().is_empty() {
                                                    f.overrides.remove(&k3);
                                                } else {
                                                    f.overrides.insert(k3.clone(), v);
                                                }
                                            });
                                        }
                                    />
                                    <span class="hint">{format!("假设值 {default}")}</span>
                                    <span class="error" id=err_id>
                                        {err}
                                    </span>
                                </div>
                            }
                        }
                    </For>
                </details>
            </form>
            <ChangedNumbers form=form />
            <section class="calc-result" aria-live="polite" aria-label="计算结果">
                {move || match outcome.get() {
                    Outcome::Empty => {
                        let slot = NodeRef::<leptos::html::Div>::new();
                        slot.on_load(move |div| {
                            if let Some(el) = example.with_value(Clone::clone) {
                                let _ = div.append_child(&el);
                            }
                        });
                        view! {
                            <p class="notice">
                                "请填写“医疗总费用”，结果会马上显示在这里。"
                            </p>
                            <div node_ref=slot></div>
                        }
                            .into_any()
                    }
                    Outcome::Errors(_) => {
                        view! {
                            <p class="notice" role="alert">
                                "有几处金额需要改正，请看上面标红的地方。"
                            </p>
                        }
                            .into_any()
                    }
                    Outcome::Failed(msg) => {
                        view! {
                            <p class="notice" role="alert">
                                {msg}
                            </p>
                        }
                            .into_any()
                    }
                    Outcome::Settled(b) => {
                        let (s, r, g) = *b;
                        view! { <CalcResult scenario=s result=r guessed=g later=later /> }
                            .into_any()
                    }
                }}
                <CalcLater later=later_shown fresh=fresh />
            </section>
        </div>
    }
}

/// What in the opened link was not taken as it stood, in plain Chinese, above the form.
#[component]
fn LinkNotices(
    /// The notices of the link the page was opened with (empty: nothing shown).
    notices: RwSignal<Vec<LinkNotice>>,
) -> impl IntoView {
    view! {
        <Show when=move || notices.with(|n| !n.is_empty())>
            <div class="notice link-notices" role="status" data-testid="link-notices">
                <p>"这个链接里有几处没有照用："</p>
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
fn ChangedNumbers(
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
                    Some((k.clone(), param.label.clone(), v.clone(), shown(param)))
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
                            .map(|(key, label, value, default)| {
                                view! {
                                    <li>
                                        {format!("{label}：{value}（假设值 {default}）")}
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
