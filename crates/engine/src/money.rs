//! Money: the one place amounts are rounded (0.01 yuan, half away from zero) and formatted. The rules
//! round each payment as soon as it is computed, so running totals and the parts of a bill are exact in fen.

use rust_decimal::{Decimal, RoundingStrategy};

/// Rounds to 0.01 yuan, half-up (away from zero).
pub fn round(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// `1234.5` as `"1234.50"` (rounded).
pub fn fmt(d: Decimal) -> String {
    format!("{:.2}", round(d))
}

/// `12345.6` as `12,345.60`, as every result shows an amount (a negative amount, which the engine never
/// returns, as `-12,345.60`).
pub fn yuan(d: Decimal) -> String {
    let s = fmt(d.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, "00"));
    let mut out = String::new();
    if d.is_sign_negative() && !d.is_zero() {
        out.push('-');
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{out}.{frac}")
}

/// A parameter in yuan as people write it in a sentence: `3000` for 3000.00, `2.5` for 2.50.
pub fn plain(d: Decimal) -> String {
    round(d).normalize().to_string()
}

/// A ratio as a percentage number: `85` for 0.85, `12.5` for 0.125.
pub fn pct(ratio: Decimal) -> String {
    (ratio * Decimal::from(100)).normalize().to_string()
}

/// The larger of `d` and zero.
pub fn pos(d: Decimal) -> Decimal {
    d.max(Decimal::ZERO)
}

impl crate::Unit {
    /// `value` as people read it: a ratio as `75%`, an amount as `500 元`, a flag as 是/否.
    pub fn shown(self, value: Decimal) -> String {
        match self {
            Self::Ratio => format!("{}%", pct(value)),
            Self::Yuan => format!("{} 元", plain(value)),
            Self::Flag => if value.is_zero() { "否" } else { "是" }.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_shown_in_its_unit() {
        let cases = [
            (crate::Unit::Ratio, "0.75", "75%"),
            (crate::Unit::Ratio, "0.125", "12.5%"),
            (crate::Unit::Yuan, "3000.00", "3000 元"),
            (crate::Unit::Yuan, "2.50", "2.5 元"),
            (crate::Unit::Flag, "0", "否"),
            (crate::Unit::Flag, "1", "是"),
        ];
        for (unit, value, want) in cases {
            assert_eq!(unit.shown(value.parse().unwrap()), want, "{unit:?} {value}");
        }
    }

    use std::str::FromStr;

    #[test]
    fn rounds_half_up_and_formats() {
        for (input, want) in [
            ("1.005", "1.01"),
            ("1.004", "1.00"),
            ("2.5", "2.50"),
            ("-1.005", "-1.01"),
            ("0", "0.00"),
        ] {
            assert_eq!(fmt(Decimal::from_str(input).unwrap()), want, "{input}");
        }
        let d = |s: &str| Decimal::from_str(s).unwrap();
        assert_eq!(plain(d("3000.00")), "3000");
        assert_eq!(plain(d("2.50")), "2.5");
        assert_eq!(pct(d("0.85")), "85");
        assert_eq!(pct(d("0.10")), "10");
        assert_eq!(pct(d("0.125")), "12.5");
    }
}
