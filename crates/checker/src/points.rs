//! A self-check form's points, to the half point: a partial score (部分完成酌情扣分) may be a half, so a
//! total, and the points an item lost, may be too. Kept as a count of halves, so sums stay exact.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Sub};

use serde::{Deserialize, Serialize};

/// Points, in halves (`Points::whole(3)` is 3 分, `Points::halves(5)` is 2.5 分).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Points(u32);

impl Points {
    /// `n` whole points.
    pub const fn whole(n: u32) -> Self {
        Self(n * 2)
    }

    /// `n` half points.
    pub const fn halves(n: u32) -> Self {
        Self(n)
    }

    /// Points as written: a whole number (`3`) or one with a half (`2.5`, `2.50`); anything else, none.
    /// (Digits only: the caller reads full-width forms as ASCII first.)
    pub fn parse(text: &str) -> Option<Self> {
        // Byte by byte (the wasm's checker bundle is budgeted: string searching cost 0.7 KB brotli).
        let (mut halves, mut whole_digits, mut point, mut frac_digits) = (0u32, 0, false, 0);
        for b in text.bytes() {
            match b {
                b'0'..=b'9' if !point => {
                    halves = halves
                        .checked_mul(10)?
                        .checked_add(u32::from(b - b'0') * 2)?;
                    whole_digits += 1;
                }
                b'.' if !point && whole_digits > 0 => point = true,
                // After the point: a 5 first, or 0s (2.5, 2.50, 4.0).
                b'5' if frac_digits == 0 => {
                    halves = halves.checked_add(1)?;
                    frac_digits += 1;
                }
                b'0' => frac_digits += 1,
                _ => return None,
            }
        }
        (whole_digits > 0 && (!point || frac_digits > 0)).then_some(Self(halves))
    }
}

impl fmt::Display for Points {
    /// `3`, or `2.5`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0 / 2)?;
        if self.0 % 2 == 1 {
            f.write_str(".5")?;
        }
        Ok(())
    }
}

impl Add for Points {
    type Output = Self;
    fn add(self, other: Self) -> Self {
        Self(self.0 + other.0)
    }
}

impl AddAssign for Points {
    fn add_assign(&mut self, other: Self) {
        self.0 += other.0;
    }
}

impl Sub for Points {
    type Output = Self;
    /// `self - other`, at least 0.
    fn sub(self, other: Self) -> Self {
        Self(self.0.saturating_sub(other.0))
    }
}

impl Sum for Points {
    fn sum<I: Iterator<Item = Self>>(iter: I) -> Self {
        iter.fold(Self::default(), Add::add)
    }
}

#[cfg(test)]
mod tests {
    use super::Points;

    #[test]
    fn points_as_written() {
        let cases: &[(&str, Option<u32>)] = &[
            ("3", Some(6)),
            ("0", Some(0)),
            ("2.5", Some(5)),
            ("2.50", Some(5)),
            ("4.0", Some(8)),
            ("2.3", None),
            ("2.", None),
            (".5", None),
            ("-1", None),
            ("1e2", None),
            ("", None),
            ("99999999999", None),
        ];
        for (text, halves) in cases {
            assert_eq!(Points::parse(text), halves.map(Points::halves), "{text:?}");
        }
    }

    #[test]
    fn shown_as_a_person_writes_them() {
        assert_eq!(Points::whole(79).to_string(), "79");
        assert_eq!(Points::halves(5).to_string(), "2.5");
        assert_eq!(Points::whole(5) - Points::halves(5), Points::halves(5));
        let sum: Points = [Points::halves(5), Points::halves(3)].into_iter().sum();
        assert_eq!(sum, Points::whole(4));
    }
}
