//! The Markdown pipeline on fixtures: `tests/fixtures/<name>.md` (one small library) must render to
//! exactly `tests/fixtures/<name>.html`; ids, table of contents, sections and 文号 links; and bad
//! documents rejected with their data. `BLESS=1` rewrites the expected HTML (review the diff!).

use std::path::{Path, PathBuf};

use policy_content::library::load_library;
use policy_content::model::RenderedDoc;
use policy_content::parse::split_front_matter;
use policy_content::render::{render, DocLinks};
use policy_content::ContentError;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn library() -> Vec<RenderedDoc> {
    load_library(&fixtures()).expect("the fixture library renders")
}

fn doc<'a>(docs: &'a [RenderedDoc], slug: &str) -> &'a RenderedDoc {
    docs.iter().find(|d| d.meta.slug == slug).expect(slug)
}

#[test]
fn fixtures_render_to_expected_html() {
    let docs = library();
    let slugs: Vec<&str> = docs.iter().map(|d| d.meta.slug.as_str()).collect();
    assert_eq!(
        slugs,
        ["clauses", "docrefs", "headings", "raw-html", "tables"]
    );
    for d in &docs {
        let path = fixtures().join(format!("{}.html", d.meta.slug));
        if std::env::var_os("BLESS").is_some() {
            std::fs::write(&path, &d.html).unwrap();
        }
        let want =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(
            d.html == want,
            "{} differs from {}:\n--- got\n{}\n--- want\n{want}",
            d.meta.slug,
            path.display(),
            d.html
        );
    }
}

#[test]
fn headings_give_toc_anchors_and_sections() {
    let docs = library();
    let d = doc(&docs, "headings");
    let toc: Vec<(&str, &str, u8)> = d
        .toc
        .iter()
        .map(|t| (t.id.as_str(), t.title.as_str(), t.depth))
        .collect();
    assert_eq!(
        toc,
        [
            ("notice", "通知", 2),
            ("main", "甘肃省健康扶贫方案", 2),
            ("s1", "一、总体要求", 3),
            ("s1-1", "（一）基本原则", 4),
            ("s1-1-1", "1．因病施策", 5),
            ("s1-1-1-note", "附注 A-1", 6),
            ("editorial", "编者注", 2),
        ]
    );
    assert_eq!(
        d.anchors,
        [
            "notice",
            "main",
            "s1",
            "s1-1",
            "s1-1-1",
            "s1-1-1-note",
            "editorial"
        ]
    );
    assert!(d.has_anchor("s1-1-1") && !d.has_anchor("top") && !d.has_anchor("s9"));
    let sections: Vec<(&str, &str, u8, &str)> = d
        .sections
        .iter()
        .map(|s| (s.id.as_str(), s.title.as_str(), s.depth, s.text.as_str()))
        .collect();
    assert_eq!(
        sections,
        [
            ("top", "标题与编号测试", 1, "第一个标题之前的一段话。"),
            ("notice", "通知", 2, "各市州卫生计生委："),
            ("main", "甘肃省健康扶贫方案", 2, ""),
            ("s1", "一、总体要求", 3, ""),
            ("s1-1", "（一）基本原则", 4, "坚持精准施策。"),
            ("s1-1-1", "1．因病施策", 5, "分类救治。"),
            ("s1-1-1-note", "附注 A-1", 6, ""),
            ("editorial", "编者注", 2, "第 3 页：删去页码“- 3 -”。"),
        ]
    );
}

#[test]
fn clause_anchors_tables_and_links() {
    let docs = library();
    let clauses = doc(&docs, "clauses");
    assert_eq!(clauses.anchors, ["s3", "s3-1", "s3-2", "s3-3"]);
    assert_eq!(clauses.toc.len(), 1, "clause anchors are not headings");
    let text = &clauses.sections[0].text;
    assert!(
        !text.contains("{#s3-1}") && text.contains("{#s3-9}"),
        "{text}"
    );
    // Each clause anchor is kept with where its text begins (a hit in it opens the clause).
    let starts: Vec<(&str, &str)> = clauses.sections[0]
        .clauses
        .iter()
        .map(|(at, id)| (id.as_str(), &text[*at..]))
        .collect();
    let want = [
        ("s3-1", "1．建立先诊疗后付费制度。"),
        ("s3-2", "2．重点人群全覆盖，"),
        ("s3-3", "引用里的段落也可以有锚点。"),
    ];
    assert_eq!(starts.len(), want.len(), "{starts:?}");
    for ((id, from), (want_id, begins)) in starts.iter().zip(want) {
        assert_eq!(*id, want_id);
        assert!(from.starts_with(begins), "{id}: {from}");
    }

    let tables = doc(&docs, "tables");
    assert_eq!(
        tables.sections[0].text,
        "序号 项目 分值 1 先诊疗后付费（见县委办发〔2018〕83号） 5 2 大病保险 3000 元 10 表后说明。"
    );
    // Each body row has an id, and the text after the table is the heading's again.
    let runs: Vec<(&str, &str)> = tables.sections[0]
        .clauses
        .iter()
        .map(|(at, id)| (id.as_str(), &tables.sections[0].text[*at..]))
        .collect();
    assert_eq!(
        runs,
        [
            (
                "t1-r1",
                "1 先诊疗后付费（见县委办发〔2018〕83号） 5 2 大病保险 3000 元 10 表后说明。"
            ),
            ("t1-r2", "2 大病保险 3000 元 10 表后说明。"),
            ("t1", "表后说明。"),
        ]
    );
    // Each body cell names its column, so that a row opened by a link can say what its cells are.
    assert!(
        tables.html.contains(
            "<tr id=\"t1-r2\"><td data-label=\"序号\">2</td><td data-label=\"项目\">大病保险 3000 元</td><td data-label=\"分值\">10</td></tr>"
        ),
        "{}",
        tables.html
    );

    let refs = doc(&docs, "docrefs");
    let links: Vec<&str> = refs
        .html
        .match_indices("class=\"docref\"")
        .map(|(at, _)| {
            let rest = &refs.html[at..];
            &rest[rest.find('>').unwrap() + 1..rest.find("</a>").unwrap()]
        })
        .collect();
    assert_eq!(
        links,
        [
            "甘卫发〔2018〕165号",
            "县委办发[2018]83 号",
            "甘卫发〔2018〕165号",
            "德卫办字〔2018〕20号",
        ],
        "linked: library numbers in text and headings, as written; not the document's own, not \
         unknown ones, not in code or links"
    );
    assert_eq!(refs.toc[1].title, "见德卫办字〔2018〕20号");
}

fn fixture_meta() -> policy_content::model::FrontMatter {
    let src = std::fs::read_to_string(fixtures().join("headings.md")).unwrap();
    split_front_matter(&src).unwrap().0
}

/// Renders `body` as the document `headings`; it must fail with `want`.
fn case(body: &str, want: ContentError) {
    let got = render(fixture_meta(), body, &DocLinks::default());
    assert_eq!(got.as_ref().err(), Some(&want), "{body:?}");
    assert!(!want.to_string().is_empty());
}

#[test]
fn bad_bodies_are_rejected_with_their_data() {
    let slug = || "headings".to_string();
    case(
        "## 无编号\n",
        ContentError::HeadingWithoutId {
            slug: slug(),
            heading: "无编号".into(),
        },
    );
    case(
        "## 甲 {#a}\n\n### 乙 *强调*\n",
        ContentError::HeadingWithoutId {
            slug: slug(),
            heading: "乙 强调".into(),
        },
    );
    case(
        "## 甲 {#a}\n\n## 乙 {#a}\n",
        ContentError::DuplicateId {
            slug: slug(),
            id: "a".into(),
        },
    );
    case(
        "## 甲 {#a}\n\n{#a} 条款\n",
        ContentError::DuplicateId {
            slug: slug(),
            id: "a".into(),
        },
    );
    case(
        "# 标题 {#t}\n",
        ContentError::TopLevelHeading {
            slug: slug(),
            heading: "标题".into(),
        },
    );
    case(
        "标题\n===\n",
        ContentError::TopLevelHeading {
            slug: slug(),
            heading: "标题".into(),
        },
    );
    case(
        "## 甲 {#S_1}\n",
        ContentError::BadId {
            slug: slug(),
            id: "S_1".into(),
        },
    );
    case(
        "## 甲 {#-a}\n",
        ContentError::BadId {
            slug: slug(),
            id: "-a".into(),
        },
    );
    case(
        "{#第一条} 条款\n",
        ContentError::BadId {
            slug: slug(),
            id: "第一条".into(),
        },
    );
}

/// A temporary library directory holding `files`, removed when dropped.
struct TempLibrary(PathBuf);

impl TempLibrary {
    fn new(name: &str, files: &[(&str, String)]) -> Self {
        let dir =
            std::env::temp_dir().join(format!("policy-content-test-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for (file, text) in files {
            std::fs::write(dir.join(file), text).unwrap();
        }
        Self(dir)
    }
}

impl Drop for TempLibrary {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn bad_libraries_are_rejected_with_their_data() {
    let good = std::fs::read_to_string(fixtures().join("headings.md")).unwrap();
    let other = std::fs::read_to_string(fixtures().join("tables.md")).unwrap();

    let lib = TempLibrary::new(
        "front",
        &[(
            "headings.md",
            good.replace("level = \"省\"", "level = \"乡\""),
        )],
    );
    match load_library(&lib.0) {
        Err(ContentError::InFile { path, error }) => {
            assert!(path.ends_with("headings.md"), "{path}");
            assert!(
                matches!(*error, ContentError::FrontMatter { line: Some(10), .. }),
                "{error}"
            );
        }
        other => panic!("{other:?}"),
    }

    let lib = TempLibrary::new("stem", &[("other-name.md", good.clone())]);
    match load_library(&lib.0) {
        Err(ContentError::SlugMismatch { path, slug }) => {
            assert!(
                path.ends_with("other-name.md") && slug == "headings",
                "{path} {slug}"
            );
        }
        other => panic!("{other:?}"),
    }

    let lib = TempLibrary::new(
        "number",
        &[
            ("headings.md", good.clone()),
            (
                "tables.md",
                other.replace("德卫办字〔2018〕20号", "甘卫发[2018]165 号"),
            ),
        ],
    );
    assert_eq!(
        load_library(&lib.0).err(),
        Some(ContentError::DuplicateDocNumber {
            doc_number: "甘卫发[2018]165 号".into(),
            first: "headings".into(),
            second: "tables".into(),
        })
    );

    let lib = TempLibrary::new("body", &[("headings.md", good.replace("{#s1-1}", "{#s1}"))]);
    assert_eq!(
        load_library(&lib.0).err(),
        Some(ContentError::DuplicateId {
            slug: "headings".into(),
            id: "s1".into(),
        })
    );

    assert!(matches!(
        load_library(&fixtures().join("no-such-dir")),
        Err(ContentError::Io { .. })
    ));
}
