//! The shapes of the data files (`content/eligibility.toml`, `content/forms/*.toml`, `content/quiz.toml`,
//! `content/villages.toml`) and their build-time checks. `build.rs` includes this module by path, parses the
//! TOML into these types, validates them and writes postcard; the library reads that back into the same
//! types. Nothing here depends on anything but serde and the content crate's citation type.

pub mod citation;
pub mod eligibility;
pub mod form;
pub mod quiz;
pub mod villages;

pub use citation::{Citation, Cited, DataError, Library};
