//! What the checker's pages show before the app starts (and with JavaScript off), from the checker's own
//! data (`policy_checker`, the same data the app loads): the self-check forms as printable tables, every
//! item with its points, and the village tables, township by township. The markup is
//! `templates/checker.html`; text goes through the one escaper ([`esc`]).

use policy_checker::data::form::{Form, Indicator, Kind};
use policy_checker::TownHit;

use crate::blocks::{BlockError, Blocks};
use crate::html::esc;

const TEMPLATE: &str = include_str!("../templates/checker.html");

fn blocks() -> Result<Blocks, BlockError> {
    Blocks::parse("templates/checker.html", TEMPLATE)
}

/// The two official forms as tables: each item (a row across), then its indicators, each with its points
/// and its answers to tick.
pub fn self_check() -> Result<String, BlockError> {
    let b = blocks()?;
    let forms = policy_checker::forms::forms()
        .iter()
        .map(|f| form(&b, f))
        .collect::<Result<String, _>>()?;
    b.fill("forms", &[("forms", &forms)])
}

fn form(b: &Blocks, f: &Form) -> Result<String, BlockError> {
    let mut items = String::new();
    for item in &f.items {
        let name = match item.no {
            Some(n) => format!("{n}. {}", item.name),
            None => item.name.clone(),
        };
        let mut rows = String::new();
        for ind in &item.indicators {
            rows.push_str(&b.fill(
                "indicator",
                &[
                    ("ind", &esc(&ind.id)),
                    ("text", &esc(&ind.text)),
                    ("more", &more(b, f, ind)?),
                    ("points", &ind.points.to_string()),
                    ("marks", &marks(b, ind)?),
                ],
            )?);
            rows.push('\n');
        }
        items.push_str(&b.fill("item", &[("item", &esc(&name)), ("rows", &rows)])?);
    }
    let grades = if f.grades.is_empty() {
        String::new()
    } else {
        let list = f
            .grades
            .iter()
            .map(|g| format!("{} ≥ {} 分", g.name, g.min))
            .collect::<Vec<_>>()
            .join("，");
        b.fill("grades", &[("grades", &esc(&list))])?
    };
    b.fill(
        "form",
        &[
            ("id", &esc(&f.id)),
            ("title", &esc(&f.title)),
            ("href", &esc(&f.source.href())),
            ("number", &esc(&f.source.number)),
            ("note", &esc(&f.note)),
            ("items", &items),
            ("total", &f.total_points.to_string()),
            ("grades", &grades),
        ],
    )
}

/// Under the indicator's text: the form's scoring rule, and for a veto what it sets.
fn more(b: &Blocks, f: &Form, ind: &Indicator) -> Result<String, BlockError> {
    let mut out = String::new();
    if let Some(rule) = &ind.rule {
        out.push_str(&b.fill("rule", &[("rule", &esc(rule))])?);
    }
    if ind.kind == Kind::Veto {
        let grade = f.veto_grade.as_deref().unwrap_or_default();
        out.push_str(&b.fill("veto", &[("grade", &esc(grade))])?);
    }
    Ok(out)
}

/// The answers to tick, as the app labels them (`Indicator::answer_labels`).
fn marks(b: &Blocks, ind: &Indicator) -> Result<String, BlockError> {
    let (yes, no) = ind.answer_labels();
    let mut out = b.fill("mark", &[("label", &esc(yes))])?;
    out.push_str(&b.fill("mark", &[("label", &esc(no))])?);
    if let Some(e) = &ind.exempt {
        out.push_str(&b.fill("mark", &[("label", &esc(&format!("不适用：{e}")))])?);
    }
    if ind.kind == Kind::Partial {
        out.push_str(&b.fill("partial", &[("max", &ind.points.to_string())])?);
    }
    Ok(out)
}

/// Every township of the three 包抓到村 tables: its cadres per department, then its villages.
pub fn villages() -> Result<String, BlockError> {
    let b = blocks()?;
    let towns = policy_checker::towns();
    let villages: usize = towns.iter().map(|t| t.villages.len()).sum();
    let list = towns
        .iter()
        .map(|t| town(&b, t))
        .collect::<Result<String, _>>()?;
    b.fill(
        "towns",
        &[
            ("towns", &towns.len().to_string()),
            ("villages", &villages.to_string()),
            ("list", &list),
        ],
    )
}

fn town(b: &Blocks, t: &TownHit) -> Result<String, BlockError> {
    let spellings = if t.township.len() > 1 {
        b.fill("spellings", &[("names", &esc(&t.township.join("、")))])?
    } else {
        String::new()
    };
    let departments = t
        .assignments
        .iter()
        .map(|a| {
            b.fill(
                "department",
                &[
                    ("department", &esc(&a.department)),
                    ("township", &esc(&a.township)),
                    ("who", &esc(&a.who())),
                    ("href", &esc(&a.source.href())),
                ],
            )
        })
        .collect::<Result<String, _>>()?;
    let villages = t
        .villages
        .iter()
        .map(|names| {
            let others = match names.get(1..) {
                Some(rest) if !rest.is_empty() => {
                    b.fill("village-others", &[("names", &esc(&rest.join("、")))])?
                }
                _ => String::new(),
            };
            let first = names.first().map(String::as_str).unwrap_or_default();
            b.fill("village", &[("name", &esc(first)), ("others", &others)])
        })
        .collect::<Result<String, _>>()?;
    b.fill(
        "town",
        &[
            ("town", &esc(t.township.first().map_or("", String::as_str))),
            ("count", &t.villages.len().to_string()),
            ("spellings", &spellings),
            ("departments", &departments),
            ("villages", &villages),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every indicator of both forms is a row with its points, and the points add up to the form's total.
    #[test]
    fn forms_list_every_indicator_with_its_points() {
        let html = self_check().unwrap();
        for f in policy_checker::forms::forms() {
            let mut sum = 0;
            for ind in f.indicators() {
                let row = format!("<tr data-indicator=\"{}\">", esc(&ind.id));
                let at = html
                    .find(&row)
                    .unwrap_or_else(|| panic!("{} {}", f.id, ind.id));
                let tail = &html[at..];
                let end = tail.find("</tr>").unwrap();
                let tr = &tail[..end];
                assert!(tr.contains(&esc(&ind.text)), "{}", ind.id);
                assert!(
                    tr.contains(&format!("data-points=\"{}\">{} 分", ind.points, ind.points)),
                    "{tr}"
                );
                sum += ind.points;
            }
            assert_eq!(sum, f.total_points);
            assert!(html.contains(&format!("{} 分</td><td>得分", f.total_points)));
        }
        assert!(!html.contains("{{"));
    }

    /// Every village appears once under its township, and each township has its three departments.
    #[test]
    fn villages_list_every_township_and_village() {
        let html = villages().unwrap();
        let towns = policy_checker::towns();
        assert_eq!(
            html.matches("data-testid=\"town-summary\"").count(),
            towns.len()
        );
        for t in &towns {
            assert!(html.contains(&format!("<h2>{}<span", esc(&t.township[0]))));
            for v in &t.villages {
                assert!(html.contains(&format!("<li>{}", esc(&v[0]))), "{v:?}");
            }
        }
        assert_eq!(html.matches("看原表").count(), towns.len() * 3);
        assert!(!html.contains("{{"));
    }
}
