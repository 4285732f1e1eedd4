//! The browser's entry point: hydrate the page the build wrote.

use super::app::{App, AppProps};
use super::components::built_notes;
use super::components::error_view;
use super::format;
use super::router::{current, Location, Route};
use crate::core::i18n::strings;
use crate::core::listing::ListingQuery;
use crate::core::route::ROUTE_ATTRIBUTE;
use crate::io::FetchError;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Starts the app, after installing a panic hook that both logs the panic
/// and replaces the page with a message, so a bug never leaves a listener
/// in front of a blank screen.
///
/// The app starts once the index has arrived, which brings the site's
/// interface words (`i18n::register`). A page the build wrote is then
/// hydrated: until then it is the page, readable and with working links.
/// A page without the build's content (the service worker's shell) is
/// drawn from scratch.
pub fn start() {
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("podcast viewer crashed: {info}").into());
        show_crash_message();
    }));
    // The listing restores its own scroll position on the way back (it
    // draws long archives a page at a time, which the browser cannot know).
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    }
    let root = document()
        .get_element_by_id("app")
        .expect("index.html has #app");
    let drawn = root.get_attribute(ROUTE_ATTRIBUTE).map(|path| Location {
        route: Route::recognize(&path),
        query: String::new(),
    });
    wasm_bindgen_futures::spawn_local(async move {
        let built = drawn.is_some();
        run(root, drawn.unwrap_or_else(current), built).await;
    });
    // The date formatter of a language core does not format loads locale
    // data in its own task, while the index downloads.
    let later = Closure::once_into_js(|| {
        let lang = document()
            .document_element()
            .and_then(|e| e.get_attribute("lang"))
            .unwrap_or_default();
        format::warm_up(&lang);
    });
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback(later.unchecked_ref());
    }
}

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a browser document")
}

/// Runs the app at `location` once its index has arrived: hydrating the
/// page the build wrote (`built`), or drawing into the empty shell.
async fn run(root: web_sys::Element, location: Location, built: bool) {
    let catalog = match crate::io::fetch_catalog_for(&location.route).await {
        Ok(catalog) => std::rc::Rc::new(catalog),
        Err(error) => {
            // A built page stays readable; the failure and a way to try
            // again show where the player bar would be.
            let root = root.clone();
            show_start_error(error, move || {
                wasm_bindgen_futures::spawn_local(run(root.clone(), location.clone(), built));
            });
            return;
        }
    };
    hide_start_error();
    if !built {
        root.set_inner_html("");
        let props = AppProps {
            location,
            catalog: Some(catalog),
        };
        yew::Renderer::<App>::with_root_and_props(root, props).render();
        return;
    }
    carry_typed_search(&location);
    // The notes are in the page already: hydration adopts them as they are.
    if let Route::Episode { slug } = &location.route {
        if has_show_notes() {
            built_notes(slug, String::new());
        }
    }
    let props = AppProps {
        location,
        catalog: Some(catalog),
    };
    yew::Renderer::<App>::with_root_and_props(root, props).hydrate();
}

/// What the listener typed or chose in the listing's search form before
/// the app ran goes into the address, where the app reads it once
/// hydrated (hydration itself draws the page as the build did).
fn carry_typed_search(drawn: &Location) {
    if drawn.route != Route::Listing || !current().query.is_empty() {
        return;
    }
    let Some(pairs) = search_form_values() else {
        return;
    };
    let set = ListingQuery::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    if set.is_empty() {
        return;
    }
    let query = crate::core::url::query_string(&set.to_pairs());
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let url = super::router::href(&Route::Listing, &query);
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// Whether the page the build wrote shows an episode's notes.
fn has_show_notes() -> bool {
    Some(document())
        .and_then(|d| d.query_selector("#app .show-notes").ok().flatten())
        .is_some()
}

/// What the listener set in the listing's search form before the app ran:
/// the pairs the form would send (`q`, `year`, `who`, and `in` when ticked).
fn search_form_values() -> Option<Vec<(String, String)>> {
    use wasm_bindgen::JsCast;
    let doc = document();
    let form = doc.query_selector("#app form.search").ok()??;
    let fields = form.query_selector_all("input[name], select[name]").ok()?;
    let mut pairs = Vec::new();
    for i in 0..fields.length() {
        let Some(el) = fields.item(i) else { continue };
        let value = if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
            // As the form sends them: a box counts only when ticked.
            if input.type_() == "checkbox" && !input.checked() {
                continue;
            }
            (input.name(), input.value())
        } else if let Some(select) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
            (select.name(), select.value())
        } else {
            continue;
        };
        pairs.push(value);
    }
    Some(pairs)
}

const START_ERROR: &str = "viewer-start-error";

#[derive(Properties, PartialEq)]
struct StartErrorProps {
    error: FetchError,
    language: AttrValue,
    retry: Callback<()>,
}

/// The index the app needs could not be loaded: said over the bottom of
/// the page the build wrote, which stays as it is (it reads, and its
/// links work, without the app), with a button that tries again.
#[component]
fn StartError(props: &StartErrorProps) -> Html {
    let t = strings(&props.language);
    html! {
        <div class="start-error">
            { error_view(t.episodes_error, &props.error, &props.retry, t.retry) }
        </div>
    }
}

fn show_start_error(error: FetchError, retry: impl Fn() + 'static) {
    let doc = document();
    let Some(body) = doc.body() else { return };
    hide_start_error();
    let Ok(slot) = doc.create_element("div") else {
        return;
    };
    slot.set_id(START_ERROR);
    if body.append_child(&slot).is_err() {
        return;
    }
    let props = StartErrorProps {
        error,
        language: language().into(),
        retry: Callback::from(move |()| retry()),
    };
    yew::Renderer::<StartError>::with_root_and_props(slot, props).render();
}

fn hide_start_error() {
    if let Some(slot) = document().get_element_by_id(START_ERROR) {
        slot.remove();
    }
}

/// The page's language, as the build set it.
fn language() -> String {
    document()
        .document_element()
        .and_then(|e| e.get_attribute("lang"))
        .unwrap_or_default()
}

/// Replaces the app with a plain message after a panic.
fn show_crash_message() {
    let doc = document();
    if let Some(app) = doc.get_element_by_id("app") {
        let message = strings(&language()).crashed;
        app.set_inner_html(&format!(
            r#"<main class="crash" role="alert"><p>{message}</p></main>"#
        ));
    }
}
