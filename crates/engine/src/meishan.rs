//! 眉山市 2016 rules (眉卫发〔2016〕137号): for 建档立卡 inpatients at in-county designated hospitals, no
//! deductible and the personal share capped at 10% of the total cost (2016; the 2020 target, 10% of
//! compliant cost, as an option), taken as met; what fills the gap down to the cap is reported as a
//! backstop whose payer the document does not name (its 三（一）3 funds are not tied to the target).
//! Non-compliant cost of a 建档立卡 patient is borne by
//! the hospital inside the county and outside it (三（一）2（6） has no 县域内 limit, and its referral
//! paragraph says the same of 省、市级 hospitals). Outside the county the 基本医保 step cites the no-deductible
//! clause, whose reach (县域内) leaves the visit out.

use rust_decimal::Decimal;

use crate::model::{Category, Episode, EpisodeKind, EpisodeResult, Scenario, Step};
use crate::money::{pct, pos, round, yuan};
use crate::params::ProfileParams;
use crate::rules::{
    basic_estimate, critical_rule, critical_working, Ctx, FROM_SLIP, FROM_SLIP_DETAIL,
};
use crate::settle::finish;

/// The reading options these rules read (`crate::data::Rules::options_read`, in `crate::settle`).
pub(crate) const OPTIONS_READ: &[&str] = &["meishan_compliant_cap"];

/// Whether the hospital bears this visit's non-compliant cost (建档立卡, inside the county and outside).
pub(crate) fn hospital_absorbs(s: &Scenario, _e: &Episode) -> bool {
    s.category == Category::PovertyRegistered
}

/// Whether the 10% cap applies to this visit (建档立卡 inpatients inside the county).
pub(crate) fn capped(s: &Scenario, e: &Episode) -> bool {
    s.category == Category::PovertyRegistered && e.kind == EpisodeKind::Inpatient && e.in_county
}

/// Running totals over the year.
#[derive(Default)]
struct Year {
    /// Cumulative personal compliant cost after 基本医保 (the 大病保险 base).
    after_basic: Decimal,
    /// 大病保险 paid so far.
    critical_paid: Decimal,
}

pub(crate) fn settle_year(s: &Scenario, p: &ProfileParams) -> Vec<EpisodeResult> {
    let c = Ctx::new(s, p);
    let mut y = Year::default();
    s.episodes
        .iter()
        .map(|e| settle_visit(&c, e, &mut y))
        .collect()
}

/// One visit, the rules in order, the year's totals carried on.
fn settle_visit(c: &Ctx<'_>, e: &Episode, y: &mut Year) -> EpisodeResult {
    let mut r = EpisodeResult {
        total: e.total,
        ..Default::default()
    };
    basic_insurance(c, e, &mut r);
    critical_insurance(c, e, y, &mut r);
    noncompliant(c, e, &mut r);
    if capped(c.s, e) {
        cap(c, e, &mut r);
    }
    let overridden = c.take_overridden();
    finish(r, String::new(), overridden)
}

/// 基本医保: the amount on the bill, or estimated (no deductible where the cap applies; outside the county
/// the step says why the deductible is there, citing the in-county clause).
fn basic_insurance(c: &Ctx<'_>, e: &Episode, r: &mut EpisodeResult) {
    let inpatient = e.kind == EpisodeKind::Inpatient;
    let covered = capped(c.s, e);
    let referred = c.s.category == Category::PovertyRegistered && inpatient && !e.in_county;
    // Estimated: the amount and its arithmetic, as 会宁's step shows it.
    let (basic, sum) = match e.basic_paid {
        Some(v) => (v, String::new()),
        None => {
            r.estimated = true;
            let ratio_key = if inpatient {
                format!("basic_ratio_{}", e.level.key())
            } else {
                "basic_ratio_chronic".into()
            };
            let deductible = if covered || !inpatient {
                Decimal::ZERO
            } else {
                c.get(&format!("basic_deductible_{}", e.level.key()))
            };
            let (basic, working) = basic_estimate(e.compliant, deductible, c.get(&ratio_key));
            (basic, format!("{working}。"))
        }
    };
    r.basic = basic;
    // Outside the county, the clause whose reach (县域内) leaves this visit out: what the step rests on
    // (it had cited the referral approvals, which say nothing of a deductible).
    let deductible_source = if covered || referred {
        c.cite("no_deductible_rule")
    } else {
        None
    };
    r.steps.push(Step {
        rule: if e.basic_paid.is_some() {
            format!("基本医保报销{FROM_SLIP}")
        } else {
            "基本医保报销（估算）".into()
        },
        amount: basic,
        source: deductible_source,
        assumption: e.basic_paid.is_none(),
        detail: if e.basic_paid.is_some() {
            FROM_SLIP_DETAIL.into()
        } else if covered {
            format!("{sum}县域内定点医疗机构住院，建档立卡贫困人口不设起付线；报销比例是假设值")
        } else if referred {
            format!(
                "{sum}这次是县域外住院。不设起付线和个人负担控制在医疗总费用的{}%以内，文件只写了县域内定点医疗机构，所以这里按有起付线、没有这项兜底计算（起付线和报销比例是假设值）",
                pct(c.get("cap_ratio_2016"))
            )
        } else {
            format!("{sum}报销比例和起付线是假设值")
        },
        overridden: c.take_overridden(),
        assumed: c.take_assumed(),
    });
}

/// 大病保险 on the year's cumulative personal compliant cost above its threshold.
fn critical_insurance(c: &Ctx<'_>, e: &Episode, y: &mut Year, r: &mut EpisodeResult) {
    let after_basic = pos(e.compliant - r.basic);
    y.after_basic += after_basic;
    // The year's 大病保险 so far by the threshold and ratio (read only when estimated: a slip's amount uses
    // neither, and its step names no changed one).
    let year = match e.critical_paid {
        Some(_) => Decimal::ZERO,
        None => round(pos(y.after_basic - c.get("critical_threshold")) * c.get("critical_ratio")),
    };
    let critical = match e.critical_paid {
        Some(v) => v,
        None => {
            r.estimated = true;
            pos(year - y.critical_paid).min(after_basic)
        }
    };
    y.critical_paid += critical;
    r.critical = critical;
    let earlier = y.critical_paid - critical;
    let (rule, detail) = critical_rule(e.critical_paid.is_some(), || {
        let (threshold, ratio) = (c.get("critical_threshold"), c.get("critical_ratio"));
        critical_working(
            y.after_basic,
            threshold,
            || {
                format!(
                    "超过起付线 {} 元的部分 × 报销比例 {}%",
                    yuan(threshold),
                    pct(ratio)
                )
            },
            year,
            earlier,
            "起付线和比例是假设值，按全年累计算一次起付线也是",
        )
    });
    r.steps.push(Step {
        rule,
        amount: critical,
        source: None,
        assumption: e.critical_paid.is_none() && c.assumed("critical_ratio"),
        detail,
        overridden: c.take_overridden(),
        assumed: c.take_assumed(),
    });
}

/// What the same clause leaves open (the register's `meishan-self-paid`): said with the step, as the checker
/// says it with the benefit.
const SELF_PAID: &str = "。同一条还写了确实需要用的自费药品和项目要经会诊、院长签字确认；这样确认的费用由谁付，文件没有写，医院要您付时这部分在个人自付之外";

/// The non-compliant cost of a 建档立卡 patient, borne by the hospital (inside the county and outside).
fn noncompliant(c: &Ctx<'_>, e: &Episode, r: &mut EpisodeResult) {
    let noncompliant = e.total - e.compliant;
    if hospital_absorbs(c.s, e) && noncompliant > Decimal::ZERO {
        r.hospital_absorbed = noncompliant;
        r.steps.push(Step {
            rule: "不合规医疗费用由医疗机构自行承担".into(),
            amount: noncompliant,
            source: c.cite(crate::settle::HOSPITAL_BEARS),
            assumption: false,
            detail: format!(
                "{}{SELF_PAID}",
                if e.in_county {
                    "文件写“产生的所有不合规医疗费用全部由医疗机构自行承担”"
                } else {
                    "县域外也一样：文件写“产生的所有不合规医疗费用全部由医疗机构自行承担”，对按程序转诊到省、市级医疗机构的重大疾病贫困患者也写了“产生的一切不合规医疗费用全部由医疗机构自行承担”"
                }
            ),
            overridden: c.take_overridden(),
            assumed: c.take_assumed(),
        });
    }
}

/// The cap on the personal share (of the total cost, or of the compliant cost as an option), taken as met:
/// what lies above it is the backstop, whose payer the document does not name.
fn cap(c: &Ctx<'_>, e: &Episode, r: &mut EpisodeResult) {
    let of_compliant = c.s.options.meishan_compliant_cap;
    let (base, key) = if of_compliant {
        (e.compliant, "cap_ratio_2020")
    } else {
        (e.total, "cap_ratio_2016")
    };
    let cap = round(c.get(key) * base);
    let personal_before = pos(e.compliant - r.basic - r.critical);
    let backstop = pos(personal_before - cap);
    r.target_backstop = backstop;
    r.steps.push(Step {
        rule: format!("个人负担控制在{}%以内（文件的目标，本站当作已经做到）", pct(c.get(key))),
        amount: backstop,
        source: c.cite(key),
        assumption: false,
        detail: format!(
            "文件的目标是个人负担不超过{}的{}%，即 {} 元；{}",
            if of_compliant { "合规医疗费用" } else { "医疗总费用" },
            pct(c.get(key)),
            yuan(cap),
            if backstop.is_zero() {
                // Nothing above the target: said so (超出的 0.00 元不算您付 read as a sum).
                format!("这次个人负担 {} 元，没有超过", yuan(personal_before))
            } else {
                format!(
                    "按这个目标，超出的 {} 元不算您付。由哪项资金补、怎么补，文件没有写（本站当作这个目标已经做到）",
                    yuan(backstop)
                )
            }
        ),
        overridden: c.take_overridden(),
        assumed: c.take_assumed(),
    });
}
