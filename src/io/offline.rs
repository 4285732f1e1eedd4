//! Offline copies: the service worker and the caches it answers from.
//! The work happens in `offline.js`, beside this file.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/io/offline.js")]
extern "C" {
    fn register();
    #[wasm_bindgen(js_name = saveAudio, catch)]
    async fn save_audio_js(url: &str, progress: &js_sys::Function) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = removeAudio, catch)]
    async fn remove_audio_js(url: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = savedAudio, catch)]
    async fn saved_audio_js() -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = savedPages, catch)]
    async fn saved_pages_js() -> Result<JsValue, JsValue>;
    /// A URL as the caches key it: absolute, against `<base href>`.
    pub fn absolute(url: &str) -> String;
}

/// Registers the service worker. Development builds have none (`trunk
/// serve` must always show the code as it is now).
pub fn register_service_worker() {
    if !cfg!(debug_assertions) {
        register();
    }
}

/// What this device keeps for offline use.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Saved {
    /// Saved episodes: absolute audio URL and size in bytes.
    pub audio: Vec<(String, u64)>,
    /// Every page and notes file opened or fetched ahead so far, as
    /// absolute URLs.
    pub pages: Vec<String>,
}

impl Saved {
    pub fn audio_size(&self, url: &str) -> Option<u64> {
        // Every card asks; with nothing saved, skip the call into JS.
        if self.audio.is_empty() {
            return None;
        }
        let url = absolute(url);
        self.audio.iter().find(|(u, _)| *u == url).map(|(_, n)| *n)
    }

    pub fn has_page(&self, url: &str) -> bool {
        let url = absolute(url);
        self.pages.contains(&url)
    }
}

/// Reads what is saved. Without the Cache API, nothing is.
pub async fn saved() -> Saved {
    let audio = saved_audio_js()
        .await
        .map(|list| {
            js_sys::Array::from(&list)
                .iter()
                .filter_map(|pair| {
                    let pair = js_sys::Array::from(&pair);
                    Some((pair.get(0).as_string()?, pair.get(1).as_f64()? as u64))
                })
                .collect()
        })
        .unwrap_or_default();
    let pages = saved_pages_js()
        .await
        .map(|list| {
            js_sys::Array::from(&list)
                .iter()
                .filter_map(|u| u.as_string())
                .collect()
        })
        .unwrap_or_default();
    Saved { audio, pages }
}

/// Downloads an episode's audio for offline listening, calling
/// `progress(received, total)` as bytes arrive; the size in bytes.
pub async fn save_audio(
    url: &str,
    progress: impl FnMut(f64, f64) + 'static,
) -> Result<u64, String> {
    let progress = Closure::<dyn FnMut(f64, f64)>::new(progress);
    let size = save_audio_js(url, progress.as_ref().unchecked_ref())
        .await
        .map_err(|e| {
            e.dyn_ref::<js_sys::Error>().map_or_else(
                || String::from("the download failed"),
                |e| e.message().into(),
            )
        })?;
    Ok(size.as_f64().unwrap_or_default() as u64)
}

/// Deletes a saved episode's audio.
pub async fn remove_audio(url: &str) {
    let _ = remove_audio_js(url).await;
}

/// Whether the browser believes it is online.
pub fn online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}
