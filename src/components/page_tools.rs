//! The tools bar on every page: text size, read aloud, QR code for this page, poster, print. The QR
//! panel, the poster (with the QR encoder) and what 朗读 reads are in each bundle's lazily loaded chunk
//! ([`ToolsCode`]), fetched when one is first used (or already there: the calculator loads the chunk
//! after its paint), so a page's first visit does not download them.

use leptos::prelude::*;
use policy_content::site::tools;

use crate::components::{Poster, QrDialog, ReadAloud, TextSizeControl};
use crate::lazy::Load;

/// What a tool's place says when its code cannot come (offline, and never kept).
pub const TOOL_OFFLINE: &str = "没有连上网络，这个功能现在打不开。联网后再点一次。";

/// What a tool's place says while its code comes.
pub const TOOL_PREPARING: &str = "正在准备……";

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
    /// What 朗读 reads from where the reader is ([`crate::components::read_aloud::what_to_read`]).
    pub read: fn() -> Vec<super::read_aloud::Said>,
    /// A printed page's QR code of an address ([`crate::qr::printed`]; [`super::PrintedQr`]).
    pub printed_qr: fn(&str, &str) -> String,
}

impl Default for ToolsCode {
    fn default() -> Self {
        Self {
            qr: |open| view! { <QrDialog on_close=move || open.set(false) /> }.into_any(),
            poster: |open| view! { <Poster on_close=move || open.set(false) /> }.into_any(),
            read: crate::components::read_aloud::what_to_read,
            printed_qr: crate::qr::printed,
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
    // On a document whose address names a section (the reader's pages): 打印 asks whether to print it
    // alone (its id and name here).
    let section_print = use_context::<crate::print_section::SectionPrint>();
    let print_choice = RwSignal::new(None::<crate::print_section::Named>);
    let (poster_open, set_poster_open) = signal(false);
    let ToolsLoader(load) = expect_context();
    let code = RwSignal::new(None::<ToolsCode>);
    // Whether the last fetch of the chunk failed (offline, and never kept): said in the panel's place.
    let failed = RwSignal::new(false);
    let fetch = move || {
        failed.set(false);
        leptos::task::spawn_local(async move {
            match crate::lazy::load(load).await {
                Ok(loaded) => {
                    if code.try_with_untracked(Option::is_none).unwrap_or(false) {
                        code.set(Some(loaded));
                    }
                }
                Err(_) => failed.set(true),
            }
        })
    };
    // Opens or closes a panel; while its code is not there, a tap opens it and fetches the code (again,
    // after a failure).
    let open_or_close = move |set: WriteSignal<bool>| {
        if code.with_untracked(Option::is_none) {
            set.set(true);
            fetch();
        } else {
            set.update(|o| *o = !*o);
        }
    };
    let panel =
        move |open: ReadSignal<bool>, set: WriteSignal<bool>, draw: fn(&ToolsCode) -> DrawPanel| {
            move || {
                open.get().then(|| {
                    code.with(|c| match c {
                        Some(c) => draw(c)(set),
                        None if failed.get() => view! {
                            <p class="qr-panel" role="alert">
                                {TOOL_OFFLINE}
                            </p>
                        }
                        .into_any(),
                        None => view! {
                            <p class="qr-panel" role="status">
                                {TOOL_PREPARING}
                            </p>
                        }
                        .into_any(),
                    })
                })
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
                on:click=move |_| open_or_close(set_qr_open)
            >
                {tools::QR}
            </button>
            <button
                type="button"
                class="tool"
                aria-expanded=move || poster_open.get().to_string()
                on:click=move |_| open_or_close(set_poster_open)
            >
                {tools::POSTER}
            </button>
            <button
                type="button"
                class="tool"
                aria-expanded=move || print_choice.with(Option::is_some).to_string()
                on:click=move |_| {
                    match section_print.and_then(|s| (s.named)()) {
                        Some(named) if print_choice.with_untracked(Option::is_none) => {
                            print_choice.set(Some(named));
                        }
                        Some(_) => print_choice.set(None),
                        None => crate::dom::print(),
                    }
                }
            >
                {tools::PRINT}
            </button>
        </div>
        {move || {
            print_choice.get().zip(section_print).map(|(named, s)| (s.choice)(print_choice, named))
        }}
        {panel(qr_open, set_qr_open, |c| c.qr)}
        {panel(poster_open, set_poster_open, |c| c.poster)}
    }
}

/// Esc closes a tool's panel (the QR code, the poster), as any panel over the page, and gives the keyboard
/// back to the tool's button (labelled `tool`). For the panel's lifetime.
pub(crate) fn close_on_escape(on_close: impl Fn() + 'static, tool: &'static str) {
    let keys = window_event_listener(leptos::ev::keydown, move |e| {
        if e.key() != "Escape" {
            return;
        }
        on_close();
        if let Some(b) = crate::dom::tool_button(tool) {
            let _ = b.focus();
        }
    });
    on_cleanup(move || keys.remove());
}
