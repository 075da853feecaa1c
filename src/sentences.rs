//! Chinese text cut into sentences, as 朗读 reads it (`crate::speech`) and a poster carries it
//! (`components::poster`). Pure: no DOM, tested natively.

/// Where a sentence ends: 。！？； (and their ASCII forms) and a line break (the end of a block).
const SENTENCE_ENDS: [char; 8] = ['。', '！', '？', '；', '!', '?', ';', '\n'];

/// What may follow a sentence end and still belong to the sentence (closing quotes and brackets).
const CLOSERS: [char; 6] = ['”', '’', '）', '」', '』', ')'];

/// Quotes and titles whose inside is one piece: a sentence end inside them does not end the sentence
/// around them (“好。我去。” is said in one breath; 《…。》 is a title).
const QUOTES: [(char, char); 4] = [('“', '”'), ('《', '》'), ('「', '」'), ('『', '』')];

/// Whether `text` ends a sentence: its last character, past closing quotes and brackets, is a sentence end.
pub fn ends_sentence(text: &str) -> bool {
    text.trim_end_matches(CLOSERS).ends_with(SENTENCE_ENDS)
}

/// `text` cut after every sentence end outside quotes (a line break always ends one, and closes any quote
/// left open), each closing quote or bracket kept with its sentence; together the pieces are `text`.
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut ended = false;
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        if ended && !CLOSERS.contains(&c) {
            if depth == 0 {
                out.push(&text[start..i]);
                start = i;
            }
            ended = false;
        }
        if QUOTES.iter().any(|(open, _)| *open == c) {
            depth += 1;
        } else if QUOTES.iter().any(|(_, close)| *close == c) {
            depth = depth.saturating_sub(1);
        }
        if c == '\n' {
            depth = 0;
        }
        if SENTENCE_ENDS.contains(&c) {
            ended = true;
        }
    }
    out.push(&text[start..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_ends() {
        for (text, ends) in [
            ("保障范围。", true),
            ("（责任单位：县民政局）", false),
            ("“先诊疗，后付费”。", true),
            ("得5分。”", true),
            ("各医疗机构；", true),
            ("5", false),
            ("", false),
        ] {
            assert_eq!(ends_sentence(text), ends, "{text}");
        }
    }

    #[test]
    fn cuts_after_each_end_and_keeps_closers_with_their_sentence() {
        let cases: &[(&str, &[&str])] = &[
            ("", &[""]),
            ("一句话", &["一句话"]),
            (
                "第一句。第二句！第三句？",
                &["第一句。", "第二句！", "第三句？"],
            ),
            ("标题\n正文。", &["标题\n", "正文。"]),
            ("他说：“好。”然后走了。", &["他说：“好。”", "然后走了。"]),
            ("（见第三条。）下一句", &["（见第三条。）", "下一句"]),
            ("甲；；乙", &["甲；", "；", "乙"]),
            (
                "他说：“好。我去。”然后走了。",
                &["他说：“好。我去。”", "然后走了。"],
            ),
            (
                "按《通知。》执行。下一句",
                &["按《通知。》执行。", "下一句"],
            ),
            ("“没有闭合。\n下一行。", &["“没有闭合。\n", "下一行。"]),
            ("”多一个。下一句", &["”多一个。", "下一句"]),
        ];
        for (text, want) in cases {
            assert_eq!(sentences(text), *want, "{text:?}");
            assert_eq!(sentences(text).concat(), *text);
        }
    }
}
