//! The static pages' content: the app's own components, rendered by the
//! build with Yew's `ssr` feature, with the markers hydration needs; and
//! by the preview module (`src/bin/preview.rs`), for an author's draft.
//!
//! Effects do not run here, so nothing that needs a browser happens: the
//! page is what the app draws before it knows anything about the listener.

use super::app::{App, AppProps};
use super::components::built_notes;
use super::router::Location;
use crate::core::catalog::Catalog;
use std::rc::Rc;

/// The app's markup at `location`, drawn from `catalog`: what goes inside
/// its mount point. `notes` is the published notes HTML of the episode
/// `location` names, inserted as it is (it was sanitized when it was
/// written). The build renders every page with this, and the preview
/// module an author's draft.
pub async fn render(catalog: Rc<Catalog>, location: Location, notes: Option<&str>) -> String {
    if let (super::Route::Episode { slug }, Some(html)) = (&location.route, notes) {
        built_notes(slug, html.to_string());
    }
    let props = AppProps {
        location,
        catalog: Some(catalog),
    };
    yew::LocalServerRenderer::<App>::with_props(props)
        .render()
        .await
}

/// Renders pages one after another on one single-threaded runtime.
#[cfg(not(target_arch = "wasm32"))]
pub struct Renderer {
    runtime: tokio::runtime::Runtime,
    catalog: Rc<Catalog>,
}

#[cfg(not(target_arch = "wasm32"))]
impl Renderer {
    /// A renderer for the pages of `catalog`.
    ///
    /// # Panics
    /// When the operating system cannot give the runtime its timer and
    /// I/O drivers (it uses neither).
    pub fn new(catalog: Catalog) -> Renderer {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("a single-threaded runtime starts");
        Renderer {
            runtime,
            catalog: Rc::new(catalog),
        }
    }

    /// The catalog the pages are drawn from.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The app's markup at `location` (see [`render`]).
    pub fn render(&self, location: Location, notes: Option<&str>) -> String {
        let local = tokio::task::LocalSet::new();
        local.block_on(&self.runtime, render(self.catalog.clone(), location, notes))
    }
}
