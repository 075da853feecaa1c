//! The text-size control. The chosen size is the one thing the site remembers on the device (it is not
//! personal): `localStorage["zct-text-size"]`.

use leptos::prelude::*;
use policy_content::site::tools;

use crate::reading_place;

/// The app-wide text size: 0 normal, 1 large, 2 extra large; and whether the reader, having changed it
/// away from the text they had stopped at, is offered a way back to it.
#[derive(Clone, Copy)]
pub struct TextSize {
    /// The size.
    pub size: RwSignal<u8>,
    /// Whether 回到刚才读的地方 is shown.
    pub away: RwSignal<bool>,
}

const KEY: &str = "zct-text-size";
const NAMES: [&str; 3] = ["normal", "large", "xlarge"];

impl TextSize {
    /// Reads the remembered size and keeps `<html data-size>` and the storage in step with it; a change
    /// keeps the reader's place on the screen ([`reading_place::keep_reading_place`]) and, made away from
    /// the text the reader had stopped at (on a phone, up at the tool bar), offers the way back to it
    /// until the reader moves the page themselves.
    pub fn provide() -> Self {
        let size = RwSignal::new(current_size());
        let away = RwSignal::new(false);
        reading_place::follow_reading();
        Effect::new(move |ran: Option<()>| {
            let now = size.get();
            match ran {
                None => {
                    apply(now);
                }
                Some(()) => {
                    reading_place::keep_reading_place(|| {
                        apply(now);
                    });
                    away.set(reading_place::reading_elsewhere());
                }
            }
        });
        let _ = window_event_listener(leptos::ev::touchmove, move |_| away.set(false));
        let _ = window_event_listener(leptos::ev::wheel, move |_| away.set(false));
        let ctx = Self { size, away };
        provide_context(ctx);
        ctx
    }
}

/// The size now (0 normal, 1 large, 2 extra large): the page's, once set, else the one remembered on the
/// device.
pub fn current_size() -> u8 {
    let shown = crate::dom::root().and_then(|el| el.get_attribute("data-size"));
    let stored = || storage().and_then(|s| s.get_item(KEY).ok().flatten());
    shown
        .or_else(stored)
        .and_then(|v| NAMES.iter().position(|n| *n == v))
        .unwrap_or(0) as u8
}

/// Puts the size `size` (0 normal, 1 large, 2 extra large) on the page (`<html data-size>`) and remembers
/// it on the device; its name, as the tool bar says it. The app's control and the calculator's bar before
/// its tools have come (`crate::calc_page`) both set the size through this.
pub fn apply(size: u8) -> &'static str {
    let size = size.min(2) as usize;
    let name = NAMES[size];
    if let Some(el) = crate::dom::root() {
        let _ = el.set_attribute("data-size", name);
    }
    if let Some(s) = storage() {
        let _ = if size == 0 {
            s.remove_item(KEY)
        } else {
            s.set_item(KEY, name)
        };
    }
    tools::SIZES[size]
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// 字号 buttons (字变小 / 字变大), with the current size announced; and, held at the foot of the screen
/// after a change made away from the reader's text, 回到刚才读的地方.
#[component]
pub fn TextSizeControl() -> impl IntoView {
    let TextSize { size, away } = expect_context::<TextSize>();
    let label = move || tools::SIZES[size.get().min(2) as usize];
    view! {
        <span class="text-size" role="group" aria-label="字号">
            <button
                type="button"
                class="tool"
                disabled=move || size.get() == 0
                on:click=move |_| size.update(|s| *s = s.saturating_sub(1))
            >
                {tools::SMALLER}
            </button>
            <span class="size-now" aria-live="polite">
                {label}
            </span>
            <button
                type="button"
                class="tool"
                disabled=move || { size.get() >= 2 }
                on:click=move |_| size.update(|s| *s = (*s + 1).min(2))
            >
                {tools::LARGER}
            </button>
            {move || {
                away.get()
                    .then(|| {
                        view! {
                            <button
                                type="button"
                                class="back-to-reading no-print"
                                on:click=move |_| {
                                    reading_place::back_to_reading();
                                    away.set(false);
                                }
                            >
                                {tools::BACK_TO_READING}
                            </button>
                        }
                    })
            }}
        </span>
    }
}
