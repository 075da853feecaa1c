//! The self-check page's state in the URL fragment: the open tab (a form's id or `quiz`), the open form's
//! answers, the 乡镇 / 考核人 / 日期 fields and the quiz's region filter, so a filled form can be shared,
//! printed later or put on a QR code and reopened as it was. Each form's answers are its own: another
//! tab's are kept while the page is open (switching back shows them) but never scored on, or written for,
//! the open form. Everything goes through the one codec, [`policy_content::fragment`]; text fields are cut
//! to [`fragment::MAX_FIELD`] characters. An address with answers or fields is sealed ([`fragment::seal`]),
//! so a link cut between two answers, or before the fields, is seen ([`SelfCheckState::link_check`]) rather
//! than scored as a form with fewer answers.

use std::collections::BTreeMap;

use policy_checker::Answer;

use policy_content::fragment;

/// The quiz's tab id.
pub const QUIZ_TAB: &str = "quiz";

/// Separates the answers of the `a` list (unreserved, so never written by [`fragment::encode`] for another
/// character of an indicator id; ids are validated data without it).
const LIST_SEP: char = '~';

/// The keys this page reads from its address (a pair appended by an app with another key is not part of
/// the link: [`fragment::check`]).
const READ: &[&str] = &["tab", "r", "a", "town", "by", "d"];

/// The keys that carry what a person filled in (answers, 乡镇, 考核人, 日期): an address with any of
/// them is sealed.
const FILLED: &[&str] = &["a", "town", "by", "d"];

/// The self-check page as shown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SelfCheckState {
    /// The open tab: a form id, or [`QUIZ_TAB`] (what the address names, else the first form).
    pub tab: String,
    /// Each answered form's id with its answers (indicator id → answer); read and written through
    /// [`Self::answers_of`] and [`Self::answer`]. A list, not a map: two forms, and a second map type
    /// would be a second copy of the map's code in the wasm.
    answers: Vec<(String, BTreeMap<String, Answer>)>,
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

/// An answer as the link gives it (decoded, its full-width forms read as ASCII, as the check part reads
/// it): a code, or a partial score's box as typed (kept as given, at most [`fragment::MAX_FIELD`]
/// characters; scoring says when the form cannot take it).
fn parse_answer(s: &str) -> Option<Answer> {
    match s {
        "y" => Some(Answer::Yes),
        "n" => Some(Answer::No),
        "x" => Some(Answer::Exempt),
        _ => Answer::typed(&s.chars().take(fragment::MAX_FIELD).collect::<String>()),
    }
}

/// The answers of an `a=` list as the check part reads the value: decoded whole and its full-width forms
/// read as ASCII (`３-1_ｙ` is `3-1_y`; not [`fragment::token`], which cuts a code at
/// [`fragment::MAX_FIELD`] characters), in order, repeats included.
fn answer_list(v: &str) -> Vec<(String, Answer)> {
    let list = policy_content::width::halve(&fragment::decode(v));
    list.split(LIST_SEP)
        .take(64)
        .filter_map(|item| {
            let (id, a) = item.rsplit_once('_')?;
            is_id(id).then_some(())?;
            Some((id.to_string(), parse_answer(a)?))
        })
        .collect()
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

/// No answers (a form not answered yet).
static NONE: BTreeMap<String, Answer> = BTreeMap::new();

impl SelfCheckState {
    /// Whose self-check it is, as a filled form's poster says it: the 乡镇, 考核人 and date filled in
    /// (`乡镇：甘沟镇；考核人：王明；自查日期：2026年3月1日`), or `None` when none is.
    pub fn filled_by(&self) -> Option<String> {
        let date = policy_content::date::chinese_date(&self.date);
        // Written piece by piece: a format and a join per call cost the checker bundle more code.
        let mut out = String::new();
        for (label, v) in [
            ("乡镇：", self.town.trim()),
            ("考核人：", self.assessor.trim()),
            ("自查日期：", date.as_str()),
        ] {
            if !v.is_empty() {
                if !out.is_empty() {
                    out.push('；');
                }
                out.push_str(label);
                out.push_str(v);
            }
        }
        (!out.is_empty()).then_some(out)
    }

    /// The answers given on `form`.
    pub fn answers_of(&self, form: &str) -> &BTreeMap<String, Answer> {
        self.answers
            .iter()
            .find(|(f, _)| f == form)
            .map_or(&NONE, |(_, given)| given)
    }

    /// Sets (or with `None` clears) the answer to indicator `id` of `form`.
    pub fn answer(&mut self, form: &str, id: &str, answer: Option<Answer>) {
        let at = match self.answers.iter().position(|(f, _)| f == form) {
            Some(at) => at,
            None if answer.is_none() => return,
            None => {
                self.answers.push((form.to_string(), BTreeMap::new()));
                self.answers.len() - 1
            }
        };
        let given = &mut self.answers[at].1;
        match answer {
            Some(a) => {
                given.insert(id.to_string(), a);
            }
            None => {
                given.remove(id);
            }
        }
        // A form with no answer left leaves no trace (the page compares its state with a bare one).
        if given.is_empty() {
            self.answers.remove(at);
        }
    }

    /// The fragment (without `#`) for the open tab: its form's answers and the three fields, or the quiz's
    /// region.
    pub fn to_fragment(&self) -> String {
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
            .answers_of(&self.tab)
            .iter()
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
        let filled = parts.iter().any(|(k, _)| FILLED.contains(k));
        let body = fragment::join(parts);
        if filled {
            fragment::seal(&body)
        } else {
            body
        }
    }

    /// Whether a link to this page (`location.hash` as it is) is as the site wrote it: `None` when it
    /// carries nothing a person filled in and no check part (`#tab=wudu`, a poster's link to a form), else
    /// what its check part says ([`fragment::Check`]).
    pub fn link_check(hash: &str) -> Option<fragment::Check> {
        let hash = fragment::site_part(hash);
        let filled = fragment::pairs(&hash).any(|(k, _)| k == "k" || FILLED.contains(&&*k));
        // An item answered twice (in one `a=` list or across two): never written so; which answer is
        // meant, the link cannot say.
        let ids: Vec<String> = fragment::pairs(&hash)
            .filter(|(k, _)| k == "a")
            .flat_map(|(_, v)| answer_list(v))
            .map(|(id, _)| id)
            .collect();
        let twice = (1..ids.len()).any(|i| ids[..i].contains(&ids[i]));
        filled.then(|| match fragment::check(&hash, READ) {
            fragment::Check::Intact if twice => fragment::Check::Broken,
            check => check,
        })
    }

    /// Reads a fragment (with or without `#`) for a page of the forms `form_ids` (in order): a tab that is
    /// neither one of them nor the quiz, or none, opens the first form, and the answers are that tab's;
    /// anything else unknown or malformed is left out, text fields are cut to [`fragment::MAX_FIELD`]
    /// characters.
    pub fn from_fragment(hash: &str, form_ids: &[&str]) -> Self {
        let mut s = Self::default();
        let mut given = BTreeMap::new();
        for (k, v) in fragment::pairs(&fragment::site_part(hash)) {
            match &*k {
                "tab" => s.tab = fragment::token(v),
                "r" => {
                    let r = fragment::token(v);
                    if is_id(&r) {
                        s.region = r;
                    }
                }
                "a" => given.extend(answer_list(v)),
                "town" => s.town = fragment::decode_field(v).0,
                "by" => s.assessor = fragment::decode_field(v).0,
                "d" => {
                    let d = fragment::token(v);
                    if is_date(&d) {
                        s.date = d;
                    }
                }
                _ => {}
            }
        }
        if s.tab != QUIZ_TAB && !form_ids.contains(&s.tab.as_str()) {
            s.tab = form_ids.first().map(|f| f.to_string()).unwrap_or_default();
        }
        if s.tab != QUIZ_TAB && !given.is_empty() {
            s.answers.push((s.tab.clone(), given));
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use policy_checker::Points;

    /// The forms of the page, in order (their ids as the data writes them).
    const FORMS: &[&str] = &["baozhua", "wudu"];

    fn read(hash: &str) -> SelfCheckState {
        SelfCheckState::from_fragment(hash, FORMS)
    }

    #[test]
    fn whose_self_check_says_only_what_is_filled_in() {
        for (town, assessor, date, want) in [
            ("", "", "", None),
            (
                "甘沟镇",
                "王明",
                "2026-03-01",
                Some("乡镇：甘沟镇；考核人：王明；自查日期：2026年3月1日"),
            ),
            (" 甘沟镇 ", "", "", Some("乡镇：甘沟镇")),
            ("", "", "2026-12-06", Some("自查日期：2026年12月6日")),
        ] {
            let s = SelfCheckState {
                town: town.into(),
                assessor: assessor.into(),
                date: date.into(),
                ..Default::default()
            };
            assert_eq!(s.filled_by().as_deref(), want, "{town}/{assessor}/{date}");
        }
    }

    #[test]
    fn round_trips_a_filled_form() {
        let mut s = SelfCheckState {
            tab: "baozhua".into(),
            town: "柴家门镇 & 河畔镇=#".into(),
            assessor: "张三".into(),
            date: "2026-03-01".into(),
            ..Default::default()
        };
        s.answer("baozhua", "1-1", Some(Answer::Yes));
        s.answer("baozhua", "1-2", Some(Answer::No));
        s.answer("baozhua", "2-1", Some(Answer::Exempt));
        s.answer("baozhua", "3-1", Some(Answer::Score(Points::whole(3))));
        let f = s.to_fragment();
        assert!(f
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._~%&=".contains(&b)));
        assert!(
            body(&f).starts_with("tab=baozhua&a=1-1_y~1-2_n~2-1_x~3-1_3&town="),
            "{f}"
        );
        assert_eq!(read(&format!("#{f}")), s);
    }

    /// A written fragment without its check part (`k=xxxx&`), which [`fragment`]'s tests pin.
    fn body(f: &str) -> &str {
        f.strip_prefix("k=").map_or(f, |rest| &rest[5..])
    }

    #[test]
    fn a_link_with_answers_is_sealed_and_a_cut_is_seen() {
        let mut s = read("#tab=baozhua");
        s.answer("baozhua", "1-1", Some(Answer::Yes));
        s.answer("baozhua", "1-2", Some(Answer::No));
        s.answer("baozhua", "3-1", Some(Answer::Score(Points::whole(3))));
        s.town = "河畔镇".into();
        let f = format!("#{}", s.to_fragment());
        assert!(f.starts_with("#k="), "{f}");
        let check = SelfCheckState::link_check;
        assert_eq!(check(&f), Some(fragment::Check::Intact));
        assert_eq!(
            check(&format!("{f}&from=singlemessage")),
            Some(fragment::Check::Intact)
        );
        // Cut between two answers, before the fields, before the answers: each reads as a smaller form.
        for cut in ["~1-2_n", "~3-1_3", "&town=", "&a="] {
            let at = f.find(cut).unwrap();
            assert_eq!(check(&f[..at]), Some(fragment::Check::Broken), "{cut}");
        }
        // Written before links were sealed, or by hand: unchecked. A link with nothing filled in (a
        // poster's link to a form, the quiz) is not sealed and has nothing to check.
        assert_eq!(
            check("#tab=baozhua&a=1-1_y"),
            Some(fragment::Check::Missing)
        );
        // The digits are the codec's; the browser tests compute the same from its description.
        assert_eq!(
            read("#tab=baozhua&a=1-1_n~3-1_y").to_fragment(),
            "k=3lm6&tab=baozhua&a=1-1_n~3-1_y"
        );
        assert_eq!(check(""), None);
        for plain in ["#tab=wudu", "#tab=quiz&r=meishan"] {
            assert_eq!(check(plain), None, "{plain}");
            assert_eq!(read(plain).to_fragment(), plain[1..]);
        }
    }

    /// What the check part vouches for is what is scored: keys, the tab, ids and codes written escaped or
    /// full-width (as the browser gives what an input method types) are read as the check digits read
    /// them. Read as written, `3-1_ｙ` had been refused while the page wrote `3-1_y`, `ａ=` and `ｔａｂ=` had
    /// been no answers and the first form, `３-1` an answer dropped; an item answered twice (in one list or
    /// two) is said.
    #[test]
    fn keys_ids_and_codes_are_read_as_the_check_part_reads_them() {
        let body = "tab=wudu&a=2-1_y~3-1_y~3-2_n&d=2026-03-01";
        let plain = read(&format!("#{}", fragment::seal(body)));
        assert_eq!(plain.answers_of("wudu").len(), 3);
        let k = &fragment::seal(body)[..7];
        for (written, as_written) in [
            ("3-1_ｙ", "3-1_y"),
            ("３-1_y", "3-1_y"),
            ("3-1%5Fy", "3-1_y"),
            ("ａ=", "a="),
            ("%61=", "a="),
            ("ｔａｂ=", "tab="),
            ("tab=ｗudu", "tab=wudu"),
            ("2-1_y～3-1", "2-1_y~3-1"),
            ("d=２026", "d=2026"),
        ] {
            let edited = body.replacen(as_written, written, 1);
            let hash = format!("#{k}{}", fragment::testing::as_browser_returns(&edited));
            assert_eq!(
                SelfCheckState::link_check(&hash),
                Some(fragment::Check::Intact),
                "{written}"
            );
            assert_eq!(read(&hash), plain, "{written}");
        }
        // Answered twice in one list, or across two `a=` parts (sealed as written, so only the repeat
        // can say it).
        for body in [
            "tab=wudu&a=2-1_y~3-1_y~3-1_n",
            "tab=wudu&a=2-1_y~3-1_y&a=3-1_n",
        ] {
            let twice = fragment::seal(body);
            assert_eq!(
                SelfCheckState::link_check(&twice),
                Some(fragment::Check::Broken),
                "{twice}"
            );
        }
    }

    #[test]
    fn each_form_keeps_its_own_answers() {
        // Answered on 包抓, then 五督 opened: 五督 has none, its address writes none, and back on 包抓 they
        // are all there.
        let mut s = read("#tab=baozhua&a=1-1_n~3-1_y");
        assert_eq!(s.answers_of("baozhua").len(), 2);
        s.tab = "wudu".into();
        assert!(s.answers_of("wudu").is_empty());
        assert_eq!(s.to_fragment(), "tab=wudu");
        s.answer("wudu", "1", Some(Answer::Yes));
        assert_eq!(body(&s.to_fragment()), "tab=wudu&a=1_y");
        s.tab = "baozhua".into();
        assert_eq!(body(&s.to_fragment()), "tab=baozhua&a=1-1_n~3-1_y");
        // The same indicator id on two forms is two answers.
        s.answer("wudu", "1-1", Some(Answer::Yes));
        assert_eq!(s.answers_of("baozhua").get("1-1"), Some(&Answer::No));
        // Clearing the last answer of a form leaves no trace of it.
        s.answer("wudu", "1", None);
        s.answer("wudu", "1-1", None);
        assert!(s.answers.iter().all(|(f, _)| f != "wudu"));
    }

    #[test]
    fn the_tab_is_a_form_or_the_quiz_else_the_first_form() {
        let table = [
            ("", "baozhua"),
            ("#a=1-1_y", "baozhua"),
            ("#tab=wudu&a=1_y", "wudu"),
            ("#tab=quiz&a=1_y", QUIZ_TAB),
            ("#tab=%3Cscript%3E&a=1-1_y", "baozhua"),
            ("#tab=nosuchform&a=1-1_y", "baozhua"),
        ];
        for (hash, tab) in table {
            let s = read(hash);
            assert_eq!(s.tab, tab, "{hash}");
            // The link's answers are the open form's (the quiz has none).
            let want = usize::from(tab != QUIZ_TAB && hash.contains("a="));
            assert_eq!(s.answers_of(tab).len(), want, "{hash}");
            assert_eq!(s.answers.len(), want, "{hash}");
        }
    }

    #[test]
    fn quiz_tab_and_region() {
        let s = SelfCheckState {
            tab: QUIZ_TAB.into(),
            region: "meishan".into(),
            ..Default::default()
        };
        assert_eq!(s.to_fragment(), "tab=quiz&r=meishan");
        assert_eq!(read("#tab=quiz&r=meishan"), s);
    }

    #[test]
    fn junk_is_left_out_and_fields_are_bounded() {
        let long = "乡".repeat(100);
        let s = read(&format!(
            "#tab=baozhua&a=_y~3-1_2~4-1_~%3Cb%3E_y&d=2026-13&town={}",
            fragment::encode(&long)
        ));
        assert_eq!(s.date, "");
        assert_eq!(
            s.answers_of("baozhua")
                .clone()
                .into_iter()
                .collect::<Vec<_>>(),
            [("3-1".to_string(), Answer::Score(Points::whole(2)))]
        );
        assert_eq!(s.town.chars().count(), fragment::MAX_FIELD);
    }

    #[test]
    fn answers_are_read_as_given_and_written_in_ascii() {
        // (link item, answer read, item written): what the form cannot take is kept as given (scoring says
        // why it is not taken; nothing is dropped silently); a full-width digit is the digit it is.
        let table = [
            ("9-1_9", Answer::Score(Points::whole(9)), "9-1_9"),
            ("9-1_-1", Answer::Typed("-1".into()), "9-1_-1"),
            ("3-1_x", Answer::Exempt, "3-1_x"),
            ("1-1_q", Answer::Typed("q".into()), "1-1_q"),
            (
                "2-1_999999",
                Answer::Score(Points::whole(999_999)),
                "2-1_999999",
            ),
            ("9-1_%E4%B8%89", Answer::Typed("三".into()), "9-1_%E4%B8%89"),
            ("9-1_%EF%BC%93", Answer::Score(Points::whole(3)), "9-1_3"),
            (
                "9-1_%EF%BC%92%EF%BC%8E%EF%BC%95",
                Answer::Score(Points::halves(5)),
                "9-1_2.5",
            ),
            ("9-1_2.5", Answer::Score(Points::halves(5)), "9-1_2.5"),
            ("9-1_2.3", Answer::Typed("2.3".into()), "9-1_2.3"),
        ];
        for (item, want, written) in table {
            let s = read(&format!("#tab=baozhua&a={item}"));
            let id = item.split('_').next().unwrap_or_default();
            assert_eq!(s.answers_of("baozhua").get(id), Some(&want), "{item}");
            assert_eq!(body(&s.to_fragment()), format!("tab=baozhua&a={written}"));
        }
    }
}
