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

/// A new `<tag>`. A page that cannot make one cannot go on: the panic shows the site's notice with its
/// ways back (`mount::begin`), rather than a page half drawn.
pub fn el(tag: &str) -> El {
    let made = doc().and_then(|d| d.create_element(tag).ok());
    El(made.expect("the page makes elements"))
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

/// Whether `a` and `b` have the same elements (tags and classes, in the same places), their texts and
/// other attributes apart.
pub fn same_shape(a: &web_sys::Node, b: &web_sys::Node) -> bool {
    let (ka, kb) = (a.child_nodes(), b.child_nodes());
    // The attribute, not `className`: an SVG element's (the chart's) is not a string.
    let class = |n: &web_sys::Node| {
        n.dyn_ref::<web_sys::Element>()
            .and_then(|e| e.get_attribute("class"))
    };
    a.node_name() == b.node_name()
        && class(a) == class(b)
        && ka.length() == kb.length()
        && (0..ka.length()).all(|i| match (ka.item(i), kb.item(i)) {
            (Some(x), Some(y)) => same_shape(&x, &y),
            _ => false,
        })
}

/// Makes `into`, which has `from`'s shape, say what `from` says: each text and attribute that differs
/// written, nothing else touched.
pub fn update_in_place(into: &web_sys::Node, from: &web_sys::Node) {
    if let (Some(i), Some(f)) = (
        into.dyn_ref::<web_sys::Element>(),
        from.dyn_ref::<web_sys::Element>(),
    ) {
        let names = |e: &web_sys::Element| -> Vec<String> {
            e.get_attribute_names()
                .iter()
                .filter_map(|n| n.as_string())
                .collect()
        };
        for name in names(i) {
            if !f.has_attribute(&name) {
                let _ = i.remove_attribute(&name);
            }
        }
        for name in names(f) {
            set_attr(i, &name, f.get_attribute(&name).as_deref());
        }
    }
    let (ki, kf) = (into.child_nodes(), from.child_nodes());
    if ki.length() == 0 {
        if into.text_content() != from.text_content() {
            into.set_text_content(from.text_content().as_deref());
        }
        return;
    }
    for i in 0..ki.length() {
        if let (Some(x), Some(y)) = (ki.item(i), kf.item(i)) {
            update_in_place(&x, &y);
        }
    }
}

/// Puts `fresh`'s content into `shown`: only the texts and attributes that changed when the two have the
/// same shape (a live region then says only what changed: the whole answer had been said again on every
/// key), else `fresh` in its place.
pub fn show_in_place(shown: &web_sys::Element, fresh: &web_sys::Element) {
    if same_shape(shown, fresh) {
        update_in_place(shown, fresh);
    } else {
        let _ = shown.replace_with_with_node_1(fresh);
    }
}
