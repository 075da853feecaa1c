//! The build's side: the whole index ([`SearchIndex`]) split into the pieces the browser fetches.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::search::{grams, normalize_mapped, SearchIndex};
use crate::search::{Entry, RegionFilter, Tier, REGION_FILTERS};
use crate::shards::lists::gaps;
use crate::shards::plan::MAX_GRAM;
use crate::shards::{
    doc_names, fnv32, names_of, GramShard, Library, Manifest, Named, Page, Part, Piece, Plan,
    Posting, Record, Step, FAR, GRAM_SHARD_BYTES, LONG_STEPS, MASK_BITS, NAME_SHARD_BYTES,
    NOT_IN_TEXT, PART_CHARS, PART_SHARD_BYTES, TEXT_SHARD_BYTES,
};

/// The pieces the build writes.
pub struct Pieces {
    /// `index.json`.
    pub manifest: Manifest,
    /// `g<k>.bin`, by k (postcard).
    pub gram_shards: Vec<Vec<u8>>,
    /// `t<k>.json`, by k.
    pub text_shards: Vec<String>,
    /// `p<k>.json`, by k.
    pub part_shards: Vec<String>,
    /// `r-<key>.bin` (postcard list of gaps), by filter key.
    pub regions: Vec<(&'static str, Vec<u8>)>,
    /// `n<k>.json`, by k.
    pub name_shards: Vec<String>,
}

/// One posting list as it is gathered: numbers, marks, first parts, position masks.
type Gathered = (Vec<u32>, Vec<u32>, Vec<u8>, Vec<u8>);

impl Pieces {
    /// Splits `index`.
    pub fn split(index: &SearchIndex) -> Self {
        // Rank order: by tier, then shorter (the index's steps), then library order.
        let lens: Vec<usize> = index
            .sections
            .iter()
            .map(|s| normalize_mapped(&s.text).0.len())
            .collect();
        let step = |n: usize| (lens[n] / 8).min(0xfff);
        let tier = |n: usize| index.sections[n].tier();
        let mut order: Vec<usize> = (0..index.sections.len()).collect();
        order.sort_by_key(|&n| (tier(n), step(n), n));
        // Where the numbers of a tier and those after it begin.
        let from = |t: Tier| {
            order
                .iter()
                .position(|&n| tier(n) >= t)
                .unwrap_or(order.len())
        };
        let tier_from = [Tier::Table, Tier::Editorial].map(|t| from(t) as u32);
        let long_from = [Tier::Prose, Tier::Table, Tier::Editorial].map(|t| {
            let end = tier_from
                .get(t as usize)
                .map_or(order.len(), |&e| e as usize);
            order
                .iter()
                .position(|&n| tier(n) == t && step(n) >= LONG_STEPS)
                .unwrap_or(end) as u32
        });

        let mut lists: BTreeMap<String, Gathered> = BTreeMap::new();
        let mut text_shards = Vec::new();
        let mut text_sizes = Vec::new();
        let mut shard: Vec<Record> = Vec::new();
        let mut shard_bytes = 0;
        let mut parts: Vec<Part> = Vec::new();
        let mut regions: Vec<Vec<u32>> = vec![Vec::new(); REGION_FILTERS.len()];
        for (rank, &n) in order.iter().enumerate() {
            let rank = rank as u32;
            let s = &index.sections[n];
            let doc = &index.docs[s.doc as usize];
            let is_long = step(n) >= LONG_STEPS;
            // Per gram: occurrences, in the title, first position in the text, positions modulo 8.
            let mut counts: BTreeMap<String, (u32, bool, Option<usize>, u8)> = BTreeMap::new();
            for (part, in_title) in [(&s.title, true), (&s.text, false)] {
                let chars = normalize_mapped(part).0;
                for size in 1..=MAX_GRAM {
                    for (at, g) in grams(&chars, size).enumerate() {
                        let e = counts.entry(g).or_default();
                        e.0 += 1;
                        e.1 |= in_title;
                        e.3 |= 1 << (at % MASK_BITS);
                        if !in_title && e.2.is_none() {
                            e.2 = Some(at);
                        }
                    }
                }
            }
            for (g, (count, in_title, first, mask)) in counts {
                let trigram = g.chars().count() == MAX_GRAM;
                let l = lists.entry(g).or_default();
                l.0.push(rank);
                l.1.push(count * 2 + u32::from(in_title));
                l.2.push(match first {
                    _ if !is_long => 0,
                    None => NOT_IN_TEXT,
                    Some(at) => u8::try_from(at / PART_CHARS).map_or(FAR, |p| p.min(FAR)),
                });
                if trigram {
                    l.3.push(mask);
                }
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
            if is_long {
                parts.extend(cut_parts(rank, &record));
            }
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
            .map(|(gram, (ranks, marks, firsts, masks))| Posting {
                gram,
                gaps: gaps(&ranks),
                marks,
                firsts,
                masks,
            })
            .collect();
        let total: usize = postings
            .iter()
            .map(|p| p.gram.len() + 3 * p.marks.len() + p.masks.len())
            .sum();
        let shards = total.div_ceil(GRAM_SHARD_BYTES).max(1) as u32;
        let mut by_shard: Vec<GramShard> = vec![Vec::new(); shards as usize];
        for p in postings {
            // In gram order (the map's): the browser finds a gram by binary search.
            by_shard[(fnv32(p.gram.as_bytes()) % shards) as usize].push(p);
        }
        let gram_shards: Vec<Vec<u8>> = by_shard
            .iter()
            .map(|s| postcard::to_allocvec(s).expect("postings serialize"))
            .collect();

        let mut manifest = Manifest {
            version: String::new(),
            gram_shards: shards,
            text_sizes,
            part_shards: 0,
            tier_from,
            long_from,
            name_shards: 0,
        };
        manifest.part_shards = shard_count(&parts, PART_SHARD_BYTES);
        let part_shards = json_shards(parts, manifest.part_shards, |p| {
            manifest.part_shard(p.0, p.1)
        });
        let names = names(index);
        manifest.name_shards = shard_count(&names, NAME_SHARD_BYTES);
        let name_shards = json_shards(names, manifest.name_shards, |n| manifest.name_shard(&n.key));

        // The version: a hash of every piece.
        let mut h = 0xcbf2_9ce4_8422_2325u64;
        let mut feed = |bytes: &[u8]| {
            for b in bytes {
                h = (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3);
            }
        };
        gram_shards.iter().for_each(|g| feed(g));
        text_shards.iter().for_each(|t| feed(t.as_bytes()));
        part_shards.iter().for_each(|t| feed(t.as_bytes()));
        name_shards.iter().for_each(|t| feed(t.as_bytes()));
        let regions: Vec<(&'static str, Vec<u8>)> = REGION_FILTERS
            .iter()
            .zip(regions)
            .map(|(f, list)| {
                let bytes = postcard::to_allocvec(&gaps(&list)).expect("numbers serialize");
                (f.key, bytes)
            })
            .collect();
        regions.iter().for_each(|(_, r)| feed(r));
        manifest.version = format!("{h:016x}");
        Pieces {
            manifest,
            gram_shards,
            text_shards,
            part_shards,
            regions,
            name_shards,
        }
    }

    /// Runs a search for `query` in `region`, showing the best `want` hits, on `lib` as the search page
    /// does (each step's pieces added as it asks for them, from these): its page, and every piece it asked
    /// for, in the order asked. Fails with the first piece these do not have or that does not read.
    pub fn search(
        &self,
        lib: &mut Library,
        query: &str,
        region: Option<&'static RegionFilter>,
        want: usize,
    ) -> Result<(Page, Vec<Piece>), Piece> {
        let plan = Plan::new(query);
        let mut asked = Vec::new();
        loop {
            match lib.step(&plan, region, want) {
                Step::Fetch(pieces) => {
                    for piece in pieces {
                        match self.bytes(&piece).map(|b| lib.add(&piece, b)) {
                            Some(Ok(())) => asked.push(piece),
                            _ => return Err(piece),
                        }
                    }
                }
                Step::Done(page) => return Ok((page, asked)),
            }
        }
    }

    /// The bytes of `piece`, if the build has it.
    fn bytes(&self, piece: &Piece) -> Option<&[u8]> {
        let at = |k: &u32| usize::try_from(*k).ok();
        match piece {
            Piece::Grams(k) => self.gram_shards.get(at(k)?).map(Vec::as_slice),
            Piece::Text(k) => self.text_shards.get(at(k)?).map(String::as_bytes),
            Piece::Part(k) => self.part_shards.get(at(k)?).map(String::as_bytes),
            Piece::Names(k) => self.name_shards.get(at(k)?).map(String::as_bytes),
            Piece::Region(f) => REGION_FILTERS
                .iter()
                .position(|r| r.key == f.key)
                .and_then(|i| self.regions.get(i))
                .map(|(_, b)| b.as_slice()),
        }
    }

    /// Every piece and its bytes; the manifest is not among them.
    pub fn files(&self) -> Vec<(Piece, Vec<u8>)> {
        let mut out = Vec::new();
        for (k, g) in self.gram_shards.iter().enumerate() {
            out.push((Piece::Grams(k as u32), g.clone()));
        }
        for (k, t) in self.text_shards.iter().enumerate() {
            out.push((Piece::Text(k as u32), t.as_bytes().to_vec()));
        }
        for (k, t) in self.part_shards.iter().enumerate() {
            out.push((Piece::Part(k as u32), t.as_bytes().to_vec()));
        }
        for ((_, r), f) in self.regions.iter().zip(REGION_FILTERS) {
            out.push((Piece::Region(f), r.clone()));
        }
        for (k, t) in self.name_shards.iter().enumerate() {
            out.push((Piece::Names(k as u32), t.as_bytes().to_vec()));
        }
        out
    }
}

/// How many JSON shards of about `bytes` each `items` make (one at least).
fn shard_count<T: Serialize>(items: &[T], bytes: usize) -> u32 {
    let total: usize = items
        .iter()
        .map(|x| serde_json::to_string(x).map_or(0, |j| j.len()))
        .sum();
    total.div_ceil(bytes).max(1) as u32
}

/// `items` in `count` JSON shards, each item in shard `shard(item)`, in their order.
fn json_shards<T: Serialize>(items: Vec<T>, count: u32, shard: impl Fn(&T) -> u32) -> Vec<String> {
    let mut by: Vec<Vec<T>> = (0..count).map(|_| Vec::new()).collect();
    for x in items {
        let k = shard(&x) as usize;
        by[k].push(x);
    }
    by.iter()
        .map(|s| serde_json::to_string(s).expect("pieces serialize"))
        .collect()
}

/// Every name in the documents' own text ([`names_of`]: a section's, with its heading and text, and each
/// clause's in it, with the text from where it begins), in library and document order, then each document's 文号.
fn names(index: &SearchIndex) -> Vec<Named> {
    let mut out = Vec::new();
    for s in index.sections.iter().filter(|s| !s.editorial) {
        let doc = &index.docs[s.doc as usize];
        let spans = normalize_mapped(&s.text).1;
        out.extend(names_of(doc, &s.id, &format!("{}　{}", s.title, s.text)));
        for (at, id) in s.clauses.iter().filter(|(_, id)| *id != s.id) {
            let from = spans.get(*at as usize).map_or(s.text.len(), |span| span.0);
            out.extend(names_of(doc, id, &s.text[from..]));
        }
    }
    out.extend(index.docs.iter().flat_map(doc_names));
    out
}

/// The parts of section `number`'s text, each as [`super::part_range`] cuts it.
fn cut_parts(number: u32, record: &Record) -> Vec<Part> {
    let text = &record.entry.text;
    let spans = normalize_mapped(text).1;
    let len = spans.len();
    let count = len.div_ceil(PART_CHARS).min(usize::from(FAR));
    (0..count)
        .map(|k| {
            let (from, to) = super::part_range(k, len);
            let b0 = if from == 0 { 0 } else { spans[from].0 };
            let b1 = if to == len { text.len() } else { spans[to].0 };
            let mut record = record.clone();
            record.entry.text = text[b0..b1].to_string();
            // The clauses a match in the part can be in: the one the part starts in, those begun in it.
            let clauses = &record.entry.clauses;
            let first = clauses
                .partition_point(|c| c.0 as usize <= from)
                .saturating_sub(1);
            let last = clauses.partition_point(|c| (c.0 as usize) < to);
            record.entry.clauses = clauses[first..last.max(first)].to_vec();
            Part(number, k as u8, from as u32, len as u32, record)
        })
        .collect()
}
