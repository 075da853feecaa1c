//! Splitting a document file into its TOML front matter and its Markdown body, and checking the
//! front matter is complete.

use crate::error::ContentError;
use crate::model::FrontMatter;

/// Splits `src` (the file `file`) into front matter and body.
pub fn split_front_matter<'a>(
    file: &str,
    src: &'a str,
) -> Result<(FrontMatter, &'a str), ContentError> {
    let missing = || ContentError::FrontMatterMissing {
        file: file.to_string(),
    };
    let rest = src.strip_prefix("+++").ok_or_else(missing)?;
    let rest = rest
        .strip_prefix('\n')
        .or_else(|| rest.strip_prefix("\r\n"))
        .ok_or_else(missing)?;
    let end = rest.find("\n+++").ok_or_else(missing)?;
    let toml_src = &rest[..end];
    let body = rest[end + 4..].trim_start_matches(['\r', '\n']);
    let meta: FrontMatter =
        toml::from_str(toml_src).map_err(|e| ContentError::FrontMatterInvalid {
            file: file.to_string(),
            message: e.to_string(),
        })?;
    validate(file, &meta)?;
    Ok((meta, body))
}

fn validate(file: &str, m: &FrontMatter) -> Result<(), ContentError> {
    let bad = |message: String| {
        Err(ContentError::FrontMatterInvalid {
            file: file.to_string(),
            message,
        })
    };
    for (name, value) in [
        ("slug", &m.slug),
        ("title", &m.title),
        ("short_title", &m.short_title),
        ("doc_number", &m.doc_number),
        ("date", &m.date),
        ("province", &m.province),
        ("region", &m.region),
        ("summary", &m.summary),
        ("source", &m.source),
    ] {
        if value.trim().is_empty() {
            return bad(format!("{name} is empty"));
        }
    }
    if m.issuers.is_empty() || m.issuers.iter().any(|i| i.trim().is_empty()) {
        return bad("issuers is empty".into());
    }
    if !m
        .slug
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return bad(format!("slug {:?} must be lowercase ASCII", m.slug));
    }
    let d: Vec<&str> = m.date.split('-').collect();
    let ok = d.len() == 3
        && d[0].len() == 4
        && d[1].len() == 2
        && d[2].len() == 2
        && d.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
        && (1..=12).contains(&d[1].parse::<u32>().unwrap_or(0))
        && (1..=31).contains(&d[2].parse::<u32>().unwrap_or(0));
    if !ok {
        return bad(format!("date {:?} is not YYYY-MM-DD", m.date));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "+++\nslug = \"a\"\ntitle = \"标题\"\nshort_title = \"短\"\ndoc_number = \"甘卫发〔2018〕165号\"\nissuers = [\"甲\"]\ndate = \"2018-05-10\"\nprovince = \"甘肃省\"\nregion = \"甘肃省\"\nlevel = \"省\"\nsummary = \"说明\"\nsource = \"seed\"\n+++\n\n正文\n";

    #[test]
    fn splits_good_file() {
        let (m, body) = split_front_matter("a.md", GOOD).unwrap();
        assert_eq!(m.slug, "a");
        assert_eq!(body, "正文\n");
    }

    fn case(from: &str, to: &str, want_msg: &str) {
        let src = GOOD.replace(from, to);
        let err = split_front_matter("a.md", &src).unwrap_err();
        assert!(err.to_string().contains(want_msg), "{from} -> {to}: {err}");
    }

    #[test]
    fn rejects_bad_front_matter() {
        case("+++\nslug", "slug", "no +++ front matter");
        case("summary = \"说明\"", "summary = \" \"", "summary is empty");
        case("issuers = [\"甲\"]", "issuers = []", "issuers is empty");
        case(
            "date = \"2018-05-10\"",
            "date = \"2018年510\"",
            "is not YYYY-MM-DD",
        );
        case("slug = \"a\"", "slug = \"A b\"", "lowercase ASCII");
        case("level = \"省\"", "level = \"乡\"", "front matter");
        case(
            "source = \"seed\"",
            "source = \"seed\"\nextra = 1",
            "front matter",
        );
    }
}
