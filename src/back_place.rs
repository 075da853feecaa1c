//! Where Back and Forward return to in a bundle with a router: the page at each address of the visit as
//! the reader left it, put back once the app has drawn that page again. The browser cannot: it puts the
//! page back before the router has drawn it (on the page being left, or on the top of one still filling
//! in, which it then scrolls along as the rest comes in: Back from a search hit's clause left the hits
//! 2,000 px below where the reader had been).

use std::cell::RefCell;
use std::collections::HashMap;

use crate::reading_place::{block_at_top, hold, holding, on_scroll, put_at, scroll_when_room};

/// Where the page was: how far down, and the block at the top of the screen by the id it (or the nearest
/// element around it) has, with its distance from the top of the screen. The block is what is put back
/// when the page has it: what is above it may be laid out only later (`content-visibility`).
#[derive(Clone, Debug, PartialEq)]
struct Place {
    y: f64,
    anchor: Option<(String, f64)>,
}

/// How long the page must rest after a scroll before the block at its top is looked for.
const ANCHOR_AFTER_MS: i32 = 150;

thread_local! {
    /// The place at each address of this visit (path, query and fragment), as last left.
    static PLACES: RefCell<HashMap<String, Place>> = RefCell::new(HashMap::new());
    /// The address Back or Forward returned to, and the hold that is putting its place back: until it
    /// ends, the page's moves are not the reader's, and the address's clause is not scrolled to.
    static RETURNING: RefCell<Option<(String, u32)>> = const { RefCell::new(None) };
}

/// The address a place is kept under (path, query and fragment); also what the search page keeps its
/// number of hits shown under.
pub(crate) fn address() -> Option<String> {
    let location = web_sys::window()?.location();
    Some(format!(
        "{}{}{}",
        location.pathname().ok()?,
        location.search().ok()?,
        location.hash().ok()?
    ))
}

/// Whether Back or Forward is putting back the place of the address the page is at now: the address's
/// clause is then not scrolled to (the reader had moved on from it).
pub fn returning_here() -> bool {
    RETURNING.with(|r| {
        r.borrow()
            .as_ref()
            .is_some_and(|(at, id)| holding(*id) && address().as_ref() == Some(at))
    })
}

/// Notes where the page is now as its address's place (not while a place is being put back). With
/// `anchor`, also the block at the top of the screen.
pub fn remember(anchor: bool) {
    if RETURNING.with(|r| r.borrow().as_ref().is_some_and(|(_, id)| holding(*id))) {
        return;
    }
    let (Some(at), Some(y)) = (address(), web_sys::window().and_then(|w| w.scroll_y().ok())) else {
        return;
    };
    let anchor = anchor
        .then(|| {
            let named = block_at_top()?.0.closest("main [id]").ok().flatten()?;
            Some((named.id(), named.get_bounding_client_rect().top()))
        })
        .flatten();
    PLACES.with(|p| p.borrow_mut().insert(at, Place { y, anchor }));
}

/// Follows, for the life of the page, where the reader leaves it: every scroll notes how far down, and
/// once the page rests, the block at the top. (Each address the router draws, the one the page opened at
/// included, is noted as it is drawn: `app::RoutedFrame`.)
pub fn follow() {
    on_scroll(ANCHOR_AFTER_MS, || remember(false), || remember(true));
}

/// Back or Forward (called on `popstate`, before the router draws the page): once it is drawn, puts the
/// page where the reader left this address, and holds it there while the page fills in.
pub fn return_to() {
    let Some(at) = address() else {
        return;
    };
    let Some(place) = PLACES.with(|p| p.borrow().get(&at).cloned()) else {
        return;
    };
    let first = place.clone();
    let id = hold(move || put(&place));
    RETURNING.with(|r| r.replace(Some((at, id))));
    // The router draws the page after this: put it there before the next paint, not at the hold's next look.
    leptos::prelude::request_animation_frame(move || {
        if holding(id) {
            put(&first);
        }
    });
}

/// Puts the page at `place`: its block where it was on the screen once the page has it, else how far down
/// it was once the page is that long. Always true: the page may still be filling in.
fn put(place: &Place) -> bool {
    let block = place.anchor.as_ref().and_then(|(id, top)| {
        let el = web_sys::window()?.document()?.get_element_by_id(id)?;
        Some((el, *top))
    });
    match block {
        Some((el, top)) => {
            put_at(&el, top);
            true
        }
        None => scroll_when_room(place.y),
    }
}
