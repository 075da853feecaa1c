//! The policy library: the document model (`model`), 文号 recognition (`docnum`), the search index
//! and its query side (`search`), the site's routes (`site`), the HTML escaper (`html`), the date format
//! (`date`), the citation type (`citation`), the one codec of the URL fragments (`fragment`), checking a
//! quote against its clause (`quote`), the words a clause link marks (`mark`), full-width characters read as ASCII (`width`); and, behind the
//! `build` feature, reading front matter (`parse`), rendering Markdown with pulldown-cmark (`render`) and
//! loading the whole library (`library`, also the judge of every citation). The browser only needs the
//! part without the feature: serde only.

pub mod citation;
pub mod date;
pub mod docnum;
pub mod error;
pub mod fragment;
pub mod html;
pub mod mark;
pub mod model;
pub mod numerals;
pub mod quote;
pub mod search;
pub mod shards;
pub mod site;
pub mod width;

#[cfg(feature = "build")]
pub mod library;
#[cfg(feature = "build")]
pub mod parse;
#[cfg(feature = "build")]
pub mod render;

pub use error::ContentError;
