//! Full-width characters read as the ASCII they stand for: a Chinese input method in full-width mode types
//! `３` for 3, `．` for `.`, `，` for `,`, `％` for `%`. Every place that reads what a person typed or a link
//! gave (the calculator's amounts and parameters, a self-check score, the search's text) folds it here
//! first, so `１２０００` is 12000 everywhere.

/// The first and last full-width forms of printable ASCII (`！` U+FF01 … `～` U+FF5E); each is its ASCII
/// character (`!` … `~`) plus this offset.
const FULL: std::ops::RangeInclusive<char> = '\u{FF01}'..='\u{FF5E}';

/// The distance from a full-width form to its ASCII character.
const OFFSET: u32 = 0xFEE0;

/// `c` as ASCII if it is the full-width form of a printable ASCII character (`３` → `3`, `．` → `.`,
/// `Ａ` → `A`); any other character as it is.
pub fn half(c: char) -> char {
    if FULL.contains(&c) {
        char::from_u32(c as u32 - OFFSET).unwrap_or(c)
    } else {
        c
    }
}

/// `s` with every full-width form of printable ASCII folded by [`half`].
pub fn halve(s: &str) -> String {
    s.chars().map(half).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_forms_are_read_as_ascii() {
        let table = [
            ("０１２３４５６７８９", "0123456789"),
            ("３", "3"),
            ("１２０００", "12000"),
            ("１．２万", "1.2万"),
            ("１２，０００．５０", "12,000.50"),
            ("７８％", "78%"),
            ("－５", "-5"),
            ("！～", "!~"),
            ("ＡＢｃ", "ABc"),
            // Already ASCII, and everything that is not a full-width form of ASCII, stays.
            ("12000", "12000"),
            ("三分", "三分"),
            ("1。5", "1。5"),
            ("\u{3000}3\u{3000}", "\u{3000}3\u{3000}"),
            ("￥3", "￥3"),
            ("", ""),
        ];
        for (typed, read) in table {
            assert_eq!(halve(typed), read, "{typed:?}");
        }
    }

    #[test]
    fn only_the_full_width_block_moves() {
        // Every character of the block lands on printable ASCII, and its neighbours outside stay.
        for c in FULL {
            let h = half(c);
            assert!(h.is_ascii_graphic(), "{c:?} → {h:?}");
            assert_eq!(h as u32 + OFFSET, c as u32);
        }
        for c in ['\u{FF00}', '\u{FF5F}', '\u{FFE5}', '0', '9', 'a'] {
            assert_eq!(half(c), c, "{c:?}");
        }
    }
}
