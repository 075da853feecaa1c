//! The citation every data file shares (one type, `policy_content::citation`), checked as data against
//! the library, and the error every build-time check reports.

use std::fmt;

pub use policy_content::citation::{Citation, Library, Scope};

/// A citation as the data files use it: checked against the library (the document, its 文号, the quote
/// in the cited section), the failure naming the entry.
pub trait Cited {
    /// Checks the citation of entry `what`.
    fn validate(&self, lib: &Library, what: &str) -> Result<(), DataError>;
}

impl Cited for Citation {
    fn validate(&self, lib: &Library, what: &str) -> Result<(), DataError> {
        lib.verify(self, Scope::Section)
            .map_err(|e| DataError::new(what, e.to_string()))
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
