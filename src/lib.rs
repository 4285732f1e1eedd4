//! A podcast episode viewer that runs in the browser.
//!
//! Three layers, kept apart so that the pure logic is tested natively and
//! shared by the browser app and the build-time indexer:
//!
//! - [`core`]: pure logic — front matter, the episode model, slugs, dates,
//!   markdown rendering. No yew, web_sys or gloo.
//! - `io` (wasm only): the one place that fetches.
//! - `ui` (wasm only): Yew pages, components and hooks.
//!
//! The native-only [`indexer`] turns a content folder into the catalog index
//! that the listing is drawn from.

pub mod core;

#[cfg(not(target_arch = "wasm32"))]
pub mod indexer;

#[cfg(target_arch = "wasm32")]
pub mod io;
#[cfg(target_arch = "wasm32")]
pub mod ui;
