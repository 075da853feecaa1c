//! Citations as people read them: a step's source (`huining-83#a5-s3-2-1`) as its 文号 and clause number
//! in the document's own numbering, and as the library's link. One definition for the app's result and
//! the build's worked example.

use crate::params::profile;

/// A section id as its clause number in the document's own numbering: `s3-1-2-6` is 三（一）2（6）,
/// `a5-s3-2-1` is 附件5 三（二）1 (levels 一、 （一） 1. （1）, as the documents number them).
pub fn clause_label(section: &str) -> String {
    const CN: [&str; 21] = [
        "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三",
        "十四", "十五", "十六", "十七", "十八", "十九", "二十",
    ];
    let mut out = String::new();
    let mut parts = section.split('-').peekable();
    if let Some(a) = parts.peek().and_then(|p| p.strip_prefix('a')) {
        out.push_str(&format!("附件{a} "));
        parts.next();
    }
    let mut first = true;
    for (depth, part) in parts.enumerate() {
        let part = if first {
            first = false;
            part.trim_start_matches('s')
        } else {
            part
        };
        let Ok(n) = part.parse::<usize>() else {
            return section.to_string();
        };
        let cn = CN.get(n).copied().unwrap_or(part);
        match depth {
            0 => out.push_str(cn),
            1 => out.push_str(&format!("（{cn}）")),
            2 => out.push_str(part),
            _ => out.push_str(&format!("（{part}）")),
        }
    }
    out.trim_end().to_string()
}

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
