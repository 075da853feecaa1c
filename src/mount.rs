//! Starting a bundle's app: a failure notice in place first, then the app, and only once it is mounted
//! does the text the build put in the page go (so a failure while mounting leaves that text readable).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Mounts `app` on the page's body and removes the build-time page it replaces.
pub fn mount<F, N>(app: F)
where
    F: FnOnce() -> N + 'static,
    N: IntoView + 'static,
{
    begin();
    leptos::mount::mount_to_body(app);
    crate::prerender::remove_shell();
    crate::dom::mark("zct-mounted");
}

/// What every bundle's `main()` does first: marks the moment (the benchmark reads from the wasm's last
/// byte to here) and sets the notice a panic shows. [`mount`] does it; the calculator, which is no
/// framework's app (`crate::calc_page`), calls it first.
pub fn begin() {
    crate::dom::mark("zct-main");
    // Futures spawned before the mount (a chunk's loading) need the executor the mount would set up.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_failure();
    }));
}

/// Mounts `app` as [`mount`] does once `ready` has finished (the checker's data: see
/// [`crate::app::checker_data`]); until then the build's page stays as it is.
pub fn mount_after<R, F, N>(ready: R, app: F)
where
    R: std::future::Future<Output = ()> + 'static,
    F: FnOnce() -> N + 'static,
    N: IntoView + 'static,
{
    // Not Leptos's spawner: its executor is set up by the mount itself.
    wasm_bindgen_futures::spawn_local(async move {
        ready.await;
        mount(app);
    });
}

/// A notice over the page, in plain Chinese, with a way back: the app has stopped (a wasm panic aborts),
/// so this is plain DOM, not a view.
fn show_failure() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(doc) = window.document() else {
        return;
    };
    let Some(body) = doc.body() else {
        return;
    };
    // One notice, however many times the stopped app is poked (a later input may fail again).
    if doc.query_selector(".crash").ok().flatten().is_some() {
        return;
    }
    let Ok(note) = doc.create_element("div") else {
        return;
    };
    let location = window.location();
    let again = location.href().unwrap_or_default();
    let fresh = location.pathname().unwrap_or_else(|_| "/".into());
    note.set_class_name("crash no-print");
    let _ = note.set_attribute("role", "alert");
    let p = |text: &str| {
        let el = doc.create_element("p").ok()?;
        el.set_text_content(Some(text));
        Some(el)
    };
    let link = |text: &str, href: &str| {
        let a = doc.create_element("a").ok()?;
        a.set_text_content(Some(text));
        a.set_attribute("href", href).ok()?;
        a.set_attribute("class", "button").ok()?;
        Some(a)
    };
    for el in [
        p("抱歉，页面出错了，刚才的操作没有完成。请重新打开本页；如果还不行，请从头开始。"),
        link("重新打开本页", &again),
        link("从头开始", &fresh),
    ]
    .into_iter()
    .flatten()
    {
        let _ = note.append_child(&el);
    }
    if let Some(first) = body.first_child() {
        let _ = body.insert_before(&note, Some(&first));
    } else {
        let _ = body.append_child(&note);
    }
    // "重新打开本页" to the same address with a fragment would not reload: force it.
    let reload =
        wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
            let href = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|a| a.get_attribute("href"));
            if let (Some(href), Some(w)) = (href, web_sys::window()) {
                ev.prevent_default();
                let _ = w.location().set_href(&href);
                let _ = w.location().reload();
            }
        });
    let _ = note.add_event_listener_with_callback("click", reload.as_ref().unchecked_ref());
    reload.forget();
}
