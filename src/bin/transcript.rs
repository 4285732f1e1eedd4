//! The transcript module: the transcript's view, a wasm module of its own
//! that the app loads the first time a listener opens a transcript (see
//! `podcast_viewer::ui::transcript_view` and `podcast_viewer::io::modules`).
//!
//! Its exports are the app's only way in, called from
//! `ui::components::transcript`: `open`, then `set_time` on the view it
//! gives, and `free` when the section goes.

#[cfg(target_arch = "wasm32")]
mod exports {
    use podcast_viewer::io::{decode_transcript, FetchError};
    use podcast_viewer::ui::transcript_view::TranscriptView;
    use wasm_bindgen::prelude::*;

    #[global_allocator]
    static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

    /// A transcript drawn on the page.
    #[wasm_bindgen]
    pub struct Transcript(TranscriptView);

    /// Reads `json`, the Podcasting 2.0 transcript fetched from `url`, and
    /// draws it into `host`; see [`TranscriptView::open`] for the rest.
    /// Rejects with the reason `json` is not a transcript.
    #[wasm_bindgen]
    pub async fn open(
        json: JsValue,
        url: String,
        host: web_sys::HtmlElement,
        words: Vec<String>,
        download: Option<String>,
        slug: String,
        seek: js_sys::Function,
    ) -> Result<Transcript, String> {
        let transcript = decode_transcript(&json, &url).await.map_err(|e| match e {
            FetchError::Invalid { reason, .. } => reason,
            e => e.to_string(),
        })?;
        Ok(Transcript(TranscriptView::open(
            transcript, &host, words, download, slug, seek,
        )))
    }

    #[wasm_bindgen]
    impl Transcript {
        /// Playback is at `seconds`, of this episode when `playing`.
        pub fn set_time(&self, seconds: f64, playing: bool) {
            self.0.set_time(seconds, playing);
        }
    }
}

fn main() {
    // The module has no start of its own: the app calls its exports.
}
