//! What the checker's pages show before the app starts (and with JavaScript off), from the checker's own
//! data (`policy_checker`, the same data the app loads): the self-check forms as printable tables, every
//! item with its points, and the village tables, township by township. The markup is
//! `templates/self_check.html` and `templates/villages.html` (minijinja, which escapes every value).

use minijinja::context;

use crate::jinja::render;
use policy_checker::data::form::Kind;
use serde::Serialize;

#[derive(Serialize)]
struct FormView {
    id: String,
    title: String,
    href: String,
    number: String,
    note: String,
    total: u32,
    grades: String,
    /// The form has a 问责主体 column (the 五督 form).
    accountable: bool,
    items: Vec<ItemView>,
}

#[derive(Serialize)]
struct ItemView {
    name: String,
    indicators: Vec<IndicatorView>,
}

#[derive(Serialize)]
struct IndicatorView {
    id: String,
    text: String,
    points: u32,
    rule: Option<String>,
    /// For a veto: the grade it sets.
    veto: Option<String>,
    /// The answers to tick, as the app labels them (`Indicator::answer_labels`).
    marks: Vec<String>,
    partial: bool,
    /// 问责主体 (its merged cells as the row above).
    accountable: Option<String>,
}

#[derive(Serialize)]
struct TownView {
    name: String,
    spellings: Option<String>,
    departments: Vec<DepartmentView>,
    /// What a cadre's mark means, when one is marked (a merged cell, filled from the row above).
    inferred_note: Option<&'static str>,
    villages: Vec<VillageView>,
}

#[derive(Serialize)]
struct DepartmentView {
    department: String,
    township: String,
    who: String,
    href: String,
}

#[derive(Serialize)]
struct VillageView {
    name: String,
    others: Option<String>,
}

/// The two official forms as tables: each item (a row across), then its indicators, each with its number
/// (第 n 项, as the app's messages name rows), its points, its answers to tick and, where the form has the
/// column, its 问责主体.
pub fn self_check() -> Result<String, String> {
    let forms: Vec<FormView> = policy_checker::forms::forms()
        .iter()
        .map(|f| FormView {
            id: f.id.clone(),
            title: f.title.clone(),
            href: f.source.href(),
            number: f.source.number.clone(),
            note: f.note.clone(),
            total: f.total_points,
            grades: f
                .grades
                .iter()
                .map(|g| format!("{} ≥ {} 分", g.name, g.min))
                .collect::<Vec<_>>()
                .join("，"),
            accountable: f.indicators().any(|i| i.accountable.is_some()),
            items: f
                .items
                .iter()
                .map(|item| ItemView {
                    name: match item.no {
                        Some(n) => format!("{n}. {}", item.name),
                        None => item.name.clone(),
                    },
                    indicators: item
                        .indicators
                        .iter()
                        .map(|ind| {
                            let (yes, no) = ind.answer_labels();
                            let mut marks = vec![yes.to_string(), no.to_string()];
                            marks.extend(ind.exempt.as_ref().map(|e| format!("不适用：{e}")));
                            IndicatorView {
                                id: ind.id.clone(),
                                text: ind.text.clone(),
                                points: ind.points,
                                rule: ind.rule.clone(),
                                veto: (ind.kind == Kind::Veto)
                                    .then(|| f.veto_grade.clone().unwrap_or_default()),
                                marks,
                                partial: ind.kind == Kind::Partial,
                                accountable: ind.accountable.clone(),
                            }
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect();
    render("self_check.html", context! { forms })
}

/// Every township of the three 包抓到村 tables: its cadres per department, then its villages.
pub fn villages() -> Result<String, String> {
    let towns: Vec<TownView> = policy_checker::towns()
        .into_iter()
        .map(|t| TownView {
            name: t.township.first().cloned().unwrap_or_default(),
            spellings: policy_checker::spellings(&t.township),
            departments: t
                .assignments
                .iter()
                .map(|a| DepartmentView {
                    department: a.department.clone(),
                    township: a.township.clone(),
                    who: a.who(),
                    href: a.source.href(),
                })
                .collect(),
            inferred_note: t
                .assignments
                .iter()
                .any(|a| a.carried.any())
                .then_some(policy_content::model::INFERRED_NOTE),
            villages: t
                .villages
                .iter()
                .map(|names| {
                    let (name, others) = policy_checker::also_written(names);
                    VillageView { name, others }
                })
                .collect(),
        })
        .collect();
    let villages: usize = towns.iter().map(|t| t.villages.len()).sum();
    render("villages.html", context! { towns, villages })
}

#[cfg(test)]
mod tests {
    use super::*;
    use policy_content::html::esc;

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
                    tr.contains(&format!("<td class=\"ind-no\">{}</td>", esc(&ind.id))),
                    "{tr}"
                );
                if let Some(a) = &ind.accountable {
                    assert!(tr.contains(&format!("<td>{}</td>", esc(a))), "{tr}");
                }
                assert!(
                    tr.contains(&format!("data-points=\"{}\">{} 分", ind.points, ind.points)),
                    "{tr}"
                );
                sum += ind.points;
            }
            assert_eq!(sum, f.total_points);
            let total = format!("{} 分</td><td", f.total_points);
            assert!(
                html.contains(&format!("{total}>得分"))
                    || html.contains(&format!("{total} colspan=\"2\">得分"))
            );
        }
        assert!(!html.contains("{{") && !html.contains("{%"));
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
        assert!(!html.contains("{{") && !html.contains("{%"));
    }
}
