//! The calculator's form as people typed it (the app's state, and the build's worked example), and its compact encoding in the URL fragment, so a
//! scenario can be shared, bookmarked or put in a QR code without anything being sent or stored.
//!
//! Fragment: `k=3f0q&p=h&c=pr&o=co,sn&v=i,c,1,12000,10000,,;o,t,1,3000,2800,,&a=key:value,…`
//! (`k` the check part, `p` profile, by its link code, `c` category, `o` options on, `v` visits, `a`
//! changed assumption parameters); every value is written, and the whole sealed, by the site's one codec,
//! [`policy_content::fragment`].

use std::collections::BTreeMap;
use std::fmt;

use policy_content::fragment;

use crate::params::{link_code, profile_for_code};
use crate::{profile, EpisodeKind, Level, Options, OverrideError};

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

/// An amount a visit asks for: its field (as the engine's errors name it), its label and its hint. The
/// app's form and the build's form show the same words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Amount {
    /// The field, e.g. `total`.
    pub field: &'static str,
    /// The label, e.g. 医疗总费用（元）.
    pub label: &'static str,
    /// What to type there (may be empty).
    pub hint: &'static str,
}

/// 医疗总费用.
pub const TOTAL: Amount = Amount {
    field: "total",
    label: "医疗总费用（元）",
    hint: "：结算单上的总金额",
};
/// 合规医疗费用.
pub const COMPLIANT: Amount = Amount {
    field: "compliant",
    label: "合规医疗费用（元，可不填）",
    hint: "：医保目录内的费用；不清楚就空着，按总费用估算",
};
/// 基本医保 already paid.
pub const BASIC_PAID: Amount = Amount {
    field: "basic_paid",
    label: "基本医保已报销（元）",
    hint: "",
};
/// 大病保险 already paid.
pub const CRITICAL_PAID: Amount = Amount {
    field: "critical_paid",
    label: "大病保险已报销（元）",
    hint: "",
};

/// Whether a hospital of `level` can be 县域内 (乡镇卫生院 and 县级医院; a 市级 or 省级 hospital never is).
pub fn county_level(level: &str) -> bool {
    matches!(level, "township" | "county")
}

impl VisitForm {
    /// Sets the hospital level, keeping 县域内 consistent: a 市级 or 省级 hospital is never 县域内, and
    /// coming back from one to a county-level hospital ticks it again (the usual case).
    pub fn set_level(&mut self, level: String) {
        if !county_level(&level) {
            self.in_county = false;
        } else if !county_level(&self.level) {
            self.in_county = true;
        }
        self.level = level;
    }
}

/// The changed numbers of the profiles not shown, by profile id ([`CalcForm::set_profile`]).
pub type KeptChanges = BTreeMap<String, BTreeMap<String, String>>;

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

/// The most visits one scenario holds (in the form and from a link).
pub const MAX_VISITS: usize = 50;

/// The keys of a link's parts this reader reads (`p` profile, `c` category, `o` options, `v` visits, `a`
/// changed numbers); anything else in a link is not read.
const READ: &[&str] = &["p", "c", "o", "v", "a"];

/// The parts of one visit in a link (kind, level, 县域内, the four amounts): every link the site writes
/// has them all, so a visit with fewer was cut off.
const VISIT_PARTS: usize = 7;

const CATEGORIES: &[(&str, &str)] = &[
    ("pr", "poverty_registered"),
    ("db", "dibao"),
    ("tk", "tekun"),
    ("sn", "safety_net"),
    ("or", "ordinary"),
];

fn code<'a>(table: &[(&'a str, &str)], long: &str) -> &'a str {
    table
        .iter()
        .find(|(_, l)| *l == long)
        .map_or("", |(c, _)| c)
}

/// The plain-Chinese name of a visit's kind or level id (`inpatient`, `county`, …).
fn label(id: &str) -> &'static str {
    EpisodeKind::from_id(id)
        .map(EpisodeKind::label)
        .or_else(|| Level::from_key(id).map(Level::label))
        .unwrap_or("")
}

fn long(table: &[(&str, &str)], code: &str) -> Option<String> {
    table
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, l)| (*l).to_string())
}

/// What the calculator says about a link its check part finds not as written ([`fragment::Check::notice`]).
fn said(check: fragment::Check) -> String {
    check
        .notice("部分计算", "就诊次数和金额")
        .unwrap_or_default()
}

/// Something in a link that was not taken as it stood; the page lists these above the form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkNotice {
    /// More visits than [`MAX_VISITS`]: the first ones were kept.
    TooManyVisits { given: usize },
    /// A value longer than [`fragment::MAX_FIELD`] characters was cut.
    Cut { visit: usize },
    /// A profile, category or reading-option code nobody knows: the default was kept.
    UnknownCode { what: &'static str, code: String },
    /// A visit's kind, hospital level or 县域内 code nobody knows (a link typed from paper, mistyped):
    /// `used` is what the visit was taken as.
    UnknownVisitCode {
        visit: usize,
        what: &'static str,
        code: String,
        used: &'static str,
    },
    /// A parameter the link may not change, or not to that value: the policy's or assumed value is used.
    Override(OverrideError),
    /// A visit with fewer or more parts than every link the site writes has (cut off when it was copied,
    /// or edited): what could be read was (said for the first such visit).
    Incomplete { visit: usize },
    /// A part given more than once (a link edited by hand): the last one was used.
    Repeated { what: &'static str },
    /// A changed number without its value (`a=key` cut off before `:value`): not used.
    NoValue { key: String },
    /// A place, category or number but no visit at all (cut off before the amounts).
    NoVisits,
    /// The link's check part does not match the rest: cut off at a boundary (a whole visit or a changed
    /// number gone, which reads as a complete scenario) or edited.
    Altered,
    /// No check part: a link made before links were sealed, or typed by hand; whether it is whole
    /// cannot be seen.
    Unchecked,
}

impl fmt::Display for LinkNotice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TooManyVisits { given } => write!(
                f,
                "链接里有 {given} 次就诊，最多只能算 {MAX_VISITS} 次，已按前 {MAX_VISITS} 次计算"
            ),
            Self::Cut { visit } => write!(
                f,
                "链接里第 {visit} 次就诊有金额太长（最多 {} 个字），已截短，请核对",
                fragment::MAX_FIELD
            ),
            Self::UnknownCode { what, code } => {
                write!(f, "链接里的{what}代码“{code}”不认识，已按默认的{what}计算")
            }
            Self::UnknownVisitCode {
                visit,
                what,
                code,
                used,
            } => write!(
                f,
                "链接里第 {visit} 次就诊的{what}代码“{code}”不认识，已按{used}计算，请核对"
            ),
            Self::Override(e @ OverrideError::Unknown { .. }) => write!(f, "链接中的{e}，已忽略"),
            Self::Override(e @ OverrideError::Fixed { .. }) => {
                write!(f, "链接中的{e}，已按原文计算")
            }
            Self::Override(e) => write!(f, "{e}。链接里的这个数字没有采用，已按假设值计算"),
            Self::Incomplete { visit } => write!(
                f,
                "链接里第 {visit} 次就诊不完整或多了几项（链接可能没有复制全或被改动过），已按能读出的部分计算，请核对"
            ),
            Self::Repeated { what } => {
                write!(f, "链接里的{what}写了不止一次，已按最后一次计算，请核对")
            }
            Self::NoValue { key } => {
                write!(f, "链接里的假设数字“{key}”没有数值（链接可能没有复制全），没有采用，请核对")
            }
            Self::NoVisits => write!(f, "链接不完整，没有就诊和金额（可能没有复制全），请核对"),
            Self::Altered => f.write_str(&said(fragment::Check::Broken)),
            Self::Unchecked => f.write_str(&said(fragment::Check::Missing)),
        }
    }
}

/// A scenario read from a link, and what in the link was not taken as it stood.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FromLink {
    /// The scenario.
    pub form: CalcForm,
    /// What the page should tell the person about the link.
    pub notices: Vec<LinkNotice>,
}

/// Adds `notice` unless it is already said.
fn say_once(notices: &mut Vec<LinkNotice>, notice: LinkNotice) {
    if !notices.contains(&notice) {
        notices.push(notice);
    }
}

fn field(raw: &str, cut: &mut bool) -> String {
    let (v, c) = fragment::decode_field(raw);
    *cut |= c;
    v
}

impl CalcForm {
    /// The fragment (without `#`); see [`fragment`] for the encoding.
    pub fn to_fragment(&self) -> String {
        let visits: Vec<String> = self
            .visits
            .iter()
            .map(|v| {
                let parts: [String; VISIT_PARTS] = [
                    EpisodeKind::from_id(&v.kind)
                        .map_or("", EpisodeKind::link_code)
                        .to_string(),
                    Level::from_key(&v.level)
                        .map_or("", Level::link_code)
                        .to_string(),
                    if v.in_county { "1".into() } else { "0".into() },
                    fragment::encode(&v.total),
                    fragment::encode(&v.compliant),
                    fragment::encode(&v.basic_paid),
                    fragment::encode(&v.critical_paid),
                ];
                parts.join(",")
            })
            .collect();
        let profile_code = link_code(&self.profile).unwrap_or("");
        let mut parts = vec![
            ("p", profile_code.to_string()),
            ("c", code(CATEGORIES, &self.category).to_string()),
        ];
        if !self.options.is_empty() {
            let o: Vec<String> = self.options.iter().map(|o| fragment::encode(o)).collect();
            parts.push(("o", o.join(",")));
        }
        parts.push(("v", visits.join(";")));
        if !self.overrides.is_empty() {
            let a: Vec<String> = self
                .overrides
                .iter()
                .map(|(k, v)| format!("{}:{}", fragment::encode(k), fragment::encode(v)))
                .collect();
            parts.push(("a", a.join(",")));
        }
        fragment::seal(&fragment::join(parts))
    }

    /// Whether a fragment (as [`CalcForm::from_fragment`] takes it) holds a scenario, even one cut short:
    /// a part the form reads, or a check part. `from_fragment` gives `None` exactly when it does not. For
    /// a page that must know before it reads the link whole (the calculator's answer before its app).
    pub fn holds_scenario(hash: &str) -> bool {
        fragment::pairs(&fragment::site_part(hash)).any(|(k, _)| k == "k" || READ.contains(&&*k))
    }

    /// Reads a fragment exactly as `location.hash` gives it (with or without `#`; never decoded
    /// beforehand; what apps add to a link on its way is left out: [`fragment::site_part`]), and checks
    /// it against its check part ([`fragment::check`]). `None` when it holds no scenario. Unknown or missing parts keep their defaults; a
    /// parameter the profile does not let a person change, or a value out of its range, is left out.
    /// Every such case is in the notices.
    pub fn from_fragment(hash: &str) -> Option<FromLink> {
        let known = Self::holds_scenario(hash);
        let hash = fragment::site_part(hash);
        let mut form = Self::default();
        let mut notices = Vec::new();
        // The parts read so far, by what they are (a repeated one is said).
        const VISITS: &str = "就诊";
        let mut seen = Vec::new();
        let mut overrides = Vec::new();
        for (k, v) in fragment::pairs(&hash) {
            let k = &*k;
            let what = match k {
                "p" => Some("地区"),
                "c" => Some("人员类别"),
                "v" => Some(VISITS),
                _ => None,
            };
            if let Some(what) = what {
                if seen.contains(&what) {
                    say_once(&mut notices, LinkNotice::Repeated { what });
                }
                seen.push(what);
            }
            match k {
                "p" => match profile_for_code(&fragment::token(v)) {
                    Some(id) => form.profile = id.to_string(),
                    None => notices.push(LinkNotice::UnknownCode {
                        what: "地区",
                        code: fragment::decode_field(v).0,
                    }),
                },
                "c" => match long(CATEGORIES, &fragment::token(v)) {
                    Some(c) => form.category = c,
                    None => notices.push(LinkNotice::UnknownCode {
                        what: "人员类别",
                        code: fragment::decode_field(v).0,
                    }),
                },
                "o" => {
                    for key in v.split(',').take(8).filter(|s| !s.is_empty()) {
                        let key = fragment::token(key);
                        if Options::default().get(&key).is_some() {
                            form.options.push(key);
                        } else {
                            notices.push(LinkNotice::UnknownCode {
                                what: "解读选项",
                                code: key,
                            });
                        }
                    }
                }
                // Several `a=` parts (a link edited by hand) all count, as one list would; an entry is
                // read decoded (a colon written as %3A is a colon).
                "a" => {
                    let decode = |s: &str| fragment::decode_field(s).0;
                    for kv in v.split(',').take(32).filter(|kv| !kv.is_empty()) {
                        let pair = kv
                            .split_once(':')
                            .map(|(k, v)| (fragment::token(k), decode(v)));
                        let pair = pair.or_else(|| {
                            let whole = decode(kv);
                            let (k, v) = whole.split_once(':')?;
                            Some((policy_content::width::halve(k), v.to_string()))
                        });
                        match pair {
                            Some(p) => overrides.push(p),
                            None => notices.push(LinkNotice::NoValue { key: decode(kv) }),
                        }
                    }
                }
                "v" => {
                    let given = v.split(';').count();
                    if given > MAX_VISITS {
                        notices.push(LinkNotice::TooManyVisits { given });
                    }
                    form.visits = v
                        .split(';')
                        .take(MAX_VISITS)
                        .enumerate()
                        .map(|(i, visit)| {
                            // One part more than a visit has, to see that there is one.
                            let f: Vec<&str> = visit.split(',').take(VISIT_PARTS + 1).collect();
                            if f.len() != VISIT_PARTS
                                && !notices
                                    .iter()
                                    .any(|n| matches!(n, LinkNotice::Incomplete { .. }))
                            {
                                notices.push(LinkNotice::Incomplete { visit: i + 1 });
                            }
                            let raw = |i: usize| f.get(i).copied().unwrap_or("");
                            // The codes as the check part reads them (`%69` and `ｉ` are `i`).
                            let [kind, level, county] = [0, 1, 2].map(|i| fragment::token(raw(i)));
                            let mut cut = false;
                            let mut v = VisitForm::default();
                            // An empty code is the default; an unknown one too, but said.
                            let mut unknown = |what, code: &str, used| {
                                if !code.is_empty() {
                                    notices.push(LinkNotice::UnknownVisitCode {
                                        visit: i + 1,
                                        what,
                                        code: code.to_string(),
                                        used,
                                    });
                                }
                            };
                            match EpisodeKind::ALL.into_iter().find(|k| k.link_code() == kind) {
                                Some(kind) => v.kind = kind.id().to_string(),
                                None => unknown("就诊类型", &kind, label(&v.kind)),
                            }
                            match Level::ALL.into_iter().find(|l| l.link_code() == level) {
                                Some(level) => v.level = level.key().to_string(),
                                None => unknown("医院级别", &level, label(&v.level)),
                            }
                            v.in_county = county != "0" && county_level(&v.level);
                            if !matches!(county.as_str(), "0" | "1") {
                                let used = if v.in_county {
                                    "县域内"
                                } else {
                                    "县域外"
                                };
                                unknown("县域内", &county, used);
                            }
                            v.total = field(raw(3), &mut cut);
                            v.compliant = field(raw(4), &mut cut);
                            v.basic_paid = field(raw(5), &mut cut);
                            v.critical_paid = field(raw(6), &mut cut);
                            if cut {
                                notices.push(LinkNotice::Cut { visit: i + 1 });
                            }
                            v
                        })
                        .collect();
                }
                _ => {}
            }
        }
        if !seen.contains(&VISITS) {
            // Not a calculation's address (`#assumptions`, another page's fragment), or one cut off
            // before its visits: the form as it stands, and why.
            if !known {
                return None;
            }
            notices.push(LinkNotice::NoVisits);
        }
        if form.visits.is_empty() {
            form.visits.push(VisitForm::default());
        }
        let check = fragment::check(&hash, READ);
        for (key, value) in overrides {
            match form.admit(&key, &value) {
                // The same number given twice (a link edited by hand): the last one, said.
                Ok(_) => {
                    if form.overrides.insert(key, value).is_some() {
                        say_once(
                            &mut notices,
                            LinkNotice::Repeated {
                                what: "假设的数字"
                            },
                        );
                    }
                }
                // A number the page that wrote the link could not read either (its check part is
                // intact): kept as it was typed, so the same words stand beside its field and no result
                // shows, as on the sender's screen (dropped, the link had opened with the assumed value
                // and an amount the sender never saw).
                Err(OverrideError::NotANumber { .. } | OverrideError::OutOfRange { .. })
                    if check == fragment::Check::Intact =>
                {
                    form.overrides.insert(key, value);
                }
                Err(e) => notices.push(LinkNotice::Override(e)),
            }
        }
        // First, as what the rest is read under; not said again when a notice already says the link
        // was cut.
        let cut = |n: &LinkNotice| {
            matches!(
                n,
                LinkNotice::Incomplete { .. } | LinkNotice::NoValue { .. } | LinkNotice::NoVisits
            )
        };
        match check {
            fragment::Check::Intact => {}
            _ if notices.iter().any(cut) => {}
            fragment::Check::Broken => notices.insert(0, LinkNotice::Altered),
            fragment::Check::Missing => notices.insert(0, LinkNotice::Unchecked),
        }
        Some(FromLink { form, notices })
    }

    /// `value` (as typed) read as the number `key`, if this form's profile lets a person change it.
    pub fn admit(&self, key: &str, value: &str) -> Result<rust_decimal::Decimal, OverrideError> {
        profile(&self.profile)
            .ok_or_else(|| OverrideError::Unknown { key: key.into() })?
            .read_override(key, value)
    }

    /// Switches to profile `id`. The changed numbers belong to the profile they were changed in (the same
    /// key is another region's assumption, with its own default): they go into `kept` while another
    /// profile is shown, and the new profile's own come back from it (a trainer's 会宁 what-if, after a
    /// look at 眉山, is the 会宁 what-if again; they had been dropped, and 会宁's ratio applied to 眉山).
    pub fn set_profile(&mut self, id: String, kept: &mut KeptChanges) {
        let left = std::mem::replace(&mut self.profile, id);
        let changed = std::mem::take(&mut self.overrides);
        if !changed.is_empty() {
            kept.insert(left, changed);
        }
        self.overrides = kept.remove(&self.profile).unwrap_or_default();
    }
}

#[cfg(test)]
mod tests;
