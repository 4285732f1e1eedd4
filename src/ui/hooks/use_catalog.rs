//! The catalog index, fetched once for the whole app and shared by context.
//!
//! The head (`index.json`) is shown as soon as it arrives; a large archive's
//! further parts follow, each parsed in its own short task, and the catalog
//! is replaced once complete.

use super::use_fetch::{use_fetch, Fetch, Load};
use crate::core::catalog::Catalog;
use crate::io::{fetch_catalog, fetch_part};
use std::rc::Rc;
use yew::prelude::*;

pub type CatalogContext = Fetch<Catalog>;

/// The catalog for the app to provide: `initial` (the catalog the page was
/// built from, known before the first render in the build and in the
/// browser's hydration), else fetched; then a large archive's further
/// parts.
#[hook]
pub fn use_catalog_source(initial: Option<Rc<Catalog>>) -> CatalogContext {
    let head = use_fetch((), initial, |()| fetch_catalog());
    let full = use_state(|| None::<Load<Catalog>>);
    {
        let full = full.clone();
        use_effect_with(head.state.clone(), move |state| {
            full.set(None);
            if let Load::Ready(head) = state {
                if !head.is_complete() {
                    let mut catalog = (**head).clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        while let Some(name) = catalog.parts.first().cloned() {
                            match fetch_part(&name).await {
                                Ok(part) => catalog.add_part(part),
                                Err(e) => {
                                    full.set(Some(Load::Failed(e)));
                                    return;
                                }
                            }
                        }
                        full.set(Some(Load::Ready(Rc::new(catalog))));
                    });
                }
            }
        });
    }
    match &*full {
        Some(state) => Fetch {
            state: state.clone(),
            retry: head.retry.clone(),
        },
        None => head,
    }
}
