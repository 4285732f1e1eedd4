//! The Yew interface: the app shell, its routes, pages, components and hooks.

mod app;
pub mod components;
mod dom;
mod format;
pub mod hooks;
pub mod pages;
pub mod player;
pub mod router;

pub use app::App;
pub use router::Route;

/// Mounts the app on `<body>`, after installing a panic hook that both logs
/// the panic and replaces the page with a message, so a bug never leaves a
/// listener in front of a blank screen.
pub fn start() {
    use wasm_bindgen::JsCast;
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("podcast viewer crashed: {info}").into());
        dom::show_crash_message();
    }));
    // The listing restores its own scroll position on the way back (it
    // draws long archives a page at a time, which the browser cannot know).
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    }
    let root = gloo_utils_document()
        .get_element_by_id("app")
        .expect("index.html has #app");
    // Instantiating the wasm and drawing the first view each take a few
    // dozen milliseconds on a slow phone: in separate tasks, neither holds
    // the page (already readable, from the static copy) for long. The date
    // formatter warms up in a third, while the index downloads.
    let window = web_sys::window().expect("a browser window");
    let later = |f: Box<dyn FnOnce()>| {
        let f = wasm_bindgen::closure::Closure::once_into_js(f);
        let _ = window.set_timeout_with_callback(f.unchecked_ref());
    };
    later(Box::new(move || {
        // Drop the static "Loading…" placeholder that covers the download.
        root.set_inner_html("");
        yew::Renderer::<App>::with_root(root).render();
        crate::io::offline::register_service_worker();
    }));
    later(Box::new(|| {
        let lang = gloo_utils_document()
            .document_element()
            .and_then(|e| e.get_attribute("lang"))
            .unwrap_or_default();
        format::warm_up(&lang);
    }));
}

fn gloo_utils_document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a browser document")
}
