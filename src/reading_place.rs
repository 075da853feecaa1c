//! The reader's place on the screen: the clause an address opened at, the text a reader has stopped to
//! read, kept where it was when the text size changes, and a way back to it for a reader who went up to
//! the tools to change the size (on a phone the tool bar is at the top of the page, not on the screen).

use std::cell::RefCell;

use wasm_bindgen::JsCast;

use crate::dom::screen_height;

/// The element id the URL's `#fragment` names, if it names one.
fn hash_id() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    policy_content::fragment::section_id(&hash)
}

/// The element with id `id`, if the page has it.
fn by_id(id: &str) -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id(id)
}

/// The element the URL's `#fragment` names, if the page has it.
fn hash_target() -> Option<web_sys::Element> {
    by_id(&hash_id()?)
}

/// Scrolls to the element named by the URL's `#fragment`, if there is one on the page, and marks it as
/// the target (the browser's own `:target` belongs to the build-time copy the app replaced), with the
/// words the address asks for in it ([`crate::marked_words`]): when the first of them would be off the
/// screen below the clause's start, the page opens at them instead.
pub fn scroll_to_hash() {
    let id = hash_id();
    let target = id.as_deref().and_then(by_id);
    // A clause the page does not have (a mistyped or old link): said at the top, where the page is.
    say_missing(id.filter(|_| target.is_none()));
    let Some(el) = target else {
        crate::marked_words::clear();
        // An address with no clause: no clause is marked any more, and none is held (Back to the page's
        // top), unless Back or Forward is putting the reader's place back.
        unmark_targets();
        OPENED_AT.with(|o| o.take());
        if !crate::back_place::returning_here() {
            new_hold();
        }
        return;
    };
    mark_target(&el);
    let words = crate::marked_words::mark_in(&el);
    if words.is_none() {
        crate::marked_words::forget_words();
    }
    if crate::back_place::returning_here() {
        // Back or Forward to an address whose clause the reader had moved on from: that place is put back.
        OPENED_AT.with(|o| o.take());
        return;
    }
    el.scroll_into_view();
    if let Some(w) = &words {
        show_sideways(w);
    }
    let (el, top) = match words.filter(below_the_screen) {
        Some(words) => {
            let block = words.closest(BLOCKS).ok().flatten();
            match block_with(&words, block.as_ref()) {
                // Words in a paragraph, a list item or a table's row: the block from its start (a row's 序号
                // and first cells say which row it is, under the bars that name the table), when the words
                // fit on the screen with it.
                Some((block, top)) => {
                    put_at(&block, top);
                    (block, top)
                }
                None => {
                    let top = words_line_at(&words, block.as_ref());
                    put_at(&words, top);
                    (words, top)
                }
            }
        }
        None => {
            // Where `scroll_into_view` puts it (below its scroll margin), not where a page still too short
            // to scroll that far left it: a heading near the end of the build's page, held there as the app
            // drew the longer page, had stayed 200–340 px down (编者注's headings).
            let top = el
                .get_bounding_client_rect()
                .top()
                .min(scroll_margin_top(&el));
            (el, top)
        }
    };
    forget_opened_place_when_moved();
    let place = Place::of((el, top));
    OPENED_AT.with(|o| o.replace(Some(place.clone())));
    keep_in_place(place);
}

/// `el`'s computed `property` in px, if it is a length. Read with the browser's `parseFloat` (Rust's float
/// parser would add 12 KB of tables to the wasm).
fn css_px(el: &web_sys::Element, property: &str) -> Option<f64> {
    web_sys::window()
        .and_then(|w| w.get_computed_style(el).ok().flatten())
        .and_then(|s| s.get_property_value(property).ok())
        .map(|v| js_sys::parse_float(&v))
        .filter(|v| v.is_finite())
}

/// `el`'s scroll margin at its top (style.css: below the bar a document's 文号 stays in), in px; 0 if none.
fn scroll_margin_top(el: &web_sys::Element) -> f64 {
    css_px(el, "scroll-margin-top").unwrap_or(0.0)
}

/// Scrolls the table `el` is in sideways, if it is in one, so that `el` starts in view (a search hit's
/// word in a wide table's third column ran past a phone's edge at 特大).
fn show_sideways(el: &web_sys::Element) {
    let Some(wrap) = el.closest(".table-wrap").ok().flatten() else {
        return;
    };
    let (at, view) = (
        el.get_bounding_client_rect(),
        wrap.get_bounding_client_rect(),
    );
    let (left, right) = (at.left() - view.left(), at.right() - view.left());
    if left < 0.0 || right > view.width() {
        // The words' start a little in from the box's left edge.
        let by = (left - 16.0).round() as i32;
        wrap.set_scroll_left(wrap.scroll_left() + by);
    }
}

/// How far down the screen asked-for words are put when the clause's start cannot be shown with them.
const WORDS_AT: f64 = 0.25;

/// The block `words` are in (`block`: a paragraph, a list item, a table's row, [`BLOCKS`]), with where its start
/// goes (below the bars: its scroll margin), if its start, put there, can be shown with them: on a phone a
/// row is a card as tall as the screen, and words low in it, put a quarter down the screen, had left its
/// 序号 and first cells above it; at 特大 a 文号's paragraph opened 400 px into its 714, and an editor's note
/// at 本文件三（一）第二段写…, what it is about above the screen.
fn block_with(
    words: &web_sys::Element,
    block: Option<&web_sys::Element>,
) -> Option<(web_sys::Element, f64)> {
    let block = block?;
    let (from, to) = (
        block.get_bounding_client_rect().top(),
        words.get_bounding_client_rect().bottom(),
    );
    let top = scroll_margin_top(block);
    (to - from + top <= screen_height()?).then(|| (block.clone(), top))
}

/// Where `words` go when their block's (`block`) start cannot be shown with them: about [`WORDS_AT`] down the
/// screen, their line a whole number of lines below the bars (their block's scroll margin), so that no
/// line above them is cut through by the bar (at 特大 one had shown a third of itself under it).
fn words_line_at(words: &web_sys::Element, block: Option<&web_sys::Element>) -> f64 {
    let wanted = screen_height().unwrap_or(0.0) * WORDS_AT;
    let line = block
        .and_then(|b| css_px(b, "line-height"))
        .filter(|v| *v > 0.0);
    let (Some(block), Some(line)) = (block, line) else {
        return wanted;
    };
    let margin = scroll_margin_top(block);
    // The words' box is their glyphs', centred in their line.
    let inset = (line - words.get_bounding_client_rect().height()) / 2.0;
    margin + ((wanted - margin) / line).round().max(0.0) * line + inset
}

/// Whether `el` ends below the screen (the clause's start and the words cannot both be shown).
fn below_the_screen(el: &web_sys::Element) -> bool {
    el.get_bounding_client_rect().bottom() > screen_height().unwrap_or(0.0)
}

/// The notice that the address names a clause this page does not have: its classes, and how it is found.
const MISSING: &str = "notice missing-target";
const MISSING_AT: &str = "main .missing-target";

/// Says, at the top of the page's text, that the address names clause `id` and the page has no such clause
/// (`None`: takes such a notice away).
fn say_missing(id: Option<String>) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Ok(Some(old)) = doc.query_selector(MISSING_AT) {
        old.remove();
    }
    let (Some(id), Ok(Some(main))) = (id, doc.query_selector("main")) else {
        return;
    };
    let Ok(note) = doc.create_element("p") else {
        return;
    };
    note.set_class_name(MISSING);
    let _ = note.set_attribute("role", "status");
    note.set_text_content(Some(&format!(
        "这个链接指向的位置（#{id}）在这一页上找不到，可能是链接打错了或已经过时。下面从这一页的开头显示。"
    )));
    let _ = main.insert_before(&note, main.first_child().as_ref());
}

thread_local! {
    /// The block at the top of the screen as the app started, when the reader had moved the build's page
    /// from where the address opened it ([`note_place_before_takeover`]).
    static BEFORE_TAKEOVER: RefCell<Option<(web_sys::Element, f64)>> = const { RefCell::new(None) };
}

/// Notes, as the app starts, where the reader is in the build's page if they have moved it from where the
/// address opened it: on a slow network a reader scrolls on while the app comes, and its takeover had
/// pulled them back to the address's clause, 700 px up.
pub fn note_place_before_takeover() {
    // Moved by the reader (public/loader.js marks a wheel, a swipe or a scrolling key), not by the browser
    // putting back a reloaded page's place.
    let touched = crate::dom::root().is_some_and(|r| r.has_attribute(MOVED));
    let moved = touched
        && match hash_target() {
            Some(el) => moved_from(&el),
            None => web_sys::window()
                .and_then(|w| w.scroll_y().ok())
                .is_some_and(|y| y > 0.0),
        };
    if moved {
        BEFORE_TAKEOVER.with(|b| *b.borrow_mut() = block_at_top());
    }
}

/// The attribute public/loader.js gives the root once the reader has moved the build's page.
const MOVED: &str = "data-moved";

/// Whether the page is not where opening the address put `el`: at its scroll margin from the top of the
/// screen, or lower where the page ends before it could be brought up that far.
fn moved_from(el: &web_sys::Element) -> bool {
    /// How far from there counts as moved (a line or two).
    const MOVED_PX: f64 = 48.0;
    let (top, margin) = (el.get_bounding_client_rect().top(), scroll_margin_top(el));
    if (top - margin).abs() <= MOVED_PX {
        return false;
    }
    let at_end = web_sys::window()
        .and_then(|w| w.scroll_y().ok())
        .zip(crate::dom::root().map(|r| f64::from(r.scroll_height())))
        .zip(screen_height())
        .is_some_and(|((y, height), screen)| y + screen >= height - 2.0);
    !(top > margin && at_end)
}

/// After the app has taken over the build's page (the same nodes, moved into the app's view): the
/// reader's place kept where they had moved it ([`note_place_before_takeover`]), with the address's clause
/// and words marked; else the address's clause brought up ([`scroll_to_hash`]).
pub fn after_takeover() {
    match BEFORE_TAKEOVER.with(|b| b.borrow_mut().take()) {
        Some((el, top)) if el.is_connected() => {
            if let Some(target) = hash_target() {
                mark_target(&target);
                crate::marked_words::mark_in(&target);
            }
            hold(move || {
                if el.is_connected() {
                    put_at(&el, top);
                }
                el.is_connected()
            });
        }
        _ => scroll_to_hash(),
    }
}

/// Marks the element the address's fragment names, if the page has it, as [`mark_target`] does: after the
/// router's own navigations, which move the browser's `:target` but not the app's mark.
pub fn mark_hash_target() {
    if let Some(el) = hash_target() {
        mark_target(&el);
    }
}

/// Marks `el` as the address's target (`.is-target`), and no other element: the address's fragment has
/// become its id (opened, or its share link tapped). A clause's paragraph marks its body with it
/// (`.is-target-body`): the paragraphs after it up to the next element with an id, as the search reads a
/// clause (眉山's clause headings stand in a paragraph of their own, and the mark had covered the heading
/// line alone, not the rule under it).
pub fn mark_target(el: &web_sys::Element) {
    unmark_targets();
    let _ = el.class_list().add_1("is-target");
    let mut next = (el.tag_name() == "P")
        .then(|| el.next_element_sibling())
        .flatten();
    while let Some(p) = next.filter(|n| n.tag_name() == "P" && !n.has_attribute("id")) {
        let _ = p.class_list().add_1(BODY);
        next = p.next_element_sibling();
    }
}

/// The class of a marked clause's body ([`mark_target`]).
const BODY: &str = "is-target-body";

/// Takes the address's mark (`.is-target`, and its body's) off every element.
fn unmark_targets() {
    crate::dom::unclass_all("is-target");
    crate::dom::unclass_all(BODY);
}

thread_local! {
    /// The address's clause and where [`scroll_to_hash`] put it, until the reader moves the page (a wheel,
    /// a swipe): the place [`keep_reading_place`] keeps.
    static OPENED_AT: RefCell<Option<Place>> = const { RefCell::new(None) };
}

/// Listens, once, for the reader moving the page (a wheel, a swipe), which ends [`OPENED_AT`]; not for a
/// tap or a key (Tab, which brings the tools into view, is not reading elsewhere).
fn forget_opened_place_when_moved() {
    use wasm_bindgen::closure::Closure;
    thread_local!(static LISTENING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
    let Some(window) = web_sys::window() else {
        return;
    };
    if LISTENING.with(|l| l.replace(true)) {
        return;
    }
    let moved = Closure::<dyn Fn()>::new(|| {
        OPENED_AT.with(|o| o.take());
    });
    for ev in ["wheel", "touchmove"] {
        let _ = window.add_event_listener_with_callback(ev, moved.as_ref().unchecked_ref());
    }
    moved.forget();
}

/// The blocks of a page's text a reader's place is one of.
const BLOCKS: &str =
    "main :is(h1, h2, h3, h4, h5, h6, p, li, dt, dd, tr, pre, blockquote, summary)";

/// Runs `change` (which reflows the page: the text size) and keeps the reader's place where it was on the
/// screen: the address's clause while the page is where it opened it ([`OPENED_AT`]), else the block of
/// text at the top of the screen (none at the very top of the page, which stays at the top).
pub fn keep_reading_place(change: impl FnOnce()) {
    let place = OPENED_AT
        .with(|o| o.borrow().clone())
        .filter(|p| p.el.is_connected())
        .or_else(|| block_at_top().map(Place::of));
    change();
    if let Some(place) = place {
        keep_in_place(place);
    }
}

/// A block of text and where it was on the screen: its top, and its height then. A block that began above
/// the screen (a long paragraph read near its end) is put back by the line that was at the top, not by its
/// own top: a larger text makes the part above the screen taller too (at 字变大 the next paragraph had moved
/// 500 px down the screen).
#[derive(Clone)]
struct Place {
    el: web_sys::Element,
    top: f64,
    height: f64,
}

impl Place {
    fn of((el, top): (web_sys::Element, f64)) -> Self {
        let height = el.get_bounding_client_rect().height();
        Self { el, top, height }
    }

    /// Where its top goes now: where it was, or, begun above the screen, as far above as the same share
    /// of it.
    fn wanted(&self) -> f64 {
        let now = self.el.get_bounding_client_rect().height();
        if self.top < 0.0 && self.height > 0.0 {
            self.top * now / self.height
        } else {
            self.top
        }
    }
}

/// The innermost block of text ([`BLOCKS`]) at the top of the screen, with its top; looked for in the
/// screen's top third (the space between two blocks is neither).
pub(crate) fn block_at_top() -> Option<(web_sys::Element, f64)> {
    let window = web_sys::window()?;
    if window.scroll_y().ok()? <= 0.0 {
        return None;
    }
    let doc = window.document()?;
    let x = window.inner_width().ok()?.as_f64()? as f32 / 2.0;
    let height = screen_height()? as f32;
    let mut y = 1.0;
    while y < height / 3.0 {
        if let Some(el) = doc
            .element_from_point(x, y)
            .and_then(|e| e.closest(BLOCKS).ok().flatten())
        {
            let top = el.get_bounding_client_rect().top();
            return Some((el, top));
        }
        y += 8.0;
    }
    None
}

/// How long [`keep_in_place`] holds a place, and how often it looks.
const SETTLE_MS: i32 = 2_000;
const SETTLE_EVERY_MS: i32 = 50;

thread_local! {
    /// Which hold is the page's ([`keep_in_place`]): a new one ends the one before (two holds on two
    /// clauses, after a quick jump and Back, would pull the page between them).
    static HOLD: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Ends the hold there is, if any ([`keep_in_place`]): the page is going to another history entry.
pub fn let_go() {
    new_hold();
}

/// Ends the hold there is, if any, and returns the id of the next one.
fn new_hold() -> u32 {
    HOLD.with(|h| {
        h.set(h.get().wrapping_add(1));
        h.get()
    })
}

/// Puts `el` at `wanted` px from the top of the screen now, and holds it there while the page settles: the
/// blocks above it are laid out only when near the screen (`content-visibility`), fonts arrive, the router
/// scrolls after a navigation. Each of these can move the text under a reader who has not touched the page
/// yet; once they scroll, tap or press a key, the page is theirs. One place is held at a time: the last.
fn keep_in_place(place: Place) {
    hold(move || {
        if !place.el.is_connected() {
            return false;
        }
        put_at(&place.el, place.wanted());
        true
    });
}

/// Scrolls the page so that `el` is `wanted` px from the top of the screen, if it is more than 2 px off.
pub(crate) fn put_at(el: &web_sys::Element, wanted: f64) {
    let off = el.get_bounding_client_rect().top() - wanted;
    if off.abs() > 2.0 {
        if let Some(w) = web_sys::window() {
            w.scroll_by_with_x_and_y(0.0, off);
        }
    }
}

/// Runs `put` (which puts the page where it should be, and says whether there is still a place to hold)
/// now and every [`SETTLE_EVERY_MS`] while the page settles, for [`SETTLE_MS`], until the reader scrolls,
/// taps or presses a key, or another hold begins. Returns this hold's id (see [`holding`]).
pub(crate) fn hold(put: impl Fn() -> bool + 'static) -> u32 {
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    let mine = new_hold();
    let Some(window) = web_sys::window() else {
        return mine;
    };
    if !put() {
        return mine;
    }
    let touched = Rc::new(Cell::new(false));
    let ticks = Rc::new(Cell::new(0));
    let interval = Rc::new(Cell::new(0));
    let stop = {
        let touched = touched.clone();
        Closure::<dyn Fn()>::new(move || touched.set(true))
    };
    for ev in ["wheel", "touchstart", "keydown", "mousedown"] {
        let _ = window.add_event_listener_with_callback(ev, stop.as_ref().unchecked_ref());
    }
    let tick = {
        let interval = interval.clone();
        Closure::<dyn Fn()>::new(move || {
            ticks.set(ticks.get() + 1);
            let done = touched.get()
                || ticks.get() * SETTLE_EVERY_MS >= SETTLE_MS
                || !holding(mine)
                || !put();
            if done {
                if let Some(w) = web_sys::window() {
                    w.clear_interval_with_handle(interval.get());
                    for ev in ["wheel", "touchstart", "keydown", "mousedown"] {
                        let _ = w
                            .remove_event_listener_with_callback(ev, stop.as_ref().unchecked_ref());
                    }
                }
                if holding(mine) {
                    new_hold();
                }
            }
        })
    };
    if let Ok(handle) = window.set_interval_with_callback_and_timeout_and_arguments_0(
        tick.as_ref().unchecked_ref(),
        SETTLE_EVERY_MS,
    ) {
        interval.set(handle);
    }
    tick.forget();
    mine
}

/// Scrolls the page to `y` px down if it is not there and is long enough to be (a page still filling in
/// is not scrolled part of the way). Always true: for [`hold`], the page may still be filling in.
pub(crate) fn scroll_when_room(y: f64) -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    let room = crate::dom::root()
        .map(|e| f64::from(e.scroll_height()))
        .unwrap_or(0.0)
        - screen_height().unwrap_or(0.0);
    if (w.scroll_y().unwrap_or(0.0) - y).abs() > 2.0 && room >= y - 2.0 {
        w.scroll_to_with_x_and_y(0.0, y);
    }
    true
}

/// Whether the hold `id` ([`hold`]) is still the page's.
pub(crate) fn holding(id: u32) -> bool {
    HOLD.with(|h| h.get()) == id
}

thread_local! {
    /// The block of text the reader last stopped at to read, and where it was on the screen
    /// ([`follow_reading`]).
    static READ_AT: RefCell<Option<Place>> = const { RefCell::new(None) };
}

/// How long the page must rest, scrolled, for the block at the top of the screen to be where the reader
/// is reading (a reader going up to the tools passes the text without stopping this long).
const READING_MS: i32 = 3_000;

/// The page's tool bar: a reader resting while it is on the screen is looking for a tool, not reading.
const TOOLS: &str = ".page-tools";

/// Follows, for the life of the page, the block of text the reader stops at to read: once the page has
/// rested [`READING_MS`] after a scroll, the block at the top of the screen, unless the tool bar is on the
/// screen or the page is at its top.
pub fn follow_reading() {
    on_scroll(
        READING_MS,
        || {},
        || {
            if on_screen(TOOLS) {
                return;
            }
            if let Some(place) = block_at_top() {
                READ_AT.with(|r| r.replace(Some(Place::of(place))));
            }
        },
    );
}

/// For the life of the page: `each` on every scroll, and `rested` once the page has rested `rest_ms` after
/// one.
pub(crate) fn on_scroll(rest_ms: i32, each: impl Fn() + 'static, rested: impl Fn() + 'static) {
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    let Some(window) = web_sys::window() else {
        return;
    };
    let timer = Rc::new(Cell::new(0));
    let rested = Closure::<dyn Fn()>::new(rested);
    let scrolled = Closure::<dyn Fn()>::new(move || {
        each();
        let Some(w) = web_sys::window() else { return };
        w.clear_timeout_with_handle(timer.get());
        if let Ok(t) = w.set_timeout_with_callback_and_timeout_and_arguments_0(
            rested.as_ref().unchecked_ref(),
            rest_ms,
        ) {
            timer.set(t);
        }
    });
    let passive = web_sys::AddEventListenerOptions::new();
    passive.set_passive(true);
    let _ = window.add_event_listener_with_callback_and_add_event_listener_options(
        "scroll",
        scrolled.as_ref().unchecked_ref(),
        &passive,
    );
    scrolled.forget();
}

/// Whether the first element `selector` names is (partly) on the screen.
fn on_screen(selector: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let height = screen_height().unwrap_or(0.0);
    window
        .document()
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .is_some_and(|el| {
            let r = el.get_bounding_client_rect();
            r.bottom() > 0.0 && r.top() < height
        })
}

/// The block the reader last stopped at, if it is still on the page and not on the screen now: where
/// 回到刚才读的地方 goes.
pub fn reading_elsewhere() -> bool {
    READ_AT.with(|r| {
        r.borrow().as_ref().is_some_and(|Place { el, .. }| {
            let Some(height) = screen_height() else {
                return false;
            };
            let rect = el.get_bounding_client_rect();
            el.is_connected() && (rect.bottom() <= 0.0 || rect.top() >= height)
        })
    })
}

/// Puts the block the reader last stopped at where it was on the screen then.
pub fn back_to_reading() {
    if let Some(place) = READ_AT.with(|r| r.borrow().clone()) {
        keep_in_place(place);
    }
}
