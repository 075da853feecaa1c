//! The search index in pieces, so that a query downloads only what it needs however large the library
//! grows: the same matching, snippets and ranking as [`crate::search`] (a test compares every answer on
//! the real library), split into files the browser fetches one by one.
//!
//! **Files** (under [`DIR`]): `index.json`, the [`Manifest`] (small; fetched once per page); then under the
//! build's version, so that a page never mixes two builds' pieces:
//! - `g<k>.bin`: gram shards. Every character and character bigram of a section's normalized title and
//!   text has a posting list (the sections that contain it, how often, whether in the title); a gram's
//!   list is in shard `fnv(gram) % shards`. A query fetches only the shards of its grams.
//! - `t<k>.json`: text shards, each a run of consecutive sections ([`Record`]s, about
//!   [`TEXT_SHARD_BYTES`] of JSON): read only for the hits shown, to confirm them and cut their snippets.
//! - `r-<key>.bin`: the sections of each [`REGION_FILTERS`] entry, fetched only when that filter is on.
//!
//! **Numbering.** Sections are numbered in rank order: the documents' own text before the 编者注, then
//! shorter first (in the index's 8-character steps), then library order. So every rule of
//! [`crate::search::Hit::score`] except the title terms and the occurrences is in the number, and the
//! posting lists (which give those two) are enough to put the candidates in order before any text is
//! read.
//!
//! **Exactness.** A term of one or two characters is found exactly by its posting list. A longer term is
//! looked up by (some of) its bigrams, which can all occur without the term, so a hit is confirmed against
//! its text before it is shown; the count is then exact once every candidate is read, and otherwise given
//! as a range ([`Page::found`], [`Page::at_most`]).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::search::{
    bigrams, hit_in, query_terms, DocRef, Entry, Hit, RegionFilter, REGION_FILTERS,
};
#[cfg(feature = "build")]
use crate::search::{normalize_mapped, SearchIndex};

/// Where the pieces are published.
pub const DIR: &str = "/data/search";
/// The manifest's address.
pub const MANIFEST_URL: &str = "/data/search/index.json";
/// About how many bytes of postings (encoded) a gram shard holds.
pub const GRAM_SHARD_BYTES: usize = 12_000;
/// A text shard is closed when its JSON reaches this many bytes.
pub const TEXT_SHARD_BYTES: usize = 3_000;
/// At most this many grams are looked up per term (a long 文号 has a dozen bigrams; a few of them
/// narrow the candidates enough, and the text confirms the rest).
const GRAMS_PER_TERM: usize = 4;

/// What a page needs first: how the pieces are cut.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// The build's index version: the folder of every other piece.
    #[serde(rename = "v")]
    pub version: String,
    /// How many gram shards there are.
    #[serde(rename = "g")]
    pub gram_shards: u32,
    /// How many sections each text shard holds, in order.
    #[serde(rename = "t")]
    pub text_sizes: Vec<u32>,
    /// The first section number of the 编者注 (every number from here is editorial).
    #[serde(rename = "e")]
    pub editorial_from: u32,
}

impl Manifest {
    /// The address of gram shard `k`.
    pub fn gram_url(&self, k: u32) -> String {
        format!("{DIR}/{}/g{k}.bin", self.version)
    }

    /// The address of text shard `k`.
    pub fn text_url(&self, k: u32) -> String {
        format!("{DIR}/{}/t{k}.json", self.version)
    }

    /// The address of a region filter's section list.
    pub fn region_url(&self, filter: &RegionFilter) -> String {
        format!("{DIR}/{}/r-{}.bin", self.version, filter.key)
    }

    /// The gram shard that holds `gram`'s list.
    pub fn gram_shard(&self, gram: &str) -> u32 {
        fnv32(gram.as_bytes()) % self.gram_shards.max(1)
    }

    /// Every address of the index (for saving the whole site).
    pub fn urls(&self) -> Vec<String> {
        let mut out = vec![MANIFEST_URL.to_string()];
        out.extend((0..self.gram_shards).map(|k| self.gram_url(k)));
        out.extend((0..self.text_sizes.len() as u32).map(|k| self.text_url(k)));
        out.extend(REGION_FILTERS.iter().map(|f| self.region_url(f)));
        out
    }
}

/// 32-bit FNV-1a: which shard a gram is in (the build and the browser must agree, nothing more).
fn fnv32(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5u32, |h, &b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// One gram's posting list.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Posting {
    /// The gram (one or two normalized characters).
    pub gram: String,
    /// Section numbers, ascending, each as the difference from the one before (the first as is).
    pub gaps: Vec<u32>,
    /// One byte per section: occurrences in title and text (at most 127), plus 128 when the gram is
    /// in the title.
    pub marks: Vec<u8>,
}

/// A gram shard: the lists of the grams that hash to it.
pub type GramShard = Vec<Posting>;

/// A section as a text shard holds it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// Its document.
    #[serde(rename = "d")]
    pub doc: DocRef,
    /// The section (its `doc` field unused: 0).
    #[serde(rename = "x")]
    pub entry: Entry,
}

/// The pieces the build writes.
#[cfg(feature = "build")]
pub struct Pieces {
    /// `index.json`.
    pub manifest: Manifest,
    /// `g<k>.bin`, by k (postcard).
    pub gram_shards: Vec<Vec<u8>>,
    /// `t<k>.json`, by k.
    pub text_shards: Vec<String>,
    /// `r-<key>.bin` (postcard list of gaps), by filter key.
    pub regions: Vec<(&'static str, Vec<u8>)>,
}

/// Ascending numbers as gaps.
#[cfg(any(feature = "build", test))]
fn gaps(sorted: &[u32]) -> Vec<u32> {
    let mut prev = 0;
    sorted
        .iter()
        .map(|&n| {
            let g = n - prev;
            prev = n;
            g
        })
        .collect()
}

/// Gaps back to ascending numbers.
fn ungap(gaps: &[u32]) -> Vec<u32> {
    let mut at = 0u32;
    gaps.iter()
        .map(|&g| {
            at = at.wrapping_add(g);
            at
        })
        .collect()
}

#[cfg(feature = "build")]
impl Pieces {
    /// Splits `index`.
    pub fn split(index: &SearchIndex) -> Self {
        use std::collections::BTreeMap;
        // Rank order: own text first, then shorter (the index's steps), then library order.
        let lens: Vec<usize> = index
            .sections
            .iter()
            .map(|s| normalize_mapped(&s.text).0.len())
            .collect();
        let mut order: Vec<usize> = (0..index.sections.len()).collect();
        order.sort_by_key(|&n| (index.sections[n].editorial, (lens[n] / 8).min(0xfff), n));
        let editorial_from = order
            .iter()
            .position(|&n| index.sections[n].editorial)
            .unwrap_or(order.len()) as u32;

        let mut lists: BTreeMap<String, (Vec<u32>, Vec<u8>)> = BTreeMap::new();
        let mut text_shards = Vec::new();
        let mut text_sizes = Vec::new();
        let mut shard: Vec<Record> = Vec::new();
        let mut shard_bytes = 0;
        let mut regions: Vec<Vec<u32>> = vec![Vec::new(); REGION_FILTERS.len()];
        for (rank, &n) in order.iter().enumerate() {
            let rank = rank as u32;
            let s = &index.sections[n];
            let doc = &index.docs[s.doc as usize];
            let mut counts: BTreeMap<String, (u32, bool)> = BTreeMap::new();
            for (part, in_title) in [(&s.title, true), (&s.text, false)] {
                let chars = normalize_mapped(part).0;
                let grams = chars.iter().map(|c| c.to_string()).chain(bigrams(&chars));
                for g in grams {
                    let e = counts.entry(g).or_default();
                    e.0 += 1;
                    e.1 |= in_title;
                }
            }
            for (g, (count, in_title)) in counts {
                let l = lists.entry(g).or_default();
                l.0.push(rank);
                l.1.push(count.min(127) as u8 | if in_title { 128 } else { 0 });
            }
            for (f, list) in REGION_FILTERS.iter().zip(&mut regions) {
                if f.covers(&doc.region) {
                    list.push(rank);
                }
            }
            let record = Record {
                doc: doc.clone(),
                entry: Entry {
                    doc: 0,
                    ..s.clone()
                },
            };
            shard_bytes += serde_json::to_string(&record).map_or(0, |j| j.len());
            shard.push(record);
            if shard_bytes >= TEXT_SHARD_BYTES {
                text_sizes.push(shard.len() as u32);
                text_shards.push(serde_json::to_string(&shard).expect("records serialize"));
                shard.clear();
                shard_bytes = 0;
            }
        }
        if !shard.is_empty() {
            text_sizes.push(shard.len() as u32);
            text_shards.push(serde_json::to_string(&shard).expect("records serialize"));
        }

        let postings: Vec<Posting> = lists
            .into_iter()
            .map(|(gram, (ranks, marks))| Posting {
                gram,
                gaps: gaps(&ranks),
                marks,
            })
            .collect();
        let total: usize = postings
            .iter()
            .map(|p| p.gram.len() + 2 * p.marks.len())
            .sum();
        let shards = total.div_ceil(GRAM_SHARD_BYTES).max(1) as u32;
        let mut by_shard: Vec<GramShard> = vec![Vec::new(); shards as usize];
        for p in postings {
            by_shard[(fnv32(p.gram.as_bytes()) % shards) as usize].push(p);
        }
        let gram_shards: Vec<Vec<u8>> = by_shard
            .iter()
            .map(|s| postcard::to_allocvec(s).expect("postings serialize"))
            .collect();

        // The version: a hash of every piece.
        let mut h = 0xcbf2_9ce4_8422_2325u64;
        let mut feed = |bytes: &[u8]| {
            for b in bytes {
                h = (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3);
            }
        };
        gram_shards.iter().for_each(|g| feed(g));
        text_shards.iter().for_each(|t| feed(t.as_bytes()));
        let regions: Vec<(&'static str, Vec<u8>)> = REGION_FILTERS
            .iter()
            .zip(regions)
            .map(|(f, list)| {
                let bytes = postcard::to_allocvec(&gaps(&list)).expect("numbers serialize");
                (f.key, bytes)
            })
            .collect();
        regions.iter().for_each(|(_, r)| feed(r));
        Pieces {
            manifest: Manifest {
                version: format!("{h:016x}"),
                gram_shards: shards,
                text_sizes,
                editorial_from,
            },
            gram_shards,
            text_shards,
            regions,
        }
    }
}

/// A query, ready to look up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    terms: Vec<Vec<char>>,
    /// For each term, the grams looked up.
    grams: Vec<Vec<String>>,
}

impl Plan {
    /// The plan for `query` (whitespace separates terms; normalized as the index is).
    pub fn new(query: &str) -> Self {
        let terms = query_terms(query);
        let grams = terms.iter().map(|t| term_grams(t)).collect();
        Plan { terms, grams }
    }

    /// Whether the query has no term (only spaces or punctuation).
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Whether the posting lists alone decide every hit (every term of one or two characters).
    fn exact(&self) -> bool {
        self.terms.iter().all(|t| t.len() <= 2)
    }

    /// The gram shards this query reads.
    pub fn gram_shards(&self, m: &Manifest) -> Vec<u32> {
        let mut out: Vec<u32> = self
            .grams
            .iter()
            .flatten()
            .map(|g| m.gram_shard(g))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// The grams of a term that are looked up: the character itself, or its distinct bigrams; of a long
/// term at most [`GRAMS_PER_TERM`], spread over it, leaving out two-digit grams (`20`, `01`: in every
/// date) while others remain.
fn term_grams(term: &[char]) -> Vec<String> {
    if term.len() == 1 {
        return vec![term[0].to_string()];
    }
    let mut grams: Vec<String> = Vec::new();
    for g in bigrams(term) {
        if !grams.contains(&g) {
            grams.push(g);
        }
    }
    if grams.len() > GRAMS_PER_TERM {
        let digits = |g: &String| g.chars().all(|c| c.is_ascii_digit());
        if grams.iter().filter(|g| !digits(g)).count() >= 2 {
            grams.retain(|g| !digits(g));
        }
    }
    if grams.len() > GRAMS_PER_TERM {
        let n = grams.len();
        grams = (0..GRAMS_PER_TERM)
            .map(|i| grams[i * (n - 1) / (GRAMS_PER_TERM - 1)].clone())
            .collect();
    }
    grams
}

/// A section that may hold every term, with what the postings say of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Candidate {
    number: u32,
    /// (own text, terms in the title, occurrences): at least the exact values.
    key: (bool, u32, u32),
}

/// One page of results.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    /// The hits shown, best first.
    pub hits: Vec<Hit>,
    /// Sections known to hold every term (all of them when [`Page::exact`]).
    pub found: usize,
    /// At most this many sections hold every term.
    pub at_most: usize,
    /// Whether more hits follow the ones shown.
    pub more: bool,
    /// Sections in the documents the region filter leaves out (0 without a filter): exact when
    /// [`Page::elsewhere_exact`], else at most this many.
    pub elsewhere: usize,
    /// Whether [`Page::elsewhere`] is exact (every term of one or two characters).
    pub elsewhere_exact: bool,
}

impl Page {
    /// Whether the count is exact.
    pub fn exact(&self) -> bool {
        self.found == self.at_most
    }
}

/// What a search needs next, or its answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// These gram shards.
    Grams(Vec<u32>),
    /// This region filter's list.
    Region(&'static RegionFilter),
    /// These text shards.
    Texts(Vec<u32>),
    /// The page.
    Done(Page),
}

/// A posting list decoded: section numbers and their marks.
type List = (Vec<u32>, Vec<u8>);

/// The pieces fetched so far (kept for the next query) and the search over them.
#[derive(Clone, Debug)]
pub struct Library {
    manifest: Manifest,
    /// Each text shard's first section number, and one past the last.
    text_starts: Vec<u32>,
    grams: HashMap<u32, HashMap<String, List>>,
    texts: HashMap<u32, Vec<Record>>,
    regions: HashMap<&'static str, Vec<u32>>,
}

impl Library {
    /// An empty library on `manifest`.
    pub fn new(manifest: Manifest) -> Self {
        let mut text_starts = vec![0];
        for s in &manifest.text_sizes {
            text_starts.push(text_starts.last().copied().unwrap_or(0) + s);
        }
        Library {
            manifest,
            text_starts,
            grams: HashMap::new(),
            texts: HashMap::new(),
            regions: HashMap::new(),
        }
    }

    /// The manifest.
    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// Adds gram shard `k` (its file's bytes).
    pub fn add_grams(&mut self, k: u32, bytes: &[u8]) -> Result<(), postcard::Error> {
        let shard: GramShard = postcard::from_bytes(bytes)?;
        let lists = shard
            .into_iter()
            .map(|p| (p.gram, (ungap(&p.gaps), p.marks)))
            .collect();
        self.grams.insert(k, lists);
        Ok(())
    }

    /// Adds text shard `k` (its file's text).
    pub fn add_texts(&mut self, k: u32, json: &str) -> Result<(), serde_json::Error> {
        self.texts.insert(k, serde_json::from_str(json)?);
        Ok(())
    }

    /// Adds a region filter's list (its file's bytes).
    pub fn add_region(&mut self, f: &RegionFilter, bytes: &[u8]) -> Result<(), postcard::Error> {
        let gaps: Vec<u32> = postcard::from_bytes(bytes)?;
        self.regions.insert(f.key, ungap(&gaps));
        Ok(())
    }

    /// The next step of a search for `plan` in `region`, showing the best `want` hits.
    pub fn step(&self, plan: &Plan, region: Option<&'static RegionFilter>, want: usize) -> Step {
        if plan.is_empty() {
            return Step::Done(Page {
                hits: Vec::new(),
                found: 0,
                at_most: 0,
                more: false,
                elsewhere: 0,
                elsewhere_exact: true,
            });
        }
        let missing: Vec<u32> = plan
            .gram_shards(&self.manifest)
            .into_iter()
            .filter(|k| !self.grams.contains_key(k))
            .collect();
        if !missing.is_empty() {
            return Step::Grams(missing);
        }
        let mut all = self.candidates(plan);
        let total = all.len();
        if let Some(f) = region {
            let Some(keep) = self.regions.get(f.key) else {
                return Step::Region(f);
            };
            all = intersect_by(all, keep, |c| c.number);
        }
        let elsewhere = total - all.len();
        all.sort_by(|a, b| b.key.cmp(&a.key).then(a.number.cmp(&b.number)));

        // Read candidates in this order until `want` hits are confirmed and no later candidate can
        // outrank the last of them (its key is an upper bound of its exact one).
        let mut hits: Vec<(u64, u32, Hit)> = Vec::new();
        let mut missing = Vec::new();
        let mut read = 0;
        for c in &all {
            if hits.len() >= want {
                let last = &hits[want - 1];
                let bound = key_bits(c.key);
                if bound < last.0 || (bound == last.0 && c.number > last.1) {
                    break;
                }
            }
            let k = self.text_shard(c.number);
            let Some(shard) = self.texts.get(&k) else {
                if !missing.contains(&k) {
                    missing.push(k);
                }
                // Ask for a page's worth of shards at a time.
                if missing.len() >= want.max(1) {
                    break;
                }
                continue;
            };
            if !missing.is_empty() {
                continue;
            }
            read += 1;
            let r = &shard[(c.number - self.text_starts[k as usize]) as usize];
            if let Some(hit) = hit_in(&r.doc, &r.entry, &plan.terms) {
                let at = (u64::from(hit.score) >> 12, c.number);
                let pos = hits.partition_point(|h| {
                    (h.0, std::cmp::Reverse(h.1)) > (at.0, std::cmp::Reverse(at.1))
                });
                hits.insert(pos, (at.0, at.1, hit));
            }
        }
        if !missing.is_empty() {
            return Step::Texts(missing);
        }
        let (found, at_most) = if plan.exact() {
            (all.len(), all.len())
        } else if read == all.len() {
            (hits.len(), hits.len())
        } else {
            (hits.len(), all.len() - (read - hits.len()))
        };
        hits.truncate(want);
        Step::Done(Page {
            more: at_most > hits.len(),
            hits: hits.into_iter().map(|h| h.2).collect(),
            found,
            at_most,
            elsewhere,
            elsewhere_exact: plan.exact(),
        })
    }

    /// The text shard of section `number`.
    fn text_shard(&self, number: u32) -> u32 {
        (self.text_starts.partition_point(|&s| s <= number) - 1) as u32
    }

    /// The candidates for `plan` (every gram shard loaded), unordered.
    fn candidates(&self, plan: &Plan) -> Vec<Candidate> {
        let empty = (Vec::new(), Vec::new());
        let mut result: Option<Vec<Candidate>> = None;
        for grams in &plan.grams {
            // This term: sections with every gram; in the title if every gram is; occurrences at most
            // the fewest of any gram.
            let mut term: Option<Vec<(u32, bool, u32)>> = None;
            for g in grams {
                let (numbers, marks) = self
                    .grams
                    .get(&self.manifest.gram_shard(g))
                    .and_then(|s| s.get(g))
                    .unwrap_or(&empty);
                let list = numbers
                    .iter()
                    .zip(marks)
                    .map(|(&n, &m)| (n, m & 128 != 0, u32::from(m & 127)));
                term = Some(match term {
                    None => list.collect(),
                    Some(prev) => {
                        let other: Vec<(u32, bool, u32)> = list.collect();
                        intersect_pairs(prev, &other, |a, b| (a.0, a.1 && b.1, a.2.min(b.2)))
                    }
                });
            }
            let term = term.unwrap_or_default();
            result = Some(match result {
                None => term
                    .iter()
                    .map(|&(n, t, c)| Candidate {
                        number: n,
                        key: (n < self.manifest.editorial_from, u32::from(t), c),
                    })
                    .collect(),
                Some(prev) => intersect_pairs(prev, &term, |a, b| Candidate {
                    number: a.number,
                    key: (a.key.0, a.key.1 + u32::from(b.1), a.key.2 + b.2),
                }),
            });
        }
        result.unwrap_or_default()
    }
}

/// The (own, title, occurrences) part of [`crate::search::Hit::score`] for a candidate's key (the
/// score's bits above the shortness).
fn key_bits(key: (bool, u32, u32)) -> u64 {
    (u64::from(key.0) << 19) | (u64::from(key.1.min(0x7f)) << 12) | u64::from(key.2.min(0xfff))
}

/// Items of `a` whose number is in `keep` (both ascending by number).
fn intersect_by<T: Copy>(a: Vec<T>, keep: &[u32], number: impl Fn(&T) -> u32) -> Vec<T> {
    let mut j = 0;
    a.into_iter()
        .filter(|x| {
            let n = number(x);
            while j < keep.len() && keep[j] < n {
                j += 1;
            }
            j < keep.len() && keep[j] == n
        })
        .collect()
}

/// The items of `a` (ascending by number) whose number is also in `b`, combined by `join`.
fn intersect_pairs<A: Copy + Numbered, B: Copy + Numbered>(
    a: Vec<A>,
    b: &[B],
    join: impl Fn(A, B) -> A,
) -> Vec<A> {
    let mut j = 0;
    let mut out = Vec::new();
    for x in a {
        while j < b.len() && b[j].number() < x.number() {
            j += 1;
        }
        if j < b.len() && b[j].number() == x.number() {
            out.push(join(x, b[j]));
        }
    }
    out
}

/// Something with a section number.
trait Numbered {
    fn number(&self) -> u32;
}

impl Numbered for Candidate {
    fn number(&self) -> u32 {
        self.number
    }
}

impl Numbered for (u32, bool, u32) {
    fn number(&self) -> u32 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_terms_look_up_a_few_grams_and_skip_digit_pairs() {
        for (term, want) in [
            ("医", vec!["医"]),
            ("大病保险", vec!["大病", "病保", "保险"]),
            ("3000元", vec!["30", "00", "0元"]),
            ("甘卫发2018165号", vec!["甘卫", "卫发", "发2", "5号"]),
        ] {
            let chars: Vec<char> = term.chars().collect();
            assert_eq!(term_grams(&chars), want, "{term}");
        }
    }

    #[test]
    fn gaps_round_trip() {
        let n = [0, 3, 4, 100];
        assert_eq!(gaps(&n), [0, 3, 1, 96]);
        assert_eq!(ungap(&gaps(&n)), n);
    }
}
