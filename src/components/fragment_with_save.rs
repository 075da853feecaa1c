//! A build-rendered page body with the 保存全部内容 control near its top (`/about/`, `/docs/`): the control
//! goes into the body's slot (`policy_content::site::SAVE_OFFLINE_SLOT`, under the title and its lead), or
//! after the body when it has none.

use leptos::portal::Portal;
use leptos::prelude::*;
use policy_content::site::SAVE_OFFLINE_SLOT;

use crate::components::{SaveOffline, StaticFragment};

/// The body of the page with fragment key `key`, and the save control in its slot.
#[component]
pub fn FragmentWithSave(
    /// The fragment key (see `policy_content::site::fragment_key`).
    #[prop(into)]
    key: String,
) -> impl IntoView {
    // None until the body is in the page; then its slot, if it has one.
    let slot = RwSignal::new_local(None::<Option<web_sys::Element>>);
    let on_ready = Callback::new(move |()| {
        let el = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(SAVE_OFFLINE_SLOT));
        slot.set(Some(el));
    });
    view! {
        <StaticFragment key=key on_ready=on_ready />
        {move || match slot.get() {
            None => ().into_any(),
            Some(Some(el)) => {
                view! {
                    <Portal mount=el>
                        <SaveOffline />
                    </Portal>
                }
                    .into_any()
            }
            Some(None) => view! { <SaveOffline /> }.into_any(),
        }}
    }
}
