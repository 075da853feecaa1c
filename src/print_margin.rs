//! What every printed page of a document carries in its bottom margin: the document's 文号, the
//! address it was printed from and the date (left; the page's number of how many, right, is every page's:
//! the stylesheet's `@page`). A trainer's handout of a 9-page document is handed out page by page; the
//! footer's address was only on the last, and the footer's line after a table could fill a last sheet of
//! its own (附表 3-2 printed alone: five sheets, the fifth the date and address), so the footer's line is
//! not printed where the margins carry it. Set just before printing (`beforeprint`, also fired for a
//! PDF), from the page as it is then; on any other page the margins stay empty and the footer prints its
//! line.

use wasm_bindgen::JsCast;

thread_local! {
    /// The stylesheet holding the `@page` rule, adopted by the document once.
    static SHEET: std::cell::RefCell<Option<web_sys::CssStyleSheet>> = const { std::cell::RefCell::new(None) };
}

/// Where a document page says its 文号.
const NUMBER: &str = "main .doc-head .docnum";

/// `s` as a CSS string (`"…"`), its quotes, backslashes and line breaks escaped.
fn css_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push_str("\\A "),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The `@page` rule for a document with 文号 `number` printed from `address` (as printed: see
/// `crate::address::printed`) on `date` (`打印日期：…`), and the footer's line, which it carries, left out.
fn rule(number: &str, address: &str, date: &str) -> String {
    // Its size and colour are the stylesheet's (`@page`), as the page number's.
    format!(
        "@page {{ @bottom-left {{ content: {} }} }} @media print {{ .site-footer .print-note {{ display: none !important; }} }}",
        css_string(&format!("{number}　{address}　{date}"))
    )
}

/// Sets the margins for the page as it is now: a document's rule, or none.
fn set() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let number = doc
        .query_selector(NUMBER)
        .ok()
        .flatten()
        .and_then(|n| n.text_content())
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty());
    let css = match number {
        Some(n) => {
            // The address with its fragment only while a section prints alone (只打印这一节) or a poster
            // (the clause's, as under its QR code: its margin had said the document's, a second address);
            // the whole document (打印全文, 打印 on `#summary`, the browser's own print on a clause)
            // carries the document's (47 sheets had each said `…#s3-2`).
            let url = doc.url().unwrap_or_default();
            let alone = crate::dom::root()
                .is_some_and(|r| r.class_list().contains(crate::print_section::PRINTING))
                || doc
                    .query_selector(&format!(".{}", crate::components::POSTER_LAYER))
                    .ok()
                    .flatten()
                    .is_some();
            let url = match url.split_once('#') {
                Some((page, _)) if !alone => page.to_string(),
                _ => url,
            };
            rule(
                &n,
                &crate::address::printed(&url),
                &crate::dom::printed_on(),
            )
        }
        None => String::new(),
    };
    SHEET.with(|s| {
        let mut s = s.borrow_mut();
        if s.is_none() {
            let Ok(sheet) = web_sys::CssStyleSheet::new() else {
                return;
            };
            let adopted = js_sys::Reflect::get(&doc, &"adoptedStyleSheets".into())
                .ok()
                .and_then(|a| a.dyn_into::<js_sys::Array>().ok());
            let Some(adopted) = adopted else { return };
            adopted.push(&sheet);
            let _ = js_sys::Reflect::set(&doc, &"adoptedStyleSheets".into(), &adopted);
            *s = Some(sheet);
        }
        if let Some(sheet) = s.as_ref() {
            let _ = sheet.replace_sync(&css);
        }
    });
}

/// Sets the margins before every print, for the life of the page.
pub fn follow() {
    std::mem::forget(leptos::prelude::window_event_listener_untyped(
        "beforeprint",
        |_| set(),
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rule_quotes_what_it_prints() {
        assert_eq!(css_string(r#"a"b\c"#), r#""a\"b\\c""#);
        assert_eq!(css_string("一\n二"), "\"一\\A 二\"");
        let r = rule(
            "县委办发〔2018〕83号",
            "网址：https://x/docs/huining-83/",
            "打印日期：2026年12月6日",
        );
        assert_eq!(
            r,
            "@page { @bottom-left { content: \"县委办发〔2018〕83号　网址：https://x/docs/huining-83/　打印日期：2026年12月6日\" } } @media print { .site-footer .print-note { display: none !important; } }"
        );
    }
}
