//! A pointer into one of the published documents (slug + section id + 文号 + a short exact quote), and the
//! error every build-time check reports.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The five documents: slug and 文号. A citation's `number` must match its `doc`.
pub const DOCS: [(&str, &str); 5] = [
    ("huining-83", "县委办发〔2018〕83号"),
    ("huining-203", "会卫计发〔2018〕203号"),
    ("dezhou-20", "德卫办字〔2018〕20号"),
    ("gansu-165", "甘卫发〔2018〕165号"),
    ("meishan-137", "眉卫发〔2016〕137号"),
];

/// Where a rule, an item or a question comes from: `content/docs/<doc>.md`, the `{#section}` in it, the
/// document's 文号 and a short passage copied from it word for word.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// Document slug, e.g. `huining-83`.
    pub doc: String,
    /// Section or clause id inside it, e.g. `s3-2` or `t3-1`.
    pub section: String,
    /// 文号, e.g. 县委办发〔2018〕83号.
    pub number: String,
    /// A short passage of the document, verbatim (whitespace is not significant).
    pub quote: String,
}

impl Citation {
    /// The site path of the clause: `/docs/<doc>/#<section>`.
    pub fn href(&self) -> String {
        format!("/docs/{}/#{}", self.doc, self.section)
    }

    /// Checks the slug is one of the five documents, the 文号 is that document's and nothing is empty.
    pub fn validate(&self, what: &str) -> Result<(), DataError> {
        let Some((_, number)) = DOCS.iter().find(|(slug, _)| *slug == self.doc) else {
            return Err(DataError::new(
                what,
                format!("unknown document {:?}", self.doc),
            ));
        };
        if *number != self.number {
            return Err(DataError::new(
                what,
                format!("{} is {number}, not {}", self.doc, self.number),
            ));
        }
        if self.section.trim().is_empty() || self.quote.trim().is_empty() {
            return Err(DataError::new(what, "citation needs a section and a quote"));
        }
        Ok(())
    }
}

/// A data file breaks a rule: which entry, and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataError {
    /// The entry, e.g. `rule hn_floor_85` or `form wudu / indicator 7`.
    pub what: String,
    /// What is wrong with it.
    pub problem: String,
}

impl DataError {
    /// An error about `what`.
    pub fn new(what: &str, problem: impl Into<String>) -> Self {
        Self {
            what: what.to_string(),
            problem: problem.into(),
        }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.what, self.problem)
    }
}

impl std::error::Error for DataError {}

/// Fails if `items` has the same id twice.
pub fn unique_ids<'a>(what: &str, ids: impl IntoIterator<Item = &'a str>) -> Result<(), DataError> {
    let mut seen = std::collections::BTreeSet::new();
    for id in ids {
        if id.trim().is_empty() {
            return Err(DataError::new(what, "an empty id"));
        }
        if !seen.insert(id) {
            return Err(DataError::new(what, format!("id {id:?} twice")));
        }
    }
    Ok(())
}
