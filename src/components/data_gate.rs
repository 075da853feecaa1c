//! Holds a page back until the checker data it needs is installed: fetched once per visit from the files
//! the site generator publishes under `/data/` (the page's HTML preloads them; the service worker keeps
//! them for offline use).

use std::cell::RefCell;
use std::rc::Rc;
use std::task::{Poll, Waker};

use leptos::prelude::*;
use leptos::task::spawn_local;
use policy_checker::store::Part;

use crate::components::LoadFailed;
use crate::dom::fetch_bytes;

/// Shows `children` once every one of `parts` is installed; until then a loading note, and if the data
/// cannot be fetched, why and a 重试 button.
#[component]
pub fn DataGate(
    /// The parts of the checker data the page uses.
    parts: &'static [Part],
    /// The page.
    children: ChildrenFn,
) -> impl IntoView {
    let ready = parts.iter().all(|p| p.installed());
    let state = RwSignal::new(ready.then_some(Ok::<(), String>(())));
    let load = move || {
        state.set(None);
        spawn_local(async move { state.set(Some(install_data(parts).await)) });
    };
    if !ready {
        load();
    }
    move || match state.get() {
        None => view! {
            <p class="page loading" role="status">
                "正在载入……"
            </p>
        }
        .into_any(),
        Some(Ok(())) => children().into_any(),
        Some(Err(e)) => view! {
            <div class="page">
                <LoadFailed error=e on_retry=load />
            </div>
        }
        .into_any(),
    }
}

/// Fetches and installs every one of `parts` not installed yet (their fetches at the same time).
pub async fn install_data(parts: &[Part]) -> Result<(), String> {
    let fetches: Vec<_> = parts
        .iter()
        .filter(|p| !p.installed())
        .map(|p| fetch_of(*p))
        .collect();
    for fetch in fetches {
        fetch.await?;
    }
    Ok(())
}

/// A part's fetch and install: under way (with who waits for it), or its outcome.
enum Fetch {
    Pending(Vec<Waker>),
    Done(Result<(), String>),
}

thread_local! {
    /// Each part's fetch, once started.
    static FETCHES: RefCell<Vec<(Part, Rc<RefCell<Fetch>>)>> = const { RefCell::new(Vec::new()) };
}

/// The fetch of `part`, to wait for: the one started before unless it failed, else one started now. The
/// fetch runs as a task of its own, so when the app's start stops waiting for it the page's [`DataGate`]
/// waits for the same request, not a second one.
fn fetch_of(part: Part) -> impl std::future::Future<Output = Result<(), String>> {
    let fetch = FETCHES.with_borrow_mut(|fetches| {
        let started = fetches.iter().position(|(p, _)| *p == part);
        if let Some(i) = started {
            if !matches!(*fetches[i].1.borrow(), Fetch::Done(Err(_))) {
                return fetches[i].1.clone();
            }
            fetches.swap_remove(i);
        }
        let fetch = Rc::new(RefCell::new(Fetch::Pending(Vec::new())));
        fetches.push((part, fetch.clone()));
        let outcome = fetch.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let done = match fetch_bytes(&part.url()).await {
                Ok(bytes) => part
                    .install(&bytes)
                    .map_err(|e| format!("{}: {e}", part.file())),
                Err(e) => Err(e.to_string()),
            };
            if let Fetch::Pending(waiting) = outcome.replace(Fetch::Done(done)) {
                waiting.into_iter().for_each(Waker::wake);
            }
        });
        fetch
    });
    std::future::poll_fn(move |cx| match &mut *fetch.borrow_mut() {
        Fetch::Done(done) => Poll::Ready(done.clone()),
        Fetch::Pending(waiting) => {
            waiting.push(cx.waker().clone());
            Poll::Pending
        }
    })
}
