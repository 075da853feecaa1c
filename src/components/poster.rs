//! The poster view: for the page or section being shown, a print layout (A4 or A3 portrait) with a large
//! title, up to three of the text's sentences (an excerpt says so, and marks what it leaves out), the QR
//! code, the address in text, and the source 文号 and date.

use leptos::prelude::*;
use policy_content::model::{INFERRED, INFERRED_NOTE, SUMMARY_LABEL};
use policy_content::site::SITE_NAME;
use wasm_bindgen::JsCast;

use crate::doc_section::{backwards, blocks, heading_level, headings_over};
use crate::qr::{encode, to_svg};

/// What the poster says, read from the page as it is shown.
#[derive(Clone, Debug, Default, PartialEq)]
struct PosterText {
    title: String,
    points: Excerpt,
    source: String,
    /// A cell of the row is blank in the table and carries the row above's text, marked [`INFERRED`].
    inferred: bool,
    /// What the points are, said above them when they are not the document's words.
    label: Option<&'static str>,
}

/// A row's cell as its poster carries it: a merged cell's text (`…（同上）。`) marked [`INFERRED`] after its
/// words, before the stop that ends them (受援医院及负责人＊。); not （同上）: a poster has no row above for it
/// to point to, and 序号：1（同上） had printed.
fn inferred_marked(cell: &str) -> String {
    match policy_content::model::carried_words(cell) {
        Some((words, stop)) => policy_content::model::inferred(words) + stop,
        None => cell.to_string(),
    }
}

fn text_of(el: &web_sys::Element) -> String {
    el.clone()
        .dyn_into::<web_sys::HtmlElement>()
        .map(|h| h.inner_text())
        .unwrap_or_default()
        .replace('#', "")
        .trim()
        .to_string()
}

/// How many sentences a poster carries at most of a page's text, and how many characters each.
const POINTS: usize = 3;
const MAX_CHARS: usize = 100;

/// What a poster carries of a text.
#[derive(Clone, Debug, Default, PartialEq)]
struct Excerpt {
    /// Its sentences in document order, in the official wording; each place where text is left out
    /// (before, between or after them, or the end of a sentence too long to carry) is marked with `…`.
    points: Vec<String>,
    /// Whether the points are the whole text.
    whole: bool,
}

/// The sentences of `text` ([`crate::sentences`]; blocks are separated by line breaks), but pieces of four
/// characters or fewer, such as a stray label, which are not sentences; a sentence ending in a semicolon
/// is one with the next when that goes on with 或 (`…低于 85% 的部分；或者…的部分进行补偿。`: the first half
/// alone said nothing of who pays), with room for both ([`MAX_CHARS`] each).
fn sentences(text: &str) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for s in crate::sentences::sentences(text).into_iter().map(str::trim) {
        match out.last_mut() {
            Some((last, n)) if last.ends_with(['；', ';']) && s.starts_with('或') => {
                last.push_str(s);
                *n += 1;
            }
            _ if s.chars().count() > 4 => out.push((s.to_string(), 1)),
            _ => {}
        }
    }
    out
}

/// A sentence as a poster carries it: whole if it fits in `n` × [`MAX_CHARS`] (`n` sentences joined), else
/// up to its last comma that fits (or cut where it must, if that would leave less than a third), marked
/// with `…`.
fn carried(sentence: &str, n: usize) -> String {
    let max = MAX_CHARS * n;
    if sentence.chars().count() <= max {
        return sentence.to_string();
    }
    let head: String = sentence.chars().take(max - 1).collect();
    let end = head
        .char_indices()
        .filter(|(_, c)| matches!(c, '，' | ',' | '、'))
        .map(|(i, c)| i + c.len_utf8())
        .rfind(|&i| head[..i].chars().count() >= max / 3)
        .unwrap_or(head.len());
    format!("{}…", &head[..end])
}

/// What follows `sentence`'s leading list number (`1.`, `（2）`, `（一）`, `三、`), if it begins with one.
fn after_list_number(sentence: &str) -> Option<&str> {
    let rest = sentence.trim_start().trim_start_matches(['（', '(']);
    let after =
        rest.trim_start_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c));
    (after.len() < rest.len())
        .then(|| after.strip_prefix(['.', '．', '、', '）', ')']))
        .flatten()
}

/// Whether a poster's points are numbered by the document itself (`1.思想认识不到位…`, after a `…` where
/// text is left out): they are then not bulleted too.
fn numbered(points: &[String]) -> bool {
    points
        .iter()
        .any(|p| after_list_number(p.trim_start_matches('…')).is_some())
}

/// Which of a clause's figures a sentence holds, the more telling the greater: an amount in 元 (2), a
/// percentage (1), another number (0); `None` for none. A leading list number (`1.`, `（2）`) is not a
/// figure.
fn figures(sentence: &str) -> Option<u8> {
    let s = sentence.trim_start();
    let s = after_list_number(s).unwrap_or(s);
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let chars: Vec<char> = s.chars().collect();
    let money = chars.iter().enumerate().any(|(i, &c)| {
        c == '元'
            && chars[..i]
                .iter()
                .rev()
                .find(|c| !matches!(c, '万' | '千' | '百' | '亿' | ' '))
                .is_some_and(|&c| digit(c))
    });
    if money {
        Some(2)
    } else if s.contains(['%', '％']) {
        Some(1)
    } else {
        s.chars().any(digit).then_some(0)
    }
}

/// What a poster carries of `text` (`complete`: whether `text` is all of the clause or section): all its
/// sentences if they are at most [`POINTS`] (or one more, all short: together no longer than [`POINTS`]
/// long ones), else the [`POINTS`] that hold its most telling figures ([`figures`]; the earlier first among
/// equals, and the lead sentences when too few hold one), in document order.
fn excerpt(text: &str, complete: bool) -> Excerpt {
    let carried = every_sentence(text).points;
    // 眉山 三（一）2（7）: its title and three short sentences, none with a figure; the last, 只需支付个人应承担部分,
    // the one a patient wants, had been left out of a poster with room to spare.
    let short = carried.len() <= POINTS + 1
        && carried.iter().map(|s| s.chars().count()).sum::<usize>() <= POINTS * MAX_CHARS;
    let every = carried.len() <= POINTS || short;
    // Which sentences it carries: all, or POINTS of them, the most telling figures first.
    let mut keep = vec![every; carried.len()];
    let mut room = if every { 0 } else { POINTS };
    for rank in [Some(2), Some(1), Some(0), None] {
        for (i, k) in keep.iter_mut().enumerate() {
            if room > 0 && !*k && figures(&carried[i]) == rank {
                *k = true;
                room -= 1;
            }
        }
    }
    let mut points = Vec::new();
    let mut next = 0;
    for (i, sentence) in carried.iter().enumerate().filter(|(i, _)| keep[*i]) {
        let gap = if i > next { "…" } else { "" };
        points.push(format!("{gap}{sentence}"));
        next = i + 1;
    }
    let rest = next < carried.len() || !complete;
    if let Some(last) = points.last_mut().filter(|p| rest && !p.ends_with('…')) {
        last.push('…');
    }
    let whole = !rest && points.iter().all(|p| !p.contains('…'));
    Excerpt { points, whole }
}

/// Every sentence of `text`, each as a poster carries a sentence ([`carried`]).
fn every_sentence(text: &str) -> Excerpt {
    let points: Vec<String> = sentences(text)
        .iter()
        .map(|(s, n)| carried(s, *n))
        .collect();
    let whole = points.iter().all(|p| !p.contains('…'));
    Excerpt { points, whole }
}

/// How long a row's cell (its column's name with it) may be to share a poster's point with its short
/// neighbours (`序号：7，考核内容：…`).
const SHORT_CELL: usize = 24;

/// What a poster carries of a table row, whose cells are `cells` as 朗读 reads them (`考核指标：…`): every
/// cell, in order, short neighbours side by side ([`SHORT_CELL`]) and each long one a point of its own;
/// when the row is longer than a poster's [`POINTS`] × [`MAX_CHARS`], its longest cells cut as a sentence
/// is ([`carried`]). A row is one line of its table: cut into sentences, a long 考核指标 had been cut and its
/// 分值 had been a point alone.
fn row_excerpt(cells: &[String]) -> Excerpt {
    let short = |c: &String| c.chars().count() <= SHORT_CELL;
    let mut points: Vec<Vec<String>> = Vec::new();
    for cell in cells {
        match points.last_mut() {
            Some(p) if short(cell) && p.iter().all(short) => p.push(cell.clone()),
            _ => points.push(vec![cell.clone()]),
        }
    }
    let mut points: Vec<String> = points
        .iter()
        .map(|p| super::read_aloud::join_cells(p))
        .collect();
    let length = |points: &[String]| points.iter().map(|p| p.chars().count()).sum::<usize>();
    let mut whole = true;
    while length(&points) > POINTS * MAX_CHARS {
        let Some(longest) = points
            .iter_mut()
            .filter(|p| !p.ends_with('…') && p.chars().count() > MAX_CHARS)
            .max_by_key(|p| p.chars().count())
        else {
            break;
        };
        *longest = carried(longest, 1);
        whole = false;
    }
    Excerpt { points, whole }
}

/// The heading (`h2`) of the part of the document `el` is in: `el` itself, or the last before it.
fn part_of(el: &web_sys::Element) -> Option<web_sys::Element> {
    backwards(el).find(|n| n.tag_name() == "H2")
}

/// A heading's title on a poster: itself after the headings it is under within its part, outermost first
/// (`三、责任清单　（二）县人社局`: `（二）县人社局` alone does not say what it is about).
fn heading_path(el: &web_sys::Element) -> String {
    let mut path: Vec<String> = headings_over(el)
        .take_while(|n| heading_level(n).is_some_and(|l| l > 2))
        .map(|n| text_of(&n))
        .collect();
    path.reverse();
    path.push(text_of(el));
    path.join("　")
}

/// A table's rows (`el` the table or what holds it), each a line as 朗读 reads it: each cell after its
/// column's heading. As text, a row's empty merged cell was dropped and the names after it moved under the
/// headings before them (the 包抓 tables: 吴宗智, 医共体包抓领导, under 包抓科级干部).
fn table_rows(el: &web_sys::Element) -> Option<String> {
    let table = if el.tag_name() == "TABLE" {
        el.clone()
    } else {
        el.query_selector("table").ok()??
    };
    let lines: Vec<String> = super::read_aloud::all(&table, "tr")
        .iter()
        .filter_map(super::read_aloud::row_text)
        .collect();
    Some(lines.join("\n"))
}

/// Where a table (its heading) or a table's row is, as a reader finds it on paper: the table's name
/// (附表 3-2), or, for a table its document does not number, its 附件's and 附表 (附件2 附表).
fn table_label(el: &web_sys::Element) -> Option<String> {
    let title = if el.tag_name() == "TR" {
        table_title(el)?
    } else {
        text_of(el)
    };
    let part = part_of(el).map(|p| text_of(&p));
    policy_content::citation::table_name(&title, part.as_deref())
}

/// Whether `el` is the heading of a table: a heading whose next element is the table or holds it.
fn is_table_heading(el: &web_sys::Element) -> bool {
    heading_level(el).is_some()
        && el.next_element_sibling().is_some_and(|n| {
            n.tag_name() == "TABLE" || n.query_selector("table").ok().flatten().is_some()
        })
}

/// The heading a table row's table stands under (`附表 3-4　人社部门包抓到村任务分工表`).
fn table_title(tr: &web_sys::Element) -> Option<String> {
    let table = tr.closest("table").ok()??;
    backwards(&table)
        .find(|n| heading_level(n).is_some())
        .map(|n| text_of(&n))
}

/// What a poster of a page opened from a link with notices says of them: true of every notice (a link
/// without its check part, all of it taken, had been said to have parts not taken).
const NOT_ALL_TAKEN: &str = "打开的链接有要核对的地方，页面上写了是哪些，扫码打开可以看到。";

/// The page's own summary for posters (the calculator's scenario), if it gives one: every point it gives
/// (at most four, each what a figure rests on or the figures themselves), not cut to [`POINTS`].
fn summary(doc: &web_sys::Document) -> Option<PosterText> {
    let el = doc.query_selector("[data-poster-title]").ok()??;
    let title = el.get_attribute("data-poster-title")?;
    let mut points = Excerpt {
        points: el
            .get_attribute("data-poster-points")
            .unwrap_or_default()
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(str::to_string)
            .collect(),
        whole: true,
    };
    // A link the page could not take as it stood (its notices on the page): the poster's figures are the
    // page's, without what was not taken, and say so; the QR code opens the page with its notices.
    if doc.query_selector(".link-notices").ok().flatten().is_some() {
        points.points.push(NOT_ALL_TAKEN.to_string());
    }
    let source = el
        .get_attribute("data-poster-source")
        .unwrap_or_else(|| SITE_NAME.into());
    // A page's own points mark a merged cell as a row's poster does (the village lookup's cadres).
    let inferred = points.points.iter().any(|p| p.contains(INFERRED));
    Some(PosterText {
        title,
        points,
        source,
        inferred,
        label: None,
    })
}

fn read_page(hash: &str) -> PosterText {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return PosterText::default();
    };
    if let Some(s) = summary(&doc) {
        return s;
    }
    // The editors' summary (a search hit's address) is the whole page's poster, which carries it: read
    // as a clause, the contents and the text after it had followed it.
    let target = policy_content::fragment::section_id(hash)
        .filter(|id| id != policy_content::model::SUMMARY_ID)
        .and_then(|id| doc.get_element_by_id(&id));
    let h1 = doc
        .query_selector("main h1")
        .ok()
        .flatten()
        .map(|e| text_of(&e))
        .unwrap_or_default();
    // A section's text: what follows its heading up to the next heading of the same or a higher level
    // (its clauses, which carry ids, included); a clause's text: itself and what follows it up to the next
    // heading or clause not its own (2. with its (1) to (8): it had carried its one-line head alone); and
    // whether that is all of it (the text stops after 400 characters).
    let following = |el: &web_sys::Element, mut body: String| {
        for n in blocks(el).skip(1) {
            if body.chars().count() > 400 {
                return (body, false);
            }
            if heading_level(&n).is_none() {
                body.push('\n');
                body.push_str(&table_rows(&n).unwrap_or_else(|| text_of(&n)));
            }
        }
        (body, true)
    };
    // The part of the document the target is in (the notice, the 实施意见, an 附件, the editors' notes).
    let part = target.as_ref().and_then(part_of);
    let part_id = part.as_ref().map(|p| p.id()).unwrap_or_default();
    // The notice's own part is titled 通知 by the site: the document's title says what it is.
    let own_title = !matches!(part_id.as_str(), "notice" | "editorial");
    // Whether the poster carries the editors' summary (the site's words) of a whole document.
    let mut summarised = false;
    let (title, (mut body, complete)) = match &target {
        Some(el) if heading_level(el) == Some(2) && !own_title => {
            (h1.clone(), following(el, String::new()))
        }
        // A heading under an 附件 after the annex's number (附件5's 三、责任清单 is not the 实施意见's 三、),
        // a table's heading as its bar names it (附件2 附表　…; its heading is followed by the form's lines).
        Some(el) if heading_level(el).is_some() => {
            let part = part.as_ref().map(text_of).filter(|p| p.starts_with("附件"));
            let heading = text_of(el);
            let title = match part.as_deref() {
                Some(p) if heading.starts_with("附表") => {
                    policy_content::citation::table_title(&heading, Some(p))
                        .unwrap_or_else(|| heading_path(el))
                }
                Some(p) => format!(
                    "{}　{}",
                    policy_content::citation::short_name(p),
                    heading_path(el)
                ),
                None => heading_path(el),
            };
            (title, following(el, String::new()))
        }
        // A table row under its table's title, each cell after its column's heading, as 朗读 reads it; a
        // table its document does not number under its part's name too (附件4 附表 …: 附表　… alone had not
        // told 附件2's from 附件4's), as the table's bar on the page says it.
        Some(el) if el.tag_name() == "TR" => (
            table_title(el).map_or_else(
                || h1.clone(),
                |t| {
                    let part = part_of(el).map(|p| text_of(&p));
                    policy_content::citation::table_title(&t, part.as_deref()).unwrap_or(t)
                },
            ),
            // Its points are its cells (`row`, below); its text only for a head row, which has none.
            (text_of(el), true),
        ),
        // A clause under the title of the part it is in (an 附件's own title, not the notice's).
        Some(el) => (
            part.filter(|_| own_title)
                .map_or_else(|| h1.clone(), |p| text_of(&p)),
            following(el, text_of(el)),
        ),
        // A whole page: its summary (a document's says it is the site's words), else its lead, else its
        // first paragraph, in that order (one selector list took the first in the page: a document's
        // level and place, 山东省德州市, as its poster's only point).
        None => {
            let lead = ["main .doc-summary", "main .lead", "main p"]
                .iter()
                .find_map(|s| doc.query_selector(s).ok().flatten());
            summarised = lead
                .as_ref()
                .is_some_and(|e| e.class_list().contains("doc-summary"));
            // The summary's label stands above its points on the poster (it had been the first point's
            // alone, and the points after it read as the document's own words).
            let text = lead.map(|e| text_of(&e)).unwrap_or_default();
            let text = text
                .strip_prefix(SUMMARY_LABEL)
                .map(|t| t.trim_start_matches('：').to_string())
                .unwrap_or(text);
            (h1.clone(), (text, true))
        }
    };
    if body.is_empty() {
        body = h1.clone();
    }
    let number = doc
        .query_selector("main .docnum")
        .ok()
        .flatten()
        .map(|e| text_of(&e));
    let date = doc
        .query_selector("main .doc-head .doc-meta:last-child")
        .ok()
        .flatten()
        .map(|e| text_of(&e));
    // A table row is carried cell by cell (row_excerpt), not cut into sentences; a merged cell's text
    // marked [`INFERRED`].
    let row = target
        .as_ref()
        .filter(|el| el.tag_name() == "TR")
        .and_then(super::read_aloud::row_cells)
        .map(|cells| cells.iter().map(|c| inferred_marked(c)).collect::<Vec<_>>());
    let inferred = row
        .as_ref()
        .is_some_and(|cells| cells.iter().any(|c| c.contains(INFERRED)));
    // The clause by its number in the document (附件5 三（二）3), so the poster says where it is from.
    let clause = target
        .and_then(|el| {
            let id = el.id();
            if crate::clause::is_numbered(&id) {
                Some(crate::clause::place_here(&id))
            } else if el.tag_name() == "TR" || is_table_heading(&el) {
                table_label(&el)
            } else {
                None
            }
        })
        .map(|label| format!(" {label}"))
        .unwrap_or_default();
    let source = match (number, date) {
        // The editors' notes are the site's words, not the document's.
        (Some(n), _) if part_id == "editorial" => {
            format!("出处：本站编者注（不是文件原文），关于{n}")
        }
        (Some(n), _) if summarised => format!("出处：{SUMMARY_LABEL}，关于{n}"),
        (Some(n), Some(d)) => format!("出处：{n}{clause}　{d}"),
        _ => SITE_NAME.to_string(),
    };
    // Whole: a document's title is its own words (cut at 38 characters, 47 had ended mid-word, 问责办…);
    // a long one wraps, and the printed poster's fit shrinks it with the rest.
    // The editors' summary is carried whole, every sentence: it is written as one, and a choice of its
    // sentences by their figures had left out whom its rules are for (甘卫发〔2018〕165号's 建档立卡贫困户).
    let points = match row {
        Some(cells) => row_excerpt(&cells),
        None if summarised => every_sentence(&body),
        None => excerpt(&body, complete),
    };
    PosterText {
        title,
        points,
        source,
        inferred,
        label: summarised.then_some(SUMMARY_LABEL),
    }
}

/// The poster overlay with its print controls.
#[component]
pub fn Poster(
    /// Called when the person closes the poster.
    on_close: impl Fn() + Clone + 'static,
) -> impl IntoView {
    let current = crate::address::use_current_url();
    let shared = Memo::new(move |_| current.with(|u| crate::address::shared(u)));
    let url = Memo::new(move |_| shared.with(|s| s.url.clone()));
    let text = Memo::new(move |_| {
        let hash = current.with(|u| u.find('#').map(|i| u[i..].to_string()).unwrap_or_default());
        crate::dom::with_all_laid_out(|| read_page(&hash))
    });
    let (a3, set_a3) = signal(false);
    let qr = move || encode(&url.get()).map(|m| to_svg(&m, 320, "扫码打开本页"));
    let print = move |_| crate::dom::print_marked(POSTER_PRINT, fit_to_sheet);
    print_poster_while_open();
    let close = on_close.clone();
    crate::components::page_tools::close_on_escape(on_close, policy_content::site::tools::POSTER);
    view! {
        <div class=LAYER role="dialog" aria-label="海报">
            <div class="poster-controls no-print">
                <span role="group" aria-label="纸张大小">
                    <label class="choice">
                        <input
                            type="radio"
                            name="paper"
                            prop:checked=move || !a3.get()
                            on:change=move |_| set_a3.set(false)
                        />
                        "A4 竖版"
                    </label>
                    <label class="choice">
                        <input
                            type="radio"
                            name="paper"
                            prop:checked=move || a3.get()
                            on:change=move |_| set_a3.set(true)
                        />
                        "A3 竖版"
                    </label>
                </span>
                <button type="button" on:click=print>
                    "打印海报"
                </button>
                <button type="button" class="secondary" on:click=move |_| close()>
                    "关闭"
                </button>
            </div>
            <article class="poster" class:a3=move || a3.get() data-testid="poster">
                <p class="poster-site">{SITE_NAME}</p>
                <h2 class="poster-title">{move || text.get().title}</h2>
                {move || {
                    text.with(|t| t.label).map(|l| view! { <p class="poster-label">{l}"："</p> })
                }}
                <ul
                    class="poster-points"
                    class:numbered=move || text.with(|t| numbered(&t.points.points))
                >
                    {move || {
                        text.get()
                            .points
                            .points
                            .into_iter()
                            .map(|p| view! { <li>{p}</li> })
                            .collect_view()
                    }}
                </ul>
                {move || {
                    (!text.with(|t| t.points.whole))
                        .then(|| {
                            view! {
                                <p class="poster-excerpt">
                                    "以上是节选（…处有删节），全文请扫下面的二维码查看。"
                                </p>
                            }
                        })
                }}
                {move || {
                    text.with(|t| t.inferred)
                        .then(|| view! { <p class="poster-inferred">{INFERRED_NOTE}</p> })
                }}
                <div class="poster-qr" inner_html=move || qr().unwrap_or_default()></div>
                <p class="poster-url">
                    "手机扫码，或打开："<br />
                    <strong inner_html=move || {
                        url.with(|u| breakable(&policy_content::fragment::readable(u)))
                    }></strong>
                </p>
                {move || {
                    shared
                        .with(|s| s.stays)
                        .map(|stays| view! { <p class="poster-stays">{stays}</p> })
                }}
                <p class="poster-source">{move || text.get().source}</p>
            </article>
        </div>
    }
}

/// `url` as HTML (escaped) with a place to break the line after each of its separators, so a printed address wraps between
/// its parts and not inside a number (…8000,80 / 00,,), which someone typing it from the paper would get
/// wrong.
fn breakable(url: &str) -> String {
    let mut html = String::new();
    for c in url.chars() {
        html.push_str(&policy_content::html::esc(c.encode_utf8(&mut [0; 4])));
        if ",;&/?#=~".contains(c) {
            html.push_str("<wbr>");
        }
    }
    html
}

/// The printable height of a sheet, in CSS px: A4's 297 mm and A3's 420 mm less the 15 mm margins above and
/// below (style.css, `@page`), less 3% for what print layout does differently from the screen's.
const A4_HEIGHT_PX: f64 = 267.0 * 96.0 / 25.4 * 0.97;
const A3_HEIGHT_PX: f64 = 390.0 * 96.0 / 25.4 * 0.97;

/// The root's class while the poster prints (the print style then shows it alone).
const POSTER_PRINT: &str = "printing-poster";

/// The class of the open poster (with its controls); while it is open, any printing prints it alone, and a
/// document's margins carry the poster's address (`crate::print_margin`).
pub const LAYER: &str = "poster-layer";

/// While the poster is open, any printing prints it alone (the tool bar's 打印 or Ctrl+P too, not only
/// 打印海报: the page under it had printed after it, four sheets more), fitted to its sheet as 打印海报
/// does: the browser's `beforeprint` puts the mark on, `afterprint` takes off what it put on.
fn print_poster_while_open() {
    use crate::dom::root;
    let ours = StoredValue::new(false);
    let before = window_event_listener_untyped("beforeprint", move |_| {
        if let Some(r) = root().filter(|r| !r.class_list().contains(POSTER_PRINT)) {
            let _ = r.class_list().add_1(POSTER_PRINT);
            ours.set_value(true);
            fit_to_sheet();
        }
    });
    let after = window_event_listener_untyped("afterprint", move |_| {
        if ours.get_value() {
            ours.set_value(false);
            if let Some(r) = root() {
                let _ = r.class_list().remove_1(POSTER_PRINT);
            }
        }
    });
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
}

/// Lowers the poster's print sizes (`--fit`, style.css) until it is one sheet high, measured as it will
/// print (the print class on): a clause's three long points ran onto a second sheet, which carried only
/// the end of its 出处. Text scales as the square of the factor (larger letters and fewer to a line), so
/// each step takes the square root of what is over.
fn fit_to_sheet() {
    let Some(poster) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector(&format!(".{LAYER} .poster"))
                .ok()
                .flatten()
        })
        .and_then(|p| p.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let limit = if poster.class_list().contains("a3") {
        A3_HEIGHT_PX
    } else {
        A4_HEIGHT_PX
    };
    let style = poster.style();
    let _ = style.remove_property("--fit");
    // In thousandths: a float written with `{}` would link the float formatter into the chunk.
    let mut fit = 1000_u32;
    for _ in 0..8 {
        let height = poster.get_bounding_client_rect().height();
        if height <= limit || fit <= 500 {
            break;
        }
        fit = ((f64::from(fit) * (limit / height).sqrt() * 0.98) as u32).max(500);
        // Three digits: between 500 and 980.
        let _ = style.set_property("--fit", &format!("0.{fit}"));
    }
}

#[cfg(test)]
mod tests {
    use super::{carried, every_sentence, excerpt, figures, row_excerpt, Excerpt, MAX_CHARS};

    /// The editors' summary whole: chosen by its figures, 甘卫发〔2018〕165号's had left out whom its rules
    /// are for (和贫困户看病直接有关的是：建档立卡贫困户…), and read as everyone's.
    #[test]
    fn a_summary_is_carried_sentence_by_sentence_whole() {
        let summary = "六个部门在健康扶贫中各管哪些事，做不好怎样考核、问责。和贫困户看病直接有关的是：建档立卡贫困户全部参加基本医保，个人参保费用给予资助；住院合规费用经基本医保、大病保险报销后，一年里自己负担超过3000元的部分由民政部门用医疗救助兜底；实际补偿比低于85%的部分由大病保险再补偿；看病“先诊疗，后付费”、“一站式”结算。";
        let Excerpt { points, whole } = every_sentence(summary);
        assert!(whole);
        assert_eq!(points.len(), 5, "{points:?}");
        assert_eq!(points.concat(), summary);
        // The same text as a clause's excerpt: three sentences by their figures, the 建档立卡 one left out.
        assert!(!excerpt(summary, true).points.concat().contains("建档立卡"));
    }

    fn points(text: &str, complete: bool) -> (Vec<String>, bool) {
        let Excerpt { points, whole } = excerpt(text, complete);
        (points, whole)
    }

    #[test]
    fn a_short_text_is_carried_whole() {
        assert_eq!(
            points(
                "建档立卡贫困人口住院不设起付线。报销比例提高10个百分点；短。",
                true
            ),
            (
                vec![
                    "建档立卡贫困人口住院不设起付线。".to_string(),
                    "报销比例提高10个百分点；".to_string()
                ],
                true
            )
        );
        assert_eq!(
            points(
                "（责任单位：县民政局）\n落实补助资金，确保足额按时拨付到位。",
                false
            ),
            (
                vec![
                    "（责任单位：县民政局）".to_string(),
                    "落实补助资金，确保足额按时拨付到位。…".to_string()
                ],
                false
            )
        );
    }

    #[test]
    fn four_short_sentences_are_carried_whole() {
        let clause = "（7）完善先诊疗后结算制度。\n在县域内定点医疗机构就诊的建档立卡贫困人口患者，实行先诊疗后结算制度，不缴纳住院预付款，住院报销不设起付线。建档立卡贫困人口就诊患者将其医保证件、身份证、户口本等交由医疗机构代为保管。诊疗结束后，由医疗机构凭相关证明材料与各类经费保障机构直接结算，建档立卡贫困人口就诊患者凭本人社会保障卡，在医疗机构结算窗口只需支付个人应承担部分。";
        let (p, whole) = points(clause, true);
        assert_eq!(p.len(), 4, "{p:?}");
        assert!(whole);
        assert!(p[3].ends_with("只需支付个人应承担部分。"));
    }

    #[test]
    fn a_sentence_going_on_after_its_semicolon_with_or_is_one_point() {
        // 县委办发〔2018〕83号 附件5 三（六）1's last sentence: its first half alone says nothing of who pays.
        let first = format!(
            "对建档立卡贫困人口{}，实际补偿比低于 85% 的部分；",
            "甲".repeat(40)
        );
        let second = format!(
            "或者经{}，实际补偿比低于 85% 的部分进行补偿。",
            "乙".repeat(40)
        );
        let lead = "一、前言一句。二、前言二句。三、前言三句。四、前言四句。";
        let (p, _) = points(&format!("{lead}{first}{second}"), true);
        assert_eq!(p.last().unwrap(), &format!("…{first}{second}"));
        // A semicolon before anything else still ends a sentence.
        let (p, _) = points("甲乙丙丁戊；己庚辛壬癸。", true);
        assert_eq!(p, ["甲乙丙丁戊；", "己庚辛壬癸。"]);
    }

    #[test]
    fn points_the_document_numbers_are_not_bulleted_too() {
        use super::numbered;
        for (points, expected) in [
            (&["1.思想认识不到位，……。", "…2.工作措施不力。"][..], true),
            (&["（一）加强组织领导。"][..], true),
            (&["三、工作要求。"][..], true),
            (&["…（2）做好结报工作。"][..], true),
            (&["超过3000元以上的部分，由医疗救助解决。"][..], false),
            (&["2018年5月底前完成入户巡诊。"][..], false),
            (&["一站式结算。", "十分重要。"][..], false),
            (&["序号：7，考核内容：帮扶工作。"][..], false),
        ] {
            let points: Vec<String> = points.iter().map(|p| p.to_string()).collect();
            assert_eq!(numbered(&points), expected, "{points:?}");
        }
    }

    #[test]
    fn figures_rank_amounts_then_percentages_then_numbers() {
        for (sentence, rank) in [
            ("超过3000元以上的部分，由医疗救助解决。", Some(2)),
            ("起付线降低至2 万元。", Some(2)),
            ("预付60%的住院统筹基金。", Some(1)),
            ("2018年5月底前完成入户巡诊。", Some(0)),
            ("1.落实大病保险政策。", None),
            ("（2）做好结报工作。", None),
            ("单元格不算钱。", None),
        ] {
            assert_eq!(figures(sentence), rank, "{sentence}");
        }
    }

    #[test]
    fn a_long_sentence_is_cut_at_a_comma_and_marked() {
        let long = format!("{}，{}。", "甲".repeat(60), "乙".repeat(60));
        assert_eq!(carried(&long, 1), format!("{}，…", "甲".repeat(60)));
        let unbroken = "长".repeat(120) + "。";
        assert_eq!(carried(&unbroken, 1), format!("{}…", "长".repeat(99)));
    }

    #[test]
    fn a_long_text_carries_its_figures_in_order_and_marks_every_gap() {
        let text =
            "（二）强化责任落实。各部门要加强协作。人社部门预付60%的基金。财政部门落实补助资金。\
                    超过3000元以上的部分由医疗救助解决。全面实现一站式结报。";
        assert_eq!(
            points(text, true),
            (
                vec![
                    "（二）强化责任落实。".to_string(),
                    "…人社部门预付60%的基金。".to_string(),
                    "…超过3000元以上的部分由医疗救助解决。…".to_string(),
                ],
                false
            )
        );
    }

    /// A table row on a poster: every cell, short neighbours side by side, each long one alone, in order
    /// (附件4 附表's row 7: its 考核指标 had been cut at a comma and its 分值 had been a point alone); a row
    /// too long for a poster has its longest cell cut and says it is an excerpt.
    #[test]
    fn a_merged_cell_is_marked_after_its_words_before_its_stop() {
        use super::inferred_marked;
        assert_eq!(
            inferred_marked("问责主体：受援医院及负责人（同上）。"),
            "问责主体：受援医院及负责人\u{2060}＊。"
        );
        assert_eq!(inferred_marked("序号：10（同上）"), "序号：10\u{2060}＊");
        assert_eq!(inferred_marked("分值：4"), "分值：4");
    }

    #[test]
    fn a_table_row_is_carried_cell_by_cell() {
        let cells = |c: &[&str]| c.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let measure = "考核指标：2018 年，下达任务的医疗机构是否完成重点专科和薄弱学科建设任务，是否完成检验、病理、心电和消毒供应等 4 个县级医学中心建设（年度内有 1 个未开工或建设进度较慢的不得分，无任务的得 4 分）。";
        let long = format!("考核指标：{}。", "甲，".repeat(150));
        for (name, row, want, whole) in [
            (
                "附件4 附表 row 7",
                cells(&[
                    "序号：7",
                    "考核内容：医疗机构“组团式”帮扶工作",
                    measure,
                    "分值：4",
                ]),
                vec![
                    "序号：7，考核内容：医疗机构“组团式”帮扶工作。".to_string(),
                    measure.to_string(),
                    "分值：4。".to_string(),
                ],
                true,
            ),
            (
                "short cells side by side",
                cells(&["序号：1", "姓名：吕彦琪", "乡镇：翟家所镇"]),
                vec!["序号：1，姓名：吕彦琪，乡镇：翟家所镇。".to_string()],
                true,
            ),
            (
                "a form's blank to fill in: no stop after its colon",
                cells(&["序号：10", "类别：责令改正数量（件）", "数量：总数："]),
                vec!["序号：10，类别：责令改正数量（件），数量：总数：".to_string()],
                true,
            ),
            (
                "a cell too long for a poster",
                cells(&["序号：9", &long, "分值：4"]),
                vec![
                    "序号：9。".to_string(),
                    carried(&long, 1),
                    "分值：4。".to_string(),
                ],
                false,
            ),
        ] {
            let Excerpt { points, whole: w } = row_excerpt(&row);
            assert_eq!((points.clone(), w), (want, whole), "{name}");
            assert!(
                points.iter().all(|p| p.chars().count() <= 2 * MAX_CHARS),
                "{name}"
            );
        }
    }
}
