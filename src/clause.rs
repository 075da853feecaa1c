//! Clause numbers as the documents write them, from the section ids the library gives them, and file
//! names built from them (for QR code downloads).

pub use policy_content::citation::clause_label;

/// Where section `id` of the document being read is, as its reader finds it on paper
/// ([`policy_content::citation::place`]: 二、先锋行动四, where the number alone would say 二（四）).
pub fn place_here(id: &str) -> String {
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    let slug = policy_content::site::Page::resolve(&path).and_then(|(_, slug)| slug);
    policy_content::citation::place(slug.unwrap_or_default(), id)
}

/// Whether `id` is a section id in the documents' numbering (`s3-1`, `a5-s3-2-1`), not a free-form id.
pub fn is_numbered(id: &str) -> bool {
    let rest = match id.split_once('-') {
        Some((a, rest)) if a.starts_with('a') && a[1..].parse::<u32>().is_ok() => rest,
        _ => id,
    };
    let Some(rest) = rest.strip_prefix('s') else {
        return false;
    };
    !rest.is_empty() && rest.split('-').all(|p| p.parse::<u32>().is_ok())
}

/// A QR code download's file name from its parts (`会卫计发〔2018〕203号`, `三（一）`): see
/// [`download_name`], ending in `-二维码.<ext>`.
pub fn file_name(parts: &[&str], ext: &str) -> String {
    download_name(parts, "二维码", ext)
}

/// A download's file name from its parts, joined by `-`, then `-<what>.<ext>`, with characters no file
/// system accepts (`\ / : * ? " < > |`, controls) left out and each part at most 40 characters.
pub fn download_name(parts: &[&str], what: &str, ext: &str) -> String {
    let mut name: Vec<String> = parts
        .iter()
        .map(|p| {
            p.chars()
                .filter(|c| {
                    !c.is_control()
                        && !matches!(c, '\\' | '/' | ':' | '*' | '?' | '"' | '<' | '>' | '|')
                })
                .collect::<String>()
                .trim()
                .to_string()
        })
        .filter(|p| !p.is_empty())
        .map(|p| p.chars().take(40).collect())
        .collect();
    name.push(what.into());
    format!("{}.{ext}", name.join("-"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_legal_and_say_what_they_are() {
        for (parts, want) in [
            (
                &["会卫计发〔2018〕203号", "三（一）"][..],
                "会卫计发〔2018〕203号-三（一）-二维码.png",
            ),
            (
                &["计算器", "建档立卡贫困人口"][..],
                "计算器-建档立卡贫困人口-二维码.png",
            ),
            (&["a/b\\c:d*e?f\"g<h>i|j\u{7}"][..], "abcdefghij-二维码.png"),
            (&["", "  "][..], "二维码.png"),
        ] {
            assert_eq!(file_name(parts, "png"), want);
        }
    }

    #[test]
    fn numbered_ids() {
        for (id, yes) in [
            ("s3", true),
            ("s3-1-2", true),
            ("a5-s3-2-1", true),
            ("a5", false),
            ("readings", false),
            ("s", false),
            ("s3-x", false),
        ] {
            assert_eq!(is_numbered(id), yes, "{id}");
        }
    }
}
