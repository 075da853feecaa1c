//! The village lookup: find a village or township of the three 包抓到村 tables by any part of any of its
//! spellings (OCR variants folded by the variant map of `content/villages.toml`).

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::data::villages::{normalize, Assignment, Village, VillageIndex};

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

/// What the tables say about one township (the same for each of its villages), found by a query.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TownHit {
    /// Every spelling of the township.
    pub township: Vec<String>,
    /// Per department: the township's cadres (each `village` field left empty), in the document's order.
    pub assignments: Vec<Assignment>,
    /// The township's villages: each village's spellings, in table order.
    pub villages: Vec<Vec<String>>,
}

/// A lookup's answer: the townships the query names (each once, with its villages), then the villages whose
/// own name matches.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Found {
    /// Townships whose name matches.
    pub towns: Vec<TownHit>,
    /// Villages whose name matches (also those inside a township found).
    pub villages: Vec<VillageHit>,
}

/// How the tables write a name they write more than one way, said wherever the name is (the page, the
/// build's page, the poster: a poster had named 苏家岷村 for a query of 苏家峴 without it):
/// `原表写法：苏家岷村、苏家峴村`; nothing for a name written one way.
pub fn spellings(names: &[String]) -> Option<String> {
    (names.len() > 1).then(|| format!("原表写法：{}", names.join("、")))
}

/// A village in a township's list, with its other spellings: `苏家岷村（也写作苏家峴村）`.
pub fn also_written(names: &[String]) -> (String, Option<String>) {
    let first = names.first().cloned().unwrap_or_default();
    let others = (names.len() > 1).then(|| format!("（也写作{}）", names[1..].join("、")));
    (first, others)
}

/// The kinds of township the tables name; a query may use any of them for any township.
pub const TOWN_SUFFIXES: [&str; 3] = ["街道", "乡", "镇"];

/// `name` without a trailing 乡, 镇 or 街道, and whether it had one.
pub fn town_stem(name: &str) -> (&str, bool) {
    TOWN_SUFFIXES
        .iter()
        .find_map(|s| name.strip_suffix(s))
        .map_or((name, false), |stem| (stem, true))
}

/// Whether `query` (normalized) names township `name` (normalized): contained in it, or, when the query
/// ends in 乡/镇/街道, its stem ends the township's stem (柴家门乡 → 柴家门镇).
pub fn names_town(name: &str, query: &str) -> bool {
    if name.contains(query) {
        return true;
    }
    let (q, suffixed) = town_stem(query);
    suffixed && !q.is_empty() && town_stem(name).0.ends_with(q)
}

/// Townships the query names, each once with its villages, and the villages whose name matches.
pub fn find(query: &str) -> Found {
    find_in(index(), query)
}

/// [`find`] over the given index.
pub fn find_in(index: &VillageIndex, query: &str) -> Found {
    let q = normalize(&index.variants, query);
    if q.is_empty() {
        return Found::default();
    }
    let towns = towns_where(index, |v| {
        v.township
            .iter()
            .any(|t| names_town(&normalize(&index.variants, t), &q))
    });
    let villages: Vec<VillageHit> = search_in(index, query)
        .into_iter()
        .filter(|h| h.matched == Matched::Village)
        .collect();
    if towns.is_empty() && villages.is_empty() {
        return Found {
            towns,
            villages: town_then_village(index, &q),
        };
    }
    Found { towns, villages }
}

/// The villages a query finds that names a township and then a village in it, as an address is written
/// (太平店镇苏家岷村, 太平店苏家岷: it had found nothing): the township by its name with or without its 乡/镇
/// ([`town_stem`]), the rest as part of a village's name, in that township only.
fn town_then_village(index: &VillageIndex, q: &str) -> Vec<VillageHit> {
    let rest = |v: &Village| {
        v.township.iter().find_map(|t| {
            let t = normalize(&index.variants, t);
            let stem = town_stem(&t).0;
            let rest = q
                .strip_prefix(t.as_str())
                .or_else(|| q.strip_prefix(stem))?;
            (!rest.is_empty() && !stem.is_empty()).then(|| rest.to_string())
        })
    };
    index
        .villages
        .iter()
        .filter(|v| {
            rest(v).is_some_and(|rest| {
                v.names
                    .iter()
                    .any(|n| normalize(&index.variants, n).contains(&rest))
            })
        })
        .map(|v| hit(index, v, Matched::Village))
        .collect()
}

/// Village `v` as a hit, found by `matched`, with each department's cadres.
fn hit(index: &VillageIndex, v: &Village, matched: Matched) -> VillageHit {
    VillageHit {
        names: v.names.clone(),
        township: v.township.clone(),
        matched,
        assignments: index.assignments(v),
    }
}

/// Every township of the tables, in the first table's order, each once with its cadres per department and
/// its villages (the village page lists them all).
pub fn towns() -> Vec<TownHit> {
    towns_in(index())
}

/// [`towns`] over the given index.
pub fn towns_in(index: &VillageIndex) -> Vec<TownHit> {
    towns_where(index, |_| true)
}

/// The townships of the villages `keep` accepts, each once, in table order.
fn towns_where(index: &VillageIndex, keep: impl Fn(&Village) -> bool) -> Vec<TownHit> {
    let mut towns: Vec<TownHit> = Vec::new();
    for v in index.villages.iter().filter(|v| keep(v)) {
        match towns.iter_mut().find(|t| t.township == v.township) {
            Some(t) => t.villages.push(v.names.clone()),
            None => towns.push(TownHit {
                township: v.township.clone(),
                assignments: index
                    .assignments(v)
                    .into_iter()
                    .map(|a| Assignment {
                        village: String::new(),
                        source: a.source.with_quote(&a.township),
                        ..a
                    })
                    .collect(),
                villages: vec![v.names.clone()],
            }),
        }
    }
    towns
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
            Some(hit(index, v, matched))
        })
        .collect();
    hits.sort_by_key(|h| h.matched != Matched::Village);
    hits
}
