//! Building the calculator's elements without a framework: `el("p").class("hint").text("…")`, children
//! appended in order. Every text goes in as text (never as markup), so nothing needs escaping.

use wasm_bindgen::JsCast;

/// The page's document.
pub fn doc() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// The first element `selector` finds in the page, if any.
pub fn find(selector: &str) -> Option<web_sys::Element> {
    doc()?.query_selector(selector).ok().flatten()
}

/// Every element `selector` finds in the page.
pub fn find_all(selector: &str) -> Vec<web_sys::Element> {
    doc()
        .and_then(|d| d.document_element())
        .map(|root| all(&root, selector))
        .unwrap_or_default()
}

/// Every element `selector` finds under `root`.
pub fn all(root: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect()
}

/// An element being built.
pub struct El(pub web_sys::Element);

/// A new `<tag>` (a `div` if the page cannot make one, which it always can).
pub fn el(tag: &str) -> El {
    let made = doc().and_then(|d| d.create_element(tag).ok());
    El(made.unwrap_or_else(|| web_sys::Element::from(wasm_bindgen::JsValue::NULL)))
}

impl El {
    /// With the class attribute `class`.
    pub fn class(self, class: &str) -> Self {
        self.0.set_class_name(class);
        self
    }

    /// With the attribute `name` set to `value`.
    pub fn attr(self, name: &str, value: &str) -> Self {
        let _ = self.0.set_attribute(name, value);
        self
    }

    /// With `text` appended as a text node.
    pub fn text(self, text: &str) -> Self {
        let _ = self.0.append_with_str_1(text);
        self
    }

    /// With `child` appended.
    pub fn child(self, child: El) -> Self {
        let _ = self.0.append_child(&child.0);
        self
    }

    /// With each of `children` appended, in order.
    pub fn children(self, children: impl IntoIterator<Item = El>) -> Self {
        for c in children {
            let _ = self.0.append_child(&c.0);
        }
        self
    }

    /// With `child` appended if there is one.
    pub fn maybe(self, child: Option<El>) -> Self {
        match child {
            Some(c) => self.child(c),
            None => self,
        }
    }
}

/// Sets or removes the boolean attribute `name` of `el`.
pub fn flag(el: &web_sys::Element, name: &str, on: bool) {
    if el.has_attribute(name) != on {
        let _ = if on {
            el.set_attribute(name, "")
        } else {
            el.remove_attribute(name)
        };
    }
}

/// Sets the attribute `name` of `el` to `value`, or removes it (`None`), where it differs.
pub fn set_attr(el: &web_sys::Element, name: &str, value: Option<&str>) {
    if el.get_attribute(name).as_deref() != value {
        let _ = match value {
            Some(v) => el.set_attribute(name, v),
            None => el.remove_attribute(name),
        };
    }
}

/// Sets `el`'s text where it differs (a live region is told only of what changed).
pub fn set_text(el: &web_sys::Element, text: &str) {
    if el.text_content().as_deref() != Some(text) {
        el.set_text_content(Some(text));
    }
}

/// The value of a text field or a list.
pub fn value_of(el: &web_sys::Element) -> Option<String> {
    if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        Some(i.value())
    } else {
        el.dyn_ref::<web_sys::HtmlSelectElement>()
            .map(|s| s.value())
    }
}

/// Sets the value of a text field or a list where it differs (the caret of a field being typed into is
/// left where it is).
pub fn set_value(el: &web_sys::Element, value: &str) {
    if value_of(el).as_deref() == Some(value) {
        return;
    }
    if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        i.set_value(value);
    } else if let Some(s) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
        s.set_value(value);
    }
}

/// Ticks or clears a box or a radio button where it differs.
pub fn set_checked(el: &web_sys::Element, on: bool) {
    if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        if i.checked() != on {
            i.set_checked(on);
        }
    }
}

/// Whether a box or a radio button is ticked.
pub fn checked(el: &web_sys::Element) -> bool {
    el.dyn_ref::<web_sys::HtmlInputElement>()
        .is_some_and(web_sys::HtmlInputElement::checked)
}

/// Whether `a` and `b` have the same elements (tags and every attribute), text apart.
pub fn same_shape(a: &web_sys::Node, b: &web_sys::Node) -> bool {
    let (ka, kb) = (a.child_nodes(), b.child_nodes());
    a.node_name() == b.node_name()
        && a.dyn_ref::<web_sys::Element>().map(attributes)
            == b.dyn_ref::<web_sys::Element>().map(attributes)
        && ka.length() == kb.length()
        && (0..ka.length()).all(|i| match (ka.item(i), kb.item(i)) {
            (Some(x), Some(y)) => same_shape(&x, &y),
            _ => false,
        })
}

/// `el`'s attributes, names with values, in order.
fn attributes(el: &web_sys::Element) -> Vec<(String, Option<String>)> {
    el.get_attribute_names()
        .iter()
        .filter_map(|n| n.as_string())
        .map(|n| {
            let v = el.get_attribute(&n);
            (n, v)
        })
        .collect()
}

/// Writes `from`'s texts into `into`, which has the same shape, where they differ.
pub fn update_text(into: &web_sys::Node, from: &web_sys::Node) {
    let (ki, kf) = (into.child_nodes(), from.child_nodes());
    if ki.length() == 0 {
        if into.text_content() != from.text_content() {
            into.set_text_content(from.text_content().as_deref());
        }
        return;
    }
    for i in 0..ki.length() {
        if let (Some(x), Some(y)) = (ki.item(i), kf.item(i)) {
            update_text(&x, &y);
        }
    }
}

/// Puts `fresh`'s content into `shown`: only the texts that changed when the two have the same shape (a
/// live region then says only what changed), else `fresh` in its place. Returns the element now shown.
pub fn show_in_place(shown: &web_sys::Element, fresh: web_sys::Element) -> web_sys::Element {
    if same_shape(shown, &fresh) {
        update_text(shown, &fresh);
        shown.clone()
    } else {
        let _ = shown.replace_with_with_node_1(&fresh);
        fresh
    }
}
