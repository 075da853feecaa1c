//! The reader bundle's entry point (home, library, documents, search, about): mounts the app, with its
//! split points (the page tools' panels; the search's code, on the search page alone; see
//! `zhengcetong::lazy`). Everything else lives in the library so tests can use it.

use leptos::prelude::*;

zhengcetong::split_point!(lazy, tools_code -> zhengcetong::components::ToolsCode);
zhengcetong::split_point!(search, search_code -> zhengcetong::search_code::SearchCode);

fn main() {
    zhengcetong::mount(
        || view! { <zhengcetong::ReaderApp tools_code=tools_code search_code=search_code /> },
    );
}
