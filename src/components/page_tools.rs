//! The tools bar on every page: text size, read aloud, QR code for this page, poster, print.

use leptos::prelude::*;
use policy_content::site::tools;

use crate::components::{Poster, QrDialog, ReadAloud, TextSizeControl};

/// The row of page tools shown under the header.
#[component]
pub fn PageTools() -> impl IntoView {
    let (qr_open, set_qr_open) = signal(false);
    let (poster_open, set_poster_open) = signal(false);
    view! {
        <div class="page-tools no-print" role="toolbar" aria-label="页面工具">
            <TextSizeControl />
            <ReadAloud />
            <button
                type="button"
                class="tool"
                aria-expanded=move || qr_open.get().to_string()
                on:click=move |_| set_qr_open.update(|o| *o = !*o)
            >
                {tools::QR}
            </button>
            <button
                type="button"
                class="tool"
                aria-expanded=move || poster_open.get().to_string()
                on:click=move |_| set_poster_open.update(|o| *o = !*o)
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
        <Show when=move || qr_open.get()>
            <QrDialog on_close=move || set_qr_open.set(false) />
        </Show>
        <Show when=move || poster_open.get()>
            <Poster on_close=move || set_poster_open.set(false) />
        </Show>
    }
}
