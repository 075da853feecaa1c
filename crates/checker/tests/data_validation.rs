//! The build-time checks reject broken data: each case breaks one thing in a copy of the real data and
//! expects the validator to name it.

use policy_checker::data::eligibility::EligibilityData;
use policy_checker::data::Library;
use policy_checker::eligibility::data;
use policy_checker::quiz::quiz;

/// The documents every citation is checked against.
fn lib() -> Library {
    Library::of_repository(env!("CARGO_MANIFEST_DIR"))
}

fn case(name: &str, break_it: impl FnOnce(&mut EligibilityData), expect: &str) {
    let mut d = data().clone();
    d.validate(&lib()).expect("the real data is valid");
    break_it(&mut d);
    let e = d.validate(&lib()).expect_err(name);
    assert!(e.to_string().contains(expect), "{name}: {e}");
}

#[test]
fn broken_eligibility_data_is_rejected() {
    case(
        "wrong 文号",
        |d| d.rules[0].source.number = "县委办发〔2018〕84号".into(),
        "huining-83 is 县委办发〔2018〕83号",
    );
    case(
        "unknown document",
        |d| d.rules[0].source.doc = "huining-84".into(),
        "unknown document",
    );
    case(
        "a quote its section does not say",
        |d| d.rules[0].source.quote = "本站编造的一句话".into(),
        "does not say “本站编造的一句话”",
    );
    case(
        "unknown category",
        |d| d.rules[0].categories.push("rich".into()),
        "unknown category \"rich\"",
    );
    case(
        "unknown fact",
        |d| d.rules[0].all.push("tall".into()),
        "unknown fact \"tall\"",
    );
    case(
        "disease of another area",
        |d| d.rules[0].any.push("disease:echinococcosis".into()),
        "not asked in area huining",
    );
    case(
        "duplicate rule id",
        |d| {
            let r = d.rules[0].clone();
            d.rules.push(r)
        },
        "twice",
    );
    case(
        "source outside the area's documents",
        |d| {
            d.rules[0].source = d
                .rules
                .iter()
                .find(|r| r.area == "meishan")
                .unwrap()
                .source
                .clone()
        },
        "not one of area huining's documents",
    );
    case(
        "named_only without saying what is missing",
        |d| {
            d.rules[0].named_only = true;
            d.rules[0].sentence = "有。".into()
        },
        "named_only",
    );
    case(
        "bad age range",
        |d| d.rules[0].age = Some(policy_checker::data::eligibility::AgeRange { min: 9, max: 3 }),
        "age min > max",
    );
}

#[test]
fn broken_quiz_is_rejected() {
    let mut q = quiz().clone();
    q.questions[1].choices[1] = q.questions[1].choices[0].clone();
    assert!(q.validate(&lib()).unwrap_err().problem.contains("same"));
    let mut q = quiz().clone();
    q.questions[2].id = q.questions[0].id.clone();
    assert!(q.validate(&lib()).unwrap_err().problem.contains("twice"));
}
