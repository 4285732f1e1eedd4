//! The one place that fetches. Everything the app downloads goes through
//! here, so failures are classified once and every view can show the same
//! clear message and retry.

use crate::core::catalog::{notes_url, Catalog, EpisodeSummary, INDEX_FILE, NOTES_MARKER};
use crate::core::json::Json;

pub mod json;
pub mod modules;
pub mod offline;
pub mod search;
use std::fmt;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why a download failed, in words a listener can act on.
#[derive(Debug, Clone, PartialEq)]
pub enum FetchError {
    /// No response at all: DNS, CORS, a dropped connection.
    Network(String),
    /// No response, and the browser knows it is offline.
    Offline,
    /// The server answered with an error status.
    Status { code: u16, url: String },
    /// The response arrived but is not what it should be.
    Invalid { url: String, reason: String },
}

impl FetchError {
    pub fn is_not_found(&self) -> bool {
        matches!(self, FetchError::Status { code: 404, .. })
    }

    /// As one of the site's other modules rejects with it, for
    /// [`FetchError::from_js`] in the app: `["network", reason]`,
    /// `["offline"]`, `["status", code, url]` or `["invalid", url, reason]`.
    pub fn to_js(&self) -> wasm_bindgen::JsValue {
        let text = |s: &str| Json::Str(s.to_string());
        json::to_js(&Json::Arr(match self {
            FetchError::Network(reason) => vec![text("network"), text(reason)],
            FetchError::Offline => vec![text("offline")],
            FetchError::Status { code, url } => {
                vec![text("status"), Json::Num((*code).into()), text(url)]
            }
            FetchError::Invalid { url, reason } => vec![text("invalid"), text(url), text(reason)],
        }))
    }

    /// Reads what the module `module` rejected with: [`FetchError::to_js`]'s
    /// form. Anything else is the module's own failure (a trap, a bug in
    /// its glue), not the network's: said as it is, with its message.
    pub fn from_js(v: wasm_bindgen::JsValue, module: &str) -> FetchError {
        let broken = |v: &wasm_bindgen::JsValue| FetchError::Invalid {
            url: module.to_string(),
            reason: v
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.to_string()))
                .unwrap_or_else(|| "it failed".into()),
        };
        let Json::Arr(parts) = json::from_js(&v) else {
            return broken(&v);
        };
        let text = |i: usize| match parts.get(i) {
            Some(Json::Str(s)) => Some(s.clone()),
            _ => None,
        };
        match (text(0).as_deref(), text(1), text(2)) {
            (Some("network"), Some(reason), _) => FetchError::Network(reason),
            (Some("offline"), ..) => FetchError::Offline,
            (Some("status"), _, Some(url)) => FetchError::Status {
                code: match parts[1] {
                    Json::Num(code) => code as u16,
                    _ => 0,
                },
                url,
            },
            (Some("invalid"), Some(url), Some(reason)) => FetchError::Invalid { url, reason },
            _ => broken(&v),
        }
    }
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchError::Offline => f.write_str(
                "You are offline, and this page has not been saved on this device. It will load once you are back online.",
            ),
            FetchError::Network(reason) => write!(
                f,
                "The network request failed ({reason}). Check your connection."
            ),
            FetchError::Status { code: 404, url } => {
                write!(f, "{url} was not found on the server (404).")
            }
            FetchError::Status { code, url } if *code >= 500 => {
                write!(f, "The server failed to send {url} (error {code}).")
            }
            FetchError::Status { code, url } => {
                write!(f, "The server refused {url} (error {code}).")
            }
            FetchError::Invalid { url, reason } => write!(f, "{url} is damaged: {reason}."),
        }
    }
}

pub(crate) fn network(e: wasm_bindgen::JsValue) -> FetchError {
    if !offline::online() {
        return FetchError::Offline;
    }
    FetchError::Network(
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| "no response".into()),
    )
}

/// How many notes wait fetched ahead: those of the links a listener last
/// pointed at, and of where the page last rested (`ui::ahead`).
const PREFETCH_KEPT: usize = 10;

#[wasm_bindgen::prelude::wasm_bindgen(module = "/src/io/ahead.js")]
extern "C" {
    #[wasm_bindgen(js_name = fetchAhead)]
    fn fetch_ahead(url: &str, kept: usize) -> bool;
    #[wasm_bindgen(js_name = atHand)]
    fn at_hand(url: &str) -> Option<String>;
    #[wasm_bindgen(js_name = takeAhead)]
    fn take_ahead(url: &str) -> Option<js_sys::Promise>;
}

/// Starts fetching `slug`'s notes, so that opening the episode draws them
/// from memory: in the click's own task once they are read
/// ([`notes_at_hand`]), or from this very request while it is on its way
/// ([`fetch_notes`]). Not offline (a fetch ahead could only fail, and its
/// failure would stand for the page once the network is back), nor when
/// the listener asked the browser to save data (`Save-Data`) or is on a 2G
/// connection (`navigator.connection`, where the browser has it); the
/// [`PREFETCH_KEPT`] latest are kept (`src/io/ahead.js`). What is fetched
/// ahead may also stay in the browser's HTTP cache, as any opened page's
/// does. Whether a download started.
pub fn prefetch_notes(slug: &str) -> bool {
    offline::online() && fetch_ahead(&notes_url(slug), PREFETCH_KEPT)
}

/// Takes the notes of `slug` fetched ahead and read already: what an
/// episode opened now draws in its first frame; a later opening asks again
/// (the browser's HTTP cache may answer). `None` while they are on their
/// way, after a failure, for a page that is not notes, and in the build's
/// render, which fetches nothing.
pub fn notes_at_hand(slug: &str) -> Option<String> {
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    notes_in(&at_hand(&notes_url(slug))?)
}

/// The notes in a `notes/{slug}.html` file: after its marker. A host with
/// an SPA fallback may answer a missing file with the app's own page and a
/// 200: that is a missing file, not show notes.
fn notes_in(text: &str) -> Option<String> {
    text.strip_prefix(NOTES_MARKER).map(str::to_string)
}

/// Fetches `url` (relative to the page's `<base href>`). Plain `fetch`
/// through web-sys: a wrapper crate would add kilobytes of wasm for two
/// calls.
async fn fetch_response(url: &str) -> Result<web_sys::Response, FetchError> {
    let window = web_sys::window().ok_or_else(|| FetchError::Network("no window".into()))?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(network)?
        .unchecked_into();
    if !response.ok() {
        return Err(FetchError::Status {
            code: response.status(),
            url: url.to_string(),
        });
    }
    Ok(response)
}

/// Fetches `url` as a JavaScript string.
async fn fetch_js_text(url: &str) -> Result<js_sys::JsString, FetchError> {
    let response = fetch_response(url).await?;
    let text = JsFuture::from(response.text().map_err(network)?)
        .await
        .map_err(network)?;
    text.dyn_into().map_err(|_| FetchError::Invalid {
        url: url.to_string(),
        reason: "not text".into(),
    })
}

/// Fetches `url` as text, or takes its fetch ahead ([`prefetch_notes`]).
async fn fetch_text(url: &str) -> Result<String, FetchError> {
    // What was fetched ahead and failed (a moment offline, a server's
    // hiccup, perhaps minutes ago) is not the page's answer: it asks again.
    if let Some(ahead) = take_ahead(url) {
        if let Some(text) = JsFuture::from(ahead).await.ok().and_then(|t| t.as_string()) {
            return Ok(text);
        }
    }
    Ok(fetch_js_text(url).await?.into())
}

/// Fetches a Markdown file of this site, for the preview's `?src=`.
/// Errors: as for any fetch; an HTML page in its place (a host's SPA
/// fallback for a missing file) is a 404.
pub async fn fetch_markdown(url: &str) -> Result<String, FetchError> {
    let response = fetch_response(url).await?;
    let html = response
        .headers()
        .get("content-type")
        .ok()
        .flatten()
        .is_some_and(|t| t.starts_with("text/html"));
    if html {
        return Err(FetchError::Status {
            code: 404,
            url: url.to_string(),
        });
    }
    let text = JsFuture::from(response.text().map_err(network)?)
        .await
        .map_err(network)?;
    Ok(text.as_string().unwrap_or_default())
}

/// Lets the browser breathe: resolves on the next macrotask, so that
/// work split in steps never blocks the page for long.
pub async fn yield_now() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(&resolve);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Fetches and decodes the head of the catalog index: the site and the
/// newest episodes. Larger archives name further parts; see [`fetch_part`].
pub async fn fetch_catalog() -> Result<Catalog, FetchError> {
    let value = fetch_js_json(INDEX_FILE).await?;
    let key = wasm_bindgen::JsValue::from_str("episodes");
    let episodes = js_sys::Reflect::get(&value, &key).unwrap_or_default();
    if !value.is_object() || episodes.is_undefined() || episodes.is_null() {
        // Let the decoder say what is missing.
        let head = json::from_js(&value);
        return Err(invalid(
            INDEX_FILE,
            Catalog::from_json(&head).err().unwrap_or_default(),
        ));
    }
    let _ = js_sys::Reflect::delete_property(value.unchecked_ref::<js_sys::Object>(), &key);
    let mut catalog =
        Catalog::head_from_json(&json::from_js(&value)).map_err(|r| invalid(INDEX_FILE, r))?;
    catalog.episodes = decode_episodes(&episodes, INDEX_FILE, "episodes").await?;
    // Rebuild what the indexer left out to keep the index small.
    catalog.expand();
    // Drawing the listing is the next task's work, not this one's.
    yield_now().await;
    Ok(catalog)
}

/// Fetches the catalog as far as a page drawn for `route` needs it: the
/// head, and for an older episode of a large archive the parts up to the
/// one after it (its page links to the next older episode).
pub async fn fetch_catalog_for(route: &crate::core::route::Route) -> Result<Catalog, FetchError> {
    let mut catalog = fetch_catalog().await?;
    if let crate::core::route::Route::Episode { slug } = route {
        while !catalog.is_complete()
            && catalog
                .position(slug)
                .is_none_or(|i| i + 1 >= catalog.episodes.len())
        {
            let name = catalog.parts[0].clone();
            let part = fetch_part(&name).await?;
            catalog.add_part(part);
        }
    }
    Ok(catalog)
}

/// The interface words the index carries for the site's language (see
/// `i18n::Strings`), read alone: for a module that draws words but not
/// the listing.
pub async fn fetch_strings() -> Result<crate::core::i18n::Strings, FetchError> {
    let value = fetch_js_json(INDEX_FILE).await?;
    let strings = js_sys::Reflect::get(&value, &"strings".into()).unwrap_or_default();
    crate::core::i18n::Strings::from_json(&json::from_js(&strings))
        .map_err(|reason| invalid(INDEX_FILE, reason))
}

/// Fetches one further part of the catalog index.
pub async fn fetch_part(name: &str) -> Result<Vec<EpisodeSummary>, FetchError> {
    let value = fetch_js_json(name).await?;
    decode_episodes(&value, name, "the index part").await
}

/// How long decoding holds the page before it yields, in milliseconds:
/// measured rather than counted in episodes, so a slow phone yields as
/// often as it needs to and a fast one rarely.
const DECODE_SLICE_MS: f64 = 8.0;

/// Decodes a list of listing entries, a slice per task, so that a
/// thousand-episode index part never blocks the page.
async fn decode_episodes(
    list: &wasm_bindgen::JsValue,
    url: &str,
    what: &str,
) -> Result<Vec<EpisodeSummary>, FetchError> {
    decode_list(list, url, what, "entry", EpisodeSummary::from_json).await
}

/// Decodes each item of a JSON list with `decode`, a slice of
/// [`DECODE_SLICE_MS`] per task: reading a JavaScript value into Rust
/// crosses into the browser for every field, and thousands of entries in
/// one go would hold the page far longer than a frame.
async fn decode_list<T>(
    list: &wasm_bindgen::JsValue,
    url: &str,
    what: &str,
    item: &str,
    decode: impl Fn(&Json) -> Result<T, String>,
) -> Result<Vec<T>, FetchError> {
    let Some(list) = list.dyn_ref::<js_sys::Array>() else {
        let reason = json::from_js(list).items(what).err().unwrap_or_default();
        return Err(invalid(url, reason));
    };
    let mut out = Vec::with_capacity(list.length() as usize);
    let mut since = js_sys::Date::now();
    for (i, value) in list.iter().enumerate() {
        if js_sys::Date::now() - since >= DECODE_SLICE_MS {
            yield_now().await;
            since = js_sys::Date::now();
        }
        let e = decode(&json::from_js(&value))
            .map_err(|r| invalid(url, format!("{item} {}: {r}", i + 1)))?;
        out.push(e);
    }
    yield_now().await;
    Ok(out)
}

fn invalid(url: &str, reason: String) -> FetchError {
    FetchError::Invalid {
        url: url.to_string(),
        reason,
    }
}

/// Fetches `url` and parses it with the browser's `JSON.parse`; see
/// [`crate::core::json`] for why not serde.
async fn fetch_json(url: &str) -> Result<Json, FetchError> {
    let value = fetch_js_json(url).await?;
    let json = json::from_js(&value);
    yield_now().await;
    Ok(json)
}

/// The browser's parse of `url`, as a JavaScript value.
async fn fetch_js_json(url: &str) -> Result<wasm_bindgen::JsValue, FetchError> {
    let response = fetch_response(url).await?;
    // The browser parses straight from the bytes: the text never crosses
    // into wasm.
    let value = JsFuture::from(response.json().map_err(network)?)
        .await
        .map_err(|e| match e.dyn_ref::<js_sys::SyntaxError>() {
            Some(e) => invalid(
                url,
                format!(
                    "it is not valid JSON, perhaps cut short ({})",
                    String::from(e.message())
                ),
            ),
            // Any other rejection (the body stopped arriving, an abort) is
            // the network's failure, not the file's.
            None => network(e),
        })?;
    yield_now().await;
    Ok(value)
}

/// Fetches an episode's notes, rendered and sanitized at build time; when
/// the build did not publish them, rendered here from the episode's
/// Markdown ([`modules::notes_from_markdown`]).
pub async fn fetch_notes(slug: &str) -> Result<String, FetchError> {
    match fetch_text(&notes_url(slug))
        .await
        .map(|text| notes_in(&text))
    {
        Ok(Some(notes)) => Ok(notes),
        Err(e) if !e.is_not_found() => Err(e),
        _ => modules::notes_from_markdown(slug).await,
    }
}

/// Fetches an episode's transcript, for the transcript module to read
/// (see [`modules`]): the one the site publishes, as the browser parsed its
/// Podcasting 2.0 JSON (read by [`decode_transcript`]); or the author's
/// file on another host, as text of the episode's `transcript_type`.
/// Returns the value and the URL it came from.
pub async fn fetch_transcript(
    e: &EpisodeSummary,
) -> Result<(wasm_bindgen::JsValue, String), FetchError> {
    match (&e.transcript, &e.transcript_type) {
        (Some(url), Some(_)) => Ok((fetch_js_text(url).await?.into(), url.clone())),
        _ => {
            let url = crate::core::catalog::transcript_file_url(&e.slug);
            Ok((fetch_js_json(&url).await?, url))
        }
    }
}

/// Reads a Podcasting 2.0 JSON transcript fetched from `url` (see
/// [`fetch_transcript`]), a slice at a time.
pub async fn decode_transcript(
    value: &wasm_bindgen::JsValue,
    url: &str,
) -> Result<crate::core::transcript::Transcript, FetchError> {
    use crate::core::transcript::{cue_from_json, Transcript};
    let segments = js_sys::Reflect::get(value, &"segments".into()).unwrap_or_default();
    let cues = decode_list(&segments, url, "segments", "segment", cue_from_json).await?;
    Ok(Transcript::new(cues))
}

/// Fetches a Podcasting 2.0 JSON chapters file.
pub async fn fetch_chapters(url: &str) -> Result<Vec<crate::core::chapters::Chapter>, FetchError> {
    let json = fetch_json(url).await?;
    crate::core::chapters::from_json(&json).map_err(|reason| invalid(url, reason))
}
