//! Search through the whole pipeline (Markdown → sections → index → JSON → query): over a small
//! fixture library (`tests/fixtures/search/`), and over the real library (`content/docs`) for what
//! the site promises: every suggestion chip finds something, punctuation does not matter, clauses
//! rank above editorial notes, and every hit says whose region it is.

use std::collections::BTreeSet;
use std::path::Path;

use policy_content::library::load_library;
use policy_content::model::RenderedDoc;
use policy_content::search::{
    in_documents_text, normalize, Hit, RegionFilter, SearchIndex, REGION_FILTERS, SUGGESTIONS,
};

/// The index the browser would get (through JSON) over `docs`.
fn built(docs: &[RenderedDoc]) -> SearchIndex {
    let index = SearchIndex::build(docs);
    serde_json::from_str(&serde_json::to_string(&index).unwrap()).unwrap()
}

fn index() -> SearchIndex {
    let docs = load_library(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/search"))
        .expect("the search fixtures render");
    built(&docs)
}

/// The real library and its index.
fn real() -> (Vec<RenderedDoc>, SearchIndex) {
    let docs = load_library(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/docs"))
        .unwrap_or_else(|e| panic!("the library renders: {e}"));
    let index = built(&docs);
    (docs, index)
}

fn keys(hits: &[Hit]) -> Vec<String> {
    hits.iter()
        .map(|h| format!("{}#{}", h.slug, h.section_id))
        .collect()
}

/// `query` must find exactly the sections `want` (as `slug#id`, in any order), every section whose
/// title matches before every one whose does not, and the sections a plain scan finds.
fn case(index: &SearchIndex, query: &str, want: &[&str]) {
    let hits = index.search(query, 100);
    let got: BTreeSet<String> = keys(&hits).into_iter().collect();
    let want: BTreeSet<String> = want.iter().map(|s| s.to_string()).collect();
    assert_eq!(got, want, "{query}");

    let terms: Vec<String> = query.split_whitespace().map(normalize).collect();
    let scanned: BTreeSet<String> = index
        .sections
        .iter()
        .filter(|s| {
            let (t, b) = (normalize(&s.title), normalize(&s.text));
            terms.iter().all(|q| t.contains(q) || b.contains(q))
        })
        .map(|s| format!("{}#{}", index.docs[s.doc as usize].slug, s.id))
        .collect();
    assert_eq!(got, scanned, "{query}: the index agrees with a plain scan");

    let in_title: Vec<bool> = hits
        .iter()
        .map(|h| {
            terms
                .iter()
                .any(|q| normalize(&h.section_title).contains(q))
        })
        .collect();
    assert!(
        in_title.windows(2).all(|w| w[0] || !w[1]),
        "{query}: title matches first: {:?}",
        keys(&hits)
    );
    for h in &hits {
        assert!(!h.doc_title.is_empty() && !h.doc_number.is_empty());
        assert_eq!(h.href(), format!("/docs/{}/#{}", h.slug, h.anchor));
    }
}

#[test]
fn finds_every_section_that_says_it() {
    let index = index();
    case(
        &index,
        "3000元",
        &["alpha#s1", "alpha#s2", "beta#s1", "beta#s2", "beta#t1"],
    );
    case(
        &index,
        "大病保险",
        &["alpha#top", "alpha#s1", "alpha#s2", "beta#s1", "beta#t1"],
    );
    case(&index, "先诊疗", &["alpha#s3", "beta#s1", "beta#t1"]);
}

#[test]
fn ranks_title_matches_first_then_occurrences() {
    let index = index();
    let hits = index.search("大病保险", 10);
    assert_eq!(
        keys(&hits),
        ["alpha#s1", "alpha#s2", "alpha#top", "beta#s1", "beta#t1"],
        "the title match, then 2 occurrences, then 1 occurrence (shorter sections first); the table \
         (shorter, 1 occurrence) after the prose"
    );
    let hits = index.search("先诊疗", 10);
    assert_eq!(keys(&hits)[..2], ["alpha#s3", "beta#s1"]);
    assert_eq!(keys(&index.search("3000元", 10))[0], "beta#s2");
}

#[test]
fn full_width_and_spaced_forms_are_the_same_query() {
    let index = index();
    let want = keys(&index.search("3000元", 100));
    for q in ["３０００元", "3000元 ", "　3000元"] {
        assert_eq!(keys(&index.search(q, 100)), want, "{q}");
    }
    let hit = index
        .search("3000元", 100)
        .into_iter()
        .find(|h| h.slug == "alpha" && h.section_id == "s2")
        .unwrap();
    let marked: Vec<&str> = hit
        .snippet
        .iter()
        .filter(|f| f.hit)
        .map(|f| f.text.as_str())
        .collect();
    assert_eq!(marked, ["3000 元"], "the snippet shows the text as written");
}

#[test]
fn no_match_is_empty_and_terms_are_anded() {
    let index = index();
    assert!(index.search("新型农村合作医疗", 10).is_empty());
    assert!(index.search("三千元以上", 10).is_empty());
    assert!(index.search("", 10).is_empty());
    case(
        &index,
        "大病保险 3000元",
        &["alpha#s1", "alpha#s2", "beta#s1", "beta#t1"],
    );
    case(&index, "先诊疗 ３０００元", &["beta#s1", "beta#t1"]);
    case(&index, "先诊疗 医疗救助", &[]);
}

#[test]
fn punctuation_in_query_or_text_does_not_matter() {
    let index = index();
    let want = keys(&index.search("先诊疗后付费", 100));
    assert_eq!(want, ["alpha#s3", "beta#s1"]);
    for q in [
        "先诊疗、后付费",
        "“先诊疗，后付费”",
        "先诊疗。后付费！",
        "（先诊疗）",
    ] {
        let got = keys(&index.search(q, 100));
        if q == "（先诊疗）" {
            assert_eq!(got, keys(&index.search("先诊疗", 100)), "{q}");
        } else {
            assert_eq!(got, want, "{q}");
        }
    }
    case(&index, "先诊疗，后付费", &["alpha#s3", "beta#s1"]);
}

/// A query over the real library: what it must find first and which documents or sections must be
/// among its hits.
struct RealCase {
    /// What the case is about.
    name: &'static str,
    query: &'static str,
    /// A region filter's key, or `""` for none.
    region: &'static str,
    /// The first hit, `slug#id`.
    first: &'static str,
    /// Documents (`slug`) or sections (`slug#id`) that must be hit.
    includes: &'static [&'static str],
}

const REAL_CASES: &[RealCase] = &[
    RealCase {
        name: "the chip 先诊疗后付费 finds 先诊疗，后付费 and 先诊疗、后付费",
        query: "先诊疗后付费",
        region: "",
        first: "huining-203#s3",
        includes: &["dezhou-20#s2-2", "gansu-165#s1-2", "huining-83#a5-s3-2"],
    },
    RealCase {
        name: "the query as the documents write it",
        query: "“先诊疗、后付费”",
        region: "",
        first: "huining-203#s3",
        includes: &["dezhou-20#s2-2", "gansu-165#s1-2", "huining-83#a5-s3-2"],
    },
    RealCase {
        name: "the chip 一站式结算 finds “一站式”结算",
        query: "一站式结算",
        region: "",
        first: "huining-203#s3",
        includes: &["gansu-165#s1-5", "huining-83#a5-s3-6"],
    },
    RealCase {
        name: "3000: a clause first, not the 编者注 that quotes it",
        query: "3000",
        region: "",
        first: "huining-203#s3",
        includes: &["gansu-165#s1-3", "gansu-165#s1-4", "huining-83#a5-s3-4"],
    },
    RealCase {
        name: "体检 everywhere: 眉山's free check-up first",
        query: "体检",
        region: "",
        first: "meishan-137#s3-2",
        includes: &["huining-83#a1-s2"],
    },
    RealCase {
        name: "体检 for a 会宁 resident: only 会宁's documents",
        query: "体检",
        region: "huining",
        first: "huining-83#a1-s2",
        includes: &[],
    },
    RealCase {
        name: "一站式结算 in 甘肃: the province's and 会宁's documents",
        query: "一站式结算",
        region: "gansu",
        first: "huining-203#s3",
        includes: &["gansu-165", "huining-83"],
    },
    RealCase {
        name: "a single character scans every section",
        query: "费",
        region: "",
        first: "meishan-137#s3-1",
        includes: &["dezhou-20", "gansu-165", "huining-203", "huining-83"],
    },
    RealCase {
        name: "a single character with a filter",
        query: "费",
        region: "dezhou",
        first: "dezhou-20#s2-2",
        includes: &[],
    },
    RealCase {
        name: "a 文号 as written",
        query: "甘卫发〔2018〕165号",
        region: "",
        first: "huining-83#a5",
        includes: &["gansu-165#notice"],
    },
    RealCase {
        name: "a 文号 typed with square brackets",
        query: "甘卫发[2018]165号",
        region: "",
        first: "huining-83#a5",
        includes: &["gansu-165#notice"],
    },
    RealCase {
        name: "a 文号 typed with round brackets finds the one written with [ ] too",
        query: "眉人社发(2016)78号",
        region: "",
        first: "meishan-137#main",
        includes: &["meishan-137#notice", "meishan-137#s3-1"],
    },
];

/// The region filter for a case's key.
fn filter(key: &str) -> Option<&'static RegionFilter> {
    (!key.is_empty()).then(|| RegionFilter::by_key(key).unwrap_or_else(|| panic!("filter {key}")))
}

/// Properties every result list has: each hit is a section a plain scan finds (in the documents the
/// filter keeps), carries its document's region, marks the match, and the document's own text comes
/// before the editorial notes.
fn check_hits(
    docs: &[RenderedDoc],
    index: &SearchIndex,
    query: &str,
    region: Option<&RegionFilter>,
) -> Vec<Hit> {
    let hits = index.search_in(query, region, usize::MAX);
    let terms: Vec<String> = query
        .split_whitespace()
        .map(normalize)
        .filter(|t| !t.is_empty())
        .collect();
    let scanned: BTreeSet<String> = docs
        .iter()
        .filter(|d| region.is_none_or(|r| r.covers(&d.meta.region)))
        .flat_map(|d| d.searched().into_iter().map(move |(s, _)| (d, s)))
        .filter(|(_, s)| {
            let (t, b) = (normalize(&s.title), normalize(&s.text));
            terms.iter().all(|q| t.contains(q) || b.contains(q))
        })
        .map(|(d, s)| format!("{}#{}", d.meta.slug, s.id))
        .collect();
    let got: BTreeSet<String> = keys(&hits).into_iter().collect();
    assert_eq!(got, scanned, "{query}: the index agrees with a plain scan");
    assert_eq!(hits.len(), got.len(), "{query}: one hit per section");
    for h in &hits {
        let doc = docs.iter().find(|d| d.meta.slug == h.slug).unwrap();
        assert_eq!(h.region, doc.meta.region, "{query}: {} region", h.slug);
        let marked: String = h
            .snippet
            .iter()
            .filter(|f| f.hit)
            .map(|f| f.text.as_str())
            .collect();
        let in_title = terms
            .iter()
            .any(|q| normalize(&h.section_title).contains(q));
        assert!(
            in_title || terms.iter().any(|q| normalize(&marked).contains(q)),
            "{query}: {}#{} marks the match",
            h.slug,
            h.section_id
        );
    }
    assert!(
        hits.windows(2).all(|w| !w[0].editorial || w[1].editorial),
        "{query}: clauses before editorial notes: {:?}",
        keys(&hits)
    );
    hits
}

#[test]
fn real_library_cases() {
    let (docs, index) = real();
    for c in REAL_CASES {
        let hits = check_hits(&docs, &index, c.query, filter(c.region));
        let got = keys(&hits);
        assert_eq!(
            got.first().map(String::as_str),
            Some(c.first),
            "{}: {got:?}",
            c.name
        );
        for want in c.includes {
            assert!(
                got.iter()
                    .any(|k| k == want || k.split('#').next() == Some(*want)),
                "{}: {want} in {got:?}",
                c.name
            );
        }
        if let Some(r) = filter(c.region) {
            assert!(
                hits.iter().all(|h| r.covers(&h.region)),
                "{}: only {}",
                c.name,
                r.label
            );
        }
    }
}

#[test]
fn every_suggestion_chip_finds_something() {
    let (docs, index) = real();
    assert!(!SUGGESTIONS.is_empty());
    for q in SUGGESTIONS {
        let hits = check_hits(&docs, &index, q, None);
        assert!(!hits.is_empty(), "the chip {q} finds nothing");
        assert!(
            !hits[0].editorial,
            "the chip {q} shows an editorial note first"
        );
    }
}

#[test]
fn a_related_word_finds_what_the_word_said_does_not() {
    use policy_content::search::{related_words, RELATED_WORDS};
    let (docs, index) = real();
    let keys = |q: &str| -> Vec<String> {
        check_hits(&docs, &index, q, None)
            .into_iter()
            .filter(|h| !h.editorial)
            .map(|h| format!("{}#{}", h.slug, h.section_id))
            .collect()
    };
    for (said, written) in RELATED_WORDS {
        let found = keys(said);
        assert!(
            keys(written).iter().any(|k| !found.contains(k)),
            "{written} finds nothing {said} does not: no need to offer it"
        );
    }
    assert_eq!(
        related_words("门诊慢病"),
        Some(("慢病".into(), "慢特病".into(), "门诊慢特病".into()))
    );
    assert_eq!(related_words("大病保险"), None);
    // The benefit a resident asking about 慢病 is after: 会卫计发〔2018〕203号 三（一）.
    let opens = |q: &str, at: &str| {
        check_hits(&docs, &index, q, None)
            .iter()
            .any(|h| format!("{}#{}", h.slug, h.anchor) == at)
    };
    assert!(!opens("慢病", "huining-203#s3-1") && opens("慢特病", "huining-203#s3-1"));
}

#[test]
fn an_everyday_word_finds_nothing_and_the_documents_word_for_it_finds_something() {
    use policy_content::search::{in_documents_words, EVERYDAY_WORDS};
    let (docs, index) = real();
    for (said, written) in EVERYDAY_WORDS
        .iter()
        .chain(policy_content::search::MISTYPED)
    {
        assert!(
            !in_documents_text(&check_hits(&docs, &index, said, None)),
            "{said} finds something in the documents' text: no need to offer {written}"
        );
        assert!(
            in_documents_text(&check_hits(&docs, &index, written, None)),
            "{written}, offered for {said}, finds nothing"
        );
    }
    // Mistyped, put right where the word stands: what is left of the query is kept.
    assert_eq!(
        in_documents_words("住院抱销"),
        Some(("抱销".into(), "报销".into(), "住院报销".into()))
    );
    assert_eq!(
        in_documents_words("五保户 住院"),
        Some(("五保户".into(), "特困供养".into(), "特困供养 住院".into()))
    );
    assert_eq!(in_documents_words("大病保险"), None);
    // What residents typed and found nothing for: the offer finds something.
    for q in [
        "看病不要押金",
        "先看病后付钱",
        "先看病",
        "不交押金",
        "五保户住院",
        // A resident's audit, 2026-12-05: each had found nothing and been offered nothing.
        "看病要先交钱吗",
        "生孩子能报销吗",
        "在外地打工生病了怎么报",
        // The next audit: a word typed across two terms, and words the documents say otherwise.
        "先看病 后付钱",
        "不用交押金",
        "住院不交钱",
        "异地就医",
        "医保卡",
        // Mistyped (a resident's audit, 2026-12-06).
        "住院抱销",
        "建挡立卡",
        "大病保验",
        "白内章",
        // Amounts and rates in words; the documents write digits.
        "三千元",
        "医疗救助三千元",
        "百分之八十五",
        "两千元",
        "五千元",
        // A helper's audit: 万 as the documents write it (3万元), 多 and 元钱 left out.
        "三万元",
        "三千多元",
        "三千元钱",
        // The next: digits with a spoken unit.
        "3000块",
        "医疗救助3000块钱",
    ] {
        let (_, _, instead) =
            in_documents_words(q).unwrap_or_else(|| panic!("{q}: nothing offered"));
        assert!(
            in_documents_text(&check_hits(&docs, &index, &instead, None)),
            "{q}: the offer {instead} finds nothing"
        );
    }
}

#[test]
fn a_question_typed_as_one_run_of_words_is_offered_its_pieces_and_they_find_something() {
    use policy_content::search::split_words;
    use std::future::Future;
    use std::pin::pin;
    use std::task::{Context, Poll, Waker};
    let (docs, index) = real();
    let finds =
        |q: String| std::future::ready(in_documents_text(&check_hits(&docs, &index, &q, None)));
    let split = |q: &str| {
        let mut fut = pin!(split_words(q, finds));
        match fut.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
            Poll::Ready(out) => out,
            Poll::Pending => unreachable!("the native search answers at once"),
        }
    };
    // What residents typed, each finding nothing as written, each offered words that find something.
    for (q, want) in [
        ("贫困户住院", "贫困户 住院"),
        ("贫困户看病报销", "贫困户 看病 报销"),
        ("贫困户住院要交押金吗", "贫困户 住院 押金"),
        ("贫困人口住院报销", "贫困人口住院 报销"),
        ("家庭医生签约免费吗", "家庭医生签约 免费"),
        ("大病保险起付线多少", "大病保险起付线"),
        ("大病保险怎么报", "大病保险"),
        // 多少 is a question word, not a word of the documents: 住院 stays (报销多少 had been offered 报销
        // alone, which dropped 住院).
        ("住院报销多少", "住院报销"),
        ("医疗救助兜底3000", "医疗救助兜底 3000"),
    ] {
        assert!(
            !in_documents_text(&check_hits(&docs, &index, q, None)),
            "{q} finds something as written"
        );
        let offer = split(q);
        assert_eq!(offer.as_deref(), Some(want), "{q}");
        assert!(
            in_documents_text(&check_hits(&docs, &index, want, None)),
            "{q}: {want} finds nothing"
        );
    }
    // Nothing offered for words the documents do not write.
    assert_eq!(split("外星人飞船"), None);
    // Nor for words they write only across a list number: 一年最多救助多少钱 had been offered 一年 救助, whose
    // one hit was "（一）年度专项工作任务未完成" (officials' accountability). 一年 救助 finds the editors'
    // summaries alone (一年里自己负担超过3000元的部分由民政部门用医疗救助兜底).
    let year = check_hits(&docs, &index, "一年 救助", None);
    assert!(
        !year.is_empty() && year.iter().all(|h| h.section_id == "summary"),
        "{:?}",
        keys(&year)
    );
    assert_eq!(split("一年最多救助多少钱"), None);
    // A list number is still searched as itself: （5）落实 is 眉山's （5）, not any bracketed 落实.
    let hits = check_hits(&docs, &index, "（5）落实", None);
    assert_eq!(
        (hits.len(), hits[0].anchor.as_str()),
        (1, "s3-1-2-5"),
        "{:?}",
        keys(&hits)
    );
}

#[test]
fn clauses_rank_above_editorial_notes() {
    let (docs, index) = real();
    for q in ["3000", "3000元", "大病保险", "85%", "甘卫发〔2018〕165号"] {
        let hits = check_hits(&docs, &index, q, None);
        assert!(!hits[0].editorial, "{q}");
    }
    // The case the issue names: 3000 is also in editorial notes, and they come last.
    let hits = index.search("3000", usize::MAX);
    let editorial: Vec<String> = hits
        .iter()
        .filter(|h| h.editorial)
        .map(|h| format!("{}#{}", h.slug, h.section_id))
        .collect();
    assert!(!editorial.is_empty(), "3000 is quoted in some 编者注");
    assert!(editorial
        .iter()
        .all(|k| k.contains("#ed") || k.ends_with("#editorial") || k.ends_with("#summary")));
    // Editorial sections are exactly the 编者注 and its subsections.
    for d in &docs {
        for (s, editorial) in d.sections.iter().zip(d.editorial_sections()) {
            let by_id = s.id == "editorial" || s.id.starts_with("ed-");
            assert_eq!(editorial, by_id, "{}#{}", d.meta.slug, s.id);
        }
    }
}

#[test]
fn hits_say_whose_region_they_are() {
    let (docs, index) = real();
    let all = check_hits(&docs, &index, "贫困人口", None);
    let regions: BTreeSet<&str> = all.iter().map(|h| h.region.as_str()).collect();
    assert_eq!(
        regions,
        BTreeSet::from([
            "甘肃省",
            "甘肃省白银市会宁县",
            "山东省德州市",
            "四川省眉山市"
        ])
    );
    // Every filter keeps some document, every document is kept by some filter, and a filter keeps
    // exactly the hits of the documents it covers.
    for d in &docs {
        assert!(
            REGION_FILTERS.iter().any(|f| f.covers(&d.meta.region)),
            "{}: no filter",
            d.meta.slug
        );
    }
    for f in REGION_FILTERS {
        assert_eq!(RegionFilter::by_key(f.key), Some(f));
        let hits = check_hits(&docs, &index, "贫困人口", Some(f));
        assert!(!hits.is_empty(), "{}", f.label);
        let want: Vec<String> = all
            .iter()
            .filter(|h| f.covers(&h.region))
            .map(|h| format!("{}#{}", h.slug, h.section_id))
            .collect();
        assert_eq!(keys(&hits), want, "{}", f.label);
    }
    let slugs = |key: &str| -> BTreeSet<String> {
        check_hits(&docs, &index, "贫困人口", filter(key))
            .into_iter()
            .map(|h| h.slug)
            .collect()
    };
    for (key, want) in [
        ("huining", &["huining-203", "huining-83"][..]),
        ("gansu", &["gansu-165", "huining-203", "huining-83"]),
        ("dezhou", &["dezhou-20"]),
        ("meishan", &["meishan-137"]),
    ] {
        let want: BTreeSet<String> = want.iter().map(|s| s.to_string()).collect();
        assert_eq!(slugs(key), want, "{key}");
    }
}

/// The most `data/search.json` may weigh (phones download it): about 10% above its 407 KB of
/// 2026-12 (414 KB before punctuation was dropped from the bigrams).
const INDEX_BUDGET: usize = 450_000;

#[test]
fn the_index_stores_region_per_document_not_per_section() {
    let (docs, index) = real();
    let json = serde_json::to_string(&index).unwrap();
    assert!(
        json.len() <= INDEX_BUDGET,
        "data/search.json is {} bytes, over the budget of {INDEX_BUDGET}",
        json.len()
    );
    let editorial = index.sections.iter().filter(|s| s.editorial).count();
    assert_eq!(json.matches(r#","e":true}"#).count(), editorial);
    assert!(editorial < index.sections.len() / 2);
    for d in &docs {
        let quoted = format!("\"{}\"", d.meta.region);
        let per_doc = docs
            .iter()
            .filter(|o| o.meta.region == d.meta.region)
            .count();
        assert_eq!(json.matches(&quoted).count(), per_doc, "{}", d.meta.region);
    }
}

/// The text the element with `id` begins in a document's HTML, normalized: from it up to the next
/// element with an id (a clause's `<p>` and the paragraphs of its body after it, a table row).
fn run_text(html: &str, id: &str) -> String {
    let at = html.find(&format!(" id=\"{id}\"")).expect(id);
    let open = html[..at].rfind('<').unwrap();
    let end = html[at + 1..]
        .find(" id=\"")
        .map_or(html.len(), |e| at + 1 + e);
    let mut text = String::new();
    let mut inside = false;
    for c in html[open..end].chars() {
        match c {
            '<' => inside = true,
            '>' => inside = false,
            c if !inside => text.push(c),
            _ => {}
        }
    }
    normalize(&text)
}

/// A hit opens the innermost element with an id that holds its first match. In the real library, for
/// the queries people type: a clause (with the paragraphs of its body up to the next id) or a table row
/// that holds a term on the page, or the section's heading when its first match is before any clause or
/// row (or in the title alone).
#[test]
fn hits_open_the_element_that_holds_their_first_match() {
    let (docs, index) = real();
    let mut inner = 0;
    for q in [
        "一站式",
        "大病保险",
        "3000元",
        "85%",
        "先诊疗后付费",
        "医",
        "家庭医生 签约",
    ] {
        let terms: Vec<String> = q.split_whitespace().map(normalize).collect();
        for h in index.search(q, usize::MAX) {
            let doc = docs.iter().find(|d| d.meta.slug == h.slug).unwrap();
            let at = format!("{q}: {}#{}", h.slug, h.anchor);
            // The editors' summary is the page's own, above the document's body.
            let summary = h.anchor == policy_content::model::SUMMARY_ID;
            assert!(summary || doc.has_anchor(&h.anchor), "{at} is on the page");
            if h.anchor != h.section_id {
                let text = run_text(&doc.html, &h.anchor);
                assert!(
                    terms.iter().any(|t| text.contains(t)),
                    "{at} holds the words: {text}"
                );
                inner += 1;
                continue;
            }
            let entry = index
                .sections
                .iter()
                .find(|e| index.docs[e.doc as usize].slug == h.slug && e.id == h.section_id)
                .unwrap();
            let text = normalize(&entry.text);
            let before = entry.clauses.first().map_or(text.len(), |c| {
                text.char_indices()
                    .nth(c.0 as usize)
                    .map_or(text.len(), |(b, _)| b)
            });
            assert!(
                terms.iter().all(|t| !text.contains(t.as_str()))
                    || terms.iter().any(|t| text[..before].contains(t.as_str())),
                "{at}: the heading opens only a match before the first clause"
            );
        }
    }
    assert!(inner > 20, "most hits open a clause or a row: {inner}");
}

/// A place named among a question's words is its region: 德州 先诊疗后付费 finds 德州's own clause (as
/// text, 德州 had to stand in the same passage and nothing was found), 眉山 十免 opens 眉山's 十免 clause.
#[test]
fn a_place_among_the_words_searches_that_regions_documents() {
    use policy_content::search::place_in_query;
    let (docs, index) = real();
    for (query, doc, anchor) in [
        ("德州 先诊疗后付费", "dezhou-20", None),
        ("眉山 十免", "meishan-137", Some("s3-1-2-5")),
        ("会宁 押金", "huining-83", None),
    ] {
        let (filter, rest) = place_in_query(query).expect(query);
        let hits = check_hits(&docs, &index, &rest, Some(filter));
        assert!(!hits.is_empty(), "{query}");
        assert!(
            hits.iter().all(|h| h.slug == doc),
            "{query}: {:?}",
            keys(&hits)
        );
        if let Some(a) = anchor {
            assert_eq!(hits[0].anchor, a, "{query}");
        }
    }
}

/// A hit for several words opens, and shows, where they stand together: when a clause or row of its
/// section holds every word, the element it opens holds them all and its snippet marks each (住院 报销 had
/// opened 眉山's first 住院, in a clause without 报销).
#[test]
fn several_words_open_the_clause_that_holds_them_all() {
    let (docs, index) = real();
    let mut together = 0;
    for q in [
        "住院 报销",
        "医疗救助 3000元",
        "大病 起付线",
        "贫困人口 门诊",
        "家庭医生 签约",
        "先诊疗后付费 押金",
    ] {
        let terms: Vec<String> = q.split_whitespace().map(normalize).collect();
        for h in index.search(q, usize::MAX) {
            let doc = docs.iter().find(|d| d.meta.slug == h.slug).unwrap();
            let entry = index
                .sections
                .iter()
                .find(|e| index.docs[e.doc as usize].slug == h.slug && e.id == h.section_id)
                .unwrap();
            let holds_all = |id: &str| {
                let text = run_text(&doc.html, id);
                terms.iter().all(|t| text.contains(t.as_str()))
            };
            if !entry.clauses.iter().any(|(_, id)| holds_all(id)) {
                continue;
            }
            let at = format!("{q}: {}#{}", h.slug, h.anchor);
            assert!(holds_all(&h.anchor), "{at} holds every word");
            let marked: Vec<String> = h
                .snippet
                .iter()
                .filter(|f| f.hit)
                .map(|f| normalize(&f.text))
                .collect();
            let marked = marked.concat();
            assert!(
                terms.iter().all(|t| marked.contains(t.as_str())),
                "{at}: the snippet marks every word: {marked}"
            );
            together += 1;
        }
    }
    assert!(together > 15, "the cases have such hits: {together}");
}

/// A section is one hit, opening the clause where the terms stand closest; the section's other clauses
/// that hold every term are listed with it (眉山 三（一）: 2（5）, 免费开展贫困人口白内障复明手术项目, had been
/// left unseen under 2（4）, a trainer's audit).
#[test]
fn a_hit_lists_the_sections_other_clauses_that_hold_its_terms() {
    let (_, index) = real();
    let hits = index.search("白内障", 100);
    let hit = hits
        .iter()
        .find(|h| h.slug == "meishan-137" && h.anchor.starts_with("s3-1-2-"))
        .expect("a 眉山 clause");
    let mut all: Vec<&str> = std::iter::once(hit.anchor.as_str())
        .chain(hit.more.iter().map(|(id, _)| id.as_str()))
        .collect();
    all.sort();
    assert_eq!(all, ["s3-1-2-4", "s3-1-2-5"], "{hit:?}");
    assert!(hit.more.iter().all(|(id, label)| *label
        == policy_content::citation::clause_label(id)
        && label.starts_with("三（一）2（")));
    // Every term in each listed clause; none listed where a term is in another clause only.
    let both = index.search("白内障 公示", 100);
    assert!(both.iter().all(|h| h.more.is_empty()), "{both:?}");
    // A hit with its terms in one clause only lists none.
    let one = index.search("复明手术", 100);
    assert!(one.iter().all(|h| h.more.is_empty()), "{one:?}");
}
