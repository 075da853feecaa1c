//! `/self-check/`: the two official scoring forms of 县委办发〔2018〕83号, scored exactly as printed, and
//! the policy-awareness quiz. The open tab, the open form's answers and fields, and the quiz's region live
//! in the address (`#tab=baozhua&a=…`, `#tab=quiz&r=huining`), so a filled form or the quiz can be shared,
//! put on a QR code and reopened as it was; another form's answers are kept while the page is open (each
//! form scores only its own), and another tab is a new history entry, so Back returns to the form as it
//! was filled; nothing is stored on the device. A link with answers is sealed: opened
//! cut or edited (or made before links were sealed), the page says so above the form and keeps the
//! address as opened, so passed on it says the same again, until the person changes an answer. Another
//! link opened in the same tab is read as a fresh page would read it.

use leptos::prelude::*;
use policy_checker::forms::forms;

use crate::components::{LinkNotices, PageHeading, QuizView, ScoreForm};
use crate::self_check_state::{SelfCheckState, QUIZ_TAB};
use policy_content::site::{CheckerPage, PageKind};

fn read_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The forms' ids, in order.
fn form_ids() -> Vec<&'static str> {
    forms().iter().map(|f| f.id.as_str()).collect()
}

/// The self-check page: pick a form, or the quiz.
#[component]
pub fn SelfCheckPage() -> impl IntoView {
    // A link to this page as read: the state it gives, and what to say about the link.
    let read = || {
        let hash = read_hash();
        let said: Vec<String> = SelfCheckState::link_check(&hash)
            .and_then(|c| c.notice("答案计分", "各项答案"))
            .into_iter()
            .collect();
        (SelfCheckState::from_fragment(&hash, &form_ids()), said)
    };
    let (opened, said) = read();
    let state = RwSignal::new(opened);
    // A link with something to say stays as opened until the person changes the form.
    let keep_address = StoredValue::new(!said.is_empty());
    // Another tab chosen is a new history entry: Back returns to the form as it was filled (a change of
    // answer replaces the entry; a tab replacing it had left the filled form out of the history).
    let new_entry = StoredValue::new(false);
    let notices = RwSignal::new(said);
    let bare = SelfCheckState::from_fragment("", &form_ids());
    Effect::new(move |prev: Option<String>| {
        let f = state.with(SelfCheckState::to_fragment);
        let empty = state.with(|s| s == &bare);
        // The first run keeps a bare address bare; a link with a notice is kept as opened; every change
        // after is written.
        let kept = keep_address.get_value() || (prev.is_none() && empty);
        keep_address.set_value(false);
        let push = new_entry.get_value();
        new_entry.set_value(false);
        if push && prev.as_deref() != Some(f.as_str()) {
            crate::address::push_fragment(&f, &wasm_bindgen::JsValue::NULL);
        } else if !kept && prev.as_deref() != Some(f.as_str()) {
            crate::address::replace_fragment(&f);
        }
        f
    });
    // Another link opened in this tab (or a fragment typed in the address bar): read as a fresh page would.
    let handle = window_event_listener_untyped("hashchange", move |_| {
        let (next, said) = read();
        let say = !said.is_empty();
        notices.set(said);
        if state.with_untracked(|s| *s != next) {
            keep_address.set_value(say);
            state.set(next);
        }
    });
    on_cleanup(move || handle.remove());
    let tabs: Vec<(String, String)> = forms()
        .iter()
        .map(|f| (f.id.clone(), f.title.clone()))
        .chain(std::iter::once((
            QUIZ_TAB.to_string(),
            "政策知识问答".to_string(),
        )))
        .collect();
    let open = Memo::new(move |_| state.with(|s| s.tab.clone()));
    view! {
        <div class="page">
            <PageHeading kind=PageKind::Checker(CheckerPage::SelfCheck) />
            <LinkNotices notices=notices />
            <div class="tabs" role="tablist" aria-label="选择考核表">
                {tabs
                    .into_iter()
                    .map(|(id, title)| {
                        let id2 = id.clone();
                        view! {
                            <button
                                type="button"
                                role="tab"
                                class="tab"
                                aria-selected=move || (open.get() == id).to_string()
                                on:click=move |_| {
                                    if state.with_untracked(|s| s.tab != id2) {
                                        new_entry.set_value(true);
                                        state.update(|s| s.tab = id2.clone());
                                    }
                                }
                            >
                                {title}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            {move || {
                let tab = open.get();
                match forms().iter().find(|f| f.id == tab) {
                    Some(form) => view! { <ScoreForm form=form state=state /> }.into_any(),
                    None => view! { <QuizView state=state /> }.into_any(),
                }
            }}
        </div>
    }
}
