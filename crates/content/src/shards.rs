//! The search index in pieces, so that a query downloads only what it needs however large the library
//! grows: the same matching, snippets and ranking as [`crate::search`] (a test compares every answer on
//! the real library), split into files the browser fetches a round at a time.
//!
//! **Files** (under [`DIR`]): `index.json`, the [`Manifest`] (small; fetched once per page); then under the
//! build's version, so that a page never mixes two builds' pieces:
//! - `g<k>.bin`: gram shards. Every character, bigram and trigram of a section's normalized title and text
//!   has a posting list ([`Posting`]: the sections that contain it, how often, whether in the title, in
//!   which part of a long text it first occurs, and where modulo 8); a gram's list is in shard
//!   `fnv(gram) % shards`. A
//!   query fetches only the shards of its grams ([`plan`]).
//! - `t<k>.json`: text shards, each a run of consecutive sections ([`Record`]s, about
//!   [`TEXT_SHARD_BYTES`] of JSON): whole texts, read to confirm a hit of a term of four or more characters.
//! - `p<k>.json`: part shards: a long section's text ([`LONG_STEPS`]) cut into parts of [`PART_CHARS`]
//!   characters with the snippet's margins ([`Part`]), each part in shard `fnv(section, part) % parts`; a
//!   hit decided by the postings alone reads only the part its snippet is cut from.
//! - `r-<key>.bin`: the sections of each [`REGION_FILTERS`] entry, fetched only when that filter is on.
//! - `n<k>.json`: names shards: the names people copy off paper (a clause's number, a table's, a 文号) with
//!   what each opens ([`names`]), a name in shard `fnv(name) % names`; fetched only for a query that is
//!   one.
//!
//! **Numbering.** Sections are numbered in rank order: by [`Tier`] (the documents' prose, their tables,
//! the 编者注), then shorter first (in the index's 8-character steps), then library order. So every rule
//! of [`crate::search::Hit::score`] except the title terms and the occurrences is in the number, and the
//! posting lists (which give those two) put the candidates in order before any text is read; and the long
//! sections are a run of numbers at the end of each tier's ([`Manifest::long_from`]).
//!
//! **Exactness.** A term of one to three characters is found, counted and ranked exactly by its posting
//! list, so a query of such terms needs one round of postings and one of the shown hits' parts ([`library`]).
//! A longer term is looked up by trigrams covering it, which can all occur without the term, so a hit is
//! confirmed against its text; the count is then exact once every candidate is read, and otherwise
//! given as a range ([`Page::found`], [`Page::at_most`]). The postings' position masks
//! ([`Posting::masks`]) leave out, before any text is read, most sections whose trigrams do not line up
//! as in the term, so that the first round of texts confirms a page; they also bound how often the term
//! can occur (a trigram's occurrences where the others do not line up are not the term's), which orders
//! the candidates nearly as their hits will be. In a long text, a trigram that occurs once pins where the
//! term can be: one part of the text decides, not the whole.

use serde::{Deserialize, Serialize};

use crate::search::{DocRef, Entry, RegionFilter, Tier, REGION_FILTERS};

#[cfg(feature = "build")]
mod build;
mod candidate;
mod library;
mod lists;
mod names;
mod plan;

#[cfg(feature = "build")]
pub use build::Pieces;
pub use library::{Library, Page, PieceError, Step};
pub use names::{doc_names, names_of, Lookup, Named};
pub use plan::Plan;

/// Where the pieces are published.
pub const DIR: &str = "/data/search";
/// The manifest's address.
pub const MANIFEST_URL: &str = "/data/search/index.json";
/// About how many bytes of postings (encoded) a gram shard holds. Most of a rare trigram's shard is other
/// grams' lists: at 8,000 a long phrase's four trigram shards cost about a quarter less than at 12,000,
/// for half as many gram shards again (at 1,000 documents: 9,470 files, 31.1 MB against 6,313, 30.7 MB).
pub const GRAM_SHARD_BYTES: usize = 8_000;
/// A text shard is closed when its JSON reaches this many bytes.
pub const TEXT_SHARD_BYTES: usize = 3_000;
/// About how many bytes of JSON a names shard holds.
pub const NAME_SHARD_BYTES: usize = 3_000;
/// About how many bytes of JSON a part shard holds.
pub const PART_SHARD_BYTES: usize = 3_000;
/// Normalized characters of a long text's part (each part also holds the snippet's margins around it).
pub const PART_CHARS: usize = 256;

/// The normalized characters part `k` of a text of `len` holds: [`PART_CHARS`] from `k × PART_CHARS`,
/// with the snippet's margins before and after, so that a snippet whose first match is in the part is cut
/// from it alone.
pub(crate) fn part_range(k: usize, len: usize) -> (usize, usize) {
    use crate::search::{SNIPPET_BEFORE, SNIPPET_CHARS};
    let from = (k * PART_CHARS).saturating_sub(SNIPPET_BEFORE);
    (from, ((k + 1) * PART_CHARS + SNIPPET_CHARS).min(len))
}
/// A section is long, and its text is also kept in parts, from this many 8-character steps of text
/// (1,536 characters): a part shard holds about [`PART_SHARD_BYTES`] of several texts' parts, as much as
/// a whole text of some 900 characters, so a part is worth reading instead only for a longer one.
pub const LONG_STEPS: usize = 192;
/// A part's first-occurrence mark: the gram is in the title only.
pub(crate) const NOT_IN_TEXT: u8 = u8::MAX;
/// A part's first-occurrence mark: the gram first occurs past the last part that can be marked (the
/// whole text is read).
pub(crate) const FAR: u8 = u8::MAX - 1;

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
    /// How many part shards there are.
    #[serde(rename = "p")]
    pub part_shards: u32,
    /// The first section number of each [`Tier`] but the first (tables, 编者注): a tier's numbers run
    /// to the next one's first.
    #[serde(rename = "e")]
    pub tier_from: [u32; 2],
    /// The first long section of each [`Tier`] (the run ends where the tier's numbers do).
    #[serde(rename = "l")]
    pub long_from: [u32; 3],
    /// How many names shards there are.
    #[serde(rename = "n")]
    pub name_shards: u32,
}

impl Manifest {
    /// The address of `piece`.
    pub fn url(&self, piece: &Piece) -> String {
        format!("{DIR}/{}/{}", self.version, piece.name())
    }

    /// The gram shard that holds `gram`'s list.
    pub fn gram_shard(&self, gram: &str) -> u32 {
        fnv32(gram.as_bytes()) % self.gram_shards.max(1)
    }

    /// The part shard that holds part `part` of section `number`.
    pub fn part_shard(&self, number: u32, part: u8) -> u32 {
        let [a, b, c, d] = number.to_le_bytes();
        fnv32(&[a, b, c, d, part]) % self.part_shards.max(1)
    }

    /// The names shard that holds `key`'s names.
    pub fn name_shard(&self, key: &str) -> u32 {
        fnv32(key.as_bytes()) % self.name_shards.max(1)
    }

    /// The [`Tier`] of section `number`.
    pub fn tier(&self, number: u32) -> Tier {
        match self.tier_from {
            [table, _] if number < table => Tier::Prose,
            [_, editorial] if number < editorial => Tier::Table,
            _ => Tier::Editorial,
        }
    }

    /// Whether section `number` is long (its text is also kept in parts).
    pub fn is_long(&self, number: u32) -> bool {
        number >= self.long_from[self.tier(number) as usize]
    }

    /// Every address of the index (for saving the whole site).
    pub fn urls(&self) -> Vec<String> {
        let mut out = vec![MANIFEST_URL.to_string()];
        out.extend((0..self.gram_shards).map(|k| self.url(&Piece::Grams(k))));
        out.extend((0..self.text_sizes.len() as u32).map(|k| self.url(&Piece::Text(k))));
        out.extend((0..self.part_shards).map(|k| self.url(&Piece::Part(k))));
        out.extend(REGION_FILTERS.iter().map(|f| self.url(&Piece::Region(f))));
        out.extend((0..self.name_shards).map(|k| self.url(&Piece::Names(k))));
        out
    }
}

/// One file of the index under the version's folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece {
    /// Gram shard `k`: `g<k>.bin`.
    Grams(u32),
    /// Text shard `k`: `t<k>.json`.
    Text(u32),
    /// Part shard `k`: `p<k>.json`.
    Part(u32),
    /// A region filter's section list: `r-<key>.bin`.
    Region(&'static RegionFilter),
    /// Names shard `k`: `n<k>.json`.
    Names(u32),
}

impl Piece {
    /// The file's name.
    pub fn name(&self) -> String {
        match self {
            Piece::Grams(k) => format!("g{k}.bin"),
            Piece::Text(k) => format!("t{k}.json"),
            Piece::Part(k) => format!("p{k}.json"),
            Piece::Region(f) => format!("r-{}.bin", f.key),
            Piece::Names(k) => format!("n{k}.json"),
        }
    }
}

/// Whether the file at `path` (an address, e.g. `/data/search/<version>/p3.json`) is a piece the search can do
/// without: a part shard, whose text the whole texts also hold (see [`Library::do_without`]). 保存全部内容
/// leaves these out.
pub fn optional_piece(path: &str) -> bool {
    path.strip_prefix(DIR)
        .and_then(|p| p.rsplit_once('/'))
        .is_some_and(|(_, name)| is_part_name(name))
}

/// Whether `name` is a part shard's name (`p<k>.json`).
pub(crate) fn is_part_name(name: &str) -> bool {
    name.strip_prefix('p')
        .and_then(|n| n.strip_suffix(".json"))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// 32-bit FNV-1a: which shard a gram or a part is in (the build and the browser must agree, nothing more).
pub(crate) fn fnv32(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5u32, |h, &b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// One gram's posting list.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Posting {
    /// The gram (one to three normalized characters).
    pub gram: String,
    /// Section numbers, ascending, each as the difference from the one before (the first as is).
    pub gaps: Vec<u32>,
    /// Per section: occurrences in title and text times two, plus one when the gram is in the title.
    pub marks: Vec<u32>,
    /// Per section: the part of a long text where the gram first occurs (0 for a short text;
    /// [`NOT_IN_TEXT`], [`FAR`]).
    pub firsts: Vec<u8>,
    /// Per section, for a trigram only (a longer term is looked up by trigrams; empty for a shorter
    /// gram): where the gram occurs, modulo [`MASK_BITS`]: bit `p % 8` is set for an occurrence at
    /// normalized character `p` of the title or the text. A longer term can be in a section only where
    /// its trigrams' bits line up at their offsets in the term ([`plan`]), which rules out most
    /// sections that hold its trigrams apart.
    pub masks: Vec<u8>,
}

/// The positions a posting's mask tells apart ([`Posting::masks`]).
pub(crate) const MASK_BITS: usize = 8;

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

/// A part of a long section's text, as a part shard holds it: a JSON array (less code to read than an
/// object) of the section's number, which part (it covers normalized characters from
/// `part × PART_CHARS`), the normalized character its text starts at (the part's start less the
/// snippet's lead), the normalized characters of the whole text, and the section with only this part's
/// text (as written).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Part(pub u32, pub u8, pub u32, pub u32, pub Record);
