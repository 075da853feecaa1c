//! Checks over the real library in `content/docs`: the five documents of `content/README.md`, each
//! complete and well-formed, and the search finding every document and section that says
//! `3000元`, `大病保险` or `先诊疗` (expected sets computed by plain substring search, not by the index).

use std::collections::BTreeSet;
use std::path::PathBuf;

use policy_content::docnum;
use policy_content::library::load_library;
use policy_content::model::carried as carried_text;
use policy_content::model::RenderedDoc;
use policy_content::parse::split_front_matter;
use policy_content::search::{normalize, SearchIndex};

/// The slug and 文号 of every document, as in the table of `content/README.md`.
const DOCUMENTS: &[(&str, &str)] = &[
    ("dezhou-20", "德卫办字〔2018〕20号"),
    ("gansu-165", "甘卫发〔2018〕165号"),
    ("huining-203", "会卫计发〔2018〕203号"),
    ("huining-83", "县委办发〔2018〕83号"),
    ("meishan-137", "眉卫发〔2016〕137号"),
];

const QUERIES: &[&str] = &["3000元", "大病保险", "先诊疗"];

fn docs_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../content/docs")
}

fn library() -> Vec<RenderedDoc> {
    load_library(&docs_dir()).unwrap_or_else(|e| panic!("the library renders: {e}"))
}

/// Each document's Markdown body, normalized for search, as an independent check of the sections.
fn bodies() -> Vec<(String, String)> {
    DOCUMENTS
        .iter()
        .map(|(slug, _)| {
            let src = std::fs::read_to_string(docs_dir().join(format!("{slug}.md"))).unwrap();
            let (_, body) = split_front_matter(&src).unwrap();
            (slug.to_string(), normalize(body))
        })
        .collect()
}

#[test]
fn the_five_documents_are_complete() {
    let docs = library();
    let got: Vec<(&str, &str)> = docs
        .iter()
        .map(|d| (d.meta.slug.as_str(), d.meta.doc_number.as_str()))
        .collect();
    assert_eq!(got, DOCUMENTS);
    for d in &docs {
        let m = &d.meta;
        for (field, value) in [
            ("title", &m.title),
            ("short_title", &m.short_title),
            ("date", &m.date),
            ("province", &m.province),
            ("region", &m.region),
            ("summary", &m.summary),
            ("source", &m.source),
        ] {
            assert!(!value.trim().is_empty(), "{}: {field} is empty", m.slug);
        }
        assert!(!m.issuers.is_empty(), "{}: issuers", m.slug);
        assert!(
            m.region.starts_with(&m.province),
            "{}: region {} is in {}",
            m.slug,
            m.region,
            m.province
        );
        assert!(d.has_anchor("editorial"), "{} lists its fixes", m.slug);
        assert!(d.toc.len() >= 3, "{} has a table of contents", m.slug);
    }
}

#[test]
fn ids_are_unique_and_every_heading_is_linkable() {
    for d in library() {
        let slug = &d.meta.slug;
        let unique: BTreeSet<&String> = d.anchors.iter().collect();
        assert_eq!(unique.len(), d.anchors.len(), "{slug}: duplicate ids");
        for t in &d.toc {
            assert!(d.has_anchor(&t.id), "{slug}: {}", t.id);
            let heading = format!("<h{0} id=\"{1}\">", t.depth, t.id);
            let link = format!("<a class=\"sec-link\" href=\"#{}\"", t.id);
            assert!(
                d.html.contains(&heading) && d.html.contains(&link),
                "{slug}: {}",
                t.id
            );
        }
        for id in &d.anchors {
            assert_eq!(
                d.html.matches(&format!(" id=\"{id}\"")).count(),
                1,
                "{slug}: {id}"
            );
        }
        for s in &d.sections {
            assert!(
                s.id == "top" || d.has_anchor(&s.id),
                "{slug}: section {}",
                s.id
            );
            assert!(!s.text.contains("{#"), "{slug}#{}: a stray id marker", s.id);
        }
        for banned in ["<script", "<h1", " style=", "<div>", "<b>"] {
            assert!(!d.html.contains(banned), "{slug}: {banned}");
        }
    }
}

#[test]
fn every_citation_of_a_library_document_is_linked() {
    let docs = library();
    let slug_of = |number: &str| {
        DOCUMENTS
            .iter()
            .find(|(_, n)| *n == number)
            .map(|(s, _)| *s)
    };
    for d in &docs {
        for s in &d.sections {
            for (_, number) in docnum::find_all(&s.text) {
                match slug_of(&number) {
                    Some(target) if target != d.meta.slug => {
                        let href = format!("<a class=\"docref\" href=\"/docs/{target}/\">");
                        assert!(d.html.contains(&href), "{}#{}: {number}", d.meta.slug, s.id);
                    }
                    _ => {}
                }
            }
        }
        let own = format!("href=\"/docs/{}/\"", d.meta.slug);
        assert!(!d.html.contains(&own), "{} links to itself", d.meta.slug);
    }
}

#[test]
fn search_finds_every_document_and_section_that_says_it() {
    let docs = library();
    let index = SearchIndex::build(&docs);
    let index: SearchIndex = serde_json::from_str(&serde_json::to_string(&index).unwrap()).unwrap();
    let bodies = bodies();
    for q in QUERIES {
        let nq = normalize(q);
        let hits = index.search(q, usize::MAX);

        let want_docs: BTreeSet<&str> = bodies
            .iter()
            .filter(|(_, body)| body.contains(&nq))
            .map(|(slug, _)| slug.as_str())
            .collect();
        assert!(!want_docs.is_empty(), "some document says {q}");
        let got_docs: BTreeSet<&str> = hits.iter().map(|h| h.slug.as_str()).collect();
        assert_eq!(got_docs, want_docs, "{q}: documents");

        // Every section that says it, the editors' summary among them.
        let want_sections: BTreeSet<(String, String)> = docs
            .iter()
            .flat_map(|d| d.searched().into_iter().map(move |(s, _)| (d, s)))
            .filter(|(_, s)| normalize(&s.title).contains(&nq) || normalize(&s.text).contains(&nq))
            .map(|(d, s)| (d.meta.slug.clone(), s.id.clone()))
            .collect();
        let got_sections: BTreeSet<(String, String)> = hits
            .iter()
            .map(|h| (h.slug.clone(), h.section_id.clone()))
            .collect();
        assert_eq!(got_sections, want_sections, "{q}: sections");
        assert_eq!(hits.len(), want_sections.len(), "{q}: one hit per section");

        for h in &hits {
            let marked: String = h
                .snippet
                .iter()
                .filter(|f| f.hit)
                .map(|f| f.text.as_str())
                .collect();
            let in_title = normalize(&h.section_title).contains(&nq);
            assert!(
                in_title || normalize(&marked).contains(&nq),
                "{q}: {}#{} snippet marks the match",
                h.slug,
                h.section_id
            );
        }
        eprintln!(
            "{q}: {} sections in {} documents: {:?}",
            hits.len(),
            got_docs.len(),
            got_docs
        );
    }
}

/// The library's one check of a citation, on the real documents: each way a citation can be wrong is
/// named, and a right one passes (name / citation / scope / expected).
#[test]
fn a_citation_is_checked_against_the_document() {
    use policy_content::citation::{Citation, CitationError, Library, Scope};
    use policy_content::quote::QuoteError;

    let lib = Library::load(&docs_dir()).unwrap();
    let cite = |doc: &str, section: &str, number: &str, quote: &str| Citation {
        doc: doc.into(),
        section: section.into(),
        number: number.into(),
        quote: quote.into(),
    };
    let n83 = "县委办发〔2018〕83号";
    let says = "提高10%进行报销";
    let cases: Vec<(&str, Citation, Scope, Result<(), CitationError>)> = vec![
        (
            "right",
            cite("huining-83", "a5-s3-2-1", n83, says),
            Scope::Own,
            Ok(()),
        ),
        (
            "a sub-clause's words, under its heading",
            cite("huining-83", "a5-s3-2", n83, says),
            Scope::Section,
            Ok(()),
        ),
        (
            "but not as the heading's own words",
            cite("huining-83", "a5-s3-2", n83, says),
            Scope::Own,
            Err(CitationError::Quote {
                doc: "huining-83".into(),
                error: QuoteError::NotSaid {
                    section: "a5-s3-2".into(),
                    quote: says.into(),
                },
            }),
        ),
        (
            "another document's 文号",
            cite("huining-83", "a5-s3-2-1", "会卫计发〔2018〕203号", says),
            Scope::Own,
            Err(CitationError::WrongNumber {
                doc: "huining-83".into(),
                cited: "会卫计发〔2018〕203号".into(),
                actual: n83.into(),
            }),
        ),
        (
            "no such document",
            cite("huining-84", "a5-s3-2-1", n83, says),
            Scope::Own,
            Err(CitationError::UnknownDoc {
                doc: "huining-84".into(),
            }),
        ),
        (
            "no such section",
            cite("huining-83", "a9", n83, says),
            Scope::Own,
            Err(CitationError::Quote {
                doc: "huining-83".into(),
                error: QuoteError::NoSection {
                    section: "a9".into(),
                },
            }),
        ),
        (
            "an empty quote",
            cite("huining-83", "a5-s3-2-1", n83, " "),
            Scope::Own,
            Err(CitationError::Empty { field: "quote" }),
        ),
    ];
    for (name, c, scope, want) in cases {
        assert_eq!(lib.verify(&c, scope), want, "{name}");
    }
    for (slug, number) in DOCUMENTS {
        assert_eq!(lib.number(slug), Some(*number));
    }
}

#[test]
fn a_link_written_as_its_own_address_shows_what_it_goes_to() {
    let docs = library();
    for d in &docs {
        assert!(
            !d.html.contains("\">#"),
            "{}: a link still shows a bare #id",
            d.meta.slug
        );
    }
    let html = |slug: &str| &docs.iter().find(|d| d.meta.slug == slug).unwrap().html;
    for (slug, link) in [
        ("huining-83", "<a href=\"#s3-2\">三（二）</a>"),
        ("huining-83", "<a href=\"#a5-s3-1-6\">附件5 三（一）6</a>"),
        ("huining-83", "<a href=\"#t3-2\">附表 3-2</a>"),
        (
            "gansu-165",
            "<a href=\"#main\">甘肃省健康扶贫专责工作组成员单位责任清单及督导考核问责办法</a>",
        ),
        (
            "gansu-165",
            "<a href=\"/docs/huining-83/#a5-s3-2-3\">附件5 三（二）3</a>",
        ),
    ] {
        assert!(html(slug).contains(link), "{slug}: no {link}");
    }
    // The search text (snippets, what a hit shows) names them too: no `#a5-s3-2-3`, no mark left.
    for d in &docs {
        for s in &d.sections {
            let bare = s.text.match_indices('#').find(|(at, _)| {
                s.text[at + 1..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_lowercase())
            });
            assert!(bare.is_none(), "{}#{}: {}", d.meta.slug, s.id, s.text);
            assert!(
                !s.text.contains(['\u{E000}', '\u{E001}']),
                "{}#{}",
                d.meta.slug,
                s.id
            );
            let marks: Vec<usize> = s.clauses.iter().map(|(at, _)| *at).collect();
            assert!(
                marks.windows(2).all(|w| w[0] <= w[1]),
                "{}#{}",
                d.meta.slug,
                s.id
            );
            assert!(marks.iter().all(|&m| s.text.is_char_boundary(m)));
        }
    }
    let notes = |slug: &str| -> String {
        let d = docs.iter().find(|d| d.meta.slug == slug).unwrap();
        d.sections.iter().map(|s| s.text.as_str()).collect()
    };
    assert!(notes("huining-83").contains("附表 3-2"));
    assert!(notes("gansu-165").contains("附件5 三（二）3"));
}

#[test]
fn every_table_is_named_as_its_document_names_it() {
    use policy_content::citation::{table_name, TABLE_NAMES};
    let mut found = Vec::new();
    for doc in library() {
        let mut part: Option<&str> = None;
        for s in &doc.sections {
            if s.depth == 2 {
                part = Some(&s.title);
            }
            let is_table =
                s.id.strip_prefix('t')
                    .is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()));
            if is_table {
                let name = table_name(&s.title, part)
                    .unwrap_or_else(|| panic!("{}#{}: a table with no name", doc.meta.slug, s.id));
                found.push((doc.meta.slug.clone(), s.id.clone(), name));
            }
        }
    }
    let listed: Vec<(String, String, String)> = TABLE_NAMES
        .iter()
        .map(|(d, id, name)| (d.to_string(), id.to_string(), name.to_string()))
        .collect();
    assert_eq!(
        listed, found,
        "TABLE_NAMES, as the documents' headings name each table"
    );
}

/// A table's merged cells: the extracted text keeps a merged cell's text in its first row only, so each
/// empty cell under text, before its row's last text, carries the text above it (`data-carried`), and a
/// row's blank cells after its last text carry nothing; what a cell carries says it is the row above's.
#[test]
fn merged_cells_carry_the_text_above_them() {
    let docs = library();
    let html = &docs
        .iter()
        .find(|d| d.meta.slug == "huining-83")
        .expect("huining-83")
        .html;
    let row = |id: &str| {
        let from = html.find(&format!("<tr id=\"{id}\">")).expect(id);
        html[from..from + html[from..].find("</tr>").expect("row ends")].to_string()
    };
    for (id, cells) in [
        // 附表 3-2: 翟家所镇 stands under 吕彦琪 (two rows up) and 吴宗智.
        ("t3-2-r3", &["吕彦琪", "吴宗智"][..]),
        // 附件2 附表: row 3's 类别 is row 2's, and its blank 数量 and 备注 carry nothing.
        ("t2-1-r3", &["检查涉药单位（户次）"][..]),
        // 附表 3-1: the second row of item 3 is item 3's; its 得分 is blank.
        ("t3-1-r6", &["3", "建档立卡贫困户基本医疗保险工作"][..]),
        // 附件4 附表: row 6 is under row 4's 考核内容 and row 5's 问责主体 (the last column, whose blanks
        // are merged cells, as the 五督 form's data reads them); its 得分 is blank.
        (
            "t4-1-r6",
            &["医疗机构“组团式”帮扶工作", "受援医院及负责人。"][..],
        ),
        // 附件2 附表: row 9's 数量 is to be filled in, not row 8's label.
        ("t2-1-r9", &[][..]),
        // 附件4 附表's 总分 row: a summary, under no 问责主体.
        ("t4-1-r27", &[][..]),
    ] {
        let row = row(id);
        let carried: Vec<&str> = row
            .split("data-carried=\"")
            .skip(1)
            .map(|c| &c[..c.find('"').expect("closed")])
            .collect();
        // Each says it is the row above's.
        let cells: Vec<String> = cells.iter().map(|c| carried_text(c)).collect();
        assert_eq!(carried, cells, "{row}");
    }
    // The mark after the words, before their stop: after it, 朗读 had heard （同上）。 alone.
    assert!(row("t4-1-r6").contains("data-carried=\"受援医院及负责人（同上）。\""));
    // The 总分 row's text is not under its first column's name (序号：总分： had been read and shown).
    assert!(row("t4-1-r27").starts_with("<tr id=\"t4-1-r27\"><td>总分："));
    assert!(row("t4-1-r26").contains("<td data-label=\"序号\">"));
}

/// From a document's first annex on, each part's heading has a bar before it that says the part and the
/// document's 文号 (style.css `.part-where`); the document's own text has none.
#[test]
fn parts_from_the_first_annex_say_which_they_are() {
    let docs = library();
    let bars = |slug: &str| -> Vec<String> {
        let html = &docs.iter().find(|d| d.meta.slug == slug).expect(slug).html;
        html.split("<div class=\"part-where\" aria-hidden=\"true\"><span>")
            .skip(1)
            .map(|b| b[..b.find("</span>").expect("closed")].to_string())
            .collect()
    };
    let shown = bars("huining-83");
    let want: Vec<String> = [
        "附件1 签约服务提质增效行动工作方案",
        "附件2 基层用药安全保障行动工作方案",
        "附件3 干部包抓政策落实行动工作方案",
        "附件4 监督检查“五督”行动工作方案",
        "附件5 健康扶贫责任落实行动工作方案",
    ]
    .iter()
    .map(|p| format!("{p}（县委办发〔2018〕83号）"))
    .collect();
    assert_eq!(shown[..want.len()], want[..], "{shown:?}");
    // The editors' notes after the annexes have theirs (else 附件5's would stand over them).
    assert!(
        shown.len() > want.len() && shown[want.len()..].iter().all(|b| b.contains("编者注")),
        "{shown:?}"
    );
    // A document without annexes has none.
    assert!(bars("gansu-165").is_empty());
}

/// Every numbered clause begins with the number its label gives it (`三（二）` with （二）, `附件5 三（一）11` with
/// 11.), or, where the document numbers it in words (先锋行动四, 一是), is listed with those words
/// ([`policy_content::citation::WORDED_CLAUSES`]): a citation's label is what a reader finds on paper.
#[test]
fn every_clause_is_labelled_as_its_document_numbers_it() {
    use policy_content::citation::{clause_label, place, WORDED_CLAUSES};
    let mut worded = Vec::new();
    for doc in library() {
        for s in &doc.sections {
            let starts = std::iter::once((s.id.as_str(), s.title.as_str())).chain(
                s.clauses
                    .iter()
                    .map(|(at, id)| (id.as_str(), s.text[*at..].trim_start())),
            );
            for (id, text) in starts {
                let label = clause_label(id);
                if label == id || label.starts_with("附件") && !label.contains(' ') {
                    continue;
                }
                // The label's last level: （二）, 11, 三.
                let tail = label
                    .rsplit([' ', '）'])
                    .find(|p| !p.is_empty())
                    .unwrap_or(&label);
                let tail = tail.rsplit('（').next().unwrap_or(tail);
                let numbered = [
                    format!("（{tail}）"),
                    format!("({tail})"),
                    format!("{tail}、"),
                    format!("{tail}."),
                ]
                .iter()
                .any(|m| text.starts_with(m.as_str()))
                    || text.starts_with(&format!("{tail}．"));
                if !numbered {
                    let name = place(&doc.meta.slug, id);
                    let words = name.rsplit('、').next().unwrap_or(&name);
                    assert!(
                        text.starts_with(words),
                        "{}#{id}: labelled {name}, begins {}",
                        doc.meta.slug,
                        text.chars().take(12).collect::<String>()
                    );
                    worded.push((doc.meta.slug.clone(), id.to_string()));
                }
            }
        }
    }
    let listed: Vec<(String, String)> = WORDED_CLAUSES
        .iter()
        .map(|(d, id, _)| (d.to_string(), id.to_string()))
        .collect();
    assert_eq!(
        worded, listed,
        "WORDED_CLAUSES, every clause numbered in words"
    );
}
