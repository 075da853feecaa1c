//! A candidate section, as the postings describe it before any text is read, and a hit made from a part of
//! its text.

use crate::search::{hit_with, normalize_mapped, occurrences, rank, snippet, Hit, Window};
use crate::shards::lists::Numbered;
use crate::shards::{Part, Plan, NOT_IN_TEXT};

/// A section that may hold every term, with what the postings say of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Candidate {
    pub number: u32,
    /// (own text, terms in the title, occurrences): at least the exact values (exactly them when the
    /// plan is exact).
    pub key: (bool, u32, u32),
    /// The first part of a long text where a term occurs (see [`crate::shards::Posting::firsts`]).
    pub first: u8,
}

/// One term's entry for a section: (number, in the title, occurrences, first part, where the term can
/// start modulo [`crate::shards::MASK_BITS`]).
pub(crate) type TermEntry = (u32, bool, u32, u8, u8);

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

/// The earlier of two first-part marks: a term in the text before one in the title only; [`FAR`] only
/// when neither is nearer.
pub(crate) fn earliest(a: u8, b: u8) -> u8 {
    match (a, b) {
        (NOT_IN_TEXT, x) | (x, NOT_IN_TEXT) => x,
        (x, y) => x.min(y),
    }
}

/// The hit of an exact plan's candidate `c` from the part its snippet is cut from: the postings give its
/// score, the part its snippet.
pub(crate) fn hit_from_part(part: &Part, c: &Candidate, plan: &Plan) -> Hit {
    let Part(_, _, from, len, r) = part;
    let (chars, spans) = normalize_mapped(&r.entry.text);
    let offset = *from as usize;
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
        total: *len as usize,
    };
    let score = rank(
        r.entry.editorial,
        c.key.1 as usize,
        c.key.2 as usize,
        *len as usize,
    );
    hit_with(&r.doc, &r.entry, snippet(&window, matches), score)
}

/// The (own, title, occurrences) part of [`crate::search::Hit::score`] for a candidate's key (the
/// score's bits above the shortness).
pub(crate) fn key_bits(key: (bool, u32, u32)) -> u64 {
    (u64::from(key.0) << 19) | (u64::from(key.1.min(0x7f)) << 12) | u64::from(key.2.min(0xfff))
}
