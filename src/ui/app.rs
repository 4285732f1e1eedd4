//! The app shell: router, catalog and player providers, header, the routed
//! page, and the persistent player bar.

use super::components::{PlayerBar, ShortcutsOverlay, SiteHeader};
use super::hooks::{mark_hydrated, CatalogProvider, OfflineProvider};
use super::pages::{ArchivePage, EpisodePage, ListingPage, NotFoundPage};
use super::player::{use_keyboard_shortcuts, use_player, PlayerProvider};
use super::router::{use_location, Location, Route, Router};
use crate::core::catalog::Catalog;
use std::rc::Rc;
use yew::prelude::*;

/// What a page was drawn from, when it is known before the first render:
/// the build has it, and the browser loads it before hydrating.
#[derive(Clone, PartialEq, Default)]
pub struct Preloaded {
    pub catalog: Option<Rc<Catalog>>,
    /// The episode whose notes the page shows, and their HTML. The browser
    /// gives an empty string: hydration adopts the notes the build wrote.
    pub notes: Option<(AttrValue, AttrValue)>,
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The address the first render draws.
    pub location: Location,
    #[prop_or_default]
    pub preloaded: Preloaded,
}

fn switch(route: &Route) -> Html {
    match route.clone() {
        Route::Listing => html! { <ListingPage /> },
        Route::Archive => html! { <ArchivePage /> },
        Route::Episode { slug } => html! { <EpisodePage {slug} /> },
        Route::NotFound => html! { <NotFoundPage /> },
    }
}

/// The whole app. The build renders it to each static page, and the
/// browser hydrates that page with the same props.
#[component]
pub fn App(props: &AppProps) -> Html {
    use_effect_with((), |()| {
        mark_hydrated();
        super::dom::mark_running();
    });
    html! {
        <Router location={props.location.clone()}>
            <CatalogProvider initial={props.preloaded.catalog.clone()}>
                <ContextProvider<Preloaded> context={props.preloaded.clone()}>
                    <PlayerProvider>
                        <OfflineProvider>
                            <Shell />
                        </OfflineProvider>
                    </PlayerProvider>
                </ContextProvider<Preloaded>>
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
