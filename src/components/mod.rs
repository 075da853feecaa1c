//! Reusable pieces of the page, one component per file.

mod benefit_item;
mod calc_result;
mod data_gate;
mod direct_answers;
mod load_failed;
mod page_tools;
mod poster;
mod qr_dialog;
mod quiz_view;
mod read_aloud;
mod score_form;
pub mod section_link;
mod site_footer;
mod site_header;
mod static_fragment;
mod text_size;
mod town_summary;
mod visit_fields;

pub use benefit_item::BenefitItem;
pub use calc_result::{CalcLater, CalcResult, Later, LaterMemo};
pub use data_gate::DataGate;
pub use direct_answers::DirectAnswers;
pub use load_failed::LoadFailed;
pub use page_tools::PageTools;
pub use poster::Poster;
pub use qr_dialog::QrDialog;
pub use quiz_view::QuizView;
pub use read_aloud::ReadAloud;
pub use score_form::ScoreForm;
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
pub use static_fragment::StaticFragment;
pub use text_size::{TextSize, TextSizeControl};
pub use town_summary::TownSummary;
pub use visit_fields::VisitFields;
