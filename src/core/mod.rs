//! Pure logic shared by the browser app and the native indexer.
//!
//! Nothing here touches the network, the file system or the DOM, so every
//! rule is testable natively with plain strings.
//!
//! Modules marked native-only run at build time in the indexer: Markdown
//! rendering and HTML sanitizing happen once there, so their crates never
//! reach the listener's wasm.

pub mod catalog;
pub mod chapters;
pub mod date;
pub mod duration;
pub mod episode;
#[cfg(not(target_arch = "wasm32"))]
pub mod feed;
pub mod frontmatter;
pub mod i18n;
pub mod liquid;
pub mod listing;
#[cfg(not(target_arch = "wasm32"))]
pub mod markdown;
#[cfg(not(target_arch = "wasm32"))]
pub mod notes;
pub mod resume;
pub mod route;
#[cfg(not(target_arch = "wasm32"))]
pub mod sanitize;
pub mod search;
pub mod slug;
pub mod text;
pub mod timestamp;
