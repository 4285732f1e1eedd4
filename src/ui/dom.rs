//! Small DOM helpers for the few things Yew does not model: the document
//! title, scrolling, what an event was on, which app page a link names,
//! and the values of form fields.

use crate::core::route::Route;

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// Sets `<title>`: the page name, then the site name.
pub fn set_title(page: Option<&str>, site: &str) {
    if let Some(doc) = document() {
        match page {
            Some(p) if !site.is_empty() => doc.set_title(&format!("{p} · {site}")),
            Some(p) => doc.set_title(p),
            None => doc.set_title(site),
        }
    }
}

/// Scrolls where a new page load would start: at the element the
/// address's fragment names (a shared link to a heading or a footnote of
/// the notes), else at the top.
pub fn scroll_to_start() {
    let Some(w) = web_sys::window() else { return };
    let hash = w.location().hash().unwrap_or_default();
    // The address keeps a fragment percent-encoded; ids are not.
    let id = crate::core::url::percent_decode(hash.trim_start_matches('#')).unwrap_or_default();
    if id.is_empty() || !jump_to_fragment(&id) {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Scrolls to the element with `id` and records it in the URL's fragment,
/// without a navigation (the page has a `<base href>`, so a bare `#id` link
/// would otherwise resolve against the site root). Returns whether the
/// page has that element.
pub fn jump_to_fragment(id: &str) -> bool {
    let Some(el) = document().and_then(|d| d.get_element_by_id(id)) else {
        return false;
    };
    // Notes are laid out as they come into view (style.css): those above
    // the target would grow under it once in view. All are laid out first,
    // so the target stays where it lands.
    if let Ok(Some(notes)) = el.closest(".show-notes") {
        let _ = notes.set_attribute("data-whole", "");
    }
    el.scroll_into_view();
    if let Some(window) = web_sys::window() {
        let location = window.location();
        // An absolute path: a bare `#id` would resolve against `<base href>`.
        let path = location.pathname().unwrap_or_default();
        let query = location.search().unwrap_or_default();
        if let Ok(history) = window.history() {
            let url = format!("{path}{query}#{id}");
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    }
    true
}

/// Marks the mount point once the app runs (`data-running`): the page's
/// controls are the app's from then on. Tests wait for it.
pub fn mark_running() {
    if let Some(app) = document().and_then(|d| d.get_element_by_id("app")) {
        let _ = app.set_attribute("data-running", "");
    }
}

/// The element `selector` matches from an event's target up: the button
/// or link a click was on, whatever part of it was hit.
pub fn closest(target: Option<web_sys::EventTarget>, selector: &str) -> Option<web_sys::Element> {
    use wasm_bindgen::JsCast;
    target?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest(selector)
        .ok()?
}

/// The value of the list or field an event came from.
pub fn value_of(e: &web_sys::Event) -> String {
    use wasm_bindgen::JsCast;
    e.target()
        .and_then(|t| {
            t.dyn_ref::<web_sys::HtmlSelectElement>()
                .map(|s| s.value())
                .or_else(|| t.dyn_ref::<web_sys::HtmlInputElement>().map(|i| i.value()))
        })
        .unwrap_or_default()
}

/// Shows the first entry of the list an event came from again: a list
/// whose first entry says its state, once a choice is taken from it.
pub fn reset_list(e: &web_sys::Event) {
    use wasm_bindgen::JsCast;
    if let Some(select) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
    {
        select.set_value("");
    }
}

/// The app page a link names: one of the page's own (relative) addresses,
/// to open in this tab.
pub(crate) fn app_route(link: &web_sys::Element) -> Option<(Route, String)> {
    if link.has_attribute("download") || link.get_attribute("target").is_some() {
        return None;
    }
    let href = link.get_attribute("href")?;
    if href.starts_with('#') || crate::core::url::is_absolute(&href) || href.starts_with('/') {
        return None;
    }
    let (path, query) = href.split_once('?').unwrap_or((&href, ""));
    let query = query.split('#').next().unwrap_or_default();
    match Route::recognize(path) {
        Route::NotFound => None,
        route => Some((route, query.to_string())),
    }
}
