//! A query made ready to look up: its normalized terms and, for each, the grams whose posting lists are
//! read.

use crate::search::{grams, query_terms};
use crate::shards::{Lookup, Manifest};

/// At most this many grams are looked up per term (a long 文号 has a dozen trigrams; a few of them spread
/// over it narrow the candidates enough, and the text confirms the rest).
const GRAMS_PER_TERM: usize = 4;
/// The longest gram in the postings.
pub(crate) const MAX_GRAM: usize = 3;

/// A query, ready to look up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    pub(crate) terms: Vec<Vec<char>>,
    /// For each term, the grams looked up, each with where it starts in the term.
    pub(crate) grams: Vec<Vec<(usize, String)>>,
    /// The query read as a name ([`Lookup`]), when it is one.
    pub(crate) lookup: Option<Lookup>,
    /// The words looked for where they may not be the query as typed: a 文号 alone said with 年 or 第, or
    /// without its brackets (甘政发2018年34号 had found nothing where 甘政发〔2018〕34号 found where it is
    /// cited), as printed.
    pub(crate) looked_for: Option<String>,
}

impl Plan {
    /// Whether the query names a document by its 文号 alone ([`Lookup::is_document`]).
    pub fn names_a_document(&self) -> bool {
        self.lookup.as_ref().is_some_and(Lookup::is_document)
    }

    /// The plan for `query` (whitespace separates terms; normalized as the index is; a 文号 said with 年
    /// looked for as printed: [`Plan::looked_for`]).
    pub fn new(query: &str) -> Self {
        let lookup = Lookup::of(query);
        // Its key is the issuer, the year's four digits and the serial: the year put back in its brackets.
        let looked_for = lookup.as_ref().filter(|l| l.is_document()).and_then(|l| {
            let k = &l.key;
            let at = k.bytes().position(|b| b.is_ascii_digit())?;
            let serial = k
                .get(at + 4..)
                .filter(|s| s.bytes().next().is_some_and(|b| b.is_ascii_digit()))?;
            Some([&k[..at], "〔", &k[at..at + 4], "〕", serial].concat())
        });
        let terms = query_terms(looked_for.as_deref().unwrap_or(query));
        let grams = terms.iter().map(|t| term_grams(t)).collect();
        Plan {
            terms,
            grams,
            lookup,
            looked_for,
        }
    }

    /// Whether the query has no term (only spaces or punctuation).
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Whether the posting lists alone decide, count and rank every hit (every term is itself a gram).
    pub fn exact(&self) -> bool {
        self.terms.iter().all(|t| t.len() <= MAX_GRAM)
    }

    /// The gram shards this query reads.
    pub fn gram_shards(&self, m: &Manifest) -> Vec<u32> {
        let mut out: Vec<u32> = self
            .grams
            .iter()
            .flatten()
            .map(|(_, g)| m.gram_shard(g))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// The grams of a term that are looked up: the term itself when it has one to three characters; of a
/// longer term, trigrams covering it (from its start every third character, and its last three), at most
/// [`GRAMS_PER_TERM`] spread over it, leaving out all-digit trigrams (`201`, `018`: in every date) while
/// two others remain. Each with its start in the term.
pub(crate) fn term_grams(term: &[char]) -> Vec<(usize, String)> {
    if term.len() <= MAX_GRAM {
        return vec![(0, term.iter().collect())];
    }
    let all: Vec<String> = grams(term, MAX_GRAM).collect();
    let mut starts: Vec<usize> = (0..=term.len() - MAX_GRAM).step_by(MAX_GRAM).collect();
    if starts.last() != Some(&(term.len() - MAX_GRAM)) {
        starts.push(term.len() - MAX_GRAM);
    }
    let mut out: Vec<(usize, String)> = Vec::new();
    for s in starts {
        if !out.iter().any(|(_, g)| *g == all[s]) {
            out.push((s, all[s].clone()));
        }
    }
    if out.len() > GRAMS_PER_TERM {
        let digits = |g: &str| g.chars().all(|c| c.is_ascii_digit());
        if out.iter().filter(|(_, g)| !digits(g)).count() >= 2 {
            out.retain(|(_, g)| !digits(g));
        }
    }
    if out.len() > GRAMS_PER_TERM {
        let n = out.len();
        out = (0..GRAMS_PER_TERM)
            .map(|i| out[i * (n - 1) / (GRAMS_PER_TERM - 1)].clone())
            .collect();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_said_with_its_year_is_looked_for_as_printed() {
        let printed = Plan::new("甘政发〔2018〕34号");
        for query in [
            "甘政发2018年34号",
            "甘政发2018年第34号",
            " 甘政发2018年34 号",
            "甘政发201834号",
        ] {
            let plan = Plan::new(query);
            assert_eq!(plan.terms, printed.terms, "{query}");
            assert_eq!(
                plan.looked_for.as_deref(),
                Some("甘政发〔2018〕34号"),
                "{query}"
            );
        }
        assert_eq!(printed.looked_for.as_deref(), Some("甘政发〔2018〕34号"));
        // Words with 年 that are no 文号, a 文号 with a clause, one without its year: as typed.
        for query in [
            "2018年6月",
            "会卫计发2018年203号 三（一）",
            "甘政发18年34号",
            "83号文件",
            "甘卫发165号",
        ] {
            assert_eq!(Plan::new(query).looked_for, None, "{query}");
        }
    }

    #[test]
    fn short_terms_are_their_own_gram_and_long_ones_are_covered_by_trigrams() {
        for (term, want) in [
            ("医", vec!["医"]),
            ("体检", vec!["体检"]),
            ("先诊疗", vec!["先诊疗"]),
            ("大病保险", vec!["大病保", "病保险"]),
            ("3000元", vec!["300", "00元"]),
            ("先诊疗后付费", vec!["先诊疗", "后付费"]),
            ("县委办发201883号", vec!["县委办", "发20", "188", "83号"]),
            ("甘卫发2018165号", vec!["甘卫发", "201", "816", "65号"]),
            ("甘卫发2018165号文件", vec!["甘卫发", "5号文", "号文件"]),
        ] {
            let chars: Vec<char> = term.chars().collect();
            let got: Vec<String> = term_grams(&chars).into_iter().map(|(_, g)| g).collect();
            assert_eq!(got, want, "{term}");
        }
    }

    #[test]
    fn each_gram_comes_with_its_start_in_the_term() {
        for (term, want) in [
            ("医", vec![0]),
            ("3000元", vec![0, 2]),
            ("先诊疗后付费", vec![0, 3]),
            ("县委办发201883号", vec![0, 3, 6, 8]),
        ] {
            let chars: Vec<char> = term.chars().collect();
            let got: Vec<usize> = term_grams(&chars).into_iter().map(|(at, _)| at).collect();
            assert_eq!(got, want, "{term}");
        }
    }
}
