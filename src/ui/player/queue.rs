//! The app's side of the queue: the queue itself, its panel and what is
//! said of each change live in the queue module (`src/bin/queue.rs`,
//! [`crate::ui::queue_view`]), loaded the first time a listener uses the
//! queue, so that the app, which every listener downloads, carries none
//! of it. The app hands the module the queue buttons' clicks, and asks it
//! for the next episode ([`ask`]).

use crate::core::i18n::site_strings;
use crate::io::modules;
use wasm_bindgen::prelude::*;

/// The id of the panel the player bar draws, hidden, for the module to
/// draw the queue into.
pub const PANEL: &str = "queue-panel";
/// The id of the status line the app draws for what the queue says.
pub const STATUS: &str = "queue-status";

#[wasm_bindgen]
extern "C" {
    /// The queue module's one export (`src/bin/queue.rs`).
    type QueueModule;
    #[wasm_bindgen(method)]
    fn edit(this: &QueueModule, action: &str, slug: &str, title: &str) -> String;
}

/// Hands one press of a queue button to the module, and returns its
/// answer: `action` is the button's `data-queue`, or `next?` for the next
/// episode's slug (see [`crate::ui::queue_view::edit`] and
/// [`crate::ui::queue_view::next`]). When the module cannot load (offline
/// before it ever did), a press says so on the status line, and the next
/// one tries again. `None` for an empty answer, or no module.
pub async fn ask(action: &str, slug: &str, title: &str) -> Option<String> {
    let loaded = modules::load(modules::QUEUE).ready().await;
    // Said for a listener's press, not for the player's own questions.
    if loaded.is_err() && !matches!(action, "next?" | "play") {
        let status = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(STATUS));
        if let Some(status) = status {
            status.set_text_content(Some(site_strings().queue_unavailable));
        }
    }
    let module: QueueModule = loaded.ok()?.unchecked_into();
    Some(module.edit(action, slug, title)).filter(|a| !a.is_empty())
}

/// [`ask`], without waiting for the answer.
pub fn send(action: String, slug: String, title: String) {
    wasm_bindgen_futures::spawn_local(async move {
        ask(&action, &slug, &title).await;
    });
}
