//! A question typed as one run of words (贫困户住院, 慢病门诊报销) finds nothing when the documents never
//! write those words side by side: a term is searched as written. [`split_words`] cuts such a term into
//! the longest pieces the documents do write, for a search of all of them ("贫困户 住院"), which the
//! search page offers one tap away.

use std::future::Future;

/// The shortest piece a term is cut into: one character (户, 的) is in nearly every section.
const MIN_PIECE: usize = 2;

/// The shortest term worth cutting: two pieces of [`MIN_PIECE`].
const MIN_TERM: usize = 2 * MIN_PIECE;

/// The longest term cut: a question, not a pasted passage (a term of n characters may take n²/2 searches).
const MAX_TERM: usize = 16;

/// Words that make a question of what is asked (大病保险起付线多少, 住院怎么报销), which the documents, stating
/// rules, do not write beside it: left out of the pieces, and no piece runs across one.
pub const QUESTION_WORDS: &[&str] = &[
    "多少",
    "怎么",
    "怎样",
    "如何",
    "什么",
    "哪些",
    "哪里",
    "能不能",
    "可不可以",
    "是不是",
    "有没有",
    "吗",
    "呢",
];

/// The query to offer for `query`, a single term (no whitespace) that found nothing: its normalized
/// characters, without the [`QUESTION_WORDS`], cut from the left into the longest pieces that `finds` (a
/// search that answers whether a query finds anything) finds on their own, characters no piece of two or
/// more starts with left out. Offered when `finds` finds them together and there are two pieces or more,
/// or one piece with nothing but question words and at most one character left out. `None` for a query
/// of more than one term, shorter than [`MIN_TERM`] or longer than [`MAX_TERM`]. Async because in the
/// browser a search may fetch pieces of the index; each piece asked about is a substring of `query`, so
/// its search reads the index's grams the failed search already read.
pub async fn split_words<F, Fut>(query: &str, mut finds: F) -> Option<String>
where
    F: FnMut(String) -> Fut,
    Fut: Future<Output = bool>,
{
    let mut terms = query.split_whitespace();
    let term = terms.next()?;
    if terms.next().is_some() {
        return None;
    }
    let mut term = super::normalize(term);
    if !(MIN_TERM..=MAX_TERM).contains(&term.chars().count()) {
        return None;
    }
    let whole = term.clone();
    for word in QUESTION_WORDS {
        term = term.replace(word, " ");
    }
    let mut pieces: Vec<String> = Vec::new();
    // Characters left out that are not a question word's.
    let mut skipped = 0;
    for run in term.split_whitespace() {
        let chars: Vec<char> = run.chars().collect();
        let mut at = 0;
        while chars.len() - at >= MIN_PIECE {
            let mut taken = None;
            for len in (MIN_PIECE..=chars.len() - at).rev() {
                let piece: String = chars[at..at + len].iter().collect();
                // The whole term, as one piece, is what found nothing.
                if piece != whole && finds(piece.clone()).await {
                    taken = Some((piece, len));
                    break;
                }
            }
            match taken {
                Some((piece, len)) => {
                    pieces.push(piece);
                    at += len;
                }
                None => {
                    at += 1;
                    skipped += 1;
                }
            }
        }
        skipped += chars.len() - at;
    }
    // One piece is offered only for a question about it (大病保险起付线多少 → 大病保险起付线, 大病保险怎么报
    // → 大病保险): with more left out, it would search for much less than was asked.
    let asked = pieces.len() >= MIN_PIECE || (pieces.len() == 1 && skipped <= 1);
    if !asked {
        return None;
    }
    let split = pieces.join(" ");
    finds(split.clone()).await.then_some(split)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::future::{ready, Future};
    use std::pin::pin;
    use std::task::{Context, Poll, Waker};

    /// `split_words` with a search that answers at once: whether every whitespace-separated word of the
    /// query is in one of `sections`.
    fn split(query: &str, sections: &[&str]) -> Option<String> {
        let finds = |q: String| {
            ready(
                sections
                    .iter()
                    .any(|s| q.split_whitespace().all(|w| s.contains(w))),
            )
        };
        let mut fut = pin!(split_words(query, finds));
        match fut.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
            Poll::Ready(out) => out,
            Poll::Pending => unreachable!("the search answers at once"),
        }
    }

    #[test]
    fn a_run_of_words_is_cut_into_the_longest_pieces_written() {
        let docs = [
            "建档立卡贫困户在县域内住院，先诊疗后付费",
            "慢性病门诊报销按规定执行",
            "大病保险起付线降低",
        ];
        let cases: &[(&str, Option<&str>)] = &[
            ("贫困户住院", Some("贫困户 住院")),
            ("建档立卡贫困户住院报销", None), // 报销 is in another section than 住院
            ("贫困户的住院", Some("贫困户 住院")), // 的 starts no piece
            ("门诊报销吗", Some("门诊报销")),
            ("住院", None),                                     // too short to cut
            ("贫困户 住院", None),                              // already more than one term
            ("外星人飞船", None),                               // no piece is written
            ("贫困户住院贫困户住院贫困户住院贫困户住院", None), // a passage, not a question
            ("贫困户飞船", None), // one piece, two characters left out
            ("大病保险怎么报", Some("大病保险")),
            ("Ｂ超检查大病保险", None), // 大病保险 alone is one piece
            ("大病保险起付线降低吗", Some("大病保险起付线降低")),
            ("大病保险起付线多少", Some("大病保险起付线")),
            ("贫困户住院怎么办", Some("贫困户 住院")),
            ("住院怎么先诊疗", Some("住院 先诊疗")),
        ];
        for (query, want) in cases {
            assert_eq!(split(query, &docs).as_deref(), *want, "{query}");
        }
    }
}
