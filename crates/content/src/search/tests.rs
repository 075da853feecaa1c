//! The search index's behaviour on small made-up documents: matching, ranking, regions, snippets, JSON.
//! Compiled for tests only (`#[cfg(test)]` on its `mod` line in `search.rs`).

use super::*;

/// One document with sections `(id, title, text)`.
fn index(sections: &[(&str, &str, &str)]) -> SearchIndex {
    let mut idx = SearchIndex::default();
    let d = idx.add_doc("a", "甲", "甲发〔2018〕1号", "甘肃省");
    for (id, title, text) in sections {
        idx.add_section(
            d,
            id,
            title,
            text,
            &[],
            Tier::of(id.starts_with("ed"), false),
        );
    }
    idx
}

fn ids(hits: &[Hit]) -> Vec<&str> {
    hits.iter().map(|h| h.section_id.as_str()).collect()
}

/// The snippet with matches in [brackets].
fn marked(hit: &Hit) -> String {
    hit.snippet
        .iter()
        .map(|f| {
            if f.hit {
                format!("[{}]", f.text)
            } else {
                f.text.clone()
            }
        })
        .collect()
}

#[test]
fn normalizes_width_case_and_space() {
    for (raw, want) in [
        ("3000 元", "3000元"),
        ("３０００元", "3000元"),
        ("ＡＢｃ\u{3000}d", "abcd"),
        ("大病\n保险", "大病保险"),
        // A list number's brackets are a character no word holds (（一）年度 is not 一年), its numerals
        // kept; four digits in brackets are a year, letters a letter.
        ("（一）", "\u{e000}一\u{e000}"),
        ("（一）年度任务", "\u{e000}一\u{e000}年度任务"),
        ("(十二)人社局", "\u{e000}十二\u{e000}人社局"),
        ("（3）住院", "\u{e000}3\u{e000}住院"),
        ("（2018）年", "2018年"),
        ("(一二三四)", "一二三四"),
        ("“先诊疗、后付费”", "先诊疗后付费"),
        ("先诊疗，后付费；一站式。", "先诊疗后付费一站式"),
        ("《办法》【注】〔2018〕「甲」『乙』‘丙’", "办法注2018甲乙丙"),
        ("a,b.c;d:e!f?g\"h'i(j)k[l]m-n", "abcdefghijklmn"),
        ("！？：；（）［］－", ""),
        ("健康·扶贫——2018–2020…", "健康扶贫20182020"),
        ("7.5万，共3.", "7.5万共3"),
        ("７．５％", "7.5%"),
        ("12,000元", "12000元"),
        // A 文号's year and number stay two numbers, in any brackets (甘政发〔2018〕34号 is not 201834).
        ("眉卫发〔2016〕137号", "眉卫发2016\u{e001}137号"),
        ("[2016]78号", "2016\u{e001}78号"),
        ("(2018)83号", "2018\u{e001}83号"),
    ] {
        assert_eq!(normalize(raw), want, "{raw}");
    }
}

#[test]
fn ranks_title_then_count_then_shorter() {
    let idx = index(&[
        (
            "long",
            "其他",
            "大病保险。大病保险。这一节比较长，写了很多很多别的内容。",
        ),
        ("short", "其他", "大病保险。大病保险。"),
        ("once", "其他", "大病保险。"),
        ("title", "大病保险", "见下。"),
        ("none", "其他", "无关内容"),
    ]);
    assert_eq!(
        ids(&idx.search("大病保险", 10)),
        vec!["title", "short", "long", "once"]
    );
    assert_eq!(ids(&idx.search("大病保险", 2)), vec!["title", "short"]);
    // Lengths within one 8-character step tie, and ties keep document order.
    let idx = index(&[("b", "其他", "大病保险！"), ("a", "其他", "大病保险。。")]);
    assert_eq!(ids(&idx.search("大病保险", 10)), vec!["b", "a"]);
}

#[test]
fn finds_normalized_forms() {
    let idx = index(&[
        ("s1", "总则", "超过 3000 元的部分由医疗救助解决。"),
        ("s2", "限额", "年度限额３０００元。"),
        ("s3", "其他", "3000人"),
    ]);
    for q in ["3000元", "３０００元", "3000 元 ", "３０００ 元"] {
        assert_eq!(ids(&idx.search(q, 10)), vec!["s2", "s1"], "{q}");
    }
    assert!(idx.search("大病保险", 10).is_empty());
    assert!(idx.search("   ", 10).is_empty());
    assert!(idx.search("", 10).is_empty());
}

#[test]
fn punctuation_is_ignored_and_the_snippet_marks_across_it() {
    let idx = index(&[
        ("s1", "其他", "实行“先诊疗、后付费”和“一站式”结算。"),
        ("s2", "先诊疗，后付费", "见上。"),
        ("s3", "其他", "先诊疗后付费。"),
        ("s4", "其他", "比例7.5%，共75人。"),
    ]);
    for q in [
        "先诊疗后付费",
        "先诊疗、后付费",
        "“先诊疗，后付费”",
        "先诊疗 后付费",
    ] {
        assert_eq!(ids(&idx.search(q, 10)), vec!["s2", "s3", "s1"], "{q}");
    }
    let hits = idx.search("先诊疗后付费", 10);
    assert_eq!(marked(&hits[2]), "实行“[先诊疗、后付费]”和“一站式”结算。");
    assert_eq!(
        marked(&idx.search("一站式结算", 10)[0]),
        "实行“先诊疗、后付费”和“[一站式”结算]。"
    );
    assert_eq!(ids(&idx.search("7.5%", 10)), vec!["s4"]);
    assert_eq!(marked(&idx.search("75", 10)[0]), "比例7.5%，共[75]人。");
    assert!(idx.search("、", 10).is_empty());
    assert!(idx.search("“ ”", 10).is_empty());
}

#[test]
fn editorial_notes_rank_below_the_text() {
    let idx = index(&[
        ("s1", "其他", "3000元。"),
        ("ed-notes", "3000元", "3000元，3000元，3000元。"),
        ("s2", "其他", "3000元，3000元。"),
    ]);
    let hits = idx.search("3000", 10);
    assert_eq!(ids(&hits), vec!["s2", "s1", "ed-notes"]);
    assert_eq!(
        hits.iter().map(|h| h.editorial).collect::<Vec<_>>(),
        [false, false, true]
    );
}

#[test]
fn region_filters_keep_their_documents() {
    let mut idx = SearchIndex::default();
    for (slug, region) in [
        ("g", "甘肃省"),
        ("h", "甘肃省白银市会宁县"),
        ("d", "山东省德州市"),
        ("m", "四川省眉山市"),
    ] {
        let d = idx.add_doc(slug, slug, "甲发〔2018〕1号", region);
        idx.add_section(d, "s1", "其他", "体检", &[], Tier::Prose);
    }
    let slugs = |r: Option<&RegionFilter>| -> Vec<String> {
        idx.search_in("体检", r, 10)
            .into_iter()
            .map(|h| format!("{}:{}", h.slug, h.region))
            .collect()
    };
    assert_eq!(
        slugs(None),
        [
            "g:甘肃省",
            "h:甘肃省白银市会宁县",
            "d:山东省德州市",
            "m:四川省眉山市"
        ]
    );
    for (key, want) in [
        ("huining", &["h:甘肃省白银市会宁县"][..]),
        ("gansu", &["g:甘肃省", "h:甘肃省白银市会宁县"]),
        ("dezhou", &["d:山东省德州市"]),
        ("meishan", &["m:四川省眉山市"]),
    ] {
        let f = RegionFilter::by_key(key).unwrap();
        assert_eq!(slugs(Some(f)), want, "{key}");
    }
    assert_eq!(RegionFilter::by_key(""), None);
    assert_eq!(RegionFilter::by_key("beijing"), None);
}

#[test]
fn terms_are_anded_and_single_characters_scan() {
    let idx = index(&[
        ("s1", "甲", "先诊疗后付费，一站式结算"),
        ("s2", "乙", "先诊疗后付费"),
        ("s3", "一站式", "结算"),
    ]);
    assert_eq!(ids(&idx.search("先诊疗 一站式", 10)), vec!["s1"]);
    assert_eq!(ids(&idx.search("结算 一站式", 10)), vec!["s3", "s1"]);
    assert_eq!(ids(&idx.search("费", 10)), vec!["s2", "s1"]);
    assert_eq!(ids(&idx.search("乙", 10)), vec!["s2"]);
    assert!(idx.search("先诊疗 住院", 10).is_empty());
}

#[test]
fn snippets_mark_the_text_as_written() {
    let ten = "一二三四五六七八九十";
    let long = format!("{}大病保险{}", ten.repeat(3), ten.repeat(6));
    let idx = index(&[
        (
            "s1",
            "总则",
            "前文。超过 3000 元的部分由医疗救助解决，3000元以下自付。",
        ),
        ("s2", "长", &long),
        ("s3", "大病保险", "只在标题。"),
    ]);
    let hits = idx.search("3000元", 10);
    assert_eq!(
        marked(&hits[0]),
        "前文。超过 [3000 元]的部分由医疗救助解决，[3000元]以下自付。"
    );
    let hits = idx.search("大病保险", 10);
    assert_eq!(ids(&hits), vec!["s3", "s2"]);
    assert_eq!(marked(&hits[0]), "只在标题。");
    assert_eq!(
        marked(&hits[1]),
        format!("…{0}{0}[大病保险]{0}{0}{0}一二三四五六…", ten)
    );
    // Overlapping matches of two terms are marked as one (not two numbers: 3000 000元 is one number now).
    let hits = idx.search("部分由医疗 医疗救助", 10);
    assert_eq!(
        marked(&hits[0]),
        "前文。超过 3000 元的[部分由医疗救助]解决，3000元以下自付。"
    );
}

#[test]
fn hits_link_to_the_section() {
    let idx = index(&[("s2-1", "总则", "大病保险")]);
    let hit = &idx.search("大病", 5)[0];
    assert_eq!(hit.href(), "/docs/a/#s2-1");
    assert_eq!(
        (hit.doc_title.as_str(), hit.doc_number.as_str()),
        ("甲", "甲发〔2018〕1号")
    );
}

#[test]
fn the_closest_stretch_holds_every_term_that_occurs() {
    // name / each term's occurrences (start, end) / the stretch (the text has no runs)
    type Case<'a> = (&'a str, &'a [&'a [(usize, usize)]], Option<(usize, usize)>);
    let cases: &[Case] = &[
        ("no term in the text", &[&[], &[]], None),
        ("one term: its first", &[&[(5, 7), (9, 11)]], Some((5, 7))),
        (
            "two terms: where they stand together",
            &[&[(0, 2), (40, 42)], &[(44, 46)]],
            Some((40, 46)),
        ),
        (
            "the second before the first",
            &[&[(30, 32)], &[(2, 4), (26, 28)]],
            Some((26, 32)),
        ),
        (
            "a term in the title only is left out",
            &[&[(8, 10), (50, 52)], &[]],
            Some((8, 10)),
        ),
        (
            "equally close: the earlier",
            &[&[(0, 2), (20, 22)], &[(4, 6), (24, 26)]],
            Some((0, 6)),
        ),
        (
            "three terms",
            &[&[(0, 2), (30, 32)], &[(10, 12), (34, 36)], &[(38, 40)]],
            Some((30, 40)),
        ),
    ];
    for (name, matches, want) in cases {
        let matches: Vec<Vec<(usize, usize)>> = matches.iter().map(|m| m.to_vec()).collect();
        assert_eq!(closest(&matches, &[]), *want, "{name}");
    }
    // Runs begin at 0, 20 and 60: two terms across a run's end (18–24) are closer than inside the run
    // from 60 (60–76), but the run holds both.
    let matches = vec![vec![(18, 20), (60, 62)], vec![(22, 24), (74, 76)]];
    assert_eq!(closest(&matches, &[0, 20, 60]), Some((60, 76)));
    assert_eq!(closest(&matches, &[]), Some((18, 24)));
    // No run holds both: the closest anywhere.
    let matches = vec![vec![(18, 20)], vec![(22, 24)]];
    assert_eq!(closest(&matches, &[0, 20]), Some((18, 24)));
}

#[test]
fn hits_open_the_clause_where_their_terms_stand_together() {
    // Heading text, then two clauses; `clauses` are byte positions in the text as written.
    let text = "总则说明。 （1）先诊疗后付费。 （2）“一站式”结算，大病保险。";
    let at = |s: &str| text.find(s).unwrap();
    let clauses = [
        (at("（1）"), "s1-1".to_string()),
        (at("（2）"), "s1-2".to_string()),
    ];
    let mut idx = SearchIndex::default();
    let d = idx.add_doc("a", "甲", "甲发〔2018〕1号", "甘肃省");
    idx.add_section(d, "s1", "总则", text, &clauses, Tier::Prose);
    for (query, anchor) in [
        ("说明", "s1"),
        ("总则", "s1"), // in the heading and the text: the text's first match, before any clause
        ("先诊疗", "s1-1"),
        ("（1）先诊疗", "s1-1"), // the clause's own number
        ("一站式结算", "s1-2"),  // punctuation inside the match
        ("付费 大病", "s1-1"),   // several terms, once each: from the first
        ("大病 付费", "s1-1"),
        ("说明 结算", "s1"),
        ("诊疗 一站式", "s1-1"),
        ("大病保险", "s1-2"),
        ("付费(2)一站式", "s1-1"), // across two clauses: where it begins
    ] {
        let hits = idx.search(query, 5);
        assert_eq!(hits.len(), 1, "{query}");
        assert_eq!(hits[0].anchor, anchor, "{query}");
        assert_eq!(hits[0].href(), format!("/docs/a/#{anchor}"), "{query}");
        assert_eq!(
            hits[0].section_id, "s1",
            "{query}: the hit is still the section's"
        );
    }
    // Only the heading matches: the heading.
    let mut idx = SearchIndex::default();
    let d = idx.add_doc("a", "甲", "甲发〔2018〕1号", "甘肃省");
    idx.add_section(
        d,
        "s2",
        "医疗救助",
        "（1）其他。",
        &[(0, "s2-1".into())],
        Tier::Prose,
    );
    assert_eq!(idx.search("救助", 5)[0].anchor, "s2");

    // A term early in the section, and again where the other stands: the hit shows and opens that
    // clause, both words marked.
    let text =
        "住院须知。 （1）其他事项，与此处所说无关的很长的一段话。 （2）住院费用报销不设起付线。";
    let at = |s: &str| text.find(s).unwrap();
    let mut idx = SearchIndex::default();
    let d = idx.add_doc("a", "甲", "甲发〔2018〕1号", "甘肃省");
    idx.add_section(
        d,
        "s3",
        "规定",
        text,
        &[(at("（1）"), "s3-1".into()), (at("（2）"), "s3-2".into())],
        Tier::Prose,
    );
    let hit = &idx.search("住院 报销", 5)[0];
    assert_eq!(hit.anchor, "s3-2");
    assert!(marked(hit).contains("[住院]费用[报销]"), "{}", marked(hit));
}

#[test]
fn prose_ranks_before_tables_and_tables_before_the_editors_notes() {
    // The table repeats the words more often, the note too: the rule still comes first.
    let mut idx = SearchIndex::default();
    let d = idx.add_doc("a", "甲", "甲发〔2018〕1号", "甘肃省");
    let sections = [
        (
            "ed-notes",
            "编者注",
            "大病保险 大病保险 大病保险 大病保险",
            Tier::Editorial,
        ),
        (
            "t1",
            "附表 考核表",
            "大病保险 大病保险 大病保险",
            Tier::Table,
        ),
        ("s1", "总则", "大病保险起付线降低至2000元。", Tier::Prose),
    ];
    for (id, title, text, tier) in sections {
        idx.add_section(d, id, title, text, &[], tier);
    }
    let ids: Vec<String> = idx
        .search("大病保险", 5)
        .into_iter()
        .map(|h| h.section_id)
        .collect();
    assert_eq!(ids, ["s1", "t1", "ed-notes"]);
    let json = serde_json::to_string(&idx.sections).unwrap();
    assert!(
        json.contains("\"f\":true") && json.contains("\"e\":true"),
        "{json}"
    );
}

#[test]
fn index_json_is_compact_and_round_trips() {
    let idx = index(&[("s1", "总则", "大病保险")]);
    let json = serde_json::to_string(&idx).unwrap();
    assert_eq!(
        json,
        r#"{"d":[{"s":"a","t":"甲","n":"甲发〔2018〕1号","r":"甘肃省"}],"x":[{"d":0,"i":"s1","t":"总则","b":"大病保险"}],"p":{"保险":[0],"大病":[0],"总则":[0],"病保":[0]}}"#
    );
    let back: SearchIndex = serde_json::from_str(&json).unwrap();
    assert_eq!(back, idx);
    assert_eq!(ids(&back.search("大病", 5)), vec!["s1"]);
    // An editorial section says so; the others do not spend bytes on it.
    let idx = index(&[("s1", "总则", "甲"), ("ed-fixes", "文字修正", "乙")]);
    let json = serde_json::to_string(&idx).unwrap();
    assert!(
        json.contains(r#"{"d":0,"i":"s1","t":"总则","b":"甲"}"#)
            && json.contains(r#"{"d":0,"i":"ed-fixes","t":"文字修正","b":"乙","e":true}"#),
        "{json}"
    );
    let back: SearchIndex = serde_json::from_str(&json).unwrap();
    assert_eq!(back, idx);
}

#[test]
fn a_number_typed_with_spaces_between_its_thousands_is_one_term() {
    let idx = index(&[
        ("s1", "甲", "超过3000元以上的部分由医疗救助解决"),
        ("s2", "乙", "第3项，000元"),
    ]);
    assert_eq!(
        ids(&idx.search("3 000元", 10)),
        ids(&idx.search("3000元", 10))
    );
    assert_eq!(ids(&idx.search("３ ０００元", 10)), ["s1"]);
    // Words apart stay apart.
    assert_eq!(ids(&idx.search("医疗救助 3000元", 10)), ["s1"]);
    for (typed, read) in [
        ("医疗救助 3 000 元", "医疗救助 3000 元"),
        ("1 234 567元", "1234567元"),
        ("１２ ０００", "１２０００"),
        // The year and the number of a 文号 typed without its brackets stay two terms.
        ("2018 83号", "2018 83号"),
        ("2018 165号", "2018 165号"),
        ("12 0000", "12 0000"),
        ("1234 567", "1234 567"),
    ] {
        assert_eq!(crate::search::digit_groups_joined(typed), read, "{typed}");
    }
}

/// A question about what a bill costs, in the words residents type it (住院报销多少 had been taken for a
/// question about benefits), and questions that are not.
#[test]
fn questions_about_what_a_bill_costs() {
    for (query, costs) in [
        ("看病花多少钱", true),
        ("住院报销多少", true),
        ("门诊能报多少", true),
        ("住院自己付多少", true),
        ("生孩子能报销吗", false),
        ("先诊疗后付费", false),
    ] {
        assert_eq!(asks_what_it_costs(query), costs, "{query}");
    }
}
