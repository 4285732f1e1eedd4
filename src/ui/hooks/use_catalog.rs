//! The catalog index, fetched once for the whole app and shared by context.

use super::use_fetch::{use_fetch, Fetch};
use crate::core::catalog::Catalog;
use crate::io::fetch_catalog;
use yew::prelude::*;

pub type CatalogContext = Fetch<Catalog>;

#[derive(Properties, PartialEq)]
pub struct CatalogProviderProps {
    pub children: Html,
}

/// Fetches the index and provides it to every page below.
#[component]
pub fn CatalogProvider(props: &CatalogProviderProps) -> Html {
    let catalog = use_fetch((), |()| fetch_catalog());
    html! {
        <ContextProvider<CatalogContext> context={catalog}>
            { props.children.clone() }
        </ContextProvider<CatalogContext>>
    }
}

/// The catalog's state, from the nearest [`CatalogProvider`].
#[hook]
pub fn use_catalog() -> CatalogContext {
    use_context::<CatalogContext>().expect("use_catalog needs a CatalogProvider above it")
}

/// The interface strings and language tag for the site, once known; the
/// page's own `lang` until the index arrives.
#[hook]
pub fn use_language() -> (&'static crate::core::i18n::Strings, String) {
    let catalog = use_catalog();
    let language = match &catalog.state {
        super::Load::Ready(c) => c.site.language.clone(),
        _ => web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|e| e.get_attribute("lang"))
            .unwrap_or_else(|| "en".into()),
    };
    (crate::core::i18n::strings(&language), language)
}
