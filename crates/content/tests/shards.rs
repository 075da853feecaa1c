//! The index in pieces answers exactly as the whole index does: on the real library (`content/docs`),
//! for the queries people type (the suggestion chips, amounts, one character, a 文号, digits with
//! Chinese, punctuation, several terms), with and without a region filter, page by page; and a query
//! reads only the pieces it needs.

use std::path::Path;

use policy_content::library::load_library;
use policy_content::search::{Hit, RegionFilter, SearchIndex, Tier, REGION_FILTERS, SUGGESTIONS};
use policy_content::shards::{Library, Page, Piece, Pieces, Plan, Step};

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
    let (page, asked) = pieces.search(lib, q, r, want).unwrap();
    (page, asked.len())
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
    "会宁县人民政府办公室",
    "实现家庭医生签约服务全覆盖",
    "依托市医学会等专业组织成立市重大",
    "落实“送医上门”",
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
fn queries_of_one_to_three_characters_count_exactly_without_reading_every_text() {
    let (index, pieces) = real();
    for q in ["医", "体检", "大病 医", "先诊疗", "住院 报销"] {
        let mut lib = Library::new(pieces.manifest.clone());
        let (page, fetched) = run(&mut lib, &pieces, q, None, 5);
        assert!(page.exact(), "{q}");
        assert_eq!(page.found, index.search(q, usize::MAX).len(), "{q}");
        assert!(fetched <= 2 + 5, "{q}: {fetched} pieces");
    }
}

/// The long sections' hits of an exact query are read from a part of their text, not the whole: the
/// library has long sections, "医"'s best hits are among them, and the page reads part shards for them.
#[test]
fn long_sections_hits_read_one_part() {
    let (index, pieces) = real();
    let m = &pieces.manifest;
    assert!(
        m.long_from[0] < m.tier_from[0],
        "the real library has long sections"
    );
    let mut lib = Library::new(m.clone());
    let plan = Plan::new("医");
    let files = pieces.files();
    let mut parts = 0;
    let page = loop {
        match lib.step(&plan, None, 10) {
            Step::Fetch(pieces) => {
                for piece in pieces {
                    parts += usize::from(matches!(piece, Piece::Part(_)));
                    let (_, bytes) = files.iter().find(|(f, _)| *f == piece).unwrap();
                    lib.add(&piece, bytes).unwrap();
                }
            }
            Step::Done(page) => break page,
        }
    };
    assert!(parts > 0, "part shards read");
    assert_eq!(page.hits, index.search("医", 10));
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
    let total = pieces.files().len();
    assert!(2 * first < total, "{total} pieces in all, {first} read");
}

/// Offline, where 保存全部内容 left the part shards out: the search does without them and reads whole
/// texts, with the same answers.
#[test]
fn without_the_parts_the_answers_are_the_same() {
    let (index, pieces) = real();
    let files = pieces.files();
    let mut lib = Library::new(pieces.manifest.clone());
    for q in ["医", "大病 医", "先诊疗", "3000元"] {
        let plan = Plan::new(q);
        let page = loop {
            match lib.step(&plan, None, 10) {
                Step::Fetch(pieces) => {
                    for piece in pieces {
                        if matches!(piece, Piece::Part(_)) {
                            assert!(
                                lib.do_without(&piece),
                                "{piece:?}: a part can be done without"
                            );
                            continue;
                        }
                        assert!(!lib.do_without(&piece), "{piece:?} is needed");
                        let (_, bytes) = files.iter().find(|(f, _)| *f == piece).unwrap();
                        lib.add(&piece, bytes).unwrap();
                    }
                }
                Step::Done(page) => break page,
            }
        };
        assert_eq!(page.hits, index.search(q, 10), "{q}");
    }
}

/// A library of one document with `sections` (title, text) in order.
fn library_of(sections: &[(&str, String)]) -> SearchIndex {
    let mut index = SearchIndex::default();
    let doc = index.add_doc("a", "甲", "乙", "甘肃省");
    for (i, (title, text)) in sections.iter().enumerate() {
        index.add_section(doc, &format!("s{}", i + 1), title, text, &[], Tier::Prose);
    }
    index
}

/// Runs `q` on a fresh page over `pieces`, showing `want` hits: the page and each round's pieces.
fn rounds(pieces: &Pieces, q: &str, want: usize) -> (Page, Vec<Vec<Piece>>) {
    let mut lib = Library::new(pieces.manifest.clone());
    let files = pieces.files();
    let plan = Plan::new(q);
    let mut rounds = Vec::new();
    loop {
        match lib.step(&plan, None, want) {
            Step::Fetch(round) => {
                for piece in &round {
                    let (_, bytes) = files.iter().find(|(f, _)| f == piece).unwrap();
                    lib.add(piece, bytes).unwrap();
                }
                rounds.push(round);
            }
            Step::Done(page) => return (page, rounds),
        }
    }
}

/// The text pieces (whole texts) among `rounds`.
fn texts(rounds: &[Vec<Piece>]) -> usize {
    rounds
        .iter()
        .flatten()
        .filter(|p| matches!(p, Piece::Text(_)))
        .count()
}

/// Filler that makes a section fill a text shard of its own (short of a long text).
fn filler() -> String {
    "的".repeat(1100)
}

/// A longer term is looked up by trigrams; a section that holds them apart (not lined up as in the term)
/// is ruled out by the postings' position masks before its text is read. Each section here fills a text
/// shard of its own, so the text pieces read are the sections read.
#[test]
fn trigrams_apart_rule_a_section_out_before_its_text_is_read() {
    for (query, holds, apart) in [
        ("3000元", "门诊费用超过3000元的部分", "补助300元，共1000人"),
        (
            "县委办发〔2018〕83号",
            "根据县委办发〔2018〕83号文件",
            "县委办发〔2018〕88号，第83号",
        ),
        ("先诊疗后付费", "实行先诊疗后付费", "先诊疗，出院时再后付费"),
    ] {
        let index = library_of(&[
            ("一", format!("{apart}{}", filler())),
            ("一", format!("{holds}{}", filler())),
        ]);
        let pieces = Pieces::split(&index);
        assert_eq!(pieces.text_shards.len(), 2, "{query}: a shard each");
        let (page, rounds) = rounds(&pieces, query, 10);
        let found: Vec<&str> = page.hits.iter().map(|h| h.section_id.as_str()).collect();
        assert_eq!(found, ["s2"], "{query}");
        assert_eq!(
            (page.found, page.at_most),
            (1, 1),
            "{query}: counted exactly"
        );
        assert_eq!(
            texts(&rounds),
            1,
            "{query}: only the section that holds it is read"
        );
    }
}

/// A longer term occurs at most as often as its trigrams line up: a section that holds it once, and its
/// trigrams again elsewhere (not lined up), is not read for a page of the one best hit when a section
/// that holds it twice ranks first. (The fewest occurrences of any trigram, 2 in both, would have read
/// the shorter one first.)
#[test]
fn trigrams_elsewhere_in_a_section_do_not_count_as_the_term() {
    let term = "会宁县人民政府办公室";
    // 会宁县 and 人民政 again at 12 and 15, 府办公 and 办公室 again at 26 and 27: lined up as in the term
    // at 12 mod 8 = 4 for the first two only.
    let once = format!("{term}，，会宁县人民政协，，，，，县政府办公室{}", filler());
    let twice = format!("{term}，{term}{}{}", filler(), "的".repeat(16));
    let index = library_of(&[("一", once), ("一", twice)]);
    let pieces = Pieces::split(&index);
    let (page, rounds) = rounds(&pieces, term, 1);
    assert_eq!(page.hits, index.search(term, 1));
    assert_eq!(page.hits[0].section_id, "s2");
    assert_eq!(
        texts(&rounds),
        1,
        "only the section that holds it twice is read"
    );
}

/// In a long text, a trigram of the term that occurs once pins where the term can be: one part of the
/// text decides (whether the section holds it, how often, its snippet), and the whole text is not read.
#[test]
fn a_part_of_a_long_text_decides_where_a_trigram_pins_the_term() {
    let long = |at: usize, words: &str| {
        let mut text = "的".repeat(2000);
        text.replace_range(at * 3..(at * 3 + words.len()), words);
        text
    };
    let term = "依托市医学会等专业组织成立市重大";
    for (case, title, text, query) in [
        ("in the middle", "一", long(800, term), term),
        ("across two parts", "一", long(250, term), term),
        (
            "lined up but apart",
            "一",
            long(900, "先诊疗的的的的的的的的后付费"),
            "先诊疗后付费",
        ),
        ("in the title only", term, long(0, "的"), term),
    ] {
        let index = library_of(&[(title, text)]);
        let pieces = Pieces::split(&index);
        assert!(pieces.manifest.is_long(0), "{case}: a long text");
        let (page, rounds) = rounds(&pieces, query, 10);
        assert_eq!(page.hits, index.search(query, 10), "{case}");
        assert!(page.exact(), "{case}: counted exactly");
        assert_eq!(texts(&rounds), 0, "{case}: a part, not the whole text");
    }
}

/// The first round of texts asks for a page's worth; a later one only for about as many candidates as
/// the page still lacks hits (each may be one), not another page's worth.
#[test]
fn a_later_round_asks_for_the_hits_still_missing() {
    // Twenty sections of one length in order, each in a text shard of its own; three of the first ten
    // hold the trigrams lined up mod 8 but apart.
    let sections: Vec<(&str, String)> = (0..20)
        .map(|i| {
            let words = if [2, 5, 8].contains(&i) {
                "先诊疗的的的的的的的的后付费"
            } else {
                "先诊疗后付费的的的的的的的的"
            };
            ("一", format!("{words}{}", filler()))
        })
        .collect();
    let index = library_of(&sections);
    let pieces = Pieces::split(&index);
    let (page, rounds) = rounds(&pieces, "先诊疗后付费", 10);
    assert_eq!(page.hits, index.search("先诊疗后付费", 10));
    let sizes: Vec<usize> = rounds.iter().map(Vec::len).collect();
    // Postings; ten texts (seven hits); for the three missing, five.
    assert_eq!(sizes[1..], [10, 5], "{rounds:?}");
}

/// A name copied off paper opens what it names, before the hits: a clause's number (in every document
/// that has it, or in the one a 文号 before it names, as a poster's 出处 prints them), a table's, a 文号.
#[test]
fn names_open_what_they_name() {
    let (_, pieces) = real();
    let mut lib = Library::new(pieces.manifest.clone());
    let cases: &[(&str, Option<&str>, &[&str])] = &[
        (
            "会卫计发〔2018〕203号 三（一）",
            None,
            &["/docs/huining-203/#s3-1"],
        ),
        (
            "三（一） 会卫计发〔2018〕203号",
            None,
            &["/docs/huining-203/#s3-1"],
        ),
        ("会卫计发[2018]203号", None, &["/docs/huining-203/"]),
        ("甘卫发〔2018〕165号", None, &["/docs/gansu-165/"]),
        (
            "县委办发〔2018〕83号 附件5 三（一）11",
            None,
            &["/docs/huining-83/#a5-s3-1-11"],
        ),
        ("附件5 三(一)11", None, &["/docs/huining-83/#a5-s3-1-11"]),
        ("附表 3-4", None, &["/docs/huining-83/#t3-4"]),
        (
            "县委办发〔2018〕83号 附件4 附表",
            None,
            &["/docs/huining-83/#t4-1"],
        ),
        ("德卫办字〔2018〕20号 三（一）", Some("meishan"), &[]),
        // A 文号 shortened to its serial, as people write it.
        (
            "83号 附件5 三（一）11",
            None,
            &["/docs/huining-83/#a5-s3-1-11"],
        ),
        ("165号", None, &["/docs/gansu-165/"]),
        // Without its issuer, in brackets or without them.
        ("〔2018〕165号", None, &["/docs/gansu-165/"]),
        ("2018 83号", None, &["/docs/huining-83/"]),
        // Without its year, with 年 and 第, as people say a 文号.
        ("甘卫发165号", None, &["/docs/gansu-165/"]),
        ("会卫计发2018年第203号", None, &["/docs/huining-203/"]),
        ("县委办发165号", None, &[]),
        // A poster's 出处 copied whole, its lead word and its issuers and date too.
        (
            "出处：会卫计发〔2018〕203号 三（一）　会宁县卫生和计划生育局、会宁县人力资源和社会保障局 · 2018年6月20日",
            None,
            &["/docs/huining-203/#s3-1"],
        ),
        // After a 文号, a part's number alone, or a clause written otherwise.
        ("会卫计发〔2018〕203号 三", None, &["/docs/huining-203/#s3"]),
        ("会卫计发〔2018〕203号 第三条", None, &["/docs/huining-203/"]),
        // A 文号 with a clause it does not have: the document, saying so.
        (
            "会卫计发〔2018〕203号 九（九）",
            None,
            &["/docs/huining-203/"],
        ),
        ("大病保险", None, &[]),
        ("三", None, &[]),
    ];
    for (query, region, want) in cases {
        let region = region.and_then(RegionFilter::by_key);
        let (page, _) = run(&mut lib, &pieces, query, region, 10);
        let got: Vec<String> = page.named.iter().map(Hit::href).collect();
        assert_eq!(got, *want, "{query}");
    }
    // 三（一） alone: every document with a 三（一）, in library order, each opening it.
    let (page, _) = run(&mut lib, &pieces, "三（一）", None, 10);
    let got: Vec<String> = page.named.iter().map(Hit::href).collect();
    assert!(got.len() >= 3, "{got:?}");
    assert!(
        got.contains(&"/docs/huining-203/#s3-1".to_string()),
        "{got:?}"
    );
    for h in &page.named {
        assert!(h.section_title.ends_with("三（一）"), "{}", h.section_title);
        assert!(
            !h.snippet.is_empty() && h.snippet.iter().all(|f| !f.hit),
            "{h:?}"
        );
    }
    // What it opens begins as the clause does.
    let first = &page
        .named
        .iter()
        .find(|h| h.slug == "huining-203")
        .unwrap()
        .snippet[0]
        .text;
    assert!(first.starts_with("（一）提高基本医疗保障水平"), "{first}");
    let (page, _) = run(
        &mut lib,
        &pieces,
        "会卫计发〔2018〕203号 九（九）",
        None,
        10,
    );
    assert_eq!(
        page.named[0].section_title,
        "会卫计发〔2018〕203号 全文（文件里没有找到“九（九）”）"
    );
    // A document's answer says it opens the whole document.
    let (page, _) = run(&mut lib, &pieces, "甘卫发〔2018〕165号", None, 10);
    assert_eq!(page.named[0].section_title, "甘卫发〔2018〕165号 全文");
}
