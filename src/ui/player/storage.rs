//! Where the listening store lives: `localStorage`, one key per site, so
//! two podcasts hosted on one domain under different paths stay apart.

use crate::core::resume::ResumeStore;
use crate::io::json;

fn key() -> String {
    let path = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|b| web_sys::Url::new(&b).ok())
        .map(|u| u.pathname())
        .unwrap_or_default();
    format!("podcast-viewer:{path}")
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The saved store, or a fresh one when storage is empty, damaged or
/// unavailable (private browsing).
pub fn load() -> ResumeStore {
    let text = storage().and_then(|s| s.get_item(&key()).ok().flatten());
    ResumeStore::from_json(text.and_then(|t| json::parse(&t)).as_ref())
}

/// Saves the store; a full or blocked storage only loses the newest position.
pub fn save(store: &ResumeStore) {
    if let (Some(s), Some(text)) = (storage(), json::stringify(&store.to_json())) {
        let _ = s.set_item(&key(), &text);
    }
}
