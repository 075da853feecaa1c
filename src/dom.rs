//! Small browser helpers: fetching text, copying to the clipboard, printing, timing.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// How long a fetch may take before the page says so and offers 重试 (a slow 2G connection still gets a
/// document's body in this time).
const FETCH_TIMEOUT_MS: i32 = 20_000;

/// Why a fetch from the site failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchError {
    /// The site has no such file (404).
    NotFound { url: String },
    /// Another HTTP status.
    Status { url: String, status: u16 },
    /// No answer within the time limit.
    Timeout { url: String },
    /// No connection, or the browser refused.
    Network { url: String, message: String },
}

impl std::fmt::Display for FetchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotFound { url } => write!(f, "网站上没有这个文件（{url}）"),
            Self::Status { url, status } => write!(f, "网站暂时出错（{url}，{status}）"),
            Self::Timeout { url } => write!(
                f,
                "网络太慢，{} 秒内没有载入（{url}）",
                FETCH_TIMEOUT_MS / 1000
            ),
            Self::Network { url, message } => write!(f, "没有连上网络（{url}：{message}）"),
        }
    }
}

/// Fetches `url` from the site's own origin and returns its body as text.
pub async fn fetch_text(url: &str) -> Result<String, FetchError> {
    let resp = fetch_ok(url).await?;
    let net = |e| network(url, e);
    let text = JsFuture::from(resp.text().map_err(net)?)
        .await
        .map_err(|e| failed(url, e))?;
    Ok(text.as_string().unwrap_or_default())
}

/// Fetches `url` from the site's own origin and returns its body as bytes.
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, FetchError> {
    let resp = fetch_ok(url).await?;
    let net = |e| network(url, e);
    let buf = JsFuture::from(resp.array_buffer().map_err(net)?)
        .await
        .map_err(|e| failed(url, e))?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

/// Starts the fetch with an abort signal that fires after [`FETCH_TIMEOUT_MS`] (the body is read under
/// the same signal, so a stalled body times out too).
async fn fetch_ok(url: &str) -> Result<web_sys::Response, FetchError> {
    let window = web_sys::window().ok_or_else(|| network(url, "no window".into()))?;
    let controller = web_sys::AbortController::new().map_err(|e| network(url, e))?;
    let init = web_sys::RequestInit::new();
    init.set_signal(Some(&controller.signal()));
    let abort = wasm_bindgen::closure::Closure::once_into_js(move || controller.abort());
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
        abort.unchecked_ref(),
        FETCH_TIMEOUT_MS,
    );
    let resp = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(|e| failed(url, e))?;
    let resp: web_sys::Response = resp
        .dyn_into()
        .map_err(|_| network(url, "not a response".into()))?;
    match resp.status() {
        _ if resp.ok() => Ok(resp),
        404 => Err(FetchError::NotFound { url: url.into() }),
        status => Err(FetchError::Status {
            url: url.into(),
            status,
        }),
    }
}

/// A rejected fetch: a timeout when our abort signal fired, otherwise a network error.
fn failed(url: &str, e: wasm_bindgen::JsValue) -> FetchError {
    let e = e.unchecked_into::<js_sys::Error>();
    if e.name() == "AbortError" {
        FetchError::Timeout { url: url.into() }
    } else {
        network(url, e.into())
    }
}

/// A JavaScript error as a network error (its message, not a debug dump: that would cost wasm size).
fn network(url: &str, e: wasm_bindgen::JsValue) -> FetchError {
    FetchError::Network {
        url: url.into(),
        message: e
            .unchecked_into::<js_sys::Error>()
            .message()
            .as_string()
            .unwrap_or_else(|| "网络错误".to_string()),
    }
}

/// The absolute URL of `path_and_fragment` on this site.
pub fn absolute_url(path_and_fragment: &str) -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    format!("{origin}{path_and_fragment}")
}

/// The browser's clipboard, where the page may use it (not on a plain-HTTP address other than this
/// machine's, nor in older browsers: there `navigator.clipboard` is missing).
fn clipboard() -> Option<web_sys::Clipboard> {
    let navigator = web_sys::window()?.navigator();
    let c = js_sys::Reflect::get(&navigator, &"clipboard".into()).ok()?;
    (!c.is_undefined() && !c.is_null()).then(|| navigator.clipboard())
}

/// Whether `ev` comes while an input method is still composing (拼音 typed, the characters not chosen yet:
/// `yiwan` on its way to 一万): what is in the field then is not what the person means to type.
pub fn composing(ev: &web_sys::Event) -> bool {
    js_sys::Reflect::get(ev, &"isComposing".into())
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// Copies `text` to the clipboard (best effort: where the page may not use it, nothing happens).
pub fn copy_to_clipboard(text: &str) {
    if let Some(c) = clipboard() {
        let _ = c.write_text(text);
    }
}

/// Copies `text` to the clipboard, then calls `done` with whether the browser took it.
pub fn copy_text(text: &str, done: impl Fn(bool) + 'static) {
    use wasm_bindgen::closure::Closure;
    let Some(c) = clipboard() else {
        return done(false);
    };
    let done = std::rc::Rc::new(done);
    let refused = done.clone();
    let took = Closure::once(move |_: wasm_bindgen::JsValue| done(true));
    let failed = Closure::once(move |_: wasm_bindgen::JsValue| refused(false));
    let _ = c.write_text(text).then2(&took, &failed);
    // One of the two is called, once; both are small and live as long as the page (one click each).
    took.forget();
    failed.forget();
}

/// The page's root element (`<html>`), where the page-wide marks go (printing, the text size, laying out).
pub fn root() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.document_element()
}

/// Prints the page as it is (the browser's print dialog).
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Prints the page with `class` on the root element (the print style then shows one part alone: the
/// poster, the comparison table), once `ready` has run with the class on (to measure what will print). The
/// class goes after printing (`afterprint`), not when `print()` returns: on some phones it returns before
/// the page is printed.
pub fn print_marked(class: &'static str, ready: impl FnOnce()) {
    use wasm_bindgen::JsCast;
    let (Some(w), Some(root)) = (web_sys::window(), root()) else {
        return;
    };
    let _ = root.class_list().add_1(class);
    ready();
    let done = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = root.class_list().remove_1(class);
    });
    let once = web_sys::AddEventListenerOptions::new();
    once.set_once(true);
    let _ = w.add_event_listener_with_callback_and_add_event_listener_options(
        "afterprint",
        done.unchecked_ref(),
        &once,
    );
    print();
}

/// Today's date as `2026年11月23日` (for printed results).
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    policy_content::date::ymd(d.get_full_year(), d.get_month() + 1, d.get_date())
}

/// What a printout says it was printed on: `打印日期：2026年11月23日`.
pub fn printed_on() -> String {
    format!("打印日期：{}", today())
}

/// Resolves after `ms` milliseconds (a plain timer: usable before the app has mounted).
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Tells the page's loader (`public/loader.js`, which watches for an `error` event on the window) that
/// the app's code could not be loaded, so it shows its notice with 重试 at once.
pub fn tell_loader_failed() {
    if let (Some(w), Ok(e)) = (web_sys::window(), web_sys::Event::new("error")) {
        let _ = w.dispatch_event(&e);
    }
}

/// Sets the page's fragment to `fragment` (without `#`; empty removes it), its path and query kept: the
/// current history entry replaced, or (`push`) a new one added, carrying `state`. No `hashchange`, and
/// nobody told (`crate::address` tells the app's readers of the address).
pub fn set_fragment(fragment: &str, push: bool, state: &wasm_bindgen::JsValue) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(history) = window.history() else {
        return;
    };
    let location = window.location();
    let mut url = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if !fragment.is_empty() {
        url.push('#');
        url.push_str(fragment);
    }
    let _ = if push {
        history.push_state_with_url(state, "", Some(&url))
    } else {
        history.replace_state_with_url(state, "", Some(&url))
    };
}

/// Records the User Timing mark `name` now (the benchmark reads `performance.getEntriesByName(name)`;
/// nothing else does).
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Runs `f` and records how long it took as a User Timing measure named `name` (the benchmark reads
/// `performance.getEntriesByName(name)`; nothing else does).
pub fn timed<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let perf = web_sys::window().and_then(|w| w.performance());
    let start = format!("{name}:start");
    if let Some(p) = &perf {
        let _ = p.mark(&start);
    }
    let out = f();
    if let Some(p) = &perf {
        let _ = p.measure_with_start_mark(name, &start);
    }
    out
}

/// Runs `read` with every block of a long document laid out, so that `innerText` gives the whole text: the
/// stylesheet lets the browser skip the blocks below the screen (`content-visibility: auto`), and their
/// `innerText` would be empty. Laying out the whole document is slow on a cheap phone, so do all the reading
/// in one call.
pub fn with_all_laid_out<T>(read: impl FnOnce() -> T) -> T {
    let root = root();
    if let Some(r) = &root {
        let _ = r.class_list().add_1("lay-out-all");
    }
    let out = read();
    if let Some(r) = &root {
        let _ = r.class_list().remove_1("lay-out-all");
    }
    out
}

/// Listens to every `event` on the document for the life of the page (`capture`: before the target's own
/// handlers, and for an event that does not bubble, such as `toggle`; otherwise as the event bubbles,
/// still before handlers on the window, such as the router's).
pub fn on_document(event: &str, capture: bool, handler: impl Fn(web_sys::Event) + 'static) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let handler = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(handler);
    let _ = doc.add_event_listener_with_callback_and_bool(
        event,
        handler.as_ref().unchecked_ref(),
        capture,
    );
    handler.forget();
}

/// The screen's height in CSS px (the window's inner height), if there is a window.
pub fn screen_height() -> Option<f64> {
    web_sys::window()?.inner_height().ok()?.as_f64()
}

/// Takes class `class` off every element that has it.
pub fn unclass_all(class: &str) {
    use wasm_bindgen::JsCast;
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Ok(list) = doc.query_selector_all(&format!(".{class}")) {
        for i in 0..list.length() {
            if let Some(el) = list
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                let _ = el.class_list().remove_1(class);
            }
        }
    }
}

/// Scrolls the element `selector` names to the top of the screen if it starts in the lower half of the
/// screen or below it (a phone after a search: the hits under the search box), and leaves it otherwise.
pub fn reveal(selector: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(el) = window
        .document()
        .and_then(|d| d.query_selector(selector).ok().flatten())
    else {
        return;
    };
    let height = screen_height().unwrap_or(0.0);
    if el.get_bounding_client_rect().top() > height / 2.0 {
        el.scroll_into_view_with_bool(true);
    }
}

/// Opens the `<details>` with the id `id`, if the page has it, and gives it.
pub fn open_details(id: &str) -> Option<web_sys::Element> {
    let el = web_sys::window()?.document()?.get_element_by_id(id)?;
    let _ = el.set_attribute("open", "");
    Some(el)
}

/// Opens the `<details>` with the id `id`, brings it to the top of the screen and puts the focus on its
/// field with the id `field`, if given and there, else on its first field (a link to a section of a form
/// whose address is the page's state: a `#id` link would replace that state).
pub fn open_and_show(id: &str, field: Option<&str>) {
    let Some(el) = open_details(id) else {
        return;
    };
    el.scroll_into_view();
    let named = field.and_then(|f| el.owner_document()?.get_element_by_id(f));
    if let Some(field) = named
        .or_else(|| el.query_selector("input").ok().flatten())
        .and_then(|f| f.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = field.focus();
    }
}

/// Focuses the element with the id `id`, if the page has it; an input's caret at the end of what it holds.
pub fn give_focus(id: &str) {
    let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    else {
        return;
    };
    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        let _ = input.focus();
        let end = input.value().encode_utf16().count() as u32;
        // Not every input type has a caret (a radio button): then the focus is enough.
        let _ = input.set_selection_range(end, end);
    } else if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}

/// Where the focus is in a form, to give it to the same field of another copy of the form (the app's, when
/// it takes over from the build's page): the field (its id, or for a radio button, which has none, its
/// name and value) and the caret or selection in it.
pub struct FocusPlace {
    /// A CSS selector for the field: `#v0-total`, `input[name="category"][value="tekun"]`.
    selector: String,
    /// The selection's start and end in a text field (UTF-16 units, as the DOM counts them), and the text
    /// they are in.
    selection: Option<(u32, u32, String)>,
}

impl FocusPlace {
    /// Where the focus is, if it is in `container` on a field that can be found again.
    pub fn inside(container: &web_sys::Element) -> Option<FocusPlace> {
        let focused = container.owner_document()?.active_element()?;
        container
            .contains(Some(&focused))
            .then(|| Self::of(&focused))
            .flatten()
    }

    /// Where the focus is, if `el` is a field that can be found again.
    pub fn of(el: &web_sys::Element) -> Option<FocusPlace> {
        let input = el.dyn_ref::<web_sys::HtmlInputElement>();
        let selector = if !el.id().is_empty() {
            format!("#{}", el.id())
        } else {
            let input = input.filter(|i| i.type_() == "radio")?;
            format!(
                "input[name=\"{}\"][value=\"{}\"]",
                input.name(),
                input.value()
            )
        };
        let selection = input.and_then(|i| {
            Some((
                i.selection_start().ok().flatten()?,
                i.selection_end().ok().flatten()?,
                i.value(),
            ))
        });
        Some(FocusPlace {
            selector,
            selection,
        })
    }

    /// Focuses the field in `doc` without scrolling the page (it is where the other copy was), the caret or
    /// selection where it was. The app writes a field's text in its effects, microtasks after its mount,
    /// which puts the caret at the end: the selection is set again once the field holds the same text
    /// (within a few microtasks, so still before the next key, which is a task).
    pub fn restore(&self, doc: &web_sys::Document) {
        let Some(el) = doc
            .query_selector(&self.selector)
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            return;
        };
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = el.focus_with_options(&options);
        let (Some(input), Some((start, end, text))) = (
            el.dyn_into::<web_sys::HtmlInputElement>().ok(),
            self.selection.clone(),
        ) else {
            return;
        };
        let _ = input.set_selection_range(start, end);
        wasm_bindgen_futures::spawn_local(async move {
            for _ in 0..16 {
                if input.value() == text {
                    let _ = input.set_selection_range(start, end);
                    return;
                }
                let next = js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL);
                let _ = JsFuture::from(next).await;
            }
        });
    }
}

/// The page tool bar's button labelled `label` (`policy_content::site::tools`), if the page has it.
pub fn tool_button(label: &str) -> Option<web_sys::HtmlElement> {
    let buttons = web_sys::window()?
        .document()?
        .query_selector_all(".page-tools button.tool")
        .ok()?;
    (0..buttons.length())
        .filter_map(|i| buttons.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
        .find(|b| b.text_content().as_deref() == Some(label))
}

/// [`give_focus`] once the view has been drawn (the next frame).
pub fn focus_soon(id: String) {
    leptos::prelude::request_animation_frame(move || give_focus(&id));
}

/// Runs `f` once the browser has painted the next frame: an animation frame runs just before the paint,
/// and a task queued from it runs after.
pub fn after_paint(f: impl FnOnce() + 'static) {
    leptos::prelude::request_animation_frame(move || {
        leptos::prelude::set_timeout(f, std::time::Duration::ZERO);
    });
}
