//! A document page's sections as the page lays them out (its blocks side by side under `.doc-body`): a
//! block's heading level, what comes before a block, and the blocks a heading's or a clause's section
//! holds, and what a section an address names is called. Read by the poster (what it carries), by 打印这一节
//! (what prints) and by the QR code's file name.

/// A heading's level (2 for `h2`), `None` for any other element.
pub fn heading_level(el: &web_sys::Element) -> Option<u8> {
    el.tag_name().strip_prefix('H')?.parse().ok()
}

/// `el` and what comes before it in the page, nearest first: each element's previous sibling, else its
/// parent; up to the page's `main`, which is not included.
pub fn backwards(el: &web_sys::Element) -> impl Iterator<Item = web_sys::Element> {
    std::iter::successors(Some(el.clone()), |n| {
        n.previous_element_sibling().or_else(|| n.parent_element())
    })
    .take_while(|n| n.tag_name() != "MAIN")
}

/// `el` and the blocks after it in its section: a heading's runs to the next heading of the same or a
/// higher level (its clauses, which carry ids, included); a clause's to the next heading or clause not its
/// own (`2.` with its `（1）` to `（8）`).
pub fn blocks(el: &web_sys::Element) -> impl Iterator<Item = web_sys::Element> {
    let level = heading_level(el);
    let own = format!("{}-", el.id());
    std::iter::successors(Some(el.clone()), |n| n.next_element_sibling())
        .enumerate()
        .take_while(move |(i, n)| {
            *i == 0
                || match (level, heading_level(n)) {
                    (Some(l), Some(m)) => m > l,
                    (Some(_), None) => true,
                    (None, Some(_)) => false,
                    (None, None) => !n.has_attribute("id") || n.id().starts_with(&own),
                }
        })
        .map(|(_, n)| n)
}

/// The headings `el` is under, nearest first: each heading before it of a higher level than the last one
/// taken (`el`'s own, if it is a heading), up to the part's `h2`.
pub fn headings_over(el: &web_sys::Element) -> impl Iterator<Item = web_sys::Element> {
    let mut level = heading_level(el).unwrap_or(7);
    backwards(el)
        .skip(1)
        .filter(move |n| match heading_level(n) {
            Some(l) if l < level => {
                level = l;
                true
            }
            _ => false,
        })
}

/// The section `id` names in a document's text (a table's row: its table, under its heading), and how it
/// is called (`附件5 三（六）1`, `附表 3-2`, or its heading's words: its 分享 link has none); `None`
/// elsewhere (no document, the editors' summary above the text, a paragraph neither heading nor clause).
pub fn section(doc: &web_sys::Document, id: &str) -> Option<(web_sys::Element, String)> {
    let mut el = doc.get_element_by_id(id)?;
    // A row (看原表 from the village lookup opens one), or anything else inside a block: the block.
    while !el.parent_element()?.class_list().contains("doc-body") {
        el = el.parent_element()?;
    }
    // A table's block has no id of its own: the section is the table's, under its heading (附表 3-2).
    if el.id().is_empty() {
        el = backwards(&el).find(|n| heading_level(n).is_some())?;
    }
    let id = el.id();
    let label = if crate::clause::is_numbered(&id) {
        crate::clause::place_here(&id)
    } else if heading_level(&el).is_some() {
        el.text_content()?.trim().to_string()
    } else {
        return None;
    };
    Some((el, label))
}
