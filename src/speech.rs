//! The text 朗读 reads, cut into utterances: a speech engine takes only so much at once (Android's
//! about 4,000 characters) and a long one cannot be paused or resumed in the middle, so the text goes
//! in sentence-sized pieces, queued one after another. Pure: no DOM, tested natively.

/// The longest utterance, in characters: a sentence or two.
pub const MAX_UTTERANCE_CHARS: usize = 200;

/// Where a sentence too long for one utterance may be cut (after a comma, a list mark or a colon).
const SOFT_BREAKS: [char; 6] = ['，', '、', '：', ',', ':', ' '];

/// `text` cut into utterances of at most `max_chars` characters: at every sentence end
/// ([`crate::sentences`]), then a piece still too long at its last comma within the limit, else at the limit.
/// Whitespace is tidied; pieces with nothing to say (only punctuation or space) are dropped.
pub fn utterances(text: &str, max_chars: usize) -> Vec<String> {
    let max_chars = max_chars.max(1);
    let mut out = Vec::new();
    for sentence in crate::sentences::sentences(text) {
        let mut rest: Vec<char> = sentence.chars().collect();
        while rest.len() > max_chars {
            let cut = rest[..max_chars]
                .iter()
                .rposition(|c| SOFT_BREAKS.contains(c))
                .map_or(max_chars, |i| i + 1);
            push_piece(&mut out, &rest[..cut].iter().collect::<String>());
            rest.drain(..cut);
        }
        push_piece(&mut out, &rest.iter().collect::<String>());
    }
    out
}

/// Signs a speech engine skips or misreads, in the words that say them (the calculator's steps show
/// `（合规费用 … − 起付线 …）× 报销比例 85%`).
const SAID_AS: [(char, &str); 2] = [('−', "减"), ('×', "乘以")];

/// Adds `piece`, its runs of whitespace made one space and its signs in words ([`SAID_AS`]), unless it
/// has nothing to read.
fn push_piece(out: &mut Vec<String>, piece: &str) {
    let mut tidy = piece.split_whitespace().collect::<Vec<_>>().join(" ");
    for (sign, words) in SAID_AS {
        tidy = tidy.replace(sign, words);
    }
    if tidy.chars().any(char::is_alphanumeric) {
        out.push(tidy);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_step_s_signs_are_said_in_words() {
        assert_eq!(
            utterances("（合规费用 50,000.00 − 起付线 0.00）× 报销比例 85%。", 200),
            ["（合规费用 50,000.00 减 起付线 0.00）乘以 报销比例 85%。"]
        );
    }

    #[test]
    fn cuts_at_sentence_ends() {
        let cases: &[(&str, &[&str])] = &[
            ("", &[]),
            ("  \n ", &[]),
            ("一句话", &["一句话"]),
            (
                "第一句。第二句！第三句？",
                &["第一句。", "第二句！", "第三句？"],
            ),
            ("甲；乙；", &["甲；", "乙；"]),
            ("标题\n正文第一句。", &["标题", "正文第一句。"]),
            ("他说：“好。”然后走了。", &["他说：“好。”", "然后走了。"]),
            ("（见第三条。）下一句", &["（见第三条。）", "下一句"]),
            ("Yes! No? ok;", &["Yes!", "No?", "ok;"]),
            ("第一条。  \n\n  第二条。", &["第一条。", "第二条。"]),
            ("。。！\n——\n有字。", &["有字。"]),
            ("个人 \t 自付  1,500.00 元。", &["个人 自付 1,500.00 元。"]),
        ];
        for (text, want) in cases {
            assert_eq!(utterances(text, MAX_UTTERANCE_CHARS), *want, "{text:?}");
        }
    }

    #[test]
    fn cuts_long_sentences_at_commas_then_at_the_limit() {
        let cases: &[(&str, usize, &[&str])] = &[
            (
                "一二三，四五六，七八九。",
                5,
                &["一二三，", "四五六，", "七八九。"],
            ),
            ("一二三四五六七", 3, &["一二三", "四五六", "七"]),
            ("一二，三四五六七八", 4, &["一二，", "三四五六", "七八"]),
            ("甲、乙、丙、丁", 4, &["甲、乙、", "丙、丁"]),
            ("短句。", 3, &["短句。"]),
        ];
        for (text, max, want) in cases {
            assert_eq!(utterances(text, *max), *want, "{text:?} at {max}");
        }
    }

    #[test]
    fn a_long_document_becomes_pieces_within_the_limit_and_loses_nothing() {
        let para = "参加城乡居民基本医疗保险的建档立卡贫困人口，住院费用经基本医保、大病保险报销后"
            .repeat(12);
        let text = format!("{para}。第二段。\n{}", "长".repeat(450));
        let pieces = utterances(&text, MAX_UTTERANCE_CHARS);
        assert!(pieces
            .iter()
            .all(|p| p.chars().count() <= MAX_UTTERANCE_CHARS));
        let joined: String = pieces.concat();
        let original: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(joined, original);
        assert_eq!(pieces.last().map(|p| p.chars().count()), Some(50));
    }
}
