//! The village lookup: find a village or township of the three 包抓到村 tables by any part of any of its
//! spellings (OCR variants folded by the variant map of `content/villages.toml`).

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::data::villages::{normalize, Assignment, VillageIndex};

pub(crate) static INDEX: OnceLock<VillageIndex> = OnceLock::new();

/// The aligned villages and the variant map.
pub fn index() -> &'static VillageIndex {
    crate::store::get(&INDEX, crate::store::Part::Villages)
}

/// What the query matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Matched {
    /// A spelling of the village's name.
    Village,
    /// Only a spelling of its township's name.
    Township,
}

/// One village found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VillageHit {
    /// Every spelling of the village seen in the tables.
    pub names: Vec<String>,
    /// Every spelling of its township.
    pub township: Vec<String>,
    /// What the query matched.
    pub matched: Matched,
    /// Per department: the cadres and the township, as that table prints them.
    pub assignments: Vec<Assignment>,
}

/// Villages whose name or township contains `query` under any spelling, village-name matches first, in table
/// order. A blank query finds nothing.
pub fn search(query: &str) -> Vec<VillageHit> {
    search_in(index(), query)
}

/// [`search`] over the given index.
pub fn search_in(index: &VillageIndex, query: &str) -> Vec<VillageHit> {
    let q = normalize(&index.variants, query);
    if q.is_empty() {
        return Vec::new();
    }
    let contains = |names: &[String]| {
        names
            .iter()
            .any(|n| normalize(&index.variants, n).contains(&q))
    };
    let mut hits: Vec<VillageHit> = index
        .villages
        .iter()
        .filter_map(|v| {
            let matched = if contains(&v.names) {
                Matched::Village
            } else if contains(&v.township) {
                Matched::Township
            } else {
                return None;
            };
            Some(VillageHit {
                names: v.names.clone(),
                township: v.township.clone(),
                matched,
                assignments: index.assignments(v),
            })
        })
        .collect();
    hits.sort_by_key(|h| h.matched != Matched::Village);
    hits
}
