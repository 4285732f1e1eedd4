//! The queue module: the listener's queue ("Up next"), its panel and what
//! is said of each change, a wasm module of its own that the app loads
//! the first time a listener uses the queue (see
//! `podcast_viewer::ui::queue_view` and `podcast_viewer::ui::player`).

#[cfg(target_arch = "wasm32")]
mod exports {
    use podcast_viewer::ui::queue_view;
    use wasm_bindgen::prelude::*;

    #[global_allocator]
    static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

    /// One press of a queue button, or `next?` (see [`queue_view::edit`]
    /// and [`queue_view::next`]). The answer is `next?`'s, else `""`.
    #[wasm_bindgen]
    pub fn edit(action: &str, slug: &str, title: &str) -> String {
        match action {
            "next?" => queue_view::next(),
            _ => {
                queue_view::edit(action, slug, title);
                String::new()
            }
        }
    }
}

fn main() {
    // The module has no start of its own: the app calls its exports.
}
