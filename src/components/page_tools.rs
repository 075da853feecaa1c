//! The tools bar on every page: text size, read aloud, QR code for this page, poster, print. The QR
//! panel and the poster (with the QR encoder) are a chunk of each bundle of their own ([`ToolsCode`]),
//! loaded when the page is idle or when one is opened.

use leptos::prelude::*;
use policy_content::site::tools;

use crate::components::{Poster, QrDialog, ReadAloud, TextSizeControl};
use crate::lazy::Load;

/// Draws a tool's panel, which sets the signal given to `false` to close itself.
pub type DrawPanel = fn(WriteSignal<bool>) -> AnyView;

/// The page tools' functions in their own chunk. The split point is in each bundle's binary (see
/// [`crate::lazy`]).
#[derive(Clone, Copy)]
pub struct ToolsCode {
    /// Draws the QR panel ([`QrDialog`]).
    pub qr: DrawPanel,
    /// Draws the poster ([`Poster`]).
    pub poster: DrawPanel,
}

impl Default for ToolsCode {
    fn default() -> Self {
        Self {
            qr: |open| view! { <QrDialog on_close=move || open.set(false) /> }.into_any(),
            poster: |open| view! { <Poster on_close=move || open.set(false) /> }.into_any(),
        }
    }
}

/// The loader of [`ToolsCode`], the bundle's split point (a context, provided by every app).
#[derive(Clone, Copy)]
pub struct ToolsLoader(pub Load<ToolsCode>);

/// The row of page tools shown under the header.
#[component]
pub fn PageTools() -> impl IntoView {
    let (qr_open, set_qr_open) = signal(false);
    let (poster_open, set_poster_open) = signal(false);
    let ToolsLoader(load) = expect_context();
    let code = RwSignal::new(None::<ToolsCode>);
    let keep = move |loaded| {
        if code.try_with_untracked(Option::is_none).unwrap_or(false) {
            code.set(Some(loaded));
        }
    };
    // Loaded once the page is idle, so the panels open at once and are kept for offline use; when one is
    // opened if it is not loaded yet (Save-Data, or that failed).
    crate::lazy::prefetch(load, keep);
    let fetch = move || {
        leptos::task::spawn_local(async move {
            if let Ok(loaded) = load().await {
                keep(loaded);
            }
        })
    };
    let panel =
        move |open: ReadSignal<bool>, set: WriteSignal<bool>, draw: fn(&ToolsCode) -> DrawPanel| {
            move || {
                open.get()
                    .then(|| code.with(|c| c.as_ref().map(|c| draw(c)(set))))
                    .flatten()
            }
        };
    view! {
        <div class="page-tools no-print" role="toolbar" aria-label="页面工具">
            <TextSizeControl />
            <ReadAloud />
            <button
                type="button"
                class="tool"
                aria-expanded=move || qr_open.get().to_string()
                on:click=move |_| {
                    set_qr_open.update(|o| *o = !*o);
                    if code.with_untracked(Option::is_none) {
                        fetch();
                    }
                }
            >
                {tools::QR}
            </button>
            <button
                type="button"
                class="tool"
                aria-expanded=move || poster_open.get().to_string()
                on:click=move |_| {
                    set_poster_open.update(|o| *o = !*o);
                    if code.with_untracked(Option::is_none) {
                        fetch();
                    }
                }
            >
                {tools::POSTER}
            </button>
            <button
                type="button"
                class="tool"
                on:click=move |_| {
                    if let Some(w) = web_sys::window() {
                        let _ = w.print();
                    }
                }
            >
                {tools::PRINT}
            </button>
        </div>
        {panel(qr_open, set_qr_open, |c| c.qr)}
        {panel(poster_open, set_poster_open, |c| c.poster)}
    }
}
