//! Issue 12: the checker says what the documents say. Every word a quiz explanation or a rule's sentence
//! puts in “quotes” as the documents' (after 写 / 写的是) is in the documents; the rules the documents
//! state are there and reachable from /check/ (they come back from `check` for their area); the readings
//! the register chose are told where a person chooses.

use std::path::Path;

use policy_checker::data::quiz::squash;
use policy_checker::eligibility::{check, data, Person};
use policy_checker::forms::form;
use policy_checker::quiz::quiz;

fn library() -> String {
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/docs");
    let mut all = String::new();
    for e in std::fs::read_dir(docs).unwrap() {
        all.push_str(&std::fs::read_to_string(e.unwrap().path()).unwrap());
    }
    squash(&all)
}

/// Every “…” in `text` that follows 写 (写 / 写了 / 写的是 / 要求落实…“代缴”) must be the documents' words.
fn quoted_words_exist(what: &str, text: &str, lib: &str) {
    for (i, part) in text.split('“').enumerate().skip(1) {
        let before: String = text
            .split('“')
            .nth(i - 1)
            .unwrap()
            .chars()
            .rev()
            .take(4)
            .collect();
        if !before.contains('写') && !before.contains('实') {
            continue;
        }
        let quoted = part.split('”').next().unwrap();
        assert!(
            lib.contains(&squash(quoted)),
            "{what}: says the documents say “{quoted}”; they do not"
        );
    }
}

#[test]
fn quiz_explanations_and_rule_sentences_quote_only_the_documents() {
    let lib = library();
    for q in &quiz().questions {
        quoted_words_exist(&q.id, &q.explanation, &lib);
    }
    for r in &data().rules {
        quoted_words_exist(&r.id, &r.sentence, &lib);
    }
    // 9. The enrolment question says “代缴”, as the document does, not “由政府代缴”.
    let q = quiz()
        .questions
        .iter()
        .find(|q| q.id == "hn-enrolment")
        .unwrap();
    assert!(q.explanation.contains("“代缴”") && !q.explanation.contains("政府代缴"));
}

fn person(area: &str, category: &str) -> Person {
    Person {
        area: area.into(),
        category: category.into(),
        age: Some(50),
        insured: true,
        disability: false,
        pregnant: false,
        long_term_illness: true,
        diseases: if area == "huining" {
            vec!["major_50".into()]
        } else {
            vec![]
        },
    }
}

#[test]
fn the_rules_the_documents_state_are_reachable_from_check() {
    for (area, ids) in [
        ("huining", &["hn_one_plan", "hn_major_expert"][..]),
        (
            "meishan",
            &[
                "ms_referral",
                "ms_health_record",
                "ms_publicity",
                "ms_noncompliant_hospital",
            ][..],
        ),
        ("dezhou", &["dz_first_diagnosis"][..]),
    ] {
        let results = check(&person(area, "poverty_registered")).unwrap();
        for id in ids {
            let r = results
                .iter()
                .find(|r| r.id == *id)
                .unwrap_or_else(|| panic!("{area}: no rule {id}"));
            assert!(r.applies, "{id} should apply to a 建档立卡 patient");
        }
    }
    let rule = |id: &str| data().rules.iter().find(|r| r.id == id).unwrap();
    // 一人一策: the WeChat group and, for 重大疾病, the county expert who arranges beds and specialists.
    let one = rule("hn_one_plan");
    assert!(one.sentence.contains("健康帮扶工作微信群"));
    assert!(one
        .also
        .iter()
        .any(|c| c.doc == "gansu-165" && c.section == "s1-1-5"));
    assert!(one
        .also
        .iter()
        .any(|c| c.doc == "huining-203" && c.section == "s3-3"));
    assert!(rule("hn_major_expert")
        .sentence
        .contains("联系床位、预约专家"));
    // 眉山 逐级转诊: both approvals, and the in-county limit of the no-deductible rule and the cap.
    let referral = rule("ms_referral");
    for w in [
        "区、县卫生计生局批准",
        "省级卫生计生行政部门批准",
        "只写了县域内",
    ] {
        assert!(referral.sentence.contains(w), "ms_referral lacks {w}");
    }
    assert!(rule("ms_publicity").sentence.contains("出院当月"));
    assert!(rule("ms_health_record").sentence.contains("100%"));
    // 眉山 不合规费用: outside the county too, with the referral paragraph's words.
    let nc = rule("ms_noncompliant_hospital");
    assert!(nc.sentence.contains("转诊到市级、省级医院也是这样"));
    assert!(nc
        .also
        .iter()
        .any(|c| c.quote.contains("产生的一切不合规医疗费用")));
    // 德州 首诊负责制: its own rule, named only.
    let first = rule("dz_first_diagnosis");
    assert!(first.named_only && first.source.quote == "严格落实首诊负责制");
}

#[test]
fn the_readings_the_register_chose_are_told_where_people_choose() {
    let rule = |id: &str| data().rules.iter().find(|r| r.id == id).unwrap();
    // 1. 医疗救助: the clause with no 住院 is the source; 门诊慢特病 is named; the 住院 clause is still listed.
    let a = rule("hn_assistance_3000");
    assert!(
        !a.source.quote.contains("住院")
            && a.source.doc == "huining-83"
            && a.source.section == "s3-2"
    );
    assert!(a.sentence.contains("门诊慢特病"));
    assert!(a
        .also
        .iter()
        .any(|c| c.doc == "huining-203" && c.quote.contains("住院合规医疗费用")));
    // 5. 农村兜底保障户 who are also 低保 or 特困: both categories' rules concern them, so the checker
    // says to look at both (each category's result says so on the rules of the other).
    let category = |id: &str| data().categories.iter().find(|c| c.id == id).unwrap();
    assert!(category("safety_net").hint.contains("可以两类各查一次"));
    for (id, other) in [
        ("safety_net", "dibao"),
        ("dibao", "safety_net"),
        ("tekun", "safety_net"),
    ] {
        let c = category(id);
        assert!(
            c.caveat
                .as_deref()
                .is_some_and(|t| t.contains("改选那一类")),
            "{id}"
        );
        assert!(c.caveat_when_rule_has.iter().any(|x| x == other), "{id}");
    }
    // 10. The two targets for new diagnosis types, where the form shows one.
    let f = form("baozhua").unwrap();
    let ind = f.indicators().find(|i| i.id == "7-2").unwrap();
    assert!(ind.fix.contains("每年新增 20 至 50 种") && ind.fix.contains("增加10%以上"));
}

/// Issue 12 (10): the document page notes the two targets for new diagnosis types in its 编者注.
#[test]
fn the_document_notes_both_targets_for_new_diagnosis_types() {
    let doc = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/docs/huining-83.md"),
    )
    .unwrap();
    let notes = &doc[doc.find("{#ed-notes}").unwrap()..];
    assert!(notes.contains("“每年新增 20 至 50 种”") && notes.contains("“每年是否增加 10% 以上”"));
}

/// Every note that sends a person to the register names it with the words the app makes a link to it
/// (`policy_content::site::REGISTER`): one written otherwise would be words to look for, with no way to it.
#[test]
fn every_note_naming_the_register_links_it() {
    let words = policy_content::site::REGISTER.1;
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/eligibility.toml");
    let data = std::fs::read_to_string(data).unwrap();
    let named = data.matches("关于本站").count();
    assert!(
        named > 0,
        "no note names the register: the test would check nothing"
    );
    assert_eq!(
        data.matches(words).count(),
        named,
        "a note names 关于本站 otherwise than {words}"
    );
    for line in data.lines().filter(|l| l.contains(words)) {
        assert_eq!(line.matches(words).count(), 1, "one link per note: {line}");
    }
}

/// Every note that names the register says which entry (a link to the top of a list 20,000 px long at 特大
/// had been no way to it), and every entry it names is in the register.
#[test]
fn every_note_naming_the_register_names_its_entry() {
    let words = policy_content::site::REGISTER.1;
    let register = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/ambiguities.toml");
    let register = std::fs::read_to_string(register).unwrap();
    let mut named = 0;
    for r in &data().rules {
        let says = r.sentence.contains(words) || r.written_for.is_some();
        let entries = std::iter::once((says, &r.reading)).chain(
            r.caveats
                .iter()
                .map(|c| (c.text.contains(words), &c.reading)),
        );
        for (says, entry) in entries {
            match (says, entry) {
                (true, None) => panic!("rule {}: a note names the register, not its entry", r.id),
                (false, Some(e)) => panic!(
                    "rule {}: entry {e} named where no note names the register",
                    r.id
                ),
                (true, Some(e)) => {
                    named += 1;
                    assert!(
                        register.contains(&format!("id = \"{e}\"")),
                        "rule {}: no entry {e}",
                        r.id
                    );
                }
                (false, None) => {}
            }
        }
    }
    assert!(named >= 10, "{named} notes name the register");
}
