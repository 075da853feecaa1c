//! A search form: a labelled search field (the label for screen readers) and its button; submitting hands
//! the typed words to the page (the policy search and the village lookup) and lets go of the field, so that
//! a phone's keyboard closes over the answer.

use leptos::prelude::*;

/// The search field and its button.
#[component]
pub fn SearchBox(
    /// The field's id (its label points at it).
    id: &'static str,
    /// The field's name in a submitted form, if any.
    #[prop(optional)]
    name: Option<&'static str>,
    /// What the field is for (read by screen readers).
    label: &'static str,
    /// An example shown in the empty field.
    placeholder: &'static str,
    /// The button's words.
    button: &'static str,
    /// The words being typed, kept by the page.
    draft: RwSignal<String>,
    /// What to do with the words when the form is submitted.
    on_submit: impl Fn(String) + 'static,
) -> impl IntoView {
    let field = NodeRef::<leptos::html::Input>::new();
    view! {
        <form
            class="search-form"
            role="search"
            on:submit=move |ev| {
                ev.prevent_default();
                if let Some(input) = field.get_untracked() {
                    let _ = input.blur();
                }
                on_submit(draft.get_untracked());
            }
        >
            <label for=id class="visually-hidden">
                {label}
            </label>
            <input
                node_ref=field
                id=id
                type="search"
                name=name
                placeholder=placeholder
                autocomplete="off"
                prop:value=move || draft.get()
                on:input=move |ev| draft.set(event_target_value(&ev))
            />
            <button type="submit">{button}</button>
        </form>
    }
}
