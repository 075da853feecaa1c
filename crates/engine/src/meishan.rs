//! 眉山市 2016 rules (眉卫发〔2016〕137号): for 建档立卡 inpatients at in-county designated hospitals, no
//! deductible and the personal share capped at 10% of the total cost (2016; the 2020 target, 10% of
//! compliant cost, as an option); what fills the gap down to the cap is reported as 政府兜底/慈善基金
//! (the document names the funds but no formula). Non-compliant cost of a 建档立卡 patient is borne by
//! the hospital inside the county and outside it (三（一）2（6） has no 县域内 limit, and its referral
//! paragraph says the same of 省、市级 hospitals). Outside the county the step says 逐级转诊 applies.

use rust_decimal::Decimal;

use crate::model::{Category, Episode, EpisodeKind, EpisodeResult, Scenario, Step};
use crate::money::{fmt, pct, pos, round};
use crate::params::ProfileParams;
use crate::rules::Ctx;
use crate::settle::finish;

/// Whether the hospital bears this visit's non-compliant cost (建档立卡, inside the county and outside).
pub(crate) fn hospital_absorbs(s: &Scenario, _e: &Episode) -> bool {
    s.category == Category::PovertyRegistered
}

/// Whether the 10% cap applies to this visit (建档立卡 inpatients inside the county).
pub(crate) fn capped(s: &Scenario, e: &Episode) -> bool {
    s.category == Category::PovertyRegistered && e.kind == EpisodeKind::Inpatient && e.in_county
}

pub(crate) fn settle_year(s: &Scenario, p: &ProfileParams) -> Vec<EpisodeResult> {
    let c = Ctx::new(s, p);
    let get = |k: &str| c.get(k);
    let link = |k: &str| c.link(k);
    let assumed = |k: &str| c.assumed(k);
    let poverty = s.category == Category::PovertyRegistered;
    let mut after_basic_year = Decimal::ZERO;
    let mut critical_year = Decimal::ZERO;
    let mut out = Vec::new();
    for e in &s.episodes {
        let inpatient = e.kind == EpisodeKind::Inpatient;
        let covered = capped(s, e);
        let referred = poverty && inpatient && !e.in_county;
        let mut r = EpisodeResult {
            total: e.total,
            ..Default::default()
        };
        let basic = match e.basic_paid {
            Some(v) => v,
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
                    get(&format!("basic_deductible_{}", e.level.key()))
                };
                round(pos(e.compliant - deductible) * get(&ratio_key))
            }
        };
        r.basic = basic;
        let deductible_source = if covered {
            link("no_deductible_rule")
        } else if referred {
            link("referral_rule")
        } else {
            String::new()
        };
        r.steps.push(Step {
            rule: if e.basic_paid.is_some() {
                "基本医保报销（结算单上的金额）".into()
            } else {
                "基本医保报销（估算）".into()
            },
            amount: basic,
            source: deductible_source,
            assumption: e.basic_paid.is_none(),
            detail: if covered {
                "县域内定点医疗机构住院，建档立卡贫困人口不设起付线；报销比例是假设值".into()
            } else if referred {
                format!(
                    "县域外住院要逐级转诊：县级医院转市级医院，要经会诊同意并报区、县卫生计生局批准；市级转省级，要经省部级专家会诊同意并报省级卫生计生行政部门批准。不设起付线和个人负担控制在医疗总费用的{}%以内，文件只写了县域内定点医疗机构，所以这里按有起付线、没有这项兜底计算（起付线和报销比例是假设值）",
                    pct(get("cap_ratio_2016"))
                )
            } else {
                "报销比例和起付线是假设值".into()
            },
            overridden: c.take_overridden(),
        });
        let after_basic = pos(e.compliant - basic);
        after_basic_year += after_basic;
        let critical = match e.critical_paid {
            Some(v) => v,
            None => {
                r.estimated = true;
                pos(round(
                    pos(after_basic_year - get("critical_threshold")) * get("critical_ratio"),
                ) - critical_year)
                .min(after_basic)
            }
        };
        critical_year += critical;
        r.critical = critical;
        r.steps.push(Step {
            rule: "大病保险报销".into(),
            amount: critical,
            source: String::new(),
            assumption: e.critical_paid.is_none() && assumed("critical_ratio"),
            detail: format!(
                "全年累计个人负担的合规费用超过 {} 元的部分按比例报销（起付线和比例是假设值）",
                fmt(get("critical_threshold"))
            ),
            overridden: c.take_overridden(),
        });
        let noncompliant = e.total - e.compliant;
        if hospital_absorbs(s, e) && noncompliant > Decimal::ZERO {
            r.hospital_absorbed = noncompliant;
            r.steps.push(Step {
                rule: "不合规医疗费用由医疗机构自行承担".into(),
                amount: noncompliant,
                source: link("hospital_absorbs_noncompliant"),
                assumption: false,
                detail: if e.in_county {
                    "文件写“产生的所有不合规医疗费用全部由医疗机构自行承担”".into()
                } else {
                    "县域外也一样：文件写“产生的所有不合规医疗费用全部由医疗机构自行承担”，对转诊到省、市级医疗机构的贫困患者也写了“产生的一切不合规医疗费用全部由医疗机构自行承担”".into()
                },
                overridden: c.take_overridden(),
            });
        }
        if covered {
            let (base, key) = if s.options.meishan_compliant_cap {
                (e.compliant, "cap_ratio_2020")
            } else {
                (e.total, "cap_ratio_2016")
            };
            let cap = round(get(key) * base);
            let personal_before = pos(e.compliant - basic - critical);
            let backstop = pos(personal_before - cap);
            r.fiscal_backstop = backstop;
            r.steps.push(Step {
                rule: format!("政府兜底/慈善基金（个人负担控制在{}%以内）", pct(get(key))),
                amount: backstop,
                source: link(key),
                assumption: false,
                detail: format!(
                    "个人负担的上限是{}的{}%，即 {} 元；超出的 {} 元由卫生扶贫救助基金、慈善救助基金等兜底（文件没有写明各基金怎样分担）",
                    if s.options.meishan_compliant_cap { "合规医疗费用" } else { "医疗总费用" },
                    pct(get(key)),
                    fmt(cap),
                    fmt(backstop)
                ),
                overridden: c.take_overridden(),
            });
        }
        r.steps.push(Step {
            rule: "个人自付".into(),
            amount: Decimal::ZERO,
            source: String::new(),
            assumption: r.estimated,
            detail: String::new(),
            overridden: c.take_overridden(),
        });
        out.push(finish(r));
    }
    out
}
