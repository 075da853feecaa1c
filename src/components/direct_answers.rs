//! The direct answers at the top of the checker's result: 能免费体检吗？能签约家庭医生吗？ Each says 能 / 要看年龄 /
//! 文件没写给您 / 要看人员类别 / 文件没有写, in one or two plain sentences, with the clause it rests on.

use leptos::prelude::*;
use policy_checker::{TopicAnswer, Verdict};

/// One short block per question the data answers directly.
#[component]
pub fn DirectAnswers(
    /// The answers for this person (`policy_checker::topic_answers`), in the data's order.
    answers: Vec<TopicAnswer>,
) -> impl IntoView {
    (!answers.is_empty()).then(|| {
        view! {
            <section class="direct-answers" aria-label="常问的问题">
                {answers
                    .into_iter()
                    .map(|a| {
                        let (class, word) = match a.verdict {
                            Verdict::Yes => ("verdict yes", "能"),
                            Verdict::NeedsAge => ("verdict silent", "要看年龄"),
                            Verdict::NotForYou => ("verdict silent", "文件没写给您"),
                            Verdict::NeedsCategory => ("verdict silent", "要看人员类别"),
                            Verdict::NotInDocuments => ("verdict silent", "文件没有写"),
                        };
                        view! {
                            <div class="direct-answer" data-topic=a.topic.clone()>
                                <h3>{a.question.clone()}" "<span class=class>{word}</span></h3>
                                <p>
                                    {super::register_linked(a.text.clone(), a.reading.as_deref())}
                                </p>
                                {(!a.sources.is_empty())
                                    .then(|| {
                                        view! {
                                            <p class="cites">
                                                "出处："
                                                {a
                                                    .sources
                                                    .iter()
                                                    .map(|c| {
                                                        view! {
                                                            <a class="cite" href=c.href()>
                                                                {c.label()}
                                                            </a>
                                                            " "
                                                        }
                                                    })
                                                    .collect_view()}
                                            </p>
                                        }
                                    })}
                            </div>
                        }
                    })
                    .collect_view()}
            </section>
        }
    })
}
