//! placeholder
pub mod site;
