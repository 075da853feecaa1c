//! The calculator's form state as people typed it, and its compact encoding in the URL fragment, so a
//! scenario can be shared, bookmarked or put in a QR code without anything being sent or stored.
//!
//! Fragment: `p=h&c=pr&o=co,sn&v=i,c,1,12000,10000,,;o,t,1,3000,2800,,&a=key:value,…`
//! (`p` profile, `c` category, `o` options on, `v` visits, `a` edited assumption parameters).

use std::collections::BTreeMap;

/// One visit (住院 or 门诊慢特病) as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VisitForm {
    /// `inpatient` or `chronic_outpatient`.
    pub kind: String,
    /// `township`, `county`, `city` or `province`.
    pub level: String,
    /// Inside the county (县域内).
    pub in_county: bool,
    /// 医疗总费用, as typed.
    pub total: String,
    /// 合规医疗费用, as typed.
    pub compliant: String,
    /// 基本医保 already paid (from the settlement slip), optional.
    pub basic_paid: String,
    /// 大病保险 already paid, optional.
    pub critical_paid: String,
}

impl Default for VisitForm {
    fn default() -> Self {
        Self {
            kind: "inpatient".into(),
            level: "county".into(),
            in_county: true,
            total: String::new(),
            compliant: String::new(),
            basic_paid: String::new(),
            critical_paid: String::new(),
        }
    }
}

/// The whole scenario as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalcForm {
    /// Profile id, e.g. `huining-2018`.
    pub profile: String,
    /// Category id, e.g. `poverty_registered`.
    pub category: String,
    /// Reading options that are on.
    pub options: Vec<String>,
    /// Visits in date order.
    pub visits: Vec<VisitForm>,
    /// Edited assumption parameters: key → value as typed.
    pub overrides: BTreeMap<String, String>,
}

impl Default for CalcForm {
    fn default() -> Self {
        Self {
            profile: "huining-2018".into(),
            category: "poverty_registered".into(),
            options: Vec::new(),
            visits: vec![VisitForm::default()],
            overrides: BTreeMap::new(),
        }
    }
}

const PROFILES: &[(&str, &str)] = &[("h", "huining-2018"), ("m", "meishan-2016")];
const CATEGORIES: &[(&str, &str)] = &[
    ("pr", "poverty_registered"),
    ("db", "dibao"),
    ("tk", "tekun"),
    ("sn", "safety_net"),
    ("or", "ordinary"),
];
const KINDS: &[(&str, &str)] = &[("i", "inpatient"), ("o", "chronic_outpatient")];
const LEVELS: &[(&str, &str)] = &[
    ("t", "township"),
    ("c", "county"),
    ("s", "city"),
    ("p", "province"),
];

fn code<'a>(table: &[(&'a str, &str)], long: &str) -> &'a str {
    table
        .iter()
        .find(|(_, l)| *l == long)
        .map_or("", |(c, _)| c)
}

fn long(table: &[(&str, &str)], code: &str) -> Option<String> {
    table
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, l)| (*l).to_string())
}

/// Percent-encodes the characters the fragment uses as separators (and `%` itself).
fn enc(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '%' | ',' | ';' | '&' | '=' | '#' | ':' | ' ' => {
                out.push_str(&format!("%{:02X}", c as u32))
            }
            c => out.push(c),
        }
    }
    out
}

fn dec(s: &str) -> String {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let Ok(v) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

impl CalcForm {
    /// The fragment (without `#`).
    pub fn to_fragment(&self) -> String {
        let visits: Vec<String> = self
            .visits
            .iter()
            .map(|v| {
                [
                    code(KINDS, &v.kind).to_string(),
                    code(LEVELS, &v.level).to_string(),
                    if v.in_county { "1".into() } else { "0".into() },
                    enc(&v.total),
                    enc(&v.compliant),
                    enc(&v.basic_paid),
                    enc(&v.critical_paid),
                ]
                .join(",")
            })
            .collect();
        let mut parts = vec![
            format!("p={}", code(PROFILES, &self.profile)),
            format!("c={}", code(CATEGORIES, &self.category)),
        ];
        if !self.options.is_empty() {
            parts.push(format!(
                "o={}",
                self.options
                    .iter()
                    .map(|o| enc(o))
                    .collect::<Vec<_>>()
                    .join(",")
            ));
        }
        parts.push(format!("v={}", visits.join(";")));
        if !self.overrides.is_empty() {
            let a: Vec<String> = self
                .overrides
                .iter()
                .map(|(k, v)| format!("{}:{}", enc(k), enc(v)))
                .collect();
            parts.push(format!("a={}", a.join(",")));
        }
        parts.join("&")
    }

    /// Reads a fragment (with or without `#`); unknown or missing parts keep their defaults.
    pub fn from_fragment(fragment: &str) -> Option<Self> {
        let fragment = fragment.trim_start_matches('#');
        if !fragment.contains("v=") {
            return None;
        }
        let mut form = Self::default();
        for part in fragment.split('&') {
            let Some((k, v)) = part.split_once('=') else {
                continue;
            };
            match k {
                "p" => form.profile = long(PROFILES, v).unwrap_or(form.profile),
                "c" => form.category = long(CATEGORIES, v).unwrap_or(form.category),
                "o" => form.options = v.split(',').filter(|s| !s.is_empty()).map(dec).collect(),
                "a" => {
                    form.overrides = v
                        .split(',')
                        .filter_map(|kv| kv.split_once(':'))
                        .map(|(k, v)| (dec(k), dec(v)))
                        .collect();
                }
                "v" => {
                    form.visits = v
                        .split(';')
                        .map(|visit| {
                            let f: Vec<&str> = visit.split(',').collect();
                            let get = |i: usize| f.get(i).copied().unwrap_or("");
                            VisitForm {
                                kind: long(KINDS, get(0)).unwrap_or_else(|| "inpatient".into()),
                                level: long(LEVELS, get(1)).unwrap_or_else(|| "county".into()),
                                in_county: get(2) != "0",
                                total: dec(get(3)),
                                compliant: dec(get(4)),
                                basic_paid: dec(get(5)),
                                critical_paid: dec(get(6)),
                            }
                        })
                        .collect();
                }
                _ => {}
            }
        }
        if form.visits.is_empty() {
            form.visits.push(VisitForm::default());
        }
        Some(form)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn visit(
        kind: &str,
        level: &str,
        in_county: bool,
        total: &str,
        compliant: &str,
        basic: &str,
    ) -> VisitForm {
        VisitForm {
            kind: kind.into(),
            level: level.into(),
            in_county,
            total: total.into(),
            compliant: compliant.into(),
            basic_paid: basic.into(),
            critical_paid: String::new(),
        }
    }

    #[test]
    fn round_trips_through_the_fragment() {
        let mut form = CalcForm {
            profile: "meishan-2016".into(),
            category: "dibao".into(),
            options: vec!["chronic_assistance".into()],
            visits: vec![
                visit("inpatient", "city", false, "1.2万", "12,000.50", "6500"),
                visit(
                    "chronic_outpatient",
                    "township",
                    true,
                    "３０００元",
                    "2800",
                    "",
                ),
            ],
            overrides: BTreeMap::new(),
        };
        form.overrides
            .insert("basic_ratio_county".into(), "0.8".into());
        let frag = form.to_fragment();
        assert!(
            frag.starts_with(
                "p=m&c=db&o=chronic_assistance&v=i,s,0,1.2万,12%2C000.50,6500,;o,t,1,"
            ),
            "{frag}"
        );
        assert_eq!(CalcForm::from_fragment(&format!("#{frag}")), Some(form));
    }

    #[test]
    fn missing_or_foreign_fragments() {
        assert_eq!(CalcForm::from_fragment(""), None);
        assert_eq!(CalcForm::from_fragment("#s2"), None);
        let f = CalcForm::from_fragment("v=i,c,1,5000,4000,,&p=zz").unwrap();
        assert_eq!(
            f.profile, "huining-2018",
            "an unknown profile keeps the default"
        );
        assert_eq!(f.visits[0].total, "5000");
    }
}
