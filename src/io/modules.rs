//! The site's other wasm modules, each loaded the first time a listener
//! needs it, so the app's own module, which every listener downloads,
//! does not carry them: the transcript's view ([`TRANSCRIPT`]), its
//! reader of files on other hosts ([`TRANSCRIPT_READER`]) and the search
//! engine's driver ([`SEARCH`]) and the queue ([`QUEUE`]). The loading happens in `modules.js`, beside this file, which also
//! hands notes the build did not publish to the Markdown module
//! ([`notes_from_markdown`]).

use super::FetchError;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/io/modules.js")]
extern "C" {
    #[wasm_bindgen(js_name = loadModule)]
    fn load_module(name: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = markdownNotes)]
    fn markdown_notes(slug: &str) -> js_sys::Promise;
}

/// The notes of the episode `slug` rendered in the browser from its
/// Markdown file, which the build publishes (`core::source`), by the
/// Markdown module in its worker (`src/io/markdown-client.js`): for an episode
/// whose `notes/{slug}.html` is missing. They open with a paragraph that
/// says so. Errors: as for any fetch, or the file's problems.
pub async fn notes_from_markdown(slug: &str) -> Result<String, FetchError> {
    let html = JsFuture::from(markdown_notes(slug))
        .await
        .map_err(|e| FetchError::from_js(e, "markdown"))?;
    Ok(html.as_string().unwrap_or_default())
}

/// The transcript's view (`src/bin/transcript.rs`).
pub const TRANSCRIPT: &str = "transcript";
/// The same with the subtitle parser (`src/bin/transcript_reader.rs`).
pub const TRANSCRIPT_READER: &str = "transcript_reader";
/// The search engine's driver (`src/bin/search.rs`).
pub const SEARCH: &str = "search";
/// The listener's queue and its panel (`src/bin/queue.rs`).
pub const QUEUE: &str = "queue";

/// A module on its way.
pub struct Loading(js_sys::Promise);

/// Starts loading the module `name` (its bin's name, as above) at once,
/// so that it downloads while other fetches run. A page loads each module
/// once; a failed load is tried again.
pub fn load(name: &str) -> Loading {
    Loading(load_module(name))
}

impl Loading {
    /// The module's exports, ready to call. Errors: as for any fetch
    /// (offline, or the network's message).
    pub async fn ready(self) -> Result<JsValue, FetchError> {
        JsFuture::from(self.0).await.map_err(super::network)
    }
}
