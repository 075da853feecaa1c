//! Chinese document numbers (文号) such as `甘卫发〔2018〕165号`: finding them in running text and
//! normalizing their spelling (brackets, stray spaces) so a citation can be matched to the library.

use std::ops::Range;

/// Brackets around the year, in every spelling met in extracted text; all normalize to `〔〕`.
const OPEN: &[char] = &['〔', '[', '［', '(', '（', '【'];
const CLOSE: &[char] = &['〕', ']', '］', ')', '）', '】'];

/// The last character of an issuer prefix, directly before the bracket (`甘卫发`, `德卫办字`, `甘卫药政函`).
const PREFIX_END: &[char] = &['发', '字', '函', '办', '令', '电', '通'];

/// An issuer prefix is at most this many characters (`甘脱贫领办传发` has 7).
const MAX_PREFIX: usize = 8;

/// Single characters that never occur in an issuer prefix but often stand right before one
/// (`和甘卫发…`, `在县委办发…`, `本文件即…`).
const STOP_CHARS: &[char] = &[
    '和', '与', '及', '的', '是', '在', '为', '将', '以', '对', '即', '并', '或', '见', '按', '据',
    '照', '依', '由', '把', '被', '于', '从', '等', '凡', '同',
];

/// Words that end right before an issuer prefix without punctuation (`转发甘卫发…`, `贯彻落实甘卫发…`).
const STOP_WORDS: &[[char; 2]] = &[
    ['印', '发'],
    ['转', '发'],
    ['下', '发'],
    ['关', '于'],
    ['执', '行'],
    ['落', '实'],
    ['贯', '彻'],
    ['参', '照'],
    ['依', '据'],
    ['根', '据'],
    ['按', '照'],
    ['文', '件'],
    ['要', '求'],
    ['规', '定'],
];

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// The canonical spelling: whitespace dropped, the year in `〔〕`. `眉卫发[2016] 137 号` →
/// `眉卫发〔2016〕137号`.
pub fn normalize(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| {
            if OPEN.contains(&c) {
                '〔'
            } else if CLOSE.contains(&c) {
                '〕'
            } else {
                c
            }
        })
        .collect()
}

/// Every 文号 in `text`, in order: its byte range in `text` and its normalized spelling.
///
/// A 文号 is an issuer prefix (a run of CJK characters ending in 发/字/函/…, directly before the
/// bracket), a four-digit year in brackets and a serial number followed by `号`, stray whitespace
/// allowed between the parts. The prefix stops at words that never belong to one (`和`, `的`,
/// `根据`, `转发`, …) and after [`MAX_PREFIX`] characters; a year without an issuer (`〔2017〕69号`)
/// is not a 文号.
pub fn find_all(text: &str) -> Vec<(Range<usize>, String)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte_at = |k: usize| chars.get(k).map_or(text.len(), |&(b, _)| b);
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if OPEN.contains(&chars[i].1) {
            if let (Some(after), Some(start)) =
                (year_and_serial(&chars, i), issuer_start(&chars, i))
            {
                let range = byte_at(start)..byte_at(after);
                found.push((range.clone(), normalize(&text[range])));
                i = after;
                continue;
            }
        }
        i += 1;
    }
    found
}

/// The first index at or after `k` whose character does not satisfy `pred`.
fn skip(chars: &[(usize, char)], mut k: usize, pred: impl Fn(char) -> bool) -> usize {
    while k < chars.len() && pred(chars[k].1) {
        k += 1;
    }
    k
}

/// `〔2018〕165号` starting at the opening bracket `chars[open]`: the index just after `号`.
fn year_and_serial(chars: &[(usize, char)], open: usize) -> Option<usize> {
    let digit = |c: char| c.is_ascii_digit();
    let k = skip(chars, open + 1, char::is_whitespace);
    let year_end = skip(chars, k, digit);
    if year_end - k != 4 {
        return None;
    }
    let k = skip(chars, year_end, char::is_whitespace);
    if !CLOSE.contains(&chars.get(k)?.1) {
        return None;
    }
    let k = skip(chars, k + 1, char::is_whitespace);
    let serial_end = skip(chars, k, digit);
    if serial_end == k || serial_end - k > 5 {
        return None;
    }
    let k = skip(chars, serial_end, char::is_whitespace);
    (chars.get(k)?.1 == '号').then_some(k + 1)
}

/// The index where the issuer prefix before the bracket at `open` starts, if there is one of at
/// least two characters.
fn issuer_start(chars: &[(usize, char)], open: usize) -> Option<usize> {
    if !PREFIX_END.contains(&chars[..open].last()?.1) {
        return None;
    }
    let mut k = open;
    while k > 0 && open - k < MAX_PREFIX {
        let c = chars[k - 1].1;
        let ends_stop_word = k >= 2 && STOP_WORDS.contains(&[chars[k - 2].1, c]);
        if !is_cjk(c) || STOP_CHARS.contains(&c) || ends_stop_word {
            break;
        }
        k -= 1;
    }
    (open - k >= 2).then_some(k)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `want`: the matched slices of `text`, as written there.
    fn case(text: &str, want: &[&str]) {
        let found = find_all(text);
        let got: Vec<&str> = found.iter().map(|(r, _)| &text[r.clone()]).collect();
        assert_eq!(got, want, "in {text:?}");
        for (r, n) in &found {
            assert_eq!(*n, normalize(&text[r.clone()]), "in {text:?}");
        }
    }

    #[test]
    fn finds_document_numbers_in_context() {
        case(
            "根据《实施意见》（甘卫发〔2018〕166号），制定",
            &["甘卫发〔2018〕166号"],
        );
        case(
            "的通知（甘卫发〔2018〕168号）要求",
            &["甘卫发〔2018〕168号"],
        );
        case("和甘卫发〔2018〕165号", &["甘卫发〔2018〕165号"]);
        case("县委办发〔2018〕83号", &["县委办发〔2018〕83号"]);
        case("在县委办发〔2018〕83号中", &["县委办发〔2018〕83号"]);
        case(
            "（川脱贫办发〔2016〕61 号）和",
            &["川脱贫办发〔2016〕61 号"],
        );
        case("“眉卫发〔2016〕137 号”", &["眉卫发〔2016〕137 号"]);
        case("(眉人社发[2016]78 号)", &["眉人社发[2016]78 号"]);
        case("甘医改办发〔2017〕6号", &["甘医改办发〔2017〕6号"]);
        case(
            "甘医改办发[2017]6号与甘政发（2018）34号",
            &["甘医改办发[2017]6号", "甘政发（2018）34号"],
        );
        case("德卫办字〔2018〕20号", &["德卫办字〔2018〕20号"]);
        case("(甘卫药政函〔2018〕175号)", &["甘卫药政函〔2018〕175号"]);
        case(
            "（甘脱贫领办传发〔2017〕39号）",
            &["甘脱贫领办传发〔2017〕39号"],
        );
        case("转发甘卫发〔2018〕165号", &["甘卫发〔2018〕165号"]);
        case("关于印发甘卫发〔2018〕165号", &["甘卫发〔2018〕165号"]);
        case(
            "本文件即会卫计发〔2018〕203号。",
            &["会卫计发〔2018〕203号"],
        );
        case("甘卫发 〔 2018 〕 165 号", &[]);
        case("甘卫发〔 2018 〕 165 号", &["甘卫发〔 2018 〕 165 号"]);
    }

    #[test]
    fn rejects_what_is_not_a_document_number() {
        for text in [
            "在〔2018〕年",
            "2018年6月29日",
            "（2018〕6号）",
            "“〔2017〕69号”",
            "甘卫发〔18〕165号",
            "甘卫发〔2018〕号",
            "甘卫发〔2018〕165",
            "甘卫规〔2018〕165号",
            "转发〔2018〕3号",
        ] {
            case(text, &[]);
        }
    }

    #[test]
    fn normalizes_brackets_and_spaces() {
        for (raw, want) in [
            ("眉卫发[2016] 137 号", "眉卫发〔2016〕137号"),
            ("甘卫发（2018）165号", "甘卫发〔2018〕165号"),
            ("甘卫发(2018)165号", "甘卫发〔2018〕165号"),
            ("甘卫发［2018］165号", "甘卫发〔2018〕165号"),
            ("川脱贫办发〔2016〕61 号", "川脱贫办发〔2016〕61号"),
            ("甘卫发〔2018〕165号", "甘卫发〔2018〕165号"),
        ] {
            assert_eq!(normalize(raw), want, "{raw}");
        }
    }
}
