//! The preview module: the authors' preview tool (`podcast_viewer::ui::preview`),
//! a wasm module of its own that only the preview page loads
//! (`src/io/preview-page.js`). It draws the pages with the static pages'
//! renderer, built in with the `preview` feature; the Markdown module
//! reads the files, in its worker.

#[cfg(all(target_arch = "wasm32", ssr))]
mod exports {
    use podcast_viewer::ui::preview::{PreviewTool, PreviewToolProps};
    use wasm_bindgen::prelude::*;

    #[global_allocator]
    static ALLOCATOR: ::talc::wasm::WasmDynamicTalc = ::talc::wasm::new_wasm_dynamic_allocator();

    /// Draws the tool into `host`, reading files with `markdown` (the
    /// exports of `src/io/markdown-client.js`).
    #[wasm_bindgen]
    pub fn start(host: web_sys::Element, markdown: JsValue) {
        yew::Renderer::<PreviewTool>::with_root_and_props(host, PreviewToolProps { markdown })
            .render();
    }
}

fn main() {
    // The module has no start of its own: the preview page calls `start`.
}
