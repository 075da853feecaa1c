//! The QR code panel: the current page's address as a QR code, the address in text, and downloads.

use leptos::prelude::*;

use crate::qr::{encode, to_svg};

/// Shows a QR code for the page as it is now (path, query and `#fragment`, so a calculator scenario or a
/// section is included; less what stays on this phone, said under it: [`crate::address::shared`]), with
/// the URL in text and SVG/PNG downloads.
#[component]
pub fn QrDialog(
    /// Called when the person closes the panel.
    on_close: impl Fn() + Clone + 'static,
) -> impl IntoView {
    super::page_tools::close_on_escape(on_close.clone(), policy_content::site::tools::QR);
    let current = crate::address::use_current_url();
    let shared = Memo::new(move |_| current.with(|u| crate::address::shared(u)));
    let url = Memo::new(move |_| shared.with(|s| s.url.clone()));
    let name = Memo::new(move |_| url.with(|u| file_stem(u)));
    let svg = Memo::new(move |_| encode(&url.get()).map(|m| to_svg(&m, 240, "本页二维码")));
    let svg_href = move || {
        svg.get().map(|s| {
            format!(
                "data:image/svg+xml;charset=utf-8,{}",
                String::from(js_sys::encode_uri_component(&s))
            )
        })
    };
    view! {
        <section class="qr-panel" aria-label="本页二维码">
            <h2>"扫码打开本页"</h2>
            {move || match svg.get() {
                Some(s) => view! { <div class="qr-code" inner_html=s></div> }.into_any(),
                None => {
                    view! { <p class="notice">"网址太长，无法生成二维码。"</p> }
                        .into_any()
                }
            }}
            {move || {
                shared.with(|s| s.stays).map(|stays| view! { <p class="qr-stays">{stays}</p> })
            }}
            <p class="qr-url">
                <span>"网址："</span>
                <code>{move || url.with(|u| policy_content::fragment::readable(u))}</code>
            </p>
            <p class="qr-actions">
                <a
                    class="button secondary"
                    data-testid="qr-svg"
                    download=move || crate::clause::file_name(
                        &name.get().iter().map(String::as_str).collect::<Vec<_>>(),
                        "svg",
                    )
                    href=svg_href
                >
                    "下载 SVG"
                </a>
                <button
                    type="button"
                    class="secondary"
                    on:click=move |_| {
                        let parts = name.get_untracked();
                        let file = crate::clause::file_name(
                            &parts.iter().map(String::as_str).collect::<Vec<_>>(),
                            "png",
                        );
                        download_png(&url.get_untracked(), &file)
                    }
                >
                    "下载 PNG"
                </button>
                <button type="button" class="secondary" on:click=move |_| on_close()>
                    "关闭"
                </button>
            </p>
        </section>
    }
}

/// What the download is named after: the page's own name for it (`data-qr-name`, e.g. the calculator's
/// `计算器-建档立卡贫困人口`), else a document's 文号 and the section's clause number, else the page title.
fn file_stem(url: &str) -> Vec<String> {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return Vec::new();
    };
    let text = |sel: &str| {
        doc.query_selector(sel)
            .ok()
            .flatten()
            .and_then(|e| e.text_content())
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
    };
    if let Some(n) = doc
        .query_selector("[data-qr-name]")
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute("data-qr-name"))
    {
        return n.split('-').map(str::to_string).collect();
    }
    let hash = url.find('#').map_or("", |i| &url[i..]);
    let section = policy_content::fragment::section_id(hash);
    match text("main .docnum") {
        Some(number) => {
            // The section as 打印这一节 names it (a clause's number, a table's, a heading's words): a table
            // row's code had been named as the whole document's.
            let mut parts = vec![number];
            parts.extend(
                section
                    .and_then(|id| crate::doc_section::section(&doc, &id))
                    .map(|(_, label)| label),
            );
            parts
        }
        None => text("main h1").into_iter().collect(),
    }
}

/// Draws the QR code on a canvas (8 px a module) and downloads it as PNG named `file`.
fn download_png(url: &str, file: &str) {
    use wasm_bindgen::JsCast;
    let Some(m) = encode(url) else { return };
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let scale = 8u32;
    let side = (m.width as u32 + 8) * scale;
    let Ok(canvas) = doc.create_element("canvas") else {
        return;
    };
    let Ok(canvas) = canvas.dyn_into::<web_sys::HtmlCanvasElement>() else {
        return;
    };
    canvas.set_width(side);
    canvas.set_height(side);
    let Some(ctx) = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
    else {
        return;
    };
    ctx.set_fill_style_str("#fff");
    ctx.fill_rect(0.0, 0.0, side as f64, side as f64);
    ctx.set_fill_style_str("#000");
    for y in 0..m.width {
        for x in 0..m.width {
            if m.dark[y * m.width + x] {
                let (px, py) = (
                    ((x + 4) as u32 * scale) as f64,
                    ((y + 4) as u32 * scale) as f64,
                );
                ctx.fill_rect(px, py, scale as f64, scale as f64);
            }
        }
    }
    let Ok(data) = canvas.to_data_url() else {
        return;
    };
    let Ok(a) = doc.create_element("a") else {
        return;
    };
    let _ = a.set_attribute("href", &data);
    let _ = a.set_attribute("download", file);
    if let Ok(a) = a.dyn_into::<web_sys::HtmlElement>() {
        a.click();
    }
}
