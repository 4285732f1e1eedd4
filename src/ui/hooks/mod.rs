//! Hooks shared by pages and components.

mod use_catalog;
mod use_fetch;
mod use_hydrated;
mod use_offline;
mod use_search;
mod use_window;

pub use use_catalog::{use_catalog_source, CatalogContext};
pub use use_fetch::{use_fetch, Fetch, Load};
pub use use_hydrated::{adopting, is_hydrated, mark_hydrated, use_hydrated};
pub use use_offline::{use_offline_source, OfflineContext};
pub use use_search::{use_search, Found, SearchState, TranscriptHit};
pub use use_window::{use_window, Window};
