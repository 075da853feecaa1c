//! How index and query see text: full-width letters and digits folded to ASCII, ASCII lowercased,
//! whitespace and punctuation dropped (a `.` between two digits is a decimal point and stays); and the
//! character n-grams of normalized text.

/// Folds one character's width and case: full-width ASCII to half-width, ASCII lowercased.
fn fold(c: char) -> char {
    crate::width::half(c).to_ascii_lowercase()
}

/// Whether a folded character is left out of matching: whitespace and punctuation (but see
/// [`normalize_mapped`] for the decimal point).
fn ignored(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            ',' | '.'
                | ';'
                | ':'
                | '!'
                | '?'
                | '"'
                | '\''
                | '('
                | ')'
                | '['
                | ']'
                | '-'
                | '、'
                | '。'
                | '｡'
                | '､'
                | '“'
                | '”'
                | '‘'
                | '’'
                | '《'
                | '》'
                | '〈'
                | '〉'
                | '【'
                | '】'
                | '〔'
                | '〕'
                | '〖'
                | '〗'
                | '「'
                | '」'
                | '『'
                | '』'
                | '·'
                | '・'
                | '—'
                | '–'
                | '―'
                | '…'
        )
}

/// The normalized form of `s`, as the index and the query see it.
pub fn normalize(s: &str) -> String {
    normalize_mapped(s).0.into_iter().collect()
}

/// Normalized characters of `s`, each with the byte range in `s` of the character it came from.
/// A `.` stays when both its neighbours are digits (a decimal point: `7.5` is not `75`).
pub(crate) fn normalize_mapped(s: &str) -> (Vec<char>, Vec<(usize, usize)>) {
    let folded: Vec<(usize, char, usize)> = s
        .char_indices()
        .map(|(i, c)| (i, fold(c), c.len_utf8()))
        .collect();
    let digit = |k: Option<&(usize, char, usize)>| k.is_some_and(|&(_, c, _)| c.is_ascii_digit());
    folded
        .iter()
        .enumerate()
        .filter(|&(k, &(_, c, _))| {
            !ignored(c)
                || (c == '.' && k > 0 && digit(folded.get(k - 1)) && digit(folded.get(k + 1)))
        })
        .map(|(_, &(i, c, len))| (c, (i, i + len)))
        .unzip()
}

/// The character bigrams of normalized characters, in order (repeats included).
pub(crate) fn bigrams(chars: &[char]) -> impl Iterator<Item = String> + '_ {
    grams(chars, 2)
}

/// The character n-grams (every run of `n` characters) of normalized characters, in order.
pub(crate) fn grams(chars: &[char], n: usize) -> impl Iterator<Item = String> + '_ {
    chars.windows(n).map(|w| w.iter().collect())
}
