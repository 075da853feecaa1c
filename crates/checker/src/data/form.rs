//! The shape of one official scoring form (`content/forms/<id>.toml`): items, indicators with their points
//! and how each is scored, the grades the form defines (if any), and the checks that the points add up.

use serde::{Deserialize, Serialize};

use super::citation::{unique_ids, Citation, Cited, DataError, Library};

/// How an indicator is scored, as the form says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// "是" earns the points, "否" earns 0.
    YesGains,
    /// "是" earns 0, "否" earns the points (the question asks about a failure).
    YesLoses,
    /// "是" sets the year's grade to the form's `veto_grade` directly; "否" earns the points.
    Veto,
    /// A score from 0 up to the points (部分完成酌情扣分).
    Partial,
}

/// One official scoring form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Form {
    /// `baozhua` (附表3-1) or `wudu`.
    pub id: String,
    /// The form's title, verbatim.
    pub title: String,
    /// The table in the document (its section id is the form's table).
    pub source: Citation,
    /// The sum of the points the form gives (checked against the indicators).
    pub total_points: u32,
    /// Grade set directly by a veto indicator answered 是, e.g. 差.
    #[serde(default)]
    pub veto_grade: Option<String>,
    /// Score thresholds for grades, as the form defines them; empty when it defines none.
    #[serde(default)]
    pub grades: Vec<Grade>,
    /// How the form is scored, and what it leaves open, in plain words.
    pub note: String,
    /// The clause that says what the form is for (who fills it in, what its result leads to).
    #[serde(default)]
    pub purpose: Option<Citation>,
    /// The form's rows, in order.
    #[serde(rename = "item")]
    pub items: Vec<Item>,
}

/// A grade and the lowest score that reaches it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Grade {
    /// Name, e.g. 好.
    pub name: String,
    /// Lowest total for it.
    pub min: u32,
    /// Where the form defines it.
    pub source: Citation,
}

/// One 考核内容 and its indicators.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// The 序号 the form prints for it, if the form numbers items (the 五督 form numbers indicators instead).
    #[serde(default)]
    pub no: Option<u32>,
    /// 考核内容, verbatim.
    pub name: String,
    /// The 考核指标.
    #[serde(rename = "indicator")]
    pub indicators: Vec<Indicator>,
}

/// One 考核指标.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Id unique in the form: the form's own 序号 where it numbers indicators, else `<item>-<n>`.
    pub id: String,
    /// 考核指标, verbatim.
    pub text: String,
    /// Points (the maximum for `partial`).
    pub points: u32,
    /// How it is scored.
    pub kind: Kind,
    /// 考核评价 as the form prints it, if the form has that column.
    #[serde(default)]
    pub rule: Option<String>,
    /// For `partial`: the parts the form lists (so the user can judge the partial score).
    #[serde(default)]
    pub parts: Vec<String>,
    /// The form's own words giving full points when there is nothing to check (e.g. 无任务的得 4 分).
    #[serde(default)]
    pub exempt: Option<String>,
    /// 问责主体 as printed; blank (merged) cells are filled from the indicator above at build time.
    #[serde(default)]
    pub accountable: Option<String>,
    /// True when `accountable` was filled from above, not printed in this row.
    #[serde(default)]
    pub accountable_inherited: bool,
    /// What to fix when the indicator loses points, in plain words.
    pub fix: String,
    /// The policy clause the indicator checks, if the document has one.
    #[serde(default)]
    pub basis: Option<Citation>,
}

impl Indicator {
    /// The form's two answers as a person chooses them, the one that loses points marked: `("是", "否（失分）")`
    /// when 是 earns the points, `("是（失分）", "否")` when the question asks about a failure or a veto.
    pub fn answer_labels(&self) -> (&'static str, &'static str) {
        match self.kind {
            Kind::Veto | Kind::YesLoses => ("是（失分）", "否"),
            Kind::YesGains | Kind::Partial => ("是", "否（失分）"),
        }
    }
}

impl Form {
    /// All indicators in order.
    pub fn indicators(&self) -> impl Iterator<Item = &Indicator> {
        self.items.iter().flat_map(|i| i.indicators.iter())
    }

    /// The citation of one indicator's row: the form's table and the indicator's own text.
    pub fn row_source(&self, indicator: &Indicator) -> Citation {
        Citation {
            quote: indicator.text.clone(),
            ..self.source.clone()
        }
    }

    /// Fills blank 问责主体 cells from the row above (the printed form merges those cells).
    pub fn fill_merged_cells(&mut self) {
        let mut above: Option<String> = None;
        for item in &mut self.items {
            for ind in &mut item.indicators {
                match &ind.accountable {
                    Some(a) => above = Some(a.clone()),
                    None if above.is_some() => {
                        ind.accountable = above.clone();
                        ind.accountable_inherited = true;
                    }
                    None => {}
                }
            }
        }
    }

    /// Checks ids, kinds and that the indicators' points add up to `total_points`.
    pub fn validate(&self, lib: &Library) -> Result<(), DataError> {
        let what = format!("form {}", self.id);
        self.source.validate(lib, &what)?;
        if let Some(u) = &self.purpose {
            u.validate(lib, &what)?;
        }
        unique_ids(&what, self.indicators().map(|i| i.id.as_str()))?;
        let sum: u32 = self.indicators().map(|i| i.points).sum();
        if sum != self.total_points {
            return Err(DataError::new(
                &what,
                format!(
                    "indicators add up to {sum}, total_points says {}",
                    self.total_points
                ),
            ));
        }
        for item in &self.items {
            if item.indicators.is_empty() {
                return Err(DataError::new(
                    &what,
                    format!("item {:?} has no indicator", item.name),
                ));
            }
        }
        for ind in self.indicators() {
            let what = format!("{what} / indicator {}", ind.id);
            if ind.points == 0 || ind.fix.trim().is_empty() || ind.text.trim().is_empty() {
                return Err(DataError::new(&what, "needs text, points > 0 and a fix"));
            }
            if ind.kind == Kind::Veto && self.veto_grade.is_none() {
                return Err(DataError::new(
                    &what,
                    "a veto indicator needs the form's veto_grade",
                ));
            }
            if ind.kind == Kind::Partial && ind.parts.is_empty() {
                return Err(DataError::new(&what, "a partial indicator lists its parts"));
            }
            if ind.exempt.is_some() && ind.kind != Kind::YesGains {
                return Err(DataError::new(
                    &what,
                    "only a yes_gains indicator can be exempt",
                ));
            }
            if let Some(b) = &ind.basis {
                b.validate(lib, &what)?;
            }
        }
        let mut last = None;
        for g in &self.grades {
            g.source
                .validate(lib, &format!("{what} / grade {}", g.name))?;
            if g.min > self.total_points || last.is_some_and(|l| g.min >= l) {
                return Err(DataError::new(
                    &what,
                    "grades go from the highest min down, each within total_points",
                ));
            }
            last = Some(g.min);
        }
        if self.note.trim().is_empty() {
            return Err(DataError::new(&what, "needs a note"));
        }
        Ok(())
    }
}
