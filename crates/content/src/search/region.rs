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
}
