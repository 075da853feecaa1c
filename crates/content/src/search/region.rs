//! The search page's region filters: which documents a filter keeps (by the front matter's `region`).

/// A choice of the search page's region filter (kept in the address as `&r=<key>`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RegionFilter {
    /// The value in the address: short ASCII, stable (it may be printed on posters).
    pub key: &'static str,
    /// The label on the page.
    pub label: &'static str,
    /// The place: a document is kept when its region names it (`甘肃省` keeps the province's own
    /// documents and those of every county in it; `会宁县` only the county's).
    pub place: &'static str,
}

/// The region filters, in the order the page shows them (after 全部, no filter).
pub const REGION_FILTERS: &[RegionFilter] = &[
    RegionFilter {
        key: "huining",
        label: "会宁",
        place: "会宁县",
    },
    RegionFilter {
        key: "dezhou",
        label: "德州",
        place: "德州市",
    },
    RegionFilter {
        key: "gansu",
        label: "甘肃",
        place: "甘肃省",
    },
    RegionFilter {
        key: "meishan",
        label: "眉山",
        place: "眉山市",
    },
];

impl RegionFilter {
    /// The filter with this address key, if any (an unknown or empty key means no filter).
    pub fn by_key(key: &str) -> Option<&'static RegionFilter> {
        REGION_FILTERS.iter().find(|f| f.key == key)
    }

    /// Whether a document of `region` (e.g. `甘肃省白银市会宁县`) is kept.
    pub fn covers(&self, region: &str) -> bool {
        region.contains(self.place)
    }

    /// Whether `word` names this filter's place (`德州`, `德州市`).
    fn named_by(&self, word: &str) -> bool {
        word == self.label || word == self.place
    }
}

/// A place named as one word of a query of several (`德州 先诊疗后付费`, `眉山 十免`): its filter and the
/// other words. Searched as text, the place had to stand in the same passage as the rest: 德州's own
/// 先诊疗、后付费 was not found, 眉山 十免 opened a clause holding 眉山 alone.
pub fn place_in_query(query: &str) -> Option<(&'static RegionFilter, String)> {
    let words: Vec<&str> = query.split_whitespace().collect();
    if words.len() < 2 {
        return None;
    }
    let (at, filter) = words.iter().enumerate().find_map(|(i, w)| {
        REGION_FILTERS
            .iter()
            .find(|f| f.named_by(w))
            .map(|f| (i, f))
    })?;
    let rest: Vec<&str> = words
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != at)
        .map(|(_, w)| *w)
        .collect();
    Some((filter, rest.join(" ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_among_the_words_is_the_region() {
        for (query, want) in [
            ("德州 先诊疗后付费", Some(("dezhou", "先诊疗后付费"))),
            ("会宁县 住院 押金", Some(("huining", "住院 押金"))),
            ("眉山市  十免", Some(("meishan", "十免"))),
            ("大病保险 甘肃", Some(("gansu", "大病保险"))),
            // Alone it is the word searched; inside a word it is that word.
            ("德州", None),
            ("德州市卫生 报销", None),
            ("先诊疗后付费", None),
        ] {
            let got = place_in_query(query).map(|(f, rest)| (f.key, rest));
            assert_eq!(got.as_ref().map(|(k, r)| (*k, r.as_str())), want, "{query}");
        }
    }
}
