//! The last gate before show notes reach the DOM.
//!
//! Notes may carry raw HTML (sponsor blocks, images, embeds). Yew inserts it
//! with `innerHTML`, where `<script>` does not run but `onerror=` handlers
//! and `javascript:` URLs would. DOMPurify (loaded by `index.html` before the
//! app) strips those: a maintained sanitizer of ~9 KB gzip, where a Rust one
//! in the wasm would cost far more.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = DOMPurify, js_name = sanitize, catch)]
    fn purify(dirty: &str) -> Result<String, JsValue>;
}

/// Returns HTML that is safe to insert. If the sanitizer is missing, the
/// notes are shown as escaped text rather than trusted.
pub fn sanitize_html(dirty: &str) -> String {
    match purify(dirty) {
        Ok(clean) => clean,
        Err(e) => {
            web_sys::console::error_2(&"HTML sanitizer unavailable; showing notes as text".into(), &e);
            format!("<pre>{}</pre>", escape(dirty))
        }
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}
