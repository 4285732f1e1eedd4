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
use wasm_bindgen::JsValue;
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

#[derive(Clone, PartialEq)]
struct RouterContext {
    location: Rc<Location>,
    navigator: Navigator,
}

#[derive(Properties, PartialEq)]
pub struct RouterProps {
    /// The address the first render draws: the one the page was built
    /// for, which hydration must match.
    pub location: Location,
    pub children: Html,
}

/// Tracks the address (and the back and forward buttons) for the app.
/// Once mounted it moves to the browser's own address, when that differs
/// from the one drawn first (a search in the query, or a host's fallback
/// page for an address the build did not write).
#[component]
pub fn Router(props: &RouterProps) -> Html {
    let location = use_state(|| Rc::new(props.location.clone()));
    let set = {
        let location = location.clone();
        Callback::from(move |l: Location| location.set(Rc::new(l)))
    };
    {
        let set = set.clone();
        let drawn = props.location.clone();
        use_effect_with((), move |_| {
            let now = current();
            if now != drawn {
                set.emit(now);
            }
            let listener = web_sys::window()
                .map(|w| EventListener::new(&w, "popstate", move |_| set.emit(current())));
            move || drop(listener)
        });
    }
    let context = RouterContext {
        location: (*location).clone(),
        navigator: Navigator { set },
    };
    html! {
        <ContextProvider<RouterContext> {context}>{ props.children.clone() }</ContextProvider<RouterContext>>
    }
}

#[hook]
pub fn use_location() -> Rc<Location> {
    use_context::<RouterContext>()
        .expect("use_location needs a Router above it")
        .location
}

#[hook]
pub fn use_navigator() -> Navigator {
    use_context::<RouterContext>()
        .expect("use_navigator needs a Router above it")
        .navigator
}

#[derive(Properties, PartialEq)]
pub struct LinkProps {
    pub to: Route,
    #[prop_or_default]
    pub query: String,
    #[prop_or_default]
    pub classes: Classes,
    /// The accessible name, when the visible text alone is not enough.
    #[prop_or_default]
    pub label: Option<AttrValue>,
    #[prop_or_default]
    pub children: Html,
}

/// A real link (it opens in a new tab, and works without the app), that
/// navigates inside the app on a plain click.
#[component]
pub fn Link(props: &LinkProps) -> Html {
    let navigator = use_navigator();
    let onclick = {
        let (to, query) = (props.to.clone(), props.query.clone());
        Callback::from(move |e: MouseEvent| {
            if e.button() == 0 && !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key()) {
                e.prevent_default();
                navigator.go(&to, &query, true);
            }
        })
    };
    html! {
        <a href={href(&props.to, &props.query)} class={props.classes.clone()} aria-label={props.label.clone()} {onclick}>{ props.children.clone() }</a>
    }
}
