//! The scenario a person describes (who, which rules, which visits) and the settlement result.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Who the patient is, for the policies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// 建档立卡贫困人口
    PovertyRegistered,
    /// 城乡低保对象
    Dibao,
    /// 特困供养人员
    Tekun,
    /// 农村兜底保障户（未纳入建档立卡）
    SafetyNet,
    /// 普通城乡居民
    Ordinary,
}

impl Category {
    /// All categories, in display order.
    pub const ALL: [Category; 5] = [
        Self::PovertyRegistered,
        Self::Dibao,
        Self::Tekun,
        Self::SafetyNet,
        Self::Ordinary,
    ];

    /// Plain-Chinese name.
    pub fn label(self) -> &'static str {
        match self {
            Self::PovertyRegistered => "建档立卡贫困人口",
            Self::Dibao => "城乡低保对象",
            Self::Tekun => "特困供养人员",
            Self::SafetyNet => "农村兜底保障户（未纳入建档立卡）",
            Self::Ordinary => "普通城乡居民",
        }
    }

    /// What to tell someone choosing this category, if anything.
    pub fn hint(self) -> Option<&'static str> {
        match self {
            Self::SafetyNet => {
                Some("如果同时是城乡低保对象或特困供养人员，两类算法可能不同，可以各算一次")
            }
            _ => None,
        }
    }

    /// The id used in JSON and URLs.
    pub fn id(self) -> &'static str {
        match self {
            Self::PovertyRegistered => "poverty_registered",
            Self::Dibao => "dibao",
            Self::Tekun => "tekun",
            Self::SafetyNet => "safety_net",
            Self::Ordinary => "ordinary",
        }
    }

    /// The category with id `id`.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.id() == id)
    }
}

/// What kind of treatment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EpisodeKind {
    /// 住院
    Inpatient,
    /// 门诊慢特病
    ChronicOutpatient,
}

impl EpisodeKind {
    /// Every kind, in the form's order.
    pub const ALL: [EpisodeKind; 2] = [Self::Inpatient, Self::ChronicOutpatient];

    /// The kind's id in the form and the engine's input, e.g. `inpatient`.
    pub fn id(self) -> &'static str {
        match self {
            Self::Inpatient => "inpatient",
            Self::ChronicOutpatient => "chronic_outpatient",
        }
    }

    /// Plain-Chinese name, e.g. 住院.
    pub fn label(self) -> &'static str {
        match self {
            Self::Inpatient => "住院",
            Self::ChronicOutpatient => "门诊慢特病",
        }
    }

    /// The kind with id `id`.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.id() == id)
    }

    /// The kind's code in a link (`crate::form`), e.g. `i`.
    pub fn link_code(self) -> &'static str {
        match self {
            Self::Inpatient => "i",
            Self::ChronicOutpatient => "o",
        }
    }
}

/// Level of the designated hospital.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// 乡镇卫生院
    Township,
    /// 县级医院
    County,
    /// 市级医院
    City,
    /// 省级医院
    Province,
}

impl Level {
    /// Every level, lowest first.
    pub const ALL: [Level; 4] = [Self::Township, Self::County, Self::City, Self::Province];

    /// Plain-Chinese name, e.g. 县级医院.
    pub fn label(self) -> &'static str {
        match self {
            Self::Township => "乡镇卫生院",
            Self::County => "县级医院",
            Self::City => "市级医院",
            Self::Province => "省级医院",
        }
    }

    /// The level whose key is `key`.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.key() == key)
    }

    /// The level's code in a link (`crate::form`), e.g. `c`.
    pub fn link_code(self) -> &'static str {
        match self {
            Self::Township => "t",
            Self::County => "c",
            Self::City => "s",
            Self::Province => "p",
        }
    }

    /// The suffix of the level's parameters (and its id in the form), e.g. `county`.
    pub fn key(self) -> &'static str {
        match self {
            Self::Township => "township",
            Self::County => "county",
            Self::City => "city",
            Self::Province => "province",
        }
    }
}

/// One hospital visit (住院) or chronic-outpatient bill (门诊慢特病), in date order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Episode {
    /// Kind.
    pub kind: EpisodeKind,
    /// Hospital level.
    pub level: Level,
    /// Inside the county (县域内).
    pub in_county: bool,
    /// 医疗总费用.
    pub total: Decimal,
    /// 合规医疗费用 (≤ total).
    pub compliant: Decimal,
    /// 基本医保 paid, if known from the settlement slip.
    #[serde(default)]
    pub basic_paid: Option<Decimal>,
    /// 大病保险 paid, if known.
    #[serde(default)]
    pub critical_paid: Option<Decimal>,
}

/// Readings of the documents the user can switch (trainers compare them).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Options {
    /// 医疗救助 only for 住院 (three clauses say 住院; four, the county's own 实施意见 among them, say
    /// every 个人自负合规医疗费用): default off, so 门诊慢特病 counts toward the year's threshold.
    pub assistance_inpatient_only: bool,
    /// 农村兜底保障户 get the 85% floor and 医疗救助 (the 台账 titles suggest it; the clauses say 建档立卡).
    pub safety_net_covered: bool,
    /// The literal reading of 甘卫发〔2018〕165号: the 85% top-up only when 医疗救助 is not reached.
    pub literal_floor: bool,
    /// The 85% top-up only for 住院 (县委办发〔2018〕83号 附件5 writes 住院合规医疗费用; the other clauses do not
    /// limit it, and 会卫计发〔2018〕203号 names 门诊慢特病): default off, so 门诊慢特病 is topped up too.
    pub floor_inpatient_only: bool,
    /// 眉山: cap the personal share at 10% of compliant cost (the 2020 target) instead of 10% of the total.
    pub meishan_compliant_cap: bool,
}

impl Options {
    /// The option keys, as in JSON and in the calculator's URL.
    pub const KEYS: [&'static str; 5] = [
        "literal_floor",
        "floor_inpatient_only",
        "assistance_inpatient_only",
        "safety_net_covered",
        "meishan_compliant_cap",
    ];

    fn slot(&mut self, key: &str) -> Option<&mut bool> {
        match key {
            "literal_floor" => Some(&mut self.literal_floor),
            "floor_inpatient_only" => Some(&mut self.floor_inpatient_only),
            "assistance_inpatient_only" => Some(&mut self.assistance_inpatient_only),
            "safety_net_covered" => Some(&mut self.safety_net_covered),
            "meishan_compliant_cap" => Some(&mut self.meishan_compliant_cap),
            _ => None,
        }
    }

    /// Whether option `key` is on (`None` for an unknown key).
    pub fn get(&self, key: &str) -> Option<bool> {
        let mut copy = *self;
        copy.slot(key).map(|b| *b)
    }

    /// Turns option `key` on or off; an unknown key (e.g. from an old link) changes nothing.
    pub fn set(&mut self, key: &str, on: bool) {
        if let Some(b) = self.slot(key) {
            *b = on;
        }
    }
}

/// Everything the engine needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scenario {
    /// Profile id, e.g. `huining-2018`.
    pub profile: String,
    /// The patient's category.
    pub category: Category,
    /// Reading options.
    #[serde(default)]
    pub options: Options,
    /// The year's visits, in date order.
    pub episodes: Vec<Episode>,
    /// Edited assumption parameters: key → value.
    #[serde(default)]
    pub overrides: BTreeMap<String, Decimal>,
}

/// One step of the settlement: a rule applied, what it paid, and where it is written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    /// Plain-Chinese name of the rule.
    pub rule: String,
    /// What it paid (or, for the last step, what the patient pays).
    pub amount: Decimal,
    /// What the step cites: its clause and the words it says there (none for a step no clause states).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<policy_content::citation::Citation>,
    /// Whether an assumed number was used.
    pub assumption: bool,
    /// One sentence of how the amount was worked out.
    pub detail: String,
    /// The keys of the parameters the person changed that this step used.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overridden: Vec<String>,
    /// The keys of the assumed numbers this step used, as the person has not changed them, in the order
    /// read: where its 看看或改假设的数字 leads (it had opened the list at its top, another step's number).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assumed: Vec<String>,
}

/// Who pays what for one episode. The parts add up to `total`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EpisodeResult {
    /// 医疗总费用.
    pub total: Decimal,
    /// 基本医保.
    pub basic: Decimal,
    /// 大病保险.
    pub critical: Decimal,
    /// 兜底补足到85%.
    pub floor_top_up: Decimal,
    /// 医疗救助.
    pub assistance: Decimal,
    /// 眉山: above the 10% target, taken as met (the document does not say who pays).
    pub target_backstop: Decimal,
    /// 定点医院承担的不合规费用.
    pub hospital_absorbed: Decimal,
    /// 个人自付.
    pub personal: Decimal,
    /// Whether 基本医保 or 大病保险 was estimated from parameters (not from the slip).
    pub estimated: bool,
    /// The steps, in order.
    pub steps: Vec<Step>,
}

/// The year: every episode and the sums.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearResult {
    /// Per episode, in order.
    pub episodes: Vec<EpisodeResult>,
    /// The sums over the year (steps empty).
    pub year: EpisodeResult,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 12 (5): someone choosing 农村兜底保障户 is told to look at 低保 or 特困 too if that is
    /// what they are, in words true in every place (only 会宁 lowers 低保/特困's 大病 threshold, and
    /// there 兜底保障户 may get the floor instead, so neither choice is always the better one).
    #[test]
    fn the_safety_net_category_points_to_dibao_and_tekun() {
        let hint = Category::SafetyNet.hint().unwrap();
        assert!(hint.contains(Category::Dibao.label()) && hint.contains(Category::Tekun.label()));
        assert!(!hint.contains("起付线") && !hint.contains("请选"), "{hint}");
        assert!(Category::ALL
            .into_iter()
            .filter(|c| *c != Category::SafetyNet)
            .all(|c| c.hint().is_none()));
    }

    #[test]
    fn options_by_key() {
        let mut o = Options::default();
        for key in Options::KEYS {
            assert_eq!(o.get(key), Some(false));
            o.set(key, true);
            assert_eq!(o.get(key), Some(true));
        }
        assert_eq!(o.get("chronic_assistance"), None);
        o.set("chronic_assistance", false);
        assert!(o.assistance_inpatient_only);
    }
}
