//! The policy-awareness quiz: at least 20 questions from the documents, well-formed, scored against the 95%
//! target. (That every answer is in its cited clause is checked in `citations.rs`.)

use std::collections::BTreeMap;

use policy_checker::data::Library;
use policy_checker::quiz::{quiz, score_quiz, QuizError};

fn answers(wrong: usize) -> BTreeMap<String, usize> {
    quiz()
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            (
                q.id.clone(),
                if i < wrong {
                    (q.answer + 1) % q.choices.len()
                } else {
                    q.answer
                },
            )
        })
        .collect()
}

#[test]
fn at_least_twenty_questions_from_every_area() {
    let q = quiz();
    assert!(q.questions.len() >= 20, "{} questions", q.questions.len());
    for area in ["huining", "meishan", "dezhou"] {
        assert!(
            q.questions.iter().any(|x| x.area == area),
            "no question about {area}"
        );
    }
    assert_eq!(q.target_percent, 95);
    for x in &q.questions {
        assert!(x.answer < x.choices.len(), "{}", x.id);
        assert!(
            x.choices.len() >= 3,
            "{}: give at least three choices",
            x.id
        );
    }
}

#[test]
fn answers_are_not_always_in_the_same_place() {
    let positions: std::collections::BTreeSet<usize> =
        quiz().questions.iter().map(|q| q.answer).collect();
    assert!(positions.len() >= 3, "answers sit at {positions:?} only");
}

#[test]
fn scores_against_the_target() {
    let n = quiz().questions.len();
    // (wrong answers, percent, meets 95%)
    let table = [
        (0, 100, true),
        (1, (n - 1) * 100 / n, (n - 1) * 100 / n >= 95),
        (n, 0, false),
    ];
    for (wrong, percent, meets) in table {
        let r = score_quiz(quiz(), &answers(wrong)).unwrap();
        assert_eq!((r.correct, r.total), (n - wrong, n), "{wrong} wrong");
        assert_eq!(
            (r.percent as usize, r.meets_target),
            (percent, meets),
            "{wrong} wrong"
        );
        assert_eq!(r.questions.iter().filter(|m| !m.correct).count(), wrong);
    }
    let r = score_quiz(quiz(), &answers(2)).unwrap();
    assert!(
        !r.meets_target || n >= 40,
        "two wrong of {n} should miss 95%"
    );
}

#[test]
fn unanswered_questions_count_as_wrong() {
    let mut a = answers(0);
    let first = quiz().questions[0].id.clone();
    a.remove(&first);
    let r = score_quiz(quiz(), &a).unwrap();
    assert_eq!(r.correct, quiz().questions.len() - 1);
    assert_eq!(
        (r.questions[0].chosen, r.questions[0].correct),
        (None, false)
    );
}

#[test]
fn bad_answers_are_errors() {
    let q = &quiz().questions[0];
    let table = [
        (
            ("nope".to_string(), 0),
            QuizError::UnknownQuestion("nope".into()),
        ),
        (
            (q.id.clone(), q.choices.len()),
            QuizError::NoSuchChoice {
                question: q.id.clone(),
                choice: q.choices.len(),
            },
        ),
    ];
    for ((id, choice), want) in table {
        assert_eq!(
            score_quiz(quiz(), &BTreeMap::from([(id, choice)])),
            Err(want)
        );
    }
}

#[test]
fn a_wrong_answer_key_is_caught_by_validation() {
    let lib = Library::of_repository(env!("CARGO_MANIFEST_DIR"));
    let mut q = quiz().clone();
    q.questions[0].answer = 0; // 500元: not in the quote
    assert!(q
        .validate(&lib)
        .unwrap_err()
        .problem
        .contains("does not contain the answer"));
    q.questions[0].answer = 9;
    assert!(q
        .validate(&lib)
        .unwrap_err()
        .problem
        .contains("out of range"));
}
