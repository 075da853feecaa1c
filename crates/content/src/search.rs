//! Chinese full-text search: the index built at build time (every section's text plus a
//! character-bigram inverted index) and the query side that runs in the browser.
//!
//! **Matching.** Index and query normalize text the same way ([`normalize`]): full-width letters and
//! digits folded to ASCII, ASCII lowercased, whitespace and punctuation dropped (、，。；：！？“”‘’
//! 《》（）【】〔〕「」『』·—… and their ASCII and full-width forms; a `.` between two digits is a
//! decimal point and stays). So `3000元` finds `3000 元` and `３０００元`, `先诊疗后付费` finds
//! `先诊疗、后付费` and `“先诊疗，后付费”`, and `甘卫发[2018]165号` finds `甘卫发〔2018〕165号`.
//! Whitespace in the query separates terms, and a section must contain every term. Snippets show the
//! text as written, the match marked from its first to its last character (punctuation inside it
//! included).
//!
//! **Ranking** ([`Hit::score`]), each rule deciding only when the ones before it tie:
//! 1. the documents' own text before the site's 编者注 (editorial notes: see
//!    [`crate::model::RenderedDoc::editorial_sections`]), which only describe the text;
//! 2. more query terms found in the section's heading;
//! 3. more occurrences of the terms in heading and text;
//! 4. shorter sections (in steps of 8 characters);
//! 5. document order (the library's order, then the sections' order in their document).
//!
//! **Regions.** Every hit carries its document's region (front matter `region`, stored once per
//! document in the index), and [`SearchIndex::search_in`] can keep only the documents of one of the
//! [`REGION_FILTERS`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Characters of a snippet, about.
const SNIPPET_CHARS: usize = 60;
/// Characters of context before the first match in a snippet.
const SNIPPET_BEFORE: usize = 20;

/// The examples the search page offers under the search box, each a query that finds something in
/// the library (a test checks every one against the real documents).
pub const SUGGESTIONS: &[&str] = &[
    "3000元",
    "大病保险",
    "先诊疗后付费",
    "家庭医生签约",
    "85%",
    "一站式结算",
];

/// A choice of the search page's region filter (kept in the address as `&r=<key>`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RegionFilter {
    /// The value in the address: short ASCII, stable (it may be printed on posters).
    pub key: &'static str,
    /// The label on the page.
    pub label: &'static str,
    /// The place: a document is kept when its region names it (`甘肃省` keeps the province's own
    /// documents and those of every county in it; `会宁县` only the county's).
    pub place: &'static str,
}

/// The region filters, in the order the page shows them (after 全部, no filter).
pub const REGION_FILTERS: &[RegionFilter] = &[
    RegionFilter {
        key: "huining",
        label: "会宁",
        place: "会宁县",
    },
    RegionFilter {
        key: "dezhou",
        label: "德州",
        place: "德州市",
    },
    RegionFilter {
        key: "gansu",
        label: "甘肃",
        place: "甘肃省",
    },
    RegionFilter {
        key: "meishan",
        label: "眉山",
        place: "眉山市",
    },
];

impl RegionFilter {
    /// The filter with this address key, if any (an unknown or empty key means no filter).
    pub fn by_key(key: &str) -> Option<&'static RegionFilter> {
        REGION_FILTERS.iter().find(|f| f.key == key)
    }

    /// Whether a document of `region` (e.g. `甘肃省白银市会宁县`) is kept.
    pub fn covers(&self, region: &str) -> bool {
        region.contains(self.place)
    }
}

/// A document in the index.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocRef {
    /// Slug.
    #[serde(rename = "s")]
    pub slug: String,
    /// Short title.
    #[serde(rename = "t")]
    pub title: String,
    /// 文号.
    #[serde(rename = "n")]
    pub number: String,
    /// Region, as in the front matter (e.g. `甘肃省白银市会宁县`).
    #[serde(rename = "r")]
    pub region: String,
}

/// A section in the index.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Index into [`SearchIndex::docs`].
    #[serde(rename = "d")]
    pub doc: u16,
    /// Section id (the anchor on the document page).
    #[serde(rename = "i")]
    pub id: String,
    /// Heading text.
    #[serde(rename = "t")]
    pub title: String,
    /// Body text, as written (the query side normalizes it).
    #[serde(rename = "b")]
    pub text: String,
    /// Whether the section is the site's 编者注 or under it (in the JSON only when true).
    #[serde(rename = "e", default, skip_serializing_if = "std::ops::Not::not")]
    pub editorial: bool,
}

/// The search index, serialized to JSON for the browser.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchIndex {
    /// Documents.
    #[serde(rename = "d")]
    pub docs: Vec<DocRef>,
    /// Sections, in document order.
    #[serde(rename = "x")]
    pub sections: Vec<Entry>,
    /// Normalized character bigram → ascending indices of the sections whose normalized title or
    /// text contains it.
    #[serde(rename = "p")]
    pub postings: BTreeMap<String, Vec<u32>>,
}

/// A piece of a snippet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fragment {
    /// The text, as written in the document.
    pub text: String,
    /// Whether it is a match of the query.
    pub hit: bool,
}

/// One search result: a section of a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Document slug.
    pub slug: String,
    /// Document short title.
    pub doc_title: String,
    /// Document 文号.
    pub doc_number: String,
    /// The document's region (e.g. `甘肃省白银市会宁县`): whose rule this is.
    pub region: String,
    /// Whether the section is the site's 编者注 (editorial note), not the document's own text.
    pub editorial: bool,
    /// Section id.
    pub section_id: String,
    /// Section heading.
    pub section_title: String,
    /// About 60 characters around the first match in the section's text, the matches marked
    /// (the text's first characters, unmarked, when only the title matches).
    pub snippet: Vec<Fragment>,
    /// Higher is better: the document's own text before editorial notes, then more terms in the
    /// heading, then more occurrences, then shorter sections (see the module documentation).
    pub score: u32,
}

impl Hit {
    /// The link to the section: `/docs/<slug>/#<section_id>`.
    pub fn href(&self) -> String {
        format!("/docs/{}/#{}", self.slug, self.section_id)
    }
}

/// Folds one character's width and case: full-width ASCII to half-width, ASCII lowercased.
fn fold(c: char) -> char {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    c.to_ascii_lowercase()
}

/// Whether a folded character is left out of matching: whitespace and punctuation (but see
/// [`normalize_mapped`] for the decimal point).
fn ignored(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            ',' | '.'
                | ';'
                | ':'
                | '!'
                | '?'
                | '"'
                | '\''
                | '('
                | ')'
                | '['
                | ']'
                | '-'
                | '、'
                | '。'
                | '｡'
                | '､'
                | '“'
                | '”'
                | '‘'
                | '’'
                | '《'
                | '》'
                | '〈'
                | '〉'
                | '【'
                | '】'
                | '〔'
                | '〕'
                | '〖'
                | '〗'
                | '「'
                | '」'
                | '『'
                | '』'
                | '·'
                | '・'
                | '—'
                | '–'
                | '―'
                | '…'
        )
}

/// The normalized form of `s`, as the index and the query see it.
pub fn normalize(s: &str) -> String {
    normalize_mapped(s).0.into_iter().collect()
}

/// Normalized characters of `s`, each with the byte range in `s` of the character it came from.
/// A `.` stays when both its neighbours are digits (a decimal point: `7.5` is not `75`).
pub(crate) fn normalize_mapped(s: &str) -> (Vec<char>, Vec<(usize, usize)>) {
    let folded: Vec<(usize, char, usize)> = s
        .char_indices()
        .map(|(i, c)| (i, fold(c), c.len_utf8()))
        .collect();
    let digit = |k: Option<&(usize, char, usize)>| k.is_some_and(|&(_, c, _)| c.is_ascii_digit());
    folded
        .iter()
        .enumerate()
        .filter(|&(k, &(_, c, _))| {
            !ignored(c)
                || (c == '.' && k > 0 && digit(folded.get(k - 1)) && digit(folded.get(k + 1)))
        })
        .map(|(_, &(i, c, len))| (c, (i, i + len)))
        .unzip()
}

pub(crate) fn bigrams(chars: &[char]) -> impl Iterator<Item = String> + '_ {
    chars.windows(2).map(|w| w.iter().collect())
}

/// Start positions of every occurrence of `needle` in `hay` (overlapping ones too).
fn occurrences(hay: &[char], needle: &[char]) -> Vec<usize> {
    if needle.is_empty() || needle.len() > hay.len() {
        return Vec::new();
    }
    (0..=hay.len() - needle.len())
        .filter(|&i| hay[i..i + needle.len()] == *needle)
        .collect()
}

/// Elements of both ascending lists.
fn intersect(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// The score: the document's own text beats an editorial note, a title match beats any number of
/// occurrences, which beat a shorter section. Packed into one number: not editorial (1 bit), terms
/// found in the title (7 bits), occurrences (12 bits), shortness in steps of 8 characters (12 bits).
pub(crate) fn rank(
    editorial: bool,
    title_terms: usize,
    occurrences: usize,
    text_chars: usize,
) -> u32 {
    let own = u32::from(!editorial);
    let title = title_terms.min(0x7f) as u32;
    let count = occurrences.min(0xfff) as u32;
    let short = 0xfff - (text_chars / 8).min(0xfff) as u32;
    (own << 31) | (title << 24) | (count << 12) | short
}

impl SearchIndex {
    /// Builds the index over every section of every document.
    #[cfg(feature = "build")]
    pub fn build(docs: &[crate::model::RenderedDoc]) -> Self {
        let mut index = Self::default();
        for doc in docs {
            let m = &doc.meta;
            let d = index.add_doc(&m.slug, &m.short_title, &m.doc_number, &m.region);
            for (s, editorial) in doc.sections.iter().zip(doc.editorial_sections()) {
                index.add_section(d, &s.id, &s.title, &s.text, editorial);
            }
        }
        index
    }

    #[cfg(any(feature = "build", test))]
    fn add_doc(&mut self, slug: &str, title: &str, number: &str, region: &str) -> u16 {
        self.docs.push(DocRef {
            slug: slug.into(),
            title: title.into(),
            number: number.into(),
            region: region.into(),
        });
        u16::try_from(self.docs.len() - 1).expect("fewer than 65536 documents")
    }

    #[cfg(any(feature = "build", test))]
    fn add_section(&mut self, doc: u16, id: &str, title: &str, text: &str, editorial: bool) {
        let n = u32::try_from(self.sections.len()).expect("fewer than 2^32 sections");
        let mut grams = std::collections::BTreeSet::new();
        for part in [title, text] {
            let chars: Vec<char> = normalize(part).chars().collect();
            grams.extend(bigrams(&chars));
        }
        for g in grams {
            self.postings.entry(g).or_default().push(n);
        }
        self.sections.push(Entry {
            doc,
            id: id.into(),
            title: title.into(),
            text: text.into(),
            editorial,
        });
    }

    /// Sections that may contain every term: the intersection of the postings of the terms'
    /// bigrams (every section when all terms are single characters).
    fn candidates(&self, terms: &[Vec<char>]) -> Vec<u32> {
        let mut result: Option<Vec<u32>> = None;
        for gram in terms.iter().flat_map(|t| bigrams(t)) {
            let Some(list) = self.postings.get(&gram) else {
                return Vec::new();
            };
            let next = match result {
                None => list.clone(),
                Some(prev) => intersect(&prev, list),
            };
            if next.is_empty() {
                return next;
            }
            result = Some(next);
        }
        result.unwrap_or_else(|| (0..self.sections.len() as u32).collect())
    }

    /// The sections whose title or text contains every whitespace-separated term of `query`, best
    /// first (see [`Hit::score`]; ties in document order), at most `limit`.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        self.search_in(query, None, limit)
    }

    /// [`Self::search`], keeping only the documents `region` covers (all with `None`).
    pub fn search_in(&self, query: &str, region: Option<&RegionFilter>, limit: usize) -> Vec<Hit> {
        let terms = query_terms(query);
        if terms.is_empty() {
            return Vec::new();
        }
        let mut hits: Vec<(u32, Hit)> = Vec::new();
        for n in self.candidates(&terms) {
            let Some(entry) = self.sections.get(n as usize) else {
                continue;
            };
            let Some(doc) = self.docs.get(entry.doc as usize) else {
                continue;
            };
            if region.is_some_and(|r| !r.covers(&doc.region)) {
                continue;
            }
            if let Some(hit) = hit_in(doc, entry, &terms) {
                hits.push((n, hit));
            }
        }
        hits.sort_by(|a, b| b.1.score.cmp(&a.1.score).then(a.0.cmp(&b.0)));
        hits.into_iter().take(limit).map(|(_, h)| h).collect()
    }
}

/// The normalized, distinct, non-empty whitespace-separated terms of `query`.
pub(crate) fn query_terms(query: &str) -> Vec<Vec<char>> {
    let mut terms: Vec<Vec<char>> = Vec::new();
    for t in query.split_whitespace() {
        let (t, _) = normalize_mapped(t);
        if !t.is_empty() && !terms.contains(&t) {
            terms.push(t);
        }
    }
    terms
}

/// The hit for section `entry` of `doc` if its title or text contains every term (normalized), with
/// its snippet and score.
pub(crate) fn hit_in(doc: &DocRef, entry: &Entry, terms: &[Vec<char>]) -> Option<Hit> {
    let (title, _) = normalize_mapped(&entry.title);
    let (text, spans) = normalize_mapped(&entry.text);
    let (mut title_terms, mut count, mut matches) = (0, 0, Vec::new());
    for t in terms {
        let in_title = occurrences(&title, t).len();
        let in_text = occurrences(&text, t);
        if in_title == 0 && in_text.is_empty() {
            return None;
        }
        title_terms += usize::from(in_title > 0);
        count += in_title + in_text.len();
        matches.extend(in_text.into_iter().map(|i| (i, i + t.len())));
    }
    Some(Hit {
        slug: doc.slug.clone(),
        doc_title: doc.title.clone(),
        doc_number: doc.number.clone(),
        region: doc.region.clone(),
        editorial: entry.editorial,
        section_id: entry.id.clone(),
        section_title: entry.title.clone(),
        snippet: snippet(&entry.text, &spans, matches),
        score: rank(entry.editorial, title_terms, count, text.len()),
    })
}

/// About [`SNIPPET_CHARS`] characters of `text` from a little before the first match, every match
/// inside marked. `spans` map normalized positions to byte ranges of `text`; `matches` are
/// normalized `(start, end)` positions.
fn snippet(
    text: &str,
    spans: &[(usize, usize)],
    mut matches: Vec<(usize, usize)>,
) -> Vec<Fragment> {
    let plain = |s: &str| Fragment {
        text: s.to_string(),
        hit: false,
    };
    matches.sort_unstable();
    let Some(&(first, first_end)) = matches.first() else {
        // Only the title matched: the start of the text.
        let cut: String = text.chars().take(SNIPPET_CHARS).collect();
        let more = if cut.len() < text.len() { "…" } else { "" };
        return if cut.is_empty() {
            Vec::new()
        } else {
            vec![plain(&format!("{cut}{more}"))]
        };
    };
    let start = first.saturating_sub(SNIPPET_BEFORE);
    let end = (start + SNIPPET_CHARS).max(first_end).min(spans.len());
    let mut out = Vec::new();
    if start > 0 {
        out.push(plain("…"));
    }
    // From the text's first byte at its start (leading punctuation included), and up to the next
    // matched character or the text's end (trailing punctuation included).
    let mut at = if start == 0 { 0 } else { spans[start].0 };
    for (s, e) in matches {
        if e > end {
            break;
        }
        let (b0, b1) = (spans[s].0, spans[e - 1].1);
        if b0 < at {
            // Overlaps the previous match: extend it.
            if let Some(last) = out.last_mut().filter(|f: &&mut Fragment| f.hit) {
                if b1 > at {
                    last.text.push_str(&text[at..b1]);
                    at = b1;
                }
            }
            continue;
        }
        if b0 > at {
            out.push(plain(&text[at..b0]));
        }
        out.push(Fragment {
            text: text[b0..b1].to_string(),
            hit: true,
        });
        at = b1;
    }
    let stop = spans.get(end).map_or(text.len(), |s| s.0);
    if stop > at {
        out.push(plain(&text[at..stop]));
    }
    if end < spans.len() {
        out.push(plain("…"));
    }
    // Join neighbouring pieces of the same kind.
    out.into_iter()
        .fold(Vec::new(), |mut acc: Vec<Fragment>, f| {
            match acc.last_mut() {
                Some(last) if last.hit == f.hit => last.text.push_str(&f.text),
                _ => acc.push(f),
            }
            acc
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One document with sections `(id, title, text)`.
    fn index(sections: &[(&str, &str, &str)]) -> SearchIndex {
        let mut idx = SearchIndex::default();
        let d = idx.add_doc("a", "甲", "甲发〔2018〕1号", "甘肃省");
        for (id, title, text) in sections {
            idx.add_section(d, id, title, text, id.starts_with("ed"));
        }
        idx
    }

    fn ids(hits: &[Hit]) -> Vec<&str> {
        hits.iter().map(|h| h.section_id.as_str()).collect()
    }

    /// The snippet with matches in [brackets].
    fn marked(hit: &Hit) -> String {
        hit.snippet
            .iter()
            .map(|f| {
                if f.hit {
                    format!("[{}]", f.text)
                } else {
                    f.text.clone()
                }
            })
            .collect()
    }

    #[test]
    fn normalizes_width_case_and_space() {
        for (raw, want) in [
            ("3000 元", "3000元"),
            ("３０００元", "3000元"),
            ("ＡＢｃ\u{3000}d", "abcd"),
            ("大病\n保险", "大病保险"),
            ("（一）", "一"),
            ("“先诊疗、后付费”", "先诊疗后付费"),
            ("先诊疗，后付费；一站式。", "先诊疗后付费一站式"),
            ("《办法》【注】〔2018〕「甲」『乙』‘丙’", "办法注2018甲乙丙"),
            ("a,b.c;d:e!f?g\"h'i(j)k[l]m-n", "abcdefghijklmn"),
            ("！？：；（）［］－", ""),
            ("健康·扶贫——2018–2020…", "健康扶贫20182020"),
            ("7.5万，共3.", "7.5万共3"),
            ("７．５％", "7.5%"),
            ("12,000元", "12000元"),
        ] {
            assert_eq!(normalize(raw), want, "{raw}");
        }
    }

    #[test]
    fn ranks_title_then_count_then_shorter() {
        let idx = index(&[
            (
                "long",
                "其他",
                "大病保险。大病保险。这一节比较长，写了很多很多别的内容。",
            ),
            ("short", "其他", "大病保险。大病保险。"),
            ("once", "其他", "大病保险。"),
            ("title", "大病保险", "见下。"),
            ("none", "其他", "无关内容"),
        ]);
        assert_eq!(
            ids(&idx.search("大病保险", 10)),
            vec!["title", "short", "long", "once"]
        );
        assert_eq!(ids(&idx.search("大病保险", 2)), vec!["title", "short"]);
        // Lengths within one 8-character step tie, and ties keep document order.
        let idx = index(&[("b", "其他", "大病保险！"), ("a", "其他", "大病保险。。")]);
        assert_eq!(ids(&idx.search("大病保险", 10)), vec!["b", "a"]);
    }

    #[test]
    fn finds_normalized_forms() {
        let idx = index(&[
            ("s1", "总则", "超过 3000 元的部分由医疗救助解决。"),
            ("s2", "限额", "年度限额３０００元。"),
            ("s3", "其他", "3000人"),
        ]);
        for q in ["3000元", "３０００元", "3000 元 ", "３０００ 元"] {
            assert_eq!(ids(&idx.search(q, 10)), vec!["s2", "s1"], "{q}");
        }
        assert!(idx.search("大病保险", 10).is_empty());
        assert!(idx.search("   ", 10).is_empty());
        assert!(idx.search("", 10).is_empty());
    }

    #[test]
    fn punctuation_is_ignored_and_the_snippet_marks_across_it() {
        let idx = index(&[
            ("s1", "其他", "实行“先诊疗、后付费”和“一站式”结算。"),
            ("s2", "先诊疗，后付费", "见上。"),
            ("s3", "其他", "先诊疗后付费。"),
            ("s4", "其他", "比例7.5%，共75人。"),
        ]);
        for q in [
            "先诊疗后付费",
            "先诊疗、后付费",
            "“先诊疗，后付费”",
            "先诊疗 后付费",
        ] {
            assert_eq!(ids(&idx.search(q, 10)), vec!["s2", "s3", "s1"], "{q}");
        }
        let hits = idx.search("先诊疗后付费", 10);
        assert_eq!(marked(&hits[2]), "实行“[先诊疗、后付费]”和“一站式”结算。");
        assert_eq!(
            marked(&idx.search("一站式结算", 10)[0]),
            "实行“先诊疗、后付费”和“[一站式”结算]。"
        );
        assert_eq!(ids(&idx.search("7.5%", 10)), vec!["s4"]);
        assert_eq!(marked(&idx.search("75", 10)[0]), "比例7.5%，共[75]人。");
        assert!(idx.search("、", 10).is_empty());
        assert!(idx.search("“ ”", 10).is_empty());
    }

    #[test]
    fn editorial_notes_rank_below_the_text() {
        let idx = index(&[
            ("s1", "其他", "3000元。"),
            ("ed-notes", "3000元", "3000元，3000元，3000元。"),
            ("s2", "其他", "3000元，3000元。"),
        ]);
        let hits = idx.search("3000", 10);
        assert_eq!(ids(&hits), vec!["s2", "s1", "ed-notes"]);
        assert_eq!(
            hits.iter().map(|h| h.editorial).collect::<Vec<_>>(),
            [false, false, true]
        );
    }

    #[test]
    fn region_filters_keep_their_documents() {
        let mut idx = SearchIndex::default();
        for (slug, region) in [
            ("g", "甘肃省"),
            ("h", "甘肃省白银市会宁县"),
            ("d", "山东省德州市"),
            ("m", "四川省眉山市"),
        ] {
            let d = idx.add_doc(slug, slug, "甲发〔2018〕1号", region);
            idx.add_section(d, "s1", "其他", "体检", false);
        }
        let slugs = |r: Option<&RegionFilter>| -> Vec<String> {
            idx.search_in("体检", r, 10)
                .into_iter()
                .map(|h| format!("{}:{}", h.slug, h.region))
                .collect()
        };
        assert_eq!(
            slugs(None),
            [
                "g:甘肃省",
                "h:甘肃省白银市会宁县",
                "d:山东省德州市",
                "m:四川省眉山市"
            ]
        );
        for (key, want) in [
            ("huining", &["h:甘肃省白银市会宁县"][..]),
            ("gansu", &["g:甘肃省", "h:甘肃省白银市会宁县"]),
            ("dezhou", &["d:山东省德州市"]),
            ("meishan", &["m:四川省眉山市"]),
        ] {
            let f = RegionFilter::by_key(key).unwrap();
            assert_eq!(slugs(Some(f)), want, "{key}");
        }
        assert_eq!(RegionFilter::by_key(""), None);
        assert_eq!(RegionFilter::by_key("beijing"), None);
    }

    #[test]
    fn terms_are_anded_and_single_characters_scan() {
        let idx = index(&[
            ("s1", "甲", "先诊疗后付费，一站式结算"),
            ("s2", "乙", "先诊疗后付费"),
            ("s3", "一站式", "结算"),
        ]);
        assert_eq!(ids(&idx.search("先诊疗 一站式", 10)), vec!["s1"]);
        assert_eq!(ids(&idx.search("结算 一站式", 10)), vec!["s3", "s1"]);
        assert_eq!(ids(&idx.search("费", 10)), vec!["s2", "s1"]);
        assert_eq!(ids(&idx.search("乙", 10)), vec!["s2"]);
        assert!(idx.search("先诊疗 住院", 10).is_empty());
    }

    #[test]
    fn snippets_mark_the_text_as_written() {
        let ten = "一二三四五六七八九十";
        let long = format!("{}大病保险{}", ten.repeat(3), ten.repeat(6));
        let idx = index(&[
            (
                "s1",
                "总则",
                "前文。超过 3000 元的部分由医疗救助解决，3000元以下自付。",
            ),
            ("s2", "长", &long),
            ("s3", "大病保险", "只在标题。"),
        ]);
        let hits = idx.search("3000元", 10);
        assert_eq!(
            marked(&hits[0]),
            "前文。超过 [3000 元]的部分由医疗救助解决，[3000元]以下自付。"
        );
        let hits = idx.search("大病保险", 10);
        assert_eq!(ids(&hits), vec!["s3", "s2"]);
        assert_eq!(marked(&hits[0]), "只在标题。");
        assert_eq!(
            marked(&hits[1]),
            format!("…{0}{0}[大病保险]{0}{0}{0}一二三四五六…", ten)
        );
        // Overlapping matches of two terms are marked as one.
        let hits = idx.search("3000 000元", 10);
        assert_eq!(
            marked(&hits[0]),
            "前文。超过 [3000 元]的部分由医疗救助解决，[3000元]以下自付。"
        );
    }

    #[test]
    fn hits_link_to_the_section() {
        let idx = index(&[("s2-1", "总则", "大病保险")]);
        let hit = &idx.search("大病", 5)[0];
        assert_eq!(hit.href(), "/docs/a/#s2-1");
        assert_eq!(
            (hit.doc_title.as_str(), hit.doc_number.as_str()),
            ("甲", "甲发〔2018〕1号")
        );
    }

    #[test]
    fn index_json_is_compact_and_round_trips() {
        let idx = index(&[("s1", "总则", "大病保险")]);
        let json = serde_json::to_string(&idx).unwrap();
        assert_eq!(
            json,
            r#"{"d":[{"s":"a","t":"甲","n":"甲发〔2018〕1号","r":"甘肃省"}],"x":[{"d":0,"i":"s1","t":"总则","b":"大病保险"}],"p":{"保险":[0],"大病":[0],"总则":[0],"病保":[0]}}"#
        );
        let back: SearchIndex = serde_json::from_str(&json).unwrap();
        assert_eq!(back, idx);
        assert_eq!(ids(&back.search("大病", 5)), vec!["s1"]);
        // An editorial section says so; the others do not spend bytes on it.
        let idx = index(&[("s1", "总则", "甲"), ("ed-fixes", "文字修正", "乙")]);
        let json = serde_json::to_string(&idx).unwrap();
        assert!(
            json.contains(r#"{"d":0,"i":"s1","t":"总则","b":"甲"}"#)
                && json.contains(r#"{"d":0,"i":"ed-fixes","t":"文字修正","b":"乙","e":true}"#),
            "{json}"
        );
        let back: SearchIndex = serde_json::from_str(&json).unwrap();
        assert_eq!(back, idx);
    }
}
