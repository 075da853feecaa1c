//! The calculator's category comparison: the same visits settled for every population category, each
//! payer's share per category, and the same table as text a spreadsheet takes (tab-separated for the
//! clipboard, CSV with a byte-order mark for a download). One function computes it ([`compare`]); the
//! page only shows what it returns.

use policy_engine::summary::{payers, payers_of};
use policy_engine::{settle, Category, Scenario};
use rust_decimal::Decimal;

/// The head of the first column.
pub const CATEGORY_HEAD: &str = "人员类别";
/// The head of the last column: the bill, which each row's shares add up to.
pub const TOTAL_HEAD: &str = "医疗总费用";
/// A payer's cell in the row of a category its rule does not reach (眉山's 兜底 for 普通城乡居民, 会宁's
/// 医疗救助 for 低保): not 0.00, which had read as "covered, but nothing paid".
pub const NOT_APPLICABLE: &str = "不适用";
/// What [`NOT_APPLICABLE`] means, under a table that has it (a 低保 reader had taken 医疗救助 不适用 for
/// no 民政 医疗救助 at all).
pub const NOT_APPLICABLE_MEANS: &str =
    "不适用：文件里的这项规定不包括这一类人员。本计算器只按这几份文件算，民政等部门的其他救助没有算在内。";

/// One category's row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The category.
    pub category: Category,
    /// It is the category the form has chosen.
    pub current: bool,
    /// Part of its bill is left to a document's target taken as met (眉山's 10%): a ceiling on its
    /// 个人自付 holds only as far as the target is met.
    pub on_target: bool,
    /// Each column's share, in the order of [`Comparison::payers`] (`None` where the payer's rule does
    /// not reach this category: [`NOT_APPLICABLE`]), then the bill; `None` where the engine refused this
    /// category.
    pub amounts: Option<(Vec<Option<Decimal>>, Decimal)>,
}

/// The comparison: the payers that pay anything for some category (the patient always), and a row per
/// category.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    /// Payer labels, in settlement order, the patient last.
    pub payers: Vec<String>,
    /// One row per category, in the engine's display order.
    pub rows: Vec<Row>,
}

/// Settles `scenario`'s visits for every category and keeps the payers that pay anything in some row
/// (labels and order from `policy_engine::summary::payers`, the patient last).
pub fn compare(scenario: &Scenario) -> Comparison {
    // Every payer's share, `None` for one that paid nothing and whose rule does not reach `s`'s person
    // (what the result's own table leaves out: `payers_of`).
    let shares = |s: &Scenario, y: &policy_engine::EpisodeResult| -> Vec<Option<Decimal>> {
        let reached: Vec<String> = payers_of(s, y).into_iter().map(|(l, _, _)| l).collect();
        payers(&s.profile, y)
            .into_iter()
            .map(|(l, v, _)| reached.contains(&l).then_some(v))
            .collect()
    };
    let settled: Vec<_> = Category::ALL
        .into_iter()
        .map(|c| {
            let s = Scenario {
                category: c,
                ..scenario.clone()
            };
            let year = settle(&s).ok().map(|r| r.year);
            (
                c,
                year.map(|y| (shares(&s, &y), y.total, !y.target_backstop.is_zero())),
            )
        })
        .collect();
    let all = payers(&scenario.profile, &Default::default());
    let last = all.len() - 1;
    let keep: Vec<bool> = (0..all.len())
        .map(|i| {
            i == last
                || settled.iter().any(|(_, r)| {
                    r.as_ref()
                        .is_some_and(|(s, _, _)| s[i].is_some_and(|v| !v.is_zero()))
                })
        })
        .collect();
    let pick = |v: Vec<Option<Decimal>>| -> Vec<Option<Decimal>> {
        v.into_iter()
            .zip(&keep)
            .filter_map(|(x, k)| k.then_some(x))
            .collect()
    };
    Comparison {
        payers: all
            .into_iter()
            .zip(&keep)
            .filter_map(|((label, _, _), k)| k.then_some(label))
            .collect(),
        rows: settled
            .into_iter()
            .map(|(category, r)| Row {
                category,
                current: category == scenario.category,
                on_target: r.as_ref().is_some_and(|(_, _, t)| *t),
                amounts: r.map(|(s, total, _)| (pick(s), total)),
            })
            .collect(),
    }
}

impl Comparison {
    /// How each row's 个人自付 is to be read when `scenario`'s visits (the one compared) had their
    /// compliant cost left blank as `guessed` says (the most one pays in one category, the least in
    /// another): `合规费用按总费用估算，所以个人自付一栏：建档立卡贫困人口是最多会付的（…）；城乡低保对象、…是至少
    /// 要付的（…）。` `None` when every one was typed.
    pub fn reading(&self, scenario: &Scenario, guessed: &[bool]) -> Option<String> {
        use crate::calc_adapter::{
            guessed_visits, reading, Reading, GUESSED, HOSPITAL_BEARS, ON_TARGET, OWN_COST,
        };
        if !guessed.iter().any(|g| *g) {
            return None;
        }
        // What a row's amount is, as the headline's note says it (a ceiling resting on a document's
        // target only as far as it is met); the order in which the note lists them.
        let means = |r: &Row| {
            let s = Scenario {
                category: r.category,
                ..scenario.clone()
            };
            match reading(&s, guessed) {
                Reading::Ceiling if r.on_target => 0,
                Reading::Ceiling => 1,
                Reading::Floor => 2,
                Reading::FromTotal | Reading::AsTyped => 3,
            }
        };
        let said = [
            format!("{ON_TARGET}是最多会付的（{HOSPITAL_BEARS}）"),
            format!("是最多会付的（{HOSPITAL_BEARS}）"),
            format!("是至少要付的（{OWN_COST}）"),
            "是估算".to_string(),
        ];
        let each: Vec<usize> = self.rows.iter().map(means).collect();
        let parts: Vec<String> = said
            .iter()
            .enumerate()
            .filter_map(|(k, words)| {
                let who: Vec<&str> = self
                    .rows
                    .iter()
                    .zip(&each)
                    .filter(|(_, m)| **m == k)
                    .map(|(r, _)| r.category.label())
                    .collect();
                (!who.is_empty()).then(|| format!("{}{words}", who.join("、")))
            })
            .collect();
        Some(format!(
            "{}{GUESSED}，所以个人自付一栏：{}。",
            guessed_visits(guessed),
            parts.join("；")
        ))
    }

    /// Whether some payer's rule does not reach some category ([`NOT_APPLICABLE`]).
    pub fn has_not_applicable(&self) -> bool {
        self.rows
            .iter()
            .filter_map(|r| r.amounts.as_ref())
            .any(|(shares, _)| shares.iter().any(Option::is_none))
    }

    /// The table's cells as text, the head row first: amounts with two decimals and no thousands
    /// separator (so a spreadsheet reads them as numbers), [`NOT_APPLICABLE`] where a payer's rule does
    /// not reach the row's category (a spreadsheet's sum skips it), blank where the engine refused.
    pub fn cells(&self) -> Vec<Vec<String>> {
        let mut head = vec![CATEGORY_HEAD.to_string()];
        head.extend(self.payers.iter().cloned());
        head.push(TOTAL_HEAD.to_string());
        let mut out = vec![head];
        for r in &self.rows {
            let mut row = vec![r.category.label().to_string()];
            match &r.amounts {
                Some((shares, total)) => row.extend(
                    shares
                        .iter()
                        .chain(std::iter::once(&Some(*total)))
                        .map(|d| {
                            d.map_or_else(|| NOT_APPLICABLE.into(), policy_engine::money::fmt)
                        }),
                ),
                None => row.extend(std::iter::repeat_n(String::new(), self.payers.len() + 1)),
            }
            out.push(row);
        }
        out
    }

    /// The cells as lines of `sep`-separated fields, each field through `field`.
    fn lines(&self, sep: &str, field: impl Fn(&str) -> String) -> String {
        self.cells()
            .iter()
            .map(|row| row.iter().map(|c| field(c)).collect::<Vec<_>>().join(sep) + "\r\n")
            .collect()
    }

    /// Tab-separated lines (what Excel and WPS paste as cells). The cells are the engine's labels and
    /// amounts: no tab or line break in any.
    pub fn to_tsv(&self) -> String {
        self.lines("\t", str::to_string)
    }

    /// CSV (RFC 4180: every field quoted, CRLF lines) with a UTF-8 byte-order mark, so Excel opens the
    /// Chinese correctly.
    pub fn to_csv(&self) -> String {
        let quoted = |c: &str| format!("\"{}\"", c.replace('"', "\"\""));
        format!("\u{feff}{}", self.lines(",", quoted))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scenario(profile: &str, total: &str, compliant: &str, level: &str) -> Scenario {
        serde_json::from_value(serde_json::json!({
            "profile": profile, "category": "dibao",
            "episodes": [{"kind": "inpatient", "level": level, "in_county": true,
                          "total": total, "compliant": compliant}]
        }))
        .unwrap()
    }

    /// Each row's shares add up to the bill, in the table and in both texts; columns nobody pays are
    /// left out, the patient's never.
    #[test]
    fn every_row_adds_up_and_the_texts_carry_the_same_numbers() {
        for (profile, total, compliant, level, has_floor) in [
            ("huining-2018", "12000", "12000", "county", false),
            ("huining-2018", "20000", "15000", "province", true),
            ("huining-2018", "100000", "80000", "province", true),
            ("meishan-2016", "30000", "27000", "county", false),
            ("huining-2018", "0", "0", "township", false),
        ] {
            let s = scenario(profile, total, compliant, level);
            let c = compare(&s);
            assert_eq!(c.rows.len(), Category::ALL.len());
            assert_eq!(c.payers.last().map(String::as_str), Some("个人自付"));
            assert_eq!(
                c.payers.iter().any(|p| p.starts_with("兜底补足")),
                has_floor,
                "{profile} {total}: {:?}",
                c.payers
            );
            assert_eq!(c.rows.iter().filter(|r| r.current).count(), 1);
            let cells = c.cells();
            assert_eq!(cells[0].len(), c.payers.len() + 2);
            for (r, row) in c.rows.iter().zip(&cells[1..]) {
                let (shares, bill) = r.amounts.clone().unwrap();
                assert_eq!(
                    shares.iter().flatten().sum::<Decimal>(),
                    bill,
                    "{profile} {row:?}"
                );
                assert_eq!(bill, total.parse::<Decimal>().unwrap());
                assert_eq!(row[0], r.category.label());
                let parsed: Vec<Option<Decimal>> = row[1..]
                    .iter()
                    .map(|x| (x != NOT_APPLICABLE).then(|| x.parse().unwrap()))
                    .collect();
                assert_eq!(parsed[..shares.len()], shares[..]);
                // A payer the result's own table lists for this category has a number, the others
                // are not applicable.
                let s = Scenario {
                    category: r.category,
                    ..s.clone()
                };
                let y = settle(&s).unwrap().year;
                let listed: Vec<String> =
                    payers_of(&s, &y).into_iter().map(|(l, _, _)| l).collect();
                for (label, share) in c.payers.iter().zip(&shares) {
                    assert_eq!(
                        listed.contains(label),
                        share.is_some(),
                        "{profile} {row:?} {label}"
                    );
                }
            }
            let tsv = c.to_tsv();
            let csv = c.to_csv();
            assert!(csv.starts_with('\u{feff}'));
            let from_tsv: Vec<Vec<String>> = tsv
                .lines()
                .map(|l| l.split('\t').map(str::to_string).collect())
                .collect();
            let from_csv: Vec<Vec<String>> = csv
                .trim_start_matches('\u{feff}')
                .lines()
                .map(|l| {
                    l.split(',')
                        .map(|f| f.trim_matches('"').to_string())
                        .collect()
                })
                .collect();
            assert_eq!(from_tsv, cells);
            assert_eq!(from_csv, cells);
        }
    }

    #[test]
    fn csv_quotes_every_field() {
        let c = Comparison {
            payers: vec!["a,b".into(), "say \"x\"".into()],
            rows: vec![],
        };
        assert_eq!(
            c.to_csv(),
            "\u{feff}\"人员类别\",\"a,b\",\"say \"\"x\"\"\",\"医疗总费用\"\r\n"
        );
    }
}
