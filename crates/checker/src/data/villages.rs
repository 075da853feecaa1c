//! The shape of `content/villages.toml` (the three 包抓到村 tables of 县委办发〔2018〕83号 as printed, plus the
//! spelling-variant map) and the build-time alignment that turns them into one list of villages, each with
//! every spelling seen and the cadres of each department.

use serde::{Deserialize, Serialize};

use policy_content::model::inferred;

use super::citation::{Citation, Cited, DataError, Library};

/// The whole file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VillageData {
    /// Characters the tables use for one another (OCR variants).
    #[serde(rename = "variant")]
    pub variants: Vec<VariantGroup>,
    /// Whole names the tables spell differently where no character map applies.
    #[serde(rename = "same")]
    pub same: Vec<SameName>,
    /// The three tables, in the document's order.
    #[serde(rename = "table")]
    pub tables: Vec<Table>,
}

/// Characters that stand for one another in search.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VariantGroup {
    /// The characters, e.g. 岘岷峁峴.
    pub chars: String,
    /// Why they are grouped.
    pub note: String,
    /// Names in the tables that show the variation.
    pub seen: Vec<String>,
}

/// Spellings of one village that the tables print differently.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SameName {
    /// The township (any spelling).
    pub township: String,
    /// Every spelling, as printed.
    pub names: Vec<String>,
    /// What differs, and in which tables.
    pub note: String,
}

/// One assignment table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Table {
    /// `health`, `civil` or `hrss`.
    pub id: String,
    /// Department, e.g. 卫计部门.
    pub department: String,
    /// The table in the document.
    pub source: Citation,
    /// Column heads as printed: [section cadre, lead (卫计 only), township, cadres, villages].
    pub columns: Vec<String>,
    /// The rows, as printed (blank merged cells stay blank here).
    #[serde(rename = "row")]
    pub rows: Vec<Row>,
}

/// One row as printed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Row {
    /// 包抓（乡镇）科级干部; absent when the cell is merged with the row above.
    #[serde(default)]
    pub section_cadre: Option<String>,
    /// 医共体包抓领导 (卫计 table only); absent when merged.
    #[serde(default)]
    pub lead: Option<String>,
    /// 包抓乡镇, as printed.
    pub township: String,
    /// 包抓到村干部 / 包抓村组干部; empty when merged.
    #[serde(default)]
    pub cadres: Vec<String>,
    /// 包抓村, as printed (separated by 、).
    pub villages: String,
}

/// One village with all its spellings and where each department's table lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Village {
    /// The township's spellings, first as the first table prints it.
    pub township: Vec<String>,
    /// The village's spellings, first as the first table prints it.
    pub names: Vec<String>,
    /// Per department, in the document's order: the township row in that table and the village as printed.
    pub at: Vec<(usize, String)>,
}

/// Which cells of a township's row are blank in the table and filled from the row above (merged cells as
/// the site infers them: said with [`policy_content::model::INFERRED`] wherever they are shown).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Carried {
    /// The section-level cadre.
    pub section_cadre: bool,
    /// 医共体包抓领导.
    pub lead: bool,
    /// The cadres for the villages.
    pub cadres: bool,
}

impl Carried {
    /// Whether any cell is filled from the row above.
    pub fn any(&self) -> bool {
        self.section_cadre || self.lead || self.cadres
    }
}

/// One township row of a table, merged cells filled.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TownRow {
    /// The township as this table prints it.
    pub township: String,
    /// The section-level cadre (merged cells filled).
    pub section_cadre: String,
    /// 医共体包抓领导 (卫计 only).
    pub lead: Option<String>,
    /// The cadres for the township's villages (merged cells filled).
    pub cadres: Vec<String>,
    /// Which of these cells are filled from the row above.
    pub carried: Carried,
}

/// One department's table in the index.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Department {
    /// Table id.
    pub table: String,
    /// Department, e.g. 民政部门.
    pub department: String,
    /// The table in the document.
    pub source: Citation,
    /// Its rows.
    pub rows: Vec<TownRow>,
}

/// Who one department assigns to a village.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignment {
    /// Table id.
    pub table: String,
    /// Department, e.g. 民政部门.
    pub department: String,
    /// The township as this table prints it.
    pub township: String,
    /// The village as this table prints it.
    pub village: String,
    /// The section-level cadre for the township (merged cells filled).
    pub section_cadre: String,
    /// 医共体包抓领导 (卫计 only).
    pub lead: Option<String>,
    /// The cadres for the village (merged cells filled).
    pub cadres: Vec<String>,
    /// Which of these cells are filled from the row above.
    pub carried: Carried,
    /// The township's row of the table, marking the village as printed there (the township, for a
    /// township's answer): 看原表 opens the row, not the table's title screens above it.
    pub source: Citation,
}

impl Assignment {
    /// Who the department assigns, in one line: `科级干部：…；医共体包抓领导：…；到村干部：…、…`, a cell the
    /// table leaves blank (filled from the row above) marked ([`inferred`]; the page and its poster say
    /// what the mark means: [`policy_content::model::INFERRED_NOTE`]).
    pub fn who(&self) -> String {
        let mark = |words: &str, carried: bool| {
            if carried {
                inferred(words)
            } else {
                words.to_string()
            }
        };
        let c = self.carried;
        let mut who = vec![format!(
            "科级干部：{}",
            mark(&self.section_cadre, c.section_cadre)
        )];
        if let Some(l) = &self.lead {
            who.push(format!("医共体包抓领导：{}", mark(l, c.lead)));
        }
        who.push(format!(
            "到村干部：{}",
            mark(&self.cadres.join("、"), c.cadres)
        ));
        who.join("；")
    }
}

/// The built index: the variant map (for search), the departments' rows and the aligned villages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VillageIndex {
    /// The character variant groups.
    pub variants: Vec<VariantGroup>,
    /// The name-level variants.
    pub same: Vec<SameName>,
    /// The three tables' rows.
    pub departments: Vec<Department>,
    /// Every village, in the first table's order.
    pub villages: Vec<Village>,
}

impl VillageIndex {
    /// What each department's table says about `village`, in the document's order.
    pub fn assignments(&self, village: &Village) -> Vec<Assignment> {
        self.departments
            .iter()
            .zip(&village.at)
            .map(|(d, (row, printed))| {
                let r = &d.rows[*row];
                Assignment {
                    table: d.table.clone(),
                    department: d.department.clone(),
                    township: r.township.clone(),
                    village: printed.clone(),
                    section_cadre: r.section_cadre.clone(),
                    lead: r.lead.clone(),
                    cadres: r.cadres.clone(),
                    carried: r.carried,
                    source: Citation {
                        section: policy_content::model::row_id(&d.source.section, row + 1),
                        ..d.source.with_quote(printed)
                    },
                }
            })
            .collect()
    }
}

/// Folds every character of a variant group to the group's first character and drops whitespace.
pub fn normalize(variants: &[VariantGroup], s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| {
            variants
                .iter()
                .find(|g| g.chars.contains(c))
                .and_then(|g| g.chars.chars().next())
                .unwrap_or(c)
        })
        .collect()
}

/// A table row with merged cells filled from the rows above.
struct FilledRow<'a> {
    carried: Carried,
    section_cadre: String,
    lead: Option<String>,
    township: &'a str,
    cadres: Vec<String>,
    villages: Vec<&'a str>,
}

fn fill(table: &Table) -> Result<Vec<FilledRow<'_>>, DataError> {
    let mut out: Vec<FilledRow> = Vec::new();
    for row in &table.rows {
        let prev = out.last();
        let what = format!("table {} / {}", table.id, row.township);
        let section_cadre = match (&row.section_cadre, prev) {
            (Some(s), _) => s.clone(),
            (None, Some(p)) => p.section_cadre.clone(),
            (None, None) => return Err(DataError::new(&what, "first row needs a section cadre")),
        };
        let lead = row
            .lead
            .clone()
            .or_else(|| prev.and_then(|p| p.lead.clone()));
        let cadres = match (row.cadres.is_empty(), prev) {
            (false, _) => row.cadres.clone(),
            (true, Some(p)) => p.cadres.clone(),
            (true, None) => return Err(DataError::new(&what, "first row needs cadres")),
        };
        let villages: Vec<&str> = row.villages.split('、').map(str::trim).collect();
        if villages.iter().any(|v| v.is_empty()) {
            return Err(DataError::new(&what, "an empty village name"));
        }
        out.push(FilledRow {
            carried: Carried {
                section_cadre: row.section_cadre.is_none(),
                lead: row.lead.is_none() && lead.is_some(),
                cadres: row.cadres.is_empty(),
            },
            section_cadre,
            lead,
            township: &row.township,
            cadres,
            villages,
        });
    }
    Ok(out)
}

impl VillageData {
    /// Aligns the tables: the same township (after the variant map) must list the same number of villages
    /// in every table, and villages at the same place must be spelled alike after the variant map or be
    /// listed together in a `same` entry. Every `same` entry must be needed.
    pub fn build_index(&self, lib: &Library) -> Result<VillageIndex, DataError> {
        let norm = |s: &str| normalize(&self.variants, s);
        if self.tables.len() < 2 {
            return Err(DataError::new("villages", "needs the assignment tables"));
        }
        for t in &self.tables {
            t.source.validate(lib, &format!("table {}", t.id))?;
        }
        let filled: Vec<Vec<FilledRow>> = self.tables.iter().map(fill).collect::<Result<_, _>>()?;
        let mut used_same = vec![false; self.same.len()];
        let mut villages = Vec::new();
        for (t, rows) in self.tables.iter().zip(&filled) {
            let mut towns = std::collections::BTreeSet::new();
            if !rows.iter().all(|r| towns.insert(norm(r.township))) {
                return Err(DataError::new(
                    &format!("table {}", t.id),
                    "a township appears twice",
                ));
            }
            if rows.len() != filled[0].len() {
                return Err(DataError::new(
                    &format!("table {}", t.id),
                    "has a different number of townships from the first table",
                ));
            }
        }
        for first in &filled[0] {
            let key = norm(first.township);
            let matched: Vec<(usize, &FilledRow)> = filled
                .iter()
                .zip(&self.tables)
                .map(|(rows, t)| {
                    rows.iter()
                        .enumerate()
                        .find(|(_, r)| norm(r.township) == key)
                        .ok_or_else(|| {
                            DataError::new(
                                &format!("table {}", t.id),
                                format!("has no township {}", first.township),
                            )
                        })
                })
                .collect::<Result<_, _>>()?;
            for (i, name) in first.villages.iter().enumerate() {
                let mut names: Vec<String> = Vec::new();
                let mut at = Vec::new();
                let mut township: Vec<String> = Vec::new();
                for ((row_no, row), table) in matched.iter().zip(&self.tables) {
                    let what = format!("table {} / {}", table.id, row.township);
                    if row.villages.len() != first.villages.len() {
                        return Err(DataError::new(
                            &what,
                            format!(
                                "lists {} villages, the first table {}",
                                row.villages.len(),
                                first.villages.len()
                            ),
                        ));
                    }
                    let other = row.villages[i];
                    if norm(other) != norm(name) {
                        let found = self.same.iter().position(|s| {
                            norm(&s.township) == key
                                && s.names.iter().any(|n| n == name)
                                && s.names.iter().any(|n| n == other)
                        });
                        match found {
                            Some(k) => used_same[k] = true,
                            None => {
                                return Err(DataError::new(&what, format!("village {name} is {other} here: add a [[same]] entry or a variant")))
                            }
                        }
                    }
                    if !names.iter().any(|n| n == other) {
                        names.push(other.to_string());
                    }
                    if !township.iter().any(|n| n == row.township) {
                        township.push(row.township.to_string());
                    }
                    at.push((*row_no, other.to_string()));
                }
                villages.push(Village {
                    township,
                    names,
                    at,
                });
            }
        }
        if let Some(k) = used_same.iter().position(|u| !u) {
            return Err(DataError::new(
                "villages",
                format!(
                    "[[same]] {:?} is not needed by the tables",
                    self.same[k].names
                ),
            ));
        }
        for g in &self.variants {
            if g.chars.chars().count() < 2 || g.note.trim().is_empty() {
                return Err(DataError::new(
                    "villages",
                    format!(
                        "variant group {:?} needs two characters and a note",
                        g.chars
                    ),
                ));
            }
            let printed = |n: &String| {
                villages
                    .iter()
                    .any(|v: &Village| v.names.contains(n) || v.township.contains(n))
            };
            if let Some(n) = g.seen.iter().find(|n| !printed(n)) {
                return Err(DataError::new(
                    "villages",
                    format!("variant group {:?}: {n} is not in the tables", g.chars),
                ));
            }
        }
        let departments = self
            .tables
            .iter()
            .zip(filled)
            .map(|(t, rows)| Department {
                table: t.id.clone(),
                department: t.department.clone(),
                source: t.source.clone(),
                rows: rows
                    .into_iter()
                    .map(|r| TownRow {
                        township: r.township.to_string(),
                        section_cadre: r.section_cadre,
                        lead: r.lead,
                        cadres: r.cadres,
                        carried: r.carried,
                    })
                    .collect(),
            })
            .collect();
        Ok(VillageIndex {
            variants: self.variants.clone(),
            same: self.same.clone(),
            departments,
            villages,
        })
    }
}
