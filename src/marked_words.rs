//! The words a clause link asks the reader to mark (`?hl=…#clause`: a step's or a benefit's quote, a
//! search's terms), marked in the clause the address opens, so a reader sent to a long clause for one
//! sentence finds it. What the words are and how they are found is `policy_content::mark`; this is the
//! page's side: the clause's text, the `<mark>`s, and the first mark for the page to open at.

use wasm_bindgen::JsCast;

use crate::doc_section::heading_level;

/// The class of the marks made here (a search result's own `<mark>`s are not these).
const CLASS: &str = "asked";

/// The class of the blocks of a clause with marks in it, laid out now (a block below the screen is
/// otherwise laid out only when scrolled to, and where the words are would be a guess).
const LAID_OUT: &str = "laid-out";

/// The clause `el` opens and the blocks after it that belong to it, as `policy_content::quote::section`
/// reads the Markdown: a heading's section runs to the next heading of the same or a higher level; any
/// other clause to the next block that has (or holds) an id.
fn clause_blocks(el: &web_sys::Element) -> Vec<web_sys::Element> {
    let level = heading_level(el);
    let mut blocks = vec![el.clone()];
    let mut next = el.next_element_sibling();
    while let Some(b) = next {
        let ends = match level {
            Some(l) => heading_level(&b).is_some_and(|m| m <= l) && b.has_attribute("id"),
            None => b.has_attribute("id") || b.query_selector("[id]").ok().flatten().is_some(),
        };
        if ends {
            break;
        }
        next = b.next_element_sibling();
        blocks.push(b);
    }
    blocks
}

/// Every text node under `node`, in document order.
fn texts_under(node: &web_sys::Node, out: &mut Vec<web_sys::Text>) {
    let children = node.child_nodes();
    for i in 0..children.length() {
        let Some(child) = children.item(i) else {
            continue;
        };
        match child.dyn_into::<web_sys::Text>() {
            Ok(text) => out.push(text),
            Err(other) => texts_under(&other, out),
        }
    }
}

/// Takes the marks made here off the page; their words stay where they were.
pub fn clear() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    crate::dom::unclass_all(LAID_OUT);
    let Ok(marks) = doc.query_selector_all(&format!("mark.{CLASS}")) else {
        return;
    };
    for i in 0..marks.length() {
        let Some(mark) = marks.item(i) else { continue };
        let Some(parent) = mark.parent_node() else {
            continue;
        };
        while let Some(child) = mark.first_child() {
            let _ = parent.insert_before(&child, Some(&mark));
        }
        let _ = parent.remove_child(&mark);
        parent.normalize();
    }
}

/// Takes the words to mark out of the address (the current history entry, whose state is kept): when the
/// clause it opens has none of them (a 目录 jump to another clause), or when it becomes the link a clause's
/// 分享 copied. Its QR code, poster and printed line then give the clause as it is shown.
pub fn forget_words() {
    let Some(w) = web_sys::window() else { return };
    let location = w.location();
    let (Ok(path), Ok(search), Ok(hash)) =
        (location.pathname(), location.search(), location.hash())
    else {
        return;
    };
    let kept = policy_content::mark::without_words(&search);
    if kept == search {
        return;
    }
    if let Ok(history) = w.history() {
        let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
        let _ = history.replace_state_with_url(&state, "", Some(&format!("{path}{kept}{hash}")));
        crate::address::changed();
    }
}

/// The words the address asks to mark, if it asks.
fn asked() -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    policy_content::mark::words_in(&search)
}

/// Marks, in the clause `el` opens (its sub-clauses included), the words the address asks for, after
/// taking off any marks made before; returns the mark to open at, if any words were found: the first
/// where they stand together (`policy_content::mark::opening`), else the first.
pub fn mark_in(el: &web_sys::Element) -> Option<web_sys::Element> {
    clear();
    let words = asked()?;
    let mut nodes = Vec::new();
    for block in clause_blocks(el) {
        let _ = block.class_list().add_1(LAID_OUT);
        texts_under(&block, &mut nodes);
    }
    let texts: Vec<String> = nodes.iter().map(|t| t.data()).collect();
    let mut all = String::new();
    for t in &texts {
        all.push_str(t);
    }
    let ranges = policy_content::mark::find(&all, &words);
    let open_at = policy_content::mark::opening(&all, &words, &ranges);
    // Each range cut into its pieces in single text nodes: (node, UTF-16 start, UTF-16 end, whether the
    // range is the one to open at).
    let mut pieces = Vec::new();
    let mut at = 0;
    for (node, text) in nodes.iter().zip(&texts) {
        let (from, to) = (at, at + text.len());
        for (i, &(s, e)) in ranges.iter().enumerate() {
            let (s, e) = (s.max(from), e.min(to));
            if s < e {
                let utf16 = |b: usize| text[..b - from].encode_utf16().count() as u32;
                pieces.push((node.clone(), utf16(s), utf16(e), i == open_at));
            }
        }
        at = to;
    }
    let doc = web_sys::window()?.document()?;
    let (mut first, mut opening) = (None, None);
    // From the last piece back: cutting a node leaves the pieces before it where they were.
    for (node, s, e, opens) in pieces.into_iter().rev() {
        if e < node.length() {
            let _ = node.split_text(e);
        }
        let middle = if s > 0 {
            match node.split_text(s) {
                Ok(m) => m,
                Err(_) => continue,
            }
        } else {
            node
        };
        let (Some(parent), Ok(mark)) = (middle.parent_node(), doc.create_element("mark")) else {
            continue;
        };
        mark.set_class_name(CLASS);
        let _ = parent.insert_before(&mark, Some(&middle));
        let _ = mark.append_child(&middle);
        if opens {
            opening = Some(mark.clone());
        }
        first = Some(mark);
    }
    opening.or(first)
}
