//! Chinese text cut into sentences, as 朗读 reads it (`crate::speech`) and a poster carries it
//! (`components::poster`). Pure: no DOM, tested natively.

/// Where a sentence ends: 。！？； (and their ASCII forms) and a line break (the end of a block).
const SENTENCE_ENDS: [char; 8] = ['。', '！', '？', '；', '!', '?', ';', '\n'];

/// What may follow a sentence end and still belong to the sentence (closing quotes and brackets).
const CLOSERS: [char; 6] = ['”', '’', '）', '」', '』', ')'];

/// `text` cut after every sentence end, each closing quote or bracket kept with its sentence; together
/// the pieces are `text`.
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut ended = false;
    for (i, c) in text.char_indices() {
        if ended && !CLOSERS.contains(&c) {
            out.push(&text[start..i]);
            start = i;
            ended = false;
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
        ];
        for (text, want) in cases {
            assert_eq!(sentences(text), *want, "{text:?}");
            assert_eq!(sentences(text).concat(), *text);
        }
    }
}
