//! The words a clause link asks the reader to mark (`?hl=…#clause`): a citation's quote, or a search's
//! terms. One definition of the link's words ([`of_quote`], [`link`]) and of how they are found in the
//! clause's text ([`find`]): as the search finds text (full width, case, whitespace and punctuation do not
//! count), so the words a search matched are the words marked, and a quote is marked however the page
//! breaks or spaces it.
//!
//! A quote travels as its first and last few characters (`个人自负合规…全部解决`): the mark runs from the
//! first to the second, once (a quote is one passage: the same words again further on are not it), so a
//! link stays short enough for a QR code; every citation's link is checked to mark exactly its quote
//! ([`crate::quote::verify`]). A search's terms are marked wherever they are.

use crate::search::normalize_mapped;

/// The query parameter that carries the words.
pub const PARAM: &str = "hl";

/// Between the first and the last characters of a quote (punctuation: never part of the words).
const GAP: char = '…';

/// Characters kept at each end of a long quote, at least.
const ENDS: usize = 6;

/// The most marks one address makes (a one-character search term in a long clause).
const MOST: usize = 64;

/// The words that mark `quote`, normalized as the search sees them and ending in or holding [`GAP`] (a
/// quote's words, marked once): a short quote whole (`10%…`), a long one as its first and last characters
/// with [`GAP`] between: [`ENDS`] of each, or more if fewer would mark less of the quote itself (its last
/// words inside its first: 对符合纳入特殊…殊疾病门诊管理), else whole.
pub fn of_quote(quote: &str) -> String {
    let (chars, _) = normalize_mapped(quote);
    let len = chars.len();
    if len == 0 {
        return String::new();
    }
    // The ends mark the whole quote, as [`find`] reads them, when the last ones are first found at the end
    // and the first ones are not found again before them.
    let whole = |&n: &usize| {
        let (head, tail) = (&chars[..n], &chars[len - n..]);
        position(&chars, tail, n) == Some(len - n)
            && position(&chars, head, 1).is_none_or(|k| k + n > len - n)
    };
    let mut words: String;
    match (ENDS..).take_while(|n| 2 * n + 2 < len).find(whole) {
        Some(n) => {
            words = chars[..n].iter().collect();
            words.push(GAP);
            words.extend(&chars[len - n..]);
        }
        None => {
            words = chars.into_iter().collect();
            words.push(GAP);
        }
    }
    words
}

/// `href` (`/docs/<slug>/#<clause>`) asking the reader to mark `words` in the clause: the words go in the
/// query, before the fragment, so the clause's own link is unchanged and the page still opens at it
/// before the app runs.
pub fn link(href: &str, words: &str) -> String {
    // The words as a search reads them (3 000元 is one word, 3000元).
    let words = crate::search::digit_groups_joined(words);
    let words = words.trim();
    if words.is_empty() {
        return href.to_string();
    }
    let (path, hash) = href.split_once('#').map_or((href, ""), |(p, h)| (p, h));
    let mut out = format!("{path}?{PARAM}=");
    for (i, word) in words.split_whitespace().enumerate() {
        if i > 0 {
            out.push_str("%20");
        }
        out.push_str(&crate::fragment::encode(word));
    }
    if !hash.is_empty() {
        out.push('#');
        out.push_str(hash);
    }
    out
}

/// The words of an address's query (`location.search`, with or without its `?`), if it asks for any.
pub fn words_in(search: &str) -> Option<String> {
    let words = crate::fragment::pairs(search.trim_start_matches('?'))
        .find(|(k, _)| *k == PARAM)
        .map(|(_, v)| crate::fragment::decode(&v.replace('+', " ")))?;
    let words = words.trim();
    (!words.is_empty()).then(|| words.to_string())
}

/// An address's query (`location.search`) without the words it asks to mark: `?` and what else it has,
/// or empty. For an address whose clause does not hold them (the reader moved on to another clause): its
/// QR code, poster and printed line would otherwise carry words that clause does not have.
pub fn without_words(search: &str) -> String {
    let rest: Vec<&str> = search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty() && p.split('=').next() != Some(PARAM))
        .collect();
    if rest.is_empty() {
        String::new()
    } else {
        format!("?{}", rest.join("&"))
    }
}

/// The byte ranges of `text` to mark for `words` (whitespace-separated; each a term, marked wherever it
/// is, or a quote's `first…last`, marking the first shortest stretch from one to the other), in order,
/// not overlapping, at most [`MOST`].
pub fn find(text: &str, words: &str) -> Vec<(usize, usize)> {
    let (hay, spans) = normalize_mapped(text);
    let mut found: Vec<(usize, usize)> = Vec::new();
    for word in words.split_whitespace() {
        let (head, tail) = match word.split_once(GAP) {
            Some((h, t)) => (normalize_mapped(h).0, Some(normalize_mapped(t).0)),
            None => (normalize_mapped(word).0, None),
        };
        if head.is_empty() {
            continue;
        }
        let mut at = 0;
        while let Some(mut start) = position(&hay, &head, at) {
            let end = match &tail {
                None => start + head.len(),
                Some(t) if t.is_empty() => start + head.len(),
                Some(t) => match position(&hay, t, start + head.len()) {
                    Some(j) => {
                        // The shortest stretch: from the last `first` before this `last`.
                        while let Some(later) =
                            position(&hay, &head, start + 1).filter(|&k| k + head.len() <= j)
                        {
                            start = later;
                        }
                        j + t.len()
                    }
                    None => break,
                },
            };
            // In order as found (no sort: its code is larger than the rest of this module).
            found.insert(found.partition_point(|m| *m < (start, end)), (start, end));
            at = end;
            if tail.is_some() {
                break;
            }
            if found.len() >= MOST {
                break;
            }
        }
    }
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in found {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged.truncate(MOST);
    merged
        .into_iter()
        .map(|(s, e)| closed(text, spans[s].0, spans[e - 1].1))
        .collect()
}

/// Which of `ranges` (what [`find`] marks for `words` in `text`) a page opens at: the first of the place
/// where the words stand closest together ([`crate::search::closest`], as a search's hit shows and opens
/// it), else the first. A search for 医疗救助 3000元 had opened a long clause at its first 医疗救助, 3000元
/// a screen further down.
pub fn opening(text: &str, words: &str, ranges: &[(usize, usize)]) -> usize {
    let terms: Vec<&str> = words.split_whitespace().collect();
    if terms.len() < 2 || terms.iter().any(|t| t.contains(GAP)) {
        return 0;
    }
    let (hay, spans) = normalize_mapped(text);
    let each: Vec<Vec<(usize, usize)>> = terms
        .iter()
        .map(|t| crate::search::spans_of(&hay, &normalize_mapped(t).0, 0))
        .collect();
    let Some((start, _)) = crate::search::closest(&each, &[]) else {
        return 0;
    };
    let byte = spans[start].0;
    ranges.iter().position(|r| r.1 > byte).unwrap_or(0)
}

/// Brackets and quotation marks, opening and closing.
const PAIRS: [(char, char); 7] = [
    ('（', '）'),
    ('(', ')'),
    ('“', '”'),
    ('《', '》'),
    ('「', '」'),
    ('『', '』'),
    ('【', '】'),
];

/// The mark `start..end` of `text` with the brackets it opens closed: punctuation does not count in
/// finding words, so a quote ending in `（责任单位：县民政局）` was marked without its `）`. Each mark
/// opened and not closed inside it takes the closing one that follows it at once (and the same at its
/// start for one closed and not opened).
fn closed(text: &str, mut start: usize, mut end: usize) -> (usize, usize) {
    let mut open: Vec<char> = Vec::new();
    let mut unopened: Vec<char> = Vec::new();
    for c in text[start..end].chars() {
        if let Some(&(_, close)) = PAIRS.iter().find(|p| p.0 == c) {
            open.push(close);
        } else if let Some(&(opening, _)) = PAIRS.iter().find(|p| p.1 == c) {
            if open.last() == Some(&c) {
                open.pop();
            } else {
                unopened.push(opening);
            }
        }
    }
    while let Some(close) = open.pop() {
        match text[end..].chars().next() {
            Some(c) if c == close => end += c.len_utf8(),
            _ => break,
        }
    }
    while let Some(opening) = unopened.pop() {
        match text[..start].chars().next_back() {
            Some(c) if c == opening => start -= c.len_utf8(),
            _ => break,
        }
    }
    (start, end)
}

/// The first position at or after `from` where `needle` starts in `hay`.
fn position(hay: &[char], needle: &[char], from: usize) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    (from..=hay.len() - needle.len()).find(|&i| hay[i..i + needle.len()] == *needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_without_its_words_keeps_the_rest_of_its_query() {
        for (search, want) in [
            ("?hl=%E9%A2%84%E4%BB%98%E6%AC%BE", ""),
            ("?hl=a%20b&r=gansu", "?r=gansu"),
            ("?r=gansu&hl=a", "?r=gansu"),
            ("?hlx=1", "?hlx=1"),
            ("", ""),
        ] {
            assert_eq!(without_words(search), want, "{search}");
        }
    }

    const CLAUSE: &str = "建档立卡贫困人口个人自负合规医疗费用，经基本医保、大病保险报销后，个人自负合规费用年累计超过3000元以上的部分，由民政部门通过医疗救助全部解决（根据省上规定）。";

    /// The text `find` marks in `text` for `words`.
    fn marked<'a>(text: &'a str, words: &str) -> Vec<&'a str> {
        find(text, words)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    /// The mark a page opens at: where the words stand together (the search's hit shows that place),
    /// else the first. (text, words, the marked text opened at)
    #[test]
    fn a_page_opens_where_the_words_stand_together() {
        for (text, words, want) in [
            (
                "医疗救助资金要预拨。……很长的一段话……个人自付超过3000元的部分由医疗救助解决。",
                "医疗救助 3000元",
                "3000元",
            ),
            ("先说3000元，再说医疗救助。", "医疗救助 3000元", "3000元"),
            ("医疗救助和大病保险。", "医疗救助", "医疗救助"),
            ("只有医疗救助。", "医疗救助 3000元", "医疗救助"),
            (
                "个人自负合规费用……全部解决。",
                "个人自负合规…全部解决",
                "个人自负合规费用……全部解决",
            ),
        ] {
            let ranges = find(text, words);
            let at = opening(text, words, &ranges);
            let (s, e) = ranges[at];
            assert_eq!(&text[s..e], want, "{text} / {words}");
        }
    }

    #[test]
    fn words_are_found_as_the_search_finds_them() {
        for (name, text, words, expect) in [
            ("a term", CLAUSE, "3000元", vec!["3000元"]),
            (
                "every occurrence",
                CLAUSE,
                "个人自负",
                vec!["个人自负", "个人自负"],
            ),
            (
                "two terms, in text order",
                CLAUSE,
                "医疗救助 大病保险",
                vec!["大病保险", "医疗救助"],
            ),
            (
                "spaces and full width do not count",
                "超过 ３０００ 元的部分",
                "3000元",
                vec!["３０００ 元"],
            ),
            (
                "punctuation does not count",
                "达不到医疗救助条件，实际补偿比",
                "条件,实际",
                vec!["条件，实际"],
            ),
            (
                "the shortest stretch from first to last",
                CLAUSE,
                "个人自负…全部解决",
                vec![&CLAUSE[CLAUSE.rfind("个人自负").unwrap()..CLAUSE.find("（").unwrap()]],
            ),
            ("not in the text", CLAUSE, "门诊", vec![]),
            (
                "a last part not after the first",
                CLAUSE,
                "医疗救助…建档立卡",
                vec![],
            ),
            (
                "overlapping words make one mark",
                CLAUSE,
                "医疗救助 救助全部",
                vec!["医疗救助全部"],
            ),
            ("nothing asked", CLAUSE, " ", vec![]),
            (
                "a quote's words mark its first stretch only",
                "超过 5000 元的部分纳入大病保险；超过 2000 元的部分纳入大病保险",
                "超过…大病保险",
                vec!["超过 5000 元的部分纳入大病保险"],
            ),
            (
                "a bracket the mark opens is closed with it",
                "救助全部解决（责任单位：县民政局）。其他",
                "救助全部…县民政局",
                vec!["救助全部解决（责任单位：县民政局）"],
            ),
            (
                "a term inside brackets is the term",
                "救助全部解决（责任单位：县民政局）。其他",
                "县民政局",
                vec!["县民政局"],
            ),
            (
                "a bracket the mark closes is opened with it",
                "见“一站式结算”。",
                "一站式结算",
                vec!["一站式结算"],
            ),
            (
                "and at its start",
                "见“一站式”结算。",
                "一站式”结算",
                vec!["“一站式”结算"],
            ),
        ] {
            assert_eq!(marked(text, words), expect, "{name}");
        }
    }

    #[test]
    fn a_long_quote_travels_as_its_ends_and_marks_itself() {
        let quote = &CLAUSE[..CLAUSE.find("（").unwrap()];
        let words = of_quote(quote);
        assert_eq!(words, "建档立卡贫困…救助全部解决");
        assert_eq!(marked(CLAUSE, &words), vec![quote]);
        assert_eq!(
            of_quote("不设起付线"),
            "不设起付线…",
            "a short quote: whole, marked once"
        );
        assert_eq!(of_quote("10%"), "10%…");
        assert_eq!(marked("报销比例100%；提高10%", "10%…"), vec!["10%"]);
        assert_eq!(
            of_quote("对符合纳入特殊疾病门诊管理病种范围的，全部纳入特殊疾病门诊管理"),
            "对符合纳入特殊…殊疾病门诊管理",
            "more than six at each end: the last six are inside the first words"
        );
        assert_eq!(
            of_quote("达不到医疗救助条件,实际"),
            "达不到医疗救助条件实际…"
        );
        // Whatever the quote, its words mark it all, as the reader finds them.
        for quote in [
            CLAUSE,
            "对符合纳入特殊疾病门诊管理病种范围的，全部纳入特殊疾病门诊管理",
            "个人自负个人自负个人自负个人自负个人自负",
            "ababababababababababababab",
            "abcdefghabcdefgh-xyz-abcdefghabcdefgh",
        ] {
            let found = find(quote, &of_quote(quote));
            assert_eq!(
                crate::search::normalize(&quote[found[0].0..found[0].1]),
                crate::search::normalize(quote),
                "{quote}"
            );
        }
    }

    #[test]
    fn the_link_carries_the_words_before_the_clause_and_gives_them_back() {
        let href = link("/docs/huining-83/#s3-2", "3000元 医疗救助");
        assert_eq!(
            href,
            "/docs/huining-83/?hl=3000%E5%85%83%20%E5%8C%BB%E7%96%97%E6%95%91%E5%8A%A9#s3-2"
        );
        let search = &href[href.find('?').unwrap()..href.find('#').unwrap()];
        assert_eq!(words_in(search).as_deref(), Some("3000元 医疗救助"));
        assert_eq!(link("/docs/x/#a", "  "), "/docs/x/#a");
        assert_eq!(link("/docs/x/", "a"), "/docs/x/?hl=a");
        assert_eq!(words_in("?q=1&hl=a+b").as_deref(), Some("a b"));
        assert_eq!(words_in("?hl="), None);
        assert_eq!(words_in(""), None);
    }
}
