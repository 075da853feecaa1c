//! The poster view: for the page or section being shown, a print layout (A4 or A3 portrait) with a large
//! title, up to three key points, the QR code, the address in text, and the source 文号 and date.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::qr::{encode, to_svg};

/// What the poster says, read from the page as it is shown.
#[derive(Clone, Debug, Default, PartialEq)]
struct PosterText {
    title: String,
    points: Vec<String>,
    source: String,
}

fn text_of(el: &web_sys::Element) -> String {
    el.clone()
        .dyn_into::<web_sys::HtmlElement>()
        .map(|h| h.inner_text())
        .unwrap_or_default()
        .replace('#', "")
        .trim()
        .to_string()
}

/// The sentences of `text` (blocks are separated by line breaks), each at most 100 characters: a clause's
/// sentence such as the 3000元 one is kept whole.
fn sentences(text: &str) -> Vec<String> {
    text.split_inclusive(['。', '；', '\n'])
        .map(|s| s.trim())
        .filter(|s| s.chars().count() > 4)
        .map(|s| {
            if s.chars().count() > 100 {
                format!("{}…", s.chars().take(98).collect::<String>())
            } else {
                s.to_string()
            }
        })
        .collect()
}

/// A heading's level (`H3` → 3), or `None` for any other element.
fn heading_level(el: &web_sys::Element) -> Option<u8> {
    let t = el.tag_name();
    let d = t.strip_prefix('H')?;
    d.parse().ok()
}

/// The page's own summary for posters (the calculator's scenario), if it gives one.
fn summary(doc: &web_sys::Document) -> Option<PosterText> {
    let el = doc.query_selector("[data-poster-title]").ok()??;
    let title = el.get_attribute("data-poster-title")?;
    let points = el
        .get_attribute("data-poster-points")
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .take(3)
        .collect();
    let source = el
        .get_attribute("data-poster-source")
        .unwrap_or_else(|| "健康扶贫政策通".into());
    Some(PosterText {
        title,
        points,
        source,
    })
}

fn read_page(hash: &str) -> PosterText {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return PosterText::default();
    };
    if let Some(s) = summary(&doc) {
        return s;
    }
    let target =
        policy_content::fragment::section_id(hash).and_then(|id| doc.get_element_by_id(&id));
    let h1 = doc
        .query_selector("main h1")
        .ok()
        .flatten()
        .map(|e| text_of(&e))
        .unwrap_or_default();
    // A section's text: what follows its heading up to the next heading of the same or a higher level
    // (its clauses, which carry ids, included); a clause's text: itself and what follows it up to the next
    // heading or clause.
    let following = |el: &web_sys::Element, mut body: String| {
        let level = heading_level(el);
        let mut next = el.next_element_sibling();
        while let Some(n) = next {
            let stop = match (level, heading_level(&n)) {
                (Some(l), Some(m)) => m <= l,
                (Some(_), None) => false,
                (None, Some(_)) => true,
                (None, None) => n.has_attribute("id"),
            };
            if stop || body.chars().count() > 400 {
                break;
            }
            if heading_level(&n).is_none() {
                body.push('\n');
                body.push_str(&text_of(&n));
            }
            next = n.next_element_sibling();
        }
        body
    };
    let (title, mut body) = match &target {
        Some(el) if heading_level(el).is_some() => (text_of(el), following(el, String::new())),
        Some(el) => (h1.clone(), following(el, text_of(el))),
        None => {
            let lead = doc
                .query_selector("main .doc-summary, main .lead, main p")
                .ok()
                .flatten()
                .map(|e| text_of(&e))
                .unwrap_or_default();
            (h1.clone(), lead)
        }
    };
    if body.is_empty() {
        body = h1.clone();
    }
    let number = doc
        .query_selector("main .docnum")
        .ok()
        .flatten()
        .map(|e| text_of(&e));
    let date = doc
        .query_selector("main .doc-head .doc-meta:last-child")
        .ok()
        .flatten()
        .map(|e| text_of(&e));
    let source = match (number, date) {
        (Some(n), Some(d)) => format!("出处：{n}　{d}"),
        _ => "健康扶贫政策通".to_string(),
    };
    let title = if title.chars().count() > 40 {
        format!("{}…", title.chars().take(38).collect::<String>())
    } else {
        title
    };
    PosterText {
        title,
        points: sentences(&body).into_iter().take(3).collect(),
        source,
    }
}

/// The poster overlay with its print controls.
#[component]
pub fn Poster(
    /// Called when the person closes the poster.
    on_close: impl Fn() + Clone + 'static,
) -> impl IntoView {
    let url = crate::address::use_current_url();
    let text = Memo::new(move |_| {
        let hash = url.with(|u| u.find('#').map(|i| u[i..].to_string()).unwrap_or_default());
        crate::dom::with_all_laid_out(|| read_page(&hash))
    });
    let (a3, set_a3) = signal(false);
    let qr = move || encode(&url.get()).map(|m| to_svg(&m, 320, "扫码打开本页"));
    let print = move |_| crate::dom::print_marked("printing-poster");
    let close = on_close.clone();
    view! {
        <div class="poster-layer" role="dialog" aria-label="海报">
            <div class="poster-controls no-print">
                <span role="group" aria-label="纸张大小">
                    <label class="choice">
                        <input
                            type="radio"
                            name="paper"
                            prop:checked=move || !a3.get()
                            on:change=move |_| set_a3.set(false)
                        />
                        "A4 竖版"
                    </label>
                    <label class="choice">
                        <input
                            type="radio"
                            name="paper"
                            prop:checked=move || a3.get()
                            on:change=move |_| set_a3.set(true)
                        />
                        "A3 竖版"
                    </label>
                </span>
                <button type="button" on:click=print>
                    "打印海报"
                </button>
                <button type="button" class="secondary" on:click=move |_| close()>
                    "关闭"
                </button>
            </div>
            <article class="poster" class:a3=move || a3.get() data-testid="poster">
                <p class="poster-site">"健康扶贫政策通"</p>
                <h2 class="poster-title">{move || text.get().title}</h2>
                <ul class="poster-points">
                    {move || {
                        text.get().points.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()
                    }}
                </ul>
                <div class="poster-qr" inner_html=move || qr().unwrap_or_default()></div>
                <p class="poster-url">
                    "手机扫码，或打开："<br />
                    <strong>{move || url.with(|u| policy_content::fragment::readable(u))}</strong>
                </p>
                <p class="poster-source">{move || text.get().source}</p>
            </article>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::sentences;

    #[test]
    fn splits_and_shortens_sentences() {
        let s = sentences("建档立卡贫困人口住院不设起付线。报销比例提高10个百分点；短。");
        assert_eq!(
            s,
            vec![
                "建档立卡贫困人口住院不设起付线。",
                "报销比例提高10个百分点；"
            ]
        );
        let long = "长".repeat(120) + "。";
        assert_eq!(sentences(&long)[0].chars().count(), 99);
        assert_eq!(
            sentences("（责任单位：县民政局）\n落实补助资金，确保足额按时拨付到位。"),
            vec![
                "（责任单位：县民政局）",
                "落实补助资金，确保足额按时拨付到位。"
            ]
        );
    }
}
