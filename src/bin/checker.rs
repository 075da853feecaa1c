//! The checker bundle's entry point (`/check/`, `/self-check/`, `/villages/`): mounts the app, with its
//! split point (the page tools' panels; see `zhengcetong::lazy`).

use leptos::prelude::*;

zhengcetong::split_point!(lazy, tools_code -> zhengcetong::components::ToolsCode);

fn main() {
    zhengcetong::mount(|| view! { <zhengcetong::CheckerApp tools_code=tools_code /> });
}
