//! One component per route.

mod about;
mod check;
mod doc;
mod home;
mod library;
mod not_found;
mod search;
mod self_check;
mod villages;

pub use about::AboutPage;
pub use check::CheckPage;
pub use doc::DocPage;
pub use home::HomePage;
pub use library::LibraryPage;
pub use not_found::NotFound;
pub use search::SearchPage;
pub use self_check::SelfCheckPage;
pub use villages::VillagesPage;
