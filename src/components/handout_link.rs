//! What opens a printed calculation (the handout) again: the QR code and address, under its amount, and the date.

use leptos::prelude::*;

/// What opens a printed calculation again: its QR code (drawn by the calc bundle's chunk, so it may come a
/// little later or, without the chunk, not at all: then the address alone), its address as a person
/// types it, and the print date. Print only; its presence makes the page print as a handout (style.css).
#[component]
pub fn HandoutLink(
    /// The QR code of `url`, as SVG (empty: none yet).
    #[prop(into)]
    qr: Signal<String>,
    /// The address that opens the calculation (absolute).
    #[prop(into)]
    url: Signal<String>,
) -> impl IntoView {
    view! {
        <div class="calc-print print-only" data-testid="calc-print">
            <div class="calc-print-qr" inner_html=qr></div>
            <div>
                <p>"扫码或打开下面的网址，可以看到这个计算并修改："</p>
                <p class="calc-print-url">
                    {move || url.with(|u| policy_content::fragment::readable(u))}
                </p>
                <p>
                    {format!(
                        "{}　{}",
                        crate::dom::printed_on(),
                        crate::calc_adapter::FOR_REFERENCE,
                    )}
                </p>
            </div>
        </div>
    }
}
