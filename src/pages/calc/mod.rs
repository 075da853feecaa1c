//! `/calc/`: the settlement calculator. The whole scenario lives in the URL fragment (shareable, nothing
//! stored or sent). On every change the engine settles the year once and the personal amount and steps
//! show at once; the comparison, the other readings and the curve follow when typing pauses
//! ([`PAUSE_MS`]), never in the keystroke's own task.

use leptos::prelude::*;
use policy_engine::{profile, profiles, Category};

use crate::calc_adapter::{FieldError, Outcome, FILL_IN, OPTIONS, READING_LINK};
use crate::components::{
    assumed_field_id, CalcLater, CalcResult, Later, LaterCode, LaterMemo, LinkNotices, PageHeading,
    ResultHead, VisitFields, ASSUMPTIONS_ID, UNDO_ID,
};
use crate::lazy::Load;
use policy_content::site::{register_href, PageKind, REGISTER};
use policy_engine::deletions::Deletions;
use policy_engine::form::{CalcForm, FromLink, KeptChanges, VisitForm, MAX_VISITS};

mod details;
mod notices;
mod start;

use crate::calc_early::read_fragment;
use details::later_details;
use notices::ChangedNumbers;
use start::{take_example, warm_up};

/// How long typing must pause before the comparison and the curve are brought up to date.
pub const PAUSE_MS: u64 = 350;

/// The calculator page.
#[component]
pub fn CalcPage(
    /// Loads the code of the part computed after the pause (the calc bundle's split point).
    later_code: Load<LaterCode>,
) -> impl IntoView {
    // Left for a step's clause and come Back (the page loaded again): where the person was, read before
    // the address is written back (which empties the entry's state).
    let left = crate::left_place::left();
    crate::left_place::keep_when_left(|_| Some(js_sys::Object::new()));
    let opened = read_fragment();
    let example = StoredValue::new_local(take_example());
    // What was entered into the build's form before the app started: the person is typing, so the app
    // starts as after a keystroke (the headline at once, the rest after the paint and the pause), not as
    // for a scenario opened from a link (all of it at once).
    let typed = opened.is_none().then(crate::calc_early::typed).flatten();
    let typing = typed.is_some();
    let opened = opened.or_else(|| {
        typed.map(|form| FromLink {
            form,
            notices: Vec::new(),
        })
    });
    let notices = RwSignal::new(
        opened
            .as_ref()
            .map(|l| l.notices.clone())
            .unwrap_or_default(),
    );
    let form = RwSignal::new(opened.map(|l| l.form).unwrap_or_default());
    // The changed numbers of the regions not shown, back when their region is chosen again.
    let kept = RwSignal::new(KeptChanges::new());
    // The visits deleted (撤销删除 puts the last back). Not a signal of its own: it changes only with the
    // form, which says so.
    let deleted = StoredValue::new(Deletions::default());
    // A link with something to say keeps its address until the person changes the form: shared on (the
    // QR code, the poster, the handout, a reload), it says the same again; written back sealed at once, a
    // cut link would travel on as a checked one.
    let keep_address = StoredValue::new(notices.with_untracked(|n| !n.is_empty()));
    Effect::new(move |_| {
        let fragment = form.with(CalcForm::to_fragment);
        if !keep_address.get_value() {
            crate::address::replace_fragment(&fragment);
        }
        keep_address.set_value(false);
    });
    // The benchmark reads `zct-settle`: the form read and the year settled.
    let outcome =
        Memo::new(move |_| form.with(|f| crate::dom::timed("zct-settle", || Outcome::of(f))));
    // Another scenario link opened in this tab (or a fragment typed in the address bar): what in it was
    // not taken is said even when the scenario it gives is the one shown; its address is kept as above.
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        if let Some(link) = read_fragment() {
            let said = !link.notices.is_empty();
            notices.set(link.notices);
            // What was deleted before belongs to the scenario left, even when the link gives the same.
            deleted.set_value(Deletions::default());
            keep_address.set_value(said);
            if form.with_untracked(|f| *f != link.form) {
                form.set(link.form);
            } else {
                form.notify();
            }
            if outcome.with_untracked(Outcome::refuses_assumption) {
                crate::dom::open_details(ASSUMPTIONS_ID);
            }
        }
    });
    on_cleanup(move || handle.remove());
    let (details, details_fresh) = later_details(outcome, typing);
    // Nothing to show yet: ready the result's code before the first keystroke (see `start::warm_up`), once
    // the page as the app draws it has been painted.
    if outcome.with_untracked(|o| matches!(o, Outcome::Empty)) {
        crate::dom::after_paint(move || {
            example.with_value(|e| {
                if let Some(e) = e {
                    warm_up(e);
                }
            })
        });
    }
    // The later part: at once for a scenario the page opened with from a link (nobody is typing), then
    // after each pause in typing. Its code is loaded once the page is idle, or on first use.
    let memo = StoredValue::new(LaterMemo::default());
    let later = RwSignal::new(None::<Later>);
    let bring_up = move || {
        let Some(b) = outcome.with_untracked(Outcome::settled) else {
            later.set(None);
            return;
        };
        let url = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default();
        leptos::task::spawn_local(async move {
            let (scenario, _, guessed) = *b;
            // Without its code (offline, never kept), the later part is left out.
            let Ok(code) = crate::lazy::load(later_code).await else {
                return;
            };
            let next = memo
                .try_update_value(|m| (code.later)(m, &scenario, &url))
                .map(|mut l| {
                    l.guessed.clone_from(&guessed);
                    l
                });
            // The person may have typed on while the code loaded: only the current scenario's part shows.
            let current = outcome
                .try_with_untracked(
                    |o| matches!(o, Outcome::Settled(c) if c.0 == scenario && c.2 == guessed),
                )
                .unwrap_or(false);
            if current {
                later.set(next);
            }
        });
    };
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |first: Option<()>| {
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
                later.with_untracked(|l| l.as_ref().is_some_and(|l| l.is_for(&b.0, &b.2)))
            }
            _ => false,
        });
        if fresh {
            return;
        }
        if first.is_none() && !typing {
            bring_up();
            return;
        }
        let handle = set_timeout_with_handle(bring_up, std::time::Duration::from_millis(PAUSE_MS));
        pending.set_value(handle.ok());
    });
    // The later part's code, loaded once the page is idle even if nobody types (kept for offline use with
    // the page, and ready after the first pause). It also makes the worked example, shown while the form is
    // empty, print as a handout whose QR code and address open the example, not the empty form (with
    // Save-Data on, no chunk: the example prints without them).
    let example_el = example.with_value(Clone::clone);
    crate::lazy::prefetch(later_code, move |code| {
        if let Some(el) = example_el {
            (code.example_handout)(el);
        }
    });
    let fresh = Signal::derive(move || {
        outcome.with(|o| match o {
            Outcome::Settled(b) => later.with(|l| l.as_ref().is_some_and(|l| l.is_for(&b.0, &b.2))),
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
    // A deleted visit can be put back where it was: 删除 puts the focus on 撤销删除, in a bar kept on the
    // screen (sticky), so the page does not jump to it, while there is a visit to put back; what was done
    // last is said there (an undo with more to undo: 已放回…).
    let done = move || form.with(|f| deleted.with_value(|d| d.done(f).map(ToString::to_string)));
    let next_back = move || form.with(|f| deleted.with_value(|d| d.next_back(f)));
    let undo = move |_| {
        let mut at = None;
        form.maybe_update(|f| {
            at = deleted.try_update_value(|d| d.undo(f)).flatten();
            at.is_some()
        });
        // The focus goes to the visit put back.
        if let Some(at) = at {
            crate::dom::focus_soon(format!("v{at}-kind"));
        }
    };
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
                        .map(|x| (x.key.clone(), x.label.clone(), x.unit.shown(x.value)))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    // A changed number refused in a link that carries it as its sender typed it (who saw it refused beside
    // its field) opens with 假设的数字 open, to show it where the result points (and from another link
    // opened in this tab: above).
    let assumption_wrong = outcome.with_untracked(Outcome::refuses_assumption);
    crate::left_place::return_to(left);
    view! {
        <div class="page calc">
            <PageHeading kind=PageKind::Calc />
            <LinkNotices notices=notices />
            <form class="calc-form" on:submit=|ev| ev.prevent_default()>
                <div class="field">
                    <label for="profile">"按哪里的政策"</label>
                    <select
                        id="profile"
                        on:change=move |ev| {
                            let id = event_target_value(&ev);
                            kept.update(|k| form.update(|f| f.set_profile(id, k)));
                        }
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
                // A slot per possible visit, shown while the form has that many: no keyed list (Leptos's
                // <For> links a keyed diff and a map type into the main module for two lists that change
                // only at their end, or all at once).
                {(0..MAX_VISITS)
                    .map(|i| {
                        view! {
                            <Show when=move || { i < visit_count.get() }>
                                <VisitFields form=form index=i errors=errors deleted=deleted />
                            </Show>
                        }
                    })
                    .collect_view()}
                <p class="undo no-print" role="status">
                    <span hidden=move || {
                        next_back().is_none()
                    }>
                        {done}
                        <button id=UNDO_ID type="button" class="secondary small" on:click=undo>
                            {move || next_back().map(|n| format!("撤销删除第 {n} 次就诊"))}
                        </button>
                    </span>
                </p>
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
                        <a href=register_href(REGISTER.0)>"关于本站"</a> "。"
                    </p>
                    {OPTIONS
                        .iter()
                        .map(|(key, label, help, anchor)| {
                            let key = *key;
                            let unread = move || {
                                form.with(|f| !crate::calc_adapter::reads(&f.profile, key))
                            };
                            // Offered where the profile's rules read it (a 眉山 reading on a 会宁 bill
                            // changed nothing, and was named beside the amount).
                            view! {
                                <label class="choice" hidden=unread>
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
                                        <a href=register_href(anchor)>{READING_LINK}</a>
                                    </span>
                                </label>
                            }
                        })
                        .collect_view()}
                </details>
                <details class="field" id=ASSUMPTIONS_ID open=assumption_wrong>
                    <summary>"假设的数字（可以修改）"</summary>
                    <p class="hint">
                        "文件没有写这些数字，本站先用假设值计算，结果里标有“假设”。请改成当地医保经办机构公布的数字。比例填小数或百分数，如 0.75、75% 或 75。政策文件规定的数字不能改。"
                    </p>
                    // Drawn again only when the profile (and so the list) changes.
                    {move || {
                        assumptions
                            .get()
                            .into_iter()
                            .map(|(key, label, default)| {
                                let id = assumed_field_id(&key);
                                let err_id = format!("{id}-err");
                                let (k2, k3, k4) = (key.clone(), key.clone(), key.clone());
                                let err = move || {
                                    errors
                                        .with(|es| {
                                            es.iter()
                                                .find(|e| e.visit.is_none() && e.field == k4)
                                                .map(FieldError::shown)
                                        })
                                };
                                let err2 = err.clone();
                                view! {
                                    <div class="param amount">
                                        <label for=id.clone()>{label}</label>
                                        <input
                                            id=id
                                            type="text"
                                            inputmode="decimal"
                                            autocomplete="off"
                                            placeholder=default.clone()
                                            maxlength=policy_content::fragment::MAX_FIELD
                                            aria-describedby=err_id.clone()
                                            // Refused, said to a screen reader as an amount's is.
                                            aria-invalid=move || err2().is_some().then_some("true")
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
                            })
                            .collect_view()
                    }}
                </details>
            </form>
            <ChangedNumbers form=form kept=kept />
            <section class="calc-result" aria-live="polite" aria-label="计算结果">
                {move || match outcome.get() {
                    Outcome::Empty => {
                        let example_shown = notices.with(Vec::is_empty);
                        let slot = NodeRef::<leptos::html::Div>::new();
                        slot.on_load(move |div| {
                            if let Some(el) = example
                                .with_value(Clone::clone)
                                .filter(|_| example_shown)
                            {
                                let _ = div.append_child(&el);
                            }
                        });
                        // Not for a link that could not be read whole (its notices above, `#k=rbb1`): the
                        // example's amount had stood where the link's was expected.
                        view! {
                            <p class="notice no-print">{FILL_IN}</p>
                            <div node_ref=slot></div>
                        }
                            .into_any()
                    }
                    o @ (Outcome::Unfilled(_) | Outcome::Errors(_) | Outcome::Failed(_)) => {
                        view! {
                            <p class="notice" role=o.alerts().then_some("alert")>
                                {o.notice()}
                            </p>
                        }
                            .into_any()
                    }
                    Outcome::Settled(b) => {
                        let (s, r, g) = *b;
                        view! { <ResultHead scenario=s result=r guessed=g /> }.into_any()
                    }
                }}
                <div class="calc-details" aria-busy=move || (!details_fresh.get()).to_string()>
                    {move || {
                        details
                            .get()
                            .map(|b| {
                                let (s, r, g) = *b;
                                view! { <CalcResult scenario=s result=r guessed=g later=later /> }
                            })
                    }}
                </div>
            </section>
            // Beside the result, not in it: on a wide screen it takes the page's whole width below the form
            // and the result (a five-category table squeezed into the result's column scrolled sideways).
            <CalcLater later=later_shown fresh=fresh />
        </div>
    }
}
