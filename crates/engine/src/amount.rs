//! Parsing amounts as people type them: `12000`, `12,000.50`, `1.2万`, full-width `１２０００`,
//! `12000元`. The same parser serves the CLI and the web form.

use std::fmt;
use std::str::FromStr;

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
}

impl fmt::Display for AmountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => write!(f, "请填写金额"),
            Self::Negative { input } => write!(f, "金额不能是负数：{input}"),
            Self::NotANumber { input } => write!(
                f,
                "看不懂这个金额：{input}（请只填数字，如 12000 或 1.2万）"
            ),
            Self::TooLarge { input } => write!(f, "金额太大了：{input}（不能超过1亿元）"),
        }
    }
}

impl std::error::Error for AmountError {}

/// Reads an amount in yuan, rounded to 0.01.
pub fn parse(input: &str) -> Result<Decimal, AmountError> {
    let folded: String = input
        .chars()
        .filter_map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
            '．' | '。' => Some('.'),
            '，' | ',' | ' ' | '\u{3000}' | '\t' => None,
            '－' => Some('-'),
            c => Some(c),
        })
        .collect();
    let mut s = folded
        .trim()
        .trim_end_matches('元')
        .trim_start_matches('¥')
        .trim_start_matches('￥')
        .to_string();
    if s.is_empty() {
        return Err(AmountError::Empty);
    }
    if s.starts_with('-') {
        return Err(AmountError::Negative {
            input: input.trim().to_string(),
        });
    }
    let mut scale = Decimal::ONE;
    if let Some(rest) = s.strip_suffix('万') {
        scale = Decimal::from(10_000);
        s = rest.to_string();
    }
    let not_a_number = || AmountError::NotANumber {
        input: input.trim().to_string(),
    };
    if s.is_empty()
        || !s.chars().all(|c| c.is_ascii_digit() || c == '.')
        || s.matches('.').count() > 1
        || s.len() > 20
    {
        return Err(not_a_number());
    }
    let value = Decimal::from_str(&s)
        .map_err(|_| not_a_number())?
        .checked_mul(scale)
        .ok_or_else(not_a_number)?;
    if value > Decimal::from(MAX) {
        return Err(AmountError::TooLarge {
            input: input.trim().to_string(),
        });
    }
    Ok(round(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(input: &str, want: Result<&str, AmountError>) {
        let got = parse(input).map(|d| format!("{d:.2}"));
        assert_eq!(got, want.map(String::from), "{input:?}");
    }

    #[test]
    fn reads_what_people_type() {
        case("12000", Ok("12000.00"));
        case("12,000.50", Ok("12000.50"));
        case("1.2万", Ok("12000.00"));
        case("１２０００", Ok("12000.00"));
        case("12000元", Ok("12000.00"));
        case(" ¥3,000 ", Ok("3000.00"));
        case("0.005", Ok("0.01"));
        case(
            "1亿",
            Err(AmountError::NotANumber {
                input: "1亿".into(),
            }),
        );
        case("", Err(AmountError::Empty));
        case("元", Err(AmountError::Empty));
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
            Err(AmountError::NotANumber {
                input: "99999999999999999999999".into(),
            }),
        );
    }
}
