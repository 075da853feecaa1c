//! Reusable pieces of the page, one component per file.

mod calc_result;
mod data_gate;
mod load_failed;
mod page_tools;
mod poster;
mod qr_dialog;
mod read_aloud;
pub mod section_link;
mod site_footer;
mod site_header;
mod static_fragment;
mod text_size;
mod visit_fields;

pub use calc_result::CalcResult;
pub use data_gate::DataGate;
pub use load_failed::LoadFailed;
pub use page_tools::PageTools;
pub use poster::Poster;
pub use qr_dialog::QrDialog;
pub use read_aloud::ReadAloud;
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
pub use static_fragment::StaticFragment;
pub use text_size::{TextSize, TextSizeControl};
pub use visit_fields::VisitFields;
