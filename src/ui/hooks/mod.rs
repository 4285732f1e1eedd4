//! Hooks shared by pages and components.

mod use_catalog;
mod use_fetch;

pub use use_catalog::{use_catalog, use_language, CatalogContext, CatalogProvider};
pub use use_fetch::{use_fetch, Fetch, Load};
