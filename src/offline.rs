//! Offline use, the page's side of `sw.js` (written by sitegen): registers the worker, tells it which page
//! was opened and what that page loaded (kept from the browser's HTTP cache, no second download, so the page
//! works offline after one visit), and carries the messages of 保存全部内容 (`components::SaveOffline`).

use leptos::task::spawn_local;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

thread_local! {
    /// The address the page was loaded at (set when the app starts: [`register`]).
    static LOADED: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// How long the "ready offline" line stays.
const OFFLINE_NOTE_MS: i32 = 8000;

fn container() -> Option<web_sys::ServiceWorkerContainer> {
    let nav = web_sys::window()?.navigator();
    // Browsers without service workers (or in a context that forbids them) have no container.
    js_sys::Reflect::has(&nav, &"serviceWorker".into())
        .ok()?
        .then(|| nav.service_worker())
}

/// Whether this browser can keep pages offline (it has service workers).
pub fn supported() -> bool {
    container().is_some()
}

fn get(target: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(target, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

fn set(target: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(target, &key.into(), value);
}

/// A message `{type, …}` for the worker.
pub fn message(kind: &str) -> js_sys::Object {
    let m = js_sys::Object::new();
    set(&m, "type", &kind.into());
    m
}

/// Whether the person asked the browser to save data (Save-Data): then nothing is fetched in the
/// background beyond the core.
pub fn save_data() -> bool {
    web_sys::window()
        .map(|w| get(&get(&w.navigator(), "connection"), "saveData"))
        .is_some_and(|v| v.is_truthy())
}

/// Sends `msg` to the active worker once there is one.
pub fn post(msg: js_sys::Object) {
    let Some(sw) = container() else {
        return;
    };
    spawn_local(async move {
        let Ok(ready) = sw.ready() else {
            return;
        };
        let Ok(reg) = JsFuture::from(ready).await else {
            return;
        };
        let active = get(&reg, "active");
        if let Ok(post) = get(&active, "postMessage").dyn_into::<js_sys::Function>() {
            let _ = post.call1(&active, &msg);
        }
    });
}

/// Calls `handler` with every message the worker sends to this page, for the life of the page.
pub fn on_message(handler: impl Fn(JsValue) + 'static) {
    let Some(sw) = container() else {
        return;
    };
    let f =
        Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| handler(get(&e, "data")));
    let _ = sw.add_event_listener_with_callback("message", f.as_ref().unchecked_ref());
    f.forget();
}

/// The field `key` of a message as a number (0 if absent).
pub fn number(data: &JsValue, key: &str) -> f64 {
    get(data, key).as_f64().unwrap_or(0.0)
}

/// The field `key` of a message as text.
pub fn text(data: &JsValue, key: &str) -> String {
    get(data, key).as_string().unwrap_or_default()
}

/// The field `key` of a message as a flag.
pub fn flag(data: &JsValue, key: &str) -> bool {
    get(data, key).is_truthy()
}

/// Registers the worker and tells it this page was opened, with the files it loaded. The first time a
/// worker takes over (none controlled this page when it loaded), once the worker says it has kept what the
/// page loaded and needs (its reply to `visited`: the search page's examples' pieces too), a quiet status
/// line says this page now works offline, and goes away after a while or at the person's next key or tap;
/// later visits say nothing (and nothing is stored to know it).
pub fn register() {
    if let Some(href) = web_sys::window().and_then(|w| w.location().href().ok()) {
        LOADED.with(|l| *l.borrow_mut() = href);
    }
    // A debug build is the development server's (scripts/dev.sh): it has no service worker, and a
    // cached build would hide the change being made.
    if cfg!(debug_assertions) {
        return;
    }
    let Some(sw) = container() else {
        return;
    };
    let controlled = !get(&sw, "controller").is_null() && !get(&sw, "controller").is_undefined();
    if !controlled {
        let said = std::cell::Cell::new(false);
        on_message(move |data| {
            if text(&data, "type") == "visited" && !said.replace(true) {
                say_kept();
            }
        });
    }
    let _ = sw.register("/sw.js");
    post(visited());
}

/// What the status line says first: this page works offline (a macro, so the longer line is joined at
/// compile time).
macro_rules! kept {
    () => {
        "这一页已存到本机，没有网络时也能打开。"
    };
}
/// The status line where there is room: and how to keep the rest.
const KEPT_AND_SAVE_ALL: &str = concat!(
    kept!(),
    "要存全部内容，请点“政策文件”或“关于”页上的“保存全部内容”。"
);

/// The status line that says this page now works offline ([`register`]).
fn say_kept() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let (Ok(note), Some(body)) = (doc.create_element("p"), doc.body()) else {
        return;
    };
    note.set_class_name("offline-ready no-print");
    let _ = note.set_attribute("role", "status");
    let _ = body.append_child(&note);
    // Filled after insertion, so screen readers announce it. On a page opened at marked words (a clause
    // link's `?hl=`), at the top of the screen when they are in its lower half: at its foot it had hidden
    // them for seconds on a phone, on the very visit a QR code or a 原文 link had brought the person for.
    let el = note.clone();
    let fill = Closure::once_into_js(move || {
        let asked = el
            .owner_document()
            .and_then(|d| d.query_selector("mark.asked").ok().flatten());
        let at_top = asked
            .zip(crate::dom::screen_height())
            .is_some_and(|(mark, height)| {
                let r = mark.get_bounding_client_rect();
                r.top() + r.height() / 2.0 > height / 2.0
            });
        let text = if at_top {
            // One line, over the bar above the clause the page opened at, not over its first lines.
            let _ = el.class_list().add_1("at-top");
            kept!()
        } else {
            KEPT_AND_SAVE_ALL
        };
        el.set_text_content(Some(text));
    });
    // It goes after a while, or at once when the person types, taps or scrolls: it sits over the bottom of
    // the screen, where the field being typed into, or the text being read, may be.
    let gone = note.clone();
    // Either event may come first, and the other later: removing twice does nothing.
    let dismiss = Closure::<dyn Fn()>::new(move || gone.remove()).into_js_value();
    let opts = web_sys::AddEventListenerOptions::new();
    opts.set_once(true);
    opts.set_capture(true);
    for ev in ["keydown", "pointerdown", "scroll", "wheel"] {
        let _ = doc.add_event_listener_with_callback_and_add_event_listener_options(
            ev,
            dismiss.unchecked_ref(),
            &opts,
        );
    }
    let remove = Closure::once_into_js(move || note.remove());
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(fill.unchecked_ref(), 100);
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
            remove.unchecked_ref(),
            OFFLINE_NOTE_MS,
        );
    }
}

/// Tells the worker again what this page has loaded, after the page has fetched more of its own code (a
/// lazily loaded chunk), so it is kept offline with the page; and, after a navigation inside the app, the
/// new page's address, which the worker then fetches and keeps (the browser loaded only its body).
pub fn loaded_more() {
    post(visited());
}

/// `{type: "visited", urls, saveData}`: this page's path, every file it has loaded so far, its
/// bundle's lazily loaded chunks (the page's `zct-chunks` meta, see `scripts/split-wasm.mjs`), so that
/// its tools work offline though they were never used online, and what else it needs offline (its
/// `zct-keep` meta: the search page's examples' index pieces, written by the site generator). With
/// Save-Data the worker keeps only what the browser already has.
fn visited() -> js_sys::Object {
    let urls = js_sys::Array::new();
    if let Some(w) = web_sys::window() {
        // The page by its path, as the worker keeps a page it answered (its query is read by the app:
        // a clause link's marked words, a village search are not other pages).
        if let Ok(path) = w.location().pathname() {
            urls.push(&path.into());
        }
        for meta in ["meta[name=zct-chunks]", "meta[name=zct-keep]"] {
            let listed = w
                .document()
                .and_then(|d| d.query_selector(meta).ok().flatten())
                .and_then(|m| m.get_attribute("content"))
                .unwrap_or_default();
            for url in listed.split_whitespace() {
                urls.push(&url.into());
            }
        }
        let perf = get(&w, "performance");
        if let Ok(by_type) = get(&perf, "getEntriesByType").dyn_into::<js_sys::Function>() {
            if let Ok(entries) = by_type.call1(&perf, &"resource".into()) {
                for e in js_sys::Array::from(&entries).iter() {
                    urls.push(&get(&e, "name"));
                }
            }
        }
    }
    let m = message("visited");
    set(&m, "urls", &urls);
    set(&m, "saveData", &save_data().into());
    m
}

/// After an in-app navigation, offline, to something that was never saved: loads the address as a page
/// instead, as a reload would, so that the worker answers with the saved page or, never saved, the plain
/// offline page (what the address shows when opened directly). Returns whether it did. It does nothing
/// online, without a worker in control, or on the page the browser loaded (a reload would come back to
/// the same failure).
pub fn reload_offline() -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    let online = get(&w.navigator(), "onLine");
    let controlled = container().is_some_and(|sw| {
        let c = get(&sw, "controller");
        !c.is_null() && !c.is_undefined()
    });
    if online.as_bool() != Some(false) || !controlled {
        return false;
    }
    let here = w.location().href().unwrap_or_default();
    let path = |u: &str| u.split('#').next().unwrap_or_default().to_string();
    if LOADED.with(|l| path(&l.borrow()) == path(&here)) {
        return false;
    }
    w.location().reload().is_ok()
}
