//! The browser's side: the pieces fetched so far (kept for the next query) and a search over them, one
//! [`Step`] at a time: each step names the pieces it still needs (fetched together, in one round), or
//! gives the page of hits.

use std::collections::HashMap;

use crate::search::{hit_in, Hit, RegionFilter};
use crate::shards::candidate::{
    earliest, hit_from_part, hit_in_part, key_bits, Candidate, TermEntry,
};
use crate::shards::lists::{intersect_by, intersect_pairs, ungap};
use crate::shards::{
    GramShard, Manifest, Named, Part, Piece, Plan, Posting, Record, FAR, NOT_IN_TEXT,
};

/// A piece whose bytes do not decode, with the decoder's error.
#[derive(Debug)]
pub enum PieceError {
    /// Postings or a region's list (postcard).
    Binary(Piece, postcard::Error),
    /// Texts or parts that are not UTF-8.
    Utf8(Piece, std::str::Utf8Error),
    /// Texts or parts that are not their JSON.
    Json(Piece, serde_json::Error),
}

/// One page of results.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    /// What the query names, when it is a name ([`crate::shards::Lookup`]: a clause's number, a
    /// table's, a 文号), in library order: shown before the hits.
    pub named: Vec<Hit>,
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
    /// Whether the query names a document by its 文号 alone ([`crate::shards::Lookup::is_document`]):
    /// nothing found then means the library does not hold it.
    pub a_document: bool,
    /// The words looked for where they are not the query as typed (a 文号 said with 年, as printed:
    /// [`crate::shards::Plan`]'s): what the hits' links mark.
    pub looked_for: Option<String>,
}

impl Page {
    /// Whether the documents' own text holds the query ([`crate::search::in_documents_text`]).
    pub fn in_documents_text(&self) -> bool {
        crate::search::in_documents_text(&self.hits)
    }

    /// Whether the count is exact.
    pub fn exact(&self) -> bool {
        self.found == self.at_most
    }
}

/// What a search needs next, or its answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// These pieces ([`Manifest::url`]), all at once.
    Fetch(Vec<Piece>),
    /// The page.
    Done(Page),
}

/// The pieces fetched so far and the search over them.
#[derive(Clone, Debug)]
pub struct Library {
    manifest: Manifest,
    /// Each text shard's first section number, and one past the last.
    text_starts: Vec<u32>,
    /// Gram shards as decoded (each sorted by gram); a list's numbers are summed from its gaps only when
    /// a query reads it.
    grams: HashMap<u32, GramShard>,
    texts: HashMap<u32, Vec<Record>>,
    /// Part shards by number (a few per page: a list, less code than another map).
    parts: Vec<(u32, Vec<Part>)>,
    regions: Vec<(&'static str, Vec<u32>)>,
    /// Names shards by number (one per query that is a name: a list, less code than another map).
    names: Vec<(u32, Vec<Named>)>,
    /// Whether part shards are left aside (one could not be fetched: offline, and 保存全部内容 does not
    /// save them), so that hits are read from whole texts.
    without_parts: bool,
    /// The last query's candidates, in rank order, and how many the region filter left out: a search
    /// takes several steps over the same postings.
    ranked: Option<Ranked>,
}

/// A query's candidates in rank order (see [`Library::ranked`]).
#[derive(Clone, Debug)]
struct Ranked {
    /// The query's terms (its plan follows from them).
    terms: Vec<Vec<char>>,
    region: Option<&'static str>,
    all: Vec<Candidate>,
    elsewhere: usize,
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
            parts: Vec::new(),
            regions: Vec::new(),
            names: Vec::new(),
            without_parts: false,
            ranked: None,
        }
    }

    /// The manifest.
    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// After `piece` could not be fetched: whether the search can go on without it (a part: the whole
    /// texts serve instead, from now on for this page). Else the search cannot answer.
    pub fn do_without(&mut self, piece: &Piece) -> bool {
        let part = matches!(piece, Piece::Part(_));
        self.without_parts |= part;
        part
    }

    /// Adds `piece` (its file's bytes).
    pub fn add(&mut self, piece: &Piece, bytes: &[u8]) -> Result<(), PieceError> {
        let p = *piece;
        let bin = |e| PieceError::Binary(p, e);
        let json = |e| PieceError::Json(p, e);
        // JSON is read from text, as the page's other JSON (one parser in the wasm, not two).
        let text = || std::str::from_utf8(bytes).map_err(|e| PieceError::Utf8(p, e));
        match p {
            Piece::Region(f) => {
                let gaps: Vec<u32> = postcard::from_bytes(bytes).map_err(bin)?;
                self.regions.push((f.key, ungap(&gaps)));
            }
            Piece::Grams(k) => {
                let shard: GramShard = postcard::from_bytes(bytes).map_err(bin)?;
                self.grams.insert(k, shard);
            }
            Piece::Text(k) => {
                let records = serde_json::from_str(text()?).map_err(json)?;
                self.texts.insert(k, records);
            }
            Piece::Part(k) => {
                let parts = serde_json::from_str(text()?).map_err(json)?;
                self.parts.push((k, parts));
            }
            Piece::Names(k) => {
                let names = serde_json::from_str(text()?).map_err(json)?;
                self.names.push((k, names));
            }
        }
        Ok(())
    }

    /// The next step of a search for `plan` in `region`, showing the best `want` hits.
    pub fn step(
        &mut self,
        plan: &Plan,
        region: Option<&'static RegionFilter>,
        want: usize,
    ) -> Step {
        if plan.is_empty() {
            return Step::Done(Page {
                named: Vec::new(),
                hits: Vec::new(),
                found: 0,
                at_most: 0,
                more: false,
                elsewhere: 0,
                elsewhere_exact: true,
                a_document: plan.names_a_document(),
                looked_for: None,
            });
        }
        // The postings, and the region's list with them.
        let mut missing: Vec<Piece> = plan
            .gram_shards(&self.manifest)
            .into_iter()
            .filter(|k| !self.grams.contains_key(k))
            .map(Piece::Grams)
            .collect();
        if let Some(f) = region.filter(|f| self.region(f).is_none()) {
            missing.push(Piece::Region(f));
        }
        for key in plan.lookup.iter().flat_map(|l| l.keys()) {
            let k = self.manifest.name_shard(&key);
            if self.names_shard(k).is_none() && !missing.contains(&Piece::Names(k)) {
                missing.push(Piece::Names(k));
            }
        }
        if !missing.is_empty() {
            return Step::Fetch(missing);
        }
        let key = region.map(|f| f.key);
        let ranked = match self.ranked.take() {
            Some(r) if r.terms == plan.terms && r.region == key => r,
            _ => self.ranked(plan, region),
        };
        let page = if plan.exact() {
            self.exact_page(plan, &ranked.all, want)
        } else {
            self.confirmed_page(plan, &ranked.all, want)
        };
        let elsewhere = ranked.elsewhere;
        self.ranked = Some(ranked);
        match page {
            Ok((hits, found, at_most)) => Step::Done(Page {
                named: self.named(plan, region),
                more: at_most > hits.len(),
                hits,
                found,
                at_most,
                elsewhere,
                elsewhere_exact: plan.exact(),
                a_document: plan.names_a_document(),
                looked_for: plan.looked_for.clone(),
            }),
            Err(missing) => Step::Fetch(missing),
        }
    }

    /// What `plan`'s query names in `region` (its names shard loaded), as hits.
    fn named(&self, plan: &Plan, region: Option<&'static RegionFilter>) -> Vec<Hit> {
        let Some(lookup) = &plan.lookup else {
            return Vec::new();
        };
        let names = |key: &str| {
            self.names_shard(self.manifest.name_shard(key))
                .into_iter()
                .flatten()
                .collect()
        };
        lookup.answer(names, region.map(|f| f as &RegionFilter))
    }

    /// The candidates for `plan` in `region` (every piece they need loaded), in rank order.
    fn ranked(&self, plan: &Plan, region: Option<&'static RegionFilter>) -> Ranked {
        let mut all = self.candidates(plan);
        let total = all.len();
        if let Some(keep) = region.and_then(|f| self.region(f)) {
            all = intersect_by(all, keep);
        }
        all.sort_by(|a, b| {
            key_bits(b.key)
                .cmp(&key_bits(a.key))
                .then(a.number.cmp(&b.number))
        });
        Ranked {
            terms: plan.terms.clone(),
            region: region.map(|f| f.key),
            elsewhere: total - all.len(),
            all,
        }
    }

    /// The page of an exact plan: the postings give every hit and its order; the best `want` are read
    /// (a part of a long text, or the whole short one) for their snippets. Else the pieces to fetch.
    fn exact_page(
        &self,
        plan: &Plan,
        all: &[Candidate],
        want: usize,
    ) -> Result<(Vec<Hit>, usize, usize), Vec<Piece>> {
        let top = &all[..all.len().min(want)];
        let sources: Vec<Source> = top.iter().map(|c| self.source(c)).collect();
        let mut missing: Vec<Piece> = Vec::new();
        for s in &sources {
            let name = match *s {
                Source::Text(k) if !self.texts.contains_key(&k) => Piece::Text(k),
                Source::Part(k, _) if self.part_shard(k).is_none() => Piece::Part(k),
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
                        .part_shard(k)?
                        .iter()
                        .find(|x| x.0 == c.number && x.1 == p)?;
                    Some(hit_from_part(part, c, plan))
                }
            })
            .collect();
        Ok((hits, all.len(), all.len()))
    }

    /// Where candidate `c`'s hit is read from: the part its snippet is cut from when its text is long and
    /// the query has one term; the whole text for several (their snippet is where they stand closest
    /// together, which the postings cannot tell).
    fn source(&self, c: &Candidate) -> Source {
        let one_term = c.reach.is_some();
        if !self.without_parts && self.manifest.is_long(c.number) && one_term && c.first != FAR {
            let p = if c.first == NOT_IN_TEXT { 0 } else { c.first };
            Source::Part(self.manifest.part_shard(c.number, p), p)
        } else {
            Source::Text(self.text_shard(c.number))
        }
    }

    /// The page of a plan with a long term: candidates are read in order (whole, or the part of a long
    /// text that decides: [`Library::confirm`]) until `want` hits are confirmed and no later candidate
    /// can outrank the last of them (its key is an upper bound of its exact one). Else the pieces to
    /// fetch.
    fn confirmed_page(
        &self,
        plan: &Plan,
        all: &[Candidate],
        want: usize,
    ) -> Result<(Vec<Hit>, usize, usize), Vec<Piece>> {
        let mut hits: Vec<(u64, u32, Hit)> = Vec::new();
        let mut missing = Vec::new();
        // From the first candidate that waits for a piece: its key's bits and number, and the
        // candidates from it on that wait, or are hits already.
        let mut waits: Option<(u64, u32)> = None;
        let mut pending = 0;
        let mut read = 0;
        // Whether a hit at (key's bits, number) stays above every candidate from (bound, number) on.
        let above = |hit: (u64, u32), from: (u64, u32)| {
            hit.0 > from.0 || (hit.0 == from.0 && hit.1 < from.1)
        };
        for c in all {
            let at = (key_bits(c.key), c.number);
            if hits.len() >= want && above((hits[want - 1].0, hits[want - 1].1), at) {
                break;
            }
            match self.confirm(plan, c) {
                Err(piece) => {
                    if !missing.contains(&piece) {
                        missing.push(piece);
                    }
                    waits.get_or_insert(at);
                    pending += 1;
                }
                Ok(decided) if waits.is_some() => pending += usize::from(decided.is_some()),
                Ok(decided) => {
                    read += 1;
                    if let Some(hit) = decided {
                        let at = (u64::from(hit.score) >> 12, c.number);
                        let pos = hits.partition_point(|h| above((h.0, h.1), at));
                        hits.insert(pos, (at.0, at.1, hit));
                    }
                }
            }
            // A round asks for a page's worth of pieces (a piece may hold several candidates, and some
            // candidates are not hits); once some were read, only for as many candidates as the page
            // still lacks hits that no waiting candidate can outrank.
            if let Some(from) = waits {
                let settled = hits.partition_point(|h| above((h.0, h.1), from));
                let lacking = want.saturating_sub(settled);
                if missing.len() >= want || (read > 0 && 2 * pending >= 3 * lacking) {
                    break;
                }
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

    /// Whether candidate `c` of a plan with a long term holds every term (then its hit), from a part of
    /// its text when the section is long and the part decides ([`hit_in_part`]), else from the whole
    /// text. Else the piece to fetch.
    fn confirm(&self, plan: &Plan, c: &Candidate) -> Result<Option<Hit>, Piece> {
        if let (Some(reach), [term]) = (c.reach, plan.terms.as_slice()) {
            let p = reach
                .part(term.len())
                .filter(|_| !self.without_parts && self.manifest.is_long(c.number));
            if let Some(p) = p {
                let k = self.manifest.part_shard(c.number, p);
                let part = self.part_shard(k).ok_or(Piece::Part(k))?;
                let decided = part
                    .iter()
                    .find(|x| x.0 == c.number && x.1 == p)
                    .and_then(|part| hit_in_part(part, &plan.terms, &reach));
                if let Some(decided) = decided {
                    return Ok(decided);
                }
            }
        }
        let k = self.text_shard(c.number);
        let r = self.record(k, c.number).ok_or(Piece::Text(k))?;
        Ok(hit_in(&r.doc, &r.entry, &plan.terms))
    }

    /// Region filter `f`'s sections, if loaded.
    fn region(&self, f: &RegionFilter) -> Option<&Vec<u32>> {
        self.regions.iter().find(|r| r.0 == f.key).map(|r| &r.1)
    }

    /// Names shard `k`, if loaded.
    fn names_shard(&self, k: u32) -> Option<&Vec<Named>> {
        self.names.iter().find(|n| n.0 == k).map(|n| &n.1)
    }

    /// Part shard `k`, if loaded.
    fn part_shard(&self, k: u32) -> Option<&Vec<Part>> {
        self.parts.iter().find(|p| p.0 == k).map(|p| &p.1)
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
        let empty = Posting::default();
        let mut result: Option<Vec<Candidate>> = None;
        for grams in &plan.grams {
            // This term: sections with every gram where the grams' positions line up (their masks,
            // each turned back by its offset in the term, share a bit), with a bound of its
            // occurrences ([`TermEntry::bound`]).
            let mut term: Option<Vec<TermEntry>> = None;
            for (offset, g) in grams {
                let posting = self
                    .grams
                    .get(&self.manifest.gram_shard(g))
                    .and_then(|s| {
                        let at = s.binary_search_by(|p| p.gram.as_str().cmp(g)).ok()?;
                        s.get(at)
                    })
                    .unwrap_or(&empty);
                let mut number = 0u32;
                let list = posting
                    .gaps
                    .iter()
                    .zip(&posting.marks)
                    .zip(&posting.firsts)
                    // A shorter gram has no masks (it is never one of several grams of a term).
                    .zip(
                        posting
                            .masks
                            .iter()
                            .map(|&m| Some(m))
                            .chain(std::iter::repeat(None)),
                    )
                    .map(|(((&gap, &m), &f), mask)| {
                        number = number.wrapping_add(gap);
                        TermEntry::of_gram(number, m, f, *offset, mask)
                    });
                term = Some(match term {
                    None => list.collect(),
                    Some(prev) => {
                        let other: Vec<TermEntry> = list.collect();
                        let mut both = intersect_pairs(prev, &other, TermEntry::and);
                        both.retain(|e| e.starts != 0);
                        both
                    }
                });
            }
            let term = term.unwrap_or_default();
            result = Some(match result {
                None => term
                    .iter()
                    .map(|e| Candidate {
                        number: e.number,
                        key: (self.manifest.tier(e.number), u32::from(e.title), e.bound()),
                        first: e.first,
                        reach: Some(e.reach),
                    })
                    .collect(),
                Some(prev) => intersect_pairs(prev, &term, |a, b| Candidate {
                    number: a.number,
                    key: (a.key.0, a.key.1 + u32::from(b.title), a.key.2 + b.bound()),
                    first: earliest(a.first, b.first),
                    reach: None,
                }),
            });
        }
        result.unwrap_or_default()
    }
}
