//! 健康扶贫政策通: the client-side web app. The pages only call the rules engine
//! (`policy_engine`), the checker (`policy_checker`) and the content model (`policy_content`).

pub mod address;
mod app;
pub mod back_place;
pub mod calc_adapter;
pub mod calc_page;
pub mod charts;
pub mod check_flow;
pub mod check_state;
pub mod clause;
pub mod compare;
pub mod components;
pub mod doc_section;
pub mod dom;
pub mod lazy;
pub mod left_place;
pub mod marked_words;
mod mount;
pub mod offline;
pub mod pages;
pub mod prerender;
pub mod print_margin;
pub mod print_section;
pub mod qr;
pub mod reading_place;
pub mod search_code;
pub mod self_check_state;
pub mod sentences;
pub mod speech;

pub use app::{checker_data, CheckerApp, ReaderApp};
pub use mount::{begin, mount, mount_after};
