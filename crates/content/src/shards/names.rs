//! Clauses, tables and documents by the names people copy off paper: a clause's number (`三（一）`,
//! `附件5 三（一）11`), a table's (`附表 3-4`), a 文号 (`会卫计发〔2018〕203号`), or a 文号 and a clause together
//! as a poster's 出处 prints them. The documents' text does not hold these as written (a clause's number
//! is made of its headings' numbers), so the text search finds only the site's notes that mention them;
//! a name is looked up apart, and what it opens is answered above the hits.

use serde::{Deserialize, Serialize};

use crate::citation::{annex_in_figures, clause_id, clause_label};
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
            more: Vec::new(),
        }
    }

    /// Whether it is in `region` (every region when `None`).
    fn in_region(&self, region: Option<&RegionFilter>) -> bool {
        region.is_none_or(|f| f.covers(&self.doc.region))
    }
}

/// A query read as a name: the key to look up, and the 文号 of the only document it may be in, when the
/// query gives one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lookup {
    /// The name's key ([`Named::key`]).
    pub key: String,
    /// The document's 文号 before (or after) a clause or table, as its key ([`number_key`]:
    /// `会卫计发2018203号`, or `甘卫发165号`, or its serial alone as people shorten it, `203号`).
    pub number: Option<String>,
    /// The clause's or table's name as typed after a 文号 (said when the document has none such).
    pub said: String,
}

impl Lookup {
    /// `query` as a name: a 文号 alone; a clause number ([`clause_id`]) or a table's or annex's name (from
    /// 附表 or 附件), alone or after (or before) a 文号; after a 文号, also a clause number however written
    /// (`第三条`, `三`: answered with the document when it has none such). The 文号 as people write it too:
    /// without its year, with 年 or 第, or its serial alone ([`number_key`]). A source line as the site
    /// prints it is read whole: `出处：会卫计发〔2018〕203号 三（一）　会宁县…· 2018年6月20日` (its lead word
    /// and what follows the full-width space are left out). `None` for any other query.
    pub fn of(query: &str) -> Option<Lookup> {
        let mut query = query.trim();
        if let Some(rest) = LEAD_WORDS.iter().find_map(|w| query.strip_prefix(w)) {
            query = rest.trim_start_matches([':', '：']).trim_start();
        }
        let query = query.split(['　', '·']).next().unwrap_or_default().trim();
        let numbers = crate::docnum::find_all(query);
        let (number, rest) = match numbers.as_slice() {
            [] => match loose_number(query) {
                Some(at) => (Some(number_key(&query[..at])), after_number(&query[at..])),
                None => (None, query),
            },
            [(range, number)] => (
                Some(number_key(number)),
                // The clause before or after it (a space between).
                if range.start == 0 {
                    after_number(&query[range.end..])
                } else {
                    &query[..range.start]
                },
            ),
            _ => return None,
        };
        let rest = rest.trim();
        if rest.is_empty() {
            return number.map(|n| Lookup {
                key: normalize(&n),
                number: None,
                said: String::new(),
            });
        }
        let key = match clause_id(rest) {
            Some(id) => normalize(&clause_label(&id)),
            None if rest.starts_with("附表") || rest.starts_with("附件") => {
                normalize(&annex_in_figures(rest))
            }
            None if number.is_some() && clause_like(rest) => normalize(rest),
            None => return None,
        };
        Some(Lookup {
            key,
            number,
            said: rest.to_string(),
        })
    }

    /// Whether it names a document by its 文号 alone (however written), no clause with it: when nothing
    /// is found, the library does not hold that document.
    pub fn is_document(&self) -> bool {
        self.said.is_empty()
    }

    /// The keys whose names shards it reads: its name's, and its document's when it gives a 文号.
    pub fn keys(&self) -> Vec<String> {
        std::iter::once(self.key.clone())
            .chain(self.doc_key())
            .collect()
    }

    /// The key of the document its 文号 names ([`doc_names`]), when it gives one.
    fn doc_key(&self) -> Option<String> {
        self.number.as_deref().map(normalize)
    }

    /// What it opens in `region`, from the names under each key (`names`, from its shards: see
    /// [`Lookup::keys`]): the names in its document, if it gives one; else, when that document has no
    /// such clause or table, the document itself, saying so (a 文号 with a mistyped clause had found
    /// nothing to open).
    pub(crate) fn answer<'a>(
        &self,
        names: impl Fn(&str) -> Vec<&'a Named>,
        region: Option<&RegionFilter>,
    ) -> Vec<Hit> {
        let in_document = |n: &Named| {
            self.number
                .as_ref()
                .is_none_or(|want| number_keys(&n.doc.number).contains(want))
        };
        let found: Vec<Hit> = names(&self.key)
            .into_iter()
            .filter(|n| n.key == self.key && n.in_region(region) && in_document(n))
            .map(Named::hit)
            .collect();
        if !found.is_empty() || self.said.is_empty() {
            return found;
        }
        let Some(key) = self.doc_key() else {
            return found;
        };
        names(&key)
            .into_iter()
            .filter(|n| n.key == key && n.id.is_empty() && n.in_region(region))
            .map(|n| {
                let mut hit = n.hit();
                hit.section_title =
                    format!("{}（文件里没有找到“{}”）", hit.section_title, self.said);
                hit
            })
            .collect()
    }
}

/// What follows a 文号 in a query, without the word people add for the document itself (`83号文`,
/// `83号文件 三（二）`: a cadre's way of saying it had found nothing).
fn after_number(rest: &str) -> &str {
    let rest = rest.trim_start();
    DOC_WORDS
        .iter()
        .find_map(|w| rest.strip_prefix(w))
        .unwrap_or(rest)
}

/// The words said right after a 文号 for the document ([`after_number`]), longest first.
const DOC_WORDS: [&str; 2] = ["文件", "文"];

/// The words the site prints before a source (a poster's 出处, a step's 原文, a summary's 依据), which a
/// person copying the line types too.
const LEAD_WORDS: [&str; 3] = ["出处", "原文", "依据"];

/// Characters a 文号's key leaves out: whitespace aside, the year's brackets in every spelling, and the 年
/// and 第 people say (`会卫计发2018年第203号`).
const NUMBER_NOISE: &str = "〔〕[]［］()（）【】年第";

/// A 文号 as the key it is found by: without whitespace and [`NUMBER_NOISE`] (`会卫计发2018203号`).
fn number_key(number: &str) -> String {
    number
        .chars()
        .filter(|c| !c.is_whitespace() && !NUMBER_NOISE.contains(*c))
        .collect()
}

/// The keys a document's 文号 is found by ([`number_key`]): whole, without its year (`甘卫发165号`), without
/// its issuer (`〔2018〕165号`, `2018 165号`: a trainer's audit found it answered with no document), and its
/// serial alone (`165号`).
fn number_keys(number: &str) -> Vec<String> {
    let number = crate::docnum::normalize(number);
    let mut keys = vec![number_key(&number)];
    if let (Some((issuer, dated)), Some(serial)) = (number.split_once('〔'), serial(&number)) {
        keys.push(format!("{issuer}{serial}"));
        keys.push(number_key(dated));
        keys.push(serial.to_string());
    }
    keys
}

/// Where a 文号 written loosely ends when `query` begins with one: up to its first 号, which follows a
/// digit, before which stand only an issuer's characters, digits and [`NUMBER_NOISE`] (`甘卫发165号`,
/// `会卫计发2018年203号`, `203号`).
fn loose_number(query: &str) -> Option<usize> {
    let at = query.find('号')?;
    let key = number_key(&query[..at]);
    let issuer = key.trim_end_matches(|c: char| c.is_ascii_digit());
    let fits = issuer.len() < key.len()
        && issuer.chars().count() <= 8
        && issuer
            .chars()
            .all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    fits.then(|| at + '号'.len_utf8())
}

/// Whether `text` after a 文号 is a clause's number however written (`第三条`, `三`, `（二）`): short, and
/// only numerals, brackets and the words for a clause.
fn clause_like(text: &str) -> bool {
    text.chars().count() <= 10
        && text.chars().all(|c| {
            c.is_ascii_digit() || "一二三四五六七八九十百〇第条款项章节（）()、.． ".contains(c)
        })
}

/// A 文号's serial (`203号` of `会卫计发〔2018〕203号`).
fn serial(number: &str) -> Option<&str> {
    number.rsplit_once('〕').map(|(_, s)| s)
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

/// The names of `doc` itself: its 文号 as people write it ([`number_keys`]), which open the whole document
/// (`甘卫发〔2018〕165号 全文`; its title is on the answer's next line).
pub fn doc_names(doc: &DocRef) -> Vec<Named> {
    number_keys(&doc.number)
        .into_iter()
        .map(|name| Named {
            key: normalize(&name),
            doc: doc.clone(),
            id: String::new(),
            title: format!("{} 全文", doc.number),
            text: String::new(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::Lookup;
    use crate::search::normalize;

    #[test]
    fn queries_read_as_names() {
        // The name as the documents' readers write it (its key), the 文号 or serial it is in, and the name
        // as typed.
        let look = |name: &str, number: Option<&str>, said: &str| {
            Some(Lookup {
                key: normalize(name),
                number: number.map(str::to_string),
                said: said.to_string(),
            })
        };
        for (query, want) in [
            ("三（一）", look("三（一）", None, "三（一）")),
            (" 三(一) ", look("三（一）", None, "三(一)")),
            (
                "附件5 三（一）11",
                look("附件5 三（一）11", None, "附件5 三（一）11"),
            ),
            ("附表 3-4", look("附表 3-4", None, "附表 3-4")),
            ("附件4 附表", look("附件4 附表", None, "附件4 附表")),
            // Numerals as people write them.
            ("附件五", look("附件5", None, "附件五")),
            ("附件四 附表", look("附件4 附表", None, "附件四 附表")),
            (
                "附件五 三（一）十一",
                look("附件5 三（一）11", None, "附件五 三（一）十一"),
            ),
            ("三（一）十一", look("三（一）11", None, "三（一）十一")),
            ("会卫计发〔2018〕203号", look("会卫计发2018203号", None, "")),
            ("会卫计发[2018]203号", look("会卫计发2018203号", None, "")),
            ("203号", look("203号", None, "")),
            (
                "会卫计发〔2018〕203号 三（一）",
                look("三（一）", Some("会卫计发2018203号"), "三（一）"),
            ),
            (
                "三（一） 会卫计发〔2018〕203号",
                look("三（一）", Some("会卫计发2018203号"), "三（一）"),
            ),
            (
                "县委办发〔2018〕83号 附件5 三（一）11",
                look(
                    "附件5 三（一）11",
                    Some("县委办发201883号"),
                    "附件5 三（一）11",
                ),
            ),
            (
                "83号 附件5 三（一）11",
                look("附件5 三（一）11", Some("83号"), "附件5 三（一）11"),
            ),
            (
                "出处：会卫计发〔2018〕203号 三（一）　会宁县卫生和计划生育局 · 2018年6月20日",
                look("三（一）", Some("会卫计发2018203号"), "三（一）"),
            ),
            (
                "原文：县委办发〔2018〕83号 附件5 三（一）11",
                look(
                    "附件5 三（一）11",
                    Some("县委办发201883号"),
                    "附件5 三（一）11",
                ),
            ),
            ("甘卫发165号", look("甘卫发165号", None, "")),
            ("会卫计发2018年第203号", look("会卫计发2018203号", None, "")),
            (
                "会卫计发〔2018〕203号 第三条",
                look("第三条", Some("会卫计发2018203号"), "第三条"),
            ),
            (
                "会卫计发〔2018〕203号 三",
                look("三", Some("会卫计发2018203号"), "三"),
            ),
            // The document said with it, as cadres say it.
            ("83号文", look("83号", None, "")),
            ("83号文件", look("83号", None, "")),
            (
                "县委办发〔2018〕83号文件 三（二）",
                look("三（二）", Some("县委办发201883号"), "三（二）"),
            ),
            (
                "165号文 一、（四）2",
                look("一（四）2", Some("165号"), "一、（四）2"),
            ),
            ("第三条", None),
            ("三", None),
            ("大病保险", None),
            ("会卫计发〔2018〕203号 大病保险", None),
            ("3000元", None),
            ("号", None),
        ] {
            assert_eq!(Lookup::of(query), want, "{query}");
        }
    }

    #[test]
    fn a_document_named_alone() {
        let names_a_document = |q: &str| Lookup::of(q).is_some_and(|l| l.is_document());
        for (query, alone) in [
            ("国卫财务发〔2016〕26号", true),
            ("国卫财务发[2016]26号", true),
            ("83号文件", true),
            ("县委办发〔2018〕83号 三（二）", false),
            ("大病保险", false),
        ] {
            assert_eq!(names_a_document(query), alone, "{query}");
        }
    }
}
