//! Amounts and rates typed in words (三千元, 三万元, 百分之八十五) or with the unit people say (3000块),
//! which the documents write in digits and 元 (3000元, 3万元, 85%): the query as the documents would write
//! it, for the search to offer when the words find nothing (and the offer finds something). Only a number
//! with a unit (元, 块, 块钱, %) or a magnitude (十, 百, 千, 万), or after 百分之, is read: a lone numeral
//! is part of the documents' own words (一站式, 三个一批), and so is 十 in 十免; those find something, and
//! an offer is made only for a query that finds nothing.

use crate::numerals::{is_magnitude, is_numeral, value};

/// What a percentage is said with, before its number.
const PERCENT_SAID: &str = "百分之";

/// Words for 元 that people say (the documents write 元), longest first.
const YUAN_SAID: &[&str] = &["块钱", "元钱", "块", "元"];

/// What people say between an amount and its unit for "a little more" (三千多元), left out of the offer:
/// the documents write the amount.
const MORE: char = '多';

/// The percent signs, after a number in words (八十五%).
const PERCENT_SIGNS: &[char] = &['%', '％'];

/// Characters that make a numeral part of a number written otherwise (3千元, 二点五万元): such a run is
/// left as it is.
fn joins_number(c: char) -> bool {
    crate::width::half(c).is_ascii_digit() || matches!(c, '点' | '.' | '．')
}

/// `term` added to `out` as a term of its own: a space before it and, unless `next` (what follows it in
/// the query) is one, after it.
fn apart(out: &mut String, term: &str, next: Option<&char>) {
    if !out.is_empty() && !out.ends_with(' ') {
        out.push(' ');
    }
    out.push_str(term);
    if next.is_some_and(|c| !c.is_whitespace()) {
        out.push(' ');
    }
}

/// The word for 元 that people say at `at` (just after an amount; 多 before it left out: 三千多元), and where
/// it ends.
fn yuan_at(chars: &[char], at: usize) -> Option<(&'static str, usize)> {
    let after = at + usize::from(chars.get(at) == Some(&MORE));
    let rest: String = chars[after..].iter().collect();
    let said = YUAN_SAID.iter().find(|y| rest.starts_with(**y))?;
    Some((said, after + said.chars().count()))
}

/// At `i`, digits (not after another digit) followed by a unit people say for 元 other than 元 itself
/// (块, 块钱, 元钱; 多 before it left out): `3000元`, and where the unit ends.
fn digits_with_spoken_unit(chars: &[char], i: usize) -> Option<(String, usize)> {
    let digit = |c: &char| crate::width::half(*c).is_ascii_digit();
    if (i > 0 && joins_number(chars[i - 1])) || !chars.get(i).is_some_and(digit) {
        return None;
    }
    let len = chars[i..]
        .iter()
        .take_while(|c| digit(c) || joins_number(**c) && !matches!(c, '点'))
        .count();
    let (_, end) = yuan_at(chars, i + len).filter(|(said, _)| *said != "元")?;
    let digits: String = chars[i..i + len]
        .iter()
        .map(|c| crate::width::half(*c))
        .collect();
    Some((format!("{digits}元"), end))
}

/// At `i`, an amount or rate in words (三千元, 三万, 百分之八十五, 八十五%): as the documents write it, and
/// where it ends.
fn words_at(chars: &[char], i: usize) -> Option<(String, usize)> {
    let percent_said: Vec<char> = PERCENT_SAID.chars().collect();
    let percent = chars[i..].starts_with(&percent_said);
    let from = if percent { i + percent_said.len() } else { i };
    let len = chars[from..].iter().take_while(|c| is_numeral(**c)).count();
    let run = &chars[from..from + len];
    let yuan = yuan_at(chars, from + len);
    let sign = chars
        .get(from + len)
        .is_some_and(|c| PERCENT_SIGNS.contains(c));
    let magnitude = run.iter().any(|c| is_magnitude(*c));
    let joined = (i > 0 && joins_number(chars[i - 1]))
        || chars.get(from + len).is_some_and(|c| joins_number(*c));
    if len == 0 || joined || !(percent || sign || yuan.is_some() || (magnitude && len >= 2)) {
        return None;
    }
    let n = value(run)?;
    Some(if percent {
        (format!("{n}%"), from + len)
    } else if sign {
        (format!("{n}%"), from + len + 1)
    } else if let Some((_, end)) = yuan {
        (format!("{}元", as_written(n)), end)
    } else {
        (as_written(n), from + len)
    })
}

/// A number as the documents write it: in 万 from 10,000 when that is how it reads (30000 → 3万, 25000 →
/// 2.5万, 3000000 → 300万: the documents write 3万元, 2.5万元, 300万元), else in digits.
fn as_written(n: u64) -> String {
    if n >= 10_000 && n.is_multiple_of(1_000) {
        let (whole, tenths) = (n / 10_000, n % 10_000 / 1_000);
        if tenths == 0 {
            format!("{whole}万")
        } else {
            format!("{whole}.{tenths}万")
        }
    } else {
        n.to_string()
    }
}

/// `query` with every amount or rate typed in words as the documents write it, each set apart as a term
/// of its own (医疗救助三千元 → 医疗救助 3000元, 三万元 → 3万元), with the words it had and how the
/// documents write them (the first such number's); `None` when it has none. Whether the documents hold
/// that amount is for the search to say: the page offers it only when it finds something.
pub fn in_digits(query: &str) -> Option<(String, String, String)> {
    let chars: Vec<char> = query.chars().collect();
    let mut out = String::new();
    let mut first: Option<(String, String)> = None;
    let mut i = 0;
    while i < chars.len() {
        let Some((written, end)) =
            words_at(&chars, i).or_else(|| digits_with_spoken_unit(&chars, i))
        else {
            out.push(chars[i]);
            i += 1;
            continue;
        };
        first.get_or_insert((chars[i..end].iter().collect(), written.clone()));
        apart(&mut out, &written, chars.get(end));
        i = end;
    }
    first.map(|(said, written)| (said, written, out))
}

#[cfg(test)]
mod tests {
    use super::in_digits;

    #[test]
    fn amounts_and_rates_in_words_are_put_in_digits() {
        // typed / the query offered (None: nothing read)
        let cases: &[(&str, Option<&str>)] = &[
            ("三千元", Some("3000元")),
            ("三千块", Some("3000元")),
            ("三千块钱", Some("3000元")),
            ("两千元", Some("2000元")),
            ("五千", Some("5000")),
            ("两千五百元", Some("2500元")),
            ("两千五", Some("2500")),
            ("一万二千元", Some("1.2万元")),
            ("一万二", Some("1.2万")),
            ("三万元", Some("3万元")),
            ("两万五", Some("2.5万")),
            ("三百万元", Some("300万元")),
            ("一万零五百元", Some("10500元")),
            ("三千多元", Some("3000元")),
            ("三千元钱", Some("3000元")),
            ("八十五%", Some("85%")),
            ("八十五％以上", Some("85% 以上")),
            // Digits with a spoken unit: 元.
            ("3000块", Some("3000元")),
            ("3000块钱", Some("3000元")),
            ("３０００多块钱", Some("3000元")),
            ("报销3000块", Some("报销 3000元")),
            ("3000元", None),
            // Part of a number written otherwise: left as typed.
            ("3千元", None),
            ("二点五万元", None),
            ("十五元", Some("15元")),
            ("七百元", Some("700元")),
            ("一千零五元", Some("1005元")),
            ("五十元", Some("50元")),
            ("百分之八十五", Some("85%")),
            ("百分之九十", Some("90%")),
            ("医疗救助三千元", Some("医疗救助 3000元")),
            ("一年救助三千元吗", Some("一年救助 3000元 吗")),
            ("报销百分之八十五", Some("报销 85%")),
            // The documents' own words: nothing read.
            ("一站式", None),
            ("三个一批", None),
            ("十免", None),
            ("一人一策", None),
            ("3000元", None),
            ("大病保险", None),
        ];
        for (typed, want) in cases {
            assert_eq!(
                in_digits(typed).map(|o| o.2),
                want.map(String::from),
                "{typed}"
            );
        }
        assert_eq!(
            in_digits("医疗救助三千元"),
            Some(("三千元".into(), "3000元".into(), "医疗救助 3000元".into()))
        );
    }
}
