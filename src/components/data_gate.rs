//! Holds a page back until the checker data it needs is installed: fetched once per visit from the files
//! the site generator publishes under `/data/` (the service worker keeps them for offline use).

use leptos::prelude::*;
use leptos::task::spawn_local;
use policy_checker::store::Part;

use crate::dom::fetch_bytes;

/// Shows `children` once every one of `parts` is installed; until then a loading note, and if the data
/// cannot be fetched, what to do.
#[component]
pub fn DataGate(
    /// The parts of the checker data the page uses.
    parts: &'static [Part],
    /// The page.
    children: ChildrenFn,
) -> impl IntoView {
    let ready = parts.iter().all(|p| p.installed());
    let (state, set_state) = signal(ready.then_some(Ok::<(), String>(())));
    if !ready {
        spawn_local(async move { set_state.set(Some(install(parts).await)) });
    }
    move || match state.get() {
        None => view! { <p class="page loading" role="status">"正在载入……"</p> }.into_any(),
        Some(Ok(())) => children().into_any(),
        Some(Err(e)) => view! {
            <div class="page" role="alert">
                <p>"这一页需要的资料没能载入，请检查网络后刷新页面。"</p>
                <p class="hint">{e}</p>
            </div>
        }
        .into_any(),
    }
}

async fn install(parts: &[Part]) -> Result<(), String> {
    for part in parts.iter().filter(|p| !p.installed()) {
        let bytes = fetch_bytes(&format!("/data/{}", part.file())).await?;
        part.install(&bytes)
            .map_err(|e| format!("{}: {e}", part.file()))?;
    }
    Ok(())
}
