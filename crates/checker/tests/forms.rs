//! The two official scoring forms: their totals (100 and 95), veto, "是 loses", partial credit, the exempt
//! case, grades, and the list of what lost points.

use std::collections::BTreeMap;

use policy_checker::data::form::{Form, Grade, Kind};
use policy_checker::data::Library;
use policy_checker::forms::{form, forms, score, Answer, ScoreError};
use policy_checker::Points;

fn baozhua() -> &'static Form {
    form("baozhua").expect("baozhua form")
}

fn wudu() -> &'static Form {
    form("wudu").expect("wudu form")
}

/// The answer that earns every point of every indicator.
fn best(f: &Form) -> BTreeMap<String, Answer> {
    f.indicators()
        .map(|i| {
            let a = match i.kind {
                Kind::YesGains | Kind::Partial => Answer::Yes,
                Kind::YesLoses | Kind::Veto => Answer::No,
            };
            (i.id.clone(), a)
        })
        .collect()
}

/// `best` with some answers changed.
fn with(f: &Form, changes: &[(&str, Answer)]) -> BTreeMap<String, Answer> {
    let mut a = best(f);
    for (id, ans) in changes {
        assert!(
            a.insert(id.to_string(), ans.clone()).is_some(),
            "{id} is not in form {}",
            f.id
        );
    }
    a
}

#[test]
fn the_forms_and_their_totals() {
    let ids: Vec<&str> = forms().iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, ["baozhua", "wudu"]);
    let table = [(baozhua(), 100, 9, 20), (wudu(), 95, 5, 26)];
    for (f, total, items, indicators) in table {
        let sum: u32 = f.indicators().map(|i| i.points).sum();
        assert_eq!((f.total_points, sum), (total, total), "{}", f.id);
        assert_eq!(f.items.len(), items, "{} items", f.id);
        assert_eq!(f.indicators().count(), indicators, "{} indicators", f.id);
        let r = score(f, &best(f));
        assert_eq!(
            (r.total, r.max, r.lost.len(), r.vetoed),
            (Points::whole(total), total, 0, false),
            "{} best answers",
            f.id
        );
        assert!(r.unanswered.is_empty());
    }
    assert!(
        wudu().note.contains("95分") && wudu().note.contains("不折算"),
        "the 五督 note must say the sum is 95 and is not rescaled"
    );
}

#[test]
fn baozhua_items_and_points_as_printed() {
    let points: Vec<(Option<u32>, Vec<u32>)> = baozhua()
        .items
        .iter()
        .map(|i| (i.no, i.indicators.iter().map(|x| x.points).collect()))
        .collect();
    let want = [
        (1, vec![5, 5]),
        (2, vec![5, 5]),
        (3, vec![5, 5]),
        (4, vec![5, 5, 5]),
        (5, vec![6, 6, 6]),
        (6, vec![3, 3, 5]),
        (7, vec![5, 5]),
        (8, vec![3, 8]),
        (9, vec![5]),
    ];
    assert_eq!(points, want.map(|(n, p)| (Some(n), p)));
    let kinds: Vec<Kind> = baozhua().indicators().map(|i| i.kind).collect();
    assert_eq!(
        &kinds[..4],
        [Kind::Veto, Kind::Veto, Kind::YesLoses, Kind::YesLoses]
    );
    assert_eq!(kinds[19], Kind::Partial);
    assert!(kinds[4..19].iter().all(|k| *k == Kind::YesGains));
}

#[test]
fn wudu_indicators_are_numbered_1_to_26_with_the_printed_points() {
    let ids: Vec<String> = wudu().indicators().map(|i| i.id.clone()).collect();
    assert_eq!(ids, (1..=26).map(|n| n.to_string()).collect::<Vec<_>>());
    let points: Vec<u32> = wudu().indicators().map(|i| i.points).collect();
    assert_eq!(
        points,
        [5, 5, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 5, 5, 4, 4, 4, 4, 2, 2, 2, 2, 2, 2, 2, 5]
    );
    assert!(
        wudu().items.iter().all(|i| i.no.is_none()),
        "the 五督 form does not number its items"
    );
}

#[test]
fn wudu_accountable_cells_fill_down_from_the_printed_ones() {
    let acc = |id: &str| {
        let i = wudu().indicators().find(|i| i.id == id).unwrap();
        (i.accountable.clone().unwrap(), i.accountable_inherited)
    };
    assert_eq!(acc("1"), ("各相关部门，各医疗机构。".into(), false));
    assert_eq!(acc("3"), ("各相关部门，各医疗机构。".into(), true));
    assert_eq!(acc("9"), ("受援医院及负责人。".into(), true));
    assert_eq!(acc("25"), ("健康专干。".into(), true));
    assert_eq!(acc("26"), ("签约团队，健康专干。".into(), false));
}

struct Case {
    name: &'static str,
    form: &'static Form,
    changes: Vec<(&'static str, Answer)>,
    total: u32,
    grade: Option<&'static str>,
    lost: Vec<(&'static str, u32)>,
}

fn case(
    name: &'static str,
    form: &'static Form,
    changes: Vec<(&'static str, Answer)>,
    total: u32,
    grade: Option<&'static str>,
    lost: Vec<(&'static str, u32)>,
) -> Case {
    Case {
        name,
        form,
        changes,
        total,
        grade,
        lost,
    }
}

#[test]
fn scoring_cases() {
    use Answer::*;
    let b = baozhua();
    let w = wudu();
    let cases = [
        case("all good", b, vec![], 100, None, vec![]),
        case(
            "item 1 veto: 是 sets 差 directly",
            b,
            vec![("1-1", Yes)],
            95,
            Some("差"),
            vec![("1-1", 5)],
        ),
        case(
            "both vetoes",
            b,
            vec![("1-1", Yes), ("1-2", Yes)],
            90,
            Some("差"),
            vec![("1-1", 5), ("1-2", 5)],
        ),
        case(
            "item 2: 是 scores 0, no grade",
            b,
            vec![("2-1", Yes)],
            95,
            None,
            vec![("2-1", 5)],
        ),
        case(
            "item 2 both 是",
            b,
            vec![("2-1", Yes), ("2-2", Yes)],
            90,
            None,
            vec![("2-1", 5), ("2-2", 5)],
        ),
        case(
            "item 5: 否 loses 6",
            b,
            vec![("5-2", No)],
            94,
            None,
            vec![("5-2", 6)],
        ),
        case(
            "item 8: 否 loses 8",
            b,
            vec![("8-2", No)],
            92,
            None,
            vec![("8-2", 8)],
        ),
        case(
            "item 9 partial 3 of 5",
            b,
            vec![("9-1", Score(Points::whole(3)))],
            98,
            None,
            vec![("9-1", 2)],
        ),
        case(
            "item 9 partial 5 of 5",
            b,
            vec![("9-1", Score(Points::whole(5)))],
            100,
            None,
            vec![],
        ),
        case(
            "item 9 partial 0",
            b,
            vec![("9-1", Score(Points::whole(0)))],
            95,
            None,
            vec![("9-1", 5)],
        ),
        case(
            "item 9 否",
            b,
            vec![("9-1", No)],
            95,
            None,
            vec![("9-1", 5)],
        ),
        case(
            "veto with other losses",
            b,
            vec![("1-2", Yes), ("4-1", No), ("9-1", Score(Points::whole(4)))],
            89,
            Some("差"),
            vec![("1-2", 5), ("4-1", 5), ("9-1", 1)],
        ),
        case("五督 all good", w, vec![], 95, None, vec![]),
        case(
            "五督 7 exempt (无任务的得 4 分)",
            w,
            vec![("7", Exempt)],
            95,
            None,
            vec![],
        ),
        case("五督 8 exempt", w, vec![("8", Exempt)], 95, None, vec![]),
        case("五督 7 否", w, vec![("7", No)], 91, None, vec![("7", 4)]),
        case(
            "五督 1 否 and 26 否",
            w,
            vec![("1", No), ("26", No)],
            85,
            None,
            vec![("1", 5), ("26", 5)],
        ),
        case(
            "五督 健康专干 all 否",
            w,
            vec![
                ("19", No),
                ("20", No),
                ("21", No),
                ("22", No),
                ("23", No),
                ("24", No),
                ("25", No),
            ],
            81,
            None,
            vec![
                ("19", 2),
                ("20", 2),
                ("21", 2),
                ("22", 2),
                ("23", 2),
                ("24", 2),
                ("25", 2),
            ],
        ),
    ];
    for c in cases {
        let r = score(c.form, &with(c.form, &c.changes));
        assert_eq!(r.refused, [], "{}: refused", c.name);
        assert_eq!(r.total, Points::whole(c.total), "{}: total", c.name);
        assert_eq!(r.grade.as_deref(), c.grade, "{}: grade", c.name);
        assert_eq!(r.vetoed, c.grade == Some("差"), "{}: vetoed", c.name);
        let lost: Vec<(&str, Points)> = r
            .lost
            .iter()
            .map(|l| (l.indicator.as_str(), l.points_lost))
            .collect();
        let want: Vec<(&str, Points)> = c
            .lost
            .iter()
            .map(|(i, p)| (*i, Points::whole(*p)))
            .collect();
        assert_eq!(lost, want, "{}: lost", c.name);
        assert_eq!(
            r.total + lost.iter().map(|l| l.1).sum::<Points>(),
            Points::whole(r.max),
            "{}: total + lost = max",
            c.name
        );
    }
}

#[test]
fn lost_items_say_what_to_fix_and_link_their_row() {
    let r = score(
        baozhua(),
        &with(baozhua(), &[("1-1", Answer::Yes), ("5-3", Answer::No)]),
    );
    assert_eq!(r.lost.len(), 2);
    let veto = &r.lost[0];
    assert!(veto.veto && veto.item == "年度健康扶贫工作完成情况" && !veto.fix.is_empty());
    assert_eq!(veto.source.section, "t3-1");
    assert_eq!(veto.source.quote, veto.text);
    let l = &r.lost[1];
    assert!(!l.veto && l.text.contains("3000元"));
    assert_eq!(
        l.basis
            .as_ref()
            .map(|b| (b.doc.as_str(), b.section.as_str())),
        Some(("huining-203", "s3-1"))
    );
}

#[test]
fn unanswered_indicators_earn_nothing_and_are_listed() {
    let mut answers = best(wudu());
    answers.remove("26");
    answers.remove("3");
    let r = score(wudu(), &answers);
    assert_eq!(
        (r.total, r.unanswered.clone(), r.lost.len()),
        (
            Points::whole(86),
            vec!["3".to_string(), "26".to_string()],
            0
        )
    );
    let empty = score(baozhua(), &BTreeMap::new());
    assert_eq!(
        (empty.total, empty.unanswered.len(), empty.grade),
        (Points::whole(0), 20, None)
    );
}

#[test]
fn answers_the_form_cannot_take_are_refused_in_plain_words_and_the_rest_is_scored() {
    use Answer::*;
    let yes_no = "“是”或“否（失分）”";
    let table = [
        (
            baozhua(),
            "10-1",
            Yes,
            ScoreError::UnknownIndicator("10-1".into()),
            "这张表没有第 10-1 项，这个回答没有计分",
        ),
        (
            baozhua(),
            "9-1",
            Score(Points::whole(6)),
            ScoreError::BadScore {
                indicator: "9-1".into(),
                given: "6".into(),
                max: 5,
            },
            "第 9-1 项填 0 到 5 分，可以有半分（如 2.5；表上没有写最小到几分，本站按半分计）；“6”没有计分",
        ),
        (
            baozhua(),
            "9-1",
            Typed("2.3".into()),
            ScoreError::BadScore {
                indicator: "9-1".into(),
                given: "2.3".into(),
                max: 5,
            },
            "第 9-1 项填 0 到 5 分，可以有半分（如 2.5；表上没有写最小到几分，本站按半分计）；“2.3”没有计分",
        ),
        (
            baozhua(),
            "9-1",
            Score(Points::halves(11)),
            ScoreError::BadScore {
                indicator: "9-1".into(),
                given: "5.5".into(),
                max: 5,
            },
            "第 9-1 项填 0 到 5 分，可以有半分（如 2.5；表上没有写最小到几分，本站按半分计）；“5.5”没有计分",
        ),
        (
            baozhua(),
            "9-1",
            Typed("-1".into()),
            ScoreError::BadScore {
                indicator: "9-1".into(),
                given: "-1".into(),
                max: 5,
            },
            "第 9-1 项填 0 到 5 分，可以有半分（如 2.5；表上没有写最小到几分，本站按半分计）；“-1”没有计分",
        ),
        (
            baozhua(),
            "9-1",
            Exempt,
            ScoreError::NotAllowed {
                indicator: "9-1".into(),
                answer: Exempt,
                allowed: "“是”、“否（失分）”或“0 到 5 分”".into(),
            },
            "第 9-1 项只能选“是”、“否（失分）”或“0 到 5 分”；“不适用”没有计分",
        ),
        (
            baozhua(),
            "3-1",
            Score(Points::whole(3)),
            ScoreError::NotAllowed {
                indicator: "3-1".into(),
                answer: Score(Points::whole(3)),
                allowed: yes_no.into(),
            },
            "第 3-1 项只能选“是”或“否（失分）”；“3 分”没有计分",
        ),
        (
            baozhua(),
            "3-1",
            Exempt,
            ScoreError::NotAllowed {
                indicator: "3-1".into(),
                answer: Exempt,
                allowed: yes_no.into(),
            },
            "第 3-1 项只能选“是”或“否（失分）”；“不适用”没有计分",
        ),
        (
            baozhua(),
            "1-1",
            Typed("q".into()),
            ScoreError::NotAllowed {
                indicator: "1-1".into(),
                answer: Typed("q".into()),
                allowed: "“是（失分）”或“否”".into(),
            },
            "第 1-1 项只能选“是（失分）”或“否”；“q”没有计分",
        ),
        (
            wudu(),
            "6",
            Exempt,
            ScoreError::NotAllowed {
                indicator: "6".into(),
                answer: Exempt,
                allowed: yes_no.into(),
            },
            "第 6 项只能选“是”或“否（失分）”；“不适用”没有计分",
        ),
        (
            wudu(),
            "7",
            Score(Points::whole(1)),
            ScoreError::NotAllowed {
                indicator: "7".into(),
                answer: Score(Points::whole(1)),
                allowed: "“是”、“否（失分）”或“不适用”".into(),
            },
            "第 7 项只能选“是”、“否（失分）”或“不适用”；“1 分”没有计分",
        ),
    ];
    for (f, id, answer, want, words) in table {
        let mut a = best(f);
        a.insert(id.to_string(), answer);
        let r = score(f, &a);
        // The refused answer is listed, said in plain words, and earns nothing; every other answer counts.
        assert_eq!(r.refused, std::slice::from_ref(&want), "{} {id}", f.id);
        assert_eq!(want.to_string(), words, "{} {id}", f.id);
        assert_eq!(want.indicator(), id);
        let points = f.indicators().find(|i| i.id == id).map_or(0, |i| i.points);
        assert_eq!(
            r.total,
            Points::whole(f.total_points - points),
            "{} {id}",
            f.id
        );
        assert_eq!(
            r.unanswered,
            if points > 0 {
                vec![id.to_string()]
            } else {
                vec![]
            },
            "{} {id}",
            f.id
        );
    }
}

#[test]
fn a_partial_score_box_reads_points_to_the_half_and_keeps_anything_else_as_typed() {
    let table = [
        ("", None),
        ("  ", None),
        ("3", Some(Answer::Score(Points::whole(3)))),
        (" 7 ", Some(Answer::Score(Points::whole(7)))),
        // 部分完成酌情扣分: a half point is taken (the form says no smallest step; the site's is a half).
        ("2.5", Some(Answer::Score(Points::halves(5)))),
        ("0.5", Some(Answer::Score(Points::halves(1)))),
        ("2.3", Some(Answer::Typed("2.3".into()))),
        ("2.", Some(Answer::Typed("2.".into()))),
        ("-1", Some(Answer::Typed("-1".into()))),
        ("+3", Some(Answer::Typed("+3".into()))),
        ("99999999999", Some(Answer::Typed("99999999999".into()))),
        // A Chinese input method in full-width mode: the digits are the digits they are.
        ("３", Some(Answer::Score(Points::whole(3)))),
        ("１０", Some(Answer::Score(Points::whole(10)))),
        ("\u{3000}４\u{3000}", Some(Answer::Score(Points::whole(4)))),
        ("２．５", Some(Answer::Score(Points::halves(5)))),
        ("－１", Some(Answer::Typed("-1".into()))),
        ("三", Some(Answer::Typed("三".into()))),
        ("\u{3000}", None),
    ];
    for (typed, want) in table {
        assert_eq!(Answer::typed(typed), want, "{typed:?}");
    }
}

#[test]
fn neither_form_defines_score_grades() {
    // The documents define only “差” (by veto, 附表3-1 item 1); no score thresholds. So without a veto,
    // no total of either form gives a grade.
    for f in forms() {
        assert!(f.grades.is_empty(), "{}", f.id);
        for total_lost in [0, 5, 50] {
            let mut a = best(f);
            let mut left = total_lost;
            for ind in f.indicators().filter(|i| i.kind == Kind::YesGains) {
                if left >= ind.points {
                    a.insert(ind.id.clone(), Answer::No);
                    left -= ind.points;
                }
            }
            assert_eq!(score(f, &a).grade, None, "{} losing {total_lost}", f.id);
        }
    }
    assert_eq!(baozhua().veto_grade.as_deref(), Some("差"));
    assert_eq!(wudu().veto_grade, None);
}

#[test]
fn grade_thresholds_are_inclusive_when_a_form_defines_them() {
    // A form with grades (none of the official ones has them): the boundary score reaches the grade.
    let mut f = baozhua().clone();
    let src = f.source.clone();
    f.grades = vec![
        Grade {
            name: "好".into(),
            min: 90,
            source: src.clone(),
        },
        Grade {
            name: "较好".into(),
            min: 80,
            source: src.clone(),
        },
        Grade {
            name: "一般".into(),
            min: 60,
            source: src,
        },
    ];
    f.validate(&Library::of_repository(env!("CARGO_MANIFEST_DIR")))
        .unwrap();
    // Each total set up from the best answers: whole 是-gains items answered 否 while the total stays
    // reachable, the rest taken off 9-1's partial score (to the half).
    let table = [
        ("100", Some("好")),
        ("90", Some("好")),
        // Half a point under a grade's line is under it.
        ("89.5", Some("较好")),
        ("89", Some("较好")),
        ("80", Some("较好")),
        ("79", Some("一般")),
        ("60", Some("一般")),
        ("59", None),
    ];
    for (total, grade) in table {
        let want = Points::parse(total).unwrap();
        let mut a = best(&f);
        let mut have = Points::whole(100);
        for ind in baozhua().indicators().filter(|i| i.kind == Kind::YesGains) {
            if have - Points::whole(ind.points) >= want {
                a.insert(ind.id.clone(), Answer::No);
                have = have - Points::whole(ind.points);
            }
        }
        a.insert(
            "9-1".into(),
            Answer::Score(Points::whole(5) - (have - want)),
        );
        let r = score(&f, &a);
        assert_eq!(r.total, want, "setting up {total}");
        assert_eq!(r.grade.as_deref(), grade, "{total}");
    }
    // A veto still wins over any score.
    let r = score(&f, &with(&f, &[("1-1", Answer::Yes)]));
    assert_eq!(
        (r.total, r.grade.as_deref()),
        (Points::whole(95), Some("差"))
    );
}

#[test]
fn form_totals_are_checked_against_the_items() {
    let mut f = wudu().clone();
    f.total_points = 100;
    let e = f
        .validate(&Library::of_repository(env!("CARGO_MANIFEST_DIR")))
        .unwrap_err();
    assert!(e.problem.contains("add up to 95"), "{e}");
}

#[test]
fn a_half_point_is_scored_and_lost_to_the_half() {
    let b = baozhua();
    let r = score(b, &with(b, &[("9-1", Answer::Score(Points::halves(5)))]));
    assert_eq!(r.refused, []);
    assert_eq!(r.total.to_string(), "97.5");
    let lost: Vec<(&str, String)> = r
        .lost
        .iter()
        .map(|l| (l.indicator.as_str(), l.points_lost.to_string()))
        .collect();
    assert_eq!(lost, [("9-1", "2.5".to_string())]);
}
