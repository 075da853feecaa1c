//! Holds a page back until the checker data it needs is installed: fetched once per visit from the files
//! the site generator publishes under `/data/` (the service worker keeps them for offline use).

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

/// Fetches and installs every one of `parts` not installed yet.
pub async fn install_data(parts: &[Part]) -> Result<(), String> {
    for part in parts.iter().filter(|p| !p.installed()) {
        let bytes = fetch_bytes(&format!("/data/{}", part.file()))
            .await
            .map_err(|e| e.to_string())?;
        part.install(&bytes)
            .map_err(|e| format!("{}: {e}", part.file()))?;
    }
    Ok(())
}
