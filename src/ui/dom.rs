//! Small DOM helpers for the few things Yew does not model: the document
//! title, scrolling, and the last-resort crash message.

use crate::core::i18n::strings;

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

/// Scrolls to the top, as a new page load would.
pub fn scroll_to_top() {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Scrolls to the element with `id` and records it in the URL's fragment,
/// without a navigation (the page has a `<base href>`, so a bare `#id` link
/// would otherwise resolve against the site root).
pub fn jump_to_fragment(id: &str) {
    let Some(doc) = document() else { return };
    if let Some(el) = doc.get_element_by_id(id) {
        el.scroll_into_view();
        let Some(window) = web_sys::window() else {
            return;
        };
        let location = window.location();
        // An absolute path: a bare `#id` would resolve against `<base href>`.
        let path = location.pathname().unwrap_or_default();
        let query = location.search().unwrap_or_default();
        if let Ok(history) = window.history() {
            let url = format!("{path}{query}#{id}");
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    }
}

/// Removes the static page (see `core::prerender`) that covers the app
/// until the app's own view is ready. A style rule hides the app while the
/// static page is in the document, so the swap is one change.
pub fn take_over() {
    if let Some(page) = document().and_then(|d| d.get_element_by_id("static")) {
        page.remove();
    }
}

/// Whether the static page still covers the app.
pub fn static_page_shown() -> bool {
    document()
        .and_then(|d| d.get_element_by_id("static"))
        .is_some()
}

/// Whether the static page in the document is the archive of every
/// episode (see `core::prerender::archive_page`).
pub fn has_static_archive() -> bool {
    document()
        .and_then(|d| d.query_selector("#static .archive").ok().flatten())
        .is_some()
}

/// What the listener set in the static listing's search form before the
/// app was ready (its `q`, `year` and `who` pairs), and whether the search
/// box has focus.
pub fn static_search() -> Option<(Vec<(String, String)>, bool)> {
    use wasm_bindgen::JsCast;
    let doc = document()?;
    let form = doc.query_selector("#static form.search").ok()??;
    let fields = form.query_selector_all("input[name], select[name]").ok()?;
    let mut pairs = Vec::new();
    for i in 0..fields.length() {
        let Some(el) = fields.item(i) else { continue };
        let value = if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
            (input.name(), input.value())
        } else if let Some(select) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
            (select.name(), select.value())
        } else {
            continue;
        };
        pairs.push(value);
    }
    let focused = doc
        .active_element()
        .is_some_and(|a| a.id() == "viewer-search");
    Some((pairs, focused))
}

/// Puts the focus in the app's search box, keeping the caret at the end.
pub fn focus_search() {
    use wasm_bindgen::JsCast;
    if let Some(input) = document()
        .and_then(|d| d.get_element_by_id("viewer-search"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        let _ = input.focus();
        let end = input.value().encode_utf16().count() as u32;
        let _ = input.set_selection_range(end, end);
    }
}

/// Replaces the app with a plain message after a panic.
pub fn show_crash_message() {
    let Some(doc) = document() else { return };
    let lang = doc
        .document_element()
        .and_then(|e| e.get_attribute("lang"))
        .unwrap_or_default();
    if let Some(app) = doc.get_element_by_id("app") {
        let message = strings(&lang).crashed;
        app.set_inner_html(&format!(
            r#"<main class="crash" role="alert"><p>{message}</p></main>"#
        ));
    }
}
