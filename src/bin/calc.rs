//! The calculator bundle's entry point (`/calc/`). Its main module is the engine and the calculator
//! itself (`zhengcetong::calc_page`, without a framework), which makes the build's page the calculator as
//! soon as it runs. The comparison, the curve and the page tools are a chunk (the split points below),
//! loaded once the page is idle or on first use. See `zhengcetong::lazy`.

zhengcetong::split_point!(lazy, tools_code -> zhengcetong::components::ToolsCode);
zhengcetong::split_point!(lazy, later_code -> zhengcetong::components::LaterCode);

fn main() {
    zhengcetong::begin();
    zhengcetong::offline::register();
    zhengcetong::calc_page::start(later_code, tools_code);
}
