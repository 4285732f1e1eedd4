//! A podcast episode viewer that runs in the browser.
//!
//! Three layers, kept apart so that the pure logic is tested natively and
//! shared by the browser app and the build-time indexer:
//!
//! - [`core`]: pure logic — front matter, the episode model, slugs, dates,
//!   markdown rendering. No yew, web_sys or gloo.
//! - [`io`]: the one place that fetches (in the browser).
//! - [`ui`]: Yew pages, components and hooks. Compiled for both targets:
//!   the indexer renders them to the static pages, and the browser
//!   hydrates those.
//!
//! The native-only [`indexer`] turns a content folder into the catalog index
//! that the listing is drawn from.

pub mod core;
pub mod io;
pub mod ui;

#[cfg(not(target_arch = "wasm32"))]
pub mod indexer;
