//! The site's other wasm modules, each loaded the first time a listener
//! needs it, so the app's own module, which every listener downloads,
//! does not carry them: the transcript's view ([`TRANSCRIPT`]), its
//! reader of files on other hosts ([`TRANSCRIPT_READER`]) and the search
//! engine's driver ([`SEARCH`]). The loading
//! happens in `modules.js`, beside this file.

use super::FetchError;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/io/modules.js")]
extern "C" {
    #[wasm_bindgen(js_name = loadModule)]
    fn load_module(name: &str) -> js_sys::Promise;
}

/// The transcript's view (`src/bin/transcript.rs`).
pub const TRANSCRIPT: &str = "transcript";
/// The same with the subtitle parser (`src/bin/transcript_reader.rs`).
pub const TRANSCRIPT_READER: &str = "transcript_reader";
/// The search engine's driver (`src/bin/search.rs`).
pub const SEARCH: &str = "search";

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
