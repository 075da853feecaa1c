//! Direct answers to a topic's question (体检? 家庭医生?) for a person: yes; it depends on the age not given;
//! the documents' rules are for others (never a bare no: none of them excludes anyone); or the documents do
//! not say.

use serde::{Deserialize, Serialize};

use super::{check_with, data, BenefitResult, CheckError, Person};
use crate::data::eligibility::{EligibilityData, Rule};
use crate::data::Citation;

/// How a direct question is answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// A rule with the topic applies to the person.
    Yes,
    /// A rule with the topic would apply but for the person's age, which they did not give.
    NeedsAge,
    /// The area has rules with the topic, none of them for the person; the documents do not say the
    /// person cannot (none of them excludes anyone), so the answer is never a bare 不能.
    NotForYou,
    /// The area has rules with the topic for some categories, and the person does not know theirs.
    NeedsCategory,
    /// The area's documents give no such rule (the note says what they do say).
    NotInDocuments,
}

/// Said after why a rule is not for the person: what the documents leave open.
const NOT_FOR_YOU_OPEN: &str =
    "别的情况能不能享受、怎么享受，这些文件没有写，可以问村医或乡镇卫生院。";

/// A direct answer to one topic's question, for this person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicAnswer {
    /// Topic id (`checkup`, `family_doctor`).
    pub topic: String,
    /// Short name, e.g. 免费体检.
    pub name: String,
    /// The question, e.g. 我能免费体检吗？
    pub question: String,
    /// The answer.
    pub verdict: Verdict,
    /// Plain sentences: the applying rules' sentences, or why not, or what the documents say.
    pub text: String,
    /// The rules that answer it (those that apply, or else all of the area's rules with the topic).
    pub rules: Vec<String>,
    /// The clauses.
    pub sources: Vec<Citation>,
    /// The register's entry the text sends the person to, if it names the register.
    pub reading: Option<String>,
}

/// The direct answers (体检, 家庭医生, …) for the person, in the data file's order of topics.
pub fn topic_answers(person: &Person) -> Result<Vec<TopicAnswer>, CheckError> {
    topic_answers_with(data(), person)
}

/// [`topic_answers`] over the given rules.
pub fn topic_answers_with(
    data: &EligibilityData,
    person: &Person,
) -> Result<Vec<TopicAnswer>, CheckError> {
    let results = check_with(data, person)?;
    Ok(data
        .topics
        .iter()
        .map(|t| {
            // Each result answering this topic, with its rule.
            let with_rules: Vec<(&Rule, &BenefitResult)> = results
                .iter()
                .filter_map(|b| {
                    let r = data
                        .rules
                        .iter()
                        .find(|r| r.id == b.id && r.topic.as_deref() == Some(t.id.as_str()))?;
                    Some((r, b))
                })
                .collect();
            let tagged: Vec<&BenefitResult> = with_rules.iter().map(|(_, b)| *b).collect();
            let note = t.otherwise.iter().find(|n| n.area == person.area);
            let applying: Vec<&&BenefitResult> = tagged.iter().filter(|b| b.applies).collect();
            let (verdict, mut text, rules, mut sources) = if !applying.is_empty() {
                (
                    Verdict::Yes,
                    applying
                        .iter()
                        .map(|b| b.sentence.as_str())
                        .collect::<String>(),
                    applying.iter().map(|b| b.id.clone()).collect(),
                    applying.iter().map(|b| b.source.clone()).collect(),
                )
            } else if let Some(first) = tagged.first() {
                // The first rule that would apply with an age in its range, when no age was given (for
                // one of its categories, when the category is unknown too).
                let by_age = with_rules.iter().map(|(_, b)| b).find(|b| b.depends_on_age);
                match by_age {
                    Some(b) => (
                        Verdict::NeedsAge,
                        b.why_not.clone().unwrap_or_default(),
                        vec![b.id.clone()],
                        vec![b.source.clone()],
                    ),
                    None if first.depends_on_category => (
                        Verdict::NeedsCategory,
                        first.why_not.clone().unwrap_or_default(),
                        tagged.iter().map(|b| b.id.clone()).collect(),
                        vec![first.source.clone()],
                    ),
                    // What the documents leave open said, unless a clause the person was told of says
                    // more (会宁's 对慢病患者…: "这些文件没有写" after it had contradicted it), that clause
                    // listed with the rule's.
                    None => (
                        Verdict::NotForYou,
                        format!(
                            "{}{}",
                            first.why_not.clone().unwrap_or_default(),
                            if first.noted.is_empty() {
                                NOT_FOR_YOU_OPEN
                            } else {
                                ""
                            }
                        ),
                        tagged.iter().map(|b| b.id.clone()).collect(),
                        std::iter::once(first.source.clone())
                            .chain(first.noted.iter().cloned())
                            .collect(),
                    ),
                }
            } else {
                (
                    Verdict::NotInDocuments,
                    String::new(),
                    Vec::new(),
                    Vec::new(),
                )
            };
            if verdict != Verdict::Yes {
                if let Some(n) = note {
                    text.push_str(&n.text);
                    sources.extend(n.source.clone());
                }
            }
            // The register's entry of the first answering result that names one.
            let reading = with_rules
                .iter()
                .filter(|(_, b)| rules.contains(&b.id))
                .find_map(|(_, b)| b.reading.clone());
            TopicAnswer {
                topic: t.id.clone(),
                name: t.name.clone(),
                question: t.question.clone(),
                verdict,
                text,
                rules,
                sources,
                reading,
            }
        })
        .collect())
}
