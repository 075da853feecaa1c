//! A citation: where a number, a rule, a form row or a passage comes from (document slug, section id,
//! 文号 and the words copied from it), one type for the engine's parameters, the checker's data and the
//! ambiguity register, with the one link format to a clause; and [`Library::verify`], the one check of a
//! citation against the documents (build scripts and tests; loaded from files by `crate::library`).

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::quote::QuoteError;
use crate::site::doc_path;

/// The number of the annex (附件 n) a section id is in: `a5-s3-2` and `a5` are in 附件5; `None` for the
/// document's own text and any id that starts with an a, such as `annexes`.
pub fn annex_number(section: &str) -> Option<&str> {
    section
        .split('-')
        .next()?
        .strip_prefix('a')
        .filter(|n| n.parse::<usize>().is_ok())
}

/// The characters of a number written in Chinese numerals, as the documents number their levels.
const NUMERALS: &str = "一二三四五六七八九十";

/// A number written in Chinese numerals (`十一` is 11), up to 二十, as [`clause_label`] writes it.
fn numeral_value(word: &str) -> Option<usize> {
    (1..=20).find(|&n| clause_label(&format!("s{n}")) == word)
}

/// A section id as its clause number in the document's own numbering: `s3-1-2-6` is 三（一）2（6）,
/// `a5-s3-2-1` is 附件5 三（二）1 (levels 一、 （一） 1. （1）, as the documents number them).
pub fn clause_label(section: &str) -> String {
    const CN: [&str; 21] = [
        "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三",
        "十四", "十五", "十六", "十七", "十八", "十九", "二十",
    ];
    let mut out = String::new();
    let mut parts = section.split('-').peekable();
    if let Some(a) = annex_number(section) {
        out.push_str(&format!("附件{a} "));
        parts.next();
    }
    let mut first = true;
    for (depth, part) in parts.enumerate() {
        let part = if first {
            first = false;
            part.trim_start_matches('s')
        } else {
            part
        };
        let Ok(n) = part.parse::<usize>() else {
            return section.to_string();
        };
        let cn = CN.get(n).copied().unwrap_or(part);
        match depth {
            0 => out.push_str(cn),
            1 => out.push_str(&format!("（{cn}）")),
            2 => out.push_str(part),
            _ => out.push_str(&format!("（{part}）")),
        }
    }
    out.trim_end().to_string()
}

/// What a link to the clause a figure or a rule rests on says before the clause's label (`原文：县委办发〔2018〕
/// 83号 附件5 三（一）11`): the calculator's steps and notes, in the app and in the build's page.
pub const SOURCE: &str = "原文：";

/// The section id of a clause number as a reader writes it, the inverse of [`clause_label`]: `三（一）2（6）`
/// is `s3-1-2-6`, `附件5 三（二）1` is `a5-s3-2-1`. Spaces, a `、` or `.` after a level and half-width
/// brackets are allowed, and Chinese numerals for an annex and the level after `（一）` (`附件五 三（一）十一`),
/// that level said as an item too (`第十一条`, `第11项`). `None` for anything else, and for a bare top level (`三`, `三、`: a word of any
/// text) unless an 附件 names it.
pub fn clause_id(label: &str) -> Option<String> {
    let chars: Vec<char> = label
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            '．' => '.',
            c => c,
        })
        .collect();
    let mut at = 0;
    let digits = |at: &mut usize| {
        let from = *at;
        while chars.get(*at).is_some_and(char::is_ascii_digit) {
            *at += 1;
        }
        (*at > from)
            .then(|| chars[from..*at].iter().collect::<String>())
            .and_then(|n| n.parse::<usize>().ok())
            .filter(|&n| n > 0)
    };
    // A number in Chinese numerals, up to 二十 (or `most` characters of them), passed over only if it is one.
    let chinese_upto = |at: &mut usize, most: usize| {
        let mut end = *at;
        while end - *at < most && chars.get(end).is_some_and(|c| NUMERALS.contains(*c)) {
            end += 1;
        }
        let word: String = chars[*at..end].iter().collect();
        let n = numeral_value(&word)?;
        *at = end;
        Some(n)
    };
    let chinese = |at: &mut usize| chinese_upto(at, usize::MAX);
    let eat = |at: &mut usize, c: char| {
        let here = chars.get(*at) == Some(&c);
        *at += usize::from(here);
        here
    };
    let mut parts = Vec::new();
    let annex = chars.starts_with(&['附', '件']);
    if annex {
        at = 2;
        // 附件五 as 附件5; one numeral, which the clause's own number follows without a space.
        let n = digits(&mut at).or_else(|| chinese_upto(&mut at, 1))?;
        parts.push(format!("a{n}"));
    }
    parts.push(format!("s{}", chinese(&mut at)?));
    eat(&mut at, '、');
    if eat(&mut at, '（') {
        parts.push(chinese(&mut at)?.to_string());
        eat(&mut at, '）').then_some(())?;
        // 第十一条 / 第11项 as people say the item.
        let said = eat(&mut at, '第');
        let item = digits(&mut at).or_else(|| chinese(&mut at));
        if said && item.is_none() {
            return None;
        }
        if let Some(n) = item {
            if said && !eat(&mut at, '条') {
                eat(&mut at, '项');
            }
            eat(&mut at, '.');
            parts.push(n.to_string());
            if eat(&mut at, '（') {
                parts.push(digits(&mut at)?.to_string());
                eat(&mut at, '）').then_some(())?;
            }
        }
    }
    (at == chars.len() && (annex || parts.len() > 1)).then(|| parts.join("-"))
}

/// A name with its annex's number in figures, as the documents number their annexes (`附件五` is 附件5);
/// any other name as it is.
pub fn annex_in_figures(name: &str) -> std::borrow::Cow<'_, str> {
    let Some(rest) = name.strip_prefix("附件") else {
        return name.into();
    };
    let end = rest
        .find(|c: char| !NUMERALS.contains(c))
        .unwrap_or(rest.len());
    match numeral_value(&rest[..end]) {
        Some(n) => format!("附件{n}{}", &rest[end..]).into(),
        None => name.into(),
    }
}

/// A heading's name up to the space after its number (`附表 3-2 卫计部门…` is 附表 3-2, `附件5 健康扶贫…` is
/// 附件5), or whole: what a reader finds a table or an annex by on paper.
pub fn short_name(title: &str) -> &str {
    let mut prev = ' ';
    for (i, c) in title.char_indices() {
        if c.is_whitespace() && prev.is_ascii_digit() {
            return &title[..i];
        }
        prev = c;
    }
    title
}

/// A table's name as a reader finds it on paper, from its heading's title: the table's number (`附表 3-2
/// 卫计部门…` is 附表 3-2), or, for a table its document does not number, the name of the part it is in
/// (`part`, e.g. `附件2　基层用药…`) and 附表 (附件2 附表). `None` for an unnumbered table outside a part.
pub fn table_name(title: &str, part: Option<&str>) -> Option<String> {
    let name = short_name(title);
    if name != title {
        return Some(name.to_string());
    }
    part.map(|p| format!("{} 附表", short_name(p)))
}

/// What a table's bar at the top of the screen says while its rows are read (style.css `.table-where`):
/// its title, after the name of the part it is in when the title does not number it (`附件2 附表　会宁县…`,
/// as [`table_name`] names it); `None` for an unnumbered table outside a part.
pub fn table_title(title: &str, part: Option<&str>) -> Option<String> {
    if short_name(title) != title {
        return Some(title.to_string());
    }
    part.map(|p| format!("{} {title}", short_name(p)))
}

/// The tables the site's data cites, `(document, id, name)`, by the name [`table_name`] gives them (a
/// table's id says neither its number nor whether it has one). `tests/real_library.rs` derives every
/// table's name from the documents' headings and checks this list against them.
pub const TABLE_NAMES: &[(&str, &str, &str)] = &[
    ("huining-83", "t2-1", "附件2 附表"),
    ("huining-83", "t3-1", "附表 3-1"),
    ("huining-83", "t3-2", "附表 3-2"),
    ("huining-83", "t3-3", "附表 3-3"),
    ("huining-83", "t3-4", "附表 3-4"),
    ("huining-83", "t4-1", "附件4 附表"),
];

/// The clauses a document numbers in words where [`clause_label`] would write `（四）`, `(document, id,
/// name)`: 83号's 二 has 先锋行动一 to 五, 德卫办字20号's 三 has 一是 to 三是 (二（四） is nowhere on paper).
/// `tests/real_library.rs` checks that every other clause begins with the number [`clause_label`] gives it,
/// and each of these with its name's words.
pub const WORDED_CLAUSES: &[(&str, &str, &str)] = &[
    ("dezhou-20", "s3-1", "三、一是"),
    ("dezhou-20", "s3-2", "三、二是"),
    ("dezhou-20", "s3-3", "三、三是"),
    ("huining-83", "s2-1", "二、先锋行动一"),
    ("huining-83", "s2-2", "二、先锋行动二"),
    ("huining-83", "s2-3", "二、先锋行动三"),
    ("huining-83", "s2-4", "二、先锋行动四"),
    ("huining-83", "s2-5", "二、先锋行动五"),
];

/// Where `section` of `doc` is, as a reader finds it on paper: a table by its name ([`TABLE_NAMES`]), a
/// clause by its number ([`clause_label`], or its words: [`WORDED_CLAUSES`]); anything else by its id.
pub fn place(doc: &str, section: &str) -> String {
    TABLE_NAMES
        .iter()
        .chain(WORDED_CLAUSES)
        .find(|(d, id, _)| *d == doc && *id == section)
        .map_or_else(|| clause_label(section), |(_, _, name)| name.to_string())
}

/// Where something is stated: `content/docs/<doc>.md`, the `{#section}` in it, the document's 文号 and a
/// short passage copied from it word for word (whitespace is not significant).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// Document slug, e.g. `huining-83`.
    pub doc: String,
    /// Section or clause id inside it, e.g. `s3-2` or `t3-1`.
    pub section: String,
    /// 文号, e.g. 县委办发〔2018〕83号.
    pub number: String,
    /// A short passage of the document, verbatim.
    pub quote: String,
}

impl Citation {
    /// The link to the clause that marks the quote in it: `/docs/<doc>/?hl=<words>#<section>` (see
    /// [`crate::mark`]).
    pub fn href(&self) -> String {
        crate::mark::link(
            &clause_href(&self.doc, &self.section),
            &crate::mark::of_quote(&self.quote),
        )
    }

    /// What a link to the clause says: [`SOURCE`] and the [`Citation::label`].
    pub fn link_text(&self) -> String {
        format!("{SOURCE}{}", self.label())
    }

    /// The 文号 and, for a numbered clause, its number as the document numbers it
    /// (`县委办发〔2018〕83号 附件5 三（二）1`), for a table its name (`县委办发〔2018〕83号 附表 3-1`): what a
    /// reader finds it by on paper, where a link is not seen ([`place`]).
    pub fn label(&self) -> String {
        let clause = place(&self.doc, &self.section);
        if clause == self.section {
            self.number.clone()
        } else {
            format!("{} {clause}", self.number)
        }
    }

    /// The short key a settlement step cites: `<doc>#<section>`.
    pub fn key(&self) -> String {
        format!("{}#{}", self.doc, self.section)
    }

    /// The same clause, citing other words of it (a form row under its form's citation).
    pub fn with_quote(&self, quote: &str) -> Citation {
        Citation {
            quote: quote.to_string(),
            ..self.clone()
        }
    }
}

/// The site path of clause `section` of document `doc`.
pub fn clause_href(doc: &str, section: &str) -> String {
    format!("{}#{section}", doc_path(doc))
}

/// How much of the cited section must say the quote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Anywhere in the section, its sub-clauses included.
    Section,
    /// The section's own words, before its first sub-clause (a parameter cites the clause that states it).
    Own,
}

/// Why a citation does not check out, with what it cited.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CitationError {
    /// A field is empty.
    Empty { field: &'static str },
    /// No document has this slug.
    UnknownDoc { doc: String },
    /// The document's 文号 is another.
    WrongNumber {
        doc: String,
        cited: String,
        actual: String,
    },
    /// The section is missing or does not say the quote.
    Quote { doc: String, error: QuoteError },
}

impl fmt::Display for CitationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty { field } => write!(f, "the citation's {field} is empty"),
            Self::UnknownDoc { doc } => write!(f, "unknown document {doc:?}"),
            Self::WrongNumber { doc, cited, actual } => {
                write!(f, "{doc} is {actual}, not {cited}")
            }
            Self::Quote { doc, error } => write!(f, "{doc}{error}"),
        }
    }
}

impl std::error::Error for CitationError {}

impl Citation {
    /// The checks that need no library: every field filled in.
    pub fn check_filled(&self) -> Result<(), CitationError> {
        for (field, value) in [
            ("doc", &self.doc),
            ("section", &self.section),
            ("number", &self.number),
            ("quote", &self.quote),
        ] {
            if value.trim().is_empty() {
                return Err(CitationError::Empty { field });
            }
        }
        Ok(())
    }
}

/// The library's documents as citations see them: slug → (文号, Markdown source).
#[derive(Clone, Debug, Default)]
pub struct Library {
    docs: BTreeMap<String, (String, String)>,
}

impl Library {
    /// A library of `(slug, 文号, Markdown source)`.
    pub fn from_docs(docs: impl IntoIterator<Item = (String, String, String)>) -> Self {
        Self {
            docs: docs
                .into_iter()
                .map(|(slug, number, src)| (slug, (number, src)))
                .collect(),
        }
    }

    /// Whether the library has document `slug`.
    pub fn has(&self, slug: &str) -> bool {
        self.docs.contains_key(slug)
    }

    /// The 文号 of document `slug`.
    pub fn number(&self, slug: &str) -> Option<&str> {
        self.docs.get(slug).map(|(n, _)| n.as_str())
    }

    /// Checks `c` against the library: every field filled in, the document exists, the 文号 is that
    /// document's, and the section (or its own text, for [`Scope::Own`]) says the quote.
    pub fn verify(&self, c: &Citation, scope: Scope) -> Result<(), CitationError> {
        c.check_filled()?;
        let Some((number, src)) = self.docs.get(&c.doc) else {
            return Err(CitationError::UnknownDoc { doc: c.doc.clone() });
        };
        if *number != c.number {
            return Err(CitationError::WrongNumber {
                doc: c.doc.clone(),
                cited: c.number.clone(),
                actual: number.clone(),
            });
        }
        crate::quote::verify(src, &c.section, &c.quote, scope == Scope::Own).map_err(|error| {
            CitationError::Quote {
                doc: c.doc.clone(),
                error,
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_citation_is_labelled_with_its_clause_number_when_it_has_one() {
        let c = |section: &str| Citation {
            doc: "huining-83".into(),
            section: section.into(),
            number: "县委办发〔2018〕83号".into(),
            quote: String::new(),
        };
        assert_eq!(
            c("a5-s3-2-1").label(),
            "县委办发〔2018〕83号 附件5 三（二）1"
        );
        assert_eq!(c("s3-2").label(), "县委办发〔2018〕83号 三（二）");
        assert_eq!(
            c("t3-1").label(),
            "县委办发〔2018〕83号 附表 3-1",
            "a numbered table: its number"
        );
        assert_eq!(
            c("t4-1").label(),
            "县委办发〔2018〕83号 附件4 附表",
            "an unnumbered table: its part"
        );
        assert_eq!(
            c("annexes").label(),
            "县委办发〔2018〕83号",
            "neither: the 文号 alone"
        );
    }

    #[test]
    fn links_and_keys() {
        let c = Citation {
            doc: "huining-83".into(),
            section: "a5-s3-2-1".into(),
            number: "县委办发〔2018〕83号".into(),
            quote: "x".into(),
        };
        assert_eq!(
            c.href(),
            "/docs/huining-83/?hl=x%E2%80%A6#a5-s3-2-1",
            "the quote marked, once"
        );
        assert_eq!(
            c.with_quote("。").href(),
            "/docs/huining-83/#a5-s3-2-1",
            "no words to mark"
        );
        assert_eq!(c.key(), "huining-83#a5-s3-2-1");
        assert_eq!(c.check_filled(), Ok(()));
        assert_eq!(
            c.with_quote(" ").check_filled(),
            Err(CitationError::Empty { field: "quote" })
        );
    }

    #[test]
    fn clause_ids_read_what_clause_label_writes() {
        for (label, id) in [
            ("三（一）2（6）", Some("s3-1-2-6")),
            ("附件5 三（二）1", Some("a5-s3-2-1")),
            ("附件5三（一）11", Some("a5-s3-1-11")),
            ("三(一)", Some("s3-1")),
            ("十二（十）3.", Some("s12-10-3")),
            ("三、（一）", Some("s3-1")),
            ("附件2", None),
            ("附件2 一", Some("a2-s1")),
            ("三", None),
            ("三、", None),
            ("三（一", None),
            ("三（一）x", None),
            ("二十一（一）", None),
            ("三（〇）", None),
            ("大病保险", None),
            // Numerals as people write them: an annex's, and the level after （一）.
            ("附件五 三（一）十一", Some("a5-s3-1-11")),
            ("附件五三（一）11", Some("a5-s3-1-11")),
            ("三（一）十一", Some("s3-1-11")),
            ("三（一）二十五", None),
            ("附件十 一", Some("a10-s1")),
            ("附件五 三（一）第十一条", Some("a5-s3-1-11")),
            ("三（一）第11项", Some("s3-1-11")),
            ("三（一）第", None),
        ] {
            assert_eq!(clause_id(label).as_deref(), id, "{label}");
            if let Some(id) = id {
                assert_eq!(clause_id(&clause_label(id)).as_deref(), Some(id), "{id}");
            }
        }
    }

    #[test]
    fn annex_numbers_in_figures() {
        for (name, want) in [
            ("附件五", "附件5"),
            ("附件五 附表", "附件5 附表"),
            ("附件5", "附件5"),
            ("附件十", "附件10"),
            ("附件十一", "附件11"),
            ("附表 3-2", "附表 3-2"),
        ] {
            assert_eq!(annex_in_figures(name), want, "{name}");
        }
    }

    #[test]
    fn table_names() {
        for (title, part, name) in [
            (
                "附表 3-2　卫计部门包抓到村任务分工表",
                None,
                Some("附表 3-2"),
            ),
            (
                "附表　会宁县农村…统计表",
                Some("附件2　基层用药安全保障行动工作方案"),
                Some("附件2 附表"),
            ),
            ("附表　统计表", None, None),
        ] {
            assert_eq!(table_name(title, part).as_deref(), name, "{title}");
        }
    }

    #[test]
    fn table_titles() {
        for (title, part, shown) in [
            (
                "附表 3-2　卫计部门包抓到村任务分工表",
                Some("附件3　干部包抓政策落实行动工作方案"),
                Some("附表 3-2　卫计部门包抓到村任务分工表"),
            ),
            (
                "附表　会宁县农村…统计表",
                Some("附件2　基层用药安全保障行动工作方案"),
                Some("附件2 附表　会宁县农村…统计表"),
            ),
            ("附表　统计表", None, None),
        ] {
            assert_eq!(table_title(title, part).as_deref(), shown, "{title}");
            // The bar begins with the name the site cites the table by.
            if let Some(shown) = shown {
                assert!(
                    shown.starts_with(&table_name(title, part).unwrap()),
                    "{shown}"
                );
            }
        }
    }

    #[test]
    fn clause_labels() {
        for (id, label) in [
            ("s3-2", "三（二）"),
            ("a5-s3-1-6", "附件5 三（一）6"),
            ("a1", "附件1"),
            // Not an annex's number: the id as it is, never 附件nnexes.
            ("annexes", "annexes"),
        ] {
            assert_eq!(clause_label(id), label, "{id}");
        }
    }
}
