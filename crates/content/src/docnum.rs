//! Chinese document numbers (文号) such as `甘卫发〔2018〕165号`: finding them in text and normalizing
//! their spelling (brackets, stray spaces) so they can be matched against the library.

use std::ops::Range;

const OPEN: &[char] = &['〔', '[', '［', '(', '（', '【'];
const CLOSE: &[char] = &['〕', ']', '］', ')', '）', '】'];

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// The canonical spelling: no whitespace, the year in `〔〕`.
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

/// Characters that end an issuer prefix (`…发`, `…字`, `…函`, `…办`) and words that never belong to one.
const PREFIX_END: &[char] = &['发', '字', '函', '办', '令', '通'];
const NOT_PREFIX: &[char] = &[
    '和', '与', '及', '的', '根', '据', '按', '照', '见', '、', '是', '在', '为', '将', '以', '对',
];

/// Every 文号 in `text`: byte ranges and normalized forms. The issuer prefix is the run of CJK characters
/// before the bracket, at most 8, stopping at words like 和/的/根据 that are never part of one.
pub fn find_all(text: &str) -> Vec<(Range<usize>, String)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (_, c) = chars[i];
        if !OPEN.contains(&c) {
            i += 1;
            continue;
        }
        // Year: four digits, optional spaces, closing bracket.
        let mut j = i + 1;
        let mut digits = 0;
        while j < chars.len() && chars[j].1.is_ascii_digit() {
            digits += 1;
            j += 1;
        }
        if digits != 4 || j >= chars.len() || !CLOSE.contains(&chars[j].1) {
            i += 1;
            continue;
        }
        j += 1;
        while j < chars.len() && chars[j].1 == ' ' {
            j += 1;
        }
        let mut n = 0;
        while j < chars.len() && chars[j].1.is_ascii_digit() {
            n += 1;
            j += 1;
        }
        while j < chars.len() && chars[j].1 == ' ' {
            j += 1;
        }
        if n == 0 || j >= chars.len() || chars[j].1 != '号' {
            i += 1;
            continue;
        }
        let end = chars[j].0 + '号'.len_utf8();
        // Issuer prefix: CJK characters directly before the bracket.
        let mut k = i;
        while k > 0 && i - k < 8 && is_cjk(chars[k - 1].1) && !NOT_PREFIX.contains(&chars[k - 1].1)
        {
            k -= 1;
        }
        if k == i || !PREFIX_END.contains(&chars[i - 1].1) {
            i = j + 1;
            continue;
        }
        let start = chars[k].0;
        out.push((start..end, normalize(&text[start..end])));
        i = j + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(text: &str, want: &[&str]) {
        let got: Vec<String> = find_all(text)
            .into_iter()
            .map(|(r, n)| {
                assert_eq!(normalize(&text[r.clone()]), n);
                n
            })
            .collect();
        assert_eq!(got, want, "in {text:?}");
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
        case("（川脱贫办发〔2016〕61 号）和", &["川脱贫办发〔2016〕61号"]);
        case("眉卫发〔2016〕137 号", &["眉卫发〔2016〕137号"]);
        case(
            "甘医改办发[2017]6号与甘政发〔2018〕34号",
            &["甘医改办发〔2017〕6号", "甘政发〔2018〕34号"],
        );
        case("德卫办字〔2018〕20号", &["德卫办字〔2018〕20号"]);
        case("在〔2018〕年", &[]);
        case("2018年6月29日", &[]);
        case("（2018〕6号）", &[]);
    }

    #[test]
    fn normalizes_brackets_and_spaces() {
        assert_eq!(normalize("眉卫发[2016] 137 号"), "眉卫发〔2016〕137号");
        assert_eq!(normalize("甘卫发（2018）165号"), "甘卫发〔2018〕165号");
    }
}
