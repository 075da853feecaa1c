//! The self-check page's state in the URL fragment: the open tab (a form's id or `quiz`), the form's
//! answers, the 乡镇 / 考核人 / 日期 fields and the quiz's region filter, so a filled form can be shared,
//! printed later or put on a QR code and reopened as it was. Everything goes through the one codec,
//! [`policy_content::fragment`]; text fields are cut to [`fragment::MAX_FIELD`] characters.

use std::collections::BTreeMap;

use policy_checker::Answer;

use policy_content::fragment;

/// The quiz's tab id.
pub const QUIZ_TAB: &str = "quiz";

/// Separates the answers of the `a` list (unreserved, so never written by [`fragment::encode`] for another
/// character of an indicator id; ids are validated data without it).
const LIST_SEP: char = '~';

/// The self-check page as shown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SelfCheckState {
    /// The open tab: a form id, or [`QUIZ_TAB`]; empty means the first form.
    pub tab: String,
    /// Indicator id → answer (ids are unique across the forms).
    pub answers: BTreeMap<String, Answer>,
    /// 乡镇.
    pub town: String,
    /// 考核人.
    pub assessor: String,
    /// 日期, `YYYY-MM-DD` or empty.
    pub date: String,
    /// The quiz's region filter (`huining`, `meishan`, `dezhou`, `all`); empty means the default.
    pub region: String,
}

fn answer_code(a: &Answer) -> String {
    match a {
        Answer::Yes => "y".into(),
        Answer::No => "n".into(),
        Answer::Exempt => "x".into(),
        Answer::Score(s) => s.to_string(),
        Answer::Typed(t) => fragment::encode(t),
    }
}

/// An answer as the link gives it: a code, or a partial score's box as typed (kept as given, at most
/// [`fragment::MAX_FIELD`] characters; scoring says when the form cannot take it).
fn parse_answer(s: &str) -> Option<Answer> {
    match s {
        "y" => Some(Answer::Yes),
        "n" => Some(Answer::No),
        "x" => Some(Answer::Exempt),
        _ => Answer::typed(&fragment::decode_field(s).0),
    }
}

/// Whether `s` is a plain `YYYY-MM-DD` date (what `<input type="date">` gives).
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}

/// Whether `s` is an id as the data writes them (letters, digits, `-`, `_`, `.`).
fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 32
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

impl SelfCheckState {
    /// The fragment (without `#`) for the open tab: a form's answers (only those whose ids `keep` accepts,
    /// i.e. that form's indicators) and the three fields, or the quiz's region.
    pub fn to_fragment(&self, keep: impl Fn(&str) -> bool) -> String {
        let mut parts: Vec<(&str, String)> = Vec::new();
        if !self.tab.is_empty() {
            parts.push(("tab", fragment::encode(&self.tab)));
        }
        if self.tab == QUIZ_TAB {
            if !self.region.is_empty() {
                parts.push(("r", fragment::encode(&self.region)));
            }
            return fragment::join(parts);
        }
        let list: Vec<String> = self
            .answers
            .iter()
            .filter(|(id, _)| keep(id))
            .map(|(id, a)| format!("{}_{}", fragment::encode(id), answer_code(a)))
            .collect();
        if !list.is_empty() {
            parts.push(("a", list.join(&LIST_SEP.to_string())));
        }
        for (k, v) in [
            ("town", &self.town),
            ("by", &self.assessor),
            ("d", &self.date),
        ] {
            if !v.is_empty() {
                parts.push((k, fragment::encode(v)));
            }
        }
        fragment::join(parts)
    }

    /// Reads a fragment (with or without `#`); anything unknown or malformed is left out, text fields are
    /// cut to [`fragment::MAX_FIELD`] characters.
    pub fn from_fragment(hash: &str) -> Self {
        let mut s = Self::default();
        for (k, v) in fragment::pairs(hash) {
            match k {
                "tab" => {
                    let t = fragment::decode_field(v).0;
                    if is_id(&t) {
                        s.tab = t;
                    }
                }
                "r" => {
                    let r = fragment::decode_field(v).0;
                    if is_id(&r) {
                        s.region = r;
                    }
                }
                "a" => {
                    for item in v.split(LIST_SEP).take(64) {
                        let Some((id, a)) = item.rsplit_once('_') else {
                            continue;
                        };
                        let id = fragment::decode_field(id).0;
                        if let (true, Some(a)) = (is_id(&id), parse_answer(a)) {
                            s.answers.insert(id, a);
                        }
                    }
                }
                "town" => s.town = fragment::decode_field(v).0,
                "by" => s.assessor = fragment::decode_field(v).0,
                "d" => {
                    let d = fragment::decode_field(v).0;
                    if is_date(&d) {
                        s.date = d;
                    }
                }
                _ => {}
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_a_filled_form() {
        let mut s = SelfCheckState {
            tab: "baozhua".into(),
            town: "柴家门镇 & 河畔镇=#".into(),
            assessor: "张三".into(),
            date: "2026-03-01".into(),
            ..Default::default()
        };
        s.answers.insert("1-1".into(), Answer::Yes);
        s.answers.insert("1-2".into(), Answer::No);
        s.answers.insert("2-1".into(), Answer::Exempt);
        s.answers.insert("3-1".into(), Answer::Score(3));
        let f = s.to_fragment(|_| true);
        assert!(f
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._~%&=".contains(&b)));
        assert!(f.starts_with("tab=baozhua&a=1-1_y~1-2_n~2-1_x~3-1_3&town="));
        assert_eq!(SelfCheckState::from_fragment(&format!("#{f}")), s);
        // Only the open form's indicators are written.
        let only = s.to_fragment(|id| id.starts_with("1-"));
        assert!(only.contains("a=1-1_y~1-2_n&"), "{only}");
    }

    #[test]
    fn quiz_tab_and_region() {
        let s = SelfCheckState {
            tab: QUIZ_TAB.into(),
            region: "meishan".into(),
            ..Default::default()
        };
        assert_eq!(s.to_fragment(|_| true), "tab=quiz&r=meishan");
        assert_eq!(SelfCheckState::from_fragment("#tab=quiz&r=meishan"), s);
    }

    #[test]
    fn junk_is_left_out_and_fields_are_bounded() {
        let long = "乡".repeat(100);
        let s = SelfCheckState::from_fragment(&format!(
            "#tab=%3Cscript%3E&a=_y~3-1_2~4-1_~%3Cb%3E_y&d=2026-13&town={}",
            fragment::encode(&long)
        ));
        assert_eq!(s.tab, "");
        assert_eq!(s.date, "");
        assert_eq!(
            s.answers.into_iter().collect::<Vec<_>>(),
            [("3-1".to_string(), Answer::Score(2))]
        );
        assert_eq!(s.town.chars().count(), fragment::MAX_FIELD);
    }

    #[test]
    fn answers_the_form_cannot_take_are_kept_as_given() {
        // Scoring says why they are not taken; the link itself keeps them, so nothing is dropped silently.
        let table = [
            ("9-1_9", Answer::Score(9)),
            ("9-1_2.5", Answer::Typed("2.5".into())),
            ("9-1_-1", Answer::Typed("-1".into())),
            ("3-1_x", Answer::Exempt),
            ("1-1_q", Answer::Typed("q".into())),
            ("2-1_999999", Answer::Score(999_999)),
            ("9-1_%E4%B8%89", Answer::Typed("三".into())),
        ];
        for (item, want) in table {
            let s = SelfCheckState::from_fragment(&format!("#tab=baozhua&a={item}"));
            let id = item.split('_').next().unwrap_or_default();
            assert_eq!(s.answers.get(id), Some(&want), "{item}");
            assert_eq!(s.to_fragment(|_| true), format!("tab=baozhua&a={item}"));
        }
    }
}
