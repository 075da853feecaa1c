//! The index in pieces answers exactly as the whole index does: on the real library (`content/docs`),
//! for the queries people type (the suggestion chips, amounts, one character, a 文号, digits with
//! Chinese, punctuation, several terms), with and without a region filter, page by page; and a query
//! reads only the pieces it needs.

use std::path::Path;

use policy_content::library::load_library;
use policy_content::search::{Hit, RegionFilter, SearchIndex, REGION_FILTERS, SUGGESTIONS};
use policy_content::shards::{Library, Page, Pieces, Plan, Step};

fn real() -> (SearchIndex, Pieces) {
    let docs = load_library(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/docs"))
        .unwrap_or_else(|e| panic!("the library renders: {e}"));
    let index = SearchIndex::build(&docs);
    let pieces = Pieces::split(&index);
    (index, pieces)
}

/// Runs a search to its page as the browser does, fetching pieces from `pieces`; counts the pieces.
fn run(
    lib: &mut Library,
    pieces: &Pieces,
    q: &str,
    r: Option<&'static RegionFilter>,
    want: usize,
) -> (Page, usize) {
    let plan = Plan::new(q);
    let mut fetched = 0;
    loop {
        match lib.step(&plan, r, want) {
            Step::Grams(ks) => {
                for k in ks {
                    lib.add_grams(k, &pieces.gram_shards[k as usize]).unwrap();
                    fetched += 1;
                }
            }
            Step::Texts(ks) => {
                for k in ks {
                    lib.add_texts(k, &pieces.text_shards[k as usize]).unwrap();
                    fetched += 1;
                }
            }
            Step::Region(f) => {
                let (_, bytes) = pieces.regions.iter().find(|(k, _)| *k == f.key).unwrap();
                lib.add_region(f, bytes).unwrap();
                fetched += 1;
            }
            Step::Done(page) => return (page, fetched),
        }
    }
}

fn keys(hits: &[Hit]) -> Vec<String> {
    hits.iter()
        .map(|h| format!("{}#{}:{}", h.slug, h.section_id, h.score))
        .collect()
}

const QUERIES: &[&str] = &[
    "3000元",
    "大病保险",
    "先诊疗",
    "先诊疗后付费",
    "“先诊疗，后付费”",
    "医",
    "费",
    "县委办发〔2018〕83号",
    "甘卫发[2018]165号",
    "85%",
    "7类11种",
    "2018年",
    "体检",
    "家庭医生 签约",
    "大病 兜底",
    "住院 3000",
    "没有这个词语",
    "、",
];

#[test]
fn pieces_answer_as_the_whole_index() {
    let (index, pieces) = real();
    let regions = std::iter::once(None).chain(REGION_FILTERS.iter().map(Some));
    let mut lib = Library::new(pieces.manifest.clone());
    for r in regions {
        for q in QUERIES.iter().chain(SUGGESTIONS) {
            let whole = index.search_in(q, r, usize::MAX);
            let everywhere = index.search(q, usize::MAX).len();
            for want in [5, 20, 50] {
                let (page, _) = run(&mut lib, &pieces, q, r, want);
                let top: Vec<Hit> = whole.iter().take(want).cloned().collect();
                assert_eq!(keys(&page.hits), keys(&top), "{q} {r:?} top {want}");
                assert_eq!(page.hits, top, "{q} {r:?} snippets");
                assert!(
                    page.found <= whole.len() && whole.len() <= page.at_most,
                    "{q}: count"
                );
                assert_eq!(page.more, page.at_most > page.hits.len(), "{q}");
                if page.exact() {
                    assert_eq!(page.found, whole.len(), "{q}");
                }
                if r.is_some() {
                    assert!(page.elsewhere >= everywhere - whole.len(), "{q} elsewhere");
                    if page.elsewhere_exact {
                        assert_eq!(page.elsewhere, everywhere - whole.len(), "{q} elsewhere");
                    }
                }
            }
        }
    }
}

#[test]
fn one_and_two_character_queries_count_exactly_without_reading_every_text() {
    let (index, pieces) = real();
    for q in ["医", "体检", "大病 医"] {
        let mut lib = Library::new(pieces.manifest.clone());
        let (page, fetched) = run(&mut lib, &pieces, q, None, 5);
        assert!(page.exact(), "{q}");
        assert_eq!(page.found, index.search(q, usize::MAX).len(), "{q}");
        assert!(fetched <= 2 + 5, "{q}: {fetched} pieces");
    }
}

#[test]
fn a_query_reads_a_few_pieces_and_the_next_query_reuses_them() {
    let (_, pieces) = real();
    let mut lib = Library::new(pieces.manifest.clone());
    let (page, first) = run(&mut lib, &pieces, "大病保险", None, 20);
    assert_eq!(page.hits.len(), 20);
    assert!(first <= 3 + 20, "{first} pieces");
    let (_, again) = run(&mut lib, &pieces, "大病保险", None, 20);
    assert_eq!(again, 0, "all in memory");
    let total = pieces.gram_shards.len() + pieces.text_shards.len();
    assert!(2 * first < total, "{total} pieces in all, {first} read");
}
