//! The settled year's headline in words: the personal amount with what it rests on. One description for
//! the page's amount, its printout and its poster (`crate::calc_page`), so all three say the same.

use policy_engine::summary::kind_label;
use policy_engine::{Citation, Scenario, YearResult};
use rust_decimal::Decimal;

use super::{by_default, contested, other_reading, reading, wan, yuan, Contested, Reading};

/// The headline of a settled year, as the page shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Head {
    /// What the page (printed) and the poster say first: `建档立卡贫困人口 · 县级医院住院 1.2 万元：最多自付
    /// 1,800 元`.
    pub title: String,
    /// Whose calculation, for the printout: `甘肃省会宁县（2018年政策） · 建档立卡贫困人口`.
    pub who: String,
    /// Each visit as typed, for the printout: `第 1 次：县级医院住院，总费用 12,000.00 元，…`.
    pub visits: Vec<String>,
    /// Whose calculation and each visit as typed, for the poster (its title names neither the region nor,
    /// for a year, the hospitals; its visits as the handout lists them, so the figures can be typed again):
    /// `计算条件：甘肃省会宁县（2018年政策） · 建档立卡贫困人口；第 1 次：县级医院住院，县域内，总费用
    /// 12,000.00 元，合规费用未填（按总费用估算）。`
    pub conditions: String,
    /// How the amount is to be read.
    pub how: Reading,
    /// The line above the amount: `全年个人自付`, or with `（按总费用估算）`.
    pub label: &'static str,
    /// Said before the amount: `最多自付 ` when it is a ceiling, else nothing.
    pub prefix: &'static str,
    /// The year's personal amount (`1,500.00`; 元 follows).
    pub personal: String,
    /// The line below: `医疗总费用 12,000.00 元`, the amount and its 元 joined by a no-break space (at
    /// 特大 on a phone 元 had wrapped under the amount).
    pub total: String,
    /// Whether 基本医保 or 大病保险 was estimated (no paid amount given): tagged `报销为估算`.
    pub estimated: bool,
    /// The other reading the amount rests on, if not the site's default, with the default's amount (or
    /// that it gives the same).
    pub other: Option<String>,
    /// Where the documents disagree and a reading not ticked gives another amount for this year.
    pub contested: Vec<Contested>,
    /// What the compliant cost left blank means for the amount, if one was.
    pub guess: Option<String>,
    /// The clause [`Head::guess`] rests on when it says the hospital bears the non-compliant cost (the
    /// year then has none to bear, so no step of the hospital's cites it).
    pub guess_source: Option<Citation>,
    /// What of the bill the amount leaves out only because a document's target is taken as met, whose
    /// payer the document does not name (眉山's 10%), if any: said beside the amount, on the printout and
    /// the poster (its 个人自付 had read as settled).
    pub target: Option<String>,
}

/// What the part of a bill above a document's target (眉山's 10%) is, wherever it is shown (beside the
/// amount, the comparison, the chart): the target is taken as met, its payer not named.
pub const TARGET_MEANS: &str = "按文件的目标（个人负担不超过一定比例）算作不由个人付；由哪项资金补、怎么补，文件没有写，目标没有做到时这部分可能要自己付。";

/// The class of the personal amount with its 元, kept together on one line (the stylesheet's
/// `.big-amount`), smaller as the amount is longer, so that it fits the result's width at any text size
/// and is never broken inside its digits (at 特大 on a phone, 108,021,640.00 had broken after 108,021,6).
pub fn amount_class(personal: &str) -> &'static str {
    match personal.chars().count() {
        // 999,999.99 元 fits at the full size.
        ..=10 => "big-amount",
        // Up to 99,999,999.99 (one visit at the most a field takes).
        11..=13 => "big-amount long",
        // Up to 9,999,999,999.99 (twelve such visits are 1,2xx,xxx,xxx.xx).
        _ => "big-amount longer",
    }
}

/// The class of the line above the amount that says whose it is ([`Head::who`]): on the screen only (the
/// printout's conditions say it), and read aloud (朗读 had said the amount and never whose it was).
pub const WHO_CLASS: &str = "result-who no-print spoken";

/// What a result with another reading than the site's says of a number that reading does not change
/// (`这次的钱数…`, the comparison's `表里的钱数…`, the curve's `图上的线…`).
pub const SAME_AS_DEFAULT: &str = "和按本站默认的理解算的一样";

/// What every printed calculation says after its date: the amounts are the site's reading, the insurer's
/// settlement decides.
pub const FOR_REFERENCE: &str = "本结果仅供参考，以医保经办机构结算为准。";

/// What the printout's list of the scenario as typed begins with.
pub const INPUTS_LABEL: &str = "计算条件：";

/// The tag beside the total when the insurance payments were estimated.
pub const ESTIMATED_TAG: &str = "报销为估算";

/// The hint under an estimated headline.
pub const ESTIMATED_HINT: &str =
    "基本医保和大病保险是按假设的比例估算的。填上结算单上的实际报销金额，结果会更准。";

/// The headline of `result`, settled from `scenario` with `guessed` visits' compliant cost left blank.
pub fn head(scenario: &Scenario, result: &YearResult, guessed: &[bool]) -> Head {
    let y = &result.year;
    let how = reading(scenario, guessed);
    let label = match how {
        Reading::FromTotal => "全年个人自付（按总费用估算）",
        Reading::Ceiling | Reading::Floor | Reading::AsTyped => "全年个人自付",
    };
    let who = format!(
        "{} · {}",
        policy_engine::profile(&scenario.profile).map_or(String::new(), |p| p.name.clone()),
        scenario.category.label()
    );
    let visits = visits(scenario, guessed);
    let ((at_default, default_how), contested) = contested(scenario, y.personal, guessed);
    // With options ticked, what the site's default reading gives, or that it gives the same.
    let other = other_reading(&scenario.profile, &scenario.options).map(|r| {
        if at_default == y.personal {
            format!("{r}。这次的钱数{SAME_AS_DEFAULT}")
        } else {
            format!("{r}。{}", by_default(default_how, at_default))
        }
    });
    Head {
        title: title(scenario, y.total, y.personal, how),
        conditions: format!("{INPUTS_LABEL}{who}；{}。", visits.join("；")),
        who,
        visits,
        how,
        label,
        prefix: how.prefix(),
        personal: yuan(y.personal),
        total: format!("医疗总费用 {}\u{a0}元", yuan(y.total)),
        estimated: y.estimated,
        other,
        contested,
        guess: guess(how, guessed, !y.target_backstop.is_zero()),
        guess_source: (how == Reading::Ceiling)
            .then(|| policy_engine::hospital_bears_source(scenario))
            .flatten(),
        target: (!y.target_backstop.is_zero())
            .then(|| format!("另有 {} 元{TARGET_MEANS}", yuan(y.target_backstop))),
    }
}

/// What a blank compliant cost is taken to be.
pub const GUESSED: &str = "合规费用按总费用估算";
/// Why the amount read as a ceiling is the most one pays, and as a floor the least (beside the amount and
/// under the category comparison: `crate::compare::Comparison::reading`).
pub const HOSPITAL_BEARS: &str = "目录外（不合规）费用由定点医院承担";
pub const OWN_COST: &str = "目录外（不合规）费用要自己付";
/// What a ceiling that leaves part of the bill to a document's target holds as far as (眉山's 10%).
pub const ON_TARGET: &str = "按文件的目标算";

/// What the compliant cost left blank means for the amount read as `how`, if one was; a ceiling that
/// leaves part of the bill to a document's target (`on_target`: 眉山's 10%, whose payer it does not name)
/// is one only as far as the target is met.
fn guess(how: Reading, guessed: &[bool], on_target: bool) -> Option<String> {
    // Where the amount is not the most one pays: what would make it exact.
    const FILL_IN: &str = "填上结算单上的“合规医疗费用”，结果会更准。";
    let means = match how {
        Reading::AsTyped => return None,
        Reading::Ceiling => format!(
            "{HOSPITAL_BEARS}，所以实际合规费用少一些时，{}个人自付不会比这更多。",
            if on_target {
                format!("{ON_TARGET}，")
            } else {
                String::new()
            }
        ),
        Reading::Floor => {
            format!("{OWN_COST}，所以实际合规费用少一些时，个人自付会比这更多。{FILL_IN}")
        }
        Reading::FromTotal => FILL_IN.to_string(),
    };
    Some(format!("{}{GUESSED}。{means}", guessed_visits(guessed)))
}

/// Which visits' compliant cost was left blank, when not every visit's was: `第 1、3 次就诊的` (else empty:
/// what is said of the compliant cost is said of the whole year).
pub fn guessed_visits(guessed: &[bool]) -> String {
    if guessed.iter().all(|g| *g) {
        return String::new();
    }
    let which: Vec<String> = guessed
        .iter()
        .enumerate()
        .filter(|(_, g)| **g)
        .map(|(i, _)| (i + 1).to_string())
        .collect();
    format!("第 {} 次就诊的", which.join("、"))
}

/// The visits in a few words: `县级医院住院 1.2 万元`, or `全年 3 次就诊共 5 万元`.
pub fn visits_in_words(scenario: &Scenario, total: Decimal) -> String {
    match scenario.episodes.as_slice() {
        [e] => format!("{} {}", kind_label(e), wan(e.total)),
        es => format!("全年 {} 次就诊共 {}", es.len(), wan(total)),
    }
}

/// The headline for the poster and the page: `建档立卡贫困人口 · 县级医院住院 1.2 万元：最多自付 1,800 元`.
fn title(scenario: &Scenario, total: Decimal, personal: Decimal, how: Reading) -> String {
    let what = visits_in_words(scenario, total);
    let amount = wan(personal);
    let pays = match how {
        Reading::Ceiling | Reading::Floor => format!("{}{amount}", how.prefix()),
        // Already an estimate: one 约 (`wan` says 约 when it rounds), placed as `wan` places it.
        Reading::FromTotal if amount.starts_with("约 ") => format!("个人自付 {amount}"),
        Reading::FromTotal => format!("个人自付 约 {amount}"),
        Reading::AsTyped => format!("个人自付 {amount}"),
    };
    // An amount kept with its unit and its 约, and the · with the category before it, by no-break spaces
    // (a poster had broken 共 5 万 / 元 and 约 / 1.36 万元, and a phone's began a line with ·; the stylesheet
    // breaks a title only at its spaces and stops).
    format!("{}\u{a0}· {what}：{pays}", scenario.category.label())
        .replace(" 万元", "\u{a0}万元")
        .replace(" 元", "\u{a0}元")
        .replace("约 ", "约\u{a0}")
}

/// Each visit as typed, for the printout.
fn visits(scenario: &Scenario, guessed: &[bool]) -> Vec<String> {
    scenario
        .episodes
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let mut parts = vec![format!("第 {} 次：{}", i + 1, kind_label(e))];
            if policy_engine::reads_in_county(&scenario.profile) {
                parts.push(if e.in_county {
                    "县域内".into()
                } else {
                    "县域外".into()
                });
            }
            parts.push(format!("总费用 {} 元", yuan(e.total)));
            parts.push(if guessed.get(i).copied().unwrap_or(false) {
                "合规费用未填（按总费用估算）".into()
            } else {
                format!("合规费用 {} 元", yuan(e.compliant))
            });
            if let Some(b) = e.basic_paid {
                parts.push(format!("基本医保已报销 {} 元", yuan(b)));
            }
            if let Some(c) = e.critical_paid {
                parts.push(format!("大病保险已报销 {} 元", yuan(c)));
            }
            parts.join("，")
        })
        .collect()
}
