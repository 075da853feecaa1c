//! A hit's snippet: about [`SNIPPET_CHARS`] characters of the text as written from a little before the
//! first match, every match inside marked.

/// Characters of a snippet, about.
pub(crate) const SNIPPET_CHARS: usize = 60;
/// Characters of context before the first match in a snippet.
pub(crate) const SNIPPET_BEFORE: usize = 20;

/// A piece of a snippet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fragment {
    /// The text, as written in the document.
    pub text: String,
    /// Whether it is a match of the query.
    pub hit: bool,
}

/// A section's text, or the part of it a snippet is cut from.
pub(crate) struct Window<'a> {
    /// The text as written: the whole, or from the normalized character `offset` (its first byte) to
    /// one that is at least [`SNIPPET_CHARS`] past any first match it is used for (or the end).
    pub text: &'a str,
    /// The byte range in `text` of each normalized character of it.
    pub spans: &'a [(usize, usize)],
    /// The normalized position of the window's first character in the whole text.
    pub offset: usize,
    /// Normalized characters in the whole text.
    pub total: usize,
}

/// About [`SNIPPET_CHARS`] characters of the text from a little before `focus` (where the terms stand
/// closest together: [`crate::search::closest`]; the first match for one term), every match inside
/// marked. A focus longer than a snippet is shown as two pieces, around its first match and its last,
/// so that every term is seen. `matches` are normalized `(start, end)` positions in the whole text:
/// every match in the window, the focus's among them (and at least [`SNIPPET_BEFORE`] characters into
/// the window unless the window starts the text).
pub(crate) fn snippet(
    w: &Window,
    mut matches: Vec<(usize, usize)>,
    focus: Option<(usize, usize)>,
) -> Vec<Fragment> {
    matches.sort_unstable();
    let Some((first, reach)) = focus else {
        // Only the title matched: the start of the text.
        let cut: String = w.text.chars().take(SNIPPET_CHARS).collect();
        let more = if cut.len() < w.text.len() { "…" } else { "" };
        return if cut.is_empty() {
            Vec::new()
        } else {
            vec![plain(&format!("{cut}{more}"))]
        };
    };
    let end_of = |at: usize| matches.iter().find(|m| m.0 == at).map_or(reach, |m| m.1);
    let start = first.saturating_sub(SNIPPET_BEFORE);
    // The focus's last match: the one that ends it.
    let last = matches
        .iter()
        .filter(|m| m.0 >= first && m.1 <= reach)
        .max_by_key(|m| (m.1, std::cmp::Reverse(m.0)))
        .map_or(first, |m| m.0);
    let mut out = if last == first || reach - first <= SNIPPET_CHARS {
        piece(w, &matches, start, (start + SNIPPET_CHARS).max(reach))
    } else {
        let half = SNIPPET_CHARS / 2;
        let mut out = piece(w, &matches, start, (first + half).max(end_of(first)));
        let from = last.saturating_sub(SNIPPET_BEFORE / 2).max(first + half);
        let mut second = piece(w, &matches, from, (from + half).max(reach));
        if out.last().is_some_and(|f| f.text == "…")
            && second.first().is_some_and(|f| f.text == "…")
        {
            second.remove(0);
        }
        out.append(&mut second);
        out
    };
    // Join neighbouring pieces of the same kind.
    out.drain(..).fold(Vec::new(), |mut acc: Vec<Fragment>, f| {
        match acc.last_mut() {
            Some(last) if last.hit == f.hit => last.text.push_str(&f.text),
            _ => acc.push(f),
        }
        acc
    })
}

/// Unmarked text.
fn plain(s: &str) -> Fragment {
    Fragment {
        text: s.to_string(),
        hit: false,
    }
}

/// The text from normalized character `start` to `end` (clamped to the text), the matches wholly inside
/// it marked, with `…` where it cuts the text.
fn piece(w: &Window, matches: &[(usize, usize)], start: usize, end: usize) -> Vec<Fragment> {
    let (text, spans, offset) = (w.text, w.spans, w.offset);
    let end = end.min(w.total);
    let mut out = Vec::new();
    if start > 0 {
        out.push(plain("…"));
    }
    // From the text's first byte at its start (leading punctuation included), and up to the next
    // matched character or the text's end (trailing punctuation included).
    let mut at = if start == 0 {
        0
    } else {
        spans[start - offset].0
    };
    for &(s, e) in matches {
        if s < start {
            continue;
        }
        if e > end {
            break;
        }
        let (b0, b1) = (spans[s - offset].0, spans[e - 1 - offset].1);
        if b0 < at {
            // Overlaps the previous match: extend it.
            if let Some(last) = out.last_mut().filter(|f: &&mut Fragment| f.hit) {
                if b1 > at {
                    last.text.push_str(&text[at..b1]);
                    at = b1;
                }
            }
            continue;
        }
        if b0 > at {
            out.push(plain(&text[at..b0]));
        }
        out.push(Fragment {
            text: text[b0..b1].to_string(),
            hit: true,
        });
        at = b1;
    }
    let stop = if end < w.total {
        spans[end - offset].0
    } else {
        text.len()
    };
    if stop > at {
        out.push(plain(&text[at..stop]));
    }
    if end < w.total {
        out.push(plain("…"));
    }
    out
}
