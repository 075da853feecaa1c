//! `/self-check/`: the two official scoring forms of 县委办发〔2018〕83号, scored exactly as printed, and
//! the policy-awareness quiz. The open tab, a form's answers and fields, and the quiz's region live in the
//! address (`#tab=baozhua&a=…`, `#tab=quiz&r=huining`), so a filled form or the quiz can be shared, put on a
//! QR code and reopened as it was; nothing is stored on the device.

use leptos::prelude::*;
use policy_checker::forms::forms;

use crate::components::{PageHeading, QuizView, ScoreForm};
use crate::self_check_state::{SelfCheckState, QUIZ_TAB};
use policy_content::site::{CheckerPage, PageKind};

fn read_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The address for `s`: only the open form's answers go in it.
fn fragment_of(s: &SelfCheckState) -> String {
    let form = forms()
        .iter()
        .find(|f| f.id == s.tab)
        .or_else(|| forms().first());
    let mut s = s.clone();
    if s.tab != QUIZ_TAB {
        s.tab = form.map(|f| f.id.clone()).unwrap_or_default();
    }
    s.to_fragment(|id| {
        form.is_some_and(|f| {
            f.items
                .iter()
                .any(|i| i.indicators.iter().any(|x| x.id == id))
        })
    })
}

/// The self-check page: pick a form, or the quiz.
#[component]
pub fn SelfCheckPage() -> impl IntoView {
    let state = RwSignal::new(SelfCheckState::from_fragment(&read_hash()));
    Effect::new(move |prev: Option<String>| {
        let f = state.with(fragment_of);
        let empty = state.with(|s| s == &SelfCheckState::default());
        // The first run keeps a bare address bare; every change after is written.
        if (prev.is_some() || !empty) && prev.as_deref() != Some(f.as_str()) {
            crate::address::replace_fragment(&f);
        }
        f
    });
    let tabs: Vec<(String, String)> = forms()
        .iter()
        .map(|f| (f.id.clone(), f.title.clone()))
        .chain(std::iter::once((
            QUIZ_TAB.to_string(),
            "政策知识问答".to_string(),
        )))
        .collect();
    let open = Memo::new(move |_| {
        state.with(|s| {
            if s.tab == QUIZ_TAB || forms().iter().any(|f| f.id == s.tab) {
                s.tab.clone()
            } else {
                forms().first().map(|f| f.id.clone()).unwrap_or_default()
            }
        })
    });
    view! {
        <div class="page">
            <PageHeading kind=PageKind::Checker(CheckerPage::SelfCheck) />
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
                                on:click=move |_| state.update(|s| s.tab = id2.clone())
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
