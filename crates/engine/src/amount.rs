//! Parsing amounts as people type them: `12000`, `12,000.50`, `1.2万`, full-width `１２０００`,
//! `12000元`, `12000块` (full-width forms read as ASCII by [`policy_content::width`]), and as they say them:
//! `1万2` (12000), `1万2千5`, `3千5` ([`said`]), and in Chinese numerals as voice input and settlement
//! slips write them (`一万二`, `壹万贰仟伍佰元整`: [`policy_content::numerals`]). The same parser serves the
//! CLI and the web form.

use std::fmt;

use rust_decimal::Decimal;

use crate::money::round;

/// The largest amount accepted (1亿元): anything bigger is a typing mistake.
pub const MAX: i64 = crate::data::MAX_YUAN;

/// Why an amount could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AmountError {
    /// Nothing was typed.
    Empty,
    /// A minus sign: amounts are never negative.
    Negative { input: String },
    /// Not a number (letters, exponents, two decimal points…).
    NotANumber { input: String },
    /// More than 1亿元.
    TooLarge { input: String },
    /// A comma that does not separate thousands (`12,00`, `12.000,50`): which number was meant cannot be
    /// told, so none is taken.
    Comma { input: String },
    /// Commas between thousands with the last group still short (`12,` or `12,00` on the way to `12,000`):
    /// as a person types, and no number yet.
    ShortGroup { input: String },
    /// More decimals than 分 (`12.000`, `12000.555`): most likely a thousands point, or a key pressed twice,
    /// so the number meant cannot be told, and none is taken (a rounded one would look taken as typed).
    Decimals { input: String },
}

impl fmt::Display for AmountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => write!(f, "请填写金额"),
            Self::Negative { input } => write!(f, "金额不能是负数：{input}"),
            Self::NotANumber { input } => write!(
                f,
                "看不懂这个金额：{input}（请写成 12000、1.2万 或 1万2 这样的数）"
            ),
            Self::TooLarge { input } => write!(f, "金额太大了：{input}（不能超过1亿元）"),
            Self::Comma { input } => write!(
                f,
                "逗号的位置不对：{input}（逗号只用来每三位分开，如 12,000；小数用点，如 12000.50）"
            ),
            Self::ShortGroup { input } => write!(
                f,
                "逗号后面要写满三位数：{input}（如 12,000；小数用点，如 12000.50）"
            ),
            Self::Decimals { input } => write!(
                f,
                "小数点后的位数太多：{input}（金额只到分，如 12000.50；一万二千元请填 12000 或 1.2万）"
            ),
        }
    }
}

impl std::error::Error for AmountError {}

/// Whether `input` holds no amount yet: nothing, or only what stands around one (`¥`, `元`, spaces), as
/// when a person has begun with the sign. Such a field is left blank, not wrong.
pub fn blank(input: &str) -> bool {
    matches!(parse(input), Err(AmountError::Empty))
}

/// Reads an amount in yuan, rounded to 0.01.
pub fn parse(input: &str) -> Result<Decimal, AmountError> {
    let folded: String = input
        .chars()
        .filter_map(|c| match policy_content::width::half(c) {
            '。' => Some('.'),
            ' ' | '\u{3000}' | '\t' => None,
            c => Some(c),
        })
        .collect();
    let mut s = folded
        .trim()
        // 元整, as a settlement slip prints a whole amount (3000元整).
        .trim_end_matches('整')
        .trim_end_matches(['元', '圆'])
        // 块 and 块钱: what people say for 元 (12000块 is 12000元; 12块5 is not read).
        .trim_end_matches("块钱")
        .trim_end_matches('块')
        .trim_start_matches('¥')
        .trim_start_matches('￥')
        // 人民币, before a slip's 大写 amount (人民币壹万贰仟伍佰元整).
        .trim_start_matches("人民币")
        .to_string();
    if s.is_empty() {
        return Err(AmountError::Empty);
    }
    let too_large = || AmountError::TooLarge {
        input: input.trim().to_string(),
    };
    let not_a_number = || AmountError::NotANumber {
        input: input.trim().to_string(),
    };
    // 角 and 分 after 元, as a slip's 大写 amount writes them (壹万贰仟伍佰叁拾元伍角陆分): the 元 read as any
    // amount is, whole, and the cents added.
    if let Some((whole, cents)) = cents(&s) {
        let yuan = match parse(whole) {
            Ok(y) if y.fract().is_zero() => y,
            Err(AmountError::Empty) => Decimal::ZERO,
            Err(AmountError::TooLarge { .. }) => return Err(too_large()),
            _ => return Err(not_a_number()),
        };
        let value = yuan + Decimal::new(cents, 2);
        return if value > Decimal::from(MAX) {
            Err(too_large())
        } else {
            Ok(value)
        };
    }
    if s.starts_with('-') {
        return Err(AmountError::Negative {
            input: input.trim().to_string(),
        });
    }
    // In Chinese numerals (一万二, 壹万贰仟伍佰): whole 元.
    if let Some(n) = policy_content::numerals::number(&s) {
        return match i64::try_from(n) {
            Ok(v) if v <= MAX => Ok(Decimal::from(v)),
            _ => Err(too_large()),
        };
    }
    // Said in units (1万2, 3千5): whole 元, or not read at all (which number was meant cannot be told).
    if s.contains('千')
        || s.contains('百')
        || s.contains('十')
        || s.trim_end_matches('万').contains('万')
    {
        return match said(&s) {
            Some(v) if v > MAX => Err(too_large()),
            Some(v) => Ok(Decimal::from(v)),
            None => Err(not_a_number()),
        };
    }
    let mut scale = Decimal::ONE;
    if let Some(rest) = s.strip_suffix('万') {
        scale = Decimal::from(10_000);
        s = rest.to_string();
    }
    if s.contains(',') {
        if !thousands(&s) {
            let input = input.trim().to_string();
            return Err(if short_group(&s) {
                AmountError::ShortGroup { input }
            } else {
                AmountError::Comma { input }
            });
        }
        s.retain(|c| c != ',');
    }
    if s.is_empty()
        || !s.chars().all(|c| c.is_ascii_digit() || c == '.')
        || s.matches('.').count() > 1
    {
        return Err(not_a_number());
    }
    // At most to the 分: two decimals in 元, six in 万.
    let most = if scale == Decimal::ONE { 2 } else { 6 };
    if s.split('.').nth(1).is_some_and(|d| d.len() > most) {
        return Err(AmountError::Decimals {
            input: input.trim().to_string(),
        });
    }
    // A number too long for the decimal type is a number all the same: too large, not unreadable.
    if s.split('.').next().is_some_and(|whole| whole.len() > 20) {
        return Err(too_large());
    }
    let value = crate::data::read_decimal(&s)
        .map_err(|_| not_a_number())?
        .checked_mul(scale)
        .ok_or_else(not_a_number)?;
    if value > Decimal::from(MAX) {
        return Err(too_large());
    }
    Ok(round(value))
}

/// `s` split into what comes before its 元 and the 角 and 分 after it, in 分 (`叁拾元伍角陆分`: `叁拾`, 56;
/// `元零伍分`: 5); `None` when nothing but 元 (or nothing) ends it, or what follows 元 is not 角 and 分
/// with a digit each.
fn cents(s: &str) -> Option<(&str, i64)> {
    let (whole, rest) = s.rsplit_once(['元', '圆'])?;
    let digit = |c: &char| {
        c.to_digit(10)
            .map(i64::from)
            .or_else(|| policy_content::numerals::digit(*c).and_then(|n| i64::try_from(n).ok()))
    };
    let chars: Vec<char> = rest.trim_end_matches('整').chars().collect();
    let cents = match chars.as_slice() {
        [j, '角'] => digit(j)? * 10,
        [j, '角', f, '分'] => digit(j)? * 10 + digit(f)?,
        ['零', f, '分'] | [f, '分'] => digit(f)?,
        _ => return None,
    };
    Some((whole, cents))
}

/// The 元 in `s` said in units, as people say an amount: digits before 万 (any number of them), then 千,
/// 百 and 十 (one digit each), in that order, each at most once, and a last digit alone standing for the
/// unit below the one before it (1万2 is 12000, 3千5 is 3500, 2百5 is 250, 3十 is 30); `None` for anything
/// else (1.5万2, 1万25, 2千1万, 1万零5, 十5: which number was meant cannot be told).
fn said(s: &str) -> Option<i64> {
    const UNITS: [(char, i64); 4] = [('万', 10_000), ('千', 1_000), ('百', 100), ('十', 10)];
    let digits = |n: &str| !n.is_empty() && n.len() <= 12 && n.bytes().all(|b| b.is_ascii_digit());
    let (mut rest, mut total, mut below) = (s, 0_i64, None);
    for (i, (unit, value)) in UNITS.into_iter().enumerate() {
        if let Some((n, after)) = rest.split_once(unit) {
            if !digits(n) || (i > 0 && n.len() != 1) {
                return None;
            }
            let n = n.bytes().fold(0, |n, d| n * 10 + i64::from(d - b'0'));
            total += n * value;
            rest = after;
            below = Some(value / 10);
        }
    }
    match (rest.as_bytes(), below?) {
        ([], _) => Some(total),
        ([d @ b'0'..=b'9'], unit) => Some(total + i64::from(d - b'0') * unit),
        _ => None,
    }
}

/// Whether every comma in `s` separates thousands: only in the whole part, the first group of one to three
/// digits, every later group of three.
fn thousands(s: &str) -> bool {
    let whole = s.split('.').next().unwrap_or("");
    let mut groups = whole.split(',');
    let first = groups.next().unwrap_or("");
    !s[whole.len()..].contains(',')
        && (1..=3).contains(&first.len())
        && groups.all(|g| g.len() == 3)
}

/// Whether `s` would separate thousands with more digits typed in its last group (`12,` and `12,00` on
/// the way to `12,000`).
fn short_group(s: &str) -> bool {
    let last = s.rsplit(',').next().unwrap_or("");
    !s.contains('.') && last.len() < 3 && thousands(&format!("{s}{}", &"000"[last.len()..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(input: &str, want: Result<&str, AmountError>) {
        let got = parse(input).map(|d| format!("{d:.2}"));
        assert_eq!(got, want.map(String::from), "{input:?}");
    }

    #[test]
    fn commas_only_between_thousands() {
        let comma = |input: &str| {
            Err(AmountError::Comma {
                input: input.into(),
            })
        };
        case("12,000", Ok("12000.00"));
        case("1,234,567.5", Ok("1234567.50"));
        case("１２，０００", Ok("12000.00"));
        case("1,200万", Ok("12000000.00"));
        let short = |input: &str| {
            Err(AmountError::ShortGroup {
                input: input.into(),
            })
        };
        case("12.000,50", comma("12.000,50"));
        case("1,2000", comma("1,2000"));
        case(",500", comma(",500"));
        case("12000,", comma("12000,"));
        case("1234,567", comma("1234,567"));
        case("12,0.5", comma("12,0.5"));
        // On the way to 12,000 and 1,234,567: no number yet, and the message says what is still to come.
        case("12,", short("12,"));
        case("12,0", short("12,0"));
        case("12,00", short("12,00"));
        case("1,234,5", short("1,234,5"));
        case("１２，", short("１２，"));
    }

    #[test]
    fn reads_amounts_as_people_say_them() {
        let unread = |input: &str| {
            Err(AmountError::NotANumber {
                input: input.into(),
            })
        };
        for (input, want) in [
            ("1万2", Ok("12000.00")),
            ("１万２", Ok("12000.00")),
            ("1万2千", Ok("12000.00")),
            ("1万2千5", Ok("12500.00")),
            ("1万2千5百", Ok("12500.00")),
            ("12万3", Ok("123000.00")),
            ("3千5", Ok("3500.00")),
            ("3千", Ok("3000.00")),
            ("3千元", Ok("3000.00")),
            ("2百5", Ok("250.00")),
            ("8千块", Ok("8000.00")),
            // A slip's 大写 amount with its 角 and 分, after 人民币.
            ("壹万贰仟伍佰叁拾元伍角", Ok("12530.50")),
            ("人民币壹万贰仟伍佰叁拾元伍角陆分", Ok("12530.56")),
            ("叁佰元零伍分", Ok("300.05")),
            ("12530元5角", Ok("12530.50")),
            ("叁佰元伍", unread("叁佰元伍")),
            ("12.5元5角", unread("12.5元5角")),
            ("叁佰元拾角", unread("叁佰元拾角")),
            // Chinese numerals, as voice input and a slip's 大写 amount write them.
            ("一万二", Ok("12000.00")),
            ("一万二千五百", Ok("12500.00")),
            ("两万", Ok("20000.00")),
            ("三千五", Ok("3500.00")),
            ("一万二千五百六十", Ok("12560.00")),
            ("一万零五百", Ok("10500.00")),
            ("五百八十元", Ok("580.00")),
            ("壹万贰仟伍佰元整", Ok("12500.00")),
            ("叁仟圆整", Ok("3000.00")),
            ("十二万块", Ok("120000.00")),
            ("1万2千5百6十", Ok("12560.00")),
            ("一二〇〇〇", unread("一二〇〇〇")),
            ("一点二万", unread("一点二万")),
            ("一万二万", unread("一万二万")),
            ("1万二", unread("1万二")),
            ("两万亿", unread("两万亿")),
            ("三万万", unread("三万万")),
            ("二千万", Ok("20000000.00")),
            ("九千九百万", Ok("99000000.00")),
            ("两亿", unread("两亿")),
            ("十亿", unread("十亿")),
            ("1万零5", unread("1万零5")),
            ("1万25", unread("1万25")),
            ("1.5万2", unread("1.5万2")),
            ("2千1万", unread("2千1万")),
            ("12千", unread("12千")),
            ("万2", unread("万2")),
            ("1万2.5", unread("1万2.5")),
            ("1,000万2", unread("1,000万2")),
            ("2万万", unread("2万万")),
            (
                "20000万1",
                Err(AmountError::TooLarge {
                    input: "20000万1".into(),
                }),
            ),
        ] {
            case(input, want);
        }
    }

    #[test]
    fn reads_what_people_type() {
        case("12000", Ok("12000.00"));
        case(
            &"9".repeat(32),
            Err(AmountError::TooLarge {
                input: "9".repeat(32),
            }),
        );
        case("12,000.50", Ok("12000.50"));
        case("1.2万", Ok("12000.00"));
        case("１２０００", Ok("12000.00"));
        case("１.２万", Ok("12000.00"));
        case("１．２万", Ok("12000.00"));
        case("１。２万", Ok("12000.00"));
        case("１２０００．５０元", Ok("12000.50"));
        case("\u{3000}１２０００\u{3000}", Ok("12000.00"));
        case(
            "－５",
            Err(AmountError::Negative {
                input: "－５".into(),
            }),
        );
        case("12000元", Ok("12000.00"));
        case("12000块", Ok("12000.00"));
        case("3000元整", Ok("3000.00"));
        case("3,000.00元整", Ok("3000.00"));
        case("整", Err(AmountError::Empty));
        case("1.2万块钱", Ok("12000.00"));
        case(
            "12块5",
            Err(AmountError::NotANumber {
                input: "12块5".into(),
            }),
        );
        case(" ¥3,000 ", Ok("3000.00"));
        let decimals = |input: &str| {
            Err(AmountError::Decimals {
                input: input.into(),
            })
        };
        case("0.005", decimals("0.005"));
        case("12.000", decimals("12.000"));
        case("12000.555", decimals("12000.555"));
        case("1.23456万", Ok("12345.60"));
        case("1.2345678万", decimals("1.2345678万"));
        case("12000.5", Ok("12000.50"));
        case(
            "1亿",
            Err(AmountError::NotANumber {
                input: "1亿".into(),
            }),
        );
        case("", Err(AmountError::Empty));
        case("元", Err(AmountError::Empty));
        // Begun with the sign: still blank, not wrong.
        case("¥", Err(AmountError::Empty));
        case(" ￥ ", Err(AmountError::Empty));
        assert!(blank("¥") && blank("") && !blank("¥1") && !blank("abc"));
        case("-5", Err(AmountError::Negative { input: "-5".into() }));
        case(
            "abc",
            Err(AmountError::NotANumber {
                input: "abc".into(),
            }),
        );
        case(
            "1e30",
            Err(AmountError::NotANumber {
                input: "1e30".into(),
            }),
        );
        case(
            "1.2.3",
            Err(AmountError::NotANumber {
                input: "1.2.3".into(),
            }),
        );
        case(
            "200000000",
            Err(AmountError::TooLarge {
                input: "200000000".into(),
            }),
        );
        case(
            "99999999999999999999999",
            Err(AmountError::TooLarge {
                input: "99999999999999999999999".into(),
            }),
        );
    }
}
