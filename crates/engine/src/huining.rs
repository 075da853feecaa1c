//! 会宁县 / 甘肃省 2018 rules (县委办发〔2018〕83号, 会卫计发〔2018〕203号, 甘卫发〔2018〕165号): per visit,
//! in date order, with the year's running totals:
//! 1. 基本医保 (建档立卡: no deductible, inpatient ratio “提高10%” read as +10 points);
//! 2. 大病保险 on the year's cumulative personal compliant cost above 2000元 (建档立卡, 低保, 特困) or 5000元;
//! 3. 85% floor for 建档立卡 (the default reading keeps the patient's cost monotonic);
//! 4. 医疗救助: the year's cumulative personal compliant cost above 3000元 (住院 and 门诊慢特病; 住院 only
//!    as an option);
//! 5. non-compliant cost of a 建档立卡 inpatient borne by the hospital.

use rust_decimal::Decimal;

use crate::model::{Category, Episode, EpisodeKind, EpisodeResult, Scenario, Step};
use crate::money::{pct, plain, pos, round, yuan};
use crate::params::ProfileParams;
use crate::rules::{
    basic_estimate, critical_rule, critical_working, Ctx, FROM_SLIP, FROM_SLIP_DETAIL,
};
use crate::settle::finish;

/// The reading options these rules read (`crate::data::Rules::options_read`, in `crate::settle`).
pub(crate) const OPTIONS_READ: &[&str] = &[
    "literal_floor",
    "floor_inpatient_only",
    "assistance_inpatient_only",
    "safety_net_covered",
];

/// Running totals over the year.
#[derive(Default)]
struct Year {
    /// Cumulative personal compliant cost after 基本医保 (the 大病保险 base).
    after_basic: Decimal,
    /// 大病保险 paid so far.
    critical_paid: Decimal,
    /// Cumulative personal compliant cost after 基本医保, 大病保险 and the floor (the 医疗救助 base).
    personal_compliant: Decimal,
    /// 医疗救助 paid so far.
    assistance_paid: Decimal,
}

/// `base` (the amount above the 大病保险 threshold) cut into its increasing segments, each with its ratio.
fn critical_segments(c: &Ctx<'_>, base: Decimal) -> [(Decimal, Decimal); 3] {
    let b1 = c.get("critical_band_1");
    // A changed second band below the first would count the part above it twice.
    let b2 = c.get("critical_band_2").max(b1);
    [
        (base.min(b1), c.get("critical_ratio_1")),
        (pos(base.min(b2) - b1), c.get("critical_ratio_2")),
        (pos(base - b2), c.get("critical_ratio_3")),
    ]
}

/// Whether the hospital bears this visit's non-compliant cost (建档立卡 inpatients).
pub(crate) fn hospital_absorbs(s: &Scenario, e: &Episode) -> bool {
    s.category == Category::PovertyRegistered && e.kind == EpisodeKind::Inpatient
}

/// Who the person is, as these rules read the category.
struct Person {
    /// 建档立卡贫困人口.
    poverty: bool,
    /// Covered by the floor and 医疗救助 (建档立卡, or 兜底 with the option on).
    covered: bool,
    /// The reduced 大病保险 threshold (建档立卡, 低保, 特困).
    reduced_threshold: bool,
}

impl Person {
    fn of(s: &Scenario) -> Self {
        let poverty = s.category == Category::PovertyRegistered;
        Self {
            poverty,
            covered: poverty || (s.category == Category::SafetyNet && s.options.safety_net_covered),
            reduced_threshold: matches!(
                s.category,
                Category::PovertyRegistered | Category::Dibao | Category::Tekun
            ),
        }
    }
}

/// Whether the 85% floor and 医疗救助 cover `s`'s person.
pub(crate) fn covered(s: &Scenario) -> bool {
    Person::of(s).covered
}

pub(crate) fn settle_year(s: &Scenario, p: &ProfileParams) -> Vec<EpisodeResult> {
    let c = Ctx::new(s, p);
    let who = Person::of(s);
    let mut y = Year::default();
    s.episodes
        .iter()
        .map(|e| settle_visit(&c, &who, e, &mut y))
        .collect()
}

/// One visit, the rules in order, the year's totals carried on.
fn settle_visit(c: &Ctx<'_>, who: &Person, e: &Episode, y: &mut Year) -> EpisodeResult {
    let mut r = EpisodeResult {
        total: e.total,
        ..Default::default()
    };
    basic_insurance(c, who, e, &mut r);
    critical_insurance(c, who, e, y, &mut r);
    floor_and_assistance(c, who, e, y, &mut r);
    noncompliant(c, e, &mut r);
    let detail = if e.total > e.compliant && r.hospital_absorbed.is_zero() {
        format!("含目录外（不合规）费用 {} 元", yuan(e.total - e.compliant))
    } else {
        String::new()
    };
    let overridden = c.take_overridden();
    finish(r, detail, overridden)
}

/// 1. 基本医保: the amount on the bill, or estimated (建档立卡 inpatients: no deductible, the ratio “提高”).
fn basic_insurance(c: &Ctx<'_>, who: &Person, e: &Episode, r: &mut EpisodeResult) {
    let inpatient = e.kind == EpisodeKind::Inpatient;
    let poverty_inpatient = who.poverty && inpatient;
    let (basic, step) = match e.basic_paid {
        Some(paid) => {
            let mut st = c.step(
                &format!("基本医保报销{FROM_SLIP}"),
                paid,
                "poverty_ratio_bonus",
                FROM_SLIP_DETAIL.into(),
            );
            if !poverty_inpatient {
                // The +10% clause is for 建档立卡 inpatients only: nothing to cite for the others.
                st.source = None;
            }
            (paid, st)
        }
        None => {
            r.estimated = true;
            let (ratio_key, deductible) = if inpatient {
                let key = format!("basic_ratio_{}", e.level.key());
                let d = if who.poverty {
                    Decimal::ZERO
                } else {
                    c.get(&format!("basic_deductible_{}", e.level.key()))
                };
                (key, d)
            } else {
                ("basic_ratio_chronic".to_string(), Decimal::ZERO)
            };
            let base = c.get(&ratio_key);
            let bonus = if poverty_inpatient {
                c.get("poverty_ratio_bonus")
            } else {
                Decimal::ZERO
            };
            let ratio = (base + bonus).min(Decimal::ONE);
            let (basic, mut detail) = basic_estimate(e.compliant, deductible, ratio);
            if poverty_inpatient {
                detail.push_str(&bonus_reading(c, e, base, bonus, deductible));
            } else {
                detail.push_str("。文件没有写这个报销比例和起付线，这里用的是假设值");
            }
            let mut st = c.step("基本医保报销（估算）", basic, &ratio_key, detail);
            st.source = if poverty_inpatient {
                c.cite("poverty_ratio_bonus")
            } else {
                // An assumption with no clause: the +10% clause is not about this person.
                None
            };
            (basic, st)
        }
    };
    r.basic = basic;
    r.steps.push(step);
}

/// “提高10%” (ambiguity `plus-ten`): the default adds points to the general ratio; the other reading
/// multiplies it. Both are said, with what the other would pay.
fn bonus_reading(
    c: &Ctx<'_>,
    e: &Episode,
    base: Decimal,
    bonus: Decimal,
    deductible: Decimal,
) -> String {
    let times = Decimal::ONE + bonus;
    let alt_ratio = (base * times).min(Decimal::ONE);
    let alt = round(pos(e.compliant - deductible) * alt_ratio);
    let quote =
        c.p.param("poverty_ratio_bonus")
            .source
            .as_ref()
            .map(|q| q.quote.clone())
            .unwrap_or_default();
    // A sum over the whole is paid as the whole: said, so that 95% + 10 is not read as 100 by mistake.
    let capped = if base + bonus > Decimal::ONE {
        format!("（合起来超过 {0}%，按 {0}%）", pct(Decimal::ONE))
    } else {
        String::new()
    };
    format!(
        "。建档立卡贫困人口不设起付线。文件写“{quote}”：本站按普通人群的比例 {}% 加 {} 个百分点计算{capped}；若理解为普通人群比例的 {} 倍（{}%），基本医保报销 {} 元。普通人群的比例是假设值",
        pct(base),
        pct(bonus),
        times.normalize(),
        pct(alt_ratio),
        yuan(alt)
    )
}

/// 2. 大病保险 on the year's cumulative personal compliant cost above the threshold, by segments.
fn critical_insurance(c: &Ctx<'_>, who: &Person, e: &Episode, y: &mut Year, r: &mut EpisodeResult) {
    let after_basic = pos(e.compliant - r.basic);
    let threshold_key = if who.reduced_threshold {
        "critical_threshold_reduced"
    } else {
        "critical_threshold_general"
    };
    let threshold = c.get(threshold_key);
    y.after_basic += after_basic;
    // Read only when estimated: a slip's amount uses no ratio, and its step names no changed one.
    let segments = match e.critical_paid {
        Some(_) => Default::default(),
        None => critical_segments(c, pos(y.after_basic - threshold)),
    };
    let earlier = y.critical_paid;
    // The year's 大病保险 so far by the segments.
    let year = round(segments.iter().map(|(part, ratio)| part * ratio).sum());
    let critical = match e.critical_paid {
        Some(paid) => paid,
        None => {
            r.estimated = true;
            pos(year - earlier).min(after_basic)
        }
    };
    y.critical_paid += critical;
    r.critical = critical;
    let (rule, detail) = critical_rule(e.critical_paid.is_some(), || {
        critical_working(
            y.after_basic,
            threshold,
            || {
                let parts: Vec<String> = segments
                    .iter()
                    .filter(|(part, _)| !part.is_zero())
                    .map(|(part, ratio)| format!("{} 元 × {}%", yuan(*part), pct(*ratio)))
                    .collect();
                format!(
                    "超过起付线 {} 元的部分分段报销：{}",
                    yuan(threshold),
                    parts.join(" + ")
                )
            },
            year,
            earlier,
            "分段比例是假设值；起付线按全年累计算一次，文件没有写明是一年还是每次住院",
        )
    });
    let mut st = c.step(&rule, critical, threshold_key, detail);
    st.assumption = e.critical_paid.is_none();
    r.steps.push(st);
}

/// 3 and 4: the floor (实际报销 topped up to the floor ratio) and 医疗救助 on the year's cumulative personal
/// compliant cost above its threshold; the reading options decide their order and which visits count.
fn floor_and_assistance(
    c: &Ctx<'_>,
    who: &Person,
    e: &Episode,
    y: &mut Year,
    r: &mut EpisodeResult,
) {
    let s = c.s;
    let inpatient = e.kind == EpisodeKind::Inpatient;
    let (basic, critical) = (r.basic, r.critical);
    let before_floor = pos(e.compliant - basic - critical);
    let assisted_kind = inpatient || !s.options.assistance_inpatient_only;
    let assistance_threshold = c.get("assistance_threshold");
    let reaches_assistance =
        who.covered && assisted_kind && y.personal_compliant + before_floor > assistance_threshold;
    // Ambiguity `chronic-floor`: the default tops up 门诊慢特病 too.
    let floor_kind = inpatient || !s.options.floor_inpatient_only;
    let floor_applies =
        who.covered && floor_kind && !(s.options.literal_floor && reaches_assistance);
    let top_up = if floor_applies {
        pos(round(c.get("floor_ratio") * e.compliant) - basic - critical)
    } else {
        Decimal::ZERO
    };
    r.floor_top_up = top_up;
    if who.covered {
        let floor = pct(c.get("floor_ratio"));
        let mut detail = if floor_applies && top_up.is_zero() {
            format!(
                "合规费用的{floor}%是 {} 元，基本医保和大病保险共报销 {} 元，已达到，不需要补足",
                yuan(c.get("floor_ratio") * e.compliant),
                yuan(basic + critical)
            )
        } else if floor_applies {
            // Ambiguity `floor-order`: the other reading said where it would change who pays (a village
            // cadre explaining the bill had nothing to go on but a fold of the form).
            // Said as the condition stands before the top-up: after it, the year's amount can be below the
            // threshold again (the 医疗救助 step then says none), which had read as a contradiction.
            let other = if reaches_assistance {
                format!(
                    "；补足前全年累计个人负担的合规费用 {} 元，超过 {} 元（达到医疗救助条件），照条款字面（“达不到医疗救助条件”的才补足）这次不补足，可在“解读选项”里对比",
                    yuan(y.personal_compliant + before_floor),
                    yuan(assistance_threshold)
                )
            } else {
                String::new()
            };
            format!(
                "合规费用的{floor}%是 {} 元，基本医保和大病保险共报销 {} 元，差额由兜底补足{other}",
                yuan(c.get("floor_ratio") * e.compliant),
                yuan(basic + critical)
            )
        } else if floor_kind {
            format!("按“字面理解”：本次达到医疗救助条件，不再补足到{floor}%")
        } else {
            format!("您选了“兜底补足只算住院”：县委办发〔2018〕83号附件5写的是“住院合规医疗费用”，门诊慢特病这次不补足到{floor}%")
        };
        // 门诊慢特病: cited to the clause that names it (the floor's own clause says neither 住院 nor 门诊),
        // and the clause that says 住院 named where it would change this visit; with the 住院-only reading,
        // no clause to cite.
        if !inpatient && floor_applies {
            detail.push_str(&format!("。门诊慢特病也补足：会卫计发〔2018〕203号写明门诊慢特病患者享受大病补偿政策、实际补偿比达到{floor}%以上；县委办发〔2018〕83号附件5写的是“住院合规医疗费用”。若只算住院，这次不补足"));
        }
        let key = if inpatient {
            "floor_ratio"
        } else {
            "chronic_floor_rule"
        };
        let mut step = c.step(&format!("兜底补足到实际报销{floor}%"), top_up, key, detail);
        if !floor_kind {
            step.source = None;
        }
        r.steps.push(step);
    }
    let personal_compliant = pos(before_floor - top_up);
    if who.covered && assisted_kind {
        let before = y.personal_compliant;
        y.personal_compliant += personal_compliant;
        let due =
            round(pos(y.personal_compliant - assistance_threshold) * c.get("assistance_ratio"));
        let assistance = pos(due - y.assistance_paid).min(personal_compliant);
        y.assistance_paid += assistance;
        r.assistance = assistance;
        // Nothing paid yet: said so (the rule's words alone read as money paid).
        let mut detail = format!(
            "全年累计个人自付合规费用由 {} 元增至 {} 元，{}",
            yuan(before),
            yuan(y.personal_compliant),
            if assistance.is_zero() {
                format!(
                    "还没有超过 {} 元，这次没有医疗救助",
                    yuan(assistance_threshold)
                )
            } else {
                format!("超过 {} 元的部分由医疗救助解决", yuan(assistance_threshold))
            }
        );
        if !inpatient {
            // Ambiguity `chronic-assistance`: the default counts 门诊慢特病.
            detail.push_str("。门诊慢特病也计入：县委办发〔2018〕83号等四处条款写的是“个人自负合规医疗费用”，没有限定住院；另有三处写“住院合规医疗费用”。若只算住院，这次的费用既不计入全年累计，也没有医疗救助");
        }
        r.steps.push(c.step(
            &format!(
                "医疗救助（全年个人自付合规费用超过{}元的部分）",
                plain(assistance_threshold)
            ),
            assistance,
            "assistance_threshold",
            detail,
        ));
    } else if who.covered && !inpatient {
        r.steps.push(Step {
            rule: "医疗救助（按“只算住院”的理解：门诊慢特病不计入）".into(),
            amount: Decimal::ZERO,
            source: None,
            assumption: false,
            detail: "您选了“医疗救助只算住院”：三处条款写“住院合规医疗费用”。本站默认按县委办发〔2018〕83号等四处条款（写“个人自负合规医疗费用”，没有限定住院）把门诊慢特病也计入".into(),
            overridden: c.take_overridden(),
            assumed: c.take_assumed(),
        });
    }
}

/// 5. The non-compliant cost of a 建档立卡 inpatient, borne by the hospital.
fn noncompliant(c: &Ctx<'_>, e: &Episode, r: &mut EpisodeResult) {
    let noncompliant = e.total - e.compliant;
    if hospital_absorbs(c.s, e) && noncompliant > Decimal::ZERO {
        r.hospital_absorbed = noncompliant;
        r.steps.push(c.step(
            "目录外（不合规）费用由定点医院承担",
            noncompliant,
            crate::settle::HOSPITAL_BEARS,
            "建档立卡贫困人口住院的不合规费用由定点医疗机构自行承担".into(),
        ));
    }
}
