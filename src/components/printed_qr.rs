//! The QR code a printed page carries of its own address (a filled self-check form: scanned, it opens the
//! form as filled), drawn with the page tools' chunk once the page is idle.

use leptos::prelude::*;

use super::{ToolsCode, ToolsLoader};

/// The QR code of the page's address as another phone is given it ([`crate::address::shared`]), kept to
/// the address as it changes; print only. Without the tools' chunk (Save-Data on, or offline and never
/// kept) there is none, and the printed address says it alone.
#[component]
pub fn PrintedQr(
    /// What the code opens, said under it and as its accessible name.
    label: &'static str,
) -> impl IntoView {
    let ToolsLoader(load) = expect_context();
    let draw = RwSignal::new(None::<fn(&str, &str) -> String>);
    crate::lazy::prefetch(load, move |code: ToolsCode| draw.set(Some(code.printed_qr)));
    let url = crate::address::use_current_url();
    let svg = Memo::new(move |_| {
        draw.get()
            .map(|f| f(&url.with(|u| crate::address::shared(u).url), label))
            .unwrap_or_default()
    });
    view! {
        <div class="printed-qr print-only" data-testid="printed-qr">
            <div inner_html=svg></div>
            <p>{label}</p>
        </div>
    }
}
