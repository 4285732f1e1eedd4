//! Whether the app has hydrated the page the build wrote.
//!
//! The build renders every page with the app's own components, and the
//! browser's first render must draw exactly the same nodes for Yew to adopt
//! them. What only the browser knows (the listener's marks and downloads,
//! buttons that need the app) is drawn from the next render on.

use std::cell::Cell;
use yew::prelude::*;

thread_local! {
    static HYDRATED: Cell<bool> = const { Cell::new(false) };
}

/// Records that the first render is done; the app calls it once mounted.
pub fn mark_hydrated() {
    HYDRATED.with(|h| h.set(true));
}

/// `false` while the build renders and during the browser's first,
/// hydrating render; `true` once the app runs.
pub fn is_hydrated() -> bool {
    HYDRATED.with(Cell::get)
}

/// Whether this is the browser's hydrating render, when the nodes the
/// build wrote are there to adopt: a block of raw markup can then be
/// adopted as it is instead of being built again.
pub fn adopting() -> bool {
    cfg!(target_arch = "wasm32") && !is_hydrated()
}

/// [`is_hydrated`] for a component: `false` in its first render when that
/// render hydrates, then `true` (one more render). A component mounted
/// later starts at `true`.
///
/// The second render waits for a task of its own: hydrating a page and
/// then drawing what changes would together hold the page too long.
#[hook]
pub fn use_hydrated() -> bool {
    let hydrated = use_state(is_hydrated);
    {
        let hydrated = hydrated.clone();
        use_effect_with((), move |_| {
            let later = (!*hydrated)
                .then(|| gloo_timers::callback::Timeout::new(0, move || hydrated.set(true)));
            move || drop(later)
        });
    }
    *hydrated
}
