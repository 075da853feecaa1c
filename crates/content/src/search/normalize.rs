//! How index and query see text: full-width letters and digits folded to ASCII, ASCII lowercased,
//! whitespace and punctuation dropped (a `.` between two digits is a decimal point and stays, a closing
//! bracket between two digits a break: [`NUMBER_BREAK`]); and the
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

/// What each bracket of a list number (`（一）`, `(3)`) becomes: a character no word holds, so that the
/// number and the words around it are not read as one word (`（一）年度` is not `一年`), while the number
/// itself is still searched (`（5）落实` finds its own item, not every bracketed number's).
pub const LIST_NUMBER: char = '\u{E000}';

/// What a closing bracket between two digits becomes (the year's 〔〕 of a 文号, `〔2018〕34号`): a character
/// no word holds, so that the year and the number are not read as one number (`201834` held `83`, and a
/// search for 83号 had opened 甘政发〔2018〕34号 marked at 8〕3), while the whole 文号 as the documents write
/// it, in any brackets, is still found.
pub const NUMBER_BREAK: char = '\u{E001}';

/// Whether a folded character closes a bracket.
fn closing(c: char) -> bool {
    matches!(
        c,
        ')' | ']' | '〕' | '】' | '〗' | '」' | '』' | '〉' | '》'
    )
}

/// The longest list number in brackets, in characters between them (`十二`, `12`).
const LIST_NUMBER_CHARS: usize = 3;

/// Whether a folded character can be part of a list number (a Chinese numeral or a digit).
fn numeral(c: char) -> bool {
    c.is_ascii_digit() || "一二三四五六七八九十".contains(c)
}

/// Normalized characters of `s`, each with the byte range in `s` of the character it came from.
/// A `.` stays when both its neighbours are digits (a decimal point: `7.5` is not `75`); a list
/// number in brackets keeps its numerals between two [`LIST_NUMBER`]s.
pub(crate) fn normalize_mapped(s: &str) -> (Vec<char>, Vec<(usize, usize)>) {
    let folded: Vec<(usize, char, usize)> = s
        .char_indices()
        .map(|(i, c)| (i, fold(c), c.len_utf8()))
        .collect();
    let digit = |k: Option<&(usize, char, usize)>| k.is_some_and(|&(_, c, _)| c.is_ascii_digit());
    let (mut chars, mut spans) = (Vec::new(), Vec::new());
    let mut k = 0;
    while k < folded.len() {
        let (i, c, len) = folded[k];
        // `(` with one to three numerals and `)`: the numerals between two marks.
        if c == '(' {
            let n = folded[k + 1..]
                .iter()
                .take(LIST_NUMBER_CHARS + 1)
                .take_while(|&&(_, c, _)| numeral(c))
                .count();
            if let Some(&(j, ')', l)) = folded.get(k + 1 + n).filter(|_| n > 0) {
                if n <= LIST_NUMBER_CHARS {
                    chars.push(LIST_NUMBER);
                    spans.push((i, i + len));
                    for &(i, c, len) in &folded[k + 1..k + 1 + n] {
                        chars.push(c);
                        spans.push((i, i + len));
                    }
                    chars.push(LIST_NUMBER);
                    spans.push((j, j + l));
                    k += n + 2;
                    continue;
                }
            }
        }
        let between_digits = k > 0 && digit(folded.get(k - 1)) && digit(folded.get(k + 1));
        if closing(c) && between_digits {
            chars.push(NUMBER_BREAK);
            spans.push((i, i + len));
        } else if !ignored(c) || (c == '.' && between_digits) {
            chars.push(c);
            spans.push((i, i + len));
        }
        k += 1;
    }
    (chars, spans)
}

/// The character bigrams of normalized characters, in order (repeats included).
pub(crate) fn bigrams(chars: &[char]) -> impl Iterator<Item = String> + '_ {
    grams(chars, 2)
}

/// The character n-grams (every run of `n` characters) of normalized characters, in order.
pub(crate) fn grams(chars: &[char], n: usize) -> impl Iterator<Item = String> + '_ {
    chars.windows(n).map(|w| w.iter().collect())
}
