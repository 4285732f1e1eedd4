//! The Yew interface: the app shell, its routes, pages, components and hooks.
//!
//! Compiled for both targets. The indexer renders [`App`] natively into
//! every static page ([`ssr`]); in the browser, [`start`] loads what that
//! page was drawn from and hydrates it, adopting the build's nodes instead
//! of drawing the page a second time.

mod ahead;
mod app;
pub mod components;
pub mod context;
pub(crate) mod dom;
mod format;
pub mod hooks;
pub mod pages;
pub mod player;
#[cfg(ssr)]
pub mod preview;
pub mod queue_view;
pub mod router;
#[cfg(ssr)]
pub mod ssr;
#[cfg(target_arch = "wasm32")]
mod start;
pub mod transcript_view;

pub use app::{App, AppProps};
pub use router::{Location, Route};
#[cfg(target_arch = "wasm32")]
pub use start::start;
