//! 朗读: reads the page aloud with the browser's Chinese speech synthesis, from where the reader is: the
//! calculator's result first (whose it is, the amount, who pays what, the steps, the other readings; before
//! anything is typed, its worked example), else the URL's target, else the item the person opened last
//! while it is open and not scrolled past, else the block at the top
//! of the screen, to the end of the page. The text goes in sentence-sized utterances (`crate::speech`),
//! queued one after another, with 暂停/继续 and 停止; the block being read is marked and kept on the screen
//! (a listener sees what is read: it had read on 17,900 px below a screen left at the title). Where the
//! browser has no Chinese voice the button is shown unavailable (`aria-disabled`, still focusable), and a tap on it shows the reason: the app's tool
//! bar then takes exactly the place the build's page held for it, whatever the browser has.

use leptos::prelude::*;
use policy_content::site::tools;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::speech::{set_off, utterances, with_control, with_unit, Control, MAX_UTTERANCE_CHARS};

/// The blocks of text read one after another (a block inside another is read with its outer one; a table
/// row is one block: [`row_text`]; a form's items and choices are heard as they are shown).
const BLOCKS: &str =
    "h1, h2, h3, h4, h5, h6, p, li, dt, dd, tr, caption, figcaption, summary, blockquote, \
     pre, legend, label";

/// What is not read: navigation, the table of contents, screen-only extras (charts, tools; not what is
/// marked `spoken`, such as the calculator's other readings), and the calculator's comparison of
/// categories (a wide table of other people's figures: on the screen only).
const SKIP: &str =
    "nav, details.toc, .no-print:not(.spoken), [aria-hidden=\"true\"], .compare-section";

/// What the reader is doing.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Idle,
    Speaking,
    Paused,
}

fn synth() -> Option<web_sys::SpeechSynthesis> {
    web_sys::window()?.speech_synthesis().ok()
}

/// How well a voice with language tag `tag` reads the site's Mandarin text: 0 Mandarin in simplified
/// script (zh-CN, cmn-Hans-CN, zh-SG, zh), 1 Mandarin in traditional script (zh-TW), 2 Cantonese (zh-HK,
/// yue), which still reads the characters; `None` for any other language (zha, Zhuang, is not Chinese).
/// A BCP 47 tag is ASCII (Android writes `zh_CN`): compared as ASCII, which keeps Unicode's case tables
/// out of every bundle.
fn voice_rank(tag: &str) -> Option<u8> {
    let is = |part: &str, code: &str| part.eq_ignore_ascii_case(code);
    let mut parts = tag.split(['-', '_']);
    let language = parts.next()?;
    if is(language, "yue") {
        return Some(2);
    }
    if !is(language, "zh") && !is(language, "cmn") {
        return None;
    }
    let mut rank = 0;
    for part in parts {
        if is(part, "hk") || is(part, "mo") || is(part, "yue") {
            return Some(2);
        }
        if is(part, "tw") || is(part, "hant") {
            rank = 1;
        }
    }
    Some(rank)
}

fn chinese_voice() -> Option<web_sys::SpeechSynthesisVoice> {
    let mut best: Option<(u8, web_sys::SpeechSynthesisVoice)> = None;
    for v in synth()?.get_voices().iter() {
        let Ok(v) = v.dyn_into::<web_sys::SpeechSynthesisVoice>() else {
            continue;
        };
        match voice_rank(&v.lang()) {
            Some(r) if best.as_ref().is_none_or(|(b, _)| r < *b) => best = Some((r, v)),
            _ => {}
        }
    }
    best.map(|(_, v)| v)
}

fn inner_text(el: &web_sys::Element) -> String {
    el.dyn_ref::<web_sys::HtmlElement>()
        .map(|h| h.inner_text())
        .unwrap_or_default()
}

/// Whether `el` is drawn at all (not in a closed `<details>`, not `hidden`, not print-only).
fn drawn(el: &web_sys::Element) -> bool {
    let r = el.get_bounding_client_rect();
    r.width() > 0.0 || r.height() > 0.0
}

/// The elements `selector` names in `root`, in document order.
pub(crate) fn all(root: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
        .collect()
}

/// A block's text as it is read: without what is not read inside it (a screen-only button), and a tag
/// (含假设, 报销为估算) set off by commas, not run into the amount before it ("8,500.00 元含假设").
fn block_text(el: &web_sys::Element) -> String {
    let mut text = inner_text(el);
    for d in all(el, SKIP) {
        text = text.replacen(&inner_text(&d), "", 1);
    }
    for tag in all(el, ".tag") {
        text = set_off(&text, &inner_text(&tag));
    }
    match control(el) {
        Some(c) => with_control(&text, &c),
        None => text,
    }
}

/// The control a label is for (its `for`, else the one inside it), as [`with_control`] reads it.
fn control(label: &web_sys::Element) -> Option<Control> {
    if label.tag_name() != "LABEL" {
        return None;
    }
    let input = match label.get_attribute("for") {
        Some(id) => label.owner_document()?.get_element_by_id(&id),
        None => label.query_selector("input").ok().flatten(),
    }?
    .dyn_into::<web_sys::HtmlInputElement>()
    .ok()?;
    Some(match input.type_().as_str() {
        "radio" | "checkbox" => Control::Choice(input.checked()),
        kind => {
            let value = input.value();
            Control::Field(if kind == "date" {
                policy_content::date::chinese_date(&value)
            } else {
                value
            })
        }
    })
}

/// A table row as it is read: its cells one after another ([`row_cells`]); `None` for the table's heading
/// row, which the cells carry.
pub(crate) fn row_text(tr: &web_sys::Element) -> Option<String> {
    row_cells(tr).map(|cells| join_cells(&cells))
}

/// A row's cells as they are read, each after its column's heading where the table has more than two
/// columns (附表: 姓名：…，乡镇：…; a document's cell names its column itself, `data-label`), a merged cell
/// with the text it carries from above (`data-carried`: the row is read, or put on a poster, alone); empty
/// cells left out; `None` for the heading row itself, which the cells then carry.
pub(crate) fn row_cells(tr: &web_sys::Element) -> Option<Vec<String>> {
    let cells = all(tr, "th, td");
    let heads = tr
        .closest("table")
        .ok()
        .flatten()
        .and_then(|t| t.query_selector("thead tr").ok().flatten())
        .map(|h| all(&h, "th, td"))
        .unwrap_or_default();
    let labelled = heads.len() > 2 && heads.len() == cells.len();
    if labelled && tr.closest("thead").ok().flatten().is_some() {
        return None;
    }
    let written: Vec<String> = cells
        .iter()
        .map(|c| inner_text(c).trim().to_string())
        .collect();
    // A summary line (总分：) is not under its first column's name (序号：总分： had been read).
    let labelled = labelled && !policy_content::model::is_summary_row(&written);
    let parts: Vec<String> = cells
        .iter()
        .zip(written)
        .enumerate()
        .map(|(i, (c, written))| {
            let head = c
                .get_attribute("data-label")
                .or_else(|| heads.get(i).map(inner_text));
            let text = match c.get_attribute("data-carried") {
                Some(carried) if written.is_empty() => carried,
                _ => written,
            };
            let text = with_unit(&text, head.as_deref().unwrap_or(""));
            match head.filter(|_| labelled) {
                Some(h) if !text.is_empty() => format!("{}：{text}", h.trim()),
                _ => text,
            }
        })
        .filter(|t| !t.is_empty())
        .collect();
    Some(parts)
}

/// Cells (or a row's pieces) read one after another: a comma between them, but after a cell that ends its
/// sentence (…保障范围。: the next had begun with one, ，考核评价：…), and a full stop at the end; after a
/// form's blank to fill in (总数：), a space and no stop (数量：总数：。 had printed).
pub(crate) fn join_cells(cells: &[String]) -> String {
    let blank = |row: &str| row.ends_with(['：', ':']);
    let mut row = String::new();
    for part in cells {
        if blank(&row) {
            row.push('　');
        } else if !row.is_empty() && !crate::sentences::ends_sentence(&row) {
            row.push('，');
        }
        row.push_str(part);
    }
    if !blank(&row) && !crate::sentences::ends_sentence(&row) {
        row.push('。');
    }
    row
}

/// A block read and its text.
type Block = (web_sys::Element, String);

/// The blocks in `root` that are read, with their text, from the first one `start` accepts to the end.
fn blocks_from(root: &web_sys::Element, start: impl Fn(&web_sys::Element) -> bool) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut started = false;
    for el in all(root, BLOCKS) {
        let nested = el
            .parent_element()
            .and_then(|p| p.closest(BLOCKS).ok().flatten())
            .is_some_and(|outer| root.contains(Some(&outer)));
        let skipped = el.closest(SKIP).ok().flatten().is_some();
        if nested || skipped || !drawn(&el) {
            continue;
        }
        started = started || start(&el);
        if !started {
            continue;
        }
        let block = if el.tag_name() == "TR" {
            row_text(&el)
        } else {
            Some(block_text(&el))
        };
        if let Some(block) = block {
            blocks.push((el, block));
        }
    }
    blocks
}

/// The calculator's result (or, before anything is typed, its worked example), whole: the amount, who pays
/// what, every step, then what was computed once typing paused (the other readings, the comparison); first what the amount rests on beside it, as on the screen (what
/// the page's link could not read, the numbers the person changed); `None` where the page has no
/// calculator.
fn calculator_result(doc: &web_sys::Document) -> Option<Vec<Block>> {
    let result = doc
        .query_selector("main .page.calc > .calc-result")
        .ok()??;
    let mut blocks = Vec::new();
    for said in ["link-notices", "changed-numbers"] {
        if let Ok(Some(el)) = doc.query_selector(&format!("main .page.calc > .{said}")) {
            blocks.extend(blocks_from(&el, |_| true));
        }
    }
    blocks.extend(blocks_from(&result, |_| true));
    // What was computed once typing paused, below the result (the other readings, the comparison).
    if let Ok(Some(later)) = doc.query_selector("main .page.calc > .calc-later") {
        blocks.extend(blocks_from(&later, |_| true));
    }
    Some(blocks)
}

/// The attribute of the `<details>` the person opened last ([`watch_opened`]).
const OPENED_LAST: &str = "data-opened-last";

/// Marks the `<details>` the person opens as the one opened last (and no other): 朗读 begins there while it
/// is open and not scrolled past (on the checker's result, on a phone, the person scrolls up to 朗读 and
/// had heard the page's title and every benefit's name before the one opened). Once a page; `toggle` does
/// not bubble, so it is listened for on its way down.
fn watch_opened() {
    static WATCHING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if WATCHING.swap(true, std::sync::atomic::Ordering::Relaxed) {
        return;
    }
    crate::dom::on_document("toggle", true, |ev: web_sys::Event| {
        let Some(d) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .filter(|d| d.tag_name() == "DETAILS" && d.has_attribute("open"))
        else {
            return;
        };
        if let Ok(Some(before)) = d.owner_document().map_or(Ok(None), |doc| {
            doc.query_selector(&format!("[{OPENED_LAST}]"))
        }) {
            let _ = before.remove_attribute(OPENED_LAST);
        }
        let _ = d.set_attribute(OPENED_LAST, "");
    });
}

/// The page's text from the URL's target, or else from the `<details>` the person opened last while it is
/// open and not above the screen, or else from the block at the top of the screen, to the end.
fn from_where_the_reader_is(doc: &web_sys::Document) -> Vec<Block> {
    let Ok(Some(main)) = doc.query_selector("main") else {
        return Vec::new();
    };
    let opened = || {
        main.query_selector(&format!("details[{OPENED_LAST}][open]"))
            .ok()
            .flatten()
            .filter(|d| {
                d.closest(SKIP).ok().flatten().is_none()
                    && d.get_bounding_client_rect().bottom() > 0.0
            })
    };
    let target = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .and_then(|h| {
            let id = h.strip_prefix('#')?;
            let id = js_sys::decode_uri_component(id).ok()?.as_string()?;
            doc.get_element_by_id(&id)
        })
        .filter(|t| main.contains(Some(t)) && drawn(t))
        .or_else(opened);
    blocks_from(&main, |el| match &target {
        // The target itself, or the first block after it.
        Some(t) => {
            t.contains(Some(el))
                || el.contains(Some(t))
                || t.compare_document_position(el) & web_sys::Node::DOCUMENT_POSITION_FOLLOWING != 0
        }
        None => el.get_bounding_client_rect().bottom() > 0.0,
    })
}

/// An utterance, with the block it is in and how far into the block's text it begins (0 to 1).
#[derive(Clone)]
pub struct Said {
    /// What is said.
    pub text: String,
    /// The block it is in.
    pub block: web_sys::Element,
    /// How far into the block's text it begins (0 to 1): where on the screen, in a long block.
    pub at: f64,
}

/// The utterances to read now, each with the block it is in (in the page tools' chunk:
/// [`crate::components::ToolsCode`]).
pub fn what_to_read() -> Vec<Said> {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return Vec::new();
    };
    let blocks = crate::dom::with_all_laid_out(|| {
        calculator_result(&doc).unwrap_or_else(|| from_where_the_reader_is(&doc))
    });
    // A block is a line: a sentence never runs from one into the next.
    let mut out = Vec::new();
    for (block, text) in blocks {
        let total = text.chars().count().max(1) as f64;
        let mut before = 0;
        for text in utterances(&text, MAX_UTTERANCE_CHARS) {
            let at = before as f64 / total;
            before += text.chars().count();
            out.push(Said {
                text,
                block: block.clone(),
                at,
            });
        }
    }
    out
}

/// The class of the block being read (public/style.css marks it).
const BEING_READ: &str = "being-read";

/// Marks the block of `said` as the one being read (and no other), and, unless the block is wholly on
/// the screen, brings where `said` begins in it (estimated by its share of the block's text) a quarter of
/// the way down (below a sticky bar) when it is above the screen or in its lower quarter; `None` unmarks.
fn follow(said: Option<&Said>) {
    crate::dom::unclass_all(BEING_READ);
    let (Some(w), Some(said)) = (web_sys::window(), said) else {
        return;
    };
    let _ = said.block.class_list().add_1(BEING_READ);
    let height = crate::dom::screen_height().unwrap_or(0.0);
    let r = said.block.get_bounding_client_rect();
    let line = r.top() + said.at * r.height();
    let whole = r.top() >= 0.0 && r.bottom() <= height;
    if !whole && (line < 0.0 || line > height * 0.75) {
        let y = w.scroll_y().unwrap_or(0.0) + line - height / 4.0;
        w.scroll_to_with_x_and_y(0.0, y.max(0.0));
    }
}

/// The queue being read and where it is.
#[derive(Clone, Copy)]
struct Player {
    state: RwSignal<State>,
    /// The utterances, each with the block it is in ([`what_to_read`]).
    queue: StoredValue<Vec<Said>, LocalStorage>,
    /// The next utterance to speak (on 继续, the one that was interrupted).
    at: StoredValue<usize>,
    /// Bumped on every 暂停/停止, so the end of a cancelled utterance does not go on to the next.
    run: StoredValue<u32>,
    /// The utterance being spoken: held so the browser does not drop it (and its end event) early.
    current: StoredValue<Option<web_sys::SpeechSynthesisUtterance>, LocalStorage>,
}

impl Player {
    fn speak_next(self) {
        let (Some(synth), i) = (synth(), self.at.get_value()) else {
            return;
        };
        let Some(said) = self.queue.with_value(|q| q.get(i).cloned()) else {
            self.state.set(State::Idle);
            self.at.set_value(0);
            follow(None);
            return;
        };
        follow(Some(&said));
        let Ok(u) = web_sys::SpeechSynthesisUtterance::new_with_text(&said.text) else {
            return;
        };
        u.set_lang("zh-CN");
        if let Some(v) = chinese_voice() {
            u.set_voice(Some(&v));
        }
        let run = self.run.get_value();
        let on_end = Closure::<dyn Fn()>::new(move || {
            if self.run.get_value() == run && self.state.get_untracked() == State::Speaking {
                self.at.set_value(i + 1);
                self.speak_next();
            }
        });
        u.set_onend(Some(on_end.as_ref().unchecked_ref()));
        u.set_onerror(Some(on_end.as_ref().unchecked_ref()));
        on_end.forget();
        synth.speak(&u);
        self.current.set_value(Some(u));
    }

    /// Stops the voice now; `state` is what the reader is left in.
    fn halt(self, state: State) {
        self.run.update_value(|r| *r = r.wrapping_add(1));
        self.state.set(state);
        if let Some(s) = synth() {
            s.cancel();
        }
        self.current.set_value(None);
        if state == State::Idle {
            self.at.set_value(0);
            follow(None);
        }
    }
}

/// The 朗读 button (暂停 / 继续 while reading) and 停止; where the browser has no Chinese voice, unavailable,
/// and a tap on it shows the reason (screen readers hear it with the button at once). What it reads is
/// worked out by the page tools' chunk, fetched on the first tap if it is not there yet (offline and never
/// kept: the tap says so).
#[component]
pub fn ReadAloud() -> impl IntoView {
    watch_opened();
    let (available, set_available) = signal(chinese_voice().is_some());
    let why_shown = RwSignal::new(false);
    let offline = RwSignal::new(false);
    let crate::components::ToolsLoader(load) = expect_context();
    if let Some(s) = synth() {
        // Voices load late in some browsers.
        let cb = Closure::<dyn Fn()>::new(move || set_available.set(chinese_voice().is_some()));
        s.set_onvoiceschanged(Some(cb.as_ref().unchecked_ref()));
        cb.forget();
    }
    let player = Player {
        state: RwSignal::new(State::Idle),
        queue: StoredValue::new_local(Vec::new()),
        at: StoredValue::new(0),
        run: StoredValue::new(0),
        current: StoredValue::new_local(None),
    };
    on_cleanup(move || {
        if player.state.get_untracked() != State::Idle {
            if let Some(s) = synth() {
                s.cancel();
            }
        }
    });
    let main_button = move |_| match player.state.get_untracked() {
        State::Idle if !available.get_untracked() => why_shown.set(true),
        State::Idle => {
            player.halt(State::Idle);
            offline.set(false);
            leptos::task::spawn_local(async move {
                match crate::lazy::load(load).await {
                    Ok(code) => {
                        player.queue.set_value((code.read)());
                        player.state.set(State::Speaking);
                        player.speak_next();
                    }
                    Err(_) => offline.set(true),
                }
            });
        }
        State::Speaking => player.halt(State::Paused),
        State::Paused => {
            player.state.set(State::Speaking);
            player.speak_next();
        }
    };
    let label = move || match player.state.get() {
        State::Idle => tools::READ,
        State::Speaking => tools::PAUSE,
        State::Paused => tools::RESUME,
    };
    view! {
        // While it reads, its buttons float at the foot of the screen: the page follows the reading, and
        // the tool bar at its top scrolls away with 暂停 and 停止.
        <span class="read-aloud" class:reading=move || player.state.get() != State::Idle>
            <button
                type="button"
                class="tool"
                aria-disabled=move || (!available.get()).then_some("true")
                aria-describedby=move || (!available.get()).then_some("read-aloud-why")
                on:click=main_button
            >
                {label}
            </button>
            <Show when=move || player.state.get() != State::Idle>
                <button type="button" class="tool" on:click=move |_| player.halt(State::Idle)>
                    "停止"
                </button>
            </Show>
            <Show when=move || !available.get()>
                <span
                    id="read-aloud-why"
                    class="tool-note"
                    class:visually-hidden=move || !why_shown.get()
                >
                    "这个浏览器没有中文朗读语音"
                </span>
            </Show>
            <Show when=move || offline.get()>
                <span class="tool-note" role="alert">
                    "没有连上网络，朗读现在打不开。联网后再点一次。"
                </span>
            </Show>
        </span>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn voices_are_ranked_by_how_well_they_read_mandarin() {
        let table = [
            ("zh-CN", Some(0)),
            ("zh_CN", Some(0)),
            ("ZH-cn", Some(0)),
            ("cmn-Hans-CN", Some(0)),
            ("zh-SG", Some(0)),
            ("zh", Some(0)),
            ("zh-TW", Some(1)),
            ("zh-Hant-TW", Some(1)),
            ("cmn-Hant-TW", Some(1)),
            ("zh-HK", Some(2)),
            ("yue-Hant-HK", Some(2)),
            ("zha", None),
            ("en-US", None),
            ("", None),
        ];
        for (tag, rank) in table {
            assert_eq!(super::voice_rank(tag), rank, "{tag}");
        }
    }
}
