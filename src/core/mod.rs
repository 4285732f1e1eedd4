//! Pure logic shared by the browser app and the native indexer.
//!
//! Nothing here touches the network, the file system or the DOM, so every
//! rule is testable natively with plain strings.

pub mod catalog;
pub mod date;
pub mod duration;
pub mod episode;
pub mod frontmatter;
pub mod i18n;
pub mod markdown;
pub mod slug;
pub mod text;
