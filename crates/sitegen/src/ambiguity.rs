//! The ambiguity register (`content/ambiguities.toml`) rendered for `/about/`: where the documents are
//! silent, ambiguous or contradict each other, the passages side by side and the reading the site uses.

use std::path::Path;

use serde::Deserialize;

use minijinja::context;
use policy_content::citation::Citation;

/// One passage of a document: where it is and the words quoted, and the side it is on.
#[derive(Debug, Deserialize)]
pub struct Passage {
    /// The document, section, 文号 and words.
    #[serde(flatten)]
    pub cite: Citation,
    /// Which side of the question the passage is on (e.g. 写住院 / 没有限定住院), if the entry has sides.
    #[serde(default)]
    pub says: Option<String>,
}

/// One entry of the register.
#[derive(Debug, Deserialize)]
pub struct Ambiguity {
    /// Stable id (anchor on `/about/`).
    pub id: String,
    /// Short title.
    pub title: String,
    /// What is unclear.
    pub question: String,
    /// The passages involved.
    #[serde(default)]
    pub passages: Vec<Passage>,
    /// The reading the site uses.
    pub reading: String,
    /// Other readings, and where the site offers them.
    #[serde(default)]
    pub alternatives: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct Register {
    #[serde(alias = "ambiguity", alias = "entries", alias = "entry")]
    ambiguities: Vec<Ambiguity>,
}

/// Reads the register; a missing file is an empty register.
pub fn load(content: &Path) -> Result<Vec<Ambiguity>, String> {
    let path = content.join("ambiguities.toml");
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Ok(Vec::new());
    };
    let reg: Register = toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(reg.ambiguities)
}

/// The register as HTML (`templates/ambiguities.html`).
pub fn render(items: &[Ambiguity]) -> Result<String, String> {
    let entries: Vec<minijinja::Value> = items
        .iter()
        .map(|a| {
            let passages: Vec<minijinja::Value> = a
                .passages
                .iter()
                .map(|p| {
                    context! {
                        says => p.says,
                        quote => p.cite.quote,
                        number => p.cite.label(),
                        href => p.cite.href(),
                    }
                })
                .collect();
            context! {
                id => a.id,
                title => a.title,
                question => a.question,
                reading => a.reading,
                alternatives => a.alternatives,
                passages,
            }
        })
        .collect();
    crate::jinja::render("ambiguities.html", context! { entries })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_passages_with_links() {
        let reg: Register = toml::from_str(
            r#"[[ambiguities]]
id = "floor-order"
title = "85%兜底与医疗救助的先后"
question = "哪个先算？"
reading = "先兜底到85%，再医疗救助。"
alternatives = ["字面理解"]
[[ambiguities.passages]]
doc = "gansu-165"
section = "s2"
number = "甘卫发〔2018〕165号"
quote = "未达到85%的"
"#,
        )
        .unwrap();
        let html = render(&reg.ambiguities).unwrap();
        assert!(html.contains("<section class=\"ambiguity\" id=\"floor-order\">"));
        let marked = policy_content::mark::link(
            "/docs/gansu-165/#s2",
            &policy_content::mark::of_quote("未达到85%的"),
        );
        assert!(
            marked.contains("?hl=") && marked.ends_with("#s2"),
            "{marked}"
        );
        // Named as on paper, with its clause (a link saying only the 文号 told nothing of which passage it opens).
        assert!(html.contains(&format!("<a href=\"{marked}\">甘卫发〔2018〕165号 二</a>")));
        assert!(html.contains("<strong>另一种理解：</strong>字面理解"));
        assert!(html.contains("<strong>本站默认的理解：</strong>先兜底到85%"));
    }

    fn real() -> Vec<Ambiguity> {
        load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content")).unwrap()
    }

    fn entry<'a>(all: &'a [Ambiguity], id: &str) -> &'a Ambiguity {
        all.iter()
            .find(|a| a.id == id)
            .unwrap_or_else(|| panic!("no reading {id}"))
    }

    /// Issue 12: every reading on /about/#readings with all its passages and the default chosen.
    #[test]
    fn the_real_register_lists_each_reading_with_its_passages() {
        let all = real();
        let html = render(&all).unwrap();
        for a in &all {
            assert!(!a.passages.is_empty(), "{}: no passages", a.id);
            assert!(html.contains(&format!("id=\"{}\"", a.id)));
            for p in &a.passages {
                assert!(
                    html.contains(&policy_content::html::esc(&p.cite.quote)),
                    "{}: {} not shown",
                    a.id,
                    p.cite.quote
                );
            }
        }
        // 门诊慢特病 and 医疗救助: the seven passages, both sides, and the 门诊慢特病 clause in s3-1.
        let c = entry(&all, "chronic-assistance");
        let side = |w: &str| {
            c.passages
                .iter()
                .filter(|p| p.says.as_deref().is_some_and(|s| s.starts_with(w)))
                .count()
        };
        assert_eq!((side("没有限定住院"), side("写住院")), (4, 3));
        assert!(c.reading.starts_with("门诊慢特病也算"));
        assert!(c.passages.iter().any(|p| p.cite.doc == "huining-203"
            && p.cite.section == "s3-1"
            && p.cite.quote.contains("门诊慢特病")));
        assert!(c.passages.iter().all(|p| p.cite.section != "s3"));
        // 门诊慢特病 and the 85% floor: one passage says 住院, three do not limit it, 203号 names 门诊慢特病.
        let f = entry(&all, "chronic-floor");
        let says = |w: &str| {
            f.passages
                .iter()
                .filter(|p| p.says.as_deref() == Some(w))
                .count()
        };
        assert_eq!(
            (says("写住院"), says("没有限定住院"), says("门诊慢特病")),
            (1, 3, 1)
        );
        assert!(f.reading.starts_with("门诊慢特病也补足"));
        // 医疗救助资金不足时: 203号 三（一） is listed.
        assert!(entry(&all, "backstop-finance")
            .passages
            .iter()
            .any(|p| p.cite.doc == "huining-203" && p.cite.quote.contains("省级财政予以弥补")));
        // “提高10%”: its own entry, the document's words, both readings.
        let t = entry(&all, "plus-ten");
        assert!(t.passages[0].cite.quote.contains("提高10%进行报销"));
        assert!(t.reading.starts_with("加10个百分点") && t.alternatives[0].starts_with("乘以1.1"));
        // The cliff example says its ratios are assumed.
        assert!(entry(&all, "floor-order").question.contains("假设比例"));
        // 农村兜底保障户: pick 低保 or 特困 if that is what they are.
        assert!(entry(&all, "critical-threshold-groups")
            .reading
            .contains("请选“城乡低保对象”或“特困供养人员”"));
        // Two targets for new diagnosis types.
        let n = entry(&all, "new-diagnosis-types");
        assert_eq!(n.passages.len(), 2);
    }

    /// Words the register's questions put in “…” are the documents' words: each is in the document whose
    /// 文号 the question names last before it (in any document if none is named before it), character
    /// for character (whitespace aside; a comma is not a ，). The register's passages are checked as
    /// citations (see the checker's and engine's source tests); this covers the quotes in its prose.
    #[test]
    fn every_quote_in_a_question_is_in_its_document() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/docs");
        let docs: Vec<(String, String)> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .map(|src| {
                let number = src
                    .lines()
                    .find_map(|l| l.strip_prefix("doc_number = \""))
                    .map(|n| n.trim_end_matches('"').to_string())
                    .unwrap_or_default();
                (number, policy_content::quote::squash(&src))
            })
            .collect();
        let mut checked = 0;
        for a in real() {
            let q = &a.question;
            for (start, _) in q.match_indices('“') {
                let Some(len) = q[start..].find('”') else {
                    continue;
                };
                let quoted = &q[start + '“'.len_utf8()..start + len];
                let named = docs
                    .iter()
                    .filter_map(|(n, _)| q[..start].rfind(n.as_str()).map(|at| (at, n)))
                    .max()
                    .map(|(_, n)| n.clone());
                let said = docs
                    .iter()
                    .filter(|(n, _)| named.as_ref().is_none_or(|named| named == n))
                    .any(|(_, text)| text.contains(&policy_content::quote::squash(quoted)));
                assert!(said, "{}: “{quoted}” is not in {named:?}", a.id);
                checked += 1;
            }
        }
        assert!(checked >= 15, "{checked} quotes checked");
    }
}
