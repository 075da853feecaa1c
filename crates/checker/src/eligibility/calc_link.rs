//! The settlement calculator's profile and category for a person, for a "calculate" link.

use serde::{Deserialize, Serialize};

use super::{data, validate, CheckError, Person};

/// The settlement calculator's profile and category for this person, for a "calculate" link.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalcLink {
    /// Profile id, e.g. `huining-2018`.
    pub profile: String,
    /// The engine's category id, or `None` when the engine has no such category (`unstable_exited`).
    pub category: Option<String>,
}

/// The calculator profile for the person's area (if it has one) and the engine category; `None` too for a
/// person not insured in 城乡居民基本医保: the calculator settles what the insurance, 大病保险 and 医疗救助
/// pay an insured patient, and would show such a person payments the check has just said they do not get.
pub fn calc_link(person: &Person) -> Result<Option<CalcLink>, CheckError> {
    let data = data();
    validate(data, person)?;
    let area = data
        .areas
        .iter()
        .find(|a| a.id == person.area)
        .expect("validated");
    let category = data
        .categories
        .iter()
        .find(|c| c.id == person.category)
        .expect("validated");
    if !person.insured {
        return Ok(None);
    }
    Ok(area.calc_profile.as_ref().map(|p| CalcLink {
        profile: p.clone(),
        category: category.in_engine.then(|| category.id.clone()),
    }))
}
