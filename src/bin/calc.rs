//! The calculator bundle's entry point (`/calc/`). Its main module is the engine and the answer shown
//! before the app (`zhengcetong::calc_early`): an amount typed into the build's form is answered as soon
//! as this has run. The app itself (Leptos, the whole form, the steps with their clauses) is the chunk
//! of the split point `app_code`, fetched at once and mounted when it comes; its own split points (the
//! page tools' panels, the part computed after the pause) are a chunk loaded when the page is idle or on
//! first use. See `zhengcetong::lazy`.

use leptos::prelude::*;

zhengcetong::split_point!(lazy, tools_code -> zhengcetong::components::ToolsCode);
zhengcetong::split_point!(lazy, later_code -> zhengcetong::components::LaterCode);
zhengcetong::split_point!(app, app_code -> crate::AppCode);

/// The app chunk's table: the one function that mounts the app.
struct AppCode {
    mount: fn(),
}

impl Default for AppCode {
    fn default() -> Self {
        Self { mount: mount_app }
    }
}

fn mount_app() {
    zhengcetong::mount_begun(|| {
        view! { <zhengcetong::CalcApp tools_code=tools_code later_code=later_code /> }
    });
}

fn main() {
    zhengcetong::begin();
    zhengcetong::calc_early::start();
    // A chunk that cannot be fetched leaves the build's page, and the answer above keeps answering; the
    // loader (public/loader.js) is told, and offers 重试.
    wasm_bindgen_futures::spawn_local(async {
        match zhengcetong::lazy::load(app_code).await {
            Ok(code) => (code.mount)(),
            Err(_) => zhengcetong::dom::tell_loader_failed(),
        }
    });
}
