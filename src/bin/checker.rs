//! The checker bundle's entry point (`/check/`, `/self-check/`, `/villages/`): mounts the app once the
//! page's data is in, with its split point (the page tools' panels; see `zhengcetong::lazy`).

use leptos::prelude::*;

zhengcetong::split_point!(lazy, tools_code -> zhengcetong::components::ToolsCode);

fn main() {
    zhengcetong::mount_after(zhengcetong::checker_data(), || {
        view! { <zhengcetong::CheckerApp tools_code=tools_code /> }
    });
}
