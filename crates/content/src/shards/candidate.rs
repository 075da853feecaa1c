//! A candidate section, as the postings describe it before any text is read, and a hit made from a part of
//! its text.

use crate::search::{
    hit_in_window, hit_with, normalize_mapped, occurrences, rank, spans_of, Hit, Tier, Window,
    SNIPPET_BEFORE, SNIPPET_CHARS,
};
use crate::shards::lists::Numbered;
use crate::shards::{Part, Plan, FAR, MASK_BITS, NOT_IN_TEXT, PART_CHARS};

/// A section that may hold every term, with what the postings say of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Candidate {
    pub number: u32,
    /// (tier, terms in the title, occurrences): at least the exact values (exactly them when the plan
    /// is exact).
    pub key: (Tier, u32, u32),
    /// The first part of a long text where a term occurs (see [`crate::shards::Posting::firsts`]).
    pub first: u8,
    /// Where in a long text the term can start, when the plan has one term.
    pub reach: Option<Reach>,
}

/// Where in a long section's text a term can start (normalized characters), from its grams' first
/// parts (which a short text's postings do not mark): so that one part of the text can decide whether
/// the section holds the term ([`hit_in_part`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Reach {
    /// Whether every gram occurs in the text (else the term can be in the title only).
    pub in_text: bool,
    /// No occurrence starts before this: a gram first occurs in its first part, and an occurrence of
    /// the term holds the gram at its offset in the term.
    pub from: u32,
    /// No occurrence starts at or after this: a gram that occurs once, in the text, is in every
    /// occurrence (`u32::MAX` when no gram does).
    pub until: u32,
}

impl Reach {
    /// What gram at `offset` in the term tells, with its first part and occurrences.
    fn of_gram(first: u8, count: u32, offset: usize) -> Self {
        let part = |p: u8| u32::from(p) * PART_CHARS as u32;
        let offset = offset as u32;
        Reach {
            in_text: first != NOT_IN_TEXT,
            // A gram past the marked parts ([`FAR`]) first occurs after them.
            from: part(first.min(FAR)).saturating_sub(offset),
            until: if count == 1 && first < FAR {
                part(first + 1).saturating_sub(offset)
            } else {
                u32::MAX
            },
        }
    }

    /// What two grams of the term tell together.
    fn and(self, other: Self) -> Self {
        Reach {
            in_text: self.in_text && other.in_text,
            from: self.from.max(other.from),
            until: self.until.min(other.until),
        }
    }

    /// The part that decides whether the section holds a term of `len` characters (see
    /// [`hit_in_part`]): the one where the term can first start, when every occurrence it can have, with
    /// its snippet, is in that part (a gram that occurs once pins it); the first part for a term in the
    /// title only (its snippet is the text's start). Else None: only the whole text can tell.
    pub fn part(&self, len: usize) -> Option<u8> {
        if !self.in_text {
            return Some(0);
        }
        let p = self.from / PART_CHARS as u32;
        // A snippet runs from SNIPPET_BEFORE before its match to at least SNIPPET_CHARS after its start
        // (or the match's end); a part, to SNIPPET_CHARS past its own end.
        let reach = (SNIPPET_CHARS - SNIPPET_BEFORE).max(len) as u64;
        let part_end = u64::from(p + 1) * PART_CHARS as u64 + SNIPPET_CHARS as u64;
        let pinned = u64::from(self.until).saturating_sub(1) + reach <= part_end;
        u8::try_from(p).ok().filter(|&p| p < FAR && pinned)
    }
}

/// One term's entry for a section, from the postings of the grams looked up for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct TermEntry {
    pub number: u32,
    /// Whether every gram is in the title.
    pub title: bool,
    /// The fewest occurrences of any gram.
    pub count: u32,
    /// The fewest of any gram's occurrences less the positions its mask sets (see [`TermEntry::bound`]).
    pub spare: u32,
    /// The latest part of a long text where a gram first occurs (exact for a one-gram term).
    pub first: u8,
    /// Where the term can start modulo [`MASK_BITS`]: the grams' masks, each turned back by its offset
    /// in the term, and-ed.
    pub starts: u8,
    /// Where in a long text the term can start.
    pub reach: Reach,
}

impl TermEntry {
    /// The entry of the gram at `offset` in the term: its posting's mark (occurrences × 2 + in the
    /// title), first part and mask (`None` for a gram without masks).
    pub fn of_gram(number: u32, mark: u32, first: u8, offset: usize, mask: Option<u8>) -> Self {
        let count = mark >> 1;
        TermEntry {
            number,
            title: mark & 1 == 1,
            count,
            spare: count.saturating_sub(mask.map_or(0, u8::count_ones)),
            first,
            starts: mask.map_or(u8::MAX, |m| m.rotate_right((offset % MASK_BITS) as u32)),
            reach: Reach::of_gram(first, count, offset),
        }
    }

    /// The entry of the term with one more gram (same section).
    pub fn and(self, other: Self) -> Self {
        TermEntry {
            number: self.number,
            title: self.title && other.title,
            count: self.count.min(other.count),
            spare: self.spare.min(other.spare),
            first: self.first.max(other.first),
            starts: self.starts & other.starts,
            reach: self.reach.and(other.reach),
        }
    }

    /// At most this many occurrences of the term (exactly them for a one-gram term). Each position a
    /// gram's mask sets stands for at least one of its occurrences; those at a position where the term
    /// cannot start (turned by the gram's offset) are in no occurrence of the term, so a gram with `c`
    /// occurrences over `m` positions, `s` of them where the term can start, is in at most
    /// `c − m + s` of the term's occurrences. So the term occurs at most [`TermEntry::spare`] plus the
    /// positions where it can start: much less than the fewest occurrences of any gram when its grams
    /// also occur elsewhere in the section (会宁县, 办公室 around one 会宁县人民政府办公室).
    pub fn bound(&self) -> u32 {
        self.count.min(self.spare + self.starts.count_ones())
    }
}

impl Numbered for Candidate {
    fn number(&self) -> u32 {
        self.number
    }
}

impl Numbered for TermEntry {
    fn number(&self) -> u32 {
        self.number
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
    let matches = plan
        .terms
        .iter()
        .map(|t| spans_of(&chars, t, offset))
        .collect();
    let window = Window {
        text: &r.entry.text,
        spans: &spans,
        offset,
        total: *len as usize,
    };
    let score = rank(
        r.entry.tier(),
        c.key.1 as usize,
        c.key.2 as usize,
        *len as usize,
    );
    hit_with(&r.doc, &r.entry, &window, matches, score)
}

/// Whether a long section holds the query's one term, decided from `part` of its text when it can be:
/// `Some(Some(hit))` it does (every occurrence counted, the snippet around the first), `Some(None)` it
/// does not; `None` when only the whole text can tell. `part` is the one [`Reach::part`] names.
pub(crate) fn hit_in_part(part: &Part, terms: &[Vec<char>], reach: &Reach) -> Option<Option<Hit>> {
    let Part(_, _, from, len, r) = part;
    let [term] = terms else { return None };
    let (offset, len) = (*from as usize, *len as usize);
    let chars = normalize_mapped(&r.entry.text).0;
    let end = offset + chars.len();
    // Every occurrence starts at `reach.from` or later, inside this part: the part shows each one that
    // ends in it, the first of all among them; all of them when none can end past it.
    let last_start = (reach.until as usize).saturating_sub(1);
    if reach.in_text && end < len && last_start.saturating_add(term.len()) > end {
        return None;
    }
    // The snippet must be in the part: around the first occurrence, or the text's start (the term in
    // the title only).
    let fits = occurrences(&chars, term).first().map_or(offset == 0, |&i| {
        let first = offset + i;
        (first.saturating_sub(SNIPPET_BEFORE) + SNIPPET_CHARS)
            .max(first + term.len())
            .min(len)
            <= end
    });
    let hit = hit_in_window(&r.doc, &r.entry, terms, offset, Some(len));
    (fits || hit.is_none()).then_some(hit)
}

/// The (tier, title, occurrences) part of [`crate::search::Hit::score`] for a candidate's key (the
/// score's bits above the shortness, as [`rank`] packs them).
pub(crate) fn key_bits(key: (Tier, u32, u32)) -> u64 {
    let (tier, title, count) = key;
    u64::from(rank(tier, title as usize, count as usize, usize::MAX) >> 12)
}
