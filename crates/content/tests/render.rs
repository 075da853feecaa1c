//! Fixture tests of the content pipeline: Markdown in `tests/fixtures/lib/*.md` must render to exactly
//! `tests/fixtures/expected/*.html`; errors for bad documents; and checks over the real library.
#![cfg(feature = "build")]

use std::path::{Path, PathBuf};

use policy_content::library::load_library;
use policy_content::parse::split_front_matter;
use policy_content::render::{render, DocLinks};
use policy_content::search::{normalize, SearchIndex};
use policy_content::ContentError;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

#[test]
fn fixtures_render_to_expected_html() {
    let docs = load_library(&fixtures().join("lib")).unwrap();
    assert_eq!(docs.len(), 2);
    for d in &docs {
        let path = fixtures()
            .join("expected")
            .join(format!("{}.html", d.meta.slug));
        if std::env::var_os("BLESS").is_some() {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &d.html).unwrap();
        }
        let want =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(
            d.html,
            want,
            "{} differs from {}",
            d.meta.slug,
            path.display()
        );
    }
}

#[test]
fn ids_toc_anchors_and_links() {
    let docs = load_library(&fixtures().join("lib")).unwrap();
    let a = &docs[0];
    assert_eq!(a.anchors, vec!["notice", "s1", "s1-1", "editorial"]);
    let toc: Vec<(&str, u8)> = a.toc.iter().map(|t| (t.id.as_str(), t.depth)).collect();
    assert_eq!(toc, vec![("notice", 2), ("s1", 3), ("editorial", 2)]);
    assert!(a.html.contains("<p id=\"s1-1\">1．年度内"));
    assert!(a
        .html
        .contains("<a class=\"docref\" href=\"/docs/fixb/\">县委办发〔2018〕83号</a>"));
    assert!(
        a.html.contains("川脱贫办发〔2016〕61 号"),
        "a number not in the library stays plain"
    );
    assert!(
        a.html.contains("本文件即甘卫发〔2018〕165号"),
        "the document's own number is not linked"
    );
    assert!(!a.html.contains("<script") && !a.html.contains("<b>") && !a.html.contains("<div>块"));
    assert!(a.html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(a.html.contains("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"表格，可左右滑动\"><table>"));
    assert!(docs[1]
        .html
        .contains("<a class=\"docref\" href=\"/docs/fixa/\">甘卫发〔2018〕165号</a>"));
    let s1 = a.sections.iter().find(|s| s.id == "s1").unwrap();
    assert!(
        s1.text.contains("3000元") && s1.text.contains("先诊疗后付费"),
        "{}",
        s1.text
    );
}

fn render_err(body: &str) -> ContentError {
    let src = std::fs::read_to_string(fixtures().join("lib/fixb.md")).unwrap();
    let (meta, _) = split_front_matter("fixb.md", &src).unwrap();
    render(meta, body, &DocLinks::default()).unwrap_err()
}

#[test]
fn bad_documents_are_rejected_with_their_data() {
    let cases: &[(&str, ContentError)] = &[
        (
            "## 无编号\n",
            ContentError::HeadingWithoutId {
                slug: "fixb".into(),
                heading: "无编号".into(),
            },
        ),
        (
            "## 甲 {#a}\n\n## 乙 {#a}\n",
            ContentError::DuplicateId {
                slug: "fixb".into(),
                id: "a".into(),
            },
        ),
        (
            "## 甲 {#a}\n\n{#a} 条款\n",
            ContentError::DuplicateId {
                slug: "fixb".into(),
                id: "a".into(),
            },
        ),
        (
            "# 标题 {#t}\n",
            ContentError::TopLevelHeading {
                slug: "fixb".into(),
                heading: "标题".into(),
            },
        ),
        (
            "## 甲 {#S_1}\n",
            ContentError::BadId {
                slug: "fixb".into(),
                id: "S_1".into(),
            },
        ),
    ];
    for (body, want) in cases {
        assert_eq!(&render_err(body), want, "{body:?}");
    }
}

fn real_library() -> Vec<policy_content::model::RenderedDoc> {
    load_library(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/docs"))
        .expect("the library renders")
}

#[test]
fn real_library_is_complete_and_ids_unique() {
    let docs = real_library();
    let slugs: Vec<&str> = docs.iter().map(|d| d.meta.slug.as_str()).collect();
    assert_eq!(
        slugs,
        vec![
            "dezhou-20",
            "gansu-165",
            "huining-203",
            "huining-83",
            "meishan-137"
        ]
    );
    for d in &docs {
        // Front matter completeness is checked by the parser; ids are unique by construction, checked here again.
        let mut ids = d.anchors.clone();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), d.anchors.len(), "{}", d.meta.slug);
        assert!(d.has_anchor("editorial"), "{} has an 编者注", d.meta.slug);
        assert!(d.toc.len() >= 3, "{} has a table of contents", d.meta.slug);
    }
}

#[test]
fn real_library_search_finds_every_document_that_says_it() {
    let docs = real_library();
    let index = SearchIndex::build(&docs);
    for q in ["3000元", "大病保险", "先诊疗"] {
        let nq = normalize(q);
        let mut want: Vec<&str> = docs
            .iter()
            .filter(|d| {
                d.sections
                    .iter()
                    .any(|s| normalize(&s.text).contains(&nq) || normalize(&s.title).contains(&nq))
            })
            .map(|d| d.meta.slug.as_str())
            .collect();
        want.sort();
        assert!(!want.is_empty(), "some document says {q}");
        let mut got: Vec<String> = index.search(q, 1000).into_iter().map(|h| h.slug).collect();
        got.sort();
        got.dedup();
        assert_eq!(got, want, "{q}");
    }
}
