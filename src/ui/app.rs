//! The app shell: router, catalog and player providers, header, the routed
//! page, and the persistent player bar.

use super::components::{PlayerBar, ShortcutsOverlay, SiteHeader};
use super::hooks::{use_keyboard_shortcuts, CatalogProvider, OfflineProvider};
use super::pages::{ArchivePage, EpisodePage, ListingPage, NotFoundPage};
use super::player::{use_player, PlayerProvider};
use super::router::{use_location, Route, Router};
use yew::prelude::*;

fn switch(route: &Route) -> Html {
    match route.clone() {
        Route::Listing => html! { <ListingPage /> },
        Route::Archive => html! { <ArchivePage /> },
        Route::Episode { slug } => html! { <EpisodePage {slug} /> },
        Route::NotFound => html! { <NotFoundPage /> },
    }
}

#[component]
pub fn App() -> Html {
    // The providers start (the index download first of all) in one task,
    // and the views are drawn in the next: together they would hold the
    // page for longer than 50 ms on a slow phone. The static copy of the
    // page covers the gap.
    let drawn = use_state(|| false);
    {
        let drawn = drawn.setter();
        use_effect_with((), move |()| {
            let timeout = gloo_timers::callback::Timeout::new(0, move || drawn.set(true));
            move || drop(timeout)
        });
    }
    html! {
        <Router>
            <CatalogProvider>
                <PlayerProvider>
                    <OfflineProvider>
                        if *drawn {
                            <Shell />
                        }
                    </OfflineProvider>
                </PlayerProvider>
            </CatalogProvider>
        </Router>
    }
}

/// Everything inside the providers. The player bar sits outside the routed
/// page, so navigating never touches it.
#[component]
fn Shell() -> Html {
    let player = use_player().player;
    let location = use_location();
    let help = use_state(|| false);
    let toggle_help = {
        let help = help.clone();
        Callback::from(move |()| help.set(!*help))
    };
    use_keyboard_shortcuts(player, toggle_help.clone());
    {
        // Escape closes the overlay.
        let help = help.clone();
        use_effect_with(*help, move |open| {
            let listener = open.then(|| {
                let document = web_sys::window()
                    .and_then(|w| w.document())
                    .expect("a document");
                gloo_events::EventListener::new(&document, "keydown", move |e| {
                    use wasm_bindgen::JsCast;
                    if e.dyn_ref::<web_sys::KeyboardEvent>()
                        .is_some_and(|k| k.key() == "Escape")
                    {
                        help.set(false);
                    }
                })
            });
            move || drop(listener)
        });
    }
    html! {
        <>
            <SiteHeader />
            <main id="viewer-main" tabindex="-1">
                { switch(&location.route) }
            </main>
            <PlayerBar />
            if *help {
                <ShortcutsOverlay on_close={toggle_help} />
            }
        </>
    }
}
