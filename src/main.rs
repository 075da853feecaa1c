//! The reader bundle's entry point (home, library, documents, search, about): mounts the app, with its
//! split point (the page tools' panels; see `zhengcetong::lazy`). Everything else lives in the library so
//! tests can use it.

use leptos::prelude::*;

zhengcetong::split_point!(lazy, tools_code -> zhengcetong::components::ToolsCode);

fn main() {
    zhengcetong::mount(|| view! { <zhengcetong::ReaderApp tools_code=tools_code /> });
}
