//! Search over a small fixture library (`tests/fixtures/search/`), through the whole pipeline:
//! Markdown → sections → index → JSON → query.

use std::collections::BTreeSet;
use std::path::Path;

use policy_content::library::load_library;
use policy_content::search::{normalize, Hit, SearchIndex};

fn index() -> SearchIndex {
    let docs = load_library(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/search"))
        .expect("the search fixtures render");
    let index = SearchIndex::build(&docs);
    // The browser gets the index as JSON: search what it would get.
    serde_json::from_str(&serde_json::to_string(&index).unwrap()).unwrap()
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
        assert_eq!(h.href(), format!("/docs/{}/#{}", h.slug, h.section_id));
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
        ["alpha#s1", "alpha#s2", "alpha#top", "beta#t1", "beta#s1"],
        "the title match, then 2 occurrences, then 1 occurrence, shorter sections first"
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
