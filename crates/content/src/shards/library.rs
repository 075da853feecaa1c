//! The browser's side: the pieces fetched so far (kept for the next query) and a search over them, one
//! [`Step`] at a time: each step names the pieces it still needs (fetched together, in one round), or
//! gives the page of hits.

use std::collections::HashMap;

use crate::search::{
    hit_in, normalize_mapped, occurrences, rank, snippet, Hit, RegionFilter, Window,
};
use crate::shards::lists::{intersect_by, intersect_pairs, ungap, Numbered};
use crate::shards::{is_part_name, GramShard, Manifest, Part, Plan, Record, FAR, NOT_IN_TEXT};

/// A piece that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PieceError {
    /// The piece's bytes do not decode.
    Decode {
        /// The piece's name.
        name: String,
        /// What the decoder said.
        reason: String,
    },
    /// The name is none of the index's pieces.
    Unknown(String),
}

impl std::fmt::Display for PieceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PieceError::Decode { name, reason } => write!(f, "{name}: {reason}"),
            PieceError::Unknown(name) => write!(f, "{name}: not a piece of the index"),
        }
    }
}

impl std::error::Error for PieceError {}

/// A section that may hold every term, with what the postings say of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Candidate {
    number: u32,
    /// (own text, terms in the title, occurrences): at least the exact values (exactly them when the
    /// plan is exact).
    key: (bool, u32, u32),
    /// The first part of a long text where a term occurs (see [`crate::shards::Posting::firsts`]).
    first: u8,
}

/// One term's entry for a section: (number, in the title, occurrences, first part).
type TermEntry = (u32, bool, u32, u8);

impl Numbered for Candidate {
    fn number(&self) -> u32 {
        self.number
    }
}

impl Numbered for TermEntry {
    fn number(&self) -> u32 {
        self.0
    }
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
    /// Whether [`Page::elsewhere`] is exact (every term of one to three characters).
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
    /// These pieces (names under the version's folder: [`Manifest::url`]), all at once.
    Fetch(Vec<String>),
    /// The page.
    Done(Page),
}

/// A posting list decoded: section numbers, marks, first parts.
type List = (Vec<u32>, Vec<u32>, Vec<u8>);

/// The pieces fetched so far and the search over them.
#[derive(Clone, Debug)]
pub struct Library {
    manifest: Manifest,
    /// Each text shard's first section number, and one past the last.
    text_starts: Vec<u32>,
    grams: HashMap<u32, HashMap<String, List>>,
    texts: HashMap<u32, Vec<Record>>,
    parts: HashMap<u32, Vec<Part>>,
    regions: HashMap<String, Vec<u32>>,
    /// Whether part shards are left aside (one could not be fetched: offline, and 保存全部内容 does not
    /// save them), so that hits are read from whole texts.
    without_parts: bool,
}

/// Where a shown hit is read from.
enum Source {
    /// Text shard `k` (the whole text).
    Text(u32),
    /// Part shard `k`, part `p` of the section.
    Part(u32, u8),
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
            parts: HashMap::new(),
            regions: HashMap::new(),
            without_parts: false,
        }
    }

    /// After piece `name` could not be fetched: whether the search can go on without it (a part: the
    /// whole texts serve instead, from now on for this page). Else the search cannot answer.
    pub fn do_without(&mut self, name: &str) -> bool {
        let part = is_part_name(name);
        self.without_parts |= part;
        part
    }

    /// The manifest.
    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// Adds the piece `name` (its file's bytes).
    pub fn add(&mut self, name: &str, bytes: &[u8]) -> Result<(), PieceError> {
        let decode = |reason: String| PieceError::Decode {
            name: name.to_string(),
            reason,
        };
        let number = |prefix: &str, suffix: &str| {
            name.strip_prefix(prefix)
                .and_then(|n| n.strip_suffix(suffix))
                .and_then(|n| n.parse::<u32>().ok())
        };
        if let Some(key) = name.strip_prefix("r-").and_then(|n| n.strip_suffix(".bin")) {
            let gaps: Vec<u32> = postcard::from_bytes(bytes).map_err(|e| decode(e.to_string()))?;
            self.regions.insert(key.to_string(), ungap(&gaps));
        } else if let Some(k) = number("g", ".bin") {
            let shard: GramShard =
                postcard::from_bytes(bytes).map_err(|e| decode(e.to_string()))?;
            let lists = shard
                .into_iter()
                .map(|p| (p.gram, (ungap(&p.gaps), p.marks, p.firsts)))
                .collect();
            self.grams.insert(k, lists);
        } else if let Some(k) = number("t", ".json") {
            let records = serde_json::from_slice(bytes).map_err(|e| decode(e.to_string()))?;
            self.texts.insert(k, records);
        } else if let Some(k) = number("p", ".json") {
            let parts = serde_json::from_slice(bytes).map_err(|e| decode(e.to_string()))?;
            self.parts.insert(k, parts);
        } else {
            return Err(PieceError::Unknown(name.to_string()));
        }
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
        // The postings, and the region's list with them.
        let mut missing: Vec<String> = plan
            .gram_shards(&self.manifest)
            .into_iter()
            .filter(|k| !self.grams.contains_key(k))
            .map(Manifest::gram_name)
            .collect();
        if let Some(f) = region.filter(|f| !self.regions.contains_key(f.key)) {
            missing.push(Manifest::region_name(f));
        }
        if !missing.is_empty() {
            return Step::Fetch(missing);
        }
        let mut all = self.candidates(plan);
        let total = all.len();
        if let Some(keep) = region.and_then(|f| self.regions.get(f.key)) {
            all = intersect_by(all, keep);
        }
        let elsewhere = total - all.len();
        all.sort_by(|a, b| {
            key_bits(b.key)
                .cmp(&key_bits(a.key))
                .then(a.number.cmp(&b.number))
        });
        let page = if plan.exact() {
            self.exact_page(plan, &all, want)
        } else {
            self.confirmed_page(plan, &all, want)
        };
        match page {
            Ok((hits, found, at_most)) => Step::Done(Page {
                more: at_most > hits.len(),
                hits,
                found,
                at_most,
                elsewhere,
                elsewhere_exact: plan.exact(),
            }),
            Err(missing) => Step::Fetch(missing),
        }
    }

    /// The page of an exact plan: the postings give every hit and its order; the best `want` are read
    /// (a part of a long text, or the whole short one) for their snippets. Else the pieces to fetch.
    fn exact_page(
        &self,
        plan: &Plan,
        all: &[Candidate],
        want: usize,
    ) -> Result<(Vec<Hit>, usize, usize), Vec<String>> {
        let top = &all[..all.len().min(want)];
        let sources: Vec<Source> = top.iter().map(|c| self.source(c)).collect();
        let mut missing: Vec<String> = Vec::new();
        for s in &sources {
            let name = match *s {
                Source::Text(k) if !self.texts.contains_key(&k) => Manifest::text_name(k),
                Source::Part(k, _) if !self.parts.contains_key(&k) => Manifest::part_name(k),
                _ => continue,
            };
            if !missing.contains(&name) {
                missing.push(name);
            }
        }
        if !missing.is_empty() {
            return Err(missing);
        }
        let hits = top
            .iter()
            .zip(sources)
            .filter_map(|(c, s)| match s {
                Source::Text(k) => {
                    let r = self.record(k, c.number)?;
                    hit_in(&r.doc, &r.entry, &plan.terms)
                }
                Source::Part(k, p) => {
                    let part = self
                        .parts
                        .get(&k)?
                        .iter()
                        .find(|x| x.number == c.number && x.part == p)?;
                    Some(hit_from_part(part, c, plan))
                }
            })
            .collect();
        Ok((hits, all.len(), all.len()))
    }

    /// Where candidate `c`'s hit is read from: the part its snippet is cut from when its text is long.
    fn source(&self, c: &Candidate) -> Source {
        if !self.without_parts && self.manifest.is_long(c.number) && c.first != FAR {
            let p = if c.first == NOT_IN_TEXT { 0 } else { c.first };
            Source::Part(self.manifest.part_shard(c.number, p), p)
        } else {
            Source::Text(self.text_shard(c.number))
        }
    }

    /// The page of a plan with a long term: candidates are read whole, in order, until `want` hits are
    /// confirmed and no later candidate can outrank the last of them (its key is an upper bound of its
    /// exact one). Else the text shards to fetch (a page's worth at a time).
    fn confirmed_page(
        &self,
        plan: &Plan,
        all: &[Candidate],
        want: usize,
    ) -> Result<(Vec<Hit>, usize, usize), Vec<String>> {
        let mut hits: Vec<(u64, u32, Hit)> = Vec::new();
        let mut missing = Vec::new();
        let mut read = 0;
        for c in all {
            if hits.len() >= want {
                let last = &hits[want - 1];
                let bound = key_bits(c.key);
                if bound < last.0 || (bound == last.0 && c.number > last.1) {
                    break;
                }
            }
            let k = self.text_shard(c.number);
            let Some(r) = self.record(k, c.number) else {
                let name = Manifest::text_name(k);
                if !missing.contains(&name) {
                    missing.push(name);
                }
                if missing.len() >= want.max(1) {
                    break;
                }
                continue;
            };
            if !missing.is_empty() {
                continue;
            }
            read += 1;
            if let Some(hit) = hit_in(&r.doc, &r.entry, &plan.terms) {
                let at = (u64::from(hit.score) >> 12, c.number);
                let pos = hits.partition_point(|h| {
                    (h.0, std::cmp::Reverse(h.1)) > (at.0, std::cmp::Reverse(at.1))
                });
                hits.insert(pos, (at.0, at.1, hit));
            }
        }
        if !missing.is_empty() {
            return Err(missing);
        }
        let (found, at_most) = if read == all.len() {
            (hits.len(), hits.len())
        } else {
            (hits.len(), all.len() - (read - hits.len()))
        };
        hits.truncate(want);
        Ok((hits.into_iter().map(|h| h.2).collect(), found, at_most))
    }

    /// Section `number`'s record, if text shard `k` (its shard) is loaded.
    fn record(&self, k: u32, number: u32) -> Option<&Record> {
        let start = *self.text_starts.get(k as usize)?;
        self.texts.get(&k)?.get((number - start) as usize)
    }

    /// The text shard of section `number`.
    fn text_shard(&self, number: u32) -> u32 {
        (self.text_starts.partition_point(|&s| s <= number) - 1) as u32
    }

    /// The candidates for `plan` (every gram shard loaded), ascending by number.
    fn candidates(&self, plan: &Plan) -> Vec<Candidate> {
        let empty = (Vec::new(), Vec::new(), Vec::new());
        let mut result: Option<Vec<Candidate>> = None;
        for grams in &plan.grams {
            // This term: sections with every gram; in the title if every gram is; occurrences at most
            // the fewest of any gram; first part the latest of any gram's (exact for a one-gram term).
            let mut term: Option<Vec<TermEntry>> = None;
            for g in grams {
                let (numbers, marks, firsts) = self
                    .grams
                    .get(&self.manifest.gram_shard(g))
                    .and_then(|s| s.get(g))
                    .unwrap_or(&empty);
                let list = numbers
                    .iter()
                    .zip(marks)
                    .zip(firsts)
                    .map(|((&n, &m), &f)| (n, m & 1 == 1, m >> 1, f));
                term = Some(match term {
                    None => list.collect(),
                    Some(prev) => {
                        let other: Vec<TermEntry> = list.collect();
                        intersect_pairs(prev, &other, |a, b| {
                            (a.0, a.1 && b.1, a.2.min(b.2), a.3.max(b.3))
                        })
                    }
                });
            }
            let term = term.unwrap_or_default();
            result = Some(match result {
                None => term
                    .iter()
                    .map(|&(n, t, c, f)| Candidate {
                        number: n,
                        key: (n < self.manifest.editorial_from, u32::from(t), c),
                        first: f,
                    })
                    .collect(),
                Some(prev) => intersect_pairs(prev, &term, |a, b| Candidate {
                    number: a.number,
                    key: (a.key.0, a.key.1 + u32::from(b.1), a.key.2 + b.2),
                    first: earliest(a.first, b.3),
                }),
            });
        }
        result.unwrap_or_default()
    }
}

/// The earlier of two first-part marks: a term in the text before one in the title only; [`FAR`] only
/// when neither is nearer.
fn earliest(a: u8, b: u8) -> u8 {
    match (a, b) {
        (NOT_IN_TEXT, x) | (x, NOT_IN_TEXT) => x,
        (x, y) => x.min(y),
    }
}

/// The hit of an exact plan's candidate `c` from the part its snippet is cut from: the postings give its
/// score, the part its snippet.
fn hit_from_part(part: &Part, c: &Candidate, plan: &Plan) -> Hit {
    let r = &part.record;
    let (chars, spans) = normalize_mapped(&r.entry.text);
    let offset = part.from as usize;
    let mut matches = Vec::new();
    for t in &plan.terms {
        matches.extend(
            occurrences(&chars, t)
                .into_iter()
                .map(|i| (offset + i, offset + i + t.len())),
        );
    }
    let window = Window {
        text: &r.entry.text,
        spans: &spans,
        offset,
        total: part.len as usize,
    };
    Hit {
        slug: r.doc.slug.clone(),
        doc_title: r.doc.title.clone(),
        doc_number: r.doc.number.clone(),
        region: r.doc.region.clone(),
        editorial: r.entry.editorial,
        section_id: r.entry.id.clone(),
        section_title: r.entry.title.clone(),
        snippet: snippet(&window, matches),
        score: rank(
            r.entry.editorial,
            c.key.1 as usize,
            c.key.2 as usize,
            part.len as usize,
        ),
    }
}

/// The (own, title, occurrences) part of [`crate::search::Hit::score`] for a candidate's key (the
/// score's bits above the shortness).
fn key_bits(key: (bool, u32, u32)) -> u64 {
    (u64::from(key.0) << 19) | (u64::from(key.1.min(0x7f)) << 12) | u64::from(key.2.min(0xfff))
}
