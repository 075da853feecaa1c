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
    // A piece after a sentence cut inside a table cell began "，考核评价：…": a comma is no way to start.
    let mut tidy = piece
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_start_matches(['，', ',', '、', '；', ';'])
        .to_string();
    for (sign, words) in SAID_AS {
        tidy = tidy.replace(sign, words);
    }
    if tidy.chars().any(char::is_alphanumeric) {
        out.push(tidy);
    }
}

/// Punctuation that already sets a tag off where it stands.
const SETS_OFF: [char; 8] = ['，', '、', '：', '。', '；', ',', ':', ';'];

/// `text` with the first `tag` in it (含假设, 县级) set off by commas, so it is not run into the amount or
/// place beside it ("8,500.00 元含假设"); no comma where the text begins or ends or one already stands.
pub fn set_off(text: &str, tag: &str) -> String {
    let Some(at) = text.find(tag).filter(|_| !tag.is_empty()) else {
        return text.to_string();
    };
    let (before, after) = (text[..at].trim_end(), text[at + tag.len()..].trim_start());
    let lead = before
        .chars()
        .last()
        .is_some_and(|c| !SETS_OFF.contains(&c));
    let trail = after.chars().next().is_some_and(|c| !SETS_OFF.contains(&c));
    format!(
        "{before}{}{tag}{}{after}",
        if lead { "，" } else { "" },
        if trail { "，" } else { "" }
    )
}

/// A table cell as it is read: a bare amount in a column whose heading names its unit (`金额（元）`) is
/// read with the unit (`8,500.00 元`); anything else as it is.
pub fn with_unit(cell: &str, heading: &str) -> String {
    let unit = heading
        .trim()
        .strip_suffix('）')
        .and_then(|h| h.rsplit_once('（'))
        .map(|(_, unit)| unit)
        .filter(|u| (1..=2).contains(&u.chars().count()));
    let amount = !cell.is_empty()
        && cell.chars().any(|c| c.is_ascii_digit())
        && cell
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '-' | '−'));
    match unit {
        Some(unit) if amount => format!("{cell} {unit}"),
        _ => cell.to_string(),
    }
}

/// A form control under its label, as the label is read with it.
#[derive(Clone, Debug)]
pub enum Control {
    /// A radio button or check box, and whether it is chosen.
    Choice(bool),
    /// A field and what is in it (a date as the site writes dates).
    Field(String),
}

/// Said where a field is empty.
pub const NOT_FILLED: &str = "未填";

/// Said before the chosen answer.
pub const CHOSEN: &str = "已选：";

/// A label as it is read with its control: the chosen answer after [`CHOSEN`] (`已选：否`; the others as
/// written), a field's label with what is in it, or [`NOT_FILLED`] (`乡镇：郭城驿镇`). A filled self-check
/// form had been read with every answer alike, whichever was chosen, and its fields as blank.
pub fn with_control(label: &str, control: &Control) -> String {
    let label = label.trim();
    match control {
        Control::Choice(true) => format!("{CHOSEN}{label}"),
        Control::Choice(false) => label.to_string(),
        Control::Field(value) => {
            let value = value.trim();
            let value = if value.is_empty() { NOT_FILLED } else { value };
            let colon = if label.is_empty() || label.ends_with(['：', ':']) {
                ""
            } else {
                "："
            };
            format!("{label}{colon}{value}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_is_set_off_by_commas_only_where_none_stands() {
        let cases = [
            ("8,500.00 元含假设", "含假设", "8,500.00 元，含假设"),
            (
                "县级，甘肃省白银市会宁县",
                "县级",
                "县级，甘肃省白银市会宁县",
            ),
            ("县级甘肃省", "县级", "县级，甘肃省"),
            (
                "报销：含假设 8,500.00 元",
                "含假设",
                "报销：含假设，8,500.00 元",
            ),
            ("没有标签", "含假设", "没有标签"),
        ];
        for (text, tag, want) in cases {
            assert_eq!(set_off(text, tag), want, "{text:?}");
        }
    }

    #[test]
    fn an_amount_is_read_with_its_column_s_unit() {
        let cases = [
            ("8,500.00", "金额（元）", "8,500.00 元"),
            ("-120.50", "金额（元）", "-120.50 元"),
            ("基本医保", "支付方", "基本医保"),
            ("8,500.00", "支付方", "8,500.00"),
            ("8,500.00 元", "金额（元）", "8,500.00 元"),
            ("85", "比例（%）", "85 %"),
            ("第 3 项", "序号（项）", "第 3 项"),
            ("3", "问责主体（县卫计局等）", "3"),
        ];
        for (cell, heading, want) in cases {
            assert_eq!(with_unit(cell, heading), want, "{cell:?} under {heading:?}");
        }
    }

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
            (
                "得分：5。，考核评价：如“是”",
                &["得分：5。", "考核评价：如“是”"],
            ),
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

    #[test]
    fn a_control_is_read_with_its_label() {
        for (name, label, control, said) in [
            ("the chosen answer", "否", Control::Choice(true), "已选：否"),
            (
                "an answer not chosen",
                "是（失分）",
                Control::Choice(false),
                "是（失分）",
            ),
            (
                "a filled field",
                "乡镇：",
                Control::Field("郭城驿镇".into()),
                "乡镇：郭城驿镇",
            ),
            (
                "an empty field",
                "考核人：",
                Control::Field("  ".into()),
                "考核人：未填",
            ),
            (
                "a score typed",
                "部分完成，得分（0–5）：",
                Control::Field("2.5".into()),
                "部分完成，得分（0–5）：2.5",
            ),
            (
                "a label without its colon",
                "搜索",
                Control::Field("大病保险".into()),
                "搜索：大病保险",
            ),
        ] {
            assert_eq!(with_control(label, &control), said, "{name}");
        }
    }
}
