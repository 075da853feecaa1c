//! Numbers as people say and write them in Chinese numerals: 三千, 两千五 (2500), 一万二 (12000), 一万零五百,
//! and the 大写 numerals a settlement slip prints (壹万贰仟伍佰). One reader for the search's offer of the
//! documents' digits (`search::in_digits`) and for amounts typed in the calculator (`policy_engine::amount`).

/// The value of each numeral, with the 大写 forms.
const DIGITS: &[(char, u64)] = &[
    ('零', 0),
    ('〇', 0),
    ('一', 1),
    ('壹', 1),
    ('二', 2),
    ('两', 2),
    ('贰', 2),
    ('三', 3),
    ('叁', 3),
    ('四', 4),
    ('肆', 4),
    ('五', 5),
    ('伍', 5),
    ('六', 6),
    ('陆', 6),
    ('七', 7),
    ('柒', 7),
    ('八', 8),
    ('捌', 8),
    ('九', 9),
    ('玖', 9),
];

/// The value of each magnitude below 万, with the 大写 forms.
const SMALL_UNITS: &[(char, u64)] = &[
    ('十', 10),
    ('拾', 10),
    ('百', 100),
    ('佰', 100),
    ('千', 1000),
    ('仟', 1000),
];

/// 万, and its 大写 form.
const TEN_THOUSAND: [char; 2] = ['万', '萬'];

/// The value of the numeral `c` (一, 两, 贰, 零…), if it is one.
pub fn digit(c: char) -> Option<u64> {
    DIGITS.iter().find(|d| d.0 == c).map(|d| d.1)
}

fn small_unit(c: char) -> Option<u64> {
    SMALL_UNITS.iter().find(|u| u.0 == c).map(|u| u.1)
}

/// Whether `c` is a magnitude (十, 百, 千, 万, and their 大写 forms).
pub fn is_magnitude(c: char) -> bool {
    small_unit(c).is_some() || TEN_THOUSAND.contains(&c)
}

/// Whether `c` is a numeral or a magnitude.
pub fn is_numeral(c: char) -> bool {
    digit(c).is_some() || is_magnitude(c)
}

/// The value of a run of numerals (三千, 十五, 两千五, 一万二千, 三百万): `None` if it is not a number as
/// people say one (two digits in a row, magnitudes out of order or twice: 三百二千, 一万二万).
pub fn value(run: &[char]) -> Option<u64> {
    let (mut total, mut section, mut pending) = (0u64, 0u64, None::<u64>);
    // The magnitude of the last unit: a digit after it, ending the number, counts one step lower
    // (两千五 is 2500).
    let mut last_unit = None::<u64>;
    // The last magnitude below 万 in this section: the next must be smaller.
    let mut last_small = None::<u64>;
    for &c in run {
        if let Some(d) = digit(c) {
            if pending.is_some_and(|p| p != 0) {
                return None;
            }
            pending = Some(d);
        } else if let Some(u) = small_unit(c) {
            if last_small.is_some_and(|l| u >= l) {
                return None;
            }
            // 十 opening a number is 一十.
            section += pending.take().unwrap_or(1) * u;
            last_unit = Some(u);
            last_small = Some(u);
        } else {
            section += pending.take().unwrap_or(0);
            if section == 0 || total > 0 {
                return None;
            }
            total = section * 10_000;
            section = 0;
            last_unit = Some(10_000);
            last_small = None;
        }
    }
    let tail = match (pending, last_unit) {
        (Some(d), Some(u)) if u >= 100 && run.len() >= 2 && digit(run[run.len() - 2]).is_none() => {
            d * u / 10
        }
        (Some(d), _) => d,
        (None, _) => 0,
    };
    Some(total + section + tail)
}

/// The number `s` says when it is all numerals (一万二, 壹万贰仟伍佰), else `None`.
pub fn number(s: &str) -> Option<u64> {
    let run: Vec<char> = s.chars().collect();
    (!run.is_empty() && run.iter().all(|c| is_numeral(*c)))
        .then(|| value(&run))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::number;

    #[test]
    fn numbers_in_numerals() {
        // written / its value (None: not a number as people say one)
        let cases: &[(&str, Option<u64>)] = &[
            ("三千", Some(3000)),
            ("两千五", Some(2500)),
            ("一万二", Some(12000)),
            ("一万二千五百六十", Some(12560)),
            ("一万零五百", Some(10500)),
            ("一千零五", Some(1005)),
            ("十五", Some(15)),
            ("十二万", Some(120_000)),
            ("三百万", Some(3_000_000)),
            ("壹万贰仟伍佰", Some(12500)),
            ("叁仟", Some(3000)),
            ("伍拾", Some(50)),
            ("一二", None),
            ("三百二千", None),
            ("一万二万", None),
            ("万", None),
            ("一千千", None),
            ("", None),
            ("1万2", None),
        ];
        for (written, want) in cases {
            assert_eq!(number(written), *want, "{written}");
        }
    }
}
