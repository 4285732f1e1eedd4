//! The router: which route the address names, and navigation between them.
//!
//! A few dozen lines over the History API instead of yew-router, measured
//! at 42 KB gzip of wasm for a three-route app (more than a fifth of the
//! budget). The routes themselves are pure and tested natively
//! (`core::route`).

pub use crate::core::route::Route;
use crate::core::url::query_pairs;
use gloo_events::EventListener;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

/// The address: its route and its query string (without `?`).
#[derive(Debug, Clone, PartialEq)]
pub struct Location {
    pub route: Route,
    pub query: String,
}

impl Location {
    /// One query parameter, decoded.
    pub fn param(&self, key: &str) -> Option<String> {
        query_pairs(&self.query)
            .into_iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
    }
}

impl From<Route> for Location {
    fn from(route: Route) -> Location {
        Location {
            route,
            query: String::new(),
        }
    }
}

/// The site's base path, from `<base href>`: `/` or `/show/`.
fn base_path() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|b| web_sys::Url::new(&b).ok())
        .map(|u| u.pathname())
        .unwrap_or_else(|| "/".into())
}

/// The browser's address. Read outside any render: the first render
/// draws the location it is given, as the build did.
pub fn current() -> Location {
    let location = web_sys::window().map(|w| w.location());
    let path = location
        .as_ref()
        .and_then(|l| l.pathname().ok())
        .unwrap_or_default();
    let query = location
        .as_ref()
        .and_then(|l| l.search().ok())
        .unwrap_or_default();
    let base = base_path();
    let relative = path
        .strip_prefix(&base)
        .or_else(|| (path.clone() + "/").strip_prefix(&base).map(|_| ""));
    Location {
        route: relative.map_or(Route::NotFound, Route::recognize),
        query: query.trim_start_matches('?').to_string(),
    }
}

/// The address of a route (with an optional query), relative to the
/// site's base: the page's `<base href>` resolves it, for links and for
/// the History API alike, so the same markup serves `/` and `/show/`.
pub fn href(route: &Route, query: &str) -> String {
    let mut url = route.path();
    if !query.is_empty() {
        url.push('?');
        url.push_str(query);
    }
    url
}

/// Encodes query pairs, leaving out empty values.
pub fn query_string(pairs: &[(&str, String)]) -> String {
    crate::core::url::query_string(pairs)
}

/// Moves to another address inside the app.
#[derive(Clone)]
pub struct Navigator {
    set: Callback<Location>,
}

impl PartialEq for Navigator {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Navigator {
    pub fn push(&self, route: &Route) {
        self.go(route, "", true);
    }

    /// `push` adds a history entry (back returns here); otherwise the
    /// current entry is replaced (typing in the search box).
    pub fn go(&self, route: &Route, query: &str, push: bool) {
        let url = href(route, query);
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = if push {
                history.push_state_with_url(&JsValue::NULL, "", Some(&url))
            } else {
                history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
            };
        }
        self.set.emit(current());
    }
}

/// The address and the way to change it, shared by context.
#[derive(Clone, PartialEq)]
pub struct RouterContext {
    pub location: Rc<Location>,
    pub navigator: Navigator,
}

/// Tracks the address (and the back and forward buttons) for the app,
/// from `drawn`, the address the first render draws. Once mounted it moves
/// to the browser's own address, when that differs (a search in the query,
/// or a host's fallback page for an address the build did not write).
#[hook]
pub fn use_router(drawn: &Location) -> RouterContext {
    let location = use_state(|| Rc::new(drawn.clone()));
    let set = {
        let location = location.clone();
        Callback::from(move |l: Location| {
            location.set(Rc::new(l));
            // A new page: once it rests, what it offers is fetched ahead.
            super::ahead::when_settled();
        })
    };
    {
        let set = set.clone();
        let drawn = drawn.clone();
        use_effect_with((), move |_| {
            let now = current();
            if now != drawn {
                set.emit(now);
            } else {
                super::ahead::when_settled();
            }
            let listener = web_sys::window()
                .map(|w| EventListener::new(&w, "popstate", move |_| set.emit(current())));
            move || drop(listener)
        });
    }
    RouterContext {
        location: (*location).clone(),
        navigator: Navigator { set },
    }
}

/// Follows a plain click on a link to one of the app's pages inside the
/// app, from anywhere in the document: the app's links are ordinary
/// `<a href>` elements (they open in a new tab, and work before the app
/// runs), and this one listener, rather than one per link, keeps them in
/// the app. A handler nearer the link that already took the click (the
/// notes' timestamps) wins. Links pointed at or focused, and where
/// scrolling stops, have their notes fetched ahead ([`super::ahead`]).
#[hook]
pub fn use_link_following(navigator: Navigator) {
    use_effect_with(navigator, |navigator| {
        let navigator = navigator.clone();
        let listener = web_sys::window()
            .and_then(|w| w.document())
            .map(|document| {
                // Not passive: it must be able to stop the page load.
                let options = gloo_events::EventListenerOptions::enable_prevent_default();
                let click =
                    EventListener::new_with_options(&document, "click", options, move |event| {
                        if let Some(e) = event.dyn_ref::<web_sys::MouseEvent>() {
                            if let Some((route, query)) = app_link(e) {
                                e.prevent_default();
                                navigator.go(&route, &query, true);
                            }
                        }
                    });
                // A link pointed at (by mouse, pen or touch) or focused is
                // likely the next click: its episode's notes come ahead.
                let ahead = ["pointerover", "focusin"].map(|kind| {
                    EventListener::new(&document, kind, |event| {
                        if let Some(link) = crate::ui::dom::closest(event.target(), "#app a[href]")
                        {
                            super::ahead::notes_of(&link);
                        }
                    })
                });
                // Where scrolling stops, the cards in view are likely next.
                let rest = EventListener::new(&document, "scrollend", |_| {
                    super::ahead::when_settled();
                });
                (click, ahead, rest)
            });
        move || drop(listener)
    });
}

/// The link a click followed, when it is a plain primary click (no key
/// held: those open tabs and windows) that no handler has taken yet: the
/// clicks the app may keep for itself.
pub fn plainly_clicked_link(e: &web_sys::MouseEvent) -> Option<web_sys::Element> {
    if e.default_prevented()
        || e.button() != 0
        || e.ctrl_key()
        || e.meta_key()
        || e.shift_key()
        || e.alt_key()
    {
        return None;
    }
    crate::ui::dom::closest(e.target(), "a[href]")
}

/// The app page a plain click asks for: a link of the page's own
/// (relative) addresses that names a page of the app, to open in this tab.
fn app_link(e: &web_sys::MouseEvent) -> Option<(Route, String)> {
    super::dom::app_route(&plainly_clicked_link(e)?)
}
