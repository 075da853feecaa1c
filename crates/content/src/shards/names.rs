//! Clauses, tables and documents by the names people copy off paper: a clause's number (`三（一）`,
//! `附件5 三（一）11`), a table's (`附表 3-4`), a 文号 (`会卫计发〔2018〕203号`), or a 文号 and a clause together
//! as a poster's 出处 prints them. The documents' text does not hold these as written (a clause's number
//! is made of its headings' numbers), so the text search finds only the site's notes that mention them;
//! a name is looked up apart, and what it opens is answered above the hits.

use serde::{Deserialize, Serialize};

use crate::citation::{clause_id, clause_label};
use crate::search::{normalize, DocRef, Fragment, Hit, RegionFilter};

/// How many characters of a clause's text its answer shows (the rest is on its page).
const OPENING_CHARS: usize = 40;

/// A name in a names shard (`n<k>.json`) and what it opens.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Named {
    /// The name, normalized as the search normalizes text ([`normalize`]).
    #[serde(rename = "k")]
    pub key: String,
    /// The document it is in (or that it is).
    #[serde(rename = "d")]
    pub doc: DocRef,
    /// The id it opens: empty for a document (its page's top).
    #[serde(rename = "i")]
    pub id: String,
    /// The name as the document's readers write it (`附件5 三（一）11`; a document's: its 文号 and 全文).
    #[serde(rename = "t")]
    pub title: String,
    /// The first words of what it opens, as written (empty for a document).
    #[serde(rename = "b", default, skip_serializing_if = "String::is_empty")]
    pub text: String,
}

impl Named {
    /// The answer as a hit: it opens [`Named::id`], its snippet the opening words, nothing marked (the
    /// name is not in the text).
    pub fn hit(&self) -> Hit {
        Hit {
            slug: self.doc.slug.clone(),
            doc_title: self.doc.title.clone(),
            doc_number: self.doc.number.clone(),
            region: self.doc.region.clone(),
            editorial: false,
            section_id: self.id.clone(),
            anchor: self.id.clone(),
            section_title: self.title.clone(),
            snippet: (!self.text.is_empty())
                .then(|| Fragment {
                    text: self.text.clone(),
                    hit: false,
                })
                .into_iter()
                .collect(),
            score: 0,
        }
    }

    /// Whether it answers `lookup` in `region` (every region when `None`).
    pub(crate) fn answers(&self, lookup: &Lookup, region: Option<&RegionFilter>) -> bool {
        self.key == lookup.key
            && lookup
                .number
                .as_ref()
                .is_none_or(|n| *n == crate::docnum::normalize(&self.doc.number))
            && region.is_none_or(|f| f.covers(&self.doc.region))
    }
}

/// A query read as a name: the key to look up, and the 文号 (normalized: [`crate::docnum::normalize`])
/// of the only document it may be in, when the query gives one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lookup {
    /// The name's key ([`Named::key`]).
    pub key: String,
    /// The document's 文号, when a clause or table follows one.
    pub number: Option<String>,
}

impl Lookup {
    /// `query` as a name: a 文号 alone; a clause number ([`clause_id`]) or a table's or annex's name (from
    /// 附表 or 附件), alone or after (or before) a 文号. `None` for any other query.
    pub fn of(query: &str) -> Option<Lookup> {
        let query = query.trim();
        let numbers = crate::docnum::find_all(query);
        let (number, rest) = match numbers.as_slice() {
            [] => (None, query.to_string()),
            [(range, number)] => (
                Some(number.clone()),
                format!("{}{}", &query[..range.start], &query[range.end..]),
            ),
            _ => return None,
        };
        let rest = rest.trim();
        if rest.is_empty() {
            return number.map(|n| Lookup {
                key: normalize(&n),
                number: None,
            });
        }
        let key = match clause_id(rest) {
            Some(id) => normalize(&clause_label(&id)),
            None if rest.starts_with("附表") || rest.starts_with("附件") => normalize(rest),
            None => return None,
        };
        Some(Lookup { key, number })
    }
}

/// The names of section `id` of `doc`, each with what it opens: where a reader finds it on paper
/// ([`crate::citation::place`]: a clause's number, a table's name), and for a clause of an annex, its
/// number without the annex too (`三（一）11` for `附件5 三（一）11`: a person reading the annex names it
/// so). None for an id that is neither (a row, a note).
pub fn names_of(doc: &DocRef, id: &str, text: &str) -> Vec<Named> {
    let place = crate::citation::place(&doc.slug, id);
    if place == id {
        return Vec::new();
    }
    let mut opening: String = text.chars().take(OPENING_CHARS).collect();
    if text.chars().nth(OPENING_CHARS).is_some() {
        opening.push('…');
    }
    let named = |key: String| Named {
        key,
        doc: doc.clone(),
        id: id.to_string(),
        title: place.clone(),
        text: opening.clone(),
    };
    let mut out = vec![named(normalize(&place))];
    if let Some((_, within)) = place
        .split_once(' ')
        .filter(|(annex, _)| annex.starts_with("附件") && clause_id(&place).is_some())
    {
        out.push(named(normalize(within)));
    }
    out
}

/// The name of `doc` itself: its 文号, which opens the whole document (`甘卫发〔2018〕165号 全文`; its title is
/// on the answer's next line).
pub fn doc_name(doc: &DocRef) -> Named {
    Named {
        key: normalize(&doc.number),
        doc: doc.clone(),
        id: String::new(),
        title: format!("{} 全文", doc.number),
        text: String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::Lookup;
    use crate::search::normalize;

    #[test]
    fn queries_read_as_names() {
        // The key of the name as the documents' readers write it.
        let look = |name: &str, number: Option<&str>| {
            Some(Lookup {
                key: normalize(name),
                number: number.map(str::to_string),
            })
        };
        for (query, want) in [
            ("三（一）", look("三（一）", None)),
            (" 三(一) ", look("三（一）", None)),
            ("附件5 三（一）11", look("附件5 三（一）11", None)),
            ("附表 3-4", look("附表 3-4", None)),
            ("附件4 附表", look("附件4 附表", None)),
            ("会卫计发〔2018〕203号", look("会卫计发〔2018〕203号", None)),
            ("会卫计发[2018]203号", look("会卫计发〔2018〕203号", None)),
            (
                "会卫计发〔2018〕203号 三（一）",
                look("三（一）", Some("会卫计发〔2018〕203号")),
            ),
            (
                "县委办发〔2018〕83号 附件5 三（一）11",
                look("附件5 三（一）11", Some("县委办发〔2018〕83号")),
            ),
            ("三", None),
            ("大病保险", None),
            ("会卫计发〔2018〕203号 大病保险", None),
            ("3000元", None),
        ] {
            assert_eq!(Lookup::of(query), want, "{query}");
        }
    }
}
