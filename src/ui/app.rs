//! The app shell: router, catalog and player providers, header, the routed
//! page, and the persistent player bar.

use super::components::{shortcuts_overlay, site_header, PlayerBar};
use super::context::{
    use_catalog, use_language, use_location, use_navigator, use_offline, AppContext,
};
use super::hooks::{mark_hydrated, use_catalog_source, use_offline_source, Load};
use super::pages::{ArchivePage, EpisodePage, ListingPage, NotFoundPage};
use super::player::{
    use_keyboard_shortcuts, use_player, use_player_source, ListenContext, PlayerContext,
};
use super::router::{use_link_following, use_router, Location, Route};
use crate::core::catalog::Catalog;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The address the first render draws.
    pub location: Location,
    /// The catalog the page is drawn from, when it is known before the
    /// first render: the build has it, and the browser loads it before
    /// hydrating. Without it the app fetches it.
    #[prop_or_default]
    pub catalog: Option<Rc<Catalog>>,
}

fn switch(route: &Route) -> Html {
    match route.clone() {
        Route::Listing => html! { <ListingPage /> },
        Route::Archive => html! { <ArchivePage /> },
        Route::Episode { slug } => html! { <EpisodePage {slug} /> },
        Route::NotFound => html! { <NotFoundPage /> },
        Route::Preview => Html::default(),
    }
}

/// The whole app. The build renders it to each static page, and the
/// browser hydrates that page with the same props.
#[component]
pub fn App(props: &AppProps) -> Html {
    use_effect_with((), |()| {
        mark_hydrated();
        super::dom::mark_running();
        // Not before: its install would compete with the page's first load
        // and hydration (README, Offline).
        crate::io::offline::register_service_worker();
    });
    // The app's own state, shared by context. Hooks of this component, not
    // provider components: each component type costs the wasm its own
    // lifecycle and hydration code.
    let router = use_router(&props.location);
    let catalog = use_catalog_source(props.catalog.clone());
    let offline = use_offline_source();
    let (player, listen) = use_player_source(&catalog);
    let app = AppContext {
        router,
        catalog,
        offline,
    };
    html! {
        <ContextProvider<AppContext> context={app}>
            <ContextProvider<PlayerContext> context={player}>
                <ContextProvider<ListenContext> context={listen}>
                    <Shell />
                </ContextProvider<ListenContext>>
            </ContextProvider<PlayerContext>>
        </ContextProvider<AppContext>>
    }
}

/// Everything inside the providers: the header, the routed page, the
/// player bar (outside the routed page, so navigating never touches it)
/// and the shortcuts overlay.
#[component]
fn Shell() -> Html {
    let player = use_player().player;
    let location = use_location();
    let catalog = use_catalog();
    let (t, language) = use_language();
    let online = use_offline().online;
    // The document's language follows the site's, for screen readers and
    // hyphenation (the build set it; a site read in the app sets it here).
    use_effect_with(language, |language| {
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", language);
        }
    });
    let help = use_state(|| false);
    let close_help = use_node_ref();
    let toggle_help = {
        let help = help.clone();
        Callback::from(move |()| help.set(!*help))
    };
    use_keyboard_shortcuts(player, toggle_help.clone());
    let navigator = use_navigator();
    use_link_following(navigator);
    {
        // The overlay takes the focus, so Escape and Tab work at once;
        // Escape closes it.
        let help = help.clone();
        let close_help = close_help.clone();
        use_effect_with(*help, move |open| {
            if let Some(button) = close_help.cast::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
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
    let (title, artwork) = match &catalog.state {
        Load::Ready(c) => (c.site.title.as_str(), c.site.artwork.as_deref()),
        _ => ("", None),
    };
    html! {
        <>
            { site_header(t, title, artwork, online) }
            <main id="viewer-main" tabindex="-1">
                { switch(&location.route) }
            </main>
            <PlayerBar />
            // What the queue says of each change (see `ui::queue_view`).
            <p id={super::player::STATUS} class="queue-status" role="status"></p>
            if *help {
                { shortcuts_overlay(t, &close_help, &toggle_help) }
            }
        </>
    }
}
