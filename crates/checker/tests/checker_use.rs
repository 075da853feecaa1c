//! Issue 13's pure logic, table-driven: step numbers count only the questions an area asks, the direct
//! answers (体检, 家庭医生) come from the rules or say plainly what the documents do not give, the quiz
//! scores one region and only what was answered, and a township is found once under 乡/镇/街道.

use std::collections::BTreeMap;

use policy_checker::eligibility::{asks, QUESTIONS};
use policy_checker::quiz::{in_region, quiz, score_quiz_in};
use policy_checker::villages::{find, names_town, town_stem};
use policy_checker::{topic_answers, Person, Verdict};

#[test]
fn step_numbers_have_no_gaps() {
    for area in ["huining", "meishan", "dezhou"] {
        let a = asks(area);
        let steps = a.steps();
        assert_eq!(steps[..2], ["area", "category"], "{area}");
        let numbers: Vec<(usize, usize)> = steps.iter().filter_map(|s| a.step_number(s)).collect();
        let expected: Vec<(usize, usize)> = (1..=steps.len()).map(|k| (k, steps.len())).collect();
        assert_eq!(numbers, expected, "{area}: 1, 2, 3 … of n, no gaps");
        for q in QUESTIONS {
            assert_eq!(a.step_number(q).is_some(), a.asks_step(q), "{area} {q}");
        }
    }
    // 会宁's rules read neither pregnancy nor age; its count is less than the eight screens.
    let hn = asks("huining");
    assert_eq!(hn.step_number("pregnant"), None);
    assert!(hn.steps().len() < QUESTIONS.len());
    assert_eq!(hn.step_number("review"), None);
}

#[test]
fn a_question_for_some_ages_is_not_put_to_others_nor_counted() {
    let ms = || asks("meishan");
    let seventy = ms().at_age(Some(70));
    assert!(ms().asks_step("pregnant"), "no age given: asked");
    assert!(ms().at_age(Some(30)).asks_step("pregnant"));
    assert!(!seventy.asks_step("pregnant"), "not asked at 70");
    assert_eq!(
        seventy.steps().len() + 1,
        ms().steps().len(),
        "one screen fewer"
    );
    assert_eq!(
        seventy.step_number("illness").map(|(_, n)| n),
        Some(seventy.steps().len()),
        "and counted so"
    );
    // An answer given before the age was changed does not count at that age.
    let pregnant = |age| Person {
        pregnant: true,
        ..person("meishan", "poverty_registered", age, true, false)
    };
    let free_birth = |age| {
        policy_checker::eligibility::check(&pregnant(age))
            .unwrap()
            .iter()
            .any(|b| b.name.contains("住院分娩") && b.applies)
    };
    assert!(free_birth(Some(30)));
    assert!(free_birth(None));
    assert!(!free_birth(Some(70)));
}

fn person(area: &str, category: &str, age: Option<u32>, insured: bool, ill: bool) -> Person {
    Person {
        area: area.into(),
        category: category.into(),
        age,
        insured,
        long_term_illness: ill,
        ..Person::default()
    }
}

/// A person; then, for 体检 and for 家庭医生: the verdict, words in the answer, its first clause.
type Case = (
    Person,
    Verdict,
    &'static str,
    Option<&'static str>,
    Verdict,
    &'static str,
    Option<&'static str>,
);

#[test]
fn direct_answers() {
    use Verdict::{NeedsAge, NeedsCategory, NotForYou, NotInDocuments as Silent, Yes};
    // (person, 体检 verdict, words in its text, clause, 家庭医生 verdict, words, clause)
    let cases: Vec<Case> = vec![
        (
            person("huining", "poverty_registered", Some(60), true, false),
            Silent,
            "没有写",
            Some("huining-83#a1-s2-2"),
            Yes,
            "您不用出",
            Some("huining-83#a1-s3-3"),
        ),
        (
            person("huining", "poverty_registered", Some(60), false, true),
            Silent,
            "一般健康体检",
            Some("huining-83#a1-s2-2"),
            Yes,
            "您自己出一半",
            Some("huining-83#a1-s3-3"),
        ),
        // Rules for others are never a bare 不能: the documents exclude nobody; 会宁's responsibility list
        // gives it to 慢病患者, naming no one: said, not "这些文件没有写" after it (an audit).
        (
            person("huining", "ordinary", Some(40), true, false),
            Silent,
            "没有写",
            Some("huining-83#a1-s2-2"),
            NotForYou,
            "没有写是哪些慢病患者；本站按写明签约服务费的条款这样列出（见“关于本站”的政策不明确之处）。有慢性病的，可以问村医或乡镇卫生院能不能签约。",
            Some("huining-83#a1-s3-3"),
        ),
        // 低保 may also be a 兜底保障户, whom the free package is for: it says so.
        (
            person("huining", "dibao", None, true, false),
            Silent,
            "没有写",
            Some("huining-83#a1-s2-2"),
            NotForYou,
            "同时是农村兜底保障户",
            Some("huining-83#a1-s3-3"),
        ),
        // 不清楚: not "not for you" but "depends on the category", saying which.
        (
            person("huining", "unsure", Some(40), true, false),
            Silent,
            "没有写",
            Some("huining-83#a1-s2-2"),
            NeedsCategory,
            "您选了“不清楚”",
            Some("huining-83#a1-s3-3"),
        ),
        // 眉山: the document's 实施范围 is 建档立卡贫困人口, its clause says 全覆盖: not for the others, who are
        // told the clause says 全覆盖 (content/ambiguities.toml, meishan-family-doctor-who).
        (
            person("meishan", "ordinary", Some(30), true, false),
            NotForYou,
            "只给建档立卡贫困人口",
            Some("meishan-137#s3-2-1"),
            NotForYou,
            "全覆盖",
            Some("meishan-137#s3-1-2-1"),
        ),
        // No age given: it depends on the age, not no.
        (
            person("meishan", "poverty_registered", None, true, false),
            NeedsAge,
            "您没有填年龄",
            Some("meishan-137#s3-2-1"),
            Yes,
            "签约家庭医生",
            Some("meishan-137#s3-1-2-1"),
        ),
        // 不清楚 and no age given: it depends on both, not no (it had said 文件没写给您).
        (
            person("meishan", "unsure", None, true, false),
            NeedsAge,
            "您没有填年龄",
            Some("meishan-137#s3-2-1"),
            NeedsCategory,
            "您选了“不清楚”",
            Some("meishan-137#s3-1-2-1"),
        ),
        (
            person("meishan", "poverty_registered", Some(30), true, false),
            Yes,
            "每两年可以免费体检一次",
            Some("meishan-137#s3-2-1"),
            Yes,
            "签约家庭医生",
            Some("meishan-137#s3-1-2-1"),
        ),
        (
            person("meishan", "poverty_registered", Some(70), true, false),
            NotForYou,
            "7到64周岁",
            Some("meishan-137#s3-2-1"),
            Yes,
            "签约家庭医生",
            Some("meishan-137#s3-1-2-1"),
        ),
        (
            person("dezhou", "poverty_registered", None, true, false),
            Silent,
            "没有写免费体检",
            None,
            Silent,
            "没有写家庭医生",
            None,
        ),
    ];
    for (p, cv, cw, cs, fv, fw, fs) in cases {
        let answers = topic_answers(&p).expect("valid person");
        let get = |id: &str| answers.iter().find(|a| a.topic == id).expect(id).clone();
        for (a, v, w, s) in [
            (get("checkup"), cv, cw, cs),
            (get("family_doctor"), fv, fw, fs),
        ] {
            let what = format!("{} {} {}", p.area, p.category, a.topic);
            assert_eq!(a.verdict, v, "{what}");
            assert!(a.text.contains(w), "{what}: {:?} lacks {w:?}", a.text);
            let first = a
                .sources
                .first()
                .map(|c| format!("{}#{}", c.doc, c.section));
            assert_eq!(first.as_deref(), s, "{what}");
        }
    }
}

#[test]
fn quiz_region_and_unanswered() {
    let q = quiz();
    for (region, none_of) in [
        ("huining", vec!["meishan", "dezhou"]),
        ("meishan", vec!["huining", "dezhou"]),
        ("dezhou", vec!["huining", "meishan"]),
        ("all", vec![]),
    ] {
        let r = score_quiz_in(q, &BTreeMap::new(), Some(region)).unwrap();
        let n = q
            .questions
            .iter()
            .filter(|x| in_region(&x.area, region))
            .count();
        assert!(n > 0, "{region}");
        assert_eq!((r.total, r.answered, r.correct), (n, 0, 0), "{region}");
        for m in &r.questions {
            let area = &q.questions.iter().find(|x| x.id == m.id).unwrap().area;
            assert!(!none_of.contains(&area.as_str()), "{region} shows {}", m.id);
        }
    }
    // One right and one wrong answer among the 会宁 questions: answered 2, right 1, 50%.
    let hn: Vec<_> = q.questions.iter().filter(|x| x.area == "huining").collect();
    let mut answers = BTreeMap::new();
    answers.insert(hn[0].id.clone(), hn[0].answer);
    answers.insert(hn[1].id.clone(), (hn[1].answer + 1) % hn[1].choices.len());
    let r = score_quiz_in(q, &answers, Some("huining")).unwrap();
    assert_eq!((r.correct, r.answered, r.answered_percent), (1, 2, 50));
    assert_eq!(r.total, hn.len());
}

#[test]
fn towns_under_either_suffix() {
    for (name, stem, suffixed) in [
        ("柴家门镇", "柴家门", true),
        ("柴家门乡", "柴家门", true),
        ("会师街道", "会师", true),
        ("柴家门", "柴家门", false),
    ] {
        assert_eq!(town_stem(name), (stem, suffixed), "{name}");
    }
    for (town, query, yes) in [
        ("柴家门镇", "柴家门乡", true),
        ("柴家门镇", "柴家门镇", true),
        ("柴家门镇", "柴家门", true),
        ("柴家门镇", "家门乡", true),
        ("柴家门镇", "柴家门街道", true),
        ("会师街道", "会师镇", true),
        ("柴家门镇", "土门乡", false),
        ("柴家门镇", "乡", false),
    ] {
        assert_eq!(names_town(town, query), yes, "{town} / {query}");
    }
    for query in ["柴家门镇", "柴家门乡", "柴家门"] {
        let f = find(query);
        assert_eq!(f.towns.len(), 1, "{query}: one township");
        let t = &f.towns[0];
        assert!(
            t.township.iter().any(|n| n == "柴家门镇"),
            "{:?}",
            t.township
        );
        assert_eq!(t.assignments.len(), 3, "three departments, once");
        assert!(t.villages.len() > 1, "its villages listed");
    }
    assert!(find("苏家峴").towns.is_empty());
    assert!(!find("苏家峴").villages.is_empty());
}
