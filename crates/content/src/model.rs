//! The document model: what a published document is, independent of how it is parsed or rendered.

use serde::{Deserialize, Serialize};

/// The id of a document page's editors' summary (its clause address, and its search hits').
pub const SUMMARY_ID: &str = "summary";

/// What the editors' summary is called where it is shown and found: the site's words, not the document's.
pub const SUMMARY_LABEL: &str = "简要说明（本站编写，不是原文）";

/// The administrative level of the issuing body; ordered 省, 市, 县 for grouping the library page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Level {
    /// 省级
    #[serde(rename = "省")]
    Province,
    /// 市级
    #[serde(rename = "市")]
    City,
    /// 县级
    #[serde(rename = "县")]
    County,
}

impl Level {
    /// Every level in grouping order (the derived `Ord` is the same order: 省 < 市 < 县).
    pub const ALL: [Level; 3] = [Level::Province, Level::City, Level::County];

    /// `省`, `市` or `县`.
    pub fn label(&self) -> &'static str {
        match self {
            Self::Province => "省",
            Self::City => "市",
            Self::County => "县",
        }
    }
}

/// A document's metadata, from its front matter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    /// Stable short ASCII name, used in URLs (`/docs/<slug>/`).
    pub slug: String,
    /// The official title, verbatim.
    pub title: String,
    /// A shorter title for lists.
    pub short_title: String,
    /// The document number (文号), e.g. `甘卫发〔2018〕165号`.
    pub doc_number: String,
    /// The issuing bodies.
    pub issuers: Vec<String>,
    /// Date of issue, `YYYY-MM-DD`.
    pub date: String,
    /// Province.
    pub province: String,
    /// Full region, e.g. `甘肃省白银市会宁县`.
    pub region: String,
    /// Level of the issuing body.
    pub level: Level,
    /// Plain-language summary written by the editors (not part of the official text): shown under
    /// [`SUMMARY_LABEL`] at [`SUMMARY_ID`], and searched as the site's words ([`RenderedDoc::searched`]).
    pub summary: String,
    /// Where the text comes from.
    pub source: String,
}

/// One entry of a document's table of contents.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TocEntry {
    /// The heading's stable id.
    pub id: String,
    /// The heading text.
    pub title: String,
    /// Markdown heading depth, 2 to 6.
    pub depth: u8,
}

/// The searchable text of one section (the body under one heading, up to the next heading).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// The heading's id (`top` for text before the first heading).
    pub id: String,
    /// The heading text.
    pub title: String,
    /// Heading depth, 2 to 6 (1 for `top`, the text before the first heading).
    pub depth: u8,
    /// Plain text of the section's own body, table cells included, whitespace collapsed.
    pub text: String,
    /// The innermost element with an id that holds each run of the body's text, in order: the byte of
    /// [`Self::text`] where the run begins and the id (a clause anchor's `{#id}` paragraph and the text
    /// after it, a table's body row, or again the clause or heading a table is in, after the table).
    /// The text before the first run is the heading's. A search hit opens the run its match is in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clauses: Vec<(usize, String)>,
}

/// What follows the text a merged cell carries from the row above (`render`'s `carry_down`, as the page
/// shows it in a row's `data-carried`): it says it is the row above's, not written in this row (附件2 附表's
/// row 8, whose units differ from the row above's, had been shown as 检查涉药单位（户次） without a word). A
/// row's poster, which has no row above, leaves it out.
pub const CARRIED: &str = "（同上）";

/// The stops a carried text may end with: [`CARRIED`] goes before them.
const STOPS: [char; 3] = ['。', '；', '，'];

/// The text a merged cell carries from the row above, marked [`CARRIED`] after its words and before the
/// stop that ends them (`受援医院及负责人（同上）。`: after the stop, 朗读 had heard （同上） as a sentence of
/// its own).
pub fn carried(above: &str) -> String {
    let words = above.trim_end_matches(STOPS);
    format!("{words}{CARRIED}{}", &above[words.len()..])
}

/// The words of a cell [`carried`] writes and the stop after its mark, if it is one.
pub fn carried_words(cell: &str) -> Option<(&str, &str)> {
    let at = cell.rfind(CARRIED)?;
    let stop = &cell[at + CARRIED.len()..];
    stop.chars()
        .all(|c| STOPS.contains(&c))
        .then(|| (&cell[..at], stop))
}

/// How a text that has no row above to point to (a poster's, the village lookup's) marks a cell that is
/// blank in its table and carries the text of the row above: a merged cell as the site infers it.
pub const INFERRED: &str = "＊";

/// `words` marked [`INFERRED`], the mark held to them by a word joiner (U+2060, not shown, not spoken): a
/// line may break before ＊, and a phone's poster at 特大 had put ＊。 on a line of its own.
pub fn inferred(words: &str) -> String {
    format!("{words}\u{2060}{INFERRED}")
}

/// Said with a text that marks a cell [`INFERRED`]: the merge is the site's inference (the document's 编者注
/// says how it is made), not the table's words (附件2 附表's row 8 had been given the 类别 above it as its own;
/// the village lookup had named cadres for 翟家所镇 where 附表3-2 and 3-3 leave the cells blank). Said as the cell above
/// in the source table, not the row above: on the village lookup the row above is another department's.
pub const INFERRED_NOTE: &str =
    "＊原表这一格是空的，这里填的是原表中它上面那一格的内容（本站按表格位置推断的合并格）。";

/// Whether a table's body row whose cells hold `texts` is a summary line (附件4 附表's `总分：`): text in its
/// first cell alone, with cells after it. Its text is not under its first column's name (a phone's card and
/// a row read aloud or put on a poster had said `序号：总分：`), and no merged cell carries into it.
pub fn is_summary_row<S: AsRef<str>>(texts: &[S]) -> bool {
    let filled = |t: &S| !t.as_ref().trim().is_empty();
    texts.len() > 1 && texts.first().is_some_and(filled) && !texts[1..].iter().any(filled)
}

/// The id of body row `n` (from 1, through the section's tables) of a table in section `section`.
pub fn row_id(section: &str, n: usize) -> String {
    format!("{section}-r{n}")
}

/// The section and the number of body row `id` ([`row_id`]), if it is a row's id.
pub fn row_of(id: &str) -> Option<(&str, &str)> {
    id.rsplit_once("-r")
        .filter(|(_, n)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether `id` is a body row's of section `section` ([`row_id`]).
pub fn is_row_of(id: &str, section: &str) -> bool {
    row_of(id).is_some_and(|(s, _)| s == section)
}

impl Section {
    /// Whether the section holds a table (a run of its text is a body row).
    pub fn holds_table(&self) -> bool {
        self.clauses.iter().any(|(_, id)| is_row_of(id, &self.id))
    }
}

/// The id of the heading of a document's 编者注 (editorial note): the site's own list of fixes and
/// remarks, not part of the official text. It and every section under it are editorial.
pub const EDITORIAL_ID: &str = "editorial";

/// A document ready to publish.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RenderedDoc {
    /// Metadata.
    pub meta: FrontMatter,
    /// Every heading, in order.
    pub toc: Vec<TocEntry>,
    /// The body as HTML.
    pub html: String,
    /// Every id in the document: headings and clause anchors.
    pub anchors: Vec<String>,
    /// The sections, for search.
    pub sections: Vec<Section>,
}

impl RenderedDoc {
    /// Whether `id` names a heading or clause anchor of this document.
    pub fn has_anchor(&self, id: &str) -> bool {
        self.anchors.iter().any(|a| a == id)
    }

    /// For each of [`Self::sections`], whether it belongs to the site's 编者注: the section with id
    /// [`EDITORIAL_ID`] and every following section nested deeper than it (up to the next heading
    /// of its depth or shallower).
    pub fn editorial_sections(&self) -> Vec<bool> {
        let mut inside: Option<u8> = None;
        self.sections
            .iter()
            .map(|s| {
                if s.id == EDITORIAL_ID {
                    inside = Some(s.depth);
                } else if inside.is_some_and(|d| s.depth <= d) {
                    inside = None;
                }
                inside.is_some()
            })
            .collect()
    }

    /// What search reads of the document, each with whether it is the site's words: the editors'
    /// summary (in plain words: 一年里自己负担超过3000元), then every section (the 编者注 the site's).
    /// Not a [`Section`] of the document: nothing cites it.
    pub fn searched(&self) -> Vec<(std::borrow::Cow<'_, Section>, bool)> {
        use std::borrow::Cow;
        let summary = (!self.meta.summary.is_empty()).then(|| {
            let s = Section {
                id: SUMMARY_ID.into(),
                title: SUMMARY_LABEL.into(),
                depth: 1,
                text: self.meta.summary.clone(),
                clauses: Vec::new(),
            };
            (Cow::Owned(s), true)
        });
        summary
            .into_iter()
            .chain(
                self.sections
                    .iter()
                    .zip(self.editorial_sections())
                    .map(|(s, e)| (Cow::Borrowed(s), e)),
            )
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// name / the text above / as carried / read back.
    #[test]
    fn a_carried_text_is_marked_before_its_stop() {
        for (name, above, shown, words) in [
            (
                "words and a stop",
                "受援医院及负责人。",
                "受援医院及负责人（同上）。",
                ("受援医院及负责人", "。"),
            ),
            ("words alone", "吕彦琪", "吕彦琪（同上）", ("吕彦琪", "")),
            (
                "a comma inside",
                "各相关部门，各医疗机构。",
                "各相关部门，各医疗机构（同上）。",
                ("各相关部门，各医疗机构", "。"),
            ),
        ] {
            assert_eq!(carried(above), shown, "{name}");
            assert_eq!(carried_words(shown), Some(words), "{name}");
        }
        // A cell's own words with （同上） inside them are not a carried text.
        assert_eq!(carried_words("见（同上）表"), None);
        assert_eq!(carried_words("分值：4"), None);
    }

    #[test]
    fn editorial_sections_are_the_note_and_what_is_under_it() {
        let section = |id: &str, depth: u8| Section {
            id: id.into(),
            title: id.into(),
            depth,
            text: String::new(),
            clauses: Vec::new(),
        };
        let doc = RenderedDoc {
            meta: FrontMatter {
                slug: "a".into(),
                title: "t".into(),
                short_title: "t".into(),
                doc_number: "甲发〔2018〕1号".into(),
                issuers: vec!["甲".into()],
                date: "2018-01-01".into(),
                province: "甘肃省".into(),
                region: "甘肃省".into(),
                level: Level::Province,
                summary: "s".into(),
                source: "s".into(),
            },
            toc: Vec::new(),
            html: String::new(),
            anchors: Vec::new(),
            sections: vec![
                section("top", 1),
                section("s1", 2),
                section("editorial", 2),
                section("ed-fixes", 3),
                section("ed-deep", 4),
                section("after", 2),
                section("s2", 3),
            ],
        };
        assert_eq!(
            doc.editorial_sections(),
            [false, false, true, true, true, false, false]
        );
    }

    #[test]
    fn levels_serialize_as_chinese_and_sort_province_first() {
        for (level, json) in [
            (Level::Province, "\"省\""),
            (Level::City, "\"市\""),
            (Level::County, "\"县\""),
        ] {
            assert_eq!(serde_json::to_string(&level).unwrap(), json);
            assert_eq!(serde_json::from_str::<Level>(json).unwrap(), level);
            assert_eq!(format!("\"{}\"", level.label()), json);
        }
        let mut levels = vec![Level::County, Level::Province, Level::City];
        levels.sort();
        assert_eq!(levels, Level::ALL);
    }

    #[test]
    fn a_row_id_reads_back_as_its_section_and_number() {
        for (id, want) in [
            ("t3-1-r5", Some(("t3-1", "5"))),
            (row_id("t4-1", 27).as_str(), Some(("t4-1", "27"))),
            ("s3-1-2-5", None),
            ("t3-1-r", None),
            ("t3-1-rx", None),
        ] {
            assert_eq!(row_of(id), want, "{id}");
        }
        assert!(is_row_of("t3-1-r5", "t3-1") && !is_row_of("t3-1-r5", "t3"));
    }
}
