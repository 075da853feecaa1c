//! Where the documents disagree and the other reading changes this year's amount: each such reading with
//! both amounts, said with the amount on the screen, the handout and the poster (a printed 750.00 元 had
//! not said that 县委办发〔2018〕83号 附件5's words give 1,500.00 元).

use policy_engine::{settle, Scenario};
use rust_decimal::Decimal;

use super::{reads, yuan, OPTIONS};

/// One reading option whose other reading gives another amount for the same year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contested {
    /// The option's label (`兜底补足只算住院（门诊慢特病不补足）`).
    pub label: &'static str,
    /// Its entry in the register of readings (`/about/#…`).
    pub anchor: &'static str,
    /// Whether the amount shown was computed with this option on (the other reading than the site's).
    pub on: bool,
    /// The year's personal amount with the site's default reading.
    pub default: Decimal,
    /// The year's personal amount with the option's reading.
    pub alt: Decimal,
}

impl Contested {
    /// What it says, on the screen, printed and on the poster: `文件说法不一：按本站默认的理解，全年个人自付
    /// 750.00 元；按“兜底补足只算住院（门诊慢特病不补足）”，1,500.00 元。`
    pub fn said(&self) -> String {
        format!(
            "文件说法不一：按本站默认的理解，全年个人自付 {} 元；按“{}”，{} 元。",
            yuan(self.default),
            self.label,
            yuan(self.alt)
        )
    }

    /// Where the register lists the passages on both sides.
    pub fn href(&self) -> String {
        reading_href(self.anchor)
    }
}

/// The address of a reading's entry in the register (the about page).
pub fn reading_href(anchor: &str) -> String {
    format!("/about/#{anchor}")
}

/// Each option the profile's rules read whose other reading changes `scenario`'s year, whose personal
/// amount is `personal` (one more settlement per option the rules read).
pub fn contested(scenario: &Scenario, personal: Decimal) -> Vec<Contested> {
    OPTIONS
        .iter()
        .filter(|(key, ..)| reads(&scenario.profile, key))
        .filter_map(|&(key, label, _, anchor)| {
            let mut s = scenario.clone();
            let on = s.options.get(key)?;
            s.options.set(key, !on);
            let other = settle(&s).ok()?.year.personal;
            let (default, alt) = if on {
                (other, personal)
            } else {
                (personal, other)
            };
            (other != personal).then_some(Contested {
                label,
                anchor,
                on,
                default,
                alt,
            })
        })
        .collect()
}
