//! Checking that a citation's quote is what the cited clause says: one reader of a section's Markdown
//! source for every crate's citation tests (parameters, the ambiguity register, the checker's rules, forms,
//! quiz and village tables).
//!
//! A heading's section (`## … {#id}`) runs to the next heading of the same or a higher level; a clause
//! anchor (a paragraph starting `{#id} `) runs to the next anchor of any kind. A section's *own* text is
//! what it says before its first sub-anchor. Quotes are compared with whitespace removed.

use std::fmt;

/// Why a quote does not check out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QuoteError {
    /// The document has no `{#section}`.
    NoSection { section: String },
    /// The section does not say the quote.
    NotSaid { section: String, quote: String },
    /// The words a link to the quote carries ([`crate::mark::of_quote`]) mark other text of the section
    /// first (`marked`; empty: none).
    MarksElsewhere {
        section: String,
        quote: String,
        marked: String,
    },
}

impl fmt::Display for QuoteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoSection { section } => write!(f, "no section {{#{section}}}"),
            Self::NotSaid { section, quote } => write!(f, "#{section} does not say “{quote}”"),
            Self::MarksElsewhere {
                section,
                quote,
                marked,
            } => write!(
                f,
                "#{section}: a link to “{quote}” marks “{marked}” (make the quote start or end with words found only there)"
            ),
        }
    }
}

impl std::error::Error for QuoteError {}

/// `s` without whitespace (the documents break lines and space digits as the extraction left them).
pub fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The Markdown source of section `id` in `markdown`, sub-clauses included.
pub fn section(markdown: &str, id: &str) -> Option<String> {
    let marker = format!("{{#{id}}}");
    let lines: Vec<&str> = markdown.lines().collect();
    let start = lines.iter().position(|l| {
        let l = l.trim_end();
        (l.starts_with('#') && l.ends_with(&marker)) || l.starts_with(&format!("{marker} "))
    })?;
    let level = lines[start].chars().take_while(|&c| c == '#').count();
    let ends = |l: &str| {
        let hashes = l.chars().take_while(|&c| c == '#').count();
        if level > 0 {
            hashes > 0 && hashes <= level && l.contains("{#")
        } else {
            l.contains("{#")
        }
    };
    let end = lines[start + 1..]
        .iter()
        .position(|l| ends(l))
        .map_or(lines.len(), |p| start + 1 + p);
    Some(lines[start..end].join("\n"))
}

/// What section `id` says itself, before its first sub-anchor.
pub fn own_text(markdown: &str, id: &str) -> Option<String> {
    let body = section(markdown, id)?;
    let mut lines = body.lines();
    let first = lines.next()?.to_string();
    let rest: Vec<&str> = lines.take_while(|l| !l.contains("{#")).collect();
    Some(
        std::iter::once(first.as_str())
            .chain(rest)
            .collect::<Vec<_>>()
            .join("\n"),
    )
}

/// Whether section `id` of `markdown` says `quote`: in its own text when `own` (a quote under a parent
/// heading whose words are in a sub-clause fails), else anywhere in the section; and whether a link to it
/// marks it, first in the section ([`crate::mark`]).
pub fn verify(markdown: &str, id: &str, quote: &str, own: bool) -> Result<(), QuoteError> {
    let body = if own {
        own_text(markdown, id)
    } else {
        section(markdown, id)
    }
    .ok_or_else(|| QuoteError::NoSection { section: id.into() })?;
    if !squash(&body).contains(&squash(quote)) {
        return Err(QuoteError::NotSaid {
            section: id.into(),
            quote: quote.into(),
        });
    }
    let whole = section(markdown, id).unwrap_or_default();
    let marked = crate::mark::find(&whole, &crate::mark::of_quote(quote))
        .first()
        .map(|&(s, e)| whole[s..e].to_string())
        .unwrap_or_default();
    if crate::search::normalize(&marked) == crate::search::normalize(quote) {
        Ok(())
    } else {
        Err(QuoteError::MarksElsewhere {
            section: id.into(),
            quote: quote.into(),
            marked,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str =
        "## A {#a}\n\nintro\n\n{#a-1} first clause\n\n{#a-2} second clause\n\n## B {#b}\n\nother";

    #[test]
    fn a_section_stops_at_the_next_clause_or_heading() {
        let case = |id: &str| section(TEXT, id).unwrap();
        assert!(case("a").contains("second clause") && !case("a").contains("other"));
        assert!(case("a-1").contains("first") && !case("a-1").contains("second"));
        assert!(section(TEXT, "c").is_none());
    }

    #[test]
    fn own_text_leaves_out_sub_clauses() {
        assert_eq!(verify(TEXT, "a", "intro", true), Ok(()));
        assert_eq!(verify(TEXT, "a", "second clause", false), Ok(()));
        assert!(matches!(
            verify(TEXT, "a", "second clause", true),
            Err(QuoteError::NotSaid { .. })
        ));
        assert!(matches!(
            verify(TEXT, "zz", "x", true),
            Err(QuoteError::NoSection { .. })
        ));
        assert_eq!(verify(TEXT, "a-1", "first\n cla use", true), Ok(()));
    }
}
