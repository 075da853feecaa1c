//! Citations as people read them: a step's source (`huining-83#a5-s3-2-1`) as its 文号 and clause number
//! in the document's own numbering, and as the library's link. One definition for the app's result and
//! the build's worked example.

use crate::params::profile;

pub use policy_content::citation::clause_label;

/// The 文号 of document `doc` as the profile's parameters cite it.
fn doc_number(profile_id: &str, doc: &str) -> Option<String> {
    profile(profile_id)?
        .params
        .iter()
        .flat_map(|p| p.source.iter().chain(p.clause.iter()))
        .find(|s| s.doc == doc)
        .map(|s| s.number.clone())
}

/// `huining-83#a5-s3-2-1` as `县委办发〔2018〕83号 附件5 三（二）1` (the 文号 from the profile's citations).
pub fn clause_ref(profile_id: &str, source: &str) -> Option<String> {
    let (doc, section) = source.split_once('#')?;
    let number = doc_number(profile_id, doc)?;
    Some(format!("{number} {}", clause_label(section)))
}

/// `huining-83#a5-s3-2-1` as the library URL `/docs/huining-83/#a5-s3-2-1`.
pub fn source_href(source: &str) -> Option<String> {
    policy_content::citation::key_href(source)
}
