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
//! 1. the documents' own prose, then their tables (the 附表: officials' scoring forms and task lists,
//!    whose many rows repeat a rule's words, would otherwise rank above the rule), then the site's 编者注
//!    (editorial notes: see [`crate::model::RenderedDoc::editorial_sections`]), which only describe the
//!    text ([`Tier`]);
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

mod normalize;
mod numerals;
mod region;
mod snippet;
mod split;

pub use normalize::normalize;
pub(crate) use normalize::{bigrams, grams, normalize_mapped};
pub use numerals::in_digits;
pub use region::{place_in_query, RegionFilter, REGION_FILTERS};
pub use snippet::Fragment;
pub(crate) use snippet::{snippet, Window, SNIPPET_BEFORE, SNIPPET_CHARS};
pub use split::split_words;

/// Hits per page of a search (each hit shown reads a piece of text: at 1,000 documents about 1–3 KB).
pub const HITS_PER_PAGE: usize = 10;

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

/// Words people say that the documents do not use, each with the documents' word for the same thing
/// (五保户 are 特困供养人员 in the documents). A search that finds nothing and holds one is offered the
/// documents' word (a test checks that each everyday word finds nothing in the library and its
/// documents' word finds something).
pub const EVERYDAY_WORDS: &[(&str, &str)] = &[
    ("五保户", "特困供养"),
    ("五保", "特困供养"),
    ("大病医保", "大病保险"),
    ("大病报销", "大病保险"),
    ("先看病后付钱", "先诊疗后付费"),
    ("先看病后付费", "先诊疗后付费"),
    ("先看病", "先诊疗"),
    ("先交钱", "先诊疗后付费"),
    ("住院押金", "押金"),
    ("不要押金", "免收押金"),
    ("不交押金", "免收押金"),
    ("孕妇", "孕产妇"),
    ("生孩子", "分娩"),
    ("生小孩", "分娩"),
    ("外地", "异地"),
    ("异地就医", "异地"),
    ("医保卡", "医保相关证件"),
    ("不用交押金", "押金"),
    ("住院不交钱", "先诊疗后付费"),
    ("医药费", "医疗费"),
    ("老人", "老年人"),
    ("小孩", "儿童"),
    ("低保户", "低保"),
    ("门槛费", "起付线"),
];

/// The documents' words as people mistype them (a character that sounds or looks the same: 住院抱销,
/// 建挡立卡, 白内章 found nothing and were offered nothing, a resident's audit), each with the word meant. A
/// search that finds nothing and holds one is offered the query with the word put right where it stands
/// (a test checks that each finds nothing in the documents' text and the word meant finds something).
pub const MISTYPED: &[(&str, &str)] = &[
    ("抱销", "报销"),
    ("报消", "报销"),
    ("建挡", "建档"),
    ("保验", "保险"),
    ("白内章", "白内障"),
];

/// Words people say that the documents also write otherwise, where the other writing holds what the
/// person is after (慢病 finds duty lists; the benefit, 门诊慢特病患者享受大病补偿, is written 慢特病): a
/// search that holds one is offered the documents' other word too, whatever it found (a test checks that
/// each other word finds a section of the documents' own text that the word said does not).
pub const RELATED_WORDS: &[(&str, &str)] = &[("慢病", "慢特病"), ("慢性病", "慢特病")];

/// `query` with the first word of [`RELATED_WORDS`] in it put as the documents also write it: the word it
/// had, the other word, and the query to search (the word replaced where it stands: 门诊慢病 → 门诊慢特病).
pub fn related_words(query: &str) -> Option<(String, String, String)> {
    RELATED_WORDS.iter().find_map(|&(said, written)| {
        query.contains(said).then(|| {
            (
                said.into(),
                written.into(),
                query.replacen(said, written, 1),
            )
        })
    })
}

/// Words of a question about what a bill costs the patient (看病花多少钱, 住院自己出多少钱): a search that
/// finds nothing and holds one offers the calculator, which answers it for the person's own bill.
pub const MONEY_WORDS: &[&str] = &[
    "多少钱",
    "花多少",
    "出多少",
    "付多少",
    "交多少",
    "报多少",
    "报销多少",
    "自己付",
    "自付",
];

/// Whether `query` asks what a bill costs ([`MONEY_WORDS`]).
pub fn asks_what_it_costs(query: &str) -> bool {
    MONEY_WORDS.iter().any(|w| query.contains(w))
}

/// `query` with a word mistyped in it put right where it stands ([`MISTYPED`]: 住院抱销 → 住院报销), else with
/// the first everyday word in it ([`EVERYDAY_WORDS`]) put in the documents' words: the
/// word it had, the documents' word, and the query to search instead, in which the terms that held the
/// word are the documents' word alone (看病不要押金 → 免收押金: the documents never say 看病免收押金, and a
/// term is searched as written). A word typed across terms is found too, the fewest terms holding it
/// replaced (先看病 后付钱 → 先诊疗后付费: it had been offered 先诊疗 后付钱, which finds nothing). Else an
/// amount or rate typed in words, in the documents' digits ([`in_digits`]: 三千元 → 3000元).
pub fn in_documents_words(query: &str) -> Option<(String, String, String)> {
    let terms: Vec<&str> = query.split_whitespace().collect();
    let mistyped = MISTYPED.iter().find_map(|&(said, meant)| {
        query
            .contains(said)
            .then(|| (said.into(), meant.into(), query.replace(said, meant)))
    });
    mistyped.or_else(|| {
        EVERYDAY_WORDS
            .iter()
            .find_map(|&(said, written)| {
                (1..=terms.len()).find_map(|len| {
                    (0..=terms.len() - len).find_map(|at| {
                        terms[at..at + len].concat().contains(said).then(|| {
                            let mut out = terms[..at].to_vec();
                            out.push(written);
                            out.extend(&terms[at + len..]);
                            (said.to_string(), written.to_string(), out.join(" "))
                        })
                    })
                })
            })
            .or_else(|| in_digits(query))
    })
}

/// Whether hits (best first) hold the query in the documents' own text, not only in the site's words
/// (an editors' summary or note, which rank after it): what decides whether a search found what it
/// asked, or is offered the documents' word, its words apart, or the page that answers it.
pub fn in_documents_text(hits: &[Hit]) -> bool {
    hits.first().is_some_and(|h| !h.editorial)
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
    /// Whether the section is a document's table (in the JSON only when true; see [`Tier`]).
    #[serde(rename = "f", default, skip_serializing_if = "std::ops::Not::not")]
    pub table: bool,
    /// The innermost ids of the text's runs, in order: the normalized character where each run begins
    /// and its id (a clause, a table row; see [`crate::model::Section::clauses`]; in the JSON only when
    /// there are any). A hit opens the one its first match is in.
    #[serde(rename = "a", default, skip_serializing_if = "Vec::is_empty")]
    pub clauses: Vec<(u32, String)>,
}

/// What a section is, in the order search ranks it (the first rule of [`Hit::score`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tier {
    /// The document's own text, not a table.
    Prose,
    /// A section of the document that holds a table ([`crate::model::Section::holds_table`]).
    Table,
    /// The site's words: the editors' summary, the 编者注 and what is under it.
    Editorial,
}

impl Tier {
    /// The tier of a section that is the site's words (`editorial`) or holds a table (`table`).
    pub fn of(editorial: bool, table: bool) -> Self {
        match (editorial, table) {
            (true, _) => Tier::Editorial,
            (false, true) => Tier::Table,
            (false, false) => Tier::Prose,
        }
    }

    /// How much the tier weighs in a score (the higher, the sooner).
    pub(crate) fn weight(self) -> u32 {
        match self {
            Tier::Prose => 2,
            Tier::Table => 1,
            Tier::Editorial => 0,
        }
    }
}

impl Entry {
    /// Its [`Tier`].
    pub fn tier(&self) -> Tier {
        Tier::of(self.editorial, self.table)
    }

    /// The id a hit whose first match starts at normalized character `first` of the text opens: the
    /// innermost element with an id that holds it (the last run begun at or before it, else the
    /// section's heading); the heading's when only the title matches (`None`).
    pub(crate) fn anchor(&self, first: Option<usize>) -> &str {
        first
            .and_then(|at| self.clauses.iter().rev().find(|(c, _)| *c as usize <= at))
            .map_or(&self.id, |(_, id)| id)
    }
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
    /// The id the hit opens: the innermost element with an id that holds the match its snippet shows (a
    /// clause anchor, else the section's heading).
    pub anchor: String,
    /// Section heading.
    pub section_title: String,
    /// About 60 characters around the first match in the section's text, the matches marked
    /// (the text's first characters, unmarked, when only the title matches).
    pub snippet: Vec<Fragment>,
    /// Higher is better: the document's own text before editorial notes, then more terms in the
    /// heading, then more occurrences, then shorter sections (see the module documentation).
    pub score: u32,
    /// The other clauses and rows of the section that hold every term its text holds ([`other_runs`]),
    /// in order, each as its id and as a reader finds it on paper ([`run_label`]): the hit opens one, and
    /// lists these.
    pub more: Vec<(String, String)>,
}

impl Hit {
    /// The link to the matched words: `/docs/<slug>/#<anchor>`; the document's page for a hit without
    /// an anchor (a document found by its 文号).
    pub fn href(&self) -> String {
        if self.anchor.is_empty() {
            crate::site::doc_path(&self.slug)
        } else {
            crate::citation::clause_href(&self.slug, &self.anchor)
        }
    }
}

/// Start positions of every occurrence of `needle` in `hay` (overlapping ones too).
pub(crate) fn occurrences(hay: &[char], needle: &[char]) -> Vec<usize> {
    if needle.is_empty() || needle.len() > hay.len() {
        return Vec::new();
    }
    (0..=hay.len() - needle.len())
        .filter(|&i| hay[i..i + needle.len()] == *needle)
        .collect()
}

/// Where `needle` occurs in `hay` (overlapping ones too), as `(start, end)` moved on by `offset` (where
/// `hay` begins in the whole text): one term's matches, as [`hit_with`] and [`closest`] take them.
pub(crate) fn spans_of(hay: &[char], needle: &[char], offset: usize) -> Vec<(usize, usize)> {
    occurrences(hay, needle)
        .into_iter()
        .map(|i| (offset + i, offset + i + needle.len()))
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

/// The score: the document's prose beats its tables, which beat an editorial note ([`Tier`]); a title
/// match beats any number of occurrences, which beat a shorter section. Packed into one number: the
/// tier (2 bits), terms found in the title (6 bits), occurrences (12 bits), shortness in steps of 8
/// characters (12 bits).
pub(crate) fn rank(tier: Tier, title_terms: usize, occurrences: usize, text_chars: usize) -> u32 {
    let title = title_terms.min(MAX_TITLE_TERMS) as u32;
    let count = occurrences.min(0xfff) as u32;
    let short = 0xfff - (text_chars / 8).min(0xfff) as u32;
    (tier.weight() << 30) | (title << 24) | (count << 12) | short
}

/// The most title terms a score counts (6 bits).
const MAX_TITLE_TERMS: usize = 0x3f;

impl SearchIndex {
    /// Builds the index over every section of every document.
    #[cfg(feature = "build")]
    pub fn build(docs: &[crate::model::RenderedDoc]) -> Self {
        let mut index = Self::default();
        for doc in docs {
            let m = &doc.meta;
            let d = index.add_doc(&m.slug, &m.short_title, &m.doc_number, &m.region);
            for (s, editorial) in doc.searched() {
                let tier = Tier::of(editorial, s.holds_table());
                index.add_section(d, &s.id, &s.title, &s.text, &s.clauses, tier);
            }
        }
        index
    }

    /// Adds a document (slug, short title, 文号, region); its number for [`Self::add_section`].
    #[cfg(any(feature = "build", test))]
    pub fn add_doc(&mut self, slug: &str, title: &str, number: &str, region: &str) -> u16 {
        self.docs.push(DocRef {
            slug: slug.into(),
            title: title.into(),
            number: number.into(),
            region: region.into(),
        });
        u16::try_from(self.docs.len() - 1).expect("fewer than 65536 documents")
    }

    /// Adds a section of document `doc`, after the others; `clauses` are its clause anchors, each the
    /// byte of `text` where the clause begins and its id (see [`crate::model::Section::clauses`]); `tier`
    /// what it is.
    #[cfg(any(feature = "build", test))]
    pub fn add_section(
        &mut self,
        doc: u16,
        id: &str,
        title: &str,
        text: &str,
        clauses: &[(usize, String)],
        tier: Tier,
    ) {
        let n = u32::try_from(self.sections.len()).expect("fewer than 2^32 sections");
        let spans = normalize_mapped(text).1;
        let clauses = clauses
            .iter()
            .map(|(byte, id)| {
                let at = spans.partition_point(|&(b, _)| b < *byte);
                (
                    u32::try_from(at).expect("fewer than 2^32 characters"),
                    id.clone(),
                )
            })
            .collect();
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
            editorial: tier == Tier::Editorial,
            table: tier == Tier::Table,
            clauses,
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

/// `query` with the spaces between a number's thousands taken out (`3 000元` is 3000元, `1 234 567` one
/// number, not the terms 3 and 000元); other spaces between digits separate terms (`2018 83号`, a 文号
/// typed without its brackets, is the year and the number, as the documents' `〔2018〕83号` is read:
/// [`normalize::NUMBER_BREAK`]).
pub(crate) fn digit_groups_joined(query: &str) -> String {
    let chars: Vec<char> = query.chars().collect();
    let digit = |c: &char| crate::width::half(*c).is_ascii_digit();
    // The digits standing together before and after position `i`.
    let run_before = |i: usize| chars[..i].iter().rev().take_while(|c| digit(c)).count();
    let run_after = |i: usize| chars[i..].iter().take_while(|c| digit(c)).count();
    let mut out = String::with_capacity(query.len());
    let mut joined = false;
    for (i, c) in chars.iter().enumerate() {
        if c.is_whitespace() {
            let before = chars[..i].iter().rposition(|c| !c.is_whitespace());
            let after = chars[i..]
                .iter()
                .position(|c| !c.is_whitespace())
                .map(|k| i + k);
            if let (Some(b), Some(a)) = (before, after) {
                let group = run_before(b + 1);
                // A first group of one to three digits, or a group joined to one, then three digits.
                if run_after(a) == 3 && group > 0 && (group <= 3 || joined) {
                    joined = true;
                    continue;
                }
            }
        } else if !digit(c) {
            joined = false;
        }
        out.push(*c);
    }
    out
}

/// The normalized, distinct, non-empty whitespace-separated terms of `query` (a number's spaces do not
/// separate terms: [`digit_groups_joined`]).
pub(crate) fn query_terms(query: &str) -> Vec<Vec<char>> {
    let mut terms: Vec<Vec<char>> = Vec::new();
    for t in digit_groups_joined(query).split_whitespace() {
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
    hit_in_window(doc, entry, terms, 0, None)
}

/// [`hit_in`] where `entry.text` is a window of the section's text: from normalized character `offset`
/// of `total` (`None`: the whole text). The window must hold every occurrence of the terms in the text
/// and the snippet's characters.
pub(crate) fn hit_in_window(
    doc: &DocRef,
    entry: &Entry,
    terms: &[Vec<char>],
    offset: usize,
    total: Option<usize>,
) -> Option<Hit> {
    let (title, _) = normalize_mapped(&entry.title);
    let (text, spans) = normalize_mapped(&entry.text);
    let total = total.unwrap_or(text.len());
    let (mut title_terms, mut count, mut matches) = (0, 0, Vec::new());
    for t in terms {
        let in_title = occurrences(&title, t).len();
        let in_text = spans_of(&text, t, offset);
        if in_title == 0 && in_text.is_empty() {
            return None;
        }
        title_terms += usize::from(in_title > 0);
        count += in_title + in_text.len();
        matches.push(in_text);
    }
    let window = Window {
        text: &entry.text,
        spans: &spans,
        offset,
        total,
    };
    Some(hit_with(
        doc,
        entry,
        &window,
        matches,
        rank(entry.tier(), title_terms, count, total),
    ))
}

/// The hit for section `entry` of `doc` with its score: its snippet cut from `window` around the place
/// where the terms stand closest together ([`closest`]; `matches` are each term's occurrences in the
/// text, normalized positions in the whole text as for [`snippet`]), and the anchor it opens there.
pub(crate) fn hit_with(
    doc: &DocRef,
    entry: &Entry,
    window: &Window,
    matches: Vec<Vec<(usize, usize)>>,
    score: u32,
) -> Hit {
    let runs: Vec<usize> = entry.clauses.iter().map(|c| c.0 as usize).collect();
    let focus = closest(&matches, &runs);
    let first = focus.map(|f| f.0);
    let more = other_runs(&matches, &runs, first, window.total)
        .map(|r| {
            let id = &entry.clauses[r - 1].1;
            (id.clone(), run_label(&doc.slug, id))
        })
        .collect();
    let matches = matches.into_iter().flatten().collect();
    Hit {
        slug: doc.slug.clone(),
        doc_title: doc.title.clone(),
        doc_number: doc.number.clone(),
        region: doc.region.clone(),
        editorial: entry.editorial,
        section_id: entry.id.clone(),
        anchor: entry.anchor(first).to_string(),
        section_title: entry.title.clone(),
        snippet: snippet(window, matches, focus),
        score,
        more,
    }
}

/// Run `id` of document `slug` as a reader finds it on paper: a clause by its number, a table's row by its
/// table's name and its number (附表 3-1 第5行) ([`crate::citation::place`]).
fn run_label(slug: &str, id: &str) -> String {
    match crate::model::row_of(id) {
        Some((table, n)) => format!("{} 第{n}行", crate::citation::place(slug, table)),
        None => crate::citation::place(slug, id),
    }
}

/// The most other runs a hit lists.
const MORE: usize = 8;

/// The runs of a section's text (clauses, rows: `runs` are where each begins; run `r` is the `r`th, 0 the
/// text before the first) other than the one at `first`, each holding an occurrence of every term the
/// text holds (`matches`, each term's), in order, at most [`MORE`]: a section is one hit, which opens the
/// clause where its terms stand closest, and had left the others unseen (眉山 三（一）: its 2（4） listed for
/// 白内障, and not 2（5）, 免费开展贫困人口白内障复明手术项目). In a long text (of `total` characters: one
/// the search reads a part of, [`crate::shards::LONG_STEPS`]) only the occurrences in the part `first` is
/// in count, so that the hit is the same whichever the search read.
pub(crate) fn other_runs<'a>(
    matches: &'a [Vec<(usize, usize)>],
    runs: &'a [usize],
    first: Option<usize>,
    total: usize,
) -> impl Iterator<Item = usize> + 'a {
    use crate::shards::{LONG_STEPS, PART_CHARS};
    let run = move |at: usize| runs.partition_point(|&r| r <= at);
    let own = first.map(run);
    let part = (total / 8 >= LONG_STEPS)
        .then(|| crate::shards::part_range(first.unwrap_or(0) / PART_CHARS, total));
    let counted =
        move |&(a, b): &(usize, usize)| part.is_none_or(|(from, to)| a >= from && b <= to);
    let mut held = matches.iter().filter(|m| !m.is_empty()).map(move |m| {
        m.iter()
            .filter(|x| counted(x))
            .map(|x| run(x.0))
            .collect::<Vec<_>>()
    });
    let lead = held.next().unwrap_or_default();
    let rest: Vec<Vec<usize>> = held.collect();
    let mut seen = None;
    lead.into_iter()
        .filter(move |&r| r > 0 && Some(r) != own && rest.iter().all(|t| t.contains(&r)))
        .filter(move |&r| seen.replace(r) != Some(r))
        .take(MORE)
}

/// Where a hit's terms stand closest together, as `(start, end)`: the shortest stretch of text holding an
/// occurrence of every term that occurs in it (a term in the title only has none), inside one run of the
/// text (a clause, a row: `runs` are where each begins) when one holds them all, else anywhere; the
/// earliest of the shortest. So that a hit for 医疗救助 3000元 shows, and opens, the clause where the two
/// stand together, not the first 医疗救助 of its section. `None` when no term occurs in the text.
pub(crate) fn closest(matches: &[Vec<(usize, usize)>], runs: &[usize]) -> Option<(usize, usize)> {
    let run = |at: usize| runs.partition_point(|&r| r <= at);
    let wanted = matches.iter().filter(|m| !m.is_empty()).count();
    // Every occurrence in order of its start (each term's list is in order: a merge), each ending the
    // shortest stretch that has it last: the latest occurrence of every term up to it. A stretch inside
    // one run is found so too: at its last occurrence, every term's latest is in the run.
    let mut next = vec![0; matches.len()];
    let mut last: Vec<Option<(usize, usize)>> = vec![None; matches.len()];
    let (mut best, mut best_in_run) = (None, None);
    let shorter =
        |a: Option<(usize, usize)>, b: (usize, usize)| a.is_none_or(|a| b.1 - b.0 < a.1 - a.0);
    while let Some(t) = (0..matches.len())
        .filter(|&t| next[t] < matches[t].len())
        .min_by_key(|&t| matches[t][next[t]].0)
    {
        last[t] = Some(matches[t][next[t]]);
        next[t] += 1;
        if last.iter().flatten().count() < wanted {
            continue;
        }
        let start = last.iter().flatten().map(|m| m.0).min().unwrap_or(0);
        let end = last.iter().flatten().map(|m| m.1).max().unwrap_or(0);
        let latest = last.iter().flatten().map(|m| m.0).max().unwrap_or(0);
        if shorter(best, (start, end)) {
            best = Some((start, end));
        }
        if run(start) == run(latest) && shorter(best_in_run, (start, end)) {
            best_in_run = Some((start, end));
        }
    }
    best_in_run.or(best)
}

#[cfg(test)]
mod tests;
