//! Chinese full-text search: an index built at build time (every section's text plus a character-bigram
//! inverted index) and the query side that runs in the browser. Both sides normalize text the same way:
//! full-width letters and digits folded to ASCII, ASCII lowercased, whitespace ignored, so `3000元`
//! finds `3000 元` and `３０００元`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

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
}

/// A section in the index.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Index into `docs`.
    #[serde(rename = "d")]
    pub doc: u16,
    /// Section id.
    #[serde(rename = "i")]
    pub id: String,
    /// Heading text.
    #[serde(rename = "t")]
    pub title: String,
    /// Body text.
    #[serde(rename = "b")]
    pub text: String,
}

/// The search index, serialized to `data/search.json`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchIndex {
    /// Documents.
    #[serde(rename = "d")]
    pub docs: Vec<DocRef>,
    /// Sections, in document order.
    #[serde(rename = "x")]
    pub sections: Vec<Entry>,
    /// Normalized character bigram → indices of the sections containing it (title or text).
    #[serde(rename = "p")]
    pub postings: BTreeMap<String, Vec<u32>>,
}

/// A piece of a snippet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fragment {
    /// The text.
    pub text: String,
    /// Whether it is (part of) the match.
    pub hit: bool,
}

/// One search result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Document slug.
    pub slug: String,
    /// Document short title.
    pub doc_title: String,
    /// Document 文号.
    pub doc_number: String,
    /// Section id (link to `/docs/<slug>/#<section_id>`).
    pub section_id: String,
    /// Section heading.
    pub section_title: String,
    /// About 60 characters around the first match, the match marked.
    pub snippet: Vec<Fragment>,
    /// Higher is better.
    pub score: u32,
}

/// Folds one character: full-width ASCII to half-width, ASCII lowercased; `None` for whitespace.
fn fold(c: char) -> Option<char> {
    if c.is_whitespace() {
        return None;
    }
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    Some(c.to_ascii_lowercase())
}

/// The normalized form of `s`.
pub fn normalize(s: &str) -> String {
    s.chars().filter_map(fold).collect()
}

/// Normalized characters of `s`, each with the byte range of the original character it came from.
fn normalize_mapped(s: &str) -> (Vec<char>, Vec<(usize, usize)>) {
    let mut chars = Vec::new();
    let mut spans = Vec::new();
    for (i, c) in s.char_indices() {
        if let Some(f) = fold(c) {
            chars.push(f);
            spans.push((i, i + c.len_utf8()));
        }
    }
    (chars, spans)
}

fn bigrams(chars: &[char]) -> impl Iterator<Item = String> + '_ {
    chars.windows(2).map(|w| w.iter().collect())
}

fn find(hay: &[char], needle: &[char]) -> Vec<usize> {
    if needle.is_empty() || needle.len() > hay.len() {
        return Vec::new();
    }
    (0..=hay.len() - needle.len())
        .filter(|&i| hay[i..i + needle.len()] == *needle)
        .collect()
}

impl SearchIndex {
    /// Builds the index over every section of every document.
    #[cfg(feature = "build")]
    pub fn build(docs: &[crate::model::RenderedDoc]) -> Self {
        let mut index = Self::default();
        for (d, doc) in docs.iter().enumerate() {
            index.docs.push(DocRef {
                slug: doc.meta.slug.clone(),
                title: doc.meta.short_title.clone(),
                number: doc.meta.doc_number.clone(),
            });
            for s in &doc.sections {
                let n = index.sections.len() as u32;
                let norm: Vec<char> = normalize(&format!("{}\n{}", s.title, s.text))
                    .chars()
                    .collect();
                for b in bigrams(&norm) {
                    let list = index.postings.entry(b).or_default();
                    if list.last() != Some(&n) {
                        list.push(n);
                    }
                }
                index.sections.push(Entry {
                    doc: d as u16,
                    id: s.id.clone(),
                    title: s.title.clone(),
                    text: s.text.clone(),
                });
            }
        }
        index
    }

    /// Sections that may contain every term (by bigram postings; all sections for 1-character terms).
    fn candidates(&self, terms: &[Vec<char>]) -> Vec<u32> {
        let mut result: Option<Vec<u32>> = None;
        for term in terms {
            for b in bigrams(term) {
                let list = self.postings.get(&b).cloned().unwrap_or_default();
                result = Some(match result {
                    None => list,
                    Some(prev) => prev
                        .into_iter()
                        .filter(|x| list.binary_search(x).is_ok())
                        .collect(),
                });
            }
        }
        result.unwrap_or_else(|| (0..self.sections.len() as u32).collect())
    }

    /// The sections containing every whitespace-separated term of `query`, best first, at most `limit`.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let terms: Vec<Vec<char>> = query
            .split_whitespace()
            .map(|t| normalize(t).chars().collect::<Vec<char>>())
            .filter(|t| !t.is_empty())
            .collect();
        if terms.is_empty() {
            return Vec::new();
        }
        let mut hits = Vec::new();
        for n in self.candidates(&terms) {
            let Some(e) = self.sections.get(n as usize) else {
                continue;
            };
            let (title, _) = normalize_mapped(&e.title);
            let (text, spans) = normalize_mapped(&e.text);
            let mut score = 0u32;
            let mut all = true;
            let mut first: Option<(usize, usize)> = None;
            for t in &terms {
                let in_title = find(&title, t).len() as u32;
                let at = find(&text, t);
                if in_title == 0 && at.is_empty() {
                    all = false;
                    break;
                }
                score += in_title * 1000 + at.len() as u32 * 10;
                if first.is_none() {
                    first = at.first().map(|&i| (i, t.len()));
                }
            }
            if !all {
                continue;
            }
            score += 9 - (text.len() / 400).min(9) as u32;
            let doc = &self.docs[e.doc as usize];
            hits.push((
                n,
                Hit {
                    slug: doc.slug.clone(),
                    doc_title: doc.title.clone(),
                    doc_number: doc.number.clone(),
                    section_id: e.id.clone(),
                    section_title: e.title.clone(),
                    snippet: snippet(&e.text, &spans, first),
                    score,
                },
            ));
        }
        hits.sort_by(|a, b| b.1.score.cmp(&a.1.score).then(a.0.cmp(&b.0)));
        hits.into_iter().take(limit).map(|(_, h)| h).collect()
    }
}

/// About 60 characters of `text` around the match at normalized position `at` (length `len`).
fn snippet(text: &str, spans: &[(usize, usize)], at: Option<(usize, usize)>) -> Vec<Fragment> {
    let Some((i, len)) = at else {
        let cut: String = text.chars().take(60).collect();
        let more = if cut.len() < text.len() { "…" } else { "" };
        return vec![Fragment {
            text: format!("{cut}{more}"),
            hit: false,
        }];
    };
    let m0 = spans[i].0;
    let m1 = spans[i + len - 1].1;
    let before: Vec<(usize, char)> = text[..m0].char_indices().collect();
    let s0 = before.len().saturating_sub(20);
    let start = before.get(s0).map_or(m0, |(b, _)| *b);
    let end = text[m1..]
        .char_indices()
        .nth(40)
        .map_or(text.len(), |(b, _)| m1 + b);
    let mut out = Vec::new();
    let lead = if start > 0 { "…" } else { "" };
    out.push(Fragment {
        text: format!("{lead}{}", &text[start..m0]),
        hit: false,
    });
    out.push(Fragment {
        text: text[m0..m1].to_string(),
        hit: true,
    });
    let tail = if end < text.len() { "…" } else { "" };
    out.push(Fragment {
        text: format!("{}{tail}", &text[m1..end]),
        hit: false,
    });
    out.retain(|f| !f.text.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(sections: &[(&str, &str, &str)]) -> SearchIndex {
        let mut idx = SearchIndex {
            docs: vec![DocRef {
                slug: "a".into(),
                title: "甲".into(),
                number: "甲发〔2018〕1号".into(),
            }],
            ..Default::default()
        };
        for (n, (id, title, text)) in sections.iter().enumerate() {
            let norm: Vec<char> = normalize(&format!("{title}\n{text}")).chars().collect();
            for b in bigrams(&norm) {
                let l = idx.postings.entry(b).or_default();
                if l.last() != Some(&(n as u32)) {
                    l.push(n as u32);
                }
            }
            idx.sections.push(Entry {
                doc: 0,
                id: (*id).into(),
                title: (*title).into(),
                text: (*text).into(),
            });
        }
        idx
    }

    fn ids(hits: &[Hit]) -> Vec<&str> {
        hits.iter().map(|h| h.section_id.as_str()).collect()
    }

    #[test]
    fn finds_normalized_and_ranks_title_first() {
        let idx = index(&[
            ("s1", "总则", "超过 3000 元的部分由医疗救助解决。"),
            ("s2", "医疗救助3000元", "见上。"),
            ("s3", "其他", "无关内容"),
        ]);
        assert_eq!(ids(&idx.search("3000元", 10)), vec!["s2", "s1"]);
        assert_eq!(ids(&idx.search("３０００元", 10)), vec!["s2", "s1"]);
        assert!(idx.search("大病保险", 10).is_empty());
        assert!(idx.search("   ", 10).is_empty());
    }

    #[test]
    fn terms_are_anded_and_single_characters_scan() {
        let idx = index(&[
            ("s1", "甲", "先诊疗后付费，一站式结算"),
            ("s2", "乙", "先诊疗后付费"),
        ]);
        assert_eq!(ids(&idx.search("先诊疗 一站式", 10)), vec!["s1"]);
        assert_eq!(ids(&idx.search("费", 10)), vec!["s1", "s2"]);
    }

    #[test]
    fn snippet_marks_the_original_text() {
        let idx = index(&[("s1", "总则", "前文。超过 3000 元的部分由医疗救助解决。")]);
        let hit = &idx.search("3000元", 10)[0];
        let marked: Vec<&str> = hit
            .snippet
            .iter()
            .filter(|f| f.hit)
            .map(|f| f.text.as_str())
            .collect();
        assert_eq!(marked, vec!["3000 元"]);
        assert_eq!(
            hit.snippet
                .iter()
                .map(|f| f.text.as_str())
                .collect::<String>(),
            "前文。超过 3000 元的部分由医疗救助解决。"
        );
    }

    #[test]
    fn index_round_trips_through_json() {
        let idx = index(&[("s1", "总则", "大病保险")]);
        let json = serde_json::to_string(&idx).unwrap();
        let back: SearchIndex = serde_json::from_str(&json).unwrap();
        assert_eq!(back, idx);
        assert_eq!(ids(&back.search("大病", 5)), vec!["s1"]);
    }
}
