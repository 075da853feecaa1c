//! 打印这一节: on a document's page whose address names a section or clause (a clause link, a heading's
//! 分享), the tool bar's 打印 offers that section alone, under the document's head and the headings it is
//! in, besides the whole document (a trainer's handout of one clause had been all 47 sheets). Provided
//! by the reader's app alone ([`SectionPrint::provide`]): the other bundles have no documents, print at
//! once, and carry none of this code.

use leptos::prelude::*;
use policy_content::site::tools;

use crate::doc_section::{blocks, headings_over, section};

/// The root's class while a section prints (the print style then shows only what is marked [`KEEP`], and
/// the margins carry the section's address: `crate::print_margin`).
pub const PRINTING: &str = "printing-section";

/// The class of the blocks that print with the section.
const KEEP: &str = "print-keep";

/// A section of a document's text: its id and its name (`附件5 三（六）1`).
pub type Named = (String, String);

/// What the tool bar's 打印 asks of the page ([`crate::components::PageTools`]), where it is provided.
#[derive(Clone, Copy)]
pub struct SectionPrint {
    /// The section the address names in a document's text, if any: its id and its name.
    pub named: fn() -> Option<Named>,
    /// Draws the choice between that section alone and the whole; its buttons close it through the
    /// signal.
    pub choice: fn(RwSignal<Option<Named>>, Named) -> AnyView,
}

impl SectionPrint {
    /// Provides it to the page tools (the reader's app).
    pub fn provide() {
        provide_context(SectionPrint {
            named: || {
                let doc = web_sys::window()?.document()?;
                let id = policy_content::fragment::section_id(&doc.location()?.hash().ok()?)?;
                section(&doc, &id).map(|(el, label)| (el.id(), label))
            },
            choice: |open, (id, label)| {
                view! { <PrintChoice open=open id=id label=label /> }.into_any()
            },
        });
    }
}

/// Prints `el`'s section alone: its blocks and the headings over it marked, the rest of the text hidden
/// while printing; the marks of a section printed before taken off first.
fn print(el: &web_sys::Element) {
    crate::dom::print_marked(PRINTING, || {
        if let Some(old) = el
            .owner_document()
            .and_then(|d| d.query_selector_all(&format!(".{KEEP}")).ok())
        {
            for i in 0..old.length() {
                if let Some(e) = old
                    .item(i)
                    .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
                {
                    let _ = e.class_list().remove_1(KEEP);
                }
            }
        }
        for e in blocks(el).chain(headings_over(el)) {
            let _ = e.class_list().add_1(KEEP);
        }
    });
}

/// The choice under the tool bar: the section alone, or the whole document.
#[component]
fn PrintChoice(
    /// Open while it holds the section; set to `None` by either button.
    open: RwSignal<Option<Named>>,
    /// The section's id: what prints is what the button names, even if the address has changed since.
    id: String,
    /// The section's name (`附件5 三（六）1`).
    label: String,
) -> impl IntoView {
    view! {
        <div class="print-choice no-print" role="group" aria-label=tools::PRINT>
            <button
                type="button"
                on:click=move |_| {
                    open.set(None);
                    if let Some(el) = web_sys::window()
                        .and_then(|w| w.document())
                        .and_then(|d| d.get_element_by_id(&id))
                    {
                        print(&el);
                    }
                }
            >
                {format!("只打印这一节：{label}")}
            </button>
            <button
                type="button"
                class="secondary"
                on:click=move |_| {
                    open.set(None);
                    crate::dom::print();
                }
            >
                "打印全文"
            </button>
        </div>
    }
}
