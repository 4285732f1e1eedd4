//! Where the listening store and the queue live: `localStorage`, keys
//! per site, so two podcasts hosted on one domain under different paths
//! stay apart.

use crate::core::json::Json;
use crate::core::queue::Queue;
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

/// The queue's key: the store's, then `:queue`. It is there only while
/// the queue has episodes, so the app knows without reading it.
fn queue_key() -> String {
    key() + ":queue"
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn read(key: &str) -> Option<Json> {
    let text = storage().and_then(|s| s.get_item(key).ok().flatten());
    text.and_then(|t| json::parse(&t))
}

fn write(key: &str, value: &Json) {
    if let (Some(s), Some(text)) = (storage(), json::stringify(value)) {
        let _ = s.set_item(key, &text);
    }
}

/// The saved store, or a fresh one when storage is empty, damaged or
/// unavailable (private browsing).
pub fn load() -> ResumeStore {
    ResumeStore::from_json(read(&key()).as_ref())
}

/// Saves the store; a full or blocked storage only loses the newest position.
pub fn save(store: &ResumeStore) {
    write(&key(), &store.to_json());
}

/// Whether the listener has queued episodes.
pub fn has_queue() -> bool {
    storage().is_some_and(|s| s.get_item(&queue_key()).ok().flatten().is_some())
}

/// The saved queue; empty when storage is empty, damaged or unavailable.
pub fn load_queue() -> Queue {
    Queue::from_json(read(&queue_key()).as_ref())
}

/// Saves the queue; an empty one is removed (see [`has_queue`]).
pub fn save_queue(queue: &Queue) {
    match storage() {
        Some(s) if queue.0.is_empty() => drop(s.remove_item(&queue_key())),
        _ => write(&queue_key(), &queue.to_json()),
    }
}
