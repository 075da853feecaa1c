//! The calculator bundle's entry point (`/calc/`): mounts the app, with its split points (the page tools'
//! panels, and the code of the part computed after the pause), one chunk loaded when the page is idle or
//! on first use; see `zhengcetong::lazy`.

use leptos::prelude::*;

zhengcetong::split_point!(lazy, tools_code -> zhengcetong::components::ToolsCode);
zhengcetong::split_point!(lazy, later_code -> zhengcetong::components::LaterCode);

fn main() {
    zhengcetong::mount(|| {
        view! { <zhengcetong::CalcApp tools_code=tools_code later_code=later_code /> }
    });
}
