//! Notes fetched ahead of the click: the episode a listener points at, and
//! what the page offers where it comes to rest (README, Performance). The
//! fetching itself, its memory and when it stays off (offline, Save-Data,
//! 2G), is [`crate::io::prefetch_notes`]'s.

use super::dom::app_route;
use crate::core::route::Route;
use gloo_timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use wasm_bindgen::{JsCast, UnwrapThrowExt};

/// How many notes files one rest fetches ahead, at most.
const AT_REST: usize = 4;

/// How many notes files the resting places fetch ahead in a visit, at
/// most: some 0.3 to 1.5 MB at real shows' note sizes. What the listener
/// points at is not counted: that is their own choice.
const IN_VISIT: usize = 40;

/// How long a page must rest before its links are fetched ahead, in
/// milliseconds: after it is drawn, so that its own first requests go
/// first, and after a scroll, so that a fling fetches only where it stops.
const SETTLING_MS: u32 = 1_000;

thread_local! {
    static LEFT: Cell<usize> = const { Cell::new(IN_VISIT) };
    /// The rest being waited for; a newer one replaces it (dropping a
    /// `Timeout` cancels it), so typing a search or a page left at once
    /// fetches nothing.
    static WAITING: RefCell<Option<Timeout>> = const { RefCell::new(None) };
}

/// Fetches ahead what the page offers once it has rested [`SETTLING_MS`]
/// (see [`at_rest`]); a newer call starts the wait again.
pub fn when_settled() {
    let waiting = Timeout::new(SETTLING_MS, at_rest);
    WAITING.with(|w| w.replace(Some(waiting)));
}

/// Fetches ahead the notes of what the listener is likely to open next
/// from where the page rests: an episode page's older and newer episode
/// (its pager), a listing's cards whose title is in view; up to
/// [`AT_REST`] downloads. Only the app's own pages: the preview's draft,
/// drawn beside them, is on no host yet; nor "Continue listening"'s
/// compact cards, opened already.
fn at_rest() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let bottom = window.inner_height().ok().and_then(|h| h.as_f64());
    let links = window.document().and_then(|d| {
        d.query_selector_all("#app a.pager-link, #app .episode-list:not(.compact) .card-title a")
            .ok()
    });
    let (Some(bottom), Some(links)) = (bottom, links) else {
        return;
    };
    let mut left = AT_REST.min(LEFT.get());
    for i in 0..links.length() {
        if left == 0 {
            break;
        }
        let link: web_sys::Element = links.item(i).unwrap_throw().unchecked_into();
        let top = link.get_bounding_client_rect().top();
        let pager = link.closest(".pager").is_ok_and(|p| p.is_some());
        if ((0.0..bottom).contains(&top) || pager) && notes_of(&link) {
            left -= 1;
            LEFT.set(LEFT.get() - 1);
        }
    }
}

/// Fetches ahead the notes `link` leads to, when it is one of the app's
/// episodes; whether a download started (not when its notes are on their
/// way already, nor when fetching ahead is off).
pub fn notes_of(link: &web_sys::Element) -> bool {
    matches!(app_route(link), Some((Route::Episode { slug }, _)) if crate::io::prefetch_notes(&slug))
}
