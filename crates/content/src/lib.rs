//! The policy library: the document model (`model`), 文号 recognition (`docnum`), the search index
//! (`search`), and, behind the `build` feature, parsing and rendering Markdown (`parse`, `render`,
//! `library`). The browser only needs the model and the search query side.

pub mod docnum;
pub mod error;
pub mod model;
pub mod search;
pub mod site;

#[cfg(feature = "build")]
pub mod library;
#[cfg(feature = "build")]
pub mod parse;
#[cfg(feature = "build")]
pub mod render;

pub use error::ContentError;
