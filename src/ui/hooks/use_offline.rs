//! What this device keeps for offline use, and whether it is online,
//! shared by context: the header, the cards and the episode page show it.

use crate::io::offline::{online, saved, Saved};
use gloo_events::EventListener;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Clone, PartialEq)]
pub struct OfflineContext {
    pub saved: Rc<Saved>,
    pub online: bool,
    /// Reads the caches again, after a save or a removal.
    pub refresh: Callback<()>,
}

/// What this device keeps, and whether it is online, for the app to
/// provide.
#[hook]
pub fn use_offline_source() -> OfflineContext {
    let saved_state = use_state(|| Rc::new(Saved::default()));
    // Online until the browser says otherwise, as the build drew it.
    let is_online = use_state(|| true);
    let reads = use_state(|| 0u32);
    {
        // Going offline is when the list matters: read it again then.
        let saved_state = saved_state.clone();
        use_effect_with((*reads, *is_online), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                saved_state.set(Rc::new(saved().await));
            });
        });
    }
    {
        let is_online = is_online.clone();
        use_effect_with((), move |_| {
            if !online() {
                is_online.set(false);
            }
            let window = web_sys::window().expect("a window");
            let listeners = ["online", "offline"].map(|name| {
                let is_online = is_online.clone();
                EventListener::new(&window, name, move |_| is_online.set(online()))
            });
            move || drop(listeners)
        });
    }
    OfflineContext {
        saved: (*saved_state).clone(),
        online: *is_online,
        refresh: Callback::from(move |()| reads.set(*reads + 1)),
    }
}
