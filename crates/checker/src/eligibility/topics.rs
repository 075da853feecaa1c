//! Direct answers to a topic's question (体检? 家庭医生?) for a person: yes, no, or the documents do not say.

use serde::{Deserialize, Serialize};

use super::{check_with, data, BenefitResult, CheckError, Person};
use crate::data::eligibility::EligibilityData;
use crate::data::Citation;

/// How a direct question is answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// A rule with the topic applies to the person.
    Yes,
    /// The area has rules with the topic, and none applies to the person.
    No,
    /// The area's documents give no such rule (the note says what they do say).
    NotInDocuments,
}

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
            let tagged: Vec<&BenefitResult> = results
                .iter()
                .filter(|b| {
                    data.rules
                        .iter()
                        .any(|r| r.id == b.id && r.topic.as_deref() == Some(t.id.as_str()))
                })
                .collect();
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
                (
                    Verdict::No,
                    first.why_not.clone().unwrap_or_default(),
                    tagged.iter().map(|b| b.id.clone()).collect(),
                    vec![first.source.clone()],
                )
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
            TopicAnswer {
                topic: t.id.clone(),
                name: t.name.clone(),
                question: t.question.clone(),
                verdict,
                text,
                rules,
                sources,
            }
        })
        .collect())
}
