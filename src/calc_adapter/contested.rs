//! Where the documents disagree and the other reading changes this year's amount: each such reading with
//! both amounts, said with the amount on the screen, the handout and the poster (a printed 750.00 元 had
//! not said that 县委办发〔2018〕83号 附件5's words give 1,500.00 元).

use policy_engine::{settle, Options, Scenario};
use rust_decimal::Decimal;

use super::{reading, reads, Reading, OPTIONS};

/// What a link to a reading's entry in the register says ([`policy_content::site::register_href`]): the entry explains the
/// reading and quotes both sides' passages; it is not a document (看原文 and 原文 had said it was).
pub const READING_LINK: &str = "看说明和原文";

/// One reading option whose reading gives another amount for the same year than the site's default.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contested {
    /// The option's label (`兜底补足只算住院（门诊慢特病不补足）`).
    pub label: &'static str,
    /// Its entry in the register of readings (`/about/#…`).
    pub anchor: &'static str,
    /// The year's personal amount with the site's default reading (every option off).
    pub default: Decimal,
    /// How [`Contested::default`] is to be read (most, least, estimate: each reading's own).
    pub default_how: Reading,
    /// The year's personal amount with this option's reading alone.
    pub alt: Decimal,
    /// How [`Contested::alt`] is to be read.
    pub alt_how: Reading,
}

impl Contested {
    /// What it says, on the screen, printed and on the poster: `文件说法不一：按本站默认的理解，全年最多自付
    /// 750.00 元；另一种理解是“兜底补足只算住院（门诊慢特病不补足）”，那样全年最多自付 1,500.00 元。`
    pub fn said(&self) -> String {
        format!(
            "文件说法不一：{}；另一种理解是“{}”，那样全年{}。",
            by_default(self.default_how, self.default),
            self.label,
            self.alt_how.pays(self.alt)
        )
    }

    /// Where the register lists the passages on both sides.
    pub fn href(&self) -> String {
        policy_content::site::register_href(self.anchor)
    }
}

/// The site's default reading's amount in words, as the contested line and a ticked reading's notice say
/// it: `按本站默认的理解，全年最多自付 750.00 元`.
pub fn by_default(how: Reading, amount: Decimal) -> String {
    format!("按本站默认的理解，全年{}", how.pays(amount))
}

/// Where the documents disagree for `scenario`'s year, whose personal amount is `personal` (`guessed`:
/// which visits' compliant cost was left blank): the amount with the site's default reading (every option
/// off) and how it is read, and each option the profile's rules read, not
/// ticked, whose reading alone gives another (one more settlement per option, and one for the default when
/// an option is ticked). Each is measured from the default, not from the options ticked: a line had called
/// a ticked option's amount the default.
pub fn contested(
    scenario: &Scenario,
    personal: Decimal,
    guessed: &[bool],
) -> ((Decimal, Reading), Vec<Contested>) {
    let default = Scenario {
        options: Options::default(),
        ..scenario.clone()
    };
    let at_default = if scenario.options == default.options {
        personal
    } else {
        match settle(&default) {
            Ok(r) => r.year.personal,
            Err(_) => return ((personal, reading(scenario, guessed)), Vec::new()),
        }
    };
    let default_how = reading(&default, guessed);
    let lines = OPTIONS
        .iter()
        // An option ticked is said with the amount (`Head::other`, with the default's amount).
        .filter(|(key, ..)| {
            reads(&scenario.profile, key) && scenario.options.get(key) != Some(true)
        })
        .filter_map(|&(key, label, _, anchor)| {
            let mut s = default.clone();
            s.options.set(key, true);
            let alt = settle(&s).ok()?.year.personal;
            (alt != at_default).then(|| Contested {
                label,
                anchor,
                default: at_default,
                default_how,
                alt,
                alt_how: reading(&s, guessed),
            })
        })
        .collect();
    ((at_default, default_how), lines)
}
