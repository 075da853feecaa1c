//! The calculator's page as the build writes it: the form in place and a worked example (会宁, 建档立卡,
//! 县级医院住院 12,000 元 of which 10,000 compliant) settled by the engine itself at build time, with
//! the personal amount, who paid what and every step with its clause. With JavaScript off, or while the
//! wasm loads, a resident reads a real answer and a trainer can print it; the app then keeps the example
//! (it moves the node) until the person types. The markup is `templates/calc.html`.

use minijinja::context;
use policy_engine::form::{self, CalcForm, VisitForm};
use policy_engine::money::yuan;
use policy_engine::summary::{kind_label, payers_of};
use policy_engine::{
    profiles, reads_in_county, settle, Category, Episode, EpisodeKind, Level, Options, Scenario,
};
use serde::Serialize;

use policy_content::site::Page;

use crate::pages::PageSpec;

/// The worked example: profile, category, and one visit's total and compliant cost (yuan).
const EXAMPLE: (&str, Category, i64, i64) =
    ("huining-2018", Category::PovertyRegistered, 12_000, 10_000);

#[derive(Serialize)]
struct Row {
    label: String,
    amount: String,
}

#[derive(Serialize)]
struct StepView {
    rule: String,
    amount: String,
    assumption: bool,
    detail: String,
    href: Option<String>,
    cite: String,
}

/// The worked example's scenario.
pub fn example_scenario() -> Scenario {
    let (profile, category, total, compliant) = EXAMPLE;
    Scenario {
        profile: profile.into(),
        category,
        options: Options::default(),
        episodes: vec![Episode {
            kind: EpisodeKind::Inpatient,
            level: Level::County,
            in_county: true,
            total: total.into(),
            compliant: compliant.into(),
            basic_paid: None,
            critical_paid: None,
        }],
        overrides: Default::default(),
    }
}

/// The worked example as a person would type it into the calculator (for its link).
fn example_form() -> CalcForm {
    let (profile, category, total, compliant) = EXAMPLE;
    CalcForm {
        profile: profile.into(),
        category: category.id().into(),
        visits: vec![VisitForm {
            total: total.to_string(),
            compliant: compliant.to_string(),
            ..VisitForm::default()
        }],
        ..CalcForm::default()
    }
}

/// The `/calc/` page (`page`: its entry in the route table, whose title and lead the app shows too).
pub fn calc_page(page: &Page) -> Result<PageSpec, String> {
    let scenario = example_scenario();
    let result = settle(&scenario).map_err(|e| format!("the worked example: {e}"))?;
    let profile = policy_engine::profile(&scenario.profile)
        .ok_or_else(|| format!("no profile {}", scenario.profile))?;
    let episode = &scenario.episodes[0];
    let rows: Vec<Row> = payers_of(&scenario, &result.year)
        .into_iter()
        .map(|(label, amount, _)| Row {
            label,
            amount: yuan(amount),
        })
        .collect();
    let steps: Vec<StepView> = result
        .episodes
        .iter()
        .flat_map(|e| &e.steps)
        .map(|s| StepView {
            rule: s.rule.clone(),
            amount: yuan(s.amount),
            assumption: s.assumption,
            detail: s.detail.clone(),
            href: s.source.as_ref().map(|c| c.href()),
            cite: s
                .source
                .as_ref()
                .map_or_else(String::new, |c| c.link_text()),
        })
        .collect();
    let example = context! {
        profile => scenario.profile,
        category => scenario.category.id(),
        who => format!("{}，{}", profile.name, scenario.category.label()),
        what => format!(
            "{}，总费用 {} 元，合规医疗费用 {} 元",
            kind_label(episode),
            yuan(episode.total),
            yuan(episode.compliant)
        ),
        personal => yuan(result.year.personal),
        total => yuan(result.year.total),
        payers => rows,
        steps => steps,
        // The calculator's link to this scenario, written by the app's own encoding (a browser test follows it).
        fragment => example_form().to_fragment(),
    };
    let categories: Vec<_> = Category::ALL
        .into_iter()
        .map(|c| context! { id => c.id(), label => c.label(), hint => c.hint() })
        .collect();
    let profiles: Vec<_> = profiles()
        .iter()
        .map(|p| context! { id => p.id, name => p.name })
        .collect();
    let amount = |a: form::Amount| context! { field => a.field, label => a.label, hint => a.hint };
    let amounts = [form::TOTAL, form::COMPLIANT].map(amount);
    let paid = [form::BASIC_PAID, form::CRITICAL_PAID].map(amount);
    let body = crate::jinja::render(
        "calc.html",
        context! {
            title => page.title,
            lead => page.intro,
            profiles,
            categories,
            amounts,
            paid,
            max_field => policy_content::fragment::MAX_FIELD,
            reads_in_county => reads_in_county(&scenario.profile),
            example,
        },
    )?;
    Ok(crate::pages::spec(page, body))
}

#[cfg(test)]
mod tests {
    use super::*;
    use policy_content::site::PageKind;

    /// The example on the page is the engine's answer (the same figures as the engine's data tests and the
    /// app's: 1,500.00 元 for this scenario), with every step cited and linked.
    #[test]
    fn the_worked_example_is_the_engines_answer() {
        let page = calc_page(Page::of(PageKind::Calc)).unwrap();
        let body = &page.body;
        let personal = yuan(settle(&example_scenario()).unwrap().year.personal);
        assert_eq!(personal, "1,500.00");
        assert!(
            body.contains(&format!(
                "<span data-testid=\"example-total\">{personal}</span>"
            )),
            "{body}"
        );
        assert!(body.contains("县委办发〔2018〕83号"), "a clause cited");
        assert!(
            body.contains("href=\"/docs/huining-83/?hl="),
            "and linked, its words marked"
        );
        let link = format!(
            "<a class=\"example-link\" href=\"/calc/#{}\">",
            policy_content::html::esc(&policy_content::fragment::seal(
                "p=h&c=pr&v=i,c,1,12000,10000,,"
            ))
        );
        assert!(body.contains(&link), "{link}");
        assert!(body.contains(
            "<input type=\"radio\" name=\"category\" value=\"poverty_registered\" checked>"
        ));
        assert!(!body.contains("{{") && !body.contains("{%"));
    }
}
