//! The search engine's browser side: Pagefind's own JavaScript and wasm,
//! which the build writes beside the app and `search.js` imports on first
//! use. Only this module talks to it; the rest of the app sees [`Hit`]s
//! and [`Details`].

use super::{network, FetchError};
use crate::core::search::META_SLUG;
use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/io/search.js")]
extern "C" {
    #[wasm_bindgen(js_name = warm, catch)]
    async fn warm_js() -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = search, catch)]
    async fn search_js(term: &str, filters: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = details)]
    fn details_js(result: &JsValue) -> js_sys::Promise;
}

/// One page the engine found: its id, its relevance (higher is better;
/// comparable within one search), and a handle to its details.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub id: String,
    pub score: f64,
    result: JsValue,
}

/// What the page of a [`Hit`] says; an empty slug when it could not be
/// read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Details {
    /// The episode's slug (from the page's [`META_SLUG`] metadata).
    pub slug: String,
    /// Pagefind's excerpt: text with `<` and `>` escaped and the matched
    /// words in `<mark>` (read it with `core::search::Excerpt::parse`).
    pub excerpt: String,
}

fn field(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// Loads the engine ahead of a search (the listener focused the box).
pub async fn warm() -> Result<(), FetchError> {
    warm_js().await.map(|_| ()).map_err(network)
}

/// The pages matching `term`, best first, within `filters` (name, value).
pub async fn search(term: &str, filters: &[(&str, String)]) -> Result<Vec<Hit>, FetchError> {
    let chosen = Object::new();
    for (name, value) in filters {
        let _ = Reflect::set(&chosen, &(*name).into(), &value.into());
    }
    let results = search_js(term, &chosen).await.map_err(network)?;
    Ok(js_sys::Array::from(&results)
        .iter()
        .map(|r| Hit {
            id: field(&r, "id").as_string().unwrap_or_default(),
            score: field(&r, "score").as_f64().unwrap_or_default(),
            result: r,
        })
        .collect())
}

/// Loads what the pages of `hits` say, together: each is one small file
/// of the index. A page whose details fail to load has an empty slug;
/// when none loads, the first failure is the error.
pub async fn details(hits: &[Hit]) -> Result<Vec<Details>, FetchError> {
    let promises: js_sys::Array = hits.iter().map(|h| details_js(&h.result)).collect();
    let all = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::all_settled(&promises))
        .await
        .map_err(network)?;
    let all = js_sys::Array::from(&all);
    let loaded = |s: &JsValue| field(s, "status").as_string().as_deref() == Some("fulfilled");
    if !hits.is_empty() && !all.iter().any(|s| loaded(&s)) {
        return Err(network(field(&all.get(0), "reason")));
    }
    Ok(all
        .iter()
        .map(|settled| {
            let data = field(&settled, "value");
            Details {
                slug: field(&field(&data, "meta"), META_SLUG)
                    .as_string()
                    .unwrap_or_default(),
                excerpt: field(&data, "excerpt").as_string().unwrap_or_default(),
            }
        })
        .collect())
}
