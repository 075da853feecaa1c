//! Splitting a document file into its TOML front matter (between `+++` lines) and its Markdown body,
//! and checking the front matter is complete.

use crate::docnum;
use crate::error::ContentError;
use crate::model::FrontMatter;

/// Splits `src` (a whole document file) into its checked front matter and its Markdown body.
///
/// Errors are [`ContentError::FrontMatter`] with the 1-based line in `src` where known.
pub fn split_front_matter(src: &str) -> Result<(FrontMatter, &str), ContentError> {
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let mut lines = src.split_inclusive('\n');
    if lines.next().map(str::trim_end) != Some("+++") {
        return Err(error(Some(1), "the file must start with a `+++` line"));
    }
    let toml_start = src.find('\n').map_or(src.len(), |n| n + 1);
    let mut at = toml_start;
    let toml_end = loop {
        let Some(line) = lines.next() else {
            return Err(error(Some(1), "no closing `+++` line"));
        };
        if line.trim_end() == "+++" {
            break at;
        }
        at += line.len();
    };
    let toml_src = &src[toml_start..toml_end];
    // The body starts after the closing `+++` line and any blank lines.
    let body_start = src[toml_end..]
        .find('\n')
        .map_or(src.len(), |n| toml_end + n + 1);
    let body = src[body_start..].trim_start_matches(['\r', '\n']);
    // Line numbers in `src` of a position in `toml_src` (line 1 is the opening `+++`).
    let line_of = |pos: usize| 2 + toml_src[..pos.min(toml_src.len())].matches('\n').count();
    let meta: FrontMatter = toml::from_str(toml_src)
        .map_err(|e| error(e.span().map(|s| line_of(s.start)), e.message()))?;
    validate(&meta).map_err(|(key, message)| {
        let line = key_position(toml_src, key).map(line_of);
        error(line, &message)
    })?;
    Ok((meta, body))
}

fn error(line: Option<usize>, message: &str) -> ContentError {
    ContentError::FrontMatter {
        line,
        message: message.trim().to_string(),
    }
}

/// Where `key = …` starts in the TOML text.
fn key_position(toml_src: &str, key: &str) -> Option<usize> {
    let mut at = 0;
    for line in toml_src.split_inclusive('\n') {
        let rest = line.trim_start();
        if rest
            .strip_prefix(key)
            .is_some_and(|r| r.trim_start().starts_with('='))
        {
            return Some(at);
        }
        at += line.len();
    }
    None
}

/// Every field filled in, the 文号 recognisable, the date a real `YYYY-MM-DD`, the slug short ASCII.
/// On failure: the offending key and a message.
fn validate(m: &FrontMatter) -> Result<(), (&'static str, String)> {
    for (key, value) in [
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
            return Err((key, format!("`{key}` is empty")));
        }
    }
    if m.issuers.is_empty() || m.issuers.iter().any(|i| i.trim().is_empty()) {
        return Err(("issuers", "`issuers` is empty or has an empty name".into()));
    }
    let slug_ok = m.slug.as_bytes()[0].is_ascii_alphanumeric()
        && m.slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !slug_ok {
        return Err((
            "slug",
            format!(
                "slug {:?} must be lowercase ASCII letters, digits and -",
                m.slug
            ),
        ));
    }
    let whole_number = docnum::find_all(&m.doc_number)
        .first()
        .is_some_and(|(r, _)| *r == (0..m.doc_number.len()));
    if !whole_number {
        return Err((
            "doc_number",
            format!(
                "doc_number {:?} is not a 文号 like 甘卫发〔2018〕165号",
                m.doc_number
            ),
        ));
    }
    if !is_date(&m.date) {
        return Err((
            "date",
            format!("date {:?} is not a real date written YYYY-MM-DD", m.date),
        ));
    }
    Ok(())
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = &s[r];
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "+++\nslug = \"a\"\ntitle = \"标题\"\nshort_title = \"短\"\ndoc_number = \"甘卫发〔2018〕165号\"\nissuers = [\"甲\"]\ndate = \"2018-05-10\"\nprovince = \"甘肃省\"\nregion = \"甘肃省\"\nlevel = \"省\"\nsummary = \"说明\"\nsource = \"seed\"\n+++\n\n正文\n";

    #[test]
    fn splits_good_file() {
        let (m, body) = split_front_matter(GOOD).unwrap();
        assert_eq!(m.slug, "a");
        assert_eq!(m.level, crate::model::Level::Province);
        assert_eq!(body, "正文\n");
        let crlf = GOOD.replace('\n', "\r\n");
        let (m2, body) = split_front_matter(&crlf).unwrap();
        assert_eq!(m2, m);
        assert_eq!(body, "正文\r\n");
    }

    /// Replaces `from` by `to` in a good file; the error must be at `line` and mention `want`.
    fn case(from: &str, to: &str, line: Option<usize>, want: &str) {
        assert!(GOOD.contains(from), "{from}");
        let src = GOOD.replacen(from, to, 1);
        match split_front_matter(&src) {
            Err(ContentError::FrontMatter { line: l, message }) => {
                assert_eq!(l, line, "{from} -> {to}: {message}");
                assert!(message.contains(want), "{from} -> {to}: {message}");
            }
            other => panic!("{from} -> {to}: {other:?}"),
        }
    }

    #[test]
    fn rejects_bad_front_matter() {
        case("+++\nslug", "slug", Some(1), "must start with a `+++` line");
        case("+++\n\n正文", "\n正文", Some(1), "no closing `+++`");
        case(
            "summary = \"说明\"",
            "summary = \" \"",
            Some(11),
            "`summary` is empty",
        );
        case(
            "issuers = [\"甲\"]",
            "issuers = []",
            Some(6),
            "`issuers` is empty",
        );
        case(
            "date = \"2018-05-10\"",
            "date = \"2018年510\"",
            Some(7),
            "YYYY-MM-DD",
        );
        case(
            "date = \"2018-05-10\"",
            "date = \"2018-02-30\"",
            Some(7),
            "YYYY-MM-DD",
        );
        case("slug = \"a\"", "slug = \"A b\"", Some(2), "lowercase ASCII");
        case(
            "doc_number = \"甘卫发〔2018〕165号\"",
            "doc_number = \"第165号\"",
            Some(5),
            "not a 文号",
        );
        case(
            "level = \"省\"",
            "level = \"乡\"",
            Some(10),
            "unknown variant",
        );
        case(
            "source = \"seed\"",
            "source = \"seed\"\nextra = 1",
            Some(13),
            "unknown field",
        );
        case("source = \"seed\"\n", "", Some(2), "missing field `source`");
        case("title = \"标题\"", "title = 标题", Some(3), "");
    }

    #[test]
    fn dates() {
        for (s, ok) in [
            ("2018-06-20", true),
            ("2016-02-29", true),
            ("2018-02-29", false),
            ("2018-13-01", false),
            ("2018-6-20", false),
            ("2018-06-00", false),
            ("18-06-2018", false),
        ] {
            assert_eq!(is_date(s), ok, "{s}");
        }
    }
}
