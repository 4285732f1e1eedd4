//! The app's state that changes seldom, shared by one context: the
//! address, the catalog and what this device keeps. One context, not
//! three: each context type costs the wasm its own provider component.
//! (The player's state, which changes many times a second, has its own,
//! so that what only reads these does not redraw with playback.)

use super::hooks::{CatalogContext, Load, OfflineContext};
use super::router::{Location, Navigator, RouterContext};
use crate::core::i18n::{strings, Strings};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Clone, PartialEq)]
pub struct AppContext {
    pub router: RouterContext,
    pub catalog: CatalogContext,
    pub offline: OfflineContext,
}

#[hook]
fn use_app() -> AppContext {
    use_context::<AppContext>().expect("the app's context is above every page")
}

/// The address of the page.
#[hook]
pub fn use_location() -> Rc<Location> {
    use_app().router.location
}

/// The way to change the address.
#[hook]
pub fn use_navigator() -> Navigator {
    use_app().router.navigator
}

/// The catalog's state.
#[hook]
pub fn use_catalog() -> CatalogContext {
    use_app().catalog
}

/// What this device keeps for offline listening, and whether it is online.
#[hook]
pub fn use_offline() -> OfflineContext {
    use_app().offline
}

/// The interface strings and language tag for the site. The app runs only
/// once the index has arrived with the site's table (see `ui::start` and
/// `i18n::register`).
#[hook]
pub fn use_language() -> (&'static Strings, String) {
    let catalog = use_catalog();
    let language = match &catalog.state {
        Load::Ready(c) => c.site.language.clone(),
        _ => "en".to_string(),
    };
    (strings(&language), language)
}
