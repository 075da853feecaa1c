//! 朗读: reads the page's main text aloud with the browser's Chinese speech synthesis; hidden where the
//! browser has no Chinese voice.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn chinese_voice() -> Option<web_sys::SpeechSynthesisVoice> {
    let synth = web_sys::window()?.speech_synthesis().ok()?;
    synth
        .get_voices()
        .iter()
        .filter_map(|v| v.dyn_into::<web_sys::SpeechSynthesisVoice>().ok())
        .find(|v| v.lang().to_lowercase().starts_with("zh"))
}

/// The 朗读 / 停止 button.
#[component]
pub fn ReadAloud() -> impl IntoView {
    let (available, set_available) = signal(chinese_voice().is_some());
    let (speaking, set_speaking) = signal(false);
    if let Some(synth) = web_sys::window().and_then(|w| w.speech_synthesis().ok()) {
        // Voices load late in some browsers.
        let cb = Closure::<dyn Fn()>::new(move || set_available.set(chinese_voice().is_some()));
        synth.set_onvoiceschanged(Some(cb.as_ref().unchecked_ref()));
        cb.forget();
    }
    let toggle = move |_| {
        let Some(synth) = web_sys::window().and_then(|w| w.speech_synthesis().ok()) else {
            return;
        };
        if speaking.get_untracked() {
            synth.cancel();
            set_speaking.set(false);
            return;
        }
        let text = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("main"))
            .and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok())
            .map(|m| crate::dom::with_all_laid_out(|| m.inner_text()))
            .unwrap_or_default();
        let Ok(u) = web_sys::SpeechSynthesisUtterance::new_with_text(&text) else {
            return;
        };
        u.set_lang("zh-CN");
        if let Some(v) = chinese_voice() {
            u.set_voice(Some(&v));
        }
        let end = Closure::<dyn Fn()>::new(move || set_speaking.set(false));
        u.set_onend(Some(end.as_ref().unchecked_ref()));
        end.forget();
        synth.speak(&u);
        set_speaking.set(true);
    };
    view! {
        <Show when=move || available.get()>
            <button type="button" class="tool" aria-pressed=move || speaking.get().to_string() on:click=toggle>
                {move || if speaking.get() { "停止朗读" } else { "朗读" }}
            </button>
        </Show>
    }
}
